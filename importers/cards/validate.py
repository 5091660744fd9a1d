"""Pattern checks for what a card carries: e-mail, phone numbers, postal codes.

Each ``normalize_*`` returns the canonical form, or None when the value does not fit. Phone
numbers and postal codes are checked by importers.normalize (phonenumbers for foreign numbers).
Parsed files (vCard, CSV) keep a value that fails with a warning (``check_contact``); OCR only
accepts values that fit, because a misread digit is worse than an empty field.
"""

from __future__ import annotations

import re

from importers.cards._text import nfkc
from importers.cards.model import CardContact, CardParseResult
from importers.normalize.phones import is_mobile, normalize_phone, phone_digits
from importers.normalize.postcodes import normalize_postal_code

__all__ = [
    "EMAIL_RE",
    "PHONE_CANDIDATE_RE",
    "POSTAL_RE",
    "check_contact",
    "country_region",
    "is_mobile",
    "normalize_email",
    "normalize_phone",
    "normalize_postal_code",
    "phone_digits",
]

EMAIL_RE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+\-']*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)
_EMAIL_FULL = re.compile(f"^{EMAIL_RE.pattern}$")
# something that may be a phone number inside a longer text (OCR line, 'TEL 052-111-2222')
PHONE_CANDIDATE_RE = re.compile(r"(?<![\d\-])(?:\+\s?81|0)[\d\-\s().]{8,16}\d(?![\d])")
POSTAL_RE = re.compile(r"(?<![\d\-])(\d{3})\s?-\s?(\d{4})(?![\d\-])")

# The country at the end of a foreign address -> its region, so that a number written without
# its country code ('(919) 555-0123' on a US card) is read as that country's.
_COUNTRIES = {
    "usa": "US", "us": "US", "u.s.a.": "US", "u.s.": "US", "united states": "US",
    "united states of america": "US", "アメリカ": "US", "米国": "US", "アメリカ合衆国": "US",
    "canada": "CA", "カナダ": "CA", "germany": "DE", "deutschland": "DE", "ドイツ": "DE",
    "united kingdom": "GB", "uk": "GB", "england": "GB", "イギリス": "GB", "英国": "GB",
    "france": "FR", "フランス": "FR", "china": "CN", "中国": "CN", "korea": "KR",
    "south korea": "KR", "韓国": "KR", "taiwan": "TW", "台湾": "TW", "singapore": "SG",
    "シンガポール": "SG", "thailand": "TH", "タイ": "TH", "vietnam": "VN", "viet nam": "VN",
    "ベトナム": "VN", "india": "IN", "インド": "IN", "mexico": "MX", "メキシコ": "MX",
    "australia": "AU", "オーストラリア": "AU", "italy": "IT", "イタリア": "IT",
    "netherlands": "NL", "オランダ": "NL", "switzerland": "CH", "スイス": "CH",
}  # fmt: skip


def country_region(address: str) -> str | None:
    """'…, Raleigh, NC 27613, USA' -> 'US'; None when no known country ends the address."""
    tail = nfkc(address or "").rsplit(",", 1)[-1].strip().lower().rstrip(".")
    return _COUNTRIES.get(tail) or _COUNTRIES.get(tail + ".")


def normalize_email(value: str) -> str | None:
    s = nfkc(value or "").strip().strip("<>").strip()
    if s.lower().startswith("mailto:"):
        s = s[7:]
    s = s.replace(" ", "")
    return s if _EMAIL_FULL.match(s) else None


_CHECKS = {  # field -> issue code; the label is the message field.<name>
    "email": "invalid_email",
    "phone": "invalid_phone",
    "mobile": "invalid_phone",
    "fax": "invalid_phone",
    "postal_code": "invalid_postal_code",
}


def _check(contact: CardContact, name: str, value: str) -> str | None:
    if name == "email":
        return normalize_email(value)
    if name == "postal_code":
        return normalize_postal_code(value, contact.address)
    return normalize_phone(value, country_region(contact.address))


def check_contact(contact: CardContact, result: CardParseResult, location: str) -> None:
    """Normalise the patterned fields of a parsed (not OCR'd) contact in place.

    A value that fails its pattern is kept as found (the rep may still want it), the contact is
    marked needs_review and a warning names the field.
    """
    from importers.messages import msg, place

    for name, code in _CHECKS.items():
        value = getattr(contact, name)
        if not value:
            continue
        good = _check(contact, name, value)
        if good is not None:
            setattr(contact, name, good)
            continue
        contact.needs_review = True
        result.add(
            location,
            "warning",
            code,
            msg(
                "invalid_contact_field",
                result.lang,
                place=place(location, result.lang),
                label=msg(f"field.{name}", result.lang),
                value=value,
            ),
        )
