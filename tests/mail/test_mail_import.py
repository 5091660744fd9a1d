"""Mail files become activities: every Japanese encoding, threads, duplicates, signatures."""

from __future__ import annotations

import pytest

from importers.ingest import Importer
from importers.mail.eml import parse_eml
from tests.mail.builders import ME, html_only_mail, japanese_mail


@pytest.fixture
def importer(store):
    # a customer known from a card: the mail's domain matches it
    with store.write() as w:
        w.insert(
            "companies",
            {"id": "c-yamada", "name": "株式会社山田製作所", "name_normalized": "山田製作所"},
        )
        w.insert(
            "contacts",
            {
                "id": "k-ito",
                "company_id": "c-yamada",
                "full_name": "伊藤 二郎",
                "email": "ito@yamada-ss.co.jp",
            },
        )
    return Importer(store, lang="ja", mail_addresses=[ME], rep="佐藤")


def _activities(store):
    return [
        dict(r)
        for r in store.query(
            "SELECT * FROM activities WHERE kind = 'mail' ORDER BY occurred_on, id"
        )
    ]


@pytest.mark.parametrize(
    "charset,cte",
    [
        ("iso-2022-jp", "7bit"),
        ("shift_jis", "base64"),
        ("shift_jis", "quoted-printable"),
        ("euc-jp", "base64"),
        ("utf-8", "quoted-printable"),
        ("utf-8", "8bit"),
    ],
)
def test_each_japanese_encoding_reads_the_same(tmp_path, charset, cte):
    # Shift_JIS mail from Windows carries cp932's ① and ～ although it says shift_jis
    # and ISO-2022-JP from Outlook carries NEC ①, ㈱ and Ⅲ, which Python's codec refuses
    body = {
        "shift_jis": "①番のシャフト～見積\n",
        "iso-2022-jp": "①番と②番の見積、㈱山田 Ⅲ型 ｼｬﾌﾄ\n",
    }.get(charset, "シャフトの見積\n")
    data = japanese_mail(charset, cte=cte, body=body)
    mail = parse_eml(data)
    assert mail.subject == "シャフト見積のお願い"
    assert mail.sender.name == "田村 一郎" and mail.sender.email == "tamura@yamada-ss.co.jp"
    assert mail.to[0].name == "佐藤 健"
    assert mail.text.strip() == body.strip()
    assert mail.problems == []


def test_raw_8bit_shift_jis_headers_are_read(tmp_path):
    raw = (
        "Subject: 見積のお願い\r\nFrom: 田村 <tamura@yamada-ss.co.jp>\r\nTo: sato@genba-kiko.co.jp\r\n"
        "Date: Tue, 14 May 2024 10:30:00 +0900\r\nMessage-ID: <raw8@yamada-ss.co.jp>\r\n"
        "Content-Type: text/plain; charset=shift_jis\r\n\r\n①の件、了解です。\r\n"
    ).encode("cp932")
    mail = parse_eml(raw)
    assert mail.subject == "見積のお願い"
    assert mail.sender.name == "田村"
    assert mail.text.strip() == "①の件、了解です。"


def test_raw_jis_in_a_header_is_read():
    from tests.mail.builders import windows_iso2022jp

    raw = (
        b"Subject: " + windows_iso2022jp("①見積の件") + b"\r\nFrom: tamura@yamada-ss.co.jp\r\n"
        b"Content-Type: text/plain; charset=iso-2022-jp\r\n\r\n"
        + windows_iso2022jp("本文")
        + b"\r\n"
    )
    mail = parse_eml(raw)
    assert mail.subject == "①見積の件" and mail.text.strip() == "本文"


def test_a_received_mail_is_one_activity_without_history_and_signature(tmp_path, store, importer):
    f = tmp_path / "mitsumori.eml"
    f.write_bytes(japanese_mail("iso-2022-jp", cte="7bit", msgid="<m1@yamada-ss.co.jp>"))
    out = importer.import_source(f)
    assert out.kind == "mail" and out.status == "imported" and out.added == 1, out.issues
    (a,) = _activities(store)
    assert a["direction"] == "received" and a["occurred_on"] == "2024-05-14"
    assert a["purpose"] == "シャフト見積のお願い"
    assert a["company_id"] == "c-yamada"  # by the domain of a known contact
    assert "来週金曜日までに" in a["summary"]
    assert "Original Message" not in a["summary"] and "先日は" not in a["summary"]
    assert "052-123-4567" not in a["summary"] and "購買部" not in a["summary"]
    assert a["thread_id"] == "<m1@yamada-ss.co.jp>" and a["rep"] == "佐藤"
    # the signature is a contact suggestion: needs_review, linked to the same company
    c = store.query("SELECT * FROM contacts WHERE email = 'tamura@yamada-ss.co.jp'")[0]
    assert c["needs_review"] == 1 and c["company_id"] == "c-yamada"
    assert c["phone"] == "052-123-4567" and c["mobile"] == "090-1234-5678"
    assert c["title"] == "課長" and c["department"] == "購買部"
    assert "signature" not in {i.code for i in out.issues}
    assert "mail_signature_contact" in {i.code for i in out.issues}


def test_a_signature_never_overwrites_what_the_rep_set(tmp_path, store, importer):
    with store.write() as w:
        w.insert(
            "contacts",
            {
                "id": "k-tamura",
                "company_id": "c-yamada",
                "full_name": "田村 一郎",
                "email": "tamura@yamada-ss.co.jp",
                "phone": "052-999-0000",
            },
        )
    f = tmp_path / "a.eml"
    f.write_bytes(japanese_mail("utf-8", msgid="<m2@yamada-ss.co.jp>"))
    importer.import_source(f)
    c = store.query("SELECT * FROM contacts WHERE id = 'k-tamura'")[0]
    assert c["phone"] == "052-999-0000"  # the rep's number stays
    assert c["mobile"] == "090-1234-5678"  # an empty field is filled
    (a,) = _activities(store)
    assert a["contact_id"] == "k-tamura" and a["contact_name"] == "田村 一郎"


def test_a_sent_mail_is_sent_and_its_signature_is_not_a_contact(tmp_path, store, importer):
    data = japanese_mail(
        "utf-8",
        sender=("佐藤 健", ME),
        to=("伊藤 二郎", "ito@yamada-ss.co.jp"),
        body="伊藤様\n\n図面をお送りします。\n\n-- \n株式会社ゲンバ機工 営業部\n佐藤 健\nTEL: 03-1111-2222\n",
        msgid="<s1@genba-kiko.co.jp>",
    )
    f = tmp_path / "sent.eml"
    f.write_bytes(data)
    importer.import_source(f)
    (a,) = _activities(store)
    assert a["direction"] == "sent" and a["contact_id"] == "k-ito" and a["company_id"] == "c-yamada"
    assert a["summary"] == "伊藤様\n\n図面をお送りします。"
    assert not store.query("SELECT 1 FROM contacts WHERE email = ?", (ME,))


def test_the_same_mail_twice_is_one_activity(tmp_path, store, importer):
    data = japanese_mail("shift_jis", msgid="<dup@yamada-ss.co.jp>")
    (tmp_path / "one").mkdir()
    a, b = tmp_path / "one" / "mail.eml", tmp_path / "copy-of-mail.eml"
    a.write_bytes(data)
    # the same mail saved again by another client: other bytes, same Message-ID
    b.write_bytes(data.replace(b"MIME-Version: 1.0", b"MIME-Version: 1.0\nX-Mailer: Thunderbird"))
    first = importer.import_source(a)
    second = importer.import_source(b)
    assert first.added == 1 and second.added == 0
    assert "mail_already_imported" in {i.code for i in second.issues}
    assert len(_activities(store)) == 1


def test_threads_follow_references_and_in_reply_to(tmp_path, store, importer):
    root = japanese_mail("utf-8", msgid="<root@yamada-ss.co.jp>")
    reply = japanese_mail(
        "utf-8",
        sender=("佐藤 健", ME),
        to=("田村 一郎", "tamura@yamada-ss.co.jp"),
        subject="Re: シャフト見積のお願い",
        body="田村様\n\n承知しました。\n\n田村 一郎 さんは書きました:\n> 見積を\n",
        msgid="<r1@genba-kiko.co.jp>",
        in_reply_to="<root@yamada-ss.co.jp>",
    )
    reply2 = japanese_mail(
        "utf-8",
        subject="Re: Re: シャフト見積のお願い",
        body="ありがとうございます。\n",
        msgid="<r2@yamada-ss.co.jp>",
        in_reply_to="<r1@genba-kiko.co.jp>",
        references="<root@yamada-ss.co.jp> <r1@genba-kiko.co.jp>",
    )
    for i, data in enumerate((root, reply, reply2)):
        (tmp_path / f"{i}.eml").write_bytes(data)
        importer.import_source(tmp_path / f"{i}.eml")
    rows = store.query(
        "SELECT source_ref, thread_id, summary, direction FROM activities ORDER BY source_ref"
    )
    assert {r["thread_id"] for r in rows} == {"<root@yamada-ss.co.jp>"}
    reply_row = next(r for r in rows if r["source_ref"] == "<r1@genba-kiko.co.jp>")
    assert reply_row["summary"] == "田村様\n\n承知しました。" and reply_row["direction"] == "sent"


def test_an_html_only_body_becomes_text_without_the_quote(tmp_path, store, importer):
    f = tmp_path / "html.eml"
    f.write_bytes(html_only_mail("<h1@yamada-ss.co.jp>"))
    importer.import_source(f)
    (a,) = _activities(store)
    assert a["summary"] == "佐藤様\n\n納期は6月10日でお願いします。"


def test_attachments_are_kept_as_blobs(tmp_path, store, importer, data_dir):
    from email import message_from_bytes, policy

    m = message_from_bytes(
        japanese_mail("utf-8", msgid="<att@yamada-ss.co.jp>"), policy=policy.default
    )
    m.make_mixed()
    drawing = b"%PDF-1.4 drawing of the shaft" * 100
    m.add_attachment(drawing, maintype="application", subtype="pdf", filename="図面_シャフト.pdf")
    f = tmp_path / "att.eml"
    f.write_bytes(m.as_bytes())
    out = importer.import_source(f)
    (att,) = store.query("SELECT * FROM attachments WHERE entity = 'activities'")
    assert att["entity_id"] == out.entity_id and att["filename"] == "図面_シャフト.pdf"
    from importers.photos.blobs import blob_path

    assert blob_path(data_dir, att["sha256"]).read_bytes() == drawing
    # the customer page's photo strip shows photos and memos, not a mail's drawings
    from desktop.app.data.customers import customer_detail

    assert customer_detail(store.reader(), "c-yamada")["photos"] == []


def test_mail_without_own_address_says_how_to_set_it(tmp_path, store):
    f = tmp_path / "m.eml"
    f.write_bytes(japanese_mail("utf-8"))
    out = Importer(store, lang="ja").import_source(f)
    (said,) = [i for i in out.issues if i.code == "mail_no_own_address"]
    assert "mail_addresses" in said.message


def test_without_own_addresses_no_signature_becomes_a_contact(tmp_path, store):
    f = tmp_path / "m.eml"
    f.write_bytes(japanese_mail("utf-8", msgid="<nosig@yamada-ss.co.jp>"))
    Importer(store, lang="ja").import_source(f)
    assert not store.query("SELECT 1 FROM contacts WHERE email = 'tamura@yamada-ss.co.jp'")
