"""Fixtures shared by every test: a fresh data directory and store per test."""

from __future__ import annotations

import os
import tempfile

import pytest

from sync.store import Store

# Qt tests render offscreen; set before any Qt import anywhere in the session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# genba.log and crash reports of every test and its subprocesses go to a throwaway folder, never
# the user's log folder (desktop/logs.py reads GENBA_LOG_DIR).
os.environ.setdefault("GENBA_LOG_DIR", tempfile.mkdtemp(prefix="genba-test-logs-"))


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
