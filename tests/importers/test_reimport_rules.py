"""The six re-import rules of the design, each on a real workbook edited the way Excel would."""

import shutil

import openpyxl

from tests.helpers.workbooks import header_row_number, table_workbook, visit_rows
from tests.importers.conftest import activities

HEADER_ROW = header_row_number()


def make(tmp_path, n=10, name="日報_2025.xlsx"):
    return table_workbook(tmp_path / name, {"4月": visit_rows(n)})


def change_count(store):
    return store.query("SELECT count(*) FROM changes")[0][0]


def ids_by_summary(store):
    return {a["summary"]: a["id"] for a in activities(store)}


def edit(path, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb["4月"])
    wb.save(path)


def test_rule1_unchanged_file_writes_no_change(tmp_path, store, importer):
    path = make(tmp_path)
    assert importer.import_file(path).added == 10
    before = change_count(store)
    assert importer.import_file(path).status == "unchanged"
    # Even when forced through the parser, identical content writes nothing.
    out = importer.import_file(path, force=True)
    assert (out.added, out.updated, out.deleted) == (0, 0, 0)
    assert change_count(store) == before


def test_rule2_one_edited_cell_changes_that_field_of_that_activity(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    ids = ids_by_summary(store)
    before = change_count(store)
    edit(path, lambda ws: ws.cell(row=HEADER_ROW + 4, column=4, value="内容を書き直した"))
    out = importer.import_file(path)
    assert (out.added, out.updated, out.deleted) == (0, 1, 0)
    new = store.query("SELECT row_id, field FROM changes ORDER BY seq")[before:]
    assert [(r["row_id"], r["field"]) for r in new] == [
        (ids["第4回 治具の改善提案と試作品の評価"], "summary")
    ]
    assert ids_by_summary(store)["内容を書き直した"] == ids["第4回 治具の改善提案と試作品の評価"]


def test_rule3_inserted_row_adds_one_activity_others_keep_ids(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    ids = ids_by_summary(store)
    before = change_count(store)

    def insert(ws):
        ws.insert_rows(HEADER_ROW + 3)
        for c, v in enumerate(["2025/4/1", "新規工業", "", "飛び込み訪問"], start=1):
            ws.cell(row=HEADER_ROW + 3, column=c, value=v)

    edit(path, insert)
    out = importer.import_file(path)
    assert (out.added, out.updated, out.deleted) == (1, 0, 0)
    after = ids_by_summary(store)
    assert {k: after[k] for k in ids} == ids
    # Rows below the new one only had their cell reference move.
    fields = {
        r["field"]
        for r in store.query("SELECT row_id, field FROM changes ORDER BY seq")[before:]
        if r["row_id"] in ids.values()
    }
    assert fields == {"source_ref"}


def test_rule4_deleted_row_is_a_tombstone(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    ids = ids_by_summary(store)
    edit(path, lambda ws: ws.delete_rows(HEADER_ROW + 2))
    out = importer.import_file(path)
    assert (out.added, out.updated, out.deleted) == (0, 0, 1)
    (gone,) = activities(store, deleted=True)
    assert gone["id"] == ids["第2回 治具の改善提案と試作品の評価"]
    assert (
        store.query(
            "SELECT value FROM changes WHERE row_id = ? AND field = 'deleted'", (gone["id"],)
        )[0][0]
        == 1
    )


def test_rule5_app_edit_survives_until_the_cell_is_edited_in_excel(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    target = ids_by_summary(store)["第3回 治具の改善提案と試作品の評価"]
    with store.write() as w:
        w.update("activities", target, {"summary": "アプリで直した内容", "result": "受注"})
    # Another row changes in Excel; the app's edit must survive the re-import.
    edit(path, lambda ws: ws.cell(row=HEADER_ROW + 7, column=4, value="別の行の修正"))
    importer.import_file(path)
    row = store.query("SELECT summary, result FROM activities WHERE id = ?", (target,))[0]
    assert tuple(row) == ("アプリで直した内容", "受注")
    # Now the rep edits that very cell in Excel: the later edit wins, the app's other field stays.
    edit(path, lambda ws: ws.cell(row=HEADER_ROW + 3, column=4, value="Excelで再修正"))
    importer.import_file(path)
    row = store.query("SELECT summary, result FROM activities WHERE id = ?", (target,))[0]
    assert tuple(row) == ("Excelで再修正", "受注")


def test_rule6_renamed_or_moved_file_does_not_duplicate(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    before = change_count(store)
    renamed = path.with_name("日報_2025_コピー前.xlsx")
    path.rename(renamed)
    assert importer.import_file(renamed).status == "moved"
    (tmp_path / "archive").mkdir()
    moved = tmp_path / "archive" / renamed.name
    shutil.move(renamed, moved)
    assert importer.import_file(moved).status == "moved"
    assert change_count(store) == before
    assert len(activities(store)) == 10
    assert store.query("SELECT path FROM sources")[0][0] == str(moved)
    # The moved file keeps its history: an edit there updates the same activities.
    edit(moved, lambda ws: ws.cell(row=HEADER_ROW + 1, column=4, value="移動後の修正"))
    out = importer.import_file(moved)
    assert (out.added, out.updated) == (0, 1)


def test_a_copy_beside_the_original_adds_nothing(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    copy = shutil.copy(path, tmp_path / "copy.xlsx")
    assert importer.import_file(copy).status == "duplicate"
    assert len(activities(store)) == 10


def test_edit_and_insert_in_one_save(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    ids = ids_by_summary(store)

    def both(ws):
        ws.cell(row=HEADER_ROW + 5, column=6, value="999万円")
        ws.insert_rows(HEADER_ROW + 5)
        for c, v in enumerate(["2025/4/2", "追加商事", "", "追加訪問"], start=1):
            ws.cell(row=HEADER_ROW + 5, column=c, value=v)

    edit(path, both)
    out = importer.import_file(path)
    assert (out.added, out.updated, out.deleted) == (1, 1, 0)
    row = store.query("SELECT id, amount_jpy FROM activities WHERE summary LIKE '第5回%'")[0]
    assert (row["id"], row["amount_jpy"]) == (ids["第5回 治具の改善提案と試作品の評価"], 9_990_000)


def test_rows_of_a_company_merged_in_the_app_go_to_the_company_kept(tmp_path, store, importer):
    from importers.cards.merge import merge_companies

    path = table_workbook(
        tmp_path / "m.xlsx",
        {"4月": [["2025/4/1", "サンプル精機", None, "a"], ["2025/4/2", "サンプル精工", None, "b"]]},
    )
    importer.import_file(path)
    ids = {r["name"]: r["id"] for r in store.query("SELECT id, name FROM companies")}
    merge_companies(store, ids["サンプル精工"], ids["サンプル精機"])  # a typo merged away

    def add_row(ws):
        for c, v in enumerate(["2025/4/3", "サンプル精機", "", "c"], start=1):
            ws.cell(row=HEADER_ROW + 3, column=c, value=v)

    edit(path, add_row)
    assert importer.import_file(path).added == 1
    row = store.query("SELECT company_id FROM activities WHERE summary = 'c'")[0]
    assert row[0] == ids["サンプル精工"]
