"""The load run: gunicorn on loopback, several concurrent signed-in clients, for a bounded time.

The clients are wrk when it is installed (``apt-get install wrk``), else Python threads with http.client.
Production settings stay on (HTTPS redirect, secure cookies), so each request says it came through an
HTTPS proxy (``X-Forwarded-Proto``, trusted by ``SECURE_PROXY_SSL_HEADER``) and sends the session
cookie as a plain header.
"""

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .measure import BenchError, percentile

ROOT = Path(__file__).resolve().parent.parent

WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) failures = 0 end
function response(status, headers, body) if status ~= 200 then failures = failures + 1 end end
function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  local e = summary.errors
  io.write(string.format(
    '\\nRESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    failed + e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class LoadResult:
    path: str
    tool: str
    clients: int
    seconds: float
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "tool": self.tool,
            "clients": self.clients,
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "errors": self.errors,
            "requests_per_s": round(self.throughput, 1),
            "p50_ms": round(self.p50_ms, 1),
            "p95_ms": round(self.p95_ms, 1),
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(*, workers: int = 2):
    """gunicorn serving the project with the bench settings on a free loopback port; yields the port."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    command = [sys.executable, "-m", "gunicorn", "cec_engage.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"]
    command += ["--timeout", "60"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own command line
    try:
        _wait_until_up(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn stopped with code {process.returncode}")
        try:
            status, _ = request(port, "/healthz", {})
            if status in (200, 503):
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError("gunicorn did not answer within 30 s")


def request(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def load(port: int, path: str, headers: dict[str, str], *, clients: int, seconds: float, tool: str) -> LoadResult:
    """``clients`` concurrent clients request ``path`` for ``seconds``; a non-200 answer is an error."""
    status, _ = request(port, path, headers)
    if status != 200:
        raise BenchError(f"gunicorn answered {status} for {path}: is the session cookie accepted?")
    for _ in range(4 * clients):  # warm every worker (templates, translations, connections)
        request(port, path, headers)
    if tool == "auto":
        tool = "wrk" if shutil.which("wrk") else "python"
    if tool == "wrk":
        return _wrk(port, path, headers, clients=clients, seconds=seconds)
    return _threads(port, path, headers, clients=clients, seconds=seconds)


def _threads(port: int, path: str, headers: dict[str, str], *, clients: int, seconds: float) -> LoadResult:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + seconds

    def client():
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            begin = time.perf_counter()
            try:
                status, _ = request(port, path, headers)
            except OSError:
                status = 0
            mine.append((time.perf_counter() - begin) * 1000)
            failed += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return LoadResult(
        path=path,
        tool="python",
        clients=clients,
        seconds=elapsed,
        requests=len(latencies),
        errors=errors[0],
        p50_ms=percentile(latencies, 0.5) if latencies else 0.0,
        p95_ms=percentile(latencies, 0.95) if latencies else 0.0,
    )


def _wrk(port: int, path: str, headers: dict[str, str], *, clients: int, seconds: float) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        command = ["wrk", "-t", str(min(2, clients)), "-c", str(clients), "-d", f"{int(seconds)}s", "--timeout", "60s"]
        command += ["-s", script.name]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        command.append(f"http://127.0.0.1:{port}{path}")
        output = subprocess.run(  # noqa: S603 - our own command line
            command, capture_output=True, text=True, check=True, timeout=seconds + 60
        ).stdout
    finally:
        os.unlink(script.name)
    line = next((line for line in output.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise BenchError(f"wrk gave no result:\n{output}")
    figures = json.loads(line.removeprefix("RESULT "))
    return LoadResult(
        path=path,
        tool="wrk",
        clients=clients,
        seconds=figures["duration_us"] / 1e6,
        requests=figures["requests"],
        errors=figures["errors"],
        p50_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
    )
