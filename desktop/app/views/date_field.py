"""A date box for filters: type the date the way you write it, or pick it from a calendar.

Accepts the notations of the daily reports (2025/06/01, 2025-06-01, 2025年6月1日, R7.6.1, and
6/1 for this year) through importers.normalize; shows the date as 2025/06/01 once understood;
a date it cannot read is outlined and its reason shown, and nothing is filtered by it. The
calendar opens at the date shown, else at today.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.app.data.periods import parse_typed_date
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon

SHOWN = "%Y/%m/%d"


class DateField(InContextLanguage, QWidget):
    """``changed`` when the date it stands for changes (None: no bound); its own texts in
    ``lang`` (None: the running app's)."""

    changed = Signal()

    def __init__(self, placeholder: str = "", parent=None, *, today=None, lang=None):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__(parent)
        self._today = today  # a fixed date for the screenshots and tests; None: the real one
        self._date: dt.date | None = None
        self.error: str = ""
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or self.tr("yyyy/mm/dd"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(self.tr("e.g. 2025/06/01, 2025-06-01, 2025年6月1日, R7.6.1"))
        # Wide enough for 2025/06/01 and the clear button, in any font and scaling.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2025/06/00") + 48)
        self.edit.editingFinished.connect(self._typed)
        self.edit.textEdited.connect(self._edited)
        lay.addWidget(self.edit, 1)
        self.calendar_button = QToolButton()
        self.calendar_button.setIcon(icon("activities"))
        self.calendar_button.setToolTip(self.tr("Pick from a calendar"))
        self.calendar_button.clicked.connect(self.open_calendar)
        lay.addWidget(self.calendar_button)
        self.calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, day: dt.date | None, *, notify: bool = False) -> None:
        self.error = ""
        self._set_error_state(False)
        self.edit.setText(day.strftime(SHOWN) if day else "")
        if day != self._date:
            self._date = day
            if notify:
                self.changed.emit()

    def _edited(self, text: str) -> None:
        if not text.strip():  # the clear button, or everything deleted
            self.set_date(None, notify=True)

    def _typed(self) -> None:
        from importers.normalize.dates import DateParseError

        try:
            day = parse_typed_date(self.edit.text(), self.today())
        except DateParseError:
            self.error = self.tr("Not a date Genba can read: write it like 2025/06/01.")
            self._set_error_state(True)
            if self._date is not None:  # not the old date either: the box says what it uses
                self._date = None
                self.changed.emit()
            return
        self.set_date(day, notify=True)

    def _set_error_state(self, on: bool) -> None:
        from desktop.app.style import WARN

        self.edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {WARN}; }}" if on else "")
        self.edit.setToolTip(
            self.error if on else self.tr("e.g. 2025/06/01, 2025-06-01, 2025年6月1日, R7.6.1")
        )

    def open_calendar(self) -> QCalendarWidget:
        """The calendar below the box, at the date shown (else today); a click sets it."""
        day = self._date or self.today()
        self._menu = QMenu(self)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        return self.calendar

    def _picked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()), notify=True)
        if self._menu is not None:
            self._menu.close()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
