"""benchmarks.cpu: real processes, judged only as "used some CPU" against "used almost none"."""

import os
import re
import subprocess
import sys
import time

import pytest

from benchmarks.cpu import (
    WORKERS,
    CpuSample,
    ProcessReading,
    group_of,
    loop_seconds,
    per_subject_line,
    reference_line,
)

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/stat"), reason="reads /proc (Linux)")

BUSY = "import time\nstarted = time.process_time()\nwhile time.process_time() - started < 0.6: pass\n"
REPORT_AND_SLEEP = "print('ready', flush=True)\ntime.sleep(30)\n"
SPAWN_BUSY_CHILD = f"import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', {BUSY!r}]).wait()\n"


def python(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def ready(process: subprocess.Popen) -> subprocess.Popen:
    assert process.stdout.readline() == "ready\n"
    return process


def ended(process: subprocess.Popen) -> None:
    process.kill()
    process.wait()
    process.stdout.close()


def sample_of_a_busy_root() -> CpuSample:
    """A window in which a tracked process burns 0.6 s of CPU, then sleeps on (alive at the end sample)."""
    busy = python(BUSY + REPORT_AND_SLEEP)
    try:
        with CpuSample(roots=[busy.pid], interval=0.1) as sample:
            ready(busy)
    finally:
        ended(busy)
    return sample


def test_a_busy_process_is_counted_in_its_group_with_the_cpu_it_used():
    sample = sample_of_a_busy_root()

    assert sample.use().seconds[WORKERS] >= 0.3


def test_a_sleeping_process_counts_almost_nothing():
    sleeping = ready(python("import time\n" + REPORT_AND_SLEEP))
    try:
        with CpuSample(roots=[sleeping.pid], interval=0.1) as sample:
            time.sleep(0.6)
    finally:
        ended(sleeping)

    assert sample.use().seconds[WORKERS] < 0.1


def test_a_child_of_a_tracked_process_is_counted_in_its_parents_group():
    parent = ready(python("import time\n" + REPORT_AND_SLEEP.replace("time.sleep(30)", SPAWN_BUSY_CHILD)))
    with CpuSample(roots=[parent.pid], interval=0.1) as sample:
        parent.wait(timeout=30)
    parent.stdout.close()

    assert sample.use().seconds[WORKERS] >= 0.3


def test_a_process_that_ends_inside_the_window_is_counted_up_to_its_last_reading():
    busy = python(BUSY)
    with CpuSample(roots=[busy.pid], interval=0.1) as sample:
        busy.wait(timeout=30)  # reaped: gone before the end sample
    busy.stdout.close()

    assert sample.use().seconds[WORKERS] >= 0.3


def test_a_process_born_inside_the_window_counts_from_zero():
    with CpuSample(roots=[os.getpid()], interval=60) as sample:  # read only at the two ends
        busy = ready(python(BUSY + REPORT_AND_SLEEP))
    ended(busy)

    assert sample.use().seconds[WORKERS] >= 0.3


def test_this_process_is_counted_in_its_own_group():
    with CpuSample(interval=0.1) as sample:
        started = time.process_time()
        while time.process_time() - started < 0.6:
            pass

    assert sample.use().seconds["this process"] >= 0.3


def test_the_machine_shares_add_up_to_at_most_100_percent():
    with CpuSample(interval=0.1) as sample:
        time.sleep(0.3)

    use = sample.use()
    assert all(0 <= share <= 1 for share in (use.idle, use.iowait, use.steal))
    assert use.idle + use.iowait + use.steal <= 1


@pytest.mark.parametrize("comm, group", [("mariadbd", "MariaDB"), ("mysqld", "MariaDB"), ("postgres", "PostgreSQL"),
                                         ("redis-server", "Redis"), ("python3", None)])  # fmt: skip
def test_a_server_is_grouped_by_its_process_name(comm, group):
    reading = ProcessReading(pid=999_999_999, ppid=1, comm=comm, started=0, ticks=0)

    assert group_of(reading, roots=set(), processes={reading.pid: reading}) == group


def test_the_report_line_gives_each_groups_milliseconds_a_subject():
    sample = sample_of_a_busy_root()

    line = per_subject_line(sample.use(), subjects=2)

    assert 150 <= int(re.search(r"workers (\d+) ms", line)[1]) <= int(re.search(r"total (\d+) ms", line)[1])
    assert re.search(r"MariaDB \d+ ms, PostgreSQL \d+ ms, Redis \d+ ms, this process \d+ ms", line)
    assert re.search(r"cores idle \d+ %, iowait \d+ %, steal \d+ %$", line)


def test_the_machine_reference_times_a_pure_python_loop():
    seconds = loop_seconds(additions=100_000, repeats=2)

    assert 0 < seconds < 10
    assert f"takes {seconds:.2f} s" in reference_line(seconds)
