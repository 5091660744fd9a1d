"""Search results for the box on top (Ctrl+K): notes and activities, ranked, with the customer,
date and category, the matched words highlighted. Enter or double-click opens the customer."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.app.data.search_results import PAGE, search_results
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.models.search import SNIPPET_COLUMN, HitsModel
from desktop.app.widgets import Page, button, label, table
from desktop.knowledge import index as knowledge_index

log = logging.getLogger("genba.app")

ROW_HEIGHT = 54  # two lines of snippet


class RichTextDelegate(QStyledItemDelegate):
    """Paints a model's HTML (``role``) in the cell, wrapped to the column's width."""

    def __init__(self, role: int, parent=None):
        super().__init__(parent)
        self.role = role

    def paint(self, painter, option, index: QModelIndex) -> None:
        html = index.data(self.role)
        if html is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(html)
        rect = opt.rect.adjusted(6, 4, -6, -2)
        doc.setTextWidth(rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class SearchView(InContextLanguage, Page):
    """The results of the top bar's search; the window runs ``search(text)`` as the rep types."""

    loaded = Signal()
    open_hit = Signal(str, str, str)  # company id, kind ('note' | 'activity'), id
    open_brief = Signal(str)  # company id
    filter_activities = Signal(str)  # the text, for the Activities list

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Search"),
            self.tr("Type a word in the search box above: notes and activities, best match first."),
            parent,
        )
        self.query = ""
        self._generation = 0
        self.model = HitsModel(self, lang=ctx.language)
        self.open_button = button(self.tr("Open customer"), icon=icon("customers"))
        self.open_button.clicked.connect(self.open_current)
        self.brief_button = button(self.tr("Pre-visit brief"), icon=icon("open"))
        self.brief_button.clicked.connect(self._brief)
        self.activities_button = button(self.tr("Show in Activities"), icon=icon("activities"))
        self.activities_button.clicked.connect(lambda: self.filter_activities.emit(self.query))
        self.sort_combo = QComboBox()
        self.sort_combo.addItem(self.tr("Best match first"), "rank")
        self.sort_combo.addItem(self.tr("Newest first"), "date")
        self.sort_combo.currentIndexChanged.connect(lambda: self.search(self.query))
        self.actions.addWidget(self.sort_combo)
        for b in (self.activities_button, self.brief_button, self.open_button):
            self.actions.addWidget(b)
        self.limit = PAGE
        self.more = False

        self.view = table(
            self.model, stretch=SNIPPET_COLUMN, widths={0: 170, 1: 200, 2: 160, 3: 86}
        )
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setItemDelegateForColumn(
            SNIPPET_COLUMN, RichTextDelegate(HitsModel.HTML_ROLE, self.view)
        )
        self.view.doubleClicked.connect(self.open_current)
        self.view.activated.connect(self.open_current)  # Enter
        self.outer.addWidget(self.view, 1)
        self.empty_label = label("", "muted", wrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.empty_label, 1)
        self.more_button = button(self.tr("Show more results"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.setVisible(False)
        bottom.addWidget(self.more_button)
        self.outer.addLayout(bottom)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def activate(self) -> None:
        pass

    def search(self, text: str, *, limit: int = PAGE) -> None:
        """Search in the background; a result for an older text is dropped."""
        if text.strip() != self.query:
            limit = PAGE
        self.limit = limit
        self.query = text.strip()
        self._generation += 1
        generation = self._generation
        if not self.query:
            self._show(generation, [])
            return
        store = self.ctx.store
        query = self.query
        newest = self.sort_combo.currentData() == "date"
        ctx = self.ctx

        def find() -> dict:  # a read, on the read pool: the index as it is
            return search_results(store, query, limit=limit, newest_first=newest, refresh=False)

        def show(found: dict) -> None:
            self._show(generation, found["hits"], found["more"])

        def unrefreshed(exc: BaseException) -> None:  # search what is indexed, say why
            log.warning("the search index was not refreshed: %r", exc)
            ctx.tasks.run(find, show)

        def checked(stale: bool) -> None:
            if generation != self._generation:
                return
            if stale:  # rows queued for indexing: the writer thread indexes them, then we read
                ctx.write(
                    lambda: knowledge_index.refresh(store),
                    lambda _n: ctx.tasks.run(find, show),
                    unrefreshed,
                    changes_data=False,  # the index, not the rep's data
                )
            else:
                ctx.tasks.run(find, show)

        ctx.tasks.run(lambda: knowledge_index.pending(store), checked)

    def show_more(self) -> None:
        self.search(self.query, limit=self.limit + PAGE)

    def _show(self, generation: int, hits: list[dict], more: bool = False) -> None:
        if generation != self._generation:
            return
        self.more = more
        self.model.set_rows(hits)
        self.more_button.setVisible(more)
        if self.query:
            text = self.tr("「{0}」: %n result(s)", "", len(hits)).format(self.query)
            if more:
                text += self.tr(" — more below: 「Show more results」")
            self.hint_label.setText(text)
            self.empty_label.setText(
                ""
                if hits
                else self.tr("Nothing found. Try a shorter word, or another way of writing it.")
            )
        else:
            self.hint_label.setText(
                self.tr(
                    "Type a word in the search box above: notes and activities, best match first."
                )
            )
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))
        if hits:
            self.view.selectRow(0)
        self._update_buttons()
        self.loaded.emit()

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)

    def current_hit(self) -> dict | None:
        return self.model.row(self.view.currentIndex().row())

    def _update_buttons(self, *args) -> None:
        hit = self.current_hit()
        has_company = bool(hit and hit.get("company_id"))
        self.open_button.setEnabled(has_company)
        self.brief_button.setEnabled(has_company)
        self.activities_button.setEnabled(bool(self.query))

    def open_current(self, *args) -> None:
        hit = self.current_hit()
        if hit and hit.get("company_id"):
            self.open_hit.emit(hit["company_id"], hit["kind"], hit["id"])

    def _brief(self) -> None:
        hit = self.current_hit()
        if hit and hit.get("company_id"):
            self.open_brief.emit(hit["company_id"])
