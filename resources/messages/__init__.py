"""The message catalogue: every text a rep reads outside Qt's .ts files (import problems, the
command line, sync errors), in ``ja.toml`` and ``en.toml`` beside this module.

``msg(key, lang, **params)`` renders one template into a ``Message``: a ``str`` that remembers
its key and parameters. A problem is stored with both (``import_issues.message_key`` and
``params``, see ``to_json``) and ``render(key, params_json, lang)`` writes it again in whatever
language the rep has chosen when it is shown. The language is always passed in: this module
holds no language state (``None`` or an unknown name mean Japanese, the default).

This module sits below every layer (``sync`` uses it for its errors), so it imports nothing of
Genba's.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
HERE = Path(__file__).resolve().parent


@cache
def catalogue(lang: str) -> dict[str, str]:
    """key -> template of one language (read once per process)."""
    return tomllib.loads((HERE / f"{lang}.toml").read_text("utf-8"))


def normalize_language(value: object) -> str | None:
    """'ja', 'en' (also 'ja_JP.UTF-8', 'EN'), else None."""
    if not isinstance(value, str):
        return None
    lang = value.strip().lower()[:2]
    return lang if lang in LANGUAGES else None


class Message(str):
    """Rendered text that remembers the catalogue key and parameters it was made from, so it can
    be stored as code and parameters and shown later in another language."""

    key: str
    params: dict[str, object]

    def __new__(cls, text: str, key: str, params: dict[str, object]):
        self = super().__new__(cls, text)
        self.key, self.params = key, params
        return self

    def __reduce__(self):  # import outcomes travel pickled from the import process
        return (type(self), (str(self), self.key, self.params))

    def in_language(self, lang: str | None) -> str:
        try:
            return render(self.key, {k: _plain(v) for k, v in self.params.items()}, lang)
        except (KeyError, ValueError, TypeError):  # a key renamed since: the words as they were
            return str(self)


class Listing(Message):
    """A list of values as the language writes it: 'A、B' or 'A, B'."""

    def __new__(cls, items, lang: str | None):
        items = [i if isinstance(i, Message) else str(i) for i in items]
        self = super().__new__(cls, _join(items, lang), "", {})
        self.items = items
        return self

    def __reduce__(self):
        return (_listing, (str(self), self.items))

    def in_language(self, lang: str | None) -> str:
        return _join(self.items, lang)


def _listing(text: str, items: list) -> Listing:
    out = str.__new__(Listing, text)
    out.key, out.params, out.items = "", {}, items
    return out


def _join(items, lang: str | None) -> str:
    sep = "、" if (normalize_language(lang) or DEFAULT_LANGUAGE) == "ja" else ", "
    return sep.join(i.in_language(lang) if isinstance(i, Message) else str(i) for i in items)


_KEPT = (str, bool, int, float, type(None), dict)  # str covers Message and Listing


class _Params(dict):
    """Missing parameters stay visible as {name} instead of crashing an import."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def msg(key: str, lang: str | None = None, **params: object) -> Message:
    """The template ``key`` in ``lang`` (Japanese unless 'en'), filled with ``params``."""
    lang = normalize_language(lang) or DEFAULT_LANGUAGE
    template = catalogue(lang)[key]
    text = template.format_map(_Params(params))
    # An exception or a path is kept as its text: a Message crosses processes pickled, and not
    # every exception class can be rebuilt on the other side.
    kept = {k: v if isinstance(v, _KEPT) else str(v) for k, v in params.items()}
    return Message(text, key, kept)


def join(items, lang: str | None = None) -> Listing:
    return Listing(items, lang)


# --------------------------------------------------------------------------- stored form


def _plain(value: object) -> object:
    if isinstance(value, Listing):
        return {"$list": [_plain(i) for i in value.items]}
    if isinstance(value, Message):
        return {"$msg": value.key, "params": {k: _plain(v) for k, v in value.params.items()}}
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict) and ("$msg" in value or "$list" in value):
        return value  # already in the stored form
    return str(value)  # a path, an exception: its text, as it was said at import time


def to_json(message: object) -> tuple[str | None, str | None]:
    """(key, params as JSON) of a rendered message, or (None, None) for text not from here."""
    if not isinstance(message, Message) or isinstance(message, Listing) or not message.key:
        return None, None
    params = {k: _plain(v) for k, v in message.params.items()}
    return message.key, json.dumps(params, ensure_ascii=False)


def _revive(value: object, lang: str) -> object:
    if isinstance(value, dict) and "$list" in value:
        return _join([_revive(i, lang) for i in value["$list"]], lang)
    if isinstance(value, dict) and "$msg" in value:
        return render(value["$msg"], value.get("params") or {}, lang)
    return value


def render(key: str, params: str | dict | None, lang: str | None) -> str:
    """A stored message (key and JSON parameters) in ``lang``."""
    values = json.loads(params) if isinstance(params, str) else dict(params or {})
    lang = normalize_language(lang) or DEFAULT_LANGUAGE
    return str(msg(key, lang, **{k: _revive(v, lang) for k, v in values.items()}))


def shown(message: str, key: str | None, params: str | None, lang: str | None) -> str:
    """What to show for a stored problem: its key and parameters in ``lang``; the text stored at
    import time when it has none (recorded before 0010_issue_params) or its key is gone."""
    if not key or params is None:
        return message
    try:
        return render(key, params, lang)
    except (KeyError, ValueError, TypeError):  # a key renamed since, a damaged value
        return message


def in_language(text: object, lang: str | None) -> str:
    """``text`` written again in ``lang`` when it is a catalogue ``Message``; else as it is."""
    if isinstance(text, Message):
        return text.in_language(lang)
    return "" if text is None else str(text)


def to_stored(message: object) -> str | None:
    """One JSON value for a message kept outside import_issues (the last sync error)."""
    key, params = to_json(message)
    if key is None:
        return None
    return json.dumps({"key": key, "params": json.loads(params or "{}")}, ensure_ascii=False)


def from_stored(text: str, stored: str | None) -> str:
    """The ``Message`` ``to_stored`` kept (``text`` as it is when there is none)."""
    try:
        form = json.loads(stored) if stored else None
        return Message(text, form["key"], dict(form["params"])) if form else text
    except (ValueError, KeyError, TypeError):
        return text
