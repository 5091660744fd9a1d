"""Clearing Today: a follow-up done, snoozed to a date or dismissed, and the age rule.

The rep's answer is two synced fields of the visit (``followup_state``, ``followup_date``)
written through the store, so it reaches the team and survives re-imports. Done or dismissed
holds for the due date it was given for: a new due date written in the report brings the
follow-up back. Follow-ups overdue by more than ``AGE_DAYS`` leave Today (the visits stay in
Activities); Today says how many and why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

AGE_DAYS = 90
STATES = ("done", "dismissed", "snoozed")


def open_condition(today: dt.date, alias: str = "a") -> tuple[str, list[Any]]:
    """SQL on ``alias`` (an activities row): the rep has not answered this follow-up for now."""
    a = alias
    return (
        f"""({a}.followup_state IS NULL
            OR ({a}.followup_state = 'snoozed' AND {a}.followup_date <= ?)
            OR ({a}.followup_state IN ('done', 'dismissed')
                AND {a}.followup_date IS NOT {a}.next_action_due))""",
        [today.isoformat()],
    )


def set_followup(store, activity_id: str, state: str | None, until: dt.date | None = None):
    """Mark a visit's follow-up done or dismissed (for its current due date), snooze it to
    ``until``, or (``state=None``) open it again. Returns the fields that changed."""
    if state is not None and state not in STATES:
        raise ValueError(f"unknown follow-up state {state!r}")
    with store.write() as w:
        row = w.conn.execute(
            "SELECT next_action_due FROM activities WHERE id = ? AND deleted = 0", (activity_id,)
        ).fetchone()
        if row is None:
            raise LookupError("this visit no longer exists")
        if state == "snoozed":
            if until is None:
                raise ValueError("a snooze needs a date")
            date = until.isoformat()
        elif state is None:
            date = None
        else:
            date = row[0]
        return w.update("activities", activity_id, {"followup_state": state, "followup_date": date})
