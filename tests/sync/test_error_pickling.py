"""Sync errors cross a process boundary intact: the app runs each sync in a child process and
gets its SyncErrors back pickled (their constructors take other arguments than the message)."""

from __future__ import annotations

import pickle

import pytest

from sync.client.errors import (
    AuthError,
    ClockSkewError,
    IncompatibleServerError,
    NotConfiguredError,
    OfflineError,
    ReadOnlyError,
    ServerError,
)


@pytest.mark.parametrize(
    "error",
    [
        AuthError(revoked=True),
        OfflineError("https://genba.example.co.jp", 12, "connection refused"),
        ServerError(502, "bad gateway"),
        IncompatibleServerError("The server speaks protocol 9."),
        ClockSkewError(3 * 3600 * 1000),
        ReadOnlyError(4),
        NotConfiguredError(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_sync_error_survives_pickling(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) and copy.message == error.message
    assert copy.retryable == error.retryable
    assert vars(copy) == vars(error)  # revoked, server_url, status, ahead_ms…
