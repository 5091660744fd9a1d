import datetime as dt
import io
import os

from PIL import Image

from importers.photos import blob_path, photo_info, store_blob


def jpeg(exif_date: str | None = None) -> bytes:
    img = Image.new("RGB", (40, 30), "white")
    exif = Image.Exif()
    if exif_date:
        exif.get_ifd(0x8769)[36867] = exif_date
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def test_exif_date_wins_over_file_name(tmp_path):
    info = photo_info(
        tmp_path / "20250101_サンプル精工_打合せメモ.jpg", jpeg("2025:03:12 10:15:00")
    )
    assert info.taken_on == dt.date(2025, 3, 12)
    assert info.customer_hint == "サンプル精工"
    assert info.mime == "image/jpeg" and info.size > 0 and len(info.sha256) == 64


def test_file_name_date_and_hint():
    data = jpeg()
    cases = {
        "20250312_サンプル精工_打合せメモ.jpg": (dt.date(2025, 3, 12), "サンプル精工"),
        "IMG_20250312_101500.jpg": (dt.date(2025, 3, 12), None),
        "2025-03-12 見本化成 議事録.png": (dt.date(2025, 3, 12), "見本化成"),
        "DSC01234.JPG": (None, None),
        "見本化成株式会社_20250230.jpg": (None, "見本化成株式会社"),
    }
    for name, (day, hint) in cases.items():
        info = photo_info(name, data)
        assert (info.taken_on, info.customer_hint) == (day, hint), name


def test_broken_exif_or_not_an_image_falls_back_to_name():
    info = photo_info("20250312_memo.jpg", b"not an image")
    assert info.taken_on == dt.date(2025, 3, 12)
    assert info.mime == "image/jpeg"


def test_blob_store_is_content_addressed_and_idempotent(tmp_path):
    sha = store_blob(tmp_path, b"hello")
    path = blob_path(tmp_path, sha)
    assert path == tmp_path / "blobs" / sha[:2] / sha and path.read_bytes() == b"hello"
    mtime = path.stat().st_mtime_ns
    assert store_blob(tmp_path, b"hello") == sha
    assert path.stat().st_mtime_ns == mtime
    assert os.listdir(path.parent) == [sha]  # no temp files left behind
    path.write_bytes(b"hel")  # a truncated blob is repaired
    assert store_blob(tmp_path, b"hello") == sha and path.read_bytes() == b"hello"
