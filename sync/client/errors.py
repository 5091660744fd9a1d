"""What can go wrong in a sync, each as one line a rep can act on (words from the message
catalogue, resources/messages). No exception names: the cause is said in words with its advice.

A message is made in Japanese and remembers its key and parameters (``resources.messages.Message``)
so that whoever shows it writes it in the rep's language: ``in_language(exc.message, lang)``.

Every error leaves local changes where they are: nothing is dropped from the outbox unless the
server acknowledged it.
"""

from __future__ import annotations

from resources.messages import Message, in_language, msg

__all__ = ["in_language", "say"]


def say(key: str, **params: object) -> Message:
    """The catalogue's ``key``: Japanese, re-rendered in another language where it is shown."""
    return msg(key, None, **params)


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

    def __init__(self, revoked: bool = False, throttled: int = 0):
        if throttled:
            text = say("sync.auth.throttled", seconds=throttled)
        else:
            text = say("sync.auth.revoked" if revoked else "sync.auth.refused")
        super().__init__(text)
        self.revoked = revoked


# Why a server could not be reached, and what to do about it: keys sync.cause.* of the catalogue.
CAUSES = ("dns", "refused", "timeout", "proxy", "certificate", "network")


class OfflineError(SyncError):
    """The server cannot be reached; changes are kept and sent next time.

    ``cause`` is a key of CAUSES; ``answered_before`` tells "offline" (this server has answered
    before) from "this address never answered" (most likely a wrong address)."""

    retryable = True

    def __init__(
        self,
        server_url: str,
        pending: int | None = None,
        detail: str = "",
        *,
        cause: str = "network",
        answered_before: bool = True,
    ):
        what = "sync.offline" if answered_before else "sync.never_answered"
        text = say(
            what if pending is not None else f"{what}.uncounted",
            server=server_url,
            pending=pending,
            cause=say(f"sync.cause.{cause if cause in CAUSES else 'network'}"),
        )
        super().__init__(text)
        self.server_url = server_url
        self.cause = cause
        self.answered_before = answered_before


class ServerError(SyncError):
    """The server answered with an error of its own (5xx, or an unexpected answer)."""

    retryable = True

    def __init__(self, status: int, detail: str = ""):
        super().__init__(say("sync.server_error", status=status))
        self.status = status
        self.detail = detail  # the server's own words, for the log


class IncompatibleServerError(SyncError):
    def __init__(self, server_url: str, server_protocol: str, protocol: int):
        super().__init__(
            say(
                "sync.incompatible",
                server=server_url,
                server_protocol=server_protocol,
                protocol=protocol,
            )
        )


class NotGenbaServerError(IncompatibleServerError):
    """The address answers, but not as a Genba sync server (a web site, a proxy's login page)."""

    def __init__(self, server_url: str):
        SyncError.__init__(self, say("sync.not_genba", server=server_url))
        self.server_url = server_url


class ClockSkewError(SyncError):
    """The PC clock is ahead of the server's: changes stay local until it is corrected."""

    def __init__(self, ahead_ms: int):
        super().__init__(say("sync.clock_ahead", ahead=_human(ahead_ms)))
        self.ahead_ms = ahead_ms


class ReadOnlyError(SyncError):
    def __init__(self, pending: int):
        super().__init__(say("sync.read_only", pending=pending))


class NotConfiguredError(SyncError):
    def __init__(self):
        super().__init__(say("sync.not_configured"))


def _human(ms: int) -> Message:
    """A duration in the largest unit that keeps it readable: 「3分」, '3 min'."""
    s = abs(ms) / 1000
    if s < 120:
        return say("sync.duration.seconds", n=f"{s:.0f}")
    if s < 7200:
        return say("sync.duration.minutes", n=f"{s / 60:.0f}")
    if s < 172800:
        return say("sync.duration.hours", n=f"{s / 3600:.0f}")
    return say("sync.duration.days", n=f"{s / 86400:.0f}")
