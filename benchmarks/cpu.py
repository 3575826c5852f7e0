"""CPU used by the processes a benchmark depends on, over a window, read from /proc (Linux).

Throughput moves with the machine and with whatever else runs on it; the CPU seconds each process group spends
a unit of work move much less, and a pure-Python loop timed in the same run says how fast the machine's CPU is.
"""

import os
import threading
import time
from dataclasses import dataclass

TICKS_A_SECOND = os.sysconf("SC_CLK_TCK")
REFERENCE_ADDITIONS = 10**7
WORKERS, THIS_PROCESS = "workers", "this process"
SERVERS = {"mariadbd": "MariaDB", "mysqld": "MariaDB", "postgres": "PostgreSQL", "redis-server": "Redis"}
GROUPS = (WORKERS, "MariaDB", "PostgreSQL", "Redis", THIS_PROCESS)


@dataclass(frozen=True)
class ProcessReading:
    pid: int
    ppid: int
    comm: str
    started: int  # clock ticks after boot: with the pid, tells a reused pid from the process that had it
    ticks: int  # utime + stime of all its threads


@dataclass(frozen=True)
class MachineReading:
    total: int
    idle: int
    iowait: int
    steal: int


@dataclass(frozen=True)
class CpuUse:
    """CPU seconds each group used over a window, and the share of all cores' time spent idle, in iowait, stolen."""

    seconds: dict[str, float]
    idle: float
    iowait: float
    steal: float


def process_read(pid: int) -> ProcessReading | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            line = stat.read()
    except OSError:  # gone between listing /proc and reading it
        return None
    comm, fields = line[line.index("(") + 1 : line.rindex(")")], line[line.rindex(")") + 2 :].split()
    # fields[0] is field 3 of proc(5): ppid is 4, utime 14, stime 15, starttime 22
    return ProcessReading(pid=pid, ppid=int(fields[1]), comm=comm, started=int(fields[19]),
                          ticks=int(fields[11]) + int(fields[12]))  # fmt: skip


def processes_read() -> dict[int, ProcessReading]:
    readings = (process_read(int(name)) for name in os.listdir("/proc") if name.isdigit())
    return {reading.pid: reading for reading in readings if reading}


def machine_read() -> MachineReading:
    with open("/proc/stat") as stat:
        user, nice, system, idle, iowait, irq, softirq, steal = map(int, stat.readline().split()[1:9])
    # guest and guest_nice (fields 9 and 10) are already counted in user and nice
    return MachineReading(total=user + nice + system + idle + iowait + irq + softirq + steal, idle=idle,
                          iowait=iowait, steal=steal)  # fmt: skip


def group_of(reading: ProcessReading, *, roots: set[int], processes: dict[int, ProcessReading]) -> str | None:
    """The group a process counts in: a root or a descendant of one, this process, or a server by its name."""
    if descends_from(reading.pid, roots=roots, processes=processes):
        return WORKERS
    if reading.pid == os.getpid():
        return THIS_PROCESS
    return SERVERS.get(reading.comm)


def descends_from(pid: int, *, roots: set[int], processes: dict[int, ProcessReading]) -> bool:
    seen = set()
    while pid in processes and pid not in seen:
        if pid in roots:
            return True
        seen.add(pid)
        pid = processes[pid].ppid
    return False


@dataclass
class Tracked:
    group: str
    first: int  # ticks when the window started, 0 for a process born inside it
    last: int


class CpuSample:
    """Read the CPU of each group at the start and end of a window (a `with` block), and every interval between.

    A process missing at the start counts from 0, as it was born inside the window. One that ends inside the window
    counts up to its last reading: what it used after that (at most one interval's worth) is lost, which is why the
    readings are taken in a background thread every interval seconds, not only at the two ends. Its group is fixed
    when it is first seen, so a pool process keeps counting with the workers after its parent is gone. The thread's
    own readings count with this process.
    """

    def __init__(self, *, roots=(), interval: float = 0.5):
        self.roots, self.interval = set(roots), interval
        self._tracked: dict[tuple[int, int], Tracked] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read_every_interval, name="cpu-sample", daemon=True)

    def __enter__(self) -> "CpuSample":
        self._machine_start = machine_read()
        self._read(born_inside=False)
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()
        self._read(born_inside=True)
        self._machine_end = machine_read()

    def _read_every_interval(self) -> None:
        while not self._stop.wait(self.interval):
            self._read(born_inside=True)

    def _read(self, *, born_inside: bool) -> None:
        processes = processes_read()
        for reading in processes.values():
            key = (reading.pid, reading.started)
            if key in self._tracked:
                self._tracked[key].last = reading.ticks
            elif group := group_of(reading, roots=self.roots, processes=processes):
                self._tracked[key] = Tracked(group, 0 if born_inside else reading.ticks, reading.ticks)

    def use(self) -> CpuUse:
        """What the window used; call after the `with` block."""
        seconds = dict.fromkeys(GROUPS, 0.0)
        for tracked in self._tracked.values():
            seconds[tracked.group] += (tracked.last - tracked.first) / TICKS_A_SECOND
        start, end = self._machine_start, self._machine_end
        total = max(end.total - start.total, 1)
        return CpuUse(seconds=seconds, idle=(end.idle - start.idle) / total, iowait=(end.iowait - start.iowait) / total,
                      steal=(end.steal - start.steal) / total)  # fmt: skip


def per_subject_line(use: CpuUse, *, subjects: int) -> str:
    """One report line: each group's milliseconds of CPU a subject, and how the cores spent the window."""
    groups = ", ".join(f"{group} {seconds * 1000 / subjects:.0f} ms" for group, seconds in use.seconds.items())
    total = sum(use.seconds.values()) * 1000 / subjects
    return (f"  CPU a subject during the drain: {groups} (total {total:.0f} ms);"
            f" cores idle {use.idle * 100:.0f} %, iowait {use.iowait * 100:.0f} %, steal {use.steal * 100:.0f} %")  # fmt: skip


def loop_seconds(*, additions: int = REFERENCE_ADDITIONS, repeats: int = 3) -> float:
    """Seconds a pure-Python loop of additions takes, best of repeats: the speed of this machine's CPU for Python."""
    best = float("inf")
    for _ in range(repeats):
        started, total = time.perf_counter(), 0
        for number in range(additions):
            total += number
        best = min(best, time.perf_counter() - started)
    return best


def reference_line(seconds: float) -> str:
    return (f"  machine reference: a pure-Python loop of 10^7 additions takes {seconds:.2f} s"
            " (the same loop gives the CPU speed of other runs' machines)")
