"""The text read on a memo photo is shown with it on the customer's page, and the rep corrects it."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def test_the_rep_corrects_the_text_of_a_memo_photo(qtbot, window, ctx, imported, tmp_path, store):
    from importers.photos.apply import import_photo_file

    img = Image.new("RGB", (1400, 260), "white")
    ImageDraw.Draw(img).text(
        (80, 80), "治具の改善 見積依頼", font=ImageFont.truetype(NOTO, 64), fill="black"
    )
    photo = tmp_path / "20250401_サンプル精工_メモ.jpg"
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    photo.write_bytes(buf.getvalue())
    assert import_photo_file(store, photo).status == "imported"
    (row,) = store.query("SELECT id, entity, ocr_text FROM attachments")
    assert row["entity"] == "activities" and "見積" in row["ocr_text"]
    view = window.views["customers"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("customers")
    cid = store.query("SELECT company_id FROM activities WHERE occurred_on = '2025-04-01'")[0][0]
    with qtbot.waitSignal(view.page.loaded, timeout=5000):
        window.open_customer(cid)
    (shown,) = view.page.detail["photos"]
    assert "見積" in shown["ocr_text"]
    dlg = view.page.correct_photo_text(shown)
    assert "見積" in dlg.textValue()
    dlg.setTextValue("治具の改善、見積依頼は4月8日まで")
    dlg.accept()
    qtbot.waitUntil(
        lambda: (
            store.query("SELECT ocr_text FROM attachments")[0][0]
            == "治具の改善、見積依頼は4月8日まで"
        ),
        timeout=5000,
    )
