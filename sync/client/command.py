"""The `genba sync` command, as a function the desktop CLI calls (and a small ``__main__``).

    run_sync_command(store, server, token, status, out=print) -> exit code

``genba sync --server URL --token -`` (the token read from stdin; or GENBA_TOKEN) syncs once and remembers both (token in the OS keyring or a
0600 file); a later ``genba sync`` needs neither; ``--status`` prints pending changes, the last
success and the server. Errors are one line and exit 1; no local change is lost.

    python -m sync.client.command --data-dir D [--server URL] [--token T] [--status]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from resources.messages import in_language, msg
from sync.client.credentials import load_credentials, save_credentials
from sync.client.cycle import normalize_url, sync_once
from sync.client.errors import (
    AuthError,
    IncompatibleServerError,
    NotConfiguredError,
    SyncError,
)
from sync.client.notices import describe
from sync.client.status import sync_status
from sync.client.urls import is_cleartext


def _progress_bar(lang: str | None = None):
    """A tqdm bar on stderr when it is a terminal (a new laptop's first pull can be long)."""
    if not sys.stderr.isatty():
        return None, lambda: None
    try:
        from tqdm import tqdm
    except ImportError:
        return None, lambda: None
    bars: dict[str, tqdm] = {}

    def progress(phase: str, done: int, total: int | None) -> None:
        bar = bars.get(phase)
        if bar is None:
            bar = bars[phase] = tqdm(
                total=total,
                desc=msg("cli.sync.sending" if phase == "push" else "cli.sync.receiving", lang),
                unit=" changes",
                leave=False,
                file=sys.stderr,
            )
        if total is not None and bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    def close() -> None:
        for bar in bars.values():
            bar.close()

    return progress, close


def run_sync_command(
    store,
    server: str | None,
    token: str | None,
    status: bool,
    out: Callable[[str], object] = print,
    lang: str | None = None,
    **sync_kwargs,
) -> int:
    """Run `genba sync`; return the exit code (0 ok, 1 failure with a one-line error printed).
    What it says is written in ``lang`` (Japanese by default)."""
    if status:
        st = sync_status(store)
        server = st["server"] or msg("cli.sync.status.no_server", lang)
        out(msg("cli.sync.status.server", lang, server=server))
        out(msg("cli.sync.status.pending", lang, count=st["pending"]))
        when = st["last_success"] or msg("cli.sync.status.never", lang)
        out(msg("cli.sync.status.last_success", lang, when=when))
        if st.get("rejected"):
            out(msg("cli.sync.status.refused", lang, count=st["rejected"]))
        if st.get("held"):
            out(msg("cli.sync.status.held", lang, count=st["held"]))
        if st["last_error"]:
            error = in_language(st["last_error"], lang)
            out(msg("cli.sync.status.last_error", lang, message=error))
        return 0
    if token == "-":  # from stdin: a token on the command line shows in process lists
        token = sys.stdin.readline().strip() or None
    token = token or os.environ.get("GENBA_TOKEN") or None
    saved_server, saved_token = load_credentials(store)
    if server:
        server = normalize_url(server)
        if token is None and saved_server != server:
            saved_token = None
    server = server or saved_server
    token = token or saved_token
    if not server or not token:
        out(
            f"error: {in_language(NotConfiguredError().message, lang)}"
            if not server
            else msg("cli.sync.no_token", lang, server=server)
        )
        return 1
    if is_cleartext(server):
        out("warning: " + msg("cli.sync.cleartext", lang, server=server))
    progress, close = _progress_bar(lang)
    try:
        report = sync_once(store, server, token, progress=progress, **sync_kwargs)
    except SyncError as exc:
        close()
        if not isinstance(exc, AuthError | IncompatibleServerError):
            save_credentials(store, server, token)  # offline etc.: keep them for next time
        out(f"error: {in_language(exc.message, lang)}")
        return 1
    close()
    save_credentials(store, server, token)
    for warning in report.warnings:
        out(f"warning: {warning}")
    for line in describe(report):
        out(f"warning: {in_language(line, lang)}")
    out(in_language(report.summary(), lang))
    return 0


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m sync.client.command",
        description="One Genba sync cycle (what `genba sync` runs).",
    )
    p.add_argument("--data-dir", required=True)
    p.add_argument("--server")
    p.add_argument("--token", help="'-' reads it from stdin; default: GENBA_TOKEN")
    p.add_argument("--status", action="store_true")
    args = p.parse_args(argv)
    from sync.store import Store, StoreError

    try:
        store = Store(args.data_dir)
    except StoreError as exc:
        print(f"error: {exc}")
        return 1
    with store:
        lang = os.environ.get("GENBA_LANG")  # the desktop CLI passes the rep's setting
        return run_sync_command(store, args.server, args.token, args.status, lang=lang)


if __name__ == "__main__":
    sys.exit(main())
