"""Build daily-report workbooks the way reps lay them out (title block, name block, header)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl

HEADER = ["日付", "訪問先", "面談者", "内容", "次回予定", "金額", "確度"]


def visit_rows(n: int, start: dt.date = dt.date(2025, 4, 1)) -> list[list]:
    companies = ["株式会社サンプル精工", "見本化成(株)", "㈱テスト工業", "有限会社ミホン製作所"]
    people = ["青木課長", "石井主任", "田中部長", "鈴木様"]
    rows = []
    for i in range(n):
        rows.append(
            [
                start + dt.timedelta(days=i // 3),
                companies[i % 4],
                people[i % 4],
                f"第{i + 1}回 治具の改善提案と試作品の評価",
                f"{(i % 28) + 1}日 再訪" if i % 5 == 0 else "見積提示",
                f"{(i % 9 + 1) * 10}万円",
                f"{(i % 10) * 10}%",
            ]
        )
    return rows


def table_workbook(
    path: Path,
    sheets: dict[str, list[list]],
    *,
    header: list[str] = HEADER,
    title: str | None = "営業日報",
    rep_block: str | None = "山本",
    header_col: int = 1,
) -> Path:
    """A workbook with a merged title, a 氏名 block, then the header and rows, per sheet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        r = 1
        if title:
            ws.cell(row=1, column=header_col, value=title)
            ws.merge_cells(
                start_row=1, start_column=header_col, end_row=1, end_column=header_col + 3
            )
            r = 2
        if rep_block:
            ws.cell(row=r + 1, column=header_col, value="氏名")
            ws.cell(row=r + 1, column=header_col + 1, value=rep_block)
            r += 3
        for c, h in enumerate(header):
            ws.cell(row=r, column=header_col + c, value=h)
        for row in rows:
            r += 1
            for c, v in enumerate(row):
                if v is not None:
                    ws.cell(row=r, column=header_col + c, value=v)
    wb.save(path)
    return path


def header_row_number(title: bool = True, rep_block: bool = True) -> int:
    """1-based row of the header written by table_workbook."""
    return 1 + (1 if title else 0) + (3 if rep_block else 0)


def libreoffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Have LibreOffice (headless) write the file: a workbook written by another program."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is required (the test command installs libreoffice-calc-nogui)"
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out
