"""Card files into the store: identity across formats, re-import rules, bad input, card images."""

import datetime as dt
import io
import quopri
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from importers import ingest as ingest_module
from importers.cards.apply import import_card_file
from importers.pipeline import ReportImporter
from sync.schema_contract import SYNCED_FIELDS
from sync.store.ids import natural_id
from tests.helpers.workbooks import table_workbook

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
EIGHT_HEADER = "会社名,部署名,役職,姓,名,e-mail,郵便番号,住所,TEL会社,TEL部門,TEL直通,Fax,携帯電話,URL,名刺交換日,展示会2025"
AOKI_ROW = "株式会社サンプル精工,製造部,課長,青木,一郎,aoki@sample-seiko.example.jp,460-0001,愛知県名古屋市中区1-2-3,052-111-2222,,,052-111-2223,090-1111-2222,https://sample-seiko.example.jp,2025/03/12,1"
ISHII_ROW = "見本化成株式会社,資材部,主任,石井,花子,ishii@mihon-kasei.example.jp,530-0001,大阪府大阪市北区4-5-6,06-3333-4444,,,,,,2025/04/02,"


# --------------------------------------------------------------------------- helpers (shared)


def qp(text: str) -> bytes:
    return quopri.encodestring(text.encode("cp932")).replace(b"=\n", b"")


def sjis_vcard(path: Path, *, email: str = "aoki@sample-seiko.example.jp") -> Path:
    """vCard 2.1 as a Japanese phone exports it: Shift_JIS, quoted-printable, SOUND reading."""
    lines = [
        b"BEGIN:VCARD",
        b"VERSION:2.1",
        b"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp("青木") + b";" + qp("一郎") + b";;;",
        b"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:"
        + qp("アオキ")
        + b";"
        + qp("イチロウ")
        + b";;;",
        b"ORG;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp("株式会社サンプル精工"),
        b"TITLE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp("製造部 課長"),
        b"TEL;WORK;VOICE:052-111-2222",
        b"TEL;CELL:090-1111-2222",
        b"EMAIL;INTERNET:" + email.encode(),
        b"END:VCARD",
        b"",
    ]
    path.write_bytes(b"\r\n".join(lines))
    return path


def v30_vcard(path: Path) -> Path:
    """vCard 3.0 with X-PHONETIC readings; Aoki's e-mail in another case."""
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:石井 花子\r\nN:石井;花子;;;\r\n"
        "X-PHONETIC-LAST-NAME:イシイ\r\nX-PHONETIC-FIRST-NAME:ハナコ\r\n"
        "ORG:見本化成株式会社;資材部\r\nTITLE:主任\r\nTEL;TYPE=WORK:06-3333-4444\r\n"
        "EMAIL;TYPE=INTERNET:ishii@mihon-kasei.example.jp\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:青木 一郎\r\nN:青木;一郎;;;\r\n"
        "ORG:(株)サンプル精工;製造部\r\nTITLE:課長\r\n"
        "EMAIL;TYPE=INTERNET:AOKI@Sample-Seiko.example.jp\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return path


def eight_csv(path: Path, rows: list[str] | None = None, header: str = EIGHT_HEADER) -> Path:
    rows = [AOKI_ROW, ISHII_ROW] if rows is None else rows
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8"))
    return path


def report(store, tmp_path: Path, rows=None, name: str = "日報_2025.xlsx"):
    """A daily report naming 株式会社サンプル精工 with 面談者 青木課長, imported like the app does."""
    rows = rows or [[dt.date(2025, 4, 2), "株式会社サンプル精工", "青木課長", "治具の提案"]]
    path = table_workbook(
        tmp_path / name, {"4月": rows}, header=["日付", "訪問先", "面談者", "内容"]
    )
    out = ReportImporter(store, rep="山本").import_file(path)
    assert out.status == "imported", out.issues
    return out


def rows(store, entity: str, where: str = "1") -> list[dict]:
    return [dict(r) for r in store.query(f"SELECT * FROM {entity} WHERE {where} ORDER BY id")]


def synced(store) -> dict[str, list[dict]]:
    """Every synced table, row by row: the state a merge and its undo must give back."""
    return {e: rows(store, e) for e in SYNCED_FIELDS}


def change_count(store) -> int:
    return store.query("SELECT count(*) FROM changes")[0][0]


def render_card(fmt: str = "PNG") -> bytes:
    img = Image.new("RGB", (1100, 640), "white")
    d = ImageDraw.Draw(img)

    def font(size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(NOTO, size, index=0)

    d.text((60, 50), "株式会社サンプル精工", font=font(44), fill="black")
    d.text((60, 170), "製造部 課長", font=font(34), fill="black")
    d.text((60, 230), "青木 一郎", font=font(64), fill="black")
    d.text((60, 380), "〒460-0001 愛知県名古屋市中区1-2-3", font=font(30), fill="black")
    d.text((60, 430), "TEL 052-111-2222", font=font(30), fill="black")
    d.text((60, 480), "aoki@sample-seiko.example.jp", font=font(30), fill="black")
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


# --------------------------------------------------------------------------- identity


def test_three_formats_one_contact_each_on_the_report_company(tmp_path, store):
    rep = report(store, tmp_path)
    cards = tmp_path / "cards"
    cards.mkdir()
    outs = [
        import_card_file(store, sjis_vcard(cards / "phone.vcf")),
        import_card_file(store, eight_csv(cards / "eight.csv")),
        import_card_file(store, v30_vcard(cards / "contacts.vcf")),
    ]
    assert [o.status for o in outs] == ["imported"] * 3, [o.issues for o in outs]
    assert [o.added for o in outs] == [1, 1, 0]
    contacts = rows(store, "contacts")
    assert len(contacts) == 2
    aoki = next(c for c in contacts if c["full_name"] == "青木 一郎")
    assert aoki["id"] == natural_id("contacts", "email:aoki@sample-seiko.example.jp")
    assert aoki["email"] == "aoki@sample-seiko.example.jp"  # first written form kept
    assert aoki["full_name_kana"] == "アオキ イチロウ"
    assert (aoki["title"], aoki["department"]) == ("課長", "製造部")
    assert aoki["fax"] == "052-111-2223"  # filled from the Eight export
    assert aoki["name_normalized"] == "青木一郎" and aoki["needs_review"] == 0
    # one company row per company, the very row the daily report created
    (activity,) = rows(store, "activities")
    assert aoki["company_id"] == activity["company_id"]
    assert aoki["company_id"] == natural_id("companies", "サンプル精工")
    assert len(rows(store, "companies")) == 2
    # the card import linked the report's 青木課長 to the contact
    assert activity["contact_id"] == aoki["id"]
    assert outs[0].linked == 1
    src = rows(store, "sources", "kind = 'cards'")
    assert len(src) == 3 and {s["status"] for s in src} == {"ok"}
    assert rep.source_id not in {s["id"] for s in src}


def test_reimport_unchanged_writes_nothing(tmp_path, store):
    path = eight_csv(tmp_path / "eight.csv")
    assert import_card_file(store, path).added == 2
    before = change_count(store)
    out = import_card_file(store, path)
    assert out.status == "unchanged" and change_count(store) == before
    # a copy of the same export elsewhere does not duplicate anyone either
    copy = eight_csv(tmp_path / "copy.csv")
    assert import_card_file(store, copy).added == 0
    assert change_count(store) == before and len(rows(store, "contacts")) == 2


def test_changed_csv_updates_the_same_contacts(tmp_path, store):
    path = eight_csv(tmp_path / "eight.csv")
    import_card_file(store, path)
    aoki_id = natural_id("contacts", "email:aoki@sample-seiko.example.jp")
    with store.write() as w:  # the rep corrects the address in the app
        w.update("contacts", aoki_id, {"address": "愛知県名古屋市中区1-2-3 サンプルビル5F"})
    promoted = AOKI_ROW.replace(",課長,", ",部長,").replace("052-111-2222", "052-111-3333")
    out = import_card_file(store, eight_csv(path, [promoted, ISHII_ROW]))
    assert (out.status, out.added, out.updated) == ("imported", 0, 1), out.issues
    assert len(rows(store, "contacts")) == 2
    (aoki,) = rows(store, "contacts", f"id = '{aoki_id}'")
    assert (aoki["title"], aoki["phone"]) == ("部長", "052-111-3333")
    assert aoki["address"] == "愛知県名古屋市中区1-2-3 サンプルビル5F"  # the app's edit stays
    # a changed e-mail in the same file is the same person, not a new one
    moved = promoted.replace("aoki@sample-seiko", "i.aoki@sample-seiko")
    out = import_card_file(store, eight_csv(path, [moved, ISHII_ROW]))
    assert out.added == 0 and len(rows(store, "contacts")) == 2
    assert rows(store, "contacts", f"id = '{aoki_id}'")[0]["email"].startswith("i.aoki@")


def test_name_match_gets_the_email_instead_of_a_second_contact(tmp_path, store):
    (tmp_path / "a.csv").write_text("氏名,会社名,役職\n青木 一郎,サンプル精工株式会社,課長\n")
    first = import_card_file(store, tmp_path / "a.csv")
    (cid,) = first.contact_ids
    assert cid == natural_id("contacts", "name:サンプル精工:青木一郎")
    out = import_card_file(store, sjis_vcard(tmp_path / "phone.vcf"))
    assert (out.added, out.merged) == (0, 1) and out.contact_ids == [cid]
    (aoki,) = rows(store, "contacts")
    assert aoki["email"] == "aoki@sample-seiko.example.jp" and aoki["mobile"] == "090-1111-2222"
    # the same name at the same company with a contradicting e-mail is someone else
    (tmp_path / "b.csv").write_text(
        "氏名,会社名,e-mail\n青木 一郎,サンプル精工,aoki.other@example.jp\n", encoding="utf-8"
    )
    assert import_card_file(store, tmp_path / "b.csv").added == 1


def test_only_a_newer_card_replaces_a_differing_field(tmp_path, store):
    import_card_file(store, eight_csv(tmp_path / "old.csv"))  # 名刺交換日 2025/03/12
    older = AOKI_ROW.replace(",課長,", ",係長,").replace("2025/03/12", "2024/01/10")
    import_card_file(store, eight_csv(tmp_path / "older.csv", [older]))
    aoki_id = natural_id("contacts", "email:aoki@sample-seiko.example.jp")
    assert rows(store, "contacts", f"id = '{aoki_id}'")[0]["title"] == "課長"
    newer = AOKI_ROW.replace(",課長,", ",部長,").replace("2025/03/12", "2025/10/01")
    out = import_card_file(store, eight_csv(tmp_path / "newer.csv", [newer]))
    assert out.merged == 0 and out.updated == 1
    assert rows(store, "contacts", f"id = '{aoki_id}'")[0]["title"] == "部長"


def test_merged_contact_is_not_resurrected_by_a_reimport(tmp_path, store):
    from importers.cards.merge import merge_contacts

    (tmp_path / "a.csv").write_text("氏名,会社名\n青木 一郎,サンプル精工\n")
    (tmp_path / "b.csv").write_text("氏名,会社名\n青木 一郎,見本化成\n")  # wrong company
    keep = import_card_file(store, tmp_path / "a.csv").contact_ids[0]
    other = import_card_file(store, tmp_path / "b.csv").contact_ids[0]
    merge_contacts(store, keep, other)
    (tmp_path / "b.csv").write_text("氏名,会社名,携帯電話\n青木 一郎,見本化成,090-1111-2222\n")
    out = import_card_file(store, tmp_path / "b.csv")
    assert out.contact_ids == [keep] and out.added == 0
    assert len(rows(store, "contacts", "deleted = 0")) == 1
    assert rows(store, "contacts", f"id = '{keep}'")[0]["mobile"] == "090-1111-2222"


# --------------------------------------------------------------------------- card images


def test_card_image_becomes_attachment_and_contact_to_review(tmp_path, store):
    path = tmp_path / "名刺_青木.jpg"
    path.write_bytes(render_card("JPEG"))
    out = import_card_file(store, path)
    assert out.status == "imported" and out.added == 1, out.issues
    (c,) = rows(store, "contacts")
    assert c["email"] == "aoki@sample-seiko.example.jp" and c["phone"] == "052-111-2222"
    assert c["needs_review"] == 1
    assert c["company_id"] == natural_id("companies", "サンプル精工")
    (a,) = rows(store, "attachments")
    assert (a["entity"], a["entity_id"], a["filename"]) == ("contacts", c["id"], path.name)
    assert a["mime"] == "image/jpeg" and a["size"] == path.stat().st_size
    blob = store.data_dir / "blobs" / a["sha256"][:2] / a["sha256"]
    assert blob.read_bytes() == path.read_bytes()
    assert [i.code for i in out.issues] == ["ocr_needs_review"]
    # the same person's vCard later fills and confirms nothing it should not overwrite
    before = change_count(store)
    assert import_card_file(store, path).status == "unchanged" and change_count(store) == before


def test_jpg_that_is_not_an_image_is_an_error_and_nothing_is_lost(tmp_path, store):
    import_card_file(store, eight_csv(tmp_path / "eight.csv"))
    before = synced(store)
    bad = tmp_path / "card.jpg"
    bad.write_text("this is not an image")
    out = import_card_file(store, bad)
    assert out.status == "failed"
    (issue,) = out.issues
    assert (
        issue.severity == "error" and issue.code == "not_an_image" and "card.jpg" in issue.message
    )
    (src,) = rows(store, "sources", "path LIKE '%card.jpg'")
    assert src["status"] == "error" and src["kind"] == "cards" and issue.message == src["message"]
    (stored,) = rows(store, "import_issues", f"source_id = '{src['id']}'")
    assert stored["code"] == "not_an_image"
    assert synced(store) == before
    assert not (store.data_dir / "blobs").exists()


def test_200mb_file_in_the_card_folder_is_refused_unread(tmp_path, store, monkeypatch):
    path = tmp_path / "huge.vcf"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)

    def no_read(*a, **k):
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(ingest_module, "read_file", no_read)
    monkeypatch.setattr(Path, "read_bytes", no_read)
    out = import_card_file(store, path, lang="en")
    assert out.status == "failed"
    (issue,) = out.issues
    assert issue.code == "file_too_large" and "file too large (200 MB" in issue.message
    (src,) = rows(store, "sources")
    assert src["status"] == "error" and src["sha256"] is None
    assert rows(store, "import_issues")[0]["message"] == issue.message


def test_broken_quoted_printable_imports_with_a_warning(tmp_path, store):
    path = tmp_path / "broken.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:"
        + qp("青木")
        + b"=8;"
        + qp("一郎")
        + b"\r\n"
        b"EMAIL;INTERNET:aoki@sample-seiko.example.jp\r\nEND:VCARD\r\n"
    )
    out = import_card_file(store, path)
    assert out.status == "imported" and out.added == 1
    (c,) = rows(store, "contacts")
    assert c["email"] == "aoki@sample-seiko.example.jp" and c["needs_review"] == 1
    assert "青木" in c["full_name"]
    (src,) = rows(store, "sources")
    assert src["status"] == "warning"
    (issue,) = rows(store, "import_issues")
    assert (issue["severity"], issue["code"], issue["location"]) == (
        "warning",
        "broken_qp",
        "broken.vcf#1",
    )


def test_csv_with_unknown_columns_imports_with_an_info_issue(tmp_path, store):
    path = tmp_path / "export.csv"
    path.write_text(
        "氏名,会社名,e-mail,社内メモ,ランク\n青木 一郎,サンプル精工,aoki@sample-seiko.example.jp,x,A\n",
        encoding="utf-8",
    )
    out = import_card_file(store, path)
    assert out.status == "imported" and out.added == 1
    (src,) = rows(store, "sources")
    assert src["status"] == "ok"
    (issue,) = rows(store, "import_issues")
    assert (issue["severity"], issue["code"]) == ("info", "unknown_columns")
    assert "社内メモ" in issue["message"] and "ランク" in issue["message"]


def test_card_level_warning_points_at_the_row(tmp_path, store):
    out = import_card_file(
        store, eight_csv(tmp_path / "eight.csv", [AOKI_ROW.replace("052-111-2222", "12345")])
    )
    assert out.added == 1
    (issue,) = [i for i in out.issues if i.code == "invalid_phone"]
    assert issue.severity == "warning" and issue.location == "eight.csv!row 2"
    assert rows(store, "sources")[0]["status"] == "warning"


def test_missing_file_and_repaired_file(tmp_path, store):
    path = tmp_path / "gone.vcf"
    out = import_card_file(store, path)
    assert out.status == "failed" and out.issues[0].code == "missing"
    sjis_vcard(path)
    out = import_card_file(store, path)
    assert out.status == "imported" and out.added == 1
    assert len(rows(store, "sources")) == 1 and rows(store, "sources")[0]["status"] == "ok"


def test_a_contact_deleted_in_the_app_is_not_brought_back(tmp_path, store):
    (tmp_path / "a.csv").write_text("氏名,会社名\n青木 一郎,サンプル精工\n", encoding="utf-8")
    (cid,) = import_card_file(store, tmp_path / "a.csv").contact_ids
    with store.write() as w:
        w.delete("contacts", cid)
    before = synced(store)
    out = import_card_file(store, sjis_vcard(tmp_path / "phone.vcf"))  # same person, with e-mail
    assert (out.status, out.added, out.contact_ids) == ("imported", 0, [])
    assert [i.code for i in out.issues] == ["contact_deleted"]
    assert synced(store) == before


def test_a_field_the_rep_emptied_stays_empty_on_reimport(tmp_path, store):
    """Rule 5 for cards: a rep who clears a misread phone keeps it cleared; a card with a new
    value for it (or another card) still fills it."""
    path = eight_csv(tmp_path / "eight.csv")
    import_card_file(store, path)
    aoki_id = natural_id("contacts", "email:aoki@sample-seiko.example.jp")
    with store.write() as w:  # the rep clears the phone in the app
        w.update("contacts", aoki_id, {"phone": None})
    out = import_card_file(store, path, force=True)
    assert out.status in ("imported", "unchanged")
    assert rows(store, "contacts", f"id = '{aoki_id}'")[0]["phone"] is None
    # the same file, changed elsewhere: the phone it still says is not brought back either
    promoted = AOKI_ROW.replace(",課長,", ",部長,")
    import_card_file(store, eight_csv(path, [promoted, ISHII_ROW]))
    (aoki,) = rows(store, "contacts", f"id = '{aoki_id}'")
    assert (aoki["title"], aoki["phone"]) == ("部長", None)
    # a new number on the card is news: it fills the field
    moved = promoted.replace("052-111-2222", "052-111-9999")
    import_card_file(store, eight_csv(path, [moved, ISHII_ROW]))
    assert rows(store, "contacts", f"id = '{aoki_id}'")[0]["phone"] == "052-111-9999"
