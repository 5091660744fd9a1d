"""Bad input never costs data: one error source and a readable issue, or a row with a flagged cell."""

import io
import zipfile

import msoffcrypto
import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from tests.helpers.workbooks import table_workbook, visit_rows
from tests.importers.conftest import activities


@pytest.fixture(autouse=True)
def japanese(monkeypatch):
    """The messages a rep reads by default; tests/importers/test_messages.py covers English."""
    monkeypatch.setenv("GENBA_LANG", "ja")


@pytest.fixture(params=["in process", "worker"])
def importer(request, store):
    """Each file as an import reads it: in its own process (a small file) and by a worker
    process (a large one: importers.parse_worker)."""
    from importers.pipeline import ReportImporter

    options = {"worker_min_bytes": 0} if request.param == "worker" else {}
    return ReportImporter(store, rep="設定の担当", **options)


def good(tmp_path, name="good.xlsx", n=3):
    return table_workbook(tmp_path / name, {"4月": visit_rows(n)})


def failed(store, importer, path, code):
    out = importer.import_file(path)
    assert out.status == "failed"
    (src,) = store.query("SELECT * FROM sources WHERE path = ?", (str(path),))
    assert src["status"] == "error"
    issues = store.query("SELECT * FROM import_issues WHERE source_id = ?", (src["id"],))
    assert [i["code"] for i in issues] == [code]
    assert len(issues[0]["message"]) > 30  # words a rep understands, not a stack trace
    return issues[0]["message"]


def rewrite_member(src: bytes, member: str, fn) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(src))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, fn(data) if info.filename == member else data)
    return out.getvalue()


def test_empty_file(tmp_path, store, importer):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert "空です（0バイト）" in failed(store, importer, tmp_path / "empty.xlsx", "empty")


def test_text_file_named_xlsx(tmp_path, store, importer):
    (tmp_path / "memo.xlsx").write_text("これはメモです")
    message = failed(store, importer, tmp_path / "memo.xlsx", "not_a_workbook")
    assert "Excelのブックではありません" in message and "テキスト" in message


def test_truncated_workbook(tmp_path, store, importer):
    data = good(tmp_path).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    failed(store, importer, tmp_path / "cut.xlsx", "truncated")


def test_password_protected_workbook(tmp_path, store, importer):
    plain = io.BytesIO(good(tmp_path).read_bytes())
    enc = io.BytesIO()
    OOXMLFile(plain).encrypt("secret", enc)
    (tmp_path / "locked.xlsx").write_bytes(enc.getvalue())
    assert msoffcrypto.OfficeFile(io.BytesIO(enc.getvalue())).is_encrypted()
    assert "パスワード" in failed(store, importer, tmp_path / "locked.xlsx", "encrypted")


def test_xml_entity_bomb_in_a_sheet(tmp_path, store, importer):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    data = rewrite_member(
        good(tmp_path).read_bytes(),
        "xl/worksheets/sheet1.xml",
        lambda x: bomb + x.split(b"?>", 1)[-1].replace(b"<t>", b"<t>&lol3;", 1),
    )
    (tmp_path / "bomb.xlsx").write_bytes(data)
    failed(store, importer, tmp_path / "bomb.xlsx", "xml_entities")


def test_zip_bomb(tmp_path, store, importer):
    data = rewrite_member(
        good(tmp_path).read_bytes(),
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * 50_000_000, 1),
    )
    (tmp_path / "zipbomb.xlsx").write_bytes(data)
    assert len(data) < 1_000_000
    failed(store, importer, tmp_path / "zipbomb.xlsx", "zip_bomb")


def test_no_recognisable_header(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    wb.active.append(["品番", "数量", "単価"])
    wb.active.append(["X-1", 3, 100])
    wb.save(tmp_path / "parts.xlsx")
    # a parts list: refused as what it is, not as a daily report without headings
    message = failed(store, importer, tmp_path / "parts.xlsx", "not_visits")
    assert "マッピングウィザード" in message and "品番" in message


def test_impossible_date_imports_row_with_empty_date_and_issue(tmp_path, store, importer):
    path = table_workbook(tmp_path / "d.xlsx", {"4月": [["2025/13/45", "A社", None, "訪問"]]})
    out = importer.import_file(path)
    assert out.status == "imported" and out.added == 1
    (a,) = activities(store)
    assert a["occurred_on"] is None and a["occurred_on_raw"] == "2025/13/45"
    (issue,) = store.query("SELECT * FROM import_issues WHERE code = 'bad_date'")
    assert issue["location"] == "4月!A6" and "2025/13/45" in issue["message"]
    assert issue["message"].startswith("4月!A6 の訪問日「2025/13/45」を日付として読めませんでした")
    assert "（13月はありません）" in issue["message"]
    assert store.query("SELECT status FROM sources")[0][0] == "warning"


def test_formula_without_cached_value_is_flagged(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "f.xlsx", {"4月": [["2025/4/1", "A社", None, "訪問", None, "=100*3"]]}
    )
    out = importer.import_file(path)
    assert out.added == 1
    (issue,) = [i for i in out.issues if i.code == "formula_no_value"]
    assert issue.location == "4月!F6"


def test_used_range_claiming_a_million_rows(tmp_path, store, importer):
    path = good(tmp_path, "huge.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["4月"].cell(row=1_048_576, column=1, value=" ")
    wb.save(path)
    out = importer.import_file(path)
    assert out.status == "imported" and out.added == 3
    assert any(i.code == "blank_padding" for i in out.issues)


def test_a_bad_file_does_not_lose_what_was_imported_and_the_next_file_imports(
    tmp_path, store, importer
):
    path = good(tmp_path, "report.xlsx", n=5)
    importer.import_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])  # the rep's copy got damaged
    assert importer.import_file(path).status == "failed"
    assert len(activities(store)) == 5
    assert store.query("SELECT status FROM sources")[0][0] == "error"
    other = good(tmp_path, "next.xlsx", n=2)
    assert importer.import_file(other).added == 2
    path.write_bytes(data)  # repaired: imports again, nothing duplicated
    assert importer.import_file(path).status in ("imported", "unchanged")
    assert len(activities(store)) == 5 + 2


@pytest.mark.parametrize(
    "name", ["~$report.xlsx", "report.tmp", "ABC123", "desktop.ini", ".hidden.xlsx"]
)
def test_temp_and_system_names_are_not_reports(name):
    from importers.routing import is_temp_name

    assert is_temp_name(name)
