"""Why a request never got an answer, from the exception chain httpx raises (no names shown)."""

from __future__ import annotations

import ssl

import httpx

DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "temporary failure in name resolution",
    "no address associated",
    "name resolution",
    "11001",
)
REFUSED_HINTS = ("connection refused", "errno 111", "10061", "actively refused")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def cause_of(exc: BaseException) -> str:
    """A key of ``sync.client.errors.CAUSES``."""
    chain = list(_chain(exc))
    if any(isinstance(e, httpx.ProxyError) for e in chain):
        return "proxy"
    if any(isinstance(e, ssl.SSLError | ssl.CertificateError) for e in chain):
        return "certificate"
    text = " ".join(str(e) for e in chain).lower()
    if "certificate" in text or "ssl" in text:
        return "certificate"
    if any(isinstance(e, httpx.TimeoutException) for e in chain):
        return "timeout"
    if any(h in text for h in DNS_HINTS):
        return "dns"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or any(
        h in text for h in REFUSED_HINTS
    ):
        return "refused"
    return "network"
