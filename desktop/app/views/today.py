"""Today: what came in since yesterday, follow-ups due, problems to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from desktop.app import fmt
from desktop.app.data.today import today_summary
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.widgets import Card, Page, StatCard, label, table


class TodayView(Page):
    open_customer = Signal(str)
    open_problems = Signal()
    open_activities = Signal()
    loaded = Signal()

    def __init__(self, ctx, parent=None, *, today: dt.date | None = None):
        super().__init__(self.tr("Today"), "", parent)
        self.ctx = ctx
        self._today = today
        self.data: dict | None = None

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
                Column("next_action_due", self.tr("Due"), lambda r: fmt.day(r["next_action_due"])),
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
        self.imported_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        imported.body.addWidget(self.imported_view)
        right.addWidget(imported, 1)

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
        ctx.bus.data_changed.connect(self.refresh)

    def _items(self, r: dict) -> str:
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
        if self.data is None:
            self.refresh()

    def refresh(self) -> None:
        today = self.today()
        self.ctx.read(lambda conn: today_summary(conn, today), self._show, latest=self)

    def _show(self, data: dict) -> None:
        self.data = data
        d = dt.date.fromisoformat(data["today"])
        self.hint_label.setText(self.tr("{0:%Y}/{0:%m}/{0:%d} — good work today.").format(d))
        self.hint_label.setVisible(True)
        added = sum(f["activities"] for f in data["imported"])
        self.stat_imported.set_value(f"{added:,}")
        self.stat_followups.set_value(f"{len(data['followups']):,}")
        p = data["problems"]
        total = p["issues"] + p["cards_to_review"]
        self.stat_problems.set_value(f"{total:,}")
        self.followups.set_rows(data["followups"])
        self.imported_files.set_rows(data["imported"])
        parts = [
            self.tr("%n import problem(s) in workbooks", "", p["issues"]),
            self.tr("%n business card(s) to check", "", p["cards_to_review"]),
        ]
        if p["failed_files"]:
            parts.append(self.tr("%n file(s) could not be read", "", p["failed_files"]))
        self.problems_text.setText("\n".join(parts) if total else self.tr("Nothing to fix."))
        self.loaded.emit()

    def _open_followup(self, index) -> None:
        row = self.followups.row(index.row())
        if row and row.get("company_id"):
            self.open_customer.emit(row["company_id"])
