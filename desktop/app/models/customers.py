"""The Customers table: 50音順 by reading, filtered by name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.app import fmt
from desktop.app.data.customers import (
    customer_ids,
    customer_order,
    customer_order_row,
    customer_rows,
)
from desktop.app.models.lazy import Column
from desktop.app.models.reloading import ReloadingTableModel


def customer_columns() -> list[Column]:
    return [
        Column("name", QCoreApplication.translate("Customers", "Customer"), tooltip=True),
        Column("name_kana", QCoreApplication.translate("Customers", "Reading")),
        Column(
            "last_contact",
            QCoreApplication.translate("Customers", "Last visit"),
            lambda r: fmt.day(r["last_contact"]),
        ),
        Column("activities", QCoreApplication.translate("Customers", "Visits"), align_right=True),
        Column("contacts", QCoreApplication.translate("Customers", "Contacts"), align_right=True),
        Column(
            "open_amount",
            QCoreApplication.translate("Customers", "Open deals"),
            lambda r: fmt.yen(r["open_amount"]),
            align_right=True,
        ),
    ]


class CustomersModel(ReloadingTableModel):
    def __init__(self, connect, tasks=None, parent=None):
        super().__init__(customer_columns(), customer_rows, connect, tasks, parent)
        self.text = ""

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.reload()

    def query_ids(self, conn) -> list[str]:
        return customer_ids(conn, self.text)

    def touched_rows(self, conn, ids):
        return customer_rows(conn, customer_ids(conn, self.text, among=ids))

    def sort_key(self, row):
        return customer_order(row)

    def key_row(self, conn, row_id):
        return customer_order_row(conn, row_id)
