"""The one merge rule shared by the client store and the server: field-level last writer wins.

A field value is applied iff its ``(hlc, site)`` is greater than the stored one. The rule is a
max over a total order, so it is commutative, associative and idempotent: replays, duplicates and
any delivery order converge on the same state.
"""

from __future__ import annotations


def wins(hlc: str, site: str, current_hlc: str | None, current_site: str | None) -> bool:
    """True when a change stamped (hlc, site) should replace the stored (current_hlc, current_site)."""
    if current_hlc is None:
        return True
    return (hlc, site) > (current_hlc, current_site or "")
