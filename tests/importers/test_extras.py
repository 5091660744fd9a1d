"""Nothing a rep wrote is dropped: columns Genba cannot place are kept on their activity as extra
fields — stored, shown as a problem, under the six re-import rules, searchable, exported, synced."""

import datetime as dt
import json
import shutil

import openpyxl

from importers.extras import extras_text, parse_extras
from tests.importers.conftest import activities
from tests.importers.test_heading_variants import write_table

D = dt.date(2025, 4, 2)
HEADER = ["日付", "訪問先", "内容", "競合", "社内メモ欄", None]
HEADER_ROW = 3  # write_table puts the header on row 3


def rows(n=5):
    return [
        [
            D + dt.timedelta(days=i),
            f"顧客{i}株式会社",
            f"第{i}回の提案",
            f"競合{i}社",
            None,
            f"メモ{i}",
        ]
        for i in range(n)
    ]


def make(tmp_path, n=5, name="日報_2025.xlsx"):
    return write_table(tmp_path / name, HEADER, rows(n))


def extras_of(store):
    return {a["summary"]: parse_extras(a["extras"]) for a in activities(store)}


def changes(store):
    return store.query("SELECT count(*) FROM changes")[0][0]


def edit(path, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb["4月"])
    wb.save(path)


def test_unplaced_columns_are_kept_on_each_activity_and_are_a_visible_problem(
    tmp_path, store, importer
):
    out = importer.import_file(make(tmp_path))
    assert out.added == 5
    assert extras_of(store)["第1回の提案"] == [
        {"heading": "競合", "value": "競合1社", "column": "D"},
        {"heading": "", "value": "メモ1", "column": "F"},
    ]
    (problem,) = [i for i in out.issues if i.code == "unmapped_columns"]
    assert problem.severity == "warning" and problem.location == "4月!D3"
    assert problem.message.startswith("シート「4月」の2列の意味が分かりませんでした")
    assert "競合（D列）" in problem.message and "見出しなし（F列）" in problem.message
    # Today counts and Problems lists every issue that is not 'info'
    shown = store.query("SELECT code FROM import_issues WHERE severity != 'info'")
    assert [r["code"] for r in shown] == ["unmapped_columns"]
    assert extras_text(activities(store)[1]["extras"]) == "競合: 競合1社\nF列: メモ1"


def test_tax_note_is_kept_beside_the_amount(tmp_path, store, importer):
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "内容", "受注見込み金額（税抜・千円）"],
        [[D, "A社", "提案", 1200], [D, "B社", "説明", None]],
    )
    importer.import_file(path)
    a, b = activities(store)
    assert a["amount_jpy"] == 1_200_000
    assert parse_extras(a["extras"]) == [
        {"heading": "受注見込み金額（税抜・千円）", "value": "税抜", "column": "D"}
    ]
    assert b["extras"] is None


def test_rule1_and_rule2_an_edited_extra_cell_changes_only_that_field(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    before = changes(store)
    out = importer.import_file(path, force=True)
    assert (out.added, out.updated, out.deleted) == (0, 0, 0) and changes(store) == before
    edit(path, lambda ws: ws.cell(row=HEADER_ROW + 3, column=4, value="競合X社"))
    out = importer.import_file(path)
    assert (out.added, out.updated, out.deleted) == (0, 1, 0)
    new = store.query("SELECT field FROM changes ORDER BY seq")[before:]
    assert [r["field"] for r in new] == ["extras"]
    assert extras_of(store)["第2回の提案"][0]["value"] == "競合X社"


def test_rule3_and_rule4_inserted_and_deleted_rows_keep_the_others(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    ids = {a["summary"]: a["id"] for a in activities(store)}

    def insert(ws):
        ws.insert_rows(HEADER_ROW + 2)
        for c, v in enumerate([D, "新規株式会社", "飛び込み", "競合Z社"]):
            ws.cell(row=HEADER_ROW + 2, column=c + 1, value=v)

    edit(path, insert)
    out = importer.import_file(path)
    assert (out.added, out.deleted) == (1, 0)
    after = {a["summary"]: a["id"] for a in activities(store)}
    assert all(after[s] == i for s, i in ids.items())
    assert extras_of(store)["第3回の提案"][0] == {
        "heading": "競合",
        "value": "競合3社",
        "column": "D",
    }
    edit(path, lambda ws: ws.delete_rows(HEADER_ROW + 2))
    out = importer.import_file(path)
    assert out.deleted == 1
    assert [a["summary"] for a in activities(store, deleted=True)] == ["飛び込み"]


def test_rule5_an_app_edit_of_the_extras_survives_until_the_cell_changes(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    (target,) = [a for a in activities(store) if a["summary"] == "第1回の提案"]
    mine = json.dumps([{"heading": "競合", "value": "競合なし（確認済み）", "column": "D"}])
    with store.write() as w:
        w.update("activities", target["id"], {"extras": mine})
    edit(path, lambda ws: ws.cell(row=HEADER_ROW + 2, column=3, value="第1回の提案（追記）"))
    importer.import_file(path)
    (now,) = [a for a in activities(store) if a["id"] == target["id"]]
    assert now["summary"] == "第1回の提案（追記）" and now["extras"] == mine
    edit(path, lambda ws: ws.cell(row=HEADER_ROW + 2, column=4, value="競合Y社"))
    importer.import_file(path)
    (now,) = [a for a in activities(store) if a["id"] == target["id"]]
    assert parse_extras(now["extras"])[0]["value"] == "競合Y社"  # a later Excel edit wins


def test_rule6_a_renamed_file_duplicates_no_extras(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(path, moved / "改名.xlsx")
    assert importer.import_file(moved / "改名.xlsx").status == "moved"
    assert len(activities(store)) == 5


def test_extras_are_searchable_and_exported_in_the_team_workbook(tmp_path, store, importer):
    from desktop.knowledge.search import search
    from importers.export.team_workbook import write_team_workbook

    importer.import_file(make(tmp_path))
    hits = search(store, "競合3社")
    assert [h.kind for h in hits] == ["activity"]
    (a,) = [a for a in activities(store) if a["summary"] == "第3回の提案"]
    assert hits[0].id == a["id"]
    out = tmp_path / "team.xlsx"
    write_team_workbook(store, out, today=dt.date(2025, 4, 30))
    ws = openpyxl.load_workbook(out)["活動"]
    header = [c.value for c in ws[1]]
    col = header.index("その他の項目")
    values = {row[col] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert "競合: 競合3社\nF列: メモ3" in values


def test_extras_sync_to_a_teammate(tmp_path, store, importer):
    from sync.client import sync_once
    from sync.store import Store
    from tests.sync.conftest import make_server

    server = make_server(f"sqlite:///{(tmp_path / 'server.db').as_posix()}")
    try:
        token = server.add_user()
        importer.import_file(make(tmp_path, n=2))
        sync_once(store, server.url, token, client=server.client)
        mate = Store(tmp_path / "mate")
        sync_once(mate, server.url, token, client=server.client)
        got = {
            r["summary"]: parse_extras(r["extras"]) for r in mate.query("SELECT * FROM activities")
        }
        assert got["第1回の提案"][0] == {"heading": "競合", "value": "競合1社", "column": "D"}
        mate.close()
    finally:
        server.engine.dispose()
