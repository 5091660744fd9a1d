"""What every bench script shares: the machine line, whole-process runs with their peak memory,
and the statistics the README quotes (medians, max, p95 — never the best run)."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def machine_line() -> str:
    """Cores, OS, Python and the load average: the machine may be shared with other work, and a
    figure without its load is not comparable with another."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average (1/5/15 min): {load}"
    )


def print_header(title: str) -> None:
    print(title)
    print(machine_line(), flush=True)


def env() -> dict[str, str]:
    """The environment for a child: this tree's code first (not another tree's install)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), e.get("PYTHONPATH")]))
    e.setdefault("GENBA_NO_KEYRING", "1")
    return e


def run_measured(
    cmd: list[str], *, timeout: float = 1800, tree: dict | None = None, extra_env=None
) -> tuple[float, float, str]:
    """Run ``cmd`` as a whole process: (wall seconds from spawn to exit, its peak RSS in MB, its
    output). The peak is the kernel's max RSS of that child (os.wait4), interpreter included.

    ``tree``: also watch the processes it starts (`genba import` reads a large workbook in a
    worker process) every 10 ms, and fill in ``workers`` (the highest peak RSS, VmHWM, seen of
    any of them, MB), ``sum`` (the highest RSS of the child and its processes added up at one
    sample, MB; pages a forked worker shares with its parent counted twice) and ``pss`` (the
    same with their proportional set sizes: shared pages counted once). Watching costs the
    machine a little: only asked for memory figures."""
    with tempfile.TemporaryFile(mode="w+") as out:
        t0 = time.perf_counter()
        child_env = {**env(), **(extra_env or {})}
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=child_env, cwd=ROOT)
        deadline = t0 + timeout
        if tree is None:
            # Blocked in the kernel until the child exits: a polling loop here would wake every
            # few ms on the cores the child (and its worker) are using.
            killer = threading.Timer(timeout, proc.kill)
            killer.start()
            try:
                _pid, status, usage = os.wait4(proc.pid, 0)
            finally:
                killer.cancel()
            if time.perf_counter() > deadline:
                raise SystemExit(f"timed out after {timeout:.0f} s: {cmd}")
        else:
            tree.update(workers=0.0, sum=0.0, pss=0.0)
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    proc.kill()
                    raise SystemExit(f"timed out after {timeout:.0f} s: {cmd}")
                _sample_tree(proc.pid, tree)
                time.sleep(0.01)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {cmd}\n{text[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, text


def _sample_tree(pid: int, tree: dict) -> None:
    total, pss = proc_memory_mb(pid)[0], _pss_mb(pid)
    for child in _descendants(pid):
        rss, hwm = proc_memory_mb(child)
        total += rss
        pss += _pss_mb(child)
        tree["workers"] = max(tree["workers"], hwm)
    tree["sum"] = max(tree["sum"], total)
    tree["pss"] = max(tree["pss"], pss)


def _pss_mb(pid: int) -> float:
    """Proportional set size: a page two processes share (a forked worker's) counted half in
    each, so that the sum over processes is the memory they take together."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children", encoding="ascii") as f:
                kids = [int(x) for x in f.read().split()]
        except OSError:
            continue
        out.extend(kids)
        todo.extend(kids)
    return out


def proc_memory_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of a live process in MB, from /proc (0, 0 if it is gone)."""
    rss = hwm = 0.0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, hwm


def median(xs) -> float:
    return statistics.median(xs)


def percentile(xs, p: float) -> float:
    """The nearest-rank percentile (p in 0..100) of ``xs``."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
    return s[k]


def spread(xs, unit: str = "", fmt: str = ".2f") -> str:
    """'median X (max Y, n runs)' — the README quotes the median and the worst run."""
    return f"median {median(xs):{fmt}}{unit} (max {max(xs):{fmt}}{unit}, {len(xs)} runs)"


def genba_cmd(*args: str) -> list[str]:
    """The `genba` command of this tree, as the console script runs it."""
    return [
        sys.executable,
        "-c",
        "import sys; from desktop.cli import main; sys.exit(main())",
        *args,
    ]


def drop_file_cache() -> bool:
    """Drop the OS file cache (root on Linux only), so the next start reads from disk: True if it
    was dropped."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w", encoding="ascii") as f:
            f.write("3\n")
        return True
    except OSError:
        return False
