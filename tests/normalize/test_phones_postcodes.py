"""Phone numbers of every region (phonenumbers) with Japanese formatting kept, and postcodes."""

import pytest

from importers.normalize.phones import is_mobile, normalize_phone
from importers.normalize.postcodes import normalize_postal_code


@pytest.mark.parametrize(
    ("value", "region", "expected"),
    [
        # Japanese numbers: written as Japanese reps write them
        ("052-111-2222", None, "052-111-2222"),
        ("0422-12-3456", None, "0422-12-3456"),
        ("0466123456", None, "0466-12-3456"),  # area-code length from libphonenumber
        ("0992123456", None, "099-212-3456"),
        ("0312345678", None, "03-1234-5678"),
        ("+81 3 1234 5678", None, "03-1234-5678"),
        ("0081-52-111-2222", None, "052-111-2222"),
        ("0120123456", None, "0120-123-456"),
        # foreign numbers: validated for their country, written internationally
        ("+1-919-555-0123", None, "+1 919-555-0123"),
        ("+1 (416) 555-0199", None, "+1 416-555-0199"),
        ("+49 30 901820", None, "+49 30 901820"),
        ("+44 20 7946 0958", None, "+44 20 7946 0958"),
        ("+86 10 6552 9988", None, "+86 10 6552 9988"),
        ("+66 2 123 4567", None, "+66 2 123 4567"),
        ("0049 30 901820", None, "+49 30 901820"),
        ("(919) 555-0123", "US", "+1 919-555-0123"),  # the address says USA
        ("030 901820", "DE", "+49 30 901820"),
        # not numbers
        ("(919) 555-0123", None, None),  # without a country it would have to be Japanese
        ("+1 555", None, None),
        ("+49 12", None, None),
        ("12345", None, None),
        ("TEL", None, None),
    ],
)
def test_phone(value, region, expected):
    assert normalize_phone(value, region) == expected


def test_mobile_in_any_region():
    assert is_mobile("090-1234-5678") and is_mobile("+49 151 23456789")
    assert not is_mobile("+49 30 901820") and not is_mobile("052-111-2222")


@pytest.mark.parametrize(
    ("value", "address", "expected"),
    [
        ("〒460-0001", "", "460-0001"),
        ("4600001", "愛知県名古屋市", "460-0001"),
        ("27613-3502", "100 Main St, Raleigh, NC, USA", "27613-3502"),
        ("27613", "", "27613"),
        ("l3y 4a1", "1 King St, Newmarket, ON, Canada", "L3Y 4A1"),
        ("SW1A 1AA", "London, United Kingdom", "SW1A 1AA"),
        ("1012 AB", "Amsterdam, Netherlands", "1012 AB"),
        ("10115", "Berlin, Germany", "10115"),
        ("00-950", "Warszawa, Poland", "00-950"),
        ("27613", "愛知県名古屋市中区", None),  # a Japanese address needs a Japanese code
        ("460-001", "", None),
        ("abc", "", None),
    ],
)
def test_postcode(value, address, expected):
    assert normalize_postal_code(value, address) == expected
