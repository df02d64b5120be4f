"""`manage.py import_stakeholders ARGS`, run in this process with a clock around each of its steps.

    python -m bench.import_child FILE --json --on-error skip [--phases PATH] [--profile PATH]

The command runs as it does from manage.py (same arguments, same code); the only addition is a timer
around the functions it calls (open_table, suggest_mapping, import_rows) and, inside import_rows, around
the steps it repeats for each chunk of rows (plan: check and match; prepare: lay out the new rows;
write, on the writing thread), summed over the chunks, and the final writes (finish: changes to existing
records and their history), with the process's peak memory when each returns, written as JSON to
``--phases``, and with ``--profile`` a cProfile of the whole run.
The exit status is the command's.
"""

import json
import os
import resource
import sys
import time


def main(argv: list[str]) -> int:
    phases_path = _option(argv, "--phases")
    profile_path = _option(argv, "--profile")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    started = time.perf_counter()
    import django

    django.setup()
    from django.core.management import execute_from_command_line

    from stakeholders.management.commands import import_stakeholders as command

    phases = {"setup": time.perf_counter() - started}
    peaks = {"setup": _peak_mb()}
    spans = []  # (name, start, end), seconds since the process started

    def timed(name, function):
        def wrapper(*args, **kwargs):
            begun = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                ended = time.perf_counter()
                phases[name] = phases.get(name, 0.0) + ended - begun
                peaks[name] = _peak_mb()
                spans.append((name, round(begun - started, 3), round(ended - started, 3)))

        return wrapper

    from stakeholders import bulk
    from stakeholders.imports.planning import Matcher, Planner
    from stakeholders.services.import_writes import ImportWriter

    for name in ("open_table", "suggest_mapping", "import_rows"):
        setattr(command, name, timed(name, getattr(command, name)))
    Planner.plan = timed("plan", Planner.plan)
    ImportWriter.prepare = timed("prepare", ImportWriter.prepare)
    ImportWriter.insert = timed("write", ImportWriter.insert)
    ImportWriter.finish = timed("finish", ImportWriter.finish)
    Matcher.__init__ = timed("matching keys", Matcher.__init__)
    bulk.LargeWrite.check_references = timed("reference check", bulk.LargeWrite.check_references)
    bulk.LargeWrite._merge_on_own_connection = timed("index merge", bulk.LargeWrite._merge_on_own_connection)

    status = 0
    profiler = None
    if profile_path:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    try:
        execute_from_command_line(["manage.py", "import_stakeholders", *argv])
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile_path)
        phases["total"] = time.perf_counter() - started
        if phases_path:
            with open(phases_path, "w", encoding="utf-8") as handle:
                json.dump(
                    {
                        "seconds": {name: round(seconds, 3) for name, seconds in phases.items()},
                        "peak_mb_after": peaks,
                        "spans": spans,
                    },
                    handle,
                )
    return status


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _option(argv: list[str], name: str) -> str:
    """Take ``name VALUE`` out of ``argv`` (they are ours, not the command's)."""
    if name not in argv:
        return ""
    index = argv.index(name)
    value = argv[index + 1]
    del argv[index : index + 2]
    return value


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
