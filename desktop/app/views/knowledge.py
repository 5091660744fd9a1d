"""ナレッジ: the monthly MVP (recognition for notes that helped others) and the team's notes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from desktop.app import fmt
from desktop.app.data.changes import Changes
from desktop.app.data.knowledge import mvp, mvp_months, team_notes
from desktop.app.i18n import InContextLanguage
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.views.notes import CATEGORY_KEYS, LEAD_COMMENT, category_label
from desktop.app.widgets import Page, label, table

ALL = "all"


class MvpTab(InContextLanguage, QWidget):
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 12, 0, 0)
        lay.setSpacing(10)
        bar = QHBoxLayout()
        bar.addWidget(label(self.tr("Month"), "muted"))
        self.month_combo = QComboBox()
        self.month_combo.setMinimumWidth(160)
        self.month_combo.currentIndexChanged.connect(self.refresh)
        bar.addWidget(self.month_combo)
        bar.addSpacing(12)
        bar.addWidget(
            label(
                self.tr(
                    "It counts how teammates used the notes (helpful marks, reuse in briefs, "
                    "people and departments reached), never how many were written."
                ),
                "muted",
                wrap=True,
            ),
            1,
        )
        lay.addLayout(bar)
        lay.addWidget(
            label(
                self.tr(
                    "Score = helpful marks × 3 + reuse × 1 + people reached × 2 + each further "
                    "department reached × 3. Reactions to your own notes do not count."
                ),
                "muted",
                wrap=True,
            )
        )
        self.model = RecordsModel(
            [
                Column("rank", self.tr("Rank"), align_right=True),
                Column("author", self.tr("Name")),
                Column("score", self.tr("Score"), align_right=True),
                Column("helpful", self.tr("Helpful ×3"), align_right=True),
                Column("reuse", self.tr("Reuse ×1"), align_right=True),
                Column("people", self.tr("People reached ×2"), align_right=True),
                Column("departments", self.tr("Departments"), align_right=True),
                Column("notes_used", self.tr("Notes used"), align_right=True),
                Column("notes_written", self.tr("Notes written (not scored)"), align_right=True),
            ],
            self,
        )
        self.view = table(
            self.model,
            stretch=1,
            widths={0: 70, 2: 80, 3: 120, 4: 100, 5: 150, 6: 100, 7: 110, 8: 190},
        )
        lay.addWidget(self.view, 1)
        self.empty_label = label("", "muted", wrap=True)
        lay.addWidget(self.empty_label)
        self._months_loaded = False
        self._generation = 0

    def load_months(self) -> None:
        def shown(months: list[str]) -> None:
            current = self.month_combo.currentData()
            self.month_combo.blockSignals(True)
            self.month_combo.clear()
            for m in months:
                self.month_combo.addItem(self.tr("{0}/{1}").format(m[:4], m[5:7]), m)
            self.month_combo.addItem(self.tr("All time"), ALL)
            i = self.month_combo.findData(current) if current else 0
            self.month_combo.setCurrentIndex(max(0, i))
            self.month_combo.blockSignals(False)
            self._months_loaded = True
            self.refresh()

        self.ctx.read(mvp_months, shown)

    def set_month(self, month: str) -> None:
        i = self.month_combo.findData(month)
        if i < 0:
            self.month_combo.insertItem(0, self.tr("{0}/{1}").format(month[:4], month[5:7]), month)
            i = 0
        self.month_combo.setCurrentIndex(i)
        self.refresh()

    def refresh(self) -> None:
        if not self._months_loaded:
            self.load_months()
            return
        month = self.month_combo.currentData()
        store = self.ctx.store
        key = None if month == ALL else month
        # Reads run on a pool and may finish out of order: only the latest request is shown.
        self._generation = generation = self._generation + 1
        self.ctx.tasks.run(
            lambda: [e.to_dict() for e in mvp(store, key)],
            lambda rows: self._show(rows) if generation == self._generation else None,
        )

    def _show(self, rows: list[dict]) -> None:
        ranked = [r for r in rows if r["score"] > 0 or r["notes_written"]]
        self.model.set_rows(ranked)
        self.empty_label.setText(
            ""
            if ranked
            else self.tr(
                "No reactions this month yet. Mark the notes that helped you 「Helpful」: "
                "that is what counts here."
            )
        )
        self.empty_label.setVisible(not ranked)
        self.loaded.emit()


class TeamNotesTab(InContextLanguage, QWidget):
    loaded = Signal()
    open_note = Signal(str, str)  # company id, note id

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 12, 0, 0)
        lay.setSpacing(10)
        bar = QHBoxLayout()
        bar.addWidget(label(self.tr("Category"), "muted"))
        self.category_combo = QComboBox()
        self.category_combo.setMinimumWidth(200)
        self.category_combo.addItem(self.tr("All categories"), ALL)
        for key in (*CATEGORY_KEYS, LEAD_COMMENT):
            self.category_combo.addItem(category_label(key, self.ctx.language), key)
        self.category_combo.currentIndexChanged.connect(self.refresh)
        bar.addWidget(self.category_combo)
        bar.addStretch(1)
        self.count_label = label("", "muted")
        bar.addWidget(self.count_label)
        lay.addLayout(bar)
        self.model = RecordsModel(
            [
                Column(
                    "date", self.tr("Date"), lambda r: fmt.day(r["date"], lang=self.ctx.language)
                ),
                Column("company", self.tr("Customer"), tooltip=True),
                Column(
                    "category",
                    self.tr("Category"),
                    lambda r: category_label(r["category"], self.ctx.language),
                ),
                Column("author", self.tr("Written by")),
                Column(
                    "body", self.tr("Note"), lambda r: fmt.one_line(r["body"], 90), tooltip=True
                ),
                Column(
                    "helpful",
                    self.tr("Helpful"),
                    lambda r: str(r["helpful"] or ""),
                    align_right=True,
                ),
            ],
            self,
        )
        self.view = table(self.model, stretch=4, widths={0: 124, 1: 180, 2: 150, 3: 90, 5: 100})
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        lay.addWidget(self.view, 1)

    def refresh(self) -> None:
        category = self.category_combo.currentData()
        user = self.ctx.settings.user_name
        key = None if category == ALL else category
        self.ctx.read(lambda conn: team_notes(conn, user, key), self._show, latest=self)

    def _show(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n note(s)", "", len(rows)))
        self.loaded.emit()

    def _open(self, index) -> None:
        row = self.model.row(index.row())
        if row and row["company_id"]:
            self.open_note.emit(row["company_id"], row["id"])


class KnowledgeView(InContextLanguage, Page):
    loaded = Signal()
    open_note = Signal(str, str)  # company id, note id

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Knowledge"),
            self.tr("What the team learned in the field, and whose notes helped others most."),
            parent,
        )
        self.tabs = QTabWidget()
        self.mvp = MvpTab(ctx)
        self.notes = TeamNotesTab(ctx)
        self.tabs.addTab(self.mvp, self.tr("Knowledge MVP"))
        self.tabs.addTab(self.notes, self.tr("Team notes"))
        self.outer.addWidget(self.tabs, 1)
        self.mvp.loaded.connect(self.loaded)
        self.notes.open_note.connect(self.open_note)
        self._started = False
        ctx.bus.data_changed.connect(self._data_changed)

    def activate(self) -> None:
        self._started = True
        self.mvp.load_months()
        self.notes.refresh()

    def _data_changed(self, changes: Changes) -> None:
        # notes, their 参考になった marks, and the customers and visits they are about
        shown = ("notes", "reactions", "companies", "activities")
        if self._started and self.isVisible() and changes.touches(*shown):
            self.mvp.refresh()
            self.notes.refresh()
