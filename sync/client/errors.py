"""What can go wrong in a sync, each as one line a rep can act on (English / 日本語).

Every error leaves local changes where they are: nothing is dropped from the outbox unless the
server acknowledged it.
"""

from __future__ import annotations


class SyncError(RuntimeError):
    """Base class; ``str(exc)`` is the one-line message for the rep."""

    retryable = False

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __reduce__(self):
        # Subclasses take other arguments than the message (a status, a server URL…), so the
        # default pickling (``cls(*args)``) would rebuild them wrongly; the app's sync process
        # sends them back to the app pickled. Rebuild the same object without calling __init__.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[SyncError], args: tuple, state: dict) -> SyncError:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class AuthError(SyncError):
    """Wrong or revoked token."""

    def __init__(self, revoked: bool = False):
        what = "has been revoked" if revoked else "is not accepted"
        super().__init__(
            f"The server's answer: this token {what}. Ask your admin for a new token and run "
            "`genba sync --token NEW`. / サーバーがこのトークンを受け付けません。"
            "管理者に新しいトークンを発行してもらってください。"
        )
        self.revoked = revoked


class OfflineError(SyncError):
    """The server cannot be reached; changes are kept and sent next time."""

    retryable = True

    def __init__(self, server_url: str, pending: int | None = None, detail: str = ""):
        kept = f"your {pending} change(s) are kept" if pending is not None else "changes are kept"
        super().__init__(
            f"Offline: cannot reach {server_url}{f' ({detail})' if detail else ''}; {kept} and "
            "will be sent at the next sync. / サーバーに接続できません。変更は保存されており、"
            "次回の同期で送信されます。"
        )
        self.server_url = server_url


class ServerError(SyncError):
    """The server answered with an error of its own (5xx, or an unexpected answer)."""

    retryable = True

    def __init__(self, status: int, detail: str = ""):
        super().__init__(
            f"The sync server failed (HTTP {status}{': ' + detail if detail else ''}); try again "
            "later, your changes are kept. / サーバーでエラーが発生しました。後でもう一度お試しください。"
        )
        self.status = status


class IncompatibleServerError(SyncError):
    def __init__(self, detail: str):
        super().__init__(
            f"{detail} Update Genba, or ask your admin to update the server. / "
            "サーバーとGenbaのバージョンが合いません。更新してください。"
        )


class ClockSkewError(SyncError):
    """The PC clock is ahead of the server's: changes stay local until it is corrected."""

    def __init__(self, ahead_ms: int):
        super().__init__(
            f"Your PC clock is about {_human(ahead_ms)} ahead of the server: correct the date and "
            "time in Windows settings, then sync again; your changes are kept. / "
            "PCの時計がずれています。日付と時刻を修正してから再同期してください。"
        )
        self.ahead_ms = ahead_ms


class ReadOnlyError(SyncError):
    def __init__(self, pending: int):
        super().__init__(
            f"This token is read-only (viewer): the team's changes were received, but your {pending} "
            "local change(s) stay on this PC. / 閲覧専用のトークンのため、この PC の変更は送信されません。"
        )


class NotConfiguredError(SyncError):
    def __init__(self):
        super().__init__(
            "No sync server is set up: run `genba sync --server URL --token TOKEN` once. / "
            "同期サーバーが未設定です。"
        )


def _human(ms: int) -> str:
    s = abs(ms) / 1000
    if s < 120:
        return f"{s:.0f} s"
    if s < 7200:
        return f"{s / 60:.0f} min"
    if s < 172800:
        return f"{s / 3600:.0f} h"
    return f"{s / 86400:.0f} days"
