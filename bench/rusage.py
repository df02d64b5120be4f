"""Run a command and write its wall time and peak memory, as ``/usr/bin/time -v`` would.

    python -m bench.rusage RESULT.json COMMAND...

The figures come from this small process, not from the benchmark's: on Linux a child's ``ru_maxrss``
starts from the memory of the process it was forked from (the high-water mark of the address space
``exec`` replaces), so a command started straight from the benchmark, which holds the generated file
and the register's keys, would report at least the benchmark's own size. Started from here, it carries
only this interpreter's few megabytes, less than any Python command weighs by itself.
"""

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    result_path, command = argv[0], argv[1:]
    started = time.perf_counter()
    status = subprocess.call(command)  # noqa: S603 - the benchmark's own command
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump({"wall_s": wall, "maxrss_kb": usage.ru_maxrss, "status": status}, handle)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
