"""Run a command and measure its wall time and the peak resident memory of its whole process tree (Linux /proc)."""

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in KiB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
        stack += _children(current)
    return total


class PeakSampler(threading.Thread):
    """Polls the tree RSS of some processes every ``interval`` seconds and keeps the peak."""

    def __init__(self, pids, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pids = list(pids)
        self.interval = interval
        self.peak_kb = 0
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            self.peak_kb = max(self.peak_kb, sum(tree_rss_kb(pid) for pid in self.pids))
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak_kb


@dataclass
class Measured:
    returncode: int
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def measure(command, *, env=None, cwd=None, timeout=None, stdout_path=None) -> Measured:
    """Run ``command`` to completion, sampling the memory of its process tree."""
    started = time.monotonic()
    out = open(stdout_path, "w") if stdout_path else subprocess.PIPE  # noqa: SIM115 -- closed below
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True)  # noqa: S603
    sampler = PeakSampler([process.pid])
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    finally:
        peak = sampler.stop()
        if stdout_path:
            out.close()
    return Measured(process.returncode, time.monotonic() - started, peak / 1024, stdout or "", stderr or "")
