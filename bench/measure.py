"""Server time of pages, measured in process with Django's test client (no network in the figure)."""

import math
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


class BenchError(RuntimeError):
    """The benchmark cannot go on (a page failed, the database is not a load database, ...)."""


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) with linear interpolation between the closest ranks."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Timing:
    url: str
    samples_ms: list[float]
    queries: int = 0
    slowest_query_ms: float = 0.0
    slowest_query: str = ""
    sql_ms: float = 0.0
    sql: list[str] = field(default_factory=list, repr=False)

    @property
    def p50(self) -> float:
        return percentile(self.samples_ms, 0.5)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 0.95)

    def as_dict(self) -> dict:
        return {
            "url": self.url,
            "p50_ms": round(self.p50, 2),
            "p95_ms": round(self.p95, 2),
            "queries": self.queries,
            "sql_ms": round(self.sql_ms, 2),
            "slowest_query_ms": round(self.slowest_query_ms, 2),
            "slowest_query": self.slowest_query,
            "samples_ms": [round(sample, 2) for sample in self.samples_ms],
        }


def get(client: Client, url: str, expect: str | None = None):
    response = client.get(url)
    if response.status_code != 200:
        raise BenchError(f"GET {url} answered {response.status_code}")
    if expect is not None and expect not in response.content.decode():
        raise BenchError(f"GET {url} does not show {expect!r}")
    return response


def time_pages(client: Client, urls: list[str], *, repeat: int, warmup: int) -> list[Timing]:
    """Time each URL ``repeat`` times after ``warmup`` rounds, taking the URLs in turn so that a drift of
    the machine's speed touches all of them alike; then count each one's queries in one more request."""
    for _ in range(warmup):
        for url in urls:
            get(client, url)
    samples: dict[str, list[float]] = {url: [] for url in urls}
    for _ in range(repeat):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            samples[url].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise BenchError(f"GET {url} answered {response.status_code}")
    timings = []
    for url in urls:
        durations: list[float] = []
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(_timer(durations)):
            get(client, url)
        queries = captured.captured_queries
        # The debug cursor rounds to the millisecond; the wrapper's clock, taken around the same calls, does not.
        times = durations if len(durations) == len(queries) else [float(query["time"]) for query in queries]
        slowest = max(range(len(queries)), key=times.__getitem__, default=None)
        timings.append(
            Timing(
                url=url,
                samples_ms=samples[url],
                queries=len(queries),
                slowest_query_ms=times[slowest] * 1000 if slowest is not None else 0.0,
                slowest_query=queries[slowest]["sql"] if slowest is not None else "",
                sql=[query["sql"] for query in queries],
                sql_ms=sum(times) * 1000,
            )
        )
    return timings


def _timer(durations: list[float]):
    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            durations.append(time.perf_counter() - started)

    return wrapper


def explain(sql: str) -> str:
    """EXPLAIN ANALYZE of one captured query (PostgreSQL), to see where a slow page spends its time."""
    if connection.vendor != "postgresql" or not sql.lstrip().upper().startswith("SELECT"):
        return ""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())
