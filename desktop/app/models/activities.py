"""The Activities table: every activity, filtered and newest first, over 100,000 rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.app import fmt
from desktop.app.data.activities import (
    ActivityFilter,
    activity_ids,
    activity_rows,
    order_key,
    order_row,
    shown_rows,
)
from desktop.app.models.lazy import Column
from desktop.app.models.reloading import ReloadingTableModel


def activity_columns() -> list[Column]:
    return [
        Column(
            "occurred_on",
            QCoreApplication.translate("Activities", "Date"),
            lambda r: fmt.day(r["occurred_on"]) or (r["occurred_on_raw"] or ""),
        ),
        Column("company", QCoreApplication.translate("Activities", "Customer"), tooltip=True),
        Column(
            "contact_name",
            QCoreApplication.translate("Activities", "Contact"),
            lambda r: " ".join(x for x in (r["contact_name"], r["contact_title"]) if x),
        ),
        Column("purpose", QCoreApplication.translate("Activities", "Purpose"), fmt.purpose),
        Column(
            "summary",
            QCoreApplication.translate("Activities", "Summary"),
            lambda r: fmt.one_line(r["summary"]),
            tooltip=True,
        ),
        Column(
            "next_action",
            QCoreApplication.translate("Activities", "Next action"),
            lambda r: fmt.one_line(r["next_action"], 40),
        ),
        Column(
            "amount_jpy",
            QCoreApplication.translate("Activities", "Amount"),
            lambda r: fmt.yen(r["amount_jpy"]),
            align_right=True,
        ),
        Column("rep", QCoreApplication.translate("Activities", "Rep")),
    ]


class ActivitiesModel(ReloadingTableModel):
    def __init__(self, connect, tasks=None, parent=None):
        super().__init__(activity_columns(), activity_rows, connect, tasks, parent)
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
