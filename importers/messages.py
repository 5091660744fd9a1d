"""The importers' words: problems (``issue``, ``fail``) and command-line lines, from the one
message catalogue in ``resources/messages`` (``ja.toml``, ``en.toml``).

``msg(key, lang, **params)`` renders one template. A key is an issue code ('bad_date'), or a code
and a variant ('truncated.zip'): ``code_of(key)`` is what ``Issue.code`` stores, so codes stay
stable whatever the wording. ``issue(...)`` and ``fail(...)`` build an ``Issue`` / an
``ImportFailed`` from a key; their message is a ``resources.messages.Message``, which remembers
its key and parameters, so ``import_issues`` stores both and the app and ``genba problems`` show
a problem in the language chosen when it is read (``shown``), not when it was imported.

The language is never global state: callers pass ``lang``; ``None`` means ``default_language()``
— ``GENBA_LANG``, else the data dir's ``language`` setting (when a data dir is given), else 'ja'.
"""

from __future__ import annotations

import calendar
import os
import re
from pathlib import Path

from importers.issues import ImportFailed, Issue
from resources import messages as catalogue
from resources.messages import DEFAULT_LANGUAGE, LANGUAGES, Message, normalize_language, shown

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Message", "normalize_language", "shown"]

# key -> (Japanese, English), read from the catalogue: for code that asks whether a key exists.
MESSAGES: dict[str, tuple[str, str]] = {
    key: (ja, catalogue.catalogue("en").get(key, ""))
    for key, ja in catalogue.catalogue("ja").items()
}


# --------------------------------------------------------------------------- language


def cli_language(settings=None) -> str:
    """The language of a command's output: GENBA_LANG, else the effective ``language`` setting
    (``importers.settings.Settings``), else Japanese."""
    return (
        normalize_language(os.environ.get("GENBA_LANG"))
        or normalize_language(getattr(settings, "language", None))
        or DEFAULT_LANGUAGE
    )


def default_language(data_dir: Path | str | None = None) -> str:
    """GENBA_LANG, else the ``language`` setting of ``data_dir`` (when given), else 'ja'."""
    env = normalize_language(os.environ.get("GENBA_LANG"))
    if env:
        return env
    if data_dir is not None:
        try:
            from importers.managed_settings import ManagedConfig

            lang = normalize_language(ManagedConfig(Path(data_dir)).settings().language)
        except Exception:  # a broken settings file must not stop an import
            lang = None
        if lang:
            return lang
    return DEFAULT_LANGUAGE


def resolve(lang: str | None, data_dir: Path | str | None = None) -> str:
    """``lang`` if it names a known language, else ``default_language(data_dir)``."""
    return normalize_language(lang) or default_language(data_dir)


# --------------------------------------------------------------------------- rendering


def msg(key: str, lang: str | None = None, **params: object) -> Message:
    """The template ``key`` in ``lang`` (see ``resolve``), filled with ``params``."""
    return catalogue.msg(key, resolve(lang), **params)


def code_of(key: str) -> str:
    """The stable issue code of a message key: 'truncated.zip' -> 'truncated'."""
    return key.split(".", 1)[0]


def issue(
    severity: str, key: str, lang: str | None, location: str | None = None, **params: object
) -> Issue:
    return Issue(severity, code_of(key), msg(key, lang, **params), location)


def fail(key: str, lang: str | None, location: str | None = None, **params: object) -> ImportFailed:
    """An ImportFailed to raise: ``raise fail('empty', lang)``."""
    return ImportFailed(code_of(key), msg(key, lang, **params), location)


def join(items, lang: str | None) -> str:
    """A list as the language writes it: 'A、B' or 'A, B' (written again in another language
    when the problem it is part of is shown later)."""
    return catalogue.join(items, resolve(lang))


_CSV_ROW = re.compile(r"^(?P<file>.+)!row (?P<row>\d+)$")
_CARD_NO = re.compile(r"^(?P<file>.+)#(?P<n>\d+)$")


def place(ref: str, lang: str | None) -> str:
    """A card location for a sentence: 'x.csv!row 3' -> 'x.csv の3行目' in Japanese."""
    m = _CSV_ROW.match(ref)
    if m:
        return msg("place.csv_row", lang, file=m["file"], row=m["row"])
    m = _CARD_NO.match(ref)
    if m:
        return msg("place.card", lang, file=m["file"], n=m["n"])
    return ref


# --------------------------------------------------------------------------- normaliser reasons

# A normaliser says why in English for the log (DateParseError & co.); these patterns find which
# catalogue reason it is, and its parameters.
_MONTHS = {name: str(i) for i, name in enumerate(calendar.month_name) if name}


def _none(_m: re.Match[str]) -> dict[str, object]:
    return {}


_REASONS: list[tuple[re.Pattern[str], str, object]] = [
    (re.compile(r"is not a real date \(month (\d+)\)$"), "no_month", lambda m: {"month": m[1]}),
    (
        re.compile(r"is not a real date \(day (\d+); (\w+) (\d+) has (\d+) days\)$"),
        "no_day",
        lambda m: {"year": m[3], "month": _MONTHS.get(m[2], m[2]), "days": m[4]},
    ),
    (re.compile(r"is not a real date \((\S+) year 0\)$"), "era_year_0", lambda m: {"era": m[1]}),
    (
        re.compile(r"is before the (\S+) era began \((\d+)-(\d+)-(\d+)\)$"),
        "before_era",
        lambda m: {"era": m[1], "year": int(m[2]), "month": int(m[3]), "day": int(m[4])},
    ),
    (
        re.compile(r"is not a plausible date \(year (-?\d+)\)$"),
        "implausible_year",
        lambda m: {"year": m[1]},
    ),
    (re.compile(r"has no year \("), "no_year", _none),
    (re.compile(r"is not a date I can read$"), "unreadable_date", _none),
    (re.compile(r"^serial 60 is 1900-02-29"), "serial_60", _none),
    (re.compile(r"is not a date serial number in 1900\.\.2200$"), "serial_range", _none),
    (re.compile(r"is not a date serial number$"), "not_serial", _none),
    (re.compile(r"is not a date$"), "not_date", _none),
    (re.compile(r"is too large to be an amount$"), "amount_too_large", _none),
    (re.compile(r"is not an amount$"), "not_amount", _none),
    (re.compile(r"is not a probability between 0% and 100%$"), "probability_range", _none),
    (re.compile(r"is not a probability or a known rank$"), "probability_rank", _none),
    (re.compile(r"is not a probability$"), "not_probability", _none),
]
_FALLBACK = {
    "DateParseError": "unreadable_date",
    "AmountParseError": "amount",
    "ProbabilityParseError": "probability",
}


def reason(exc: BaseException, lang: str | None) -> str:
    """Why a normaliser refused a cell (DateParseError & co.), in the rep's language."""
    text = str(exc)
    for pattern, key, params in _REASONS:
        m = pattern.search(text)
        if m:
            return msg(f"reason.{key}", lang, **params(m))  # type: ignore[operator]
    return msg(f"reason.{_FALLBACK.get(type(exc).__name__, 'other')}", lang)
