"""Writes the demo workbooks and cards in resources/demo/ (run: python -m resources.demo_data).

A rep's fiscal-year table workbook, a form-layout month of daily sheets, and a card export, with
the habits seen in the field: merged dates, 和暦, (株) written three ways, 万円 amounts.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

DEMO_DIR = Path(__file__).parent / "demo"

CUSTOMERS = [
    ("株式会社サンプル精工", ["青木課長", "村上主任"]),
    ("見本化成(株)", ["石井主任", "高橋部長"]),
    ("㈱東海プレス工業", ["中村係長"]),
    ("有限会社ミホン製作所", ["小林社長"]),
    ("北陸樹脂工業株式会社", ["松本課長", "森様"]),
    ("(株)関西ダイカスト", ["山口部長"]),
    ("中部オートパーツ株式会社", ["井上課長"]),
    ("株式会社富士精密", ["加藤主任"]),
]
TOPICS = [
    ("定期訪問", "治具の改善提案。ライン停止時間の短縮に関心あり。", "好感触", "見積提示"),
    ("見積提出", "量産品の見積を提出。価格より納期を重視している。", "検討中", "回答確認"),
    ("クレーム対応", "バリ不良の報告。原因は金型摩耗、対策書を提出。", "了承", "対策効果の確認"),
    ("新規提案", "樹脂材料の代替提案。品質部門の評価待ち。", "継続", "サンプル提供"),
    (
        "技術打合せ",
        "試作品の評価結果を共有。寸法公差の再確認を依頼された。",
        "前進",
        "図面改訂版の受領",
    ),
    ("価格交渉", "値上げの説明。材料費の根拠資料を求められた。", "保留", "資料送付"),
]
INSIGHTS = [
    "購買の高橋部長は価格より納期の確実さを重視。短納期の実績を見せると話が早い。",
    "競合のA社が値下げ攻勢。品質データで差別化すべき。",
    "クレーム時は当日中の一次回答が信頼につながった。",
    None,
    None,
    "決裁は月末の会議で決まる。資料は前週までに。",
]


def fiscal_workbook(path: Path, rep: str, seed: int) -> None:
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for month in (4, 5, 6, 7, 8, 9):
        ws = wb.create_sheet(f"{month}月")
        ws["A1"] = f"営業日報 2025年{month}月"
        ws["A1"].font = Font(bold=True, size=14)
        ws.merge_cells("A1:J1")
        ws["A3"], ws["B3"], ws["D3"], ws["E3"] = "氏名", rep, "所属", "第一営業部"
        header = [
            "日付",
            "訪問先",
            "面談者",
            "目的",
            "内容",
            "結果",
            "次回予定",
            "金額",
            "確度",
            "所感",
        ]
        for c, h in enumerate(header, start=1):
            cell = ws.cell(row=5, column=c, value=h)
            cell.font, cell.fill = bold, fill
        r = 6
        for day in range(1, 29, 3):
            visits = rng.randint(1, 2)
            date = dt.date(2025, month, day)
            for v in range(visits):
                company, people = rng.choice(CUSTOMERS)
                purpose, content, result, nxt = rng.choice(TOPICS)
                due = date + dt.timedelta(days=rng.choice([7, 14, 21]))
                ws.cell(row=r, column=1, value=date if v == 0 else None)
                ws.cell(row=r, column=2, value=company)
                ws.cell(row=r, column=3, value=rng.choice(people))
                ws.cell(row=r, column=4, value=purpose)
                ws.cell(row=r, column=5, value=content)
                ws.cell(row=r, column=6, value=result)
                ws.cell(row=r, column=7, value=f"{due.month}/{due.day} {nxt}")
                ws.cell(row=r, column=8, value=f"{rng.choice([50, 120, 300, 850])}万円")
                ws.cell(row=r, column=9, value=rng.choice(["A", "B", "C", "80%", "50%"]))
                ws.cell(row=r, column=10, value=rng.choice(INSIGHTS))
                r += 1
            if visits == 2:
                ws.merge_cells(start_row=r - 2, start_column=1, end_row=r - 1, end_column=1)
        ws.cell(row=r, column=7, value="合計")
        ws.cell(row=r, column=8, value=f"=COUNTA(H6:H{r - 1})")
        for col, width in zip("ABCDEFGHIJ", (11, 24, 12, 10, 46, 8, 20, 10, 6, 40), strict=True):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=6, max_row=r):
            for cell in row:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    wb.save(path)


def form_workbook(path: Path, rep: str, seed: int) -> None:
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for day in (1, 2, 3, 6, 7, 8, 9, 10):
        ws = wb.create_sheet(f"10月{day}日")
        ws["A1"] = "業務日報"
        ws.merge_cells("A1:E1")
        ws["A2"], ws["B2"], ws["D2"], ws["E2"] = "日付", f"令和7年10月{day}日", "氏名", rep
        r = 4
        for block in range(3):
            filled = block < rng.randint(1, 3)
            company, people = rng.choice(CUSTOMERS)
            _purpose, content, _result, nxt = rng.choice(TOPICS)
            for label, value in (
                ("訪問先", company),
                ("面談者", rng.choice(people)),
                ("内容", content),
                ("次回予定", nxt),
            ):
                ws.cell(row=r, column=1, value=label)
                ws.cell(row=r, column=2, value=value if filled else None)
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
                r += 1
            r += 1
        ws.cell(row=r, column=1, value="所感")
        ws.cell(row=r, column=2, value=rng.choice([i for i in INSIGHTS if i]))
        ws.merge_cells(start_row=r, start_column=2, end_row=r + 2, end_column=5)
        ws.cell(row=r + 3, column=1, value="上司コメント")
        ws.column_dimensions["A"].width = 10
        ws.column_dimensions["B"].width = 50
    wb.save(path)


def cards(path: Path) -> None:
    rows = [
        "会社名,部署名,役職,姓,名,e-mail,郵便番号,住所,TEL会社,TEL部門,TEL直通,Fax,携帯電話,URL,名刺交換日",
        "株式会社サンプル精工,製造部,課長,青木,一郎,aoki@sample-seiko.example.jp,460-0001,愛知県名古屋市中区1-2-3,052-111-2222,,052-111-2299,,090-1111-2222,,2025/04/10",
        "見本化成株式会社,資材部,部長,高橋,誠,takahashi@mihon-kasei.example.jp,530-0001,大阪府大阪市北区4-5-6,06-3333-4444,,,,,,2025/05/12",
        "株式会社東海プレス工業,生産技術課,係長,中村,健,nakamura@tokai-press.example.jp,448-0001,愛知県刈谷市7-8-9,0566-11-2233,,,,,,2025/06/03",
    ]
    path.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))


def main() -> None:
    (DEMO_DIR / "reports").mkdir(parents=True, exist_ok=True)
    (DEMO_DIR / "cards").mkdir(parents=True, exist_ok=True)
    fiscal_workbook(DEMO_DIR / "reports" / "2025年度_営業日報_山本.xlsx", "山本", 1)
    form_workbook(DEMO_DIR / "reports" / "業務日報_山本_2025年10月.xlsx", "山本", 2)
    cards(DEMO_DIR / "cards" / "eight_export.csv")


if __name__ == "__main__":
    main()
