"""What a sync found that the rep (or their admin) should know, in words (the catalogue's
sync.notice.* keys, Japanese unless re-rendered where shown).

``describe(report)`` turns a SyncReport's notices, refused changes and held values into lines.
"""

from __future__ import annotations

from sync.client.errors import _human, say

# Notices whose words take no detail.
_PLAIN = (
    "server_clock",
    "replica_reissued",
    "server_behind",
    "checksum_redownload",
    "checksum_still",
)


def _one(kind: str, detail) -> str | None:
    if kind == "pc_clock":
        way = "ahead" if detail > 0 else "behind"
        return say(f"sync.notice.pc_clock.{way}", amount=_human(detail))
    if kind == "resend":
        return say("sync.notice.resend", count=detail)
    if kind in _PLAIN:
        return say(f"sync.notice.{kind}")
    return None


def describe(report) -> list[str]:
    lines = []
    for kind, detail in dict.fromkeys(report.notices):
        text = _one(kind, detail)
        if text and text not in lines:
            lines.append(text)
    if report.kept_rejected:
        lines.append(say("sync.notice.refused", count=report.kept_rejected))
    if report.held:
        lines.append(say("sync.notice.held", count=report.held))
    return lines
