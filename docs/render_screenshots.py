"""Screenshots of the app's views, with the demo data, into docs/screenshots/*.png — taken on a
real X server (Debian's Xvfb, openbox, 1366×768 with a 48 px taskbar strip: a common laptop).

    python docs/render_screenshots.py [--lang ja|en] [--out docs/screenshots] [--offscreen]

Builds a throwaway data directory from resources/demo (the reports and the card export), adds
what a rep would have after a few weeks (readings of customer names, knowledge notes, a card
scan, a workbook Genba cannot read, a near-duplicate customer), starts Xvfb on a free display,
opens the app there (xcb) at the size it picks for that screen and grabs each window from the
X server, as the rep sees it, with a Japanese font (Debian: fonts-noto-cjk). ``--offscreen``
renders without X (widget.grab(), 1280×800), as before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2025, 10, 20)  # the demo reports run April–October 2025
READINGS = {
    "サンプル精工": "さんぷるせいこう",
    "見本化成": "みほんかせい",
    "東海プレス工業": "とうかいぷれすこうぎょう",
    "ミホン製作所": "みほんせいさくしょ",
    "北陸樹脂工業": "ほくりくじゅしこうぎょう",
    "関西ダイカスト": "かんさいだいかすと",
    "中部オートパーツ": "ちゅうぶおーとぱーつ",
    "富士精密": "ふじせいみつ",
}
NOTES = [
    (
        "サンプル精工",
        "buyer_preference",
        "購買の青木課長は価格より納期の確実さを重視。短納期の実績を一枚にまとめて持参すると話が早い。",
        "team",
    ),
    (
        "サンプル精工",
        "trouble_lesson",
        "バリ不良のときは当日中に一次回答を入れたことで信頼を保てた。翌日回しは厳禁。",
        "team",
    ),
    (
        "サンプル精工",
        "competitor",
        "A社が1割引きで攻勢中。品質データと不良率の推移で差別化する。",
        "private",
    ),
]

# Teammates' notes, and how the team used them this month (for the brief and the MVP).
TEAM_NOTES = [
    (
        "サンプル精工",
        "buyer_preference",
        "青木課長は数字より現物を信じる。試作品を一つ持参すると、その場で話が進む。",
        "佐藤",
    ),
    (
        "サンプル精工",
        "negotiation",
        "見積は標準と短納期の2案で出すと、購買の青木課長が短納期案を選びやすい。",
        "佐藤",
    ),
    (
        "サンプル精工",
        "failure_story",
        "最初に値引きを出して失敗した。納期と品質の話を先にすべきだった。",
        "鈴木",
    ),
    (
        "見本化成",
        "trouble_lesson",
        "出荷前検査の記録を毎回添付したら、受入検査での指摘がなくなった。",
        "鈴木",
    ),
    (
        "東海プレス工業",
        "tip",
        "工場見学は火曜の午後が良い。生産会議の後なので課長の時間が取れる。",
        "高橋",
    ),
]
# (author of the note, reader): the reader marked it 参考になった
HELPFUL = [
    ("佐藤", "山本"),
    ("佐藤", "高橋"),
    ("佐藤", "鈴木"),
    ("鈴木", "佐藤"),
    ("鈴木", "品質 山田"),
    ("高橋", "佐藤"),
    ("山本", "佐藤"),
    ("山本", "高橋"),
]
TEAM_TOML = """[members]
"山本" = "営業1課"
"佐藤" = "営業1課"
"鈴木" = "営業2課"
"高橋" = "営業2課"
"品質 山田" = "品質保証"
"""


def card_image(path: Path) -> None:
    """A cleanly printed business card (what a scanner gives)."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = next(
        (
            p
            for p in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",)
            if Path(p).exists()
        ),
        None,
    )

    def font(size):
        return ImageFont.truetype(font_path, size) if font_path else ImageFont.load_default()

    img = Image.new("RGB", (910, 550), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 909, 18], fill=(58, 90, 140))
    d.text((60, 60), "株式会社サンプル精工", font=font(34), fill="black")
    d.text((60, 120), "品質保証部 主任", font=font(28), fill="black")
    d.text((60, 175), "村上 直樹", font=font(64), fill="black")
    d.text((60, 300), "〒460-0001 愛知県名古屋市中区1-2-3", font=font(26), fill="black")
    d.text((60, 345), "TEL 052-111-2230", font=font(26), fill="black")
    d.text((60, 390), "murakami@sample-seiko.example.jp", font=font(26), fill="black")
    img.save(path)


def unreadable_workbook(path: Path) -> None:
    """A report with home-made headings Genba does not know: the mapping wizard's case."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "10月"
    ws.append(["訪問記録 2025年10月"])
    ws.append([])
    ws.append(["いつ", "どこへ", "だれと", "はなしたこと", "つぎ", "みこみ額"])
    rows = [
        (
            dt.date(2025, 10, 1),
            "株式会社サンプル精工",
            "青木課長",
            "新型治具の提案。現場の評判は上々。",
            "10/8 見積",
            "150万円",
        ),
        (
            dt.date(2025, 10, 2),
            "北陸樹脂工業株式会社",
            "松本課長",
            "樹脂材料の代替品サンプルを持参。",
            "評価結果の確認",
            "80万円",
        ),
        (
            dt.date(2025, 10, 6),
            "(株)関西ダイカスト",
            "山口部長",
            "金型の更新時期を確認。来期予算に計上予定。",
            "11月 再訪",
            "300万円",
        ),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(path)


def bad_cell_workbook(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "10月"
    ws.append(["日付", "訪問先", "面談者", "内容", "金額"])
    ws.append(["2025/13/45", "株式会社富士精密", "加藤主任", "試作品の評価を依頼。", "未定"])
    ws.append([dt.date(2025, 10, 9), "株式会社富士精密", "加藤主任", "評価結果の説明。", "50万円"])
    wb.save(path)


def near_duplicate_cards(path: Path) -> None:
    path.write_text(
        "会社名,部署名,役職,姓,名,e-mail,郵便番号,住所,TEL会社,名刺交換日\n"
        "サンプル精工 名古屋工場,製造課,係長,石田,誠,ishida@sample-seiko-nagoya.example.jp,460-0002,"
        "愛知県名古屋市中区1-2-9,052-111-2201,2025/09/30\n",
        "utf-8-sig",
    )


def own_words_form(path: Path) -> Path:
    """A form-style daily report whose labels Genba does not know (a sheet per day)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    days = {
        "11月20日": [
            ("株式会社サンプル精工", "青木課長", "新型治具の試作評価。現場の評判は上々。"),
            ("北陸樹脂工業株式会社", "松本主任", "代替材料のサンプルを持参。"),
        ],
        "11月21日": [
            ("(株)関西ダイカスト", "山口部長", "金型更新の時期を確認。来期予算に計上予定。")
        ],
    }
    for day, visits in days.items():
        ws = wb.create_sheet(day)
        ws["A1"], ws["B1"] = "訪問した日", dt.date(2025, 11, int(day[3:5]))
        ws["D1"], ws["E1"] = "記入者", "山本"
        r = 3
        for company, person, talk in visits:
            for label_text, value in (
                ("お伺い先", company),
                ("お会いした方", person),
                ("打合せの中身", talk),
            ):
                ws.cell(row=r, column=1, value=label_text)
                ws.cell(row=r, column=2, value=value)
                r += 1
            r += 1
    wb.save(path)
    return path


def build_demo(data_dir: Path, work: Path) -> None:
    from desktop.app.data import edits
    from desktop.app.data.importing import import_paths
    from importers.normalize.companies import normalize_company
    from importers.settings import Settings
    from sync.store import Store

    reports, cards = work / "日報", work / "名刺"
    shutil.copytree(ROOT / "resources" / "demo" / "reports", reports)
    shutil.copytree(ROOT / "resources" / "demo" / "cards", cards)
    unreadable_workbook(reports / "訪問記録_2025年10月.xlsx")
    bad_cell_workbook(reports / "日報_富士精密メモ.xlsx")
    near_duplicate_cards(cards / "名刺_追加.csv")
    card_image(cards / "名刺_村上.png")
    settings = Settings(user_name="山本", report_folders=[str(reports)], card_folders=[str(cards)])
    data_dir.mkdir(parents=True, exist_ok=True)
    settings.save(data_dir)
    with Store(data_dir) as store:
        import_paths(store, [reports, cards], rep="山本", card_folders=[str(cards)])
        companies = {
            normalize_company(r["name"]).normalized: r["id"]
            for r in store.query("SELECT id, name FROM companies")
        }
        for key, kana in READINGS.items():
            if key in companies:
                row = store.query("SELECT name FROM companies WHERE id = ?", (companies[key],))[0]
                edits.rename_company(store, companies[key], row["name"], kana)
        for i, (key, category, body, visibility) in enumerate(NOTES):
            nid = edits.add_note(
                store,
                body=body,
                category=category,
                author="山本",
                visibility=visibility,
                company_id=companies[key],
            )
            with store.write() as w:  # written during the demo's October
                w.update("notes", nid, {"created_at": f"2025-10-{14 + i:02d}T01:00:00+00:00"})
        add_team_knowledge(store, companies)


def add_team_knowledge(store, companies: dict[str, str]) -> None:
    """Teammates' notes, 参考になった marks and briefs they opened: the MVP's material."""
    from desktop.knowledge.brief import build_brief
    from importers.insights.notes import add_note
    from importers.insights.reactions import mark_helpful

    (store.data_dir / "team.toml").write_text(TEAM_TOML, "utf-8")
    by_author: dict[str, list[str]] = {}
    for i, (key, category, body, author) in enumerate(TEAM_NOTES):
        nid = add_note(store, companies[key], body, category=category, author=author)
        with store.write() as w:  # written during the demo's October
            w.update("notes", nid, {"created_at": f"2025-10-{6 + i:02d}T01:00:00+00:00"})
        by_author.setdefault(author, []).append(nid)
    by_author["山本"] = [
        r["id"]
        for r in store.query(
            "SELECT id FROM notes WHERE author = '山本' AND visibility = 'team' "
            "AND company_id = ? ORDER BY created_at LIMIT 2",
            (companies["サンプル精工"],),
        )
    ]
    for author, reader in HELPFUL:
        mark_helpful(store, by_author[author][0], reader)
    with store.write() as w:  # marked during the demo's October
        w.conn.execute("UPDATE reactions SET created_at = '2025-10-15T02:00:00+00:00'")
    for viewer, key in (("佐藤", "サンプル精工"), ("高橋", "見本化成"), ("鈴木", "サンプル精工")):
        build_brief(store, companies[key], viewer, today=TODAY - dt.timedelta(days=3))


def render(out: Path, lang: str) -> list[Path]:
    os.environ["GENBA_LANG"] = lang
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app.application import GenbaApp
    from desktop.app.dialogs.first_run import FirstRunWizard
    from desktop.app.dialogs.mapping import MappingWizard
    from desktop.app.main import create_qapp

    work = Path(tempfile.mkdtemp(prefix="genba-shots-"))
    data_dir = work / "data"
    build_demo(data_dir, work)
    app = create_qapp(data_dir)
    genba = GenbaApp(data_dir, tray=False)
    window = genba.window
    window.views["today"]._today = TODAY
    window.views["brief"].today = TODAY
    window.views["activities"]._today = TODAY
    on_x = QApplication.platformName() == "xcb"
    if not on_x:
        window.resize(1280, 800)
    window.set_watch_state("watching")
    window.set_sync_state({"state": "not_configured"})
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        deadline = QTimer()
        deadline.singleShot(ms, loop.quit)
        loop.exec()
        while not genba.ctx.tasks.idle():
            loop2 = QEventLoop()
            QTimer.singleShot(50, loop2.quit)
            loop2.exec()
        app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        if on_x:  # the pixels on the X screen: what the rep sees, paint bugs included
            widget.raise_()
            settle(200)
            widget.screen().grabWindow(widget.winId()).save(str(path))
        else:
            widget.grab().save(str(path))
        saved.append(path)

    genba.show_window()
    for name in ("today", "customers", "activities", "knowledge", "problems", "folders", "sync"):
        window.show_view(name)
        if name == "knowledge":
            settle()
            window.views["knowledge"].mvp.set_month(TODAY.strftime("%Y-%m"))
            shot(window, "mvp")
            window.views["knowledge"].tabs.setCurrentIndex(1)
            name = "knowledge"
        if name == "problems":
            settle()
            window.views["problems"].issues_view.selectRow(0)
        shot(window, name)
    customers = window.views["customers"]
    conn = genba.ctx.connect()
    sample = conn.execute(
        "SELECT id FROM companies WHERE name_normalized = 'サンプル精工'"
    ).fetchone()[0]
    conn.close()
    window.open_customer(sample)
    shot(window, "customer")
    assert customers.page.detail is not None
    window.open_brief(sample)
    shot(window, "brief")
    assert window.views["brief"].brief is not None
    window.search.setText("納期")
    window.run_search()
    shot(window, "search")
    assert window.views["search"].model.rowCount() > 0
    window.search.clear()

    wizard = FirstRunWizard(genba.ctx)
    wizard.resize(760, 520)
    wizard.show()
    wizard.welcome.name_edit.setText("山本 太郎")
    wizard.next()
    wizard.folders.reports.edit.setText(r"C:\Users\yamamoto\Documents\営業日報")
    wizard.folders.cards.edit.setText(r"C:\Users\yamamoto\Documents\名刺")
    shot(wizard, "first_run")
    wizard.close()

    mapping = MappingWizard(genba.ctx, work / "日報" / "訪問記録_2025年10月.xlsx")
    mapping.resize(1040, 680)
    mapping.show()
    settle(500)
    mapping.header_page.select_row(2)
    mapping.next()
    settle(300)
    for letter, field in zip(
        "ABCDEF",
        ("occurred_on", "company", "contact", "summary", "next_action", "amount"),
        strict=True,
    ):
        mapping.columns_page.set_column(letter, field)
    mapping.run_preview()
    settle(600)
    shot(mapping, "mapping")
    mapping.close()

    # A form in the rep's own words: the label cells are named in the wizard.
    form = MappingWizard(genba.ctx, own_words_form(work / "訪問メモ_2025年11月.xlsx"))
    form.resize(1040, 720)
    form.show()
    settle(500)
    form.header_page.form_radio.setChecked(True)
    form.next()
    labels = form.labels_page
    labels.set_label(0, 0, "occurred_on")
    labels.set_label(2, 0, "company")
    labels.set_label(3, 0, "contact")
    labels.view.setCurrentIndex(labels.grid.index(4, 0))
    labels.field_combo.setCurrentIndex(labels.field_combo.findData("summary"))
    labels.assign_current()
    settle(900)
    shot(form, "mapping_form")
    form.close()
    form.deleteLater()

    # A business card read by OCR, checked and corrected beside its image.
    genba.show_window()
    problems = window.views["problems"]
    window.show_view("problems")
    settle()
    problems.tabs.setCurrentIndex(1)
    problems.cards_view.selectRow(0)
    review = problems.check_selected()
    assert review is not None, "the demo has no card to check"
    settle(800)
    shot(review, "card_review")
    review.reject()

    for w in (wizard, mapping):
        w.deleteLater()
    del wizard, mapping, customers, window, problems, review
    genba.dispose()
    QApplication.processEvents()
    shutil.rmtree(work, ignore_errors=True)
    return saved


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lang", default="ja", choices=("ja", "en"))
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--offscreen", action="store_true", help="render without an X server")
    p.add_argument(
        "--demo-data",
        type=Path,
        metavar="DIR",
        help="only build the demo data folder in DIR (for docs/walkthrough.md), then stop",
    )
    p.add_argument("--on-display", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.demo_data:
        work = args.demo_data.resolve()
        build_demo(work / "data", work)
        print(work / "data")
        return 0
    if args.offscreen or args.on_display:
        for path in render(args.out, args.lang):
            print(path)
        return 0
    return on_xvfb(args)


def on_xvfb(args) -> int:
    """Run this script again on a fresh Xvfb at 1366×768 with the xcb platform."""
    import subprocess

    from tests.ui_x11.xserver import XServer

    server = XServer(1366, 768).start()
    try:
        env = server.env()
        env["PYTHONPATH"] = str(ROOT)
        command = [sys.executable, __file__, "--on-display", "--lang", args.lang]
        return subprocess.run([*command, "--out", str(args.out)], env=env, check=False).returncode
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
