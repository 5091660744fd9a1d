"""Activities: every activity, filtered by period, rep, customer and text; 100,000 rows scroll
smoothly because the table model reads only the pages that are painted.

A photo of a paper memo dropped on a row, or pasted (Ctrl+V) on the selected row, is attached to
that activity (desktop.app.row_drop).
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit

from desktop.app.data.activities import TEXT_COLUMNS, ActivityFilter, reps
from desktop.app.data.changes import Changes
from desktop.app.data.periods import period_range
from desktop.app.i18n import InContextLanguage
from desktop.app.models.activities import ActivitiesModel
from desktop.app.models.lazy import LazyTableModel
from desktop.app.row_drop import RowDrop
from desktop.app.views.date_field import DateField
from desktop.app.widgets import Page, label, table


class ActivitiesView(InContextLanguage, Page):
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Activities"),
            self.tr("Every visit from your daily reports. Double-click a row to edit it."),
            parent,
        )
        self._today: dt.date | None = None  # pinned by the screenshots; None: the real date
        self.model = ActivitiesModel(ctx.connect, ctx.tasks, self, lang=ctx.language)
        self._started = False
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)

        # Two rows: at 1280 px or at 150 % one row squeezed the text box into the period.
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Search summary, next action, insight…"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(220)
        self.text_edit.textChanged.connect(self._debounce.start)
        bar.addWidget(self.text_edit, 3)
        self.rep_combo = QComboBox()
        self.rep_combo.addItem(self.tr("All reps"), None)
        self.rep_combo.setMinimumWidth(130)
        self.rep_combo.currentIndexChanged.connect(self._debounce.start)
        bar.addWidget(self.rep_combo, 1)
        self.customer_combo = QComboBox()
        self.customer_combo.addItem(self.tr("All customers"), None)
        self.customer_combo.setMinimumWidth(180)
        self.customer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.customer_combo.setMinimumContentsLength(14)
        self.customer_combo.currentIndexChanged.connect(self._debounce.start)
        bar.addWidget(self.customer_combo, 2)
        self.outer.addLayout(bar)

        dates = QHBoxLayout()
        dates.setSpacing(8)
        dates.addWidget(label(self.tr("Period")))
        self.period = QComboBox()
        for key, text in (
            ("all", self.tr("All dates")),
            ("month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("fy", self.tr("This fiscal year (from April)")),
            ("last_fy", self.tr("Last fiscal year")),
            ("30", self.tr("Last 30 days")),
            ("90", self.tr("Last 90 days")),
            ("custom", self.tr("Custom")),
        ):
            self.period.addItem(text, key)
        self.period.currentIndexChanged.connect(self._period_changed)
        dates.addWidget(self.period)
        self.since_edit = DateField(self.tr("from"), lang=ctx.language)
        self.until_edit = DateField(self.tr("until"), lang=ctx.language)
        for e in (self.since_edit, self.until_edit):
            e.changed.connect(self._date_changed)
        dates.addWidget(self.since_edit)
        dates.addWidget(label("〜"))
        dates.addWidget(self.until_edit)
        dates.addStretch(1)
        self.outer.addLayout(dates)

        self.count_label = label("", "muted")
        self.actions.addWidget(self.count_label)

        self.view = table(
            self.model,
            stretch=4,
            widths={0: 122, 1: 170, 2: 84, 3: 84, 5: 160, 6: 100, 7: 60},
        )
        self.view.doubleClicked.connect(self._edit)
        self.row_drop = RowDrop(ctx, self.view, "activities")
        self.outer.addWidget(self.view, 1)
        self.model.loaded.connect(self._loaded)
        ctx.bus.data_changed.connect(self._data_changed)

    # -- filter -------------------------------------------------------------------------------------
    def current_filter(self) -> ActivityFilter:
        def iso(e: DateField) -> str | None:
            d = e.date()
            return d.isoformat() if d else None

        return ActivityFilter(
            since=iso(self.since_edit),
            until=iso(self.until_edit),
            rep=self.rep_combo.currentData(),
            company_id=self.customer_combo.currentData(),
            text=self.text_edit.text().strip(),
        )

    def apply_filter(self) -> None:
        if self._started:
            self.model.set_filter(self.current_filter())

    def set_text(self, text: str) -> None:
        self.text_edit.setText(text)
        self._debounce.stop()
        self.apply_filter()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _period_changed(self) -> None:
        key = self.period.currentData()
        if key == "custom":
            self.since_edit.edit.setFocus()
            return
        since, until = period_range(key, self.today())
        for e, d in ((self.since_edit, since), (self.until_edit, until)):
            e.set_date(d)
        self._debounce.start()

    def _date_changed(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)
        self._debounce.start()

    # -- loading ------------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._started:
            self._started = True
            self.model.filter = self.current_filter()
            self.model.reload()
            self._load_choices()

    def _load_choices(self) -> None:
        def work(conn):
            from importers.normalize.readings import sort_key

            companies = conn.execute(
                "SELECT id, name, name_kana FROM companies WHERE deleted = 0"
            ).fetchall()
            companies = sorted(companies, key=lambda r: (*sort_key(r[2], r[1]), r[0]))  # 50音順
            return reps(conn), [(r[0], r[1]) for r in companies]

        self.ctx.read(work, self._fill_choices)

    def _fill_choices(self, choices) -> None:
        rep_names, companies = choices
        for combo, items in (
            (self.rep_combo, [(r, r) for r in rep_names]),
            (self.customer_combo, [(n, i) for i, n in companies]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            idx = combo.findData(current)
            combo.setCurrentIndex(max(0, idx))
            combo.blockSignals(False)

    def _loaded(self) -> None:
        self.count_label.setText(self.tr("%n activity(ies)", "", self.model.rowCount()))
        self.loaded.emit()

    def _data_changed(self, changes: Changes) -> None:
        """Skip what this list does not show; re-read the touched rows when they are few; the
        whole list otherwise. Its own edits it has already shown (``edited``)."""
        if not self._started:
            return
        if changes.origin is self and not changes.everything:  # ``edited`` shows its row
            changes = Changes.of({e: ids for e, ids in changes.rows.items() if e != "activities"})
        if not changes.touches("activities", "companies"):
            return
        activities, companies = changes.few("activities"), changes.few("companies")
        if activities is None or companies is None:
            self.model.reload()
            self._load_choices()
            return
        if companies:  # a customer's name: the rows showing it, and the customer filter
            self.model.refresh_where("company_id", companies)
            self._load_choices()
        if activities:
            self.model.update_touched(activities)
            self._add_reps(activities)

    def _add_reps(self, activity_ids) -> None:
        """A touched row may name a rep the filter does not list yet."""
        ids = sorted(activity_ids)

        def work(conn):
            sql = "SELECT DISTINCT rep FROM activities WHERE id IN (SELECT value FROM json_each(?))"
            return [r[0] for r in conn.execute(sql, (json.dumps(ids),)) if r[0]]

        def add(names):
            new = [n for n in names if self.rep_combo.findData(n) < 0]
            if new:
                self._load_choices()

        self.ctx.read(work, add)

    def edited(self, activity_id: str, values: dict) -> None:
        """The editor opened here saved ``values``: shown without re-reading the row, unless
        they move it (its date) or decide whether the filter shows it."""
        f = self.model.filter
        moves = "occurred_on" in values or (f.rep and "rep" in values)
        if moves or (f.text and set(values) & set(TEXT_COLUMNS)):
            self.model.update_touched([activity_id])
        else:
            self.model.patch_row(activity_id, values)
        if values.get("rep"):
            self._add_reps([activity_id])

    def selected_id(self) -> str | None:
        idx = self.view.currentIndex()
        return self.model.data(idx, LazyTableModel.ID_ROLE) if idx.isValid() else None

    def _edit(self, index) -> None:
        from desktop.app.dialogs.activity import ActivityDialog
        from desktop.app.dialogs.voice_draft import VoiceDraftDialog

        aid = self.model.data(index, LazyTableModel.ID_ROLE)
        if aid:
            # a voice memo draft opens beside its transcript, with 確定 / 破棄
            row = self.model.data(index, LazyTableModel.ROW_ROLE) or {}
            kind = VoiceDraftDialog if row.get("kind") == "voice_draft" else ActivityDialog
            self._dialog = kind(self.ctx, aid, parent=self)
            if kind is ActivityDialog:  # its save is shown here, not re-read (edited)
                self._dialog.origin = self
                self._dialog.saved.connect(lambda values, aid=aid: self.edited(aid, values))
            self._dialog.open()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            self._edit(self.view.currentIndex())
            return
        super().keyPressEvent(event)
