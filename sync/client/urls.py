"""Server URLs as the client stores and compares them (no HTTP library needed to read them)."""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def is_loopback(url: str) -> bool:
    host = _host(url if "://" in url else "http://" + url)
    return host in LOOPBACK or host.startswith("127.")


def normalize_url(url: str) -> str:
    """A bare host name means https (a token must never cross a network in clear text); only
    this PC itself (loopback) is reached over plain http by default."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = ("http://" if is_loopback(url) else "https://") + url
    return url


def is_cleartext(url: str) -> bool:
    """http:// to another machine: the token and the data would travel unencrypted."""
    return url.lower().startswith("http://") and not is_loopback(url)
