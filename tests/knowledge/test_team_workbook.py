"""The team lead's workbook: structure, charts, text that stays text, LibreOffice, a locked
target, and comments typed by the lead coming back as notes that sync."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from importers.export.lead_comments import read_lead_comments, refresh_team_workbook
from importers.export.team_workbook import COMMENT_HEADER, lead_note_id, write_team_workbook
from importers.insights.notes import add_note
from importers.insights.reactions import mark_helpful
from tests.helpers.workbooks import libreoffice_convert
from tests.knowledge.conftest import visit, write_report

INJECTIONS = ["=SUM(A1)", "+81-52-123-4567", "-1", "@cmd", '=HYPERLINK("http://x")']


@pytest.fixture
def seeded(store, importer, tmp_path, report_rows):
    report_rows.append(
        visit(10, "佐藤", "有限会社ミホン製作所", INJECTIONS[2], INJECTIONS[3], INJECTIONS[4])
    )
    importer.import_file(write_report(tmp_path / "日報.xlsx", report_rows))
    nid = store.query("SELECT id FROM notes WHERE author = '山本' LIMIT 1")[0][0]
    mark_helpful(store, nid, "佐藤")
    cid = store.query("SELECT id FROM companies WHERE name_normalized = 'テスト工業'")[0][0]
    for text in INJECTIONS:
        add_note(store, cid, text, author="佐藤")
    with store.write() as w:  # marked in April
        w.conn.execute("UPDATE reactions SET created_at = '2025-04-20T09:00:00+00:00'")
    return store


def _headers(ws):
    return [c.value for c in ws[1]]


def test_sheets_headers_panes_filters_charts(seeded, tmp_path):
    out = tmp_path / "share" / "チーム日報.xlsx"
    result = write_team_workbook(seeded, out, "2025-04")
    assert result.path_written == out and not result.locked_fallback and result.rows == 6
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["サマリー", "活動", "パイプライン", "顧客", "ナレッジ", "MVP"]
    acts = wb["活動"]
    assert _headers(acts)[:4] == ["ID", "日付", "担当", "顧客"]
    assert COMMENT_HEADER in _headers(acts)
    assert acts.column_dimensions["A"].hidden
    assert acts.max_row == 7
    assert isinstance(acts["B2"].value, dt.datetime)  # real dates, sortable
    for name in ("活動", "パイプライン", "顧客", "ナレッジ", "MVP"):
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        assert all(ws.column_dimensions[c].width for c in "BC")
    assert _headers(wb["顧客"])[:3] == ["顧客", "最終接触日", "経過日数"]
    assert _headers(wb["MVP"])[:3] == ["順位", "名前", "スコア"]
    assert wb["MVP"]["B2"].value == "山本"
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 3
        kinds = " ".join(z.read(n).decode() for n in charts)
    assert "barChart" in kinds and "pieChart" in kinds
    knowledge = wb["ナレッジ"]
    assert knowledge.max_row == 6  # 5 insight notes from April
    assert "品質" in {c.value for c in knowledge["I"]}


def test_month_filter(seeded, tmp_path):
    result = write_team_workbook(seeded, tmp_path / "m.xlsx", "2025-05")
    assert result.rows == 0
    assert openpyxl.load_workbook(tmp_path / "m.xlsx")["活動"].max_row == 1


def _cells(ws):
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def test_rep_text_is_never_a_formula(seeded, tmp_path):
    out = tmp_path / "w.xlsx"
    write_team_workbook(seeded, out)
    wb = openpyxl.load_workbook(out)
    found = {}
    for ws in wb.worksheets:
        for c in _cells(ws):
            if c.value in INJECTIONS:
                found.setdefault(c.value, []).append(c)
    assert set(found) == set(INJECTIONS)
    for cells in found.values():
        for c in cells:
            assert c.data_type == "s" and isinstance(c.value, str)
            assert c.quotePrefix
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets"))


@pytest.mark.slow
def test_libreoffice_opens_it_and_does_not_evaluate_rep_text(seeded, tmp_path):
    src = tmp_path / "team.xlsx"
    write_team_workbook(seeded, src)
    conv = tmp_path / "lo"
    pdf = libreoffice_convert(src, "pdf", conv)
    assert pdf.read_bytes().startswith(b"%PDF")
    # LibreOffice's own copy of the activities sheet: the rep's text is still that text
    lo = tmp_path / "lo-xlsx"
    copy = libreoffice_convert(src, "xlsx", lo)
    wb = openpyxl.load_workbook(copy)
    values = {c.value: c for ws in wb.worksheets for c in _cells(ws)}
    for value in INJECTIONS:
        assert value in values, value
        assert values[value].data_type == "s"
    with zipfile.ZipFile(copy) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>" in s or b"<f " in s for s in sheets)


def test_locked_target_writes_beside_it(seeded, tmp_path, monkeypatch):
    out = tmp_path / "チーム日報.xlsx"
    write_team_workbook(seeded, out)
    before = out.read_bytes()
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == out:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    result = write_team_workbook(seeded, out)
    assert result.locked_fallback
    assert result.path_written != out and result.path_written.parent == out.parent
    assert (
        result.path_written.name.startswith("チーム日報_") and result.path_written.suffix == ".xlsx"
    )
    stamp = result.path_written.stem.split("_", 1)[1]
    dt.datetime.strptime(stamp[:13], "%Y%m%d-%H%M")
    assert "開かれている" in result.message and result.path_written.name in result.message
    assert out.read_bytes() == before  # the open file is untouched
    openpyxl.load_workbook(result.path_written)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def _type_comment(path: Path, comments: dict[str, str | None]) -> None:
    """The lead types into the 上司コメント column (rows found by the hidden id)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["活動"]
    col = _headers(ws).index(COMMENT_HEADER) + 1
    for row in ws.iter_rows(min_row=2):
        if row[0].value in comments:
            ws.cell(row=row[0].row, column=col).value = comments[row[0].value]
    wb.save(path)


def test_lead_comments_come_back_as_notes_that_sync(seeded, tmp_path):
    out = tmp_path / "チーム日報.xlsx"
    write_team_workbook(seeded, out)
    acts = seeded.query("SELECT id, company_id FROM activities ORDER BY source_ref")
    a1, a2 = acts[0]["id"], acts[1]["id"]
    _type_comment(out, {a1: "見積は今週中に。工場長にも会っておくこと", a2: "+1 よくやった"})
    assert read_lead_comments(seeded, out, author="課長 中村") == 2
    notes = {
        n["activity_id"]: n
        for n in seeded.query("SELECT * FROM notes WHERE category = 'lead_comment'")
    }
    assert set(notes) == {a1, a2}
    n1 = notes[a1]
    assert n1["id"] == lead_note_id(a1) and n1["author"] == "課長 中村"
    assert n1["company_id"] == acts[0]["company_id"] and n1["visibility"] == "team"
    assert notes[a2]["body"] == "+1 よくやった"
    outbox = {(c["row_id"], c["field"]) for c in seeded.outbox()}
    assert (n1["id"], "body") in outbox and (n1["id"], "activity_id") in outbox
    # reading the same file again, and re-exporting, adds nothing
    assert read_lead_comments(seeded, out, author="課長 中村") == 0
    changes = seeded.query("SELECT count(*) FROM changes")[0][0]
    write_team_workbook(seeded, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["活動"]
    col = _headers(ws).index(COMMENT_HEADER)
    shown = {r[0].value: r[col] for r in ws.iter_rows(min_row=2)}
    assert shown[a1].value.startswith("見積は今週中") and shown[a2].value == "+1 よくやった"
    assert shown[a2].data_type == "s" and shown[a2].quotePrefix
    assert read_lead_comments(seeded, out, author="課長 中村") == 0
    assert seeded.query("SELECT count(*) FROM changes")[0][0] == changes
    assert seeded.query("SELECT count(*) FROM notes WHERE category = 'lead_comment'")[0][0] == 2
    # editing a comment updates the note, clearing it tombstones it
    _type_comment(out, {a1: "見積は来週でよい", a2: None})
    assert read_lead_comments(seeded, out, author="課長 中村") == 2
    assert (
        seeded.query("SELECT body FROM notes WHERE id = ?", (lead_note_id(a1),))[0][0]
        == "見積は来週でよい"
    )
    assert seeded.query("SELECT deleted FROM notes WHERE id = ?", (lead_note_id(a2),))[0][0] == 1


def test_refresh_reads_comments_then_rewrites(seeded, tmp_path, monkeypatch):
    folder = tmp_path / "共有"
    folder.mkdir()
    first = refresh_team_workbook(seeded, folder, author="中村")
    target = folder / "チーム日報.xlsx"
    assert first.path_written == target
    aid = seeded.query("SELECT id FROM activities ORDER BY source_ref LIMIT 1")[0][0]
    _type_comment(target, {aid: "次回は同行します"})
    os.utime(target, (target.stat().st_atime, target.stat().st_mtime + 5))
    refresh_team_workbook(seeded, folder, author="中村")
    assert (
        seeded.query("SELECT body FROM notes WHERE id = ?", (lead_note_id(aid),))[0][0]
        == "次回は同行します"
    )
    # nothing typed since: nothing read, nothing changed
    changes = seeded.query("SELECT count(*) FROM changes")[0][0]
    refresh_team_workbook(seeded, folder, author="中村")
    assert seeded.query("SELECT count(*) FROM changes")[0][0] == changes


def test_summary_charts_point_at_their_tables(tmp_path, store, imported_demo=None):
    """Each chart's series title and categories are the table's own header and labels."""
    import re

    import openpyxl

    from importers.export.team_workbook import write_team_workbook
    from importers.pipeline import ReportImporter
    from tests.helpers.workbooks import table_workbook, visit_rows

    ReportImporter(store, rep="山本").import_file(
        table_workbook(tmp_path / "r.xlsx", {"4月": visit_rows(30)})
    )
    out = write_team_workbook(store, tmp_path / "team.xlsx").path_written
    ws = openpyxl.load_workbook(out)["サマリー"]
    charts = ws._charts
    assert len(charts) == 3

    def cells(ref):
        _sheet, rng = ref.split("!")
        cols_rows = re.findall(r"\$?([A-Z]+)\$?(\d+)", rng)
        return [ws[f"{c}{r}"].value for c, r in cols_rows]

    weekly, bar, pie = charts
    title_ref = weekly.series[0].tx.strRef.f
    assert cells(title_ref) == ["山本"]
    first_cat = cells(
        weekly.series[0].cat.strRef.f
        if weekly.series[0].cat.strRef
        else weekly.series[0].cat.numRef.f
    )[0]
    assert str(first_cat).endswith("週")
    for chart, header in ((bar, "金額(円)"), (pie, "件数")):
        assert cells(chart.series[0].tx.strRef.f) == [header]
        cat = chart.series[0].cat
        labels = cells((cat.strRef or cat.numRef).f)
        assert (
            labels[0]
            == ws.cell(
                row=int(re.findall(r"\$(\d+)", (cat.strRef or cat.numRef).f)[0]), column=1
            ).value
        )
        assert "MVP" not in " ".join(str(v) for v in labels)
