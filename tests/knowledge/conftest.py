"""Fixtures: reports with a 所感 column imported the way the pipeline will (with insight notes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from importers.insights.notes import sync_insight_notes
from importers.pipeline import ReportImporter

HEADER = ["日付", "担当", "訪問先", "面談者", "内容", "次回予定", "期限", "金額", "確度", "所感"]


class KnowledgeImporter(ReportImporter):
    """ReportImporter with the one-line patch the pipeline gets: insight notes in the same
    transaction as the activities."""

    def _apply(self, w, source_id, path, records):
        outcome = super()._apply(w, source_id, path, records)
        sync_insight_notes(
            w,
            [
                r[0]
                for r in w.conn.execute(
                    "SELECT id FROM activities WHERE source_id = ?", (source_id,)
                )
            ],
        )
        return outcome


def write_report(path: Path, rows: list[list], sheet: str = "4月") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["営業日報"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a rep's text, even '=…', is text in the report
    wb.save(path)
    return path


def visit(
    day: int,
    rep: str,
    company: str,
    contact: str,
    summary: str,
    insight: str | None = None,
    *,
    next_action=None,
    due=None,
    amount=None,
    prob=None,
) -> list:
    return [
        dt.date(2025, 4, day),
        rep,
        company,
        contact,
        summary,
        next_action,
        due,
        amount,
        prob,
        insight,
    ]


@pytest.fixture
def importer(store):
    return KnowledgeImporter(store, rep="山本")


@pytest.fixture
def report_rows():
    return [
        visit(
            2,
            "山本",
            "株式会社サンプル精工",
            "青木課長",
            "新型治具の提案",
            "青木課長は価格より納期を重視される。決裁は工場長。",
            next_action="見積提出",
            due=dt.date(2025, 4, 30),
            amount="120万円",
            prob="60%",
        ),
        visit(
            3,
            "山本",
            "見本化成(株)",
            "石井主任",
            "定期訪問、納品状況の確認",
            "出荷検査の抜けで不良流出、クレームに。ダブルチェックを対策として導入した。",
        ),
        visit(
            4,
            "佐藤",
            "株式会社サンプル精工",
            "田中部長",
            "試作品の評価結果を報告",
            "A社が2割安い見積を出している模様",
            amount="80万円",
            prob="30%",
        ),
        visit(
            7,
            "佐藤",
            "㈱テスト工業",
            "鈴木様",
            "=SUM(A1) と書かれた伝票の確認",
            "+81-52-123-4567 に直接電話するのがコツ",
        ),
        visit(8, "山本", "㈱テスト工業", "鈴木様", "価格交渉", None, amount="300万円", prob="80%"),
    ]
