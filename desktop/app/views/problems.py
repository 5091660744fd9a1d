"""Problems: import issues (open the workbook, fix its headings), cards to review, probable
duplicates merged or kept apart with one click, and merges that can be undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from desktop.app import fmt
from desktop.app.data import edits, problems
from desktop.app.data.changes import IMPORT_ISSUES, SOURCES, Changes
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.widgets import Page, button, label, table

# What the tabs show: files' problems, cards to check (contacts), duplicates and merges of
# customers and contacts. An edit of a visit, a note or a deal changes none of it.
SHOWN = (SOURCES, IMPORT_ISSUES, "contacts", "companies", "merges")

# Problems the mapping wizard fixes: a workbook it cannot read, columns it could not place.
MAPPING_CODES = (
    "no_header",
    "no_data",
    "not_visits",
    "unmapped_columns",
    "unmapped_labels",
    "form_stray",
    "row_stray",
    "ambiguous_columns",
    "header_no_rows",
)


class ProblemsView(InContextLanguage, Page):
    loaded = Signal()
    open_mapping = Signal(str)  # a workbook path

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Problems"),
            self.tr(
                "What Genba could not read, cards to check, and customers that may be the same."
            ),
            parent,
        )
        self.data: dict | None = None
        self.refreshes = 0  # reads of the tabs (tests: a change it does not show is skipped)
        self.tabs = QTabWidget()
        self.outer.addWidget(self.tabs, 1)

        # Import issues
        self.issues = RecordsModel(
            [
                Column("path", self.tr("File"), lambda r: Path(r["path"]).name, tooltip=True),
                Column("sheet", self.tr("Sheet")),
                Column("cell", self.tr("Cell")),
                Column(
                    "severity",
                    self.tr("Severity"),
                    lambda r: {"error": self.tr("error"), "warning": self.tr("warning")}.get(
                        r["severity"], r["severity"]
                    ),
                ),
                Column("message", self.tr("What to do"), tooltip=True),
            ],
            self,
        )
        self.issues_view = table(self.issues, stretch=4, widths={0: 230, 1: 80, 2: 70, 3: 80})
        self.issues_view.doubleClicked.connect(self.open_workbook)
        self.open_button = button(self.tr("Open the workbook"), icon=icon("open"))
        self.open_button.clicked.connect(self.open_workbook)
        self.map_button = button(self.tr("Set up the headings…"), primary=True)
        self.map_button.setToolTip(
            self.tr("Tell Genba which row holds the headings and what each column means")
        )
        self.map_button.clicked.connect(self._mapping)
        self.dismiss_button = button(self.tr("Mark as dealt with"), icon=icon("check"))
        self.dismiss_button.setToolTip(
            self.tr(
                "You fixed it in the workbook, or it does not matter: it leaves this list and "
                "Today's count (a new import of the file shows what is still wrong)"
            )
        )
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.issues_view.selectionModel().currentRowChanged.connect(self._issue_selected)
        issues_tab = self._tab(
            self.issues_view, [self.open_button, self.map_button, self.dismiss_button]
        )
        self.issue_detail = label("", "muted", wrap=True)
        self.issue_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        issues_tab.layout().insertWidget(1, self.issue_detail)
        self.tabs.addTab(issues_tab, "")

        # Cards to review
        self.cards = RecordsModel(
            [
                Column("full_name", self.tr("Name")),
                Column("company", self.tr("Customer")),
                Column("title", self.tr("Title")),
                Column("email", self.tr("E-mail")),
                Column("phone", self.tr("Phone")),
            ],
            self,
        )
        self.cards_view = table(self.cards, stretch=1, widths={0: 160, 2: 120, 3: 220, 4: 140})
        self.cards_view.doubleClicked.connect(self.check_selected)
        self.check_button = button(
            self.tr("Check and correct…"), primary=True, icon=icon("edit", "#ffffff")
        )
        self.check_button.setToolTip(
            self.tr("Compare with the card image and correct what was misread")
        )
        self.check_button.clicked.connect(self.check_selected)
        self.reviewed_button = button(self.tr("Mark as checked"), icon=icon("check"))
        self.reviewed_button.clicked.connect(self._reviewed)
        self.cards_view.selectionModel().currentRowChanged.connect(self._card_selected)
        self.review_dialog = None
        self.tabs.addTab(self._tab(self.cards_view, [self.check_button, self.reviewed_button]), "")

        # Duplicates and merges
        self.dups = RecordsModel(
            [
                Column(
                    "entity",
                    self.tr("Kind"),
                    lambda r: (
                        self.tr("Customer") if r["entity"] == "companies" else self.tr("Contact")
                    ),
                ),
                Column("keep_name", self.tr("Keep")),
                Column("other_name", self.tr("Merge into it")),
                Column("reason", self.tr("Why"), lambda r: self._reason(r["reason"])),
            ],
            self,
        )
        self.dups_view = table(self.dups, stretch=3, widths={0: 90, 1: 220, 2: 220})
        self.merge_button = button(self.tr("Merge"), primary=True, icon=icon("merge", "#ffffff"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.apart_button = button(self.tr("Keep apart"))
        self.apart_button.clicked.connect(self.keep_apart_selected)
        self.manual_button = button(self.tr("Merge by hand…"), icon=icon("merge"))
        self.manual_button.setToolTip(
            self.tr("Pick two customers or contacts Genba did not suggest, and merge them")
        )
        self.manual_button.clicked.connect(self.merge_by_hand)
        self.merges = RecordsModel(
            [
                Column(
                    "entity",
                    self.tr("Kind"),
                    lambda r: (
                        self.tr("Customer") if r["entity"] == "companies" else self.tr("Contact")
                    ),
                ),
                Column("names", self.tr("Merged")),
                Column("created_at", self.tr("When"), lambda r: fmt.when(r["created_at"])),
            ],
            self,
        )
        self.merges_view = table(self.merges, stretch=1, widths={0: 90, 2: 150})
        self.merges_view.setMaximumHeight(170)
        self.undo_button = button(self.tr("Undo merge"), icon=icon("undo"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.dups_view.selectionModel().currentRowChanged.connect(self._dup_selected)
        dup_tab = self._tab(
            self.dups_view, [self.merge_button, self.apart_button, self.manual_button]
        )
        dup_tab.layout().addWidget(label(self.tr("Recent merges"), "sectionTitle"))
        dup_tab.layout().addWidget(self.merges_view)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        dup_tab.layout().addLayout(row)
        self.tabs.addTab(dup_tab, "")
        self._set_tab_titles(0, 0, 0)
        ctx.bus.data_changed.connect(self._data_changed)

    def _tab(self, view, buttons) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 10, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(view, 1)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return w

    def _set_tab_titles(self, issues: int, cards: int, dups: int) -> None:
        self.tabs.setTabText(0, self.tr("Import problems ({0})").format(issues))
        self.tabs.setTabText(1, self.tr("Cards to check ({0})").format(cards))
        self.tabs.setTabText(2, self.tr("Possible duplicates ({0})").format(dups))

    def _reason(self, reason: str) -> str:
        return {
            "same e-mail": self.tr("same e-mail"),
            "same name at the same company": self.tr("same name at the same company"),
            "same name after normalisation": self.tr("same name (株式会社, width, spaces aside)"),
            "similar name and the same phone prefix": self.tr(
                "similar name and the same phone number prefix"
            ),
        }.get(reason, reason)

    # -- loading ------------------------------------------------------------------------------------
    def activate(self) -> None:
        if self.data is None:
            self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        if self.data is not None and changes.touches(*SHOWN):
            self.refresh()

    def refresh(self) -> None:
        self.refreshes += 1
        store, lang = (
            self.ctx.store,
            self.ctx.language,
        )  # problems are written in the rep's language

        def work(conn):
            merges = problems.recent_merges(conn)
            for m in merges:
                table_ = m["entity"]
                col = "name" if table_ == "companies" else "full_name"
                names = [
                    (
                        conn.execute(f"SELECT {col} FROM {table_} WHERE id = ?", (i,)).fetchone()
                        or [""]
                    )[0]
                    for i in (m["keep_id"], m["other_id"])
                ]
                m["names"] = " ← ".join(n or "?" for n in names)
            return {
                "issues": problems.import_problems(conn, lang),
                "cards": problems.cards_to_review(conn),
                "dups": problems.duplicates(store),
                "merges": merges,
            }

        self.ctx.read(work, self._show, latest=self)

    def _show(self, data: dict) -> None:
        self.data = data
        self.issues.set_rows(data["issues"])
        self.cards.set_rows(data["cards"])
        self.dups.set_rows(data["dups"])
        self.merges.set_rows(data["merges"])
        self._set_tab_titles(len(data["issues"]), len(data["cards"]), len(data["dups"]))
        self._issue_selected()
        self._card_selected()
        self._dup_selected()
        self.loaded.emit()

    # -- actions ------------------------------------------------------------------------------------
    def _current(self, view, model) -> dict | None:
        idx = view.currentIndex()
        return model.row(idx.row()) if idx.isValid() else None

    def _issue_selected(self, *args) -> None:
        row = self._current(self.issues_view, self.issues)
        self.open_button.setEnabled(row is not None)
        self.dismiss_button.setEnabled(row is not None)
        if row is None:
            self.issue_detail.setText("")
        else:
            where = " · ".join(x for x in (Path(row["path"]).name, row["location"]) if x)
            self.issue_detail.setText(f"{where}\n{row['message']}")
        self.map_button.setEnabled(bool(row and row["code"] in MAPPING_CODES))

    def open_workbook(self, *args) -> QUrl | None:
        """Open the selected issue's workbook in the system's program for it (Excel)."""
        row = self._current(self.issues_view, self.issues)
        if row is None:
            return None
        url = QUrl.fromLocalFile(row["path"])
        QDesktopServices.openUrl(url)
        return url

    def _mapping(self) -> None:
        row = self._current(self.issues_view, self.issues)
        if row is not None:
            self.open_mapping.emit(row["path"])

    def dismiss_selected(self) -> None:
        row = self._current(self.issues_view, self.issues)
        if row is not None:
            store = self.ctx.store
            self.ctx.write(lambda: problems.dismiss_issues(store, [row["id"]]))

    def _dup_selected(self, *args) -> None:
        # Nothing to merge, nothing to press: 統合する looked live on an empty list.
        selected = self._current(self.dups_view, self.dups) is not None
        self.merge_button.setEnabled(selected)
        self.apart_button.setEnabled(selected)
        self.undo_button.setEnabled(self.merges.rowCount() > 0)

    def _card_selected(self, *args) -> None:
        selected = self._current(self.cards_view, self.cards) is not None
        self.check_button.setEnabled(selected)
        self.reviewed_button.setEnabled(selected)

    def check_selected(self, *args):
        """Open the selected card beside its fields to correct them (returns the dialog)."""
        from desktop.app.dialogs.card_review import CardReviewDialog

        row = self._current(self.cards_view, self.cards)
        if row is None:
            return None
        if self.review_dialog is not None and not self.review_dialog.isVisible():
            self.review_dialog.deleteLater()  # the last one, closed: one at a time is kept
        self.review_dialog = CardReviewDialog(self.ctx, row["id"], parent=self)
        self.review_dialog.open()
        return self.review_dialog

    def _reviewed(self) -> None:
        row = self._current(self.cards_view, self.cards)
        if row is not None:
            store = self.ctx.store
            self.ctx.write(lambda: edits.mark_reviewed(store, row["id"]))

    def merge_selected(self) -> None:
        row = self._current(self.dups_view, self.dups)
        if row is not None:
            store = self.ctx.store
            self.ctx.write(
                lambda: problems.merge(store, row["entity"], row["keep_id"], row["other_id"])
            )

    def merge_by_hand(self):
        """The side-by-side merge of two rows the rep picks (returns the dialog)."""
        from desktop.app.dialogs.merge import ManualMergeDialog

        self.manual_dialog = ManualMergeDialog(self.ctx, parent=self)
        self.manual_dialog.open()
        return self.manual_dialog

    def keep_apart_selected(self) -> None:
        row = self._current(self.dups_view, self.dups)
        if row is not None:
            store = self.ctx.store
            self.ctx.write(
                lambda: problems.keep_apart(store, row["entity"], row["keep_id"], row["other_id"])
            )

    def undo_selected(self) -> None:
        row = self._current(self.merges_view, self.merges)
        if row is None and self.merges.rowCount():
            row = self.merges.row(0)  # the latest merge
        if row is not None:
            store = self.ctx.store
            self.ctx.write(lambda: problems.undo(store, row["id"]))
