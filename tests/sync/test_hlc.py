"""The hybrid logical clock (sync.hlc): readings strictly increase, in bulk as one by one."""

from __future__ import annotations

from sync.hlc import MAX_COUNTER, HybridLogicalClock, decode


def test_many_readings_at_once_are_what_as_many_single_readings_give():
    one = HybridLogicalClock(now_ms=lambda: 1_000)
    many = HybridLogicalClock(now_ms=lambda: 1_000)
    assert many.now_many(5) == [one.now() for _ in range(5)]
    assert many.now() == one.now()  # and they go on from the same place


def test_many_readings_strictly_increase_across_a_full_millisecond():
    clock = HybridLogicalClock(now_ms=lambda: 7)
    readings = clock.now_many(MAX_COUNTER + 3)
    assert readings == sorted(set(readings))  # strictly increasing, as strings and as times
    assert decode(readings[MAX_COUNTER]) == (7, MAX_COUNTER)
    assert decode(readings[-1]) == (8, 1)  # borrowed the next millisecond


def test_many_readings_after_an_observed_later_clock_stay_after_it():
    clock = HybridLogicalClock(now_ms=lambda: 100)
    clock.observe("000000000000500.00003")
    first, *_ = clock.now_many(3)
    assert first > "000000000000500.00003"
    assert clock.now_many(0) == []
