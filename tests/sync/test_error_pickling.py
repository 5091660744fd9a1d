"""Sync errors cross a process boundary intact: the app runs each sync in a child process and
gets its SyncErrors back pickled (their constructors take other arguments than the message)."""

from __future__ import annotations

import pickle

import pytest

from resources.messages import in_language
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
        IncompatibleServerError("https://genba.example.co.jp", "9", 2),
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
    # ... and its words, so the app writes them in the rep's language (with nested causes)
    english = in_language(copy.message, "en")
    assert english == in_language(error.message, "en") and english != copy.message
    assert not any("\u3040" <= ch <= "\u30ff" for ch in english), english
