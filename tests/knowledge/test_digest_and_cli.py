"""The department digest workbook, and the CLI command functions."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop.commands import knowledge as cmd
from importers.export.digest import department_digest
from importers.insights.notes import add_note
from tests.knowledge.conftest import write_report


@pytest.fixture
def seeded(store, importer, tmp_path, report_rows):
    importer.import_file(write_report(tmp_path / "日報.xlsx", report_rows))
    cid = store.query("SELECT id FROM companies WHERE name_normalized = 'サンプル精工'")[0][0]
    add_note(store, cid, "材料の値上げで単価改定の打診あり。調達に共有", author="佐藤")
    add_note(store, cid, "保守点検の契約更新は3月", author="山本")
    add_note(store, cid, "品質の件は自分用メモ", visibility="private", author="山本")
    return store


def test_department_digest(seeded, tmp_path):
    out = tmp_path / "digest.xlsx"
    result = department_digest(seeded, out)
    assert result.path_written == out
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概要", "品質", "生産", "調達", "サービス"]

    def bodies(name):
        return {r[4] for r in wb[name].iter_rows(min_row=2, values_only=True)}

    assert any("不良流出" in b for b in bodies("品質"))
    assert not any("自分用" in b for ws in wb.sheetnames[1:] for b in bodies(ws))
    assert any("単価改定" in b for b in bodies("調達"))
    assert any("保守点検" in b for b in bodies("サービス"))
    assert any("納期" in b for b in bodies("生産"))
    assert wb["品質"].freeze_panes == "A2" and wb["品質"].auto_filter.ref
    only = department_digest(seeded, tmp_path / "q.xlsx", departments=("品質",))
    assert openpyxl.load_workbook(only.path_written).sheetnames == ["概要", "品質"]


def test_cli_functions(seeded, tmp_path):
    lines: list[str] = []
    out = lines.append
    assert cmd.run_search(seeded, "納期", as_json=False, out=out) == 0
    assert "【納期】" in "\n".join(lines) and "サンプル精工" in "\n".join(lines)
    lines.clear()
    assert cmd.run_search(seeded, "納期", as_json=True, out=out) == 0
    hits = json.loads(lines[0])
    assert hits and {"kind", "id", "company", "date", "snippet", "score"} <= hits[0].keys()
    assert cmd.run_search(seeded, " ", as_json=False, out=out) == 2

    lines.clear()
    assert cmd.run_brief(seeded, "サンプル精工", "佐藤", None, False, out=out) == 0
    assert "訪問前ブリーフ" in lines[0]
    lines.clear()
    assert cmd.run_brief(seeded, "サンプル精工", "佐藤", None, True, out=out) == 0
    assert json.loads(lines[0])["company"] == "株式会社サンプル精工"
    assert cmd.run_brief(seeded, "ないない商事", "佐藤", None, False, out=out) == 1

    lines.clear()
    assert (
        cmd.run_note_add(
            seeded, "テスト工業", "鈴木様は紙の図面を好む", None, False, "山本", out=out
        )
        == 0
    )
    assert "顧客の好み" in lines[-1]
    nid = lines[-1].split()[-1]
    assert cmd.run_note_add(seeded, "テスト工業", "x", "nonsense", False, "山本", out=out) == 2
    assert cmd.run_helpful(seeded, nid[-12:], "佐藤", out=out) == 0
    assert "送りました" in lines[-1]
    assert cmd.run_helpful(seeded, nid, "山本", out=out) == 1  # own note

    lines.clear()
    assert cmd.run_reindex(seeded, out=out) == 0
    assert "作り直しました" in lines[-1]
    lines.clear()
    assert cmd.run_mvp(seeded, None, out=out) == 0
    assert any("山本" in line for line in lines)
    assert cmd.run_mvp(seeded, "2025-13", out=out) == 2

    lines.clear()
    assert (
        cmd.run_export_team_workbook(seeded, str(tmp_path / "t.xlsx"), "2025-04", out_fn=out) == 0
    )
    assert (tmp_path / "t.xlsx").exists() and "活動 5 件" in lines
    assert cmd.run_export_team_workbook(seeded, str(tmp_path / "t.xlsx"), "April", out_fn=out) == 2
    assert cmd.run_export_digest(seeded, str(tmp_path / "d.xlsx"), out_fn=out) == 0
    assert (tmp_path / "d.xlsx").exists()


def test_cli_brief_pdf(seeded, tmp_path):
    lines: list[str] = []
    pdf = tmp_path / "brief.pdf"
    assert cmd.run_brief(seeded, "サンプル精工", "佐藤", str(pdf), False, out=lines.append) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_headless_module_imports_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, desktop.commands.knowledge, importers.export.team_workbook, "
        "importers.export.digest, importers.export.lead_comments;"
        "print(any(m.startswith(('PySide6', 'pandas')) for m in sys.modules))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "False"
