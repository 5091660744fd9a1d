"""What a file said last time (source_rows.fields): stored as a compact JSON array, while the JSON
objects earlier builds stored in users' databases keep working for re-imports."""

import json

import openpyxl

from importers.records import ActivityRecord, StoredRow
from importers.reimport import ROW_FIELDS, OldRow, decode_and_encode, encode_fields, load_old_rows
from tests.helpers.workbooks import header_row_number, table_workbook, visit_rows

HEADER_ROW = header_row_number()


def make(tmp_path, n=10):
    return table_workbook(tmp_path / "日報_2025.xlsx", {"4月": visit_rows(n)})


def edit(path, row, column, value):
    wb = openpyxl.load_workbook(path)
    wb["4月"].cell(row=HEADER_ROW + row, column=column, value=value)
    wb.save(path)


def changes(store):
    return [tuple(r) for r in store.query("SELECT row_id, field, value FROM changes ORDER BY seq")]


def stored(store):
    return [r[0] for r in store.query("SELECT fields FROM source_rows ORDER BY position")]


def as_earlier_builds_stored_them(store):
    """Rewrite the file's source_rows as JSON objects of every field, source id included."""
    source_id = store.query("SELECT id FROM sources")[0][0]
    conn = store.reader()
    try:
        old = load_old_rows(conn, source_id)
    finally:
        conn.close()
    with store.write() as w:
        for row in old:
            w.conn.execute(
                "UPDATE source_rows SET fields = ? WHERE source_id = ? AND activity_id = ?",
                (json.dumps(row.fields, ensure_ascii=False), source_id, row.activity_id),
            )


def test_rows_are_stored_as_arrays_and_read_back_with_every_field(tmp_path, store, importer):
    importer.import_file(make(tmp_path, 3))
    rows = stored(store)
    assert len(rows) == 3 and all(isinstance(json.loads(r), list) for r in rows)
    source_id = store.query("SELECT id FROM sources")[0][0]
    conn = store.reader()
    try:
        (first, *_rest) = load_old_rows(conn, source_id)
    finally:
        conn.close()
    activity = dict(store.query("SELECT * FROM activities WHERE id = ?", (first.activity_id,))[0])
    assert list(first.fields) == [*ROW_FIELDS, "source_id"]
    assert all(first.fields[k] == activity[k] for k in first.fields)


def test_rows_stored_by_an_earlier_build_reimport_the_same(tmp_path, store, importer):
    path = make(tmp_path)
    importer.import_file(path)
    as_earlier_builds_stored_them(store)
    assert all(isinstance(json.loads(r), dict) for r in stored(store))
    before = changes(store)
    out = importer.import_file(path, force=True)  # nothing changed: nothing written
    assert (out.added, out.updated, out.deleted) == (0, 0, 0)
    assert changes(store) == before
    as_earlier_builds_stored_them(store)
    edit(path, 4, 4, "内容を書き直した")
    out = importer.import_file(path)
    assert (out.added, out.updated, out.deleted) == (0, 1, 0)
    assert [(f, v) for _row, f, v in changes(store)[len(before) :]] == [
        ("summary", "内容を書き直した")
    ]
    assert all(isinstance(json.loads(r), list) for r in stored(store))  # written anew


def test_a_row_with_another_field_is_stored_as_an_object():
    fields = {"source_ref": "4月!B6", "summary": "x", "source_id": "s", "something_new": 1}
    text = encode_fields(fields)
    assert json.loads(text) == fields
    assert OldRow(0, "4月", "f", "a", text, "s").fields == fields


def test_an_array_shorter_than_the_fields_lacks_the_ones_added_since():
    fields = OldRow(0, "4月", "f", "a", json.dumps(["4月!B6", "2025/4/1"]), "s").fields
    assert fields["source_ref"] == "4月!B6" and fields["occurred_on_raw"] == "2025/4/1"
    assert fields["company_id"] is None and fields["source_id"] == "s"
    assert list(fields) == [*ROW_FIELDS, "source_id"]


def test_a_parsed_row_encodes_as_its_fields_do():
    own = dict.fromkeys(ROW_FIELDS[:-1], "x") | {"amount_jpy": 1000, "deal_title": None}
    for fields in (own, {**own, "something_new": "y"}, {"summary": "x"}):
        row = StoredRow(ActivityRecord("4月", dict(fields), None, "f"), "c", False, 0)
        row.company_id, row.source_id = "c", "s"
        decoded, text = decode_and_encode(row)
        assert decoded == row.fields == {**fields, "company_id": "c", "source_id": "s"}
        assert text == encode_fields(decoded)
        assert OldRow(0, "4月", "f", "a", text, "s").fields.items() >= decoded.items()


def test_a_row_encoded_in_two_steps_is_stored_as_encoding_it_at_once():
    """The worker encodes a row without its customer (source_head); the import adds it."""
    from importers.reimport import OWN_FIELDS, source_head, with_company

    values = ["4月!B7", "4/2", "2025-04-02", "山本", '株式会社"引用"工業', None, None, "定期訪問"]
    values += ["改行\nあり", None, None, None, None, None, None, "120万円", 1_200_000, "7割", 70]
    values += ['{"備考": "x"}']
    assert len(values) == len(OWN_FIELDS)
    fields = dict(zip(OWN_FIELDS, values, strict=True))
    for cid in ("0190a1b2-0000-7000-8000-000000000001", None):
        whole = encode_fields({**fields, "company_id": cid, "source_id": "s"})
        assert with_company(source_head(OWN_FIELDS, values), cid) == whole
    assert source_head(("summary",), ["x"]) is None  # a row of other fields: encoded whole
