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


# Decorated, compound, bilingual and unit-bearing headings in one wide table, re-written by
# LibreOffice: the headings must read the same whichever program wrote the file.
WIDE_HEADER = [
    "◆日付",
    "お客様名（社名）",
    "先方ご出席者",
    "提案・商談の概要",
    "受注見込み金額（千円・税抜）",
    "確度ランク",
    "気付いた点・学んだこと",
    "次回訪問日",
    "Opportunity",
    "訪問目的 :",
]


@pytest.fixture(scope="module")
def wide(tmp_path_factory):
    import datetime as dt

    from tests.importers.test_heading_variants import write_table

    base = tmp_path_factory.mktemp("lo-wide")
    rows = [
        [
            dt.date(2025, 4, 2 + i),
            ["株式会社サンプル精工", "見本化成(株)"][i % 2],
            ["青木課長", "石井様"][i % 2],
            f"第{i + 1}回 治具の提案",
            (i + 1) * 100,
            "ABC"[i % 3],
            "納期を重視している",
            dt.date(2025, 4, 20 + i),
            "シャフト更新",
            "定期訪問",
        ]
        for i in range(4)
    ]
    src = write_table(base / "日報_2025.xlsx", WIDE_HEADER, rows)
    return {
        "openpyxl": src,
        "ods": libreoffice_convert(src, "ods", base / "ods"),
        "xls": libreoffice_convert(src, "xls", base / "xls"),
    }


@pytest.mark.parametrize("kind", ["openpyxl", "ods", "xls"])
def test_decorated_headings_read_alike_from_libreoffice(kind, wide, store, importer):
    out = importer.import_file(wide[kind])
    assert out.status == "imported" and out.added == 4, [i.message for i in out.issues]
    got = [
        (
            a["occurred_on"],
            a["company_name_raw"],
            a["contact_name"],
            a["summary"],
            a["amount_jpy"],
            a["probability"],
            a["insight"],
            a["next_action_due"],
            a["deal_title"],
            a["purpose"],
        )
        for a in activities(store)
    ]
    assert got[0] == (
        "2025-04-02",
        "株式会社サンプル精工",
        "青木",
        "第1回 治具の提案",
        100_000,
        80,
        "納期を重視している",
        "2025-04-20",
        "シャフト更新",
        "定期訪問",
    )
    assert [g[4] for g in got] == [100_000, 200_000, 300_000, 400_000]
    assert [g[5] for g in got] == [80, 50, 20, 80]
    assert not [i for i in out.issues if i.code == "unmapped_columns"]
