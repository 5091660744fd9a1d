"""The registry of file kinds and the one import_source: routing, one status rule for every
kind, moved files and copies, a file that comes back, and what an import says it wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from desktop.commands.importing import run_import
from importers.ingest import Importer
from importers.kinds import KINDS, all_suffixes, picture_suffixes
from importers.outcome import Status
from importers.routing import files_in, kind_for
from importers.settings import Settings
from importers.sources import mark_missing
from tests.helpers.workbooks import table_workbook, visit_rows

EIGHT = "会社名,部署名,役職,氏名,e-mail,電話番号,名刺交換日\n"
AOKI = "株式会社サンプル精工,製造部,課長,青木 一郎,aoki@sample-seiko.example.jp,052-111-2222,2025/04/01\n"


def vcard(path, name="青木 一郎", email="aoki@sample-seiko.example.jp"):
    path.write_text(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nORG:サンプル精工株式会社\nEMAIL:{email}\nEND:VCARD\n",
        encoding="utf-8",
    )
    return path


def picture(path, fmt):
    Image.new("RGB", (32, 24), "white").save(path, fmt)
    return path


def sources(store):
    return {os.path.basename(r["path"]): dict(r) for r in store.query("SELECT * FROM sources")}


def test_each_suffix_belongs_to_kinds_that_read_it():
    assert {".tsv", ".tif", ".tiff", ".heif", ".heic", ".vcf", ".xlsx", ".ods"} <= all_suffixes()
    assert ".tsv" in KINDS["cards"].suffixes and ".tif" in KINDS["photos"].suffixes
    assert ".pdf" not in picture_suffixes() and ".heic" not in picture_suffixes(attachable=True)
    mb = 1024 * 1024
    assert KINDS["cards"].limit(Path("a.vcf")) == 20 * mb
    assert KINDS["cards"].limit(Path("scan"), b"\xff\xd8\xff\xe0") == 30 * mb  # sniffed


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("eight.tsv", b"", "cards"),
        ("a.vcf", b"", "cards"),
        ("scan.tif", b"", "photos"),
        ("iphone.HEIF", b"", "photos"),
        ("memo.jpg", b"", "photos"),
        ("日報.xlsx", b"", "reports"),
        ("visits.csv", "日付,訪問先,内容\n2025/4/1,サンプル精工,打合せ\n".encode(), "reports"),
        ("eight.csv", (EIGHT + AOKI).encode("utf-8-sig"), "cards"),
        ("eight_sjis.csv", (EIGHT + AOKI).encode("cp932"), "cards"),
        ("~$日報.xlsx", b"", None),
        ("notes.txt", b"", None),
    ],
)
def test_a_file_is_routed_by_its_kind(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    assert kind_for(path) == expected


def test_a_picture_in_the_card_folder_is_a_card(tmp_path):
    cards = tmp_path / "名刺"
    cards.mkdir()
    scan = picture(cards / "scan.png", "PNG")
    assert kind_for(scan) == "photos"
    assert kind_for(scan, {"cards": [cards]}) == "cards"
    listed = dict(files_in([tmp_path], {"cards": [cards]}))
    assert listed == {scan: "cards"}


def test_genba_import_routes_each_file_by_kind(tmp_path, store, monkeypatch):
    monkeypatch.setenv("GENBA_LANG", "en")
    folder = tmp_path / "drop"
    folder.mkdir()
    table_workbook(folder / "日報.xlsx", {"4月": visit_rows(3)})
    vcard(folder / "青木.vcf")
    (folder / "eight.tsv").write_text(
        "会社名\t役職\t氏名\te-mail\n北辰機械\t主任\t佐藤 花子\tsato@hokushin.example.jp\n",
        encoding="utf-8",
    )
    picture(folder / "サンプル精工_memo.tif", "TIFF")
    (folder / "readme.txt").write_text("not imported")
    lines: list[str] = []
    rc = run_import(
        store,
        Settings(),
        [str(folder)],
        rep="山本",
        profile_path=None,
        force=False,
        out=lines.append,
    )
    assert rc == 0, lines
    src = sources(store)
    assert {k: v["kind"] for k, v in src.items()} == {
        "日報.xlsx": "report",
        "青木.vcf": "cards",
        "eight.tsv": "cards",
        "サンプル精工_memo.tif": "photos",
    }
    assert {v["status"] for v in src.values()} == {"ok"}
    emails = {r[0] for r in store.query("SELECT email FROM contacts WHERE deleted = 0")}
    assert emails == {"aoki@sample-seiko.example.jp", "sato@hokushin.example.jp"}
    assert "✓ eight.tsv: contacts +1 ~0" in lines
    assert "✓ サンプル精工_memo.tif: memo photo attached" in lines
    assert lines[-1].startswith("4 file(s): 4 imported, 0 unchanged, 0 failed")
    assert "contacts: 2 added" in lines[-1] and "1 memo photo(s)" in lines[-1]


def test_a_card_file_named_on_the_command_line_is_imported_as_cards(tmp_path, store):
    path = vcard(tmp_path / "card.vcf")
    lines: list[str] = []
    rc = run_import(
        store, Settings(), [str(path)], rep=None, profile_path=None, force=False, out=lines.append
    )
    assert rc == 0 and lines[0] == "✓ card.vcf: 名刺 追加 1、更新 0"
    assert store.query("SELECT kind FROM sources")[0][0] == "cards"


def test_one_status_rule_for_every_kind(tmp_path, store):
    """An imported file with an issue to check is 'warning', whatever its kind; only a file that
    could not be imported at all is 'error'."""
    importer = Importer(store, rep="山本", lang="en")
    rows = visit_rows(2)
    rows[1][0] = "2025/13/45"  # an impossible date: the row imports with an issue
    report = table_workbook(tmp_path / "日報.xlsx", {"4月": rows})
    card = tmp_path / "cards.csv"
    card.write_text(EIGHT + AOKI + AOKI.replace("aoki@", "bad@@"), encoding="utf-8")
    broken = tmp_path / "broken.vcf"
    broken.write_bytes(b"\x00\x01 not a card")
    outs = [importer.import_source(p) for p in (report, card, broken)]
    assert [o.status for o in outs] == [Status.IMPORTED, Status.IMPORTED, Status.FAILED]
    assert all(any(i.severity != "info" for i in o.issues) for o in outs)
    src = sources(store)
    assert [src[n]["status"] for n in ("日報.xlsx", "cards.csv", "broken.vcf")] == [
        "warning",
        "warning",
        "error",
    ]


@pytest.mark.parametrize("kind", ["reports", "cards", "photos"])
def test_moved_files_and_copies_add_nothing_for_every_kind(tmp_path, store, kind):
    importer = Importer(store, rep="山本")
    make = {
        "reports": lambda p: table_workbook(p.with_suffix(".xlsx"), {"4月": visit_rows(2)}),
        "cards": lambda p: vcard(p.with_suffix(".vcf")),
        "photos": lambda p: picture(p.with_suffix(".png"), "PNG"),
    }[kind]
    first = make(tmp_path / "a")
    assert importer.import_source(first, kind).status == Status.IMPORTED
    changes = store.query("SELECT count(*) FROM changes")[0][0]
    copy = tmp_path / f"copy{first.suffix}"
    copy.write_bytes(first.read_bytes())
    out = importer.import_source(copy, kind)
    assert out.status == Status.DUPLICATE and not out.changed
    assert sources(store)[copy.name]["kind"] == "copy"
    moved = tmp_path / "sub" / first.name
    moved.parent.mkdir()
    os.replace(first, moved)
    out = importer.import_source(moved, kind)
    assert out.status == Status.MOVED
    assert store.query("SELECT count(*) FROM changes")[0][0] == changes  # nothing written


def test_a_file_that_comes_back_gets_its_status_back_unread(tmp_path, store, monkeypatch):
    importer = Importer(store, lang="en")
    card = tmp_path / "cards.csv"
    card.write_text(EIGHT + AOKI.replace("aoki@", "bad@@"), encoding="utf-8")
    assert importer.import_source(card).status == Status.IMPORTED
    assert mark_missing(store, card) and sources(store)["cards.csv"]["status"] == "missing"
    assert not mark_missing(store, card)  # once

    def no_parse(*_a, **_k):
        raise AssertionError("the same bytes must not be parsed again")

    monkeypatch.setattr(importer.reader("cards"), "parse", no_parse)
    assert importer.import_source(card).status == Status.UNCHANGED
    assert sources(store)["cards.csv"]["status"] == "warning"  # as it was, issues kept


def test_an_import_says_which_rows_it_wrote(tmp_path, store, monkeypatch):
    from importers import ingest

    importer = Importer(store, rep="山本")
    path = table_workbook(tmp_path / "日報.xlsx", {"4月": visit_rows(3)})
    out = importer.import_source(path)
    ids = {r[0] for r in store.query("SELECT id FROM activities")}
    assert out.rows["activities"] == ids and len(ids) == 3
    assert out.rows["companies"] >= {r[0] for r in store.query("SELECT id FROM companies")}
    rows = visit_rows(3)
    rows[0][3] = "内容を書き直した"
    table_workbook(path, {"4月": rows})
    out = importer.import_source(path)
    (changed,) = out.rows["activities"]
    assert store.query("SELECT summary FROM activities WHERE id = ?", (changed,))[0][0] == (
        "内容を書き直した"
    )
    monkeypatch.setattr(ingest, "ROWS_LISTED", 1)  # more than that: "re-read them all"
    rows = visit_rows(4)
    table_workbook(path, {"4月": rows})
    out = importer.import_source(path)
    assert out.rows["activities"] is None and out.added == 1


def test_one_importer_sees_a_profile_saved_after_it_was_built(tmp_path, store):
    """The import process keeps one Importer: a profile the mapping wizard saves is still used."""
    importer = Importer(store, rep="山本")
    path = table_workbook(
        tmp_path / "特殊.xlsx", {"4月": visit_rows(2)}, header=["いつ", "どこ", "だれ", "なに"]
    )
    importer.import_source(path)  # read by Genba's own guess, or refused: no profile yet
    assert store.query("SELECT profile FROM sources")[0][0] is None
    profiles = store.data_dir / "profiles"
    profiles.mkdir(exist_ok=True)
    (profiles / "special.toml").write_text(
        'name = "special"\nmatch = ["特殊*.xlsx"]\nheader_row = 5\n\n[columns]\n'
        '"いつ" = "occurred_on"\n"どこ" = "company"\n"だれ" = "contact"\n"なに" = "summary"\n',
        encoding="utf-8",
    )
    out = importer.import_source(path, force=True)  # as the wizard imports it again
    assert out.status == Status.IMPORTED
    assert store.query("SELECT profile FROM sources")[0][0] == "special"
    assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 2


@pytest.mark.parametrize("kind", ["reports", "cards", "photos"])
def test_parsing_holds_no_write_lock(tmp_path, store, kind):
    """Another process can write while a file is being parsed: only the short apply locks."""
    from sync.store.connection import connect

    path = {
        "reports": lambda: table_workbook(tmp_path / "a.xlsx", {"4月": visit_rows(2)}),
        "cards": lambda: vcard(tmp_path / "a.vcf"),
        "photos": lambda: picture(tmp_path / "a.png", "PNG"),
    }[kind]()
    importer = Importer(store, rep="山本")
    reader = importer.reader(kind)
    parse = reader.parse
    other = connect(store.path)
    other.execute("PRAGMA busy_timeout = 0")
    wrote = []

    def parse_while_another_writes(*a, **k):
        other.execute("BEGIN IMMEDIATE")  # raises 'database is locked' if the import held it
        other.execute("INSERT INTO meta (key, value) VALUES ('other', 'x')")
        other.execute("COMMIT")
        wrote.append(True)
        return parse(*a, **k)

    reader.parse = parse_while_another_writes
    assert importer.import_source(path, kind).status == Status.IMPORTED
    assert wrote == [True]
