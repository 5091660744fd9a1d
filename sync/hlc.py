"""Hybrid logical clock: timestamps that order events across laptops whose clocks disagree.

A timestamp serialises as ``WWWWWWWWWWWWWWW.CCCCC`` (zero-padded wall milliseconds, a dot, a
zero-padded counter) so that plain string order is time order. The site id travels beside it; the
pair ``(hlc, site)`` is totally ordered and is what the merge rule compares.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

WALL_DIGITS = 15
COUNTER_DIGITS = 5
MAX_COUNTER = 10**COUNTER_DIGITS - 1


def encode(wall_ms: int, counter: int) -> str:
    """Serialise a clock reading so that string order equals time order."""
    return f"{wall_ms:0{WALL_DIGITS}d}.{counter:0{COUNTER_DIGITS}d}"


def decode(hlc: str) -> tuple[int, int]:
    """Split a serialised reading into (wall_ms, counter); raise ValueError when malformed."""
    wall, sep, counter = hlc.partition(".")
    if not sep or len(wall) != WALL_DIGITS or len(counter) != COUNTER_DIGITS:
        raise ValueError(f"not a hybrid logical clock value: {hlc!r}")
    return int(wall), int(counter)


def wall_ms_of(hlc: str) -> int:
    return decode(hlc)[0]


class HybridLogicalClock:
    """A thread-safe HLC for one site (one database file)."""

    def __init__(self, last: str | None = None, now_ms: Callable[[], int] | None = None):
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._wall, self._counter = decode(last) if last else (0, 0)
        self._lock = threading.Lock()

    def now(self) -> str:
        """A new reading, strictly greater than every reading issued or observed before."""
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._bump()
            return encode(self._wall, self._counter)

    def observe(self, remote: str) -> None:
        """Move past a reading seen from another site so later local writes order after it."""
        wall, counter = decode(remote)
        with self._lock:
            if wall > self._wall or (wall == self._wall and counter > self._counter):
                self._wall, self._counter = wall, counter

    def now_many(self, n: int) -> list[str]:
        """``n`` new readings in increasing order, as ``n`` calls of ``now`` give them (one
        lock and one look at the wall clock for them all: an import stamps 1,000 rows at once)."""
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, -1
            out = []
            for _ in range(n):
                self._bump()
                out.append(f"{self._wall:0{WALL_DIGITS}d}.{self._counter:0{COUNTER_DIGITS}d}")
            return out

    def physical_ms(self) -> int:
        """The wall clock this HLC reads (injected in tests)."""
        return int(self._now_ms())

    def last(self) -> str:
        with self._lock:
            return encode(self._wall, self._counter)

    def _bump(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:
            # Counter overflow within one millisecond: borrow the next millisecond.
            self._wall += 1
            self._counter = 0
