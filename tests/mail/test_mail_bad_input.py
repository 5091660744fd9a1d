"""Bad mail files: a clear problem in Japanese, nothing stored is lost, the next file imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importers.ingest import Importer
from tests.mail.builders import ME, japanese_mail

FILES = Path(__file__).parent / "files"


@pytest.fixture
def importer(store):
    return Importer(store, lang="ja", mail_addresses=[ME])


def _nested(depth: int) -> bytes:
    body = ""
    for i in range(depth):
        body += f'--b{i}\r\nContent-Type: multipart/mixed; boundary="b{i + 1}"\r\n\r\n'
    body += (
        f"--b{depth}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n奥の本文\r\n--b{depth}--\r\n"
    )
    for i in range(depth - 1, -1, -1):
        body += f"--b{i}--\r\n"
    head = (
        "From: attacker@example.com\r\nTo: sato@genba-kiko.co.jp\r\nSubject: bomb\r\n"
        "Date: Tue, 14 May 2024 10:30:00 +0900\r\nMessage-ID: <bomb@example.com>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n'
    )
    return (head + body).encode()


def _then_a_good_mail_imports(importer, store, tmp_path):
    good = tmp_path / "good.eml"
    good.write_bytes(japanese_mail("utf-8", msgid="<good@yamada-ss.co.jp>"))
    assert importer.import_source(good).added == 1
    assert store.query("SELECT 1 FROM activities WHERE source_ref = '<good@yamada-ss.co.jp>'")


def test_a_msg_that_is_not_one(tmp_path, store, importer):
    f = tmp_path / "見積.msg"
    f.write_text("これはOutlookのメールではありません", encoding="utf-8")
    out = importer.import_source(f)
    assert out.failed and out.issues[0].code == "mail_not_msg"
    assert "Outlookのメッセージ（.msg）ではありません" in out.issues[0].message
    row = store.query("SELECT status, message FROM sources WHERE path LIKE ?", ("%見積.msg",))[0]
    assert row["status"] == "error"
    _then_a_good_mail_imports(importer, store, tmp_path)


def test_an_eml_that_is_not_a_mail(tmp_path, store, importer):
    f = tmp_path / "memo.eml"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = importer.import_source(f)
    assert out.failed and out.issues[0].code == "mail_not_mail"
    _then_a_good_mail_imports(importer, store, tmp_path)


def test_deep_nesting_is_read_as_far_as_sensible(tmp_path, store, importer):
    f = tmp_path / "deep.eml"
    f.write_bytes(_nested(60))
    out = importer.import_source(f)
    assert not out.failed and out.added == 1
    (said,) = [i for i in out.issues if i.code == "mail_too_deep"]
    assert "20段" in said.message
    _then_a_good_mail_imports(importer, store, tmp_path)


def test_nesting_the_parser_cannot_take_is_refused_in_words(tmp_path, store, importer):
    f = tmp_path / "bomb.eml"
    f.write_bytes(_nested(4000))
    out = importer.import_source(f)
    assert out.failed and out.issues[0].code == "mail_too_nested"
    assert "入れ子" in out.issues[0].message
    _then_a_good_mail_imports(importer, store, tmp_path)


def test_a_huge_mail_is_refused_before_it_is_read(tmp_path, store, importer):
    f = tmp_path / "huge.eml"
    with open(f, "wb") as fh:
        fh.write(japanese_mail("utf-8", msgid="<huge@x.jp>"))
        fh.write(b"A" * (41 * 1024 * 1024))
    out = importer.import_source(f)
    assert out.failed and out.issues[0].code == "too_large"
    assert "40 MB" in out.issues[0].message
    _then_a_good_mail_imports(importer, store, tmp_path)


def test_an_attachment_over_25_mb_is_left_in_the_mail_and_said(tmp_path, store, importer):
    from email import message_from_bytes, policy

    m = message_from_bytes(
        japanese_mail("utf-8", msgid="<big@yamada-ss.co.jp>"), policy=policy.default
    )
    m.make_mixed()
    m.add_attachment(
        b"\0" * (26 * 1024 * 1024), maintype="application", subtype="zip", filename="big.zip"
    )
    f = tmp_path / "big.eml"
    f.write_bytes(m.as_bytes())
    out = importer.import_source(f)
    assert out.added == 1
    (said,) = [i for i in out.issues if i.code == "mail_attachment_too_large"]
    assert "big.zip" in said.message
    assert not store.query("SELECT 1 FROM attachments")


def test_a_real_outlook_msg_imports_and_as_eml_is_the_same_activity(tmp_path, store, importer):
    msg = tmp_path / "strangeDate.msg"
    shutil.copy(FILES / "strangeDate.msg", msg)
    out = importer.import_source(msg)
    assert out.kind == "mail" and out.added == 1, out.issues
    (a,) = store.query("SELECT * FROM activities WHERE kind = 'mail'")
    assert a["purpose"] == "MSG Test File" and "John Doe" in a["summary"]
    assert "mail_no_date" in {i.code for i in out.issues}  # the file's own day is used
    # the same mail saved as .eml by another client: no Message-ID, no Date, same sender and
    # subject -> the same natural key
    from importers.mail.outlook import parse_msg

    parsed = parse_msg(msg.read_bytes())
    eml = tmp_path / "strangeDate.eml"
    eml.write_bytes(
        b"Subject: MSG Test File\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + parsed.text.encode()
    )
    again = importer.import_source(eml)
    assert again.added == 0 and len(store.query("SELECT 1 FROM activities")) == 1


def test_an_outlook_mail_with_an_attachment_and_its_eml_twin(tmp_path, store, importer, data_dir):
    from importers.photos.blobs import blob_path

    msg = shutil.copy(FILES / "plain_jpeg_attached.msg", tmp_path / "test.msg")
    out = importer.import_source(msg)
    assert out.added == 1, out.issues
    (a,) = store.query("SELECT * FROM activities")
    assert (a["purpose"], a["occurred_on"], a["direction"]) == ("test", "2007-09-24", "received")
    assert a["source_ref"] == "<20070924132803.GB10141@matijs.net>"
    assert a["contact_name"] == "Matijs van Zuijlen"
    (att,) = store.query("SELECT * FROM attachments")
    assert att["filename"] == "test.jpg" and att["entity_id"] == a["id"]
    assert blob_path(data_dir, att["sha256"]).read_bytes()[:3] == b"\xff\xd8\xff"
    # the same mail saved as .eml from another client: the same Message-ID, one activity
    eml = tmp_path / "test.eml"
    eml.write_bytes(
        b"From: Matijs van Zuijlen <Matijs.van.Zuijlen@xs4all.nl>\r\nSubject: test\r\n"
        b"Date: Mon, 24 Sep 2007 15:28:03 +0200\r\n"
        b"Message-ID: <20070924132803.GB10141@matijs.net>\r\n\r\ntest\r\n"
    )
    again = importer.import_source(eml)
    assert again.added == 0 and "mail_already_imported" in {i.code for i in again.issues}
    assert len(store.query("SELECT 1 FROM activities")) == 1


def test_an_exchange_export_with_nul_strings_and_x500_recipients(tmp_path, store, importer):
    msg = shutil.copy(FILES / "charset.msg", tmp_path / "export.msg")
    out = importer.import_source(msg)
    assert out.added == 1, out.issues
    (a,) = store.query("SELECT * FROM activities")
    assert a["purpose"] == "PST Export - Embedded Email Test"
    assert "\x00" not in a["summary"] and "Email-ception" in a["summary"]
