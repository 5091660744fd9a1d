"""A Japanese Thunderbird's CSV export, with the header row exactly as Thunderbird writes it: its
localisation's field names (tests/cards/public/thunderbird_ja_fields*.properties, with origin)
in the order of AddrBookUtils.jsm's ``exportAttributes``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from importers.cards import parse_contact_csv

PUBLIC = Path(__file__).parent / "public"
# exportAttributes (comm-central AddrBookUtils.jsm): the string ids of the exported columns, in
# order (FirstName, LastName, DisplayName, NickName, PrimaryEmail, SecondEmail, _AimScreenName,
# WorkPhone, HomePhone, FaxNumber, PagerNumber, CellularNumber, Home*, Work*, JobTitle,
# Department, Company, WebPage1/2, Birth*, Custom1-4, Notes)
ORDER = [2100, 2101, 2102, 2103, 2104, 2105, 2136, *range(2106, 2136)]
VALUES = {
    2100: "太郎",
    2101: "山田",
    2102: "山田 太郎",
    2104: "taro@yamada-ss.example.jp",
    2106: "052-123-4567",
    2108: "052-123-4568",
    2110: "090-1111-2222",
    2111: "自宅の番地1-1",
    2113: "自宅市",
    2117: "栄1-2-3",
    2118: "山田ビル5F",
    2119: "名古屋市中区",
    2120: "愛知県",
    2121: "460-0008",
    2122: "日本",
    2123: "課長",
    2124: "営業部",
    2125: "株式会社山田製作所",
    2126: "https://yamada-ss.example.jp",
    2135: "図面はPDFで",
}


def header_row(properties: str) -> list[tuple[int, str]]:
    names = {}
    for line in (PUBLIC / properties).read_text("utf-8").splitlines():
        key, _, value = line.partition("=")
        names[int(key)] = value
    return [(i, names[i]) for i in ORDER if i in names]  # an id a version lacks is not written


def export(properties: str, encoding: str = "utf-8") -> bytes:
    columns = header_row(properties)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")  # Windows line breaks, as on reps' laptops
    w.writerow([name for _, name in columns])
    w.writerow([VALUES.get(i, "") for i, _ in columns])
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize(
    "properties", ["thunderbird_ja_fields.properties", "thunderbird_ja_fields_old.properties"]
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_every_work_field_of_a_japanese_thunderbird_export_is_read(properties, encoding):
    r = parse_contact_csv(export(properties, encoding), "アドレス帳.csv")
    assert not r.errors
    (c,) = r.contacts
    assert (c.full_name, c.company, c.department, c.title) == (
        "山田 太郎",
        "株式会社山田製作所",  # 組織
        "営業部",  # 部門
        "課長",
    )
    assert (c.email, c.phone, c.fax, c.mobile) == (
        "taro@yamada-ss.example.jp",
        "052-123-4567",  # 勤務先の電話番号
        "052-123-4568",
        "090-1111-2222",
    )
    assert c.postal_code == "460-0008"
    assert c.address.startswith("愛知県名古屋市中区栄1-2-3") and "山田ビル5F" in c.address
    assert "自宅" not in c.address  # the home address is not the business card's
    assert c.url == "https://yamada-ss.example.jp"
    # what Genba does not use is said, not dropped silently
    (unused,) = [i for i in r.issues if i.code == "unknown_columns"]
    assert "番地 (自宅)" in unused.message and "別のメールアドレス" in unused.message
