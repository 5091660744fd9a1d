"""Quick ranges by the Japanese fiscal year (April start) and dates typed in a rep's notations."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.app.data.periods import parse_typed_date, period_range
from importers.normalize.dates import DateParseError

D = dt.date


@pytest.mark.parametrize(
    ("key", "today", "expected"),
    [
        ("month", D(2025, 6, 15), (D(2025, 6, 1), D(2025, 6, 15))),
        ("last_month", D(2025, 1, 10), (D(2024, 12, 1), D(2024, 12, 31))),
        ("last_month", D(2024, 3, 31), (D(2024, 2, 1), D(2024, 2, 29))),
        ("fy", D(2025, 3, 31), (D(2024, 4, 1), D(2025, 3, 31))),
        ("fy", D(2025, 4, 1), (D(2025, 4, 1), D(2025, 4, 1))),
        ("last_fy", D(2026, 2, 1), (D(2024, 4, 1), D(2025, 3, 31))),
        ("last_fy", D(2025, 10, 20), (D(2024, 4, 1), D(2025, 3, 31))),
        ("all", D(2025, 10, 20), (None, None)),
    ],
)
def test_period_ranges(key, today, expected):
    assert period_range(key, today) == expected


@pytest.mark.parametrize(
    "text", ["2025/06/01", "2025-06-01", "2025年6月1日", "R7.6.1", "令和7年6月1日", "6/1"]
)
def test_typed_dates(text):
    assert parse_typed_date(text, D(2025, 10, 20)) == D(2025, 6, 1)


def test_blank_and_bad_typed_dates():
    assert parse_typed_date("  ", D(2025, 1, 1)) is None
    with pytest.raises(DateParseError):
        parse_typed_date("2025/13/45", D(2025, 1, 1))


def test_date_field_typing_and_calendar(qtbot):
    from PySide6.QtCore import Qt

    from desktop.app.views.date_field import DateField

    field = DateField(today=D(2025, 10, 20))
    qtbot.addWidget(field)
    field.show()
    with qtbot.waitSignal(field.changed):
        qtbot.keyClicks(field.edit, "2025-06-01")
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.date() == D(2025, 6, 1) and field.edit.text() == "2025/06/01"
    calendar = field.open_calendar()
    assert (calendar.selectedDate().year(), calendar.selectedDate().month()) == (2025, 6)
    field._menu.close()
    field.set_date(None)
    assert field.open_calendar().selectedDate().month() == 10  # today's month
    field._menu.close()
