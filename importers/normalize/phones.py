"""Phone numbers: Japanese ones in the form Japanese reps write them, foreign ones validated by
phonenumbers (Google's libphonenumber metadata, every region) and written internationally.

Japanese numbers keep their own rules (hyphenation as written when it is plausible, 0120 / 0570 /
0800 free-dial heads, 11-digit mobile and IP numbers) because that is how a rep reads them on a
card; everything else is checked and formatted by phonenumbers.
"""

from __future__ import annotations

import re

from importers.normalize.text import nfkc

_DASHES = re.compile(r"[\-‐‑‒–—―−ー－ｰ﹣]")
_EXT = re.compile(r"\s*(?:\(?\s*(?:内線|ext\.?|x)\s*\d+\s*\)?)$", re.IGNORECASE)
# numbers whose subscriber part makes them 11 digits long
_ELEVEN = ("090", "080", "070", "060", "050", "020", "0800")
_MOBILE = ("090", "080", "070", "060")
_FREE_DIAL = ("0120", "0570", "0800")


def _clean(value: str) -> str:
    s = nfkc(value or "")
    if s.lower().startswith("tel:"):
        s = s[4:]
    return _DASHES.sub("-", _EXT.sub("", s)).strip()


def phone_digits(value: str) -> str | None:
    """Domestic digits ('0521112222') of a Japanese phone number, or None if it is not one."""
    s = _clean(value)
    if not re.fullmatch(r"[\d\-\s().+]+", s):
        return None
    digits = re.sub(r"\D", "", s)
    if s.startswith("+"):
        if not digits.startswith("81"):
            return None
        digits = digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    elif s.startswith("(0)") or not digits.startswith("0"):
        return None
    ok = len(digits) == 11 if digits.startswith(_ELEVEN) else len(digits) == 10
    return digits if ok else None


def _japanese(value: str, digits: str) -> str:
    written = re.sub(r"[()\s]+", "-", _clean(value)).strip("-")
    groups = [g for g in written.split("-") if g]
    if (
        len(groups) == 3
        and all(g.isdigit() for g in groups)
        and "".join(groups) == digits
        and 2 <= len(groups[0]) <= 5
    ):
        return "-".join(groups)
    import phonenumbers

    # libphonenumber knows the Japanese area-code lengths (03, 052, 0466, 04992 ...) and the
    # free-dial groups (0120-123-456)
    number = phonenumbers.parse(digits, "JP")
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if digits.startswith(_FREE_DIAL):  # 0800 numbers it does not list
        return f"{digits[:4]}-{digits[4:-4]}-{digits[-4:]}"
    head = 3 if digits.startswith(_ELEVEN) else 2 if digits.startswith(("03", "06")) else 3
    return f"{digits[:head]}-{digits[head:-4]}-{digits[-4:]}"


def _foreign(value: str, region: str | None):
    import phonenumbers

    s = _clean(value)
    if not re.fullmatch(r"[\d\-\s().+/]+", s):
        return None
    if s.startswith("00"):  # the international prefix as most of the world dials it
        s = "+" + s[2:]
    try:
        number = phonenumbers.parse(s, None if s.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalize_phone(value: str, region: str | None = None) -> str | None:
    """'０５２（１１１）２２２２', '+81 52-111-2222' -> '052-111-2222'; '+1 919-555-0123',
    '+49 30 901820' -> the international form; None when it is no valid number.

    ``region`` (ISO 3166 code, e.g. 'US') reads a number written without its country code as
    one of that region's; without it such a number must be Japanese."""
    digits = phone_digits(value)
    if digits is not None:
        return _japanese(value, digits)
    number = _foreign(value, region if region and region != "JP" else None)
    if number is None:
        return None
    import phonenumbers

    if number.country_code == 81:
        return _japanese(value, "0" + str(number.national_number))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_mobile(value: str) -> bool:
    digits = phone_digits(value)
    if digits is not None:
        return digits.startswith(_MOBILE)
    number = _foreign(value, None)
    if number is None:
        return False
    import phonenumbers

    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
