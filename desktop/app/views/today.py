"""Today: what came in since yesterday, follow-ups due, problems to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QMenu, QVBoxLayout

from desktop.app import fmt
from desktop.app.data.changes import IMPORT_ISSUES, SOURCES, Changes
from desktop.app.data.today import today_summary
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.widgets import Card, Page, StatCard, button, label, table
from importers.voice.drafts import voice_drafts

SHOWN = ("activities", "companies", "contacts", SOURCES, IMPORT_ISSUES)


class TodayView(InContextLanguage, Page):
    open_customer = Signal(str)
    open_problems = Signal()
    open_activities = Signal()
    loaded = Signal()

    def __init__(self, ctx, parent=None, *, today: dt.date | None = None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(self.tr("Today"), "", parent)
        self._today = today
        self.data: dict | None = None
        self.refreshes = 0  # re-reads (for tests and the bench)
        self._stale = False  # changed while hidden: re-read when shown (activate)

        stats = QHBoxLayout()
        stats.setSpacing(12)
        self.stat_imported = StatCard(self.tr("activities imported since yesterday"))
        self.stat_followups = StatCard(self.tr("follow-ups due today or overdue"))
        self.stat_problems = StatCard(self.tr("problems to fix"), warn=True)
        self.stat_imported.clicked.connect(self.open_activities)
        self.stat_problems.clicked.connect(self.open_problems)
        for s in (self.stat_imported, self.stat_followups, self.stat_problems):
            stats.addWidget(s)
        self.outer.addLayout(stats)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        follow = Card()
        follow.body.addWidget(label(self.tr("Follow-ups due"), "sectionTitle"))
        follow.body.addWidget(
            label(
                self.tr(
                    "Next actions from each customer's latest visit. Double-click to open the customer."
                ),
                "muted",
                wrap=True,
            )
        )
        self.followups = RecordsModel(
            [
                Column(
                    "next_action_due",
                    self.tr("Due"),
                    lambda r: fmt.day(r["next_action_due"], lang=ctx.language),
                ),
                Column(
                    "overdue_days",
                    self.tr("Overdue"),
                    lambda r: self._overdue(r["overdue_days"]),
                    align_right=True,
                ),
                Column("company", self.tr("Customer"), tooltip=True),
                Column(
                    "next_action",
                    self.tr("Next action"),
                    lambda r: fmt.one_line(r["next_action"], 60),
                    tooltip=True,
                ),
            ],
            self,
        )
        self.followups_view = table(self.followups, stretch=3, widths={0: 130, 1: 80, 2: 200})
        self.followups_view.doubleClicked.connect(self._open_followup)
        follow.body.addWidget(self.followups_view)
        answer = QHBoxLayout()
        answer.setSpacing(6)
        self.done_button = button(self.tr("Done"), icon=icon("check"))
        self.done_button.setToolTip(self.tr("You did it: it leaves Today (for the whole team)"))
        self.done_button.clicked.connect(lambda: self.answer_selected("done"))
        self.snooze_button = button(self.tr("Snooze…"))
        self.snooze_button.setToolTip(self.tr("Not yet: show it again on a later day"))
        self.snooze_menu = QMenu(self.snooze_button)
        for days, text in (
            (1, self.tr("Tomorrow")),
            (7, self.tr("In a week")),
            (30, self.tr("In a month")),
        ):
            self.snooze_menu.addAction(text, lambda d=days: self.snooze_selected(d))
        self.snooze_menu.addAction(self.tr("On a date…"), self._snooze_to_date)
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = button(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(
            self.tr("Nothing to do after all: it leaves Today without counting as done")
        )
        self.dismiss_button.clicked.connect(lambda: self.answer_selected("dismissed"))
        for b in (self.done_button, self.snooze_button, self.dismiss_button):
            answer.addWidget(b)
        answer.addStretch(1)
        follow.body.addLayout(answer)
        self.age_label = label("", "muted", wrap=True)
        follow.body.addWidget(self.age_label)
        self.followups_view.selectionModel().currentRowChanged.connect(self._followup_selected)
        self._followup_selected()
        grid.addWidget(follow, 0, 0)

        right = QVBoxLayout()
        right.setSpacing(12)
        imported = Card()
        imported.body.addWidget(label(self.tr("Imported since yesterday"), "sectionTitle"))
        self.imported_files = RecordsModel(
            [
                Column("path", self.tr("File"), lambda r: Path(r["path"]).name, tooltip=True),
                Column("items", self.tr("Rows"), self._items, align_right=True),
                Column("imported_at", self.tr("When"), lambda r: fmt.when(r["imported_at"])),
            ],
            self,
        )
        self.imported_view = table(self.imported_files, stretch=0, widths={1: 92, 2: 124})
        # 36 monthly files share their start (2025年度_営業日報_山本_…): keep the end in view.
        self.imported_view.setTextElideMode(Qt.TextElideMode.ElideLeft)
        imported.body.addWidget(self.imported_view)
        right.addWidget(imported, 1)

        # Voice memos wait as drafts until the rep confirms them: one click opens the oldest.
        self.voice_button = button("", icon=icon("check"))
        self.voice_button.setVisible(False)
        self.voice_button.clicked.connect(self.open_voice_draft)
        self.voice_drafts: list[dict] = []
        self.voice_dialog = None
        right.addWidget(self.voice_button)

        problems = Card(clickable=True)
        problems.clicked.connect(self.open_problems)
        problems.body.addWidget(label(self.tr("Problems to fix"), "sectionTitle"))
        self.problems_text = label("", "muted", wrap=True)
        problems.body.addWidget(self.problems_text)
        self.problems_link = label(self.tr("Open Problems →"), "muted")
        problems.body.addWidget(self.problems_link)
        right.addWidget(problems)
        grid.addLayout(right, 0, 1)
        self.outer.addLayout(grid, 1)
        ctx.bus.data_changed.connect(self._data_changed)

    def _items(self, r: dict) -> str:
        if r.get("status") == "error":
            return self.tr("could not be read")
        if r["kind"] == "report" and not r["activities"]:
            # an empty or unreadable sheet is not 「訪問 0回」; "see Problems" only while
            # Problems lists something of it (not once the rep has dealt with it)
            if r.get("problems"):
                return self.tr("no visits — see Problems")
            return self.tr("no visits")
        if r["kind"] == "report":
            return self.tr("%n visit(s)", "", r["activities"])
        if r["contacts"]:
            return self.tr("%n card(s)", "", r["contacts"])
        return ""

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _overdue(self, days: int) -> str:
        if days <= 0:
            return self.tr("today")
        return self.tr("%n day(s)", "", days)

    def activate(self) -> None:
        if self.data is None or self._stale:
            self._stale = False
            self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        """Today shows imported files, follow-ups (visits and their customers) and problem
        counts (cards to check among them): a note or a reaction does not change it."""
        if self.data is None or not changes.touches(*SHOWN):  # never shown: read when it is
            return
        if self.isVisible():
            self.refresh()
        else:  # its summary reads every visit (about 1 s over 100,000): when shown again
            self._stale = True

    def refresh(self) -> None:
        self.refreshes += 1
        today = self.today()
        self.ctx.read(lambda conn: today_summary(conn, today), self._show, latest=self)
        self.ctx.read(voice_drafts, self._show_voice_drafts)

    def _show_voice_drafts(self, drafts: list[dict]) -> None:
        self.voice_drafts = drafts
        self.voice_button.setText(self.tr("%n voice memo draft(s) to confirm", "", len(drafts)))
        self.voice_button.setVisible(bool(drafts))

    def open_voice_draft(self) -> None:
        if not self.voice_drafts:
            return
        from desktop.app.dialogs.voice_draft import VoiceDraftDialog

        self.voice_dialog = VoiceDraftDialog(self.ctx, self.voice_drafts[0]["id"], self)
        self.voice_dialog.open()

    def _show(self, data: dict) -> None:
        self.data = data
        d = dt.date.fromisoformat(data["today"])
        self.hint_label.setText(self.tr("{0:%Y}/{0:%m}/{0:%d} — good work today.").format(d))
        self.hint_label.setVisible(True)
        added = sum(f["activities"] for f in data["imported"])
        self.stat_imported.set_value(f"{added:,}")
        self.stat_followups.set_value(f"{len(data['followups']):,}")
        p = data["problems"]
        total = p["total"]  # what Problems lists, counted by its rule (data.problems)
        self.stat_problems.set_value(f"{total:,}")
        self.followups.set_rows(data["followups"])
        self._followup_selected()
        aged = data.get("aged_followups", 0)
        rule = self.tr("Follow-ups more than {0} days past their due date are not shown here.")
        rule = rule.format(data.get("age_days", 0))
        if aged:
            rule += " " + self.tr(
                "%n older follow-up(s) hidden; their visits stay in Activities.", "", aged
            )
        self.age_label.setText(rule)
        self.imported_files.set_rows(data["imported"])
        parts = [
            # every kind of file, as the Problems tab of the same name lists them
            self.tr("%n import problem(s) in files", "", p["issues"]),
            self.tr("%n business card(s) to check", "", p["cards_to_review"]),
        ]
        if p["failed_files"]:
            parts.append(self.tr("%n file(s) could not be read", "", p["failed_files"]))
        self.problems_text.setText("\n".join(parts) if total else self.tr("Nothing to fix."))
        self.loaded.emit()

    # -- answering a follow-up ---------------------------------------------------------------------
    def selected_followup(self) -> dict | None:
        idx = self.followups_view.currentIndex()
        return self.followups.row(idx.row()) if idx.isValid() else None

    def _followup_selected(self, *args) -> None:
        on = self.selected_followup() is not None
        for b in (self.done_button, self.snooze_button, self.dismiss_button):
            b.setEnabled(on)

    def answer_selected(self, state: str | None, until: dt.date | None = None) -> None:
        """Done, dismissed or snoozed: a field change of the visit, through the store."""
        row = self.selected_followup()
        if row is None:
            return
        from desktop.app.data.followups import set_followup

        store, aid = self.ctx.store, row["id"]
        self.ctx.write(lambda: set_followup(store, aid, state, until))

    def snooze_selected(self, days: int) -> None:
        self.answer_selected("snoozed", self.today() + dt.timedelta(days=days))

    def _snooze_to_date(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from desktop.app.data.periods import parse_typed_date
        from desktop.app.widgets import speak_input_dialog
        from importers.normalize.dates import DateParseError

        dlg = QInputDialog(self)  # not getText(): its OK and Cancel speak the context's language
        dlg.setWindowTitle(self.tr("Snooze"))
        dlg.setLabelText(self.tr("Show it again on (e.g. 2025/06/01, 6/1, R7.6.1):"))
        speak_input_dialog(dlg, self.ctx.language)
        ok = dlg.exec() == QInputDialog.DialogCode.Accepted
        text = dlg.textValue()
        dlg.deleteLater()
        if not ok or not text.strip():
            return
        try:
            day = parse_typed_date(text, self.today())
        except DateParseError:
            self.age_label.setText(self.tr("Not a date Genba can read: write it like 2025/06/01."))
            return
        if day is not None:
            self.answer_selected("snoozed", day)

    def _open_followup(self, index) -> None:
        row = self.followups.row(index.row())
        if row and row.get("company_id"):
            self.open_customer.emit(row["company_id"])
