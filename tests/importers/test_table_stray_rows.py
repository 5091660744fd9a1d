"""A table row with no customer and no content — a continuation line, an amount written alone —
is never skipped silently: what it holds is kept on the visit above and named in a problem."""

import datetime as dt

import openpyxl

from importers.extras import parse_extras
from tests.importers.conftest import activities


def _table(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "6月"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _problems(store):
    return [
        (r["code"], r["location"], r["message"])
        for r in store.query("SELECT code, location, message FROM import_issues")
        if r["code"] == "row_stray"
    ]


def test_a_continuation_row_is_kept_on_the_visit_above(tmp_path, store, importer):
    path = _table(
        tmp_path / "日報_2025年6月.xlsx",
        [
            ["日付", "訪問先", "内容", "競合状況", "金額"],
            [dt.date(2025, 6, 3), "山田製作所", "見積提出", "A社が先行", 1200000],
            [None, None, None, "B社も値引き提示", 300000],
            [dt.date(2025, 6, 4), "港工業", "定期訪問", None, None],
        ],
    )
    outcome = importer.import_file(path)
    assert outcome.added == 2
    rows = {r["source_ref"].split("!")[1]: r for r in activities(store)}
    extras = parse_extras(rows["B2"]["extras"])
    assert {"heading": "競合状況", "value": "B社も値引き提示", "column": "D3"} in extras
    assert {"heading": "金額", "value": "300000", "column": "E3"} in extras
    assert rows["B2"]["amount_jpy"] == 1200000  # the visit's own amount is unchanged
    [(_code, location, message)] = _problems(store)
    assert location == "6月!D3"
    assert "2項目" in message and "競合状況（D3）" in message and "すぐ上の訪問（2行目）" in message


def test_stray_cells_above_every_visit_are_named_as_not_imported(tmp_path, store, importer):
    path = _table(
        tmp_path / "日報_2025年7月.xlsx",
        [
            ["日付", "訪問先", "内容", "メモ"],
            [None, None, None, "先月からの持ち越し"],
            [dt.date(2025, 7, 1), "山田製作所", "打合せ", None],
        ],
    )
    importer.import_file(path)
    [row] = activities(store)
    assert row["extras"] is None
    [(_code, location, message)] = _problems(store)
    assert location == "6月!D2"
    assert "取り込めませんでした" in message and "メモ（D2）" in message
    severity = store.query("SELECT severity FROM import_issues WHERE code = 'row_stray'")
    assert severity[0]["severity"] == "warning"  # shown in Today and Problems


def test_a_date_alone_on_a_row_is_not_a_problem(tmp_path, store, importer):
    path = _table(
        tmp_path / "日報_2025年8月.xlsx",
        [
            ["日付", "訪問先", "内容"],
            [dt.date(2025, 8, 1), None, None],
            [None, "山田製作所", "打合せ"],
        ],
    )
    importer.import_file(path)
    [row] = activities(store)
    assert row["occurred_on"] == "2025-08-01"
    assert _problems(store) == []
