"""Where the laptop keeps its sync server and token.

The server URL lives in the store's meta table (``sync_server``); the token in the OS keyring
(service ``genba``, user name ``<server URL>|<data dir>``). Where no keyring backend works (a
headless Linux box, a locked-down PC) the token goes to ``sync_token`` in the data directory,
readable by the user only (mode 0600). Keyring errors never escape from here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sync.client.urls import normalize_url

SERVICE = "genba"
TOKEN_FILE = "sync_token"
SERVER_KEY = "sync_server"


def _username(store, server_url: str) -> str:
    return f"{normalize_url(server_url)}|{Path(store.data_dir).resolve()}"


def _keyring():
    """The keyring module if a real backend is available, else None (never raises)."""
    if os.environ.get("GENBA_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            return None
        # keyrings.alt's plaintext/"encrypted" file backends are no better than our 0600 file.
        if type(backend).__module__.startswith("keyrings.alt"):
            return None
        return keyring
    except Exception:
        return None


def _token_file(store) -> Path:
    return Path(store.data_dir) / TOKEN_FILE


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def save_credentials(store, server_url: str, token: str) -> str:
    """Remember the server and its token; return where the token went ('keyring' or the file)."""
    server_url = normalize_url(server_url)
    store.set_meta(SERVER_KEY, server_url)
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, _username(store, server_url), token)
            with contextlib.suppress(OSError):
                _token_file(store).unlink()
            return "keyring"
        except Exception:
            pass
    _write_private(_token_file(store), f"{server_url}\n{token}\n")
    return str(_token_file(store))


def load_credentials(store) -> tuple[str | None, str | None]:
    """(server URL, token); either may be None when not configured."""
    server_url = store.get_meta(SERVER_KEY) or None
    if not server_url:
        return None, None
    kr = _keyring()
    if kr is not None:
        try:
            token = kr.get_password(SERVICE, _username(store, server_url))
            if token:
                return server_url, token
        except Exception:
            pass
    try:
        lines = _token_file(store).read_text(encoding="utf-8").splitlines()
    except OSError:
        return server_url, None
    if len(lines) >= 2 and normalize_url(lines[0]) == server_url and lines[1].strip():
        return server_url, lines[1].strip()
    return server_url, None


def forget_credentials(store) -> None:
    server_url = store.get_meta(SERVER_KEY)
    kr = _keyring()
    if kr is not None and server_url:
        with contextlib.suppress(Exception):
            kr.delete_password(SERVICE, _username(store, server_url))
    with contextlib.suppress(OSError):
        _token_file(store).unlink()
    store.set_meta(SERVER_KEY, None)
