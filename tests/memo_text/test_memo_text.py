"""Memo photos -> text: photos rendered from known text with Pillow and the Noto CJK font, read
by the real tesseract with Japanese, stored beside the photo, searchable, correctable."""

from __future__ import annotations

import io
import shutil

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from desktop.knowledge.search import search
from importers.photos.apply import import_photo_file
from importers.photos.memo_text import correct_memo_text
from tests.cards.test_apply import report, rows

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
MEMO = ["打合せメモ 5月14日", "シャフト見積 来週金曜日まで", "納期 二週間短縮を希望"]


def photo(lines, *, size=56, angle=0.0, board=False) -> bytes:
    """A phone photo of a printed memo (or a whiteboard: grey, a little blurred, tilted)."""
    font = ImageFont.truetype(NOTO, size, index=0)
    img = Image.new(
        "RGB", (1400, 120 + len(lines) * int(size * 1.8)), "#e8e8e4" if board else "white"
    )
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text(
            (80, 60 + i * int(size * 1.8)), line, font=font, fill="#202a60" if board else "black"
        )
    if board:
        img = img.rotate(angle, expand=True, fillcolor="#e8e8e4").filter(
            ImageFilter.GaussianBlur(1)
        )
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue()


def _compact(text: str) -> str:
    return "".join(text.split())


def test_printed_memo_text_is_read_stored_and_found(tmp_path, store):
    report(store, tmp_path)  # 2025-04-02 at 株式会社サンプル精工
    f = tmp_path / "20250402_サンプル精工_打合せメモ.jpg"
    f.write_bytes(photo(MEMO))
    out = import_photo_file(store, f, lang="ja")
    assert out.status == "imported"
    assert [i.code for i in out.issues] == ["memo_text_read"]
    (a,) = rows(store, "attachments")
    text = _compact(a["ocr_text"])
    for expected in ("シャフト見積", "来週金曜日まで", "二週間短縮"):
        assert expected in text, a["ocr_text"]
    hits = search(store, "シャフト見積")
    photo_hits = [h for h in hits if h.kind == "photo"]
    assert [h.id for h in photo_hits] == [a["id"]]
    assert photo_hits[0].company == "株式会社サンプル精工" and photo_hits[0].date == "2025-04-02"


def test_a_whiteboard_photo_slightly_tilted_and_blurred(tmp_path, store):
    f = tmp_path / "whiteboard.jpg"
    f.write_bytes(
        photo(["改善案 段取り替え30分短縮", "担当 田村 6月末"], size=64, angle=2.0, board=True)
    )
    import_photo_file(store, f)
    (a,) = rows(store, "attachments")
    assert "段取り替え" in _compact(a["ocr_text"]) and "短縮" in a["ocr_text"]


def test_the_reps_correction_stays_and_is_what_search_finds(tmp_path, store):
    f = tmp_path / "memo.png"
    Image.open(io.BytesIO(photo(MEMO))).save(f)
    import_photo_file(store, f)
    (a,) = rows(store, "attachments")
    assert correct_memo_text(store, a["id"], "打合せメモ：シャフト見積は来週金曜日、ギヤボックスも")
    assert [h.id for h in search(store, "ギヤボックス")] == [a["id"]]
    # the same photo imported again (forced) reads it again but keeps the rep's words
    import_photo_file(store, f, force=True)
    (again,) = rows(store, "attachments")
    assert again["ocr_text"] == "打合せメモ：シャフト見積は来週金曜日、ギヤボックスも"


def test_a_photo_without_print_gets_no_text_and_no_noise(tmp_path, store):
    f = tmp_path / "DSC01234.jpg"
    img = Image.new("RGB", (800, 600), "#8090a0")
    ImageDraw.Draw(img).ellipse((200, 150, 600, 450), fill="#404040")
    img.save(f, "JPEG")
    out = import_photo_file(store, f)
    assert out.status == "imported" and out.issues == []
    (a,) = rows(store, "attachments")
    assert a["ocr_text"] is None


def test_an_unreadable_photo_is_a_clear_problem_and_the_next_imports(tmp_path, store):
    cut = tmp_path / "DSC0001.jpg"
    cut.write_bytes(photo(MEMO)[:3000])  # cut off mid-transfer: the header is whole
    out = import_photo_file(store, cut, lang="ja")
    assert out.status == "imported" and [i.code for i in out.issues] == ["memo_text_unreadable"]
    assert "写真はそのまま保存しました" in out.issues[0].message and out.to_check == 1
    junk = tmp_path / "DSC0002.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"\0" * 500)  # not a picture at all
    out = import_photo_file(store, junk, lang="ja")
    assert out.failed and "壊れているか、不完全" in out.issues[0].message
    good = tmp_path / "DSC0003.jpg"
    good.write_bytes(photo(MEMO))
    assert import_photo_file(store, good).status == "imported"
    assert len(rows(store, "attachments")) == 2  # the cut photo is kept, as sent


def test_without_tesseract_the_photo_is_kept_and_read_later(tmp_path, store, monkeypatch):
    # a laptop without tesseract: GENBA_TESSERACT names a program that is not there
    monkeypatch.setenv("GENBA_TESSERACT", str(tmp_path / "no-tesseract"))
    monkeypatch.setenv("PATH", str(tmp_path))
    f = tmp_path / "memo.jpg"
    f.write_bytes(photo(MEMO))
    out = import_photo_file(store, f, lang="ja")
    assert out.status == "imported"
    (said,) = out.issues
    assert said.code == "memo_text_unavailable" and "OCR" in said.message
    assert rows(store, "attachments")[0]["ocr_text"] is None
    monkeypatch.setenv("GENBA_TESSERACT", shutil.which("tesseract", path="/usr/bin") or "tesseract")
    out = import_photo_file(store, f)  # not 'unchanged': the file is read again
    assert out.status == "imported"
    assert "シャフト" in rows(store, "attachments")[0]["ocr_text"]
