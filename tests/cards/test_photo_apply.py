"""Photos of paper memos: blob + attachment linked to the customer's activity, customer or day."""

import datetime as dt
import io

from PIL import Image

from importers.photos.apply import import_photo_file, relink_photos
from sync.store.ids import natural_id
from tests.cards.test_apply import change_count, report, rows, synced


def jpeg(color: str = "white", exif_date: str | None = None) -> bytes:
    img = Image.new("RGB", (64, 48), color)
    exif = Image.Exif()
    if exif_date:
        exif.get_ifd(0x8769)[36867] = exif_date
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def test_date_and_customer_in_the_name_link_to_that_days_activity(tmp_path, store):
    report(store, tmp_path)  # 2025-04-02 at 株式会社サンプル精工
    (activity,) = rows(store, "activities")
    path = tmp_path / "20250402_サンプル精工_打合せメモ.jpg"
    path.write_bytes(jpeg())
    out = import_photo_file(store, path)
    assert out.status == "imported" and out.issues == []
    (a,) = rows(store, "attachments")
    assert (a["entity"], a["entity_id"]) == ("activities", activity["id"])
    assert (a["taken_on"], a["filename"], a["mime"]) == ("2025-04-02", path.name, "image/jpeg")
    blob = store.data_dir / "blobs" / a["sha256"][:2] / a["sha256"]
    assert blob.read_bytes() == path.read_bytes()
    (src,) = rows(store, "sources", "kind = 'photos'")
    assert src["status"] == "ok" and src["sha256"] == a["sha256"]
    before = change_count(store)
    assert import_photo_file(store, path).status == "unchanged"
    assert change_count(store) == before


def test_customer_without_activity_that_day_and_unknown_customer(tmp_path, store):
    report(store, tmp_path)
    company = natural_id("companies", "サンプル精工")
    other_day = tmp_path / "2025-05-01 サンプル精工.png"
    Image.new("RGB", (10, 10)).save(other_day)
    out = import_photo_file(store, other_day)
    assert (out.entity, out.entity_id) == ("companies", company)
    unknown = tmp_path / "20250402_謎の会社_メモ.jpg"
    unknown.write_bytes(jpeg("gray"))
    out = import_photo_file(store, unknown)
    assert (out.entity, out.entity_id) == ("day", "2025-04-02")
    assert [i.code for i in out.issues] == ["customer_not_found"]
    nothing = tmp_path / "DSC01234.JPG"
    nothing.write_bytes(jpeg("black"))
    out = import_photo_file(store, nothing)
    assert (out.entity, out.entity_id) == ("day", None)


def test_exif_date_and_partial_customer_name(tmp_path, store):
    report(store, tmp_path, rows=[[dt.date(2025, 3, 12), "見本化成株式会社", "石井様", "打合せ"]])
    (activity,) = rows(store, "activities")
    path = tmp_path / "見本化成_memo.jpg"  # '見本化成' matches the company 見本化成
    path.write_bytes(jpeg(exif_date="2025:03:12 10:15:00"))
    out = import_photo_file(store, path)
    assert (out.entity, out.entity_id) == ("activities", activity["id"])
    substring = tmp_path / "20250312_見本_メモ.jpg"  # a unique part of the name also works
    substring.write_bytes(jpeg("red"))
    assert import_photo_file(store, substring).entity_id == activity["id"]


def test_photo_before_its_report_moves_onto_the_activity_later(tmp_path, store):
    report(
        store, tmp_path, rows=[[dt.date(2025, 4, 1), "株式会社サンプル精工", "青木課長", "前日"]]
    )
    path = tmp_path / "20250402_サンプル精工.jpg"
    path.write_bytes(jpeg())
    assert import_photo_file(store, path).entity == "companies"
    report(
        store,
        tmp_path,
        rows=[[dt.date(2025, 4, 2), "株式会社サンプル精工", "青木課長", "当日"]],
        name="b.xlsx",
    )
    relink_photos(store)  # what the report pipeline calls (it may have done it already)
    (a,) = rows(store, "attachments")
    day = next(x for x in rows(store, "activities") if x["summary"] == "当日")
    assert (a["entity"], a["entity_id"]) == ("activities", day["id"])
    assert relink_photos(store) == 0


def test_jpg_that_is_not_an_image_is_an_error_and_nothing_is_lost(tmp_path, store):
    report(store, tmp_path)
    good = tmp_path / "20250402_サンプル精工.jpg"
    good.write_bytes(jpeg())
    import_photo_file(store, good)
    before = synced(store)
    bad = tmp_path / "20250402_サンプル精工_2.jpg"
    bad.write_text("<html>not a photo</html>")
    out = import_photo_file(store, bad)
    assert out.status == "failed"
    (issue,) = out.issues
    assert issue.code == "not_an_image" and bad.name in issue.message
    (src,) = rows(store, "sources", f"path = '{bad}'")
    assert (src["status"], src["kind"]) == ("error", "photos")
    assert rows(store, "import_issues", f"source_id = '{src['id']}'")[0]["code"] == "not_an_image"
    assert synced(store) == before
    # the same file replaced by a real photo imports; a replaced photo retires its old version
    bad.write_bytes(jpeg("blue"))
    assert import_photo_file(store, bad).status == "imported"
    good.write_bytes(jpeg("green"))
    import_photo_file(store, good)
    live = rows(store, "attachments", "deleted = 0")
    assert len(live) == 2 and len(rows(store, "attachments", "deleted = 1")) == 1
