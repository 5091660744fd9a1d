"""Server URLs as the client stores and compares them (no HTTP library needed to read them)."""

from __future__ import annotations


def normalize_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url
    return url
