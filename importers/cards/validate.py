"""Pattern checks for what a card carries: e-mail, Japanese phone numbers, postal codes.

Each ``normalize_*`` returns the canonical form, or None when the value does not fit the pattern.
Parsed files (vCard, CSV) keep a value that fails with a warning (``check_contact``); OCR only
accepts values that fit, because a misread digit is worse than an empty field.
"""

from __future__ import annotations

import re

from importers.cards._text import nfkc
from importers.cards.model import CardContact, CardParseResult

EMAIL_RE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+\-']*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)
_EMAIL_FULL = re.compile(f"^{EMAIL_RE.pattern}$")
# something that may be a phone number inside a longer text (OCR line, 'TEL 052-111-2222')
PHONE_CANDIDATE_RE = re.compile(r"(?<![\d\-])(?:\+\s?81|0)[\d\-\s().]{8,16}\d(?![\d])")
POSTAL_RE = re.compile(r"(?<![\d\-])(\d{3})\s?-\s?(\d{4})(?![\d\-])")
_POSTAL_FULL = re.compile(r"^(?:〒|T|郵便番号[:：]?)?\s*(\d{3})\s*-?\s*(\d{4})$")
_DASHES = re.compile(r"[\-‐‑‒–—―−ー－ｰ﹣]")
_EXT = re.compile(r"\s*(?:\(?\s*(?:内線|ext\.?|x)\s*\d+\s*\)?)$", re.IGNORECASE)
# numbers whose subscriber part makes them 11 digits long
_ELEVEN = ("090", "080", "070", "060", "050", "020", "0800")
_MOBILE = ("090", "080", "070", "060")
# two-digit area codes (Tokyo, Osaka); everything else defaults to 0XX-XXX-XXXX
_AREA2 = ("03", "06")


def normalize_email(value: str) -> str | None:
    s = nfkc(value or "").strip().strip("<>").strip()
    if s.lower().startswith("mailto:"):
        s = s[7:]
    s = s.replace(" ", "")
    return s if _EMAIL_FULL.match(s) else None


def phone_digits(value: str) -> str | None:
    """Domestic digits ('0521112222') of a Japanese phone number, or None if it is not one."""
    s = nfkc(value or "")
    if s.lower().startswith("tel:"):
        s = s[4:]
    s = _EXT.sub("", s)
    s = _DASHES.sub("-", s)
    if not re.fullmatch(r"[\d\-\s().+]+", s):
        return None
    digits = re.sub(r"\D", "", s)
    if s.lstrip().startswith("+"):
        if not digits.startswith("81"):
            return None
        digits = digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    elif s.lstrip().startswith("(0)") or not digits.startswith("0"):
        return None
    ok = len(digits) == 11 if digits.startswith(_ELEVEN) else len(digits) == 10
    return digits if ok else None


def normalize_phone(value: str) -> str | None:
    """'０５２（１１１）２２２２', '+81 52-111-2222', '0521112222' -> '052-111-2222'; None if not a
    Japanese number. Hyphenation as written is kept when it is plausible."""
    digits = phone_digits(value)
    if digits is None:
        return None
    written = _DASHES.sub("-", nfkc(value))
    written = re.sub(r"[()\s]+", "-", _EXT.sub("", written)).strip("-")
    groups = [g for g in written.split("-") if g]
    if (
        len(groups) == 3
        and all(g.isdigit() for g in groups)
        and "".join(groups) == digits
        and 2 <= len(groups[0]) <= 5
    ):
        return "-".join(groups)
    if digits.startswith(("0120", "0570", "0800")):
        head = 4
    elif digits.startswith(_ELEVEN):
        head = 3
    elif digits.startswith(_AREA2):
        head = 2
    else:
        head = 3
    return f"{digits[:head]}-{digits[head:-4]}-{digits[-4:]}"


def is_mobile(value: str) -> bool:
    digits = phone_digits(value)
    return bool(digits and digits.startswith(_MOBILE))


def normalize_postal_code(value: str) -> str | None:
    """'〒123-4567', '1234567', '１２３－４５６７' -> '123-4567'."""
    m = _POSTAL_FULL.match(_DASHES.sub("-", nfkc(value or "")))
    return f"{m.group(1)}-{m.group(2)}" if m else None


_CHECKS = {  # field -> (check, issue code); the label is the message field.<name>
    "email": (normalize_email, "invalid_email"),
    "phone": (normalize_phone, "invalid_phone"),
    "mobile": (normalize_phone, "invalid_phone"),
    "fax": (normalize_phone, "invalid_phone"),
    "postal_code": (normalize_postal_code, "invalid_postal_code"),
}


def check_contact(contact: CardContact, result: CardParseResult, location: str) -> None:
    """Normalise the patterned fields of a parsed (not OCR'd) contact in place.

    A value that fails its pattern is kept as found (the rep may still want it), the contact is
    marked needs_review and a warning names the field.
    """
    from importers.messages import msg, place

    for name, (check, code) in _CHECKS.items():
        value = getattr(contact, name)
        if not value:
            continue
        good = check(value)
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
