import pytest

from importers.cards.validate import (
    is_mobile,
    normalize_email,
    normalize_phone,
    normalize_postal_code,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("052-111-2222", "052-111-2222"),
        ("０５２－１１１－２２２２", "052-111-2222"),
        ("052(111)2222", "052-111-2222"),
        ("0521112222", "052-111-2222"),
        ("03-1234-5678", "03-1234-5678"),
        ("0312345678", "03-1234-5678"),
        ("09011112222", "090-1111-2222"),
        ("080 1111 2222", "080-1111-2222"),
        ("+81-90-1111-2222", "090-1111-2222"),
        ("+81 (0)3 1234 5678", "03-1234-5678"),
        ("0120-123-456", "0120-123-456"),
        ("052-111-2222 (内線123)", "052-111-2222"),
        ("tel:+81-52-111-2222", "052-111-2222"),
        ("12345", None),
        ("052-111-222", None),
        ("090-1111-222", None),
        ("abc", None),
        ("", None),
    ],
)
def test_phone(value, expected):
    assert normalize_phone(value) == expected


def test_mobile():
    assert is_mobile("070-1234-5678") and not is_mobile("052-111-2222")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("〒460-0001", "460-0001"),
        ("4600001", "460-0001"),
        ("〒４６０－０００１", "460-0001"),
        ("460-001", None),
        ("abc", None),
    ],
)
def test_postal(value, expected):
    assert normalize_postal_code(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("aoki@sample-seiko.example.jp", "aoki@sample-seiko.example.jp"),
        (" ａｏｋｉ＠ｅｘａｍｐｌｅ．ｊｐ ", "aoki@example.jp"),
        ("mailto:a.b+c@x.co.jp", "a.b+c@x.co.jp"),
        ("aoki@@x.jp", None),
        ("aoki@x", None),
        ("青木@x.jp", None),
    ],
)
def test_email(value, expected):
    assert normalize_email(value) == expected
