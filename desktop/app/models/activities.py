"""The Activities table: every activity, filtered and newest first, over 100,000 rows."""

from __future__ import annotations

from desktop.app import fmt
from desktop.app.data.activities import (
    ActivityFilter,
    activity_ids,
    activity_rows,
    order_key,
    order_row,
    shown_rows,
)
from desktop.app.i18n import speaking
from desktop.app.models.lazy import Column
from desktop.app.models.reloading import ReloadingTableModel


def activity_columns(lang: str | None = None) -> list[Column]:
    """The columns, headed and dated in ``lang`` (the AppContext's; None: the running app's)."""
    said = speaking(lang)
    return [
        Column(
            "occurred_on",
            said.translate("Activities", "Date"),
            lambda r: fmt.day(r["occurred_on"], lang=lang) or (r["occurred_on_raw"] or ""),
        ),
        Column("company", said.translate("Activities", "Customer"), tooltip=True),
        Column(
            "contact_name",
            said.translate("Activities", "Contact"),
            lambda r: " ".join(x for x in (r["contact_name"], r["contact_title"]) if x),
        ),
        Column("purpose", said.translate("Activities", "Purpose"), lambda r: fmt.purpose(r, lang)),
        Column(
            "summary",
            said.translate("Activities", "Summary"),
            lambda r: fmt.one_line(r["summary"]),
            tooltip=True,
        ),
        Column(
            "next_action",
            said.translate("Activities", "Next action"),
            lambda r: fmt.one_line(r["next_action"], 40),
        ),
        Column(
            "amount_jpy",
            said.translate("Activities", "Amount"),
            lambda r: fmt.yen(r["amount_jpy"]),
            align_right=True,
        ),
        Column("rep", said.translate("Activities", "Rep")),
    ]


class ActivitiesModel(ReloadingTableModel):
    def __init__(self, connect, tasks=None, parent=None, *, lang: str | None = None):
        super().__init__(activity_columns(lang), activity_rows, connect, tasks, parent)
        self.filter = ActivityFilter()

    def set_filter(self, f: ActivityFilter) -> None:
        if f != self.filter:
            self.filter = f
            self.reload()

    def query_ids(self, conn) -> list[str]:
        return activity_ids(conn, self.filter)

    def touched_rows(self, conn, ids):
        return shown_rows(conn, self.filter, ids)

    def sort_key(self, row):
        return order_key(row)

    def key_row(self, conn, row_id):
        return order_row(conn, row_id)
