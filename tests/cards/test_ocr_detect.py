import functools
import glob
import io
import shutil

from PIL import Image, ImageDraw, ImageFont

from importers.cards import check_card_size, ocr_card_image, parse_card_file
from importers.cards import ocr as ocr_module
from importers.cards.ocr import extract_contact

FONTS = sorted(glob.glob("/usr/share/fonts/**/NotoSansCJK-Regular.ttc", recursive=True)) + sorted(
    glob.glob("/usr/share/fonts/**/ipag*.ttf", recursive=True)
)


def _has_jpn() -> bool:
    try:
        import pytesseract

        return "jpn" in pytesseract.get_languages(config="")
    except Exception:
        return False


def _require_ocr(fn):
    """OCR tests never skip: the test command installs tesseract-ocr-jpn and fonts-noto-cjk."""

    def wrapper(*args, **kwargs):
        assert FONTS, "a CJK font is required (apt-get install fonts-noto-cjk)"
        assert _has_jpn(), (
            "tesseract with Japanese data is required (apt-get install tesseract-ocr-jpn)"
        )
        return fn(*args, **kwargs)

    return functools.wraps(fn)(wrapper)


needs_ocr = _require_ocr


def render_card(fmt: str = "PNG") -> bytes:
    img = Image.new("RGB", (1100, 640), "white")
    d = ImageDraw.Draw(img)

    def font(size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(FONTS[0], size, index=0)

    d.text((60, 50), "株式会社サンプル精工", font=font(44), fill="black")
    d.text((60, 170), "製造部 課長", font=font(34), fill="black")
    d.text((60, 230), "青木 一郎", font=font(64), fill="black")
    d.text((60, 380), "〒460-0001 愛知県名古屋市中区1-2-3", font=font(30), fill="black")
    d.text((60, 430), "TEL 052-111-2222", font=font(30), fill="black")
    d.text((60, 480), "aoki@sample-seiko.example.jp", font=font(30), fill="black")
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


@needs_ocr
def test_ocr_rendered_card(tmp_path):
    path = tmp_path / "card.jpg"
    path.write_bytes(render_card("JPEG"))
    r = parse_card_file(path)
    assert not r.errors, r.issues
    (c,) = r.contacts
    assert c.email == "aoki@sample-seiko.example.jp"
    assert c.phone == "052-111-2222"
    assert c.needs_review is True
    assert c.postal_code == "460-0001"
    assert "サンプル精工" in c.company
    assert c.title == "課長"
    assert c.full_name.startswith("青木")
    assert c.source_ref == "card.jpg" and "ocr_text" in c.raw


def test_extract_contact_from_spaced_tesseract_text():
    text = (
        "株 式 会 社 サ ン プ ル 精 工\n製 造 部 課 長\n青 木 一 郎\n〒 460-0001 愛 知 県 名 古 屋 市 中 区 1-2-3\n"
        "TEL 052-111-2222 FAX 052-111-2223\n携帯 090-1111-2222\naoki @ sample-seiko.example.jp\n"
        "TEL 052-111-222\n"  # a misread number is not accepted
    )
    c = extract_contact(text, "x.png")
    assert c.company == "株式会社サンプル精工"
    assert (c.department, c.title) == ("製造部", "課長")
    assert c.full_name == "青木一郎"
    assert (c.phone, c.fax, c.mobile) == ("052-111-2222", "052-111-2223", "090-1111-2222")
    assert c.email == "aoki@sample-seiko.example.jp"
    assert (c.postal_code, c.address) == ("460-0001", "愛知県名古屋市中区1-2-3")
    assert c.needs_review


def test_text_file_named_jpg(tmp_path):
    path = tmp_path / "card.jpg"
    path.write_text("this is not an image")
    r = parse_card_file(path)
    assert r.contacts == []
    (issue,) = r.issues
    assert (
        issue.severity == "error" and issue.code == "not_an_image" and "card.jpg" in issue.message
    )


def test_truncated_image_is_an_error_not_an_exception():
    data = render_card("PNG")[:400]
    r = ocr_card_image(data, "cut.png")
    assert r.errors and r.contacts == []


def test_pixel_bomb_guard(monkeypatch):
    monkeypatch.setattr(ocr_module, "MAX_PIXELS", 1000)
    r = ocr_card_image(render_card("PNG"), "big.png")
    assert [i.code for i in r.issues] == ["image_too_large"]


def test_pdf_without_pdftoppm_is_attachment_only(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    r = ocr_card_image(b"%PDF-1.4\n%%EOF\n", "card.pdf")
    assert r.contacts == [] and [(i.severity, i.code) for i in r.issues] == [
        ("info", "pdf_not_read")
    ]


def test_missing_tesseract_is_a_clear_error(monkeypatch):
    import pytesseract

    def boom(*a, **k):
        raise pytesseract.TesseractNotFoundError()

    monkeypatch.setattr(pytesseract, "get_languages", boom)
    r = ocr_card_image(render_card("PNG"), "c.png")
    (issue,) = r.issues
    assert issue.code == "ocr_unavailable" and "tesseract-ocr-jpn" in issue.message


def test_size_cap_on_sparse_200mb_file(tmp_path, monkeypatch):
    path = tmp_path / "huge.vcf"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)

    def no_read(*a, **k):
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(type(path), "read_bytes", no_read)
    issue = check_card_size(path, lang="en")
    assert issue is not None and issue.code == "file_too_large"
    assert "file too large (200 MB, the limit is 20 MB" in issue.message
    assert "200 MB。この種類のファイルは20 MBまで" in check_card_size(path, lang="ja").message
    r = parse_card_file(path, lang="en")
    assert r.issues == [issue] and r.contacts == []
    img = tmp_path / "huge.jpg"
    with open(img, "wb") as f:
        f.truncate(31 * 1024 * 1024)
    assert "the limit is 30 MB" in check_card_size(img, lang="en").message
    assert check_card_size(tmp_path / "huge.vcf") is not None


def test_dispatch_by_extension_and_content(tmp_path):
    vcf = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nEMAIL:a@b.example.jp\r\nEND:VCARD\r\n"
    (tmp_path / "a.vcf").write_bytes(vcf)
    (tmp_path / "a.txt").write_bytes(vcf)  # sniffed
    (tmp_path / "b.csv").write_bytes("氏名,会社名\n青木 一郎,サンプル精工\n".encode())
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "d.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    assert parse_card_file(tmp_path / "a.vcf").contacts[0].email == "a@b.example.jp"
    assert parse_card_file(tmp_path / "a.txt").contacts[0].full_name == "A B"
    assert (
        parse_card_file(tmp_path / "b.csv", (tmp_path / "b.csv").read_bytes()).contacts[0].company
        == "サンプル精工"
    )
    (unsupported,) = parse_card_file(tmp_path / "c.docx").issues
    assert unsupported.code == "unsupported_type" and ".docx" in unsupported.message
    assert "HEIC" in parse_card_file(tmp_path / "d.heic").issues[0].message
    assert parse_card_file(tmp_path / "missing.vcf").issues[0].code == "unreadable"


def test_tesseract_command_from_environment_then_path(monkeypatch, tmp_path):
    from importers.cards.ocr import tesseract_command

    monkeypatch.setenv("GENBA_TESSERACT", str(tmp_path / "tesseract.exe"))
    assert tesseract_command() == str(tmp_path / "tesseract.exe")
    monkeypatch.delenv("GENBA_TESSERACT")
    assert tesseract_command().endswith("tesseract")  # Debian's, on PATH
    monkeypatch.setenv("PATH", "")
    fake = tmp_path / "Tesseract-OCR" / "tesseract.exe"
    fake.parent.mkdir()
    fake.write_text("")
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    assert tesseract_command() == str(fake)
