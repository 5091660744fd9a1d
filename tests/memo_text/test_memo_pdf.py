"""Memos saved as PDF: a scan (pages that are pictures, written by Pillow's PDF writer) is read
page by page with the real tesseract within a page and time limit; a PDF with its own text
(written by Qt's PDF writer, as `genba brief --pdf` does) gives that text. Bad PDFs: a clear
problem, the PDF kept, the next file imported."""

from __future__ import annotations

import io
import subprocess
import sys

from PIL import Image

from desktop.knowledge.search import search
from importers.photos.apply import import_photo_file
from importers.photos.memo_text import read_memo_text
from tests.cards.test_apply import report, rows
from tests.memo_text.test_memo_text import MEMO, _compact, photo

PAGE_2 = ["見積条件 確認事項", "材質 SUS304 数量 500個"]
PAGE_3 = ["三ページ目の文字"]


def scanned_pdf(*pages: list[str]) -> bytes:
    """A copier's scan: each page a picture, no text layer (Pillow writes it)."""
    images = [Image.open(io.BytesIO(photo(lines))).convert("RGB") for lines in pages]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=150)
    return buf.getvalue()


def test_a_scanned_pdf_memo_is_read_stored_and_found(tmp_path, store):
    report(store, tmp_path)  # 2025-04-02 at 株式会社サンプル精工
    f = tmp_path / "20250402_サンプル精工_打合せメモ.pdf"
    f.write_bytes(scanned_pdf(MEMO, PAGE_2))
    out = import_photo_file(store, f, lang="ja")
    assert out.status == "imported", out.issues
    (said,) = out.issues
    assert said.code == "memo_text_read" and "2ページ" in said.message
    (a,) = rows(store, "attachments")
    assert a["mime"] == "application/pdf"
    text = _compact(a["ocr_text"])
    for expected in ("シャフト見積", "二週間短縮", "見積条件", "SUS304"):
        assert expected in text, a["ocr_text"]
    assert text.index("シャフト見積") < text.index("見積条件")  # pages in order
    assert [h.id for h in search(store, "見積条件") if h.kind == "photo"] == [a["id"]]


def test_pages_beyond_the_limit_are_said_and_the_first_are_read():
    read = read_memo_text(scanned_pdf(MEMO, PAGE_2, PAGE_3), "scan.pdf", lang="ja", max_pdf_pages=2)
    assert "見積条件" in _compact(read.text) and "三ページ目" not in _compact(read.text)
    assert read.problem.code == "memo_text_pdf_pages" and not read.retry
    assert "3ページありますが" in read.problem.message and "最初の2ページ" in read.problem.message


def test_a_scan_that_takes_too_long_keeps_what_was_read_and_says_so():
    read = read_memo_text(scanned_pdf(MEMO, PAGE_2, PAGE_3), "scan.pdf", lang="ja", timeout=0.2)
    assert read.problem.code == "memo_text_pdf_timeout" and not read.retry
    assert "0.2秒" in read.problem.message and "3ページ中" in read.problem.message
    three = scanned_pdf(MEMO, PAGE_2, PAGE_3)
    en = read_memo_text(three, "scan.pdf", lang="en", timeout=0.2).problem.message
    assert "longer than 0.2 s" in en


def test_a_pdf_with_its_own_text_gives_that_text(tmp_path):
    # Qt's PDF writer in its own process: a QGuiApplication here would stay for later tests
    pdf = tmp_path / "m.pdf"
    html = "<p>議事録 5月14日</p><p>シャフト見積を来週金曜日までに提出</p>"
    code = "import sys; from desktop.commands.knowledge import write_pdf; "
    code += "write_pdf(sys.argv[1], sys.argv[2])"
    subprocess.run([sys.executable, "-c", code, html, str(pdf)], check=True, timeout=120)
    read = read_memo_text(pdf.read_bytes(), "m.pdf", lang="ja")
    assert read.problem.code == "memo_text_pdf_text"
    assert "シャフト見積を来週金曜日までに提出" in _compact(read.text)


def test_a_blank_scan_gives_no_text_and_no_problem():
    blank = Image.new("RGB", (1240, 1754), "white")
    buf = io.BytesIO()
    blank.save(buf, "PDF", resolution=150)
    read = read_memo_text(buf.getvalue(), "blank.pdf", lang="ja")
    assert read.text is None and read.problem is None


def test_a_damaged_pdf_is_kept_with_a_clear_problem_and_the_next_file_imports(tmp_path, store):
    bad = tmp_path / "壊れた.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 20)
    out = import_photo_file(store, bad, lang="ja")
    assert out.status == "imported"  # the PDF is kept as the rep's file
    (said,) = [i for i in out.issues if i.code.startswith("memo_text")]
    assert said.code == "memo_text_pdf_unreadable" and "壊れているか" in said.message
    (a,) = rows(store, "attachments")
    assert a["filename"] == "壊れた.pdf" and a["ocr_text"] is None
    good = tmp_path / "メモ.pdf"
    good.write_bytes(scanned_pdf(MEMO))
    assert import_photo_file(store, good, lang="ja").status == "imported"
    assert len(rows(store, "attachments")) == 2
