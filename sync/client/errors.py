"""What can go wrong in a sync, each as one line a rep can act on: Japanese first, then English
(English only when GENBA_LANG=en). No exception names: the cause is said in words with its advice.

Every error leaves local changes where they are: nothing is dropped from the outbox unless the
server acknowledged it.
"""

from __future__ import annotations

import os


def say(ja: str, en: str) -> str:
    return en if os.environ.get("GENBA_LANG", "").lower().startswith("en") else f"{ja} / {en}"


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
            ja = f"誤ったトークンが続いたため、{throttled} 秒お待ちください。"
            en = f"Too many wrong tokens from this PC: wait {throttled} s."
        elif revoked:
            ja = "このトークンは管理者により無効にされています。新しいトークンを発行してもらい、"
            en = "This token has been revoked. Ask your admin for a new one and run "
        else:
            ja = "サーバーがこのトークンを受け付けません。入力を確認するか、管理者に新しいトークンを発行してもらい、"
            en = "The server does not accept this token. Check it, or ask your admin for a new one and run "
        if not throttled:
            ja += "`genba sync --token -` で設定してください。"
            en += "`genba sync --token -`."
        super().__init__(say(ja, en))
        self.revoked = revoked


# Why a server could not be reached, and what to do about it.
CAUSES = {
    "dns": (
        "サーバー名が見つかりません。アドレスの綴りを確認してください (社外からは VPN が必要な場合があります)",
        "the server name was not found: check the address for typos (outside the office you may "
        "need the VPN)",
    ),
    "refused": (
        "サーバーが接続を拒否しました。サーバーが停止しているか、ポート番号が違います。管理者に確認してください",
        "the server refused the connection: it is stopped or the port is wrong; ask your admin",
    ),
    "timeout": (
        "サーバーが時間内に応答しません。ネットワークが切れているか、サーバーが止まっています",
        "the server did not answer in time: the network is down or the server is stuck",
    ),
    "proxy": (
        "社内プロキシで接続が止められました。IT 担当にプロキシ設定を確認してください",
        "the company proxy blocked the connection: ask IT to check the proxy settings",
    ),
    "certificate": (
        "サーバーの証明書を確認できません。アドレスが正しいか、管理者に証明書を確認してください",
        "the server's certificate could not be verified: check the address, or ask your admin "
        "about the certificate",
    ),
    "network": (
        "ネットワークに接続できません",
        "the network cannot be reached",
    ),
}


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
        ja_cause, en_cause = CAUSES.get(cause, CAUSES["network"])
        kept_ja = f"変更 {pending} 件は" if pending is not None else "変更は"
        kept_en = f"your {pending} change(s) are" if pending is not None else "changes are"
        if answered_before:
            ja = (
                f"オフラインです: {server_url} に接続できません ({ja_cause})。"
                f"{kept_ja}保存されており、次回の同期で送信されます。"
            )
            en = (
                f"Offline: cannot reach {server_url} ({en_cause}); {kept_en} kept and will be "
                "sent at the next sync."
            )
        else:
            ja = (
                f"{server_url} からは一度も応答がありません ({ja_cause})。"
                f"同期サーバーのアドレスを確認してください。{kept_ja}保存されており、次回の同期で送信されます。"
            )
            en = (
                f"Offline: {server_url} has never answered ({en_cause}). Check the sync server's "
                f"address; {kept_en} kept."
            )
        super().__init__(say(ja, en))
        self.server_url = server_url
        self.cause = cause
        self.answered_before = answered_before


class ServerError(SyncError):
    """The server answered with an error of its own (5xx, or an unexpected answer)."""

    retryable = True

    def __init__(self, status: int, detail: str = ""):
        super().__init__(
            say(
                f"同期サーバーでエラーが発生しました (HTTP {status})。変更は保存されています。"
                "しばらくしてから再度お試しください。続く場合は管理者に連絡してください。",
                f"The sync server failed (HTTP {status}{': ' + detail if detail else ''}); your "
                "changes are kept, try again later.",
            )
        )
        self.status = status


class IncompatibleServerError(SyncError):
    def __init__(self, detail: str):
        super().__init__(
            say(
                "サーバーと Genba のバージョンが合いません。Genba を更新するか、管理者にサーバーの更新を依頼してください。",
                f"{detail} Update Genba, or ask your admin to update the server.",
            )
        )


class NotGenbaServerError(IncompatibleServerError):
    """The address answers, but not as a Genba sync server (a web site, a proxy's login page)."""

    def __init__(self, server_url: str):
        SyncError.__init__(
            self,
            say(
                f"{server_url} は Genba の同期サーバーではありません。管理者から伝えられたアドレスを確認してください。",
                f"{server_url} answers, but it is not a Genba sync server: check the address "
                "your admin gave you.",
            ),
        )
        self.server_url = server_url


class ClockSkewError(SyncError):
    """The PC clock is ahead of the server's: changes stay local until it is corrected."""

    def __init__(self, ahead_ms: int):
        super().__init__(
            say(
                f"PC の時計がサーバーより約 {_human(ahead_ms, 'ja')} 進んでいます。Windows の設定で日付と"
                "時刻を修正してから再同期してください。変更は保存されています。",
                f"Your PC clock is about {_human(ahead_ms)} ahead of the server: correct the date "
                "and time in Windows settings, then sync again; your changes are kept.",
            )
        )
        self.ahead_ms = ahead_ms


class ReadOnlyError(SyncError):
    def __init__(self, pending: int):
        super().__init__(
            say(
                f"閲覧専用のトークンのため、この PC の変更 {pending} 件は送信されません (チームの変更は受信しました)。",
                f"This token is read-only (viewer): the team's changes were received, but your "
                f"{pending} local change(s) stay on this PC.",
            )
        )


class NotConfiguredError(SyncError):
    def __init__(self):
        super().__init__(
            say(
                "同期サーバーが未設定です。`genba sync --server URL --token -` を一度実行してください。",
                "No sync server is set up: run `genba sync --server URL --token -` once.",
            )
        )


def _human(ms: int, lang: str = "en") -> str:
    s = abs(ms) / 1000
    units = ("秒", "分", "時間", "日") if lang == "ja" else (" s", " min", " h", " days")
    if s < 120:
        return f"{s:.0f}{units[0]}"
    if s < 7200:
        return f"{s / 60:.0f}{units[1]}"
    if s < 172800:
        return f"{s / 3600:.0f}{units[2]}"
    return f"{s / 86400:.0f}{units[3]}"
