"""Fixtures shared by every test: a fresh data directory and store per test."""

from __future__ import annotations

import os
import tempfile

import pytest

from sync.store import Store


def _cpu_has(flag: str) -> bool:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            return any(line.startswith("flags") and flag in line.split() for line in f)
    except OSError:
        return False


# Qt tests render offscreen; set before any Qt import anywhere in the session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# genba.log and crash reports of every test and its subprocesses go to a throwaway folder, never
# the user's log folder (desktop/logs.py reads GENBA_LOG_DIR).
os.environ.setdefault("GENBA_LOG_DIR", tempfile.mkdtemp(prefix="genba-test-logs-"))
# What Whisper hears depends on the CPU kernels CTranslate2 picks: with AVX-512 it writes the test
# memo's 田村課長 as ための課長, with AVX2 as 多村家庁 (a homophone the reading matcher must find).
# The voice tests assert what Genba does with a transcript, so every machine runs the same kernels
# (the variable reaches the voice engine's subprocesses too).
if _cpu_has("avx2"):
    os.environ.setdefault("CT2_FORCE_CPU_ISA", "AVX2")


@pytest.fixture
def data_dir(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def store(data_dir):
    s = Store(data_dir)
    yield s
    s.close()
