"""Customers: the 50音順 list with a filter, and each customer's page.

A photo of a paper memo dropped on a customer's row, or pasted (Ctrl+V) on the selected row, is
attached to that customer (desktop.app.row_drop), as on the customer's page.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from desktop.app.data.changes import Changes
from desktop.app.i18n import InContextLanguage
from desktop.app.models.customers import CustomersModel
from desktop.app.models.lazy import LazyTableModel
from desktop.app.row_drop import RowDrop
from desktop.app.views.customer_page import CustomerPage
from desktop.app.widgets import Page, label, table

# What the list shows: a customer's name, and counts of its visits, contacts and open deals.
SHOWN = ("companies", "activities", "contacts", "deals")


class CustomerList(InContextLanguage, Page):
    open_customer = Signal(str)

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Customers"),
            self.tr("In 50-sound order by reading. Double-click a customer to open their page."),
            parent,
        )
        self.model = CustomersModel(ctx.connect, ctx.tasks, self, lang=ctx.language)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or reading"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(300)
        self.filter_edit.setMaximumWidth(420)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.model.set_text(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(self._debounce.start)
        bar.addWidget(self.filter_edit)
        bar.addStretch(1)
        self.count_label = label("", "muted")
        bar.addWidget(self.count_label)
        self.outer.addLayout(bar)
        self.view = table(self.model, stretch=0, widths={1: 170, 2: 150, 3: 80, 4: 80, 5: 150})
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.row_drop = RowDrop(ctx, self.view, "companies")
        self.outer.addWidget(self.view, 1)
        self.model.loaded.connect(self._count)

    def _count(self) -> None:
        self.count_label.setText(self.tr("%n customer(s)", "", self.model.rowCount()))

    def _open(self, index) -> None:
        cid = self.model.data(index, LazyTableModel.ID_ROLE)
        if cid:
            self.open_customer.emit(cid)


class CustomersView(InContextLanguage, QWidget):
    """The list, and a customer's page in front of it when one is opened."""

    loaded = Signal()

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.list = CustomerList(ctx)
        self.page = CustomerPage(ctx)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.page)
        self.list.open_customer.connect(self.show_customer)
        self.page.back.connect(lambda: self.stack.setCurrentWidget(self.list))
        self.list.model.loaded.connect(self.loaded)
        self._started = False
        ctx.bus.data_changed.connect(self._data_changed)

    @property
    def model(self) -> CustomersModel:
        return self.list.model

    def activate(self) -> None:
        if not self._started:
            self._started = True
            self.model.reload()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)

    def show_customer(self, company_id: str, focus: tuple[str, str] | None = None) -> None:
        """Open a customer's page; ``focus`` ('note' | 'activity', id) is scrolled to."""
        self.page.load(company_id, focus)
        self.stack.setCurrentWidget(self.page)

    def set_filter(self, text: str) -> None:
        self.show_list()
        self.list.filter_edit.setText(text)

    def _data_changed(self, changes: Changes) -> None:
        """A customer touched: that row re-read and placed; a visit, contact or deal touched:
        the rows on screen are read again when painted (their counts); many: everything."""
        if not self._started or not changes.touches(*SHOWN):
            return
        companies = changes.few("companies")
        if companies is None:
            self.model.reload()
            return
        if companies:
            self.model.update_touched(companies)
        if changes.touches("activities", "contacts", "deals"):
            self.model.invalidate()
