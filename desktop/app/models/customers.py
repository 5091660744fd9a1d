"""The Customers table: 50音順 by reading, filtered by name."""

from __future__ import annotations

from desktop.app import fmt
from desktop.app.data.customers import (
    customer_ids,
    customer_order,
    customer_order_row,
    customer_rows,
)
from desktop.app.i18n import speaking
from desktop.app.models.lazy import Column
from desktop.app.models.reloading import ReloadingTableModel


def customer_columns(lang: str | None = None) -> list[Column]:
    """The columns, headed and dated in ``lang`` (the AppContext's; None: the running app's)."""
    said = speaking(lang)
    return [
        Column("name", said.translate("Customers", "Customer"), tooltip=True),
        Column("name_kana", said.translate("Customers", "Reading")),
        Column(
            "last_contact",
            said.translate("Customers", "Last visit"),
            lambda r: fmt.day(r["last_contact"], lang=lang),
        ),
        Column("activities", said.translate("Customers", "Visits"), align_right=True),
        Column("contacts", said.translate("Customers", "Contacts"), align_right=True),
        Column(
            "open_amount",
            said.translate("Customers", "Open deals"),
            lambda r: fmt.yen(r["open_amount"]),
            align_right=True,
        ),
    ]


class CustomersModel(ReloadingTableModel):
    def __init__(self, connect, tasks=None, parent=None, *, lang: str | None = None):
        super().__init__(customer_columns(lang), customer_rows, connect, tasks, parent)
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
