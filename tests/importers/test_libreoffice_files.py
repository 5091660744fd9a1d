"""Workbooks written by another program (LibreOffice, headless), not only by openpyxl."""

import pytest

from tests.helpers.workbooks import libreoffice_convert, table_workbook, visit_rows
from tests.importers.conftest import activities


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    base = tmp_path_factory.mktemp("lo")
    src = table_workbook(base / "日報_2025年4月.xlsx", {"4月": visit_rows(8)})
    out = {"openpyxl": src}
    for fmt in ("xls", "ods", "csv:Text - txt - csv (StarCalc):44,34,76"):
        out[fmt.split(":")[0]] = libreoffice_convert(src, fmt, base / fmt.split(":")[0])
    # LibreOffice re-saving an xlsx: its own xlsx writer (shared strings, styles, cached values).
    resaved = libreoffice_convert(out["ods"], "xlsx", base / "lo-xlsx")
    out["lo-xlsx"] = resaved
    return out


@pytest.mark.parametrize("kind", ["xls", "ods", "lo-xlsx", "csv"])
def test_libreoffice_written_file_imports_like_the_original(
    kind, converted, tmp_path, store, importer
):
    from importers.pipeline import ReportImporter
    from sync.store import Store

    ref_store = Store(tmp_path / "ref")
    ReportImporter(ref_store, rep="x").import_file(converted["openpyxl"])
    expected = [
        (
            a["occurred_on"],
            a["company_name_raw"],
            a["contact_name"],
            a["summary"],
            a["amount_jpy"],
            a["probability"],
        )
        for a in activities(ref_store)
    ]
    out = importer.import_file(converted[kind])
    assert out.status == "imported" and out.added == 8, out.issues
    got = [
        (
            a["occurred_on"],
            a["company_name_raw"],
            a["contact_name"],
            a["summary"],
            a["amount_jpy"],
            a["probability"],
        )
        for a in activities(store)
    ]
    assert got == expected
