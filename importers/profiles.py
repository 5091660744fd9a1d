"""Saved profiles: a small TOML file per workbook template pins what auto-detection cannot guess.

Example (<data dir>/profiles/yamamoto.toml)::

    name = "山本さんの日報"
    match = ["営業日報*.xlsx"]        # file-name globs this profile applies to
    headings = ["日付", "お伺い先", "打合せの中身"]  # ... or any workbook with this heading row
    layout = "table"                  # or "form"
    header_row = 4                    # 1-based row of the column headings
    sheets = ["4月", "5月"]           # only these sheets (default: all)
    skip_sheets = ["集計"]
    fiscal_year = 2024                # or year = 2025
    rep = "山本"
    [columns]                         # heading text or column letter -> field
    "訪問先" = "company"
    "F" = "summary"
    [labels]                          # a form's label text (or any heading) as written -> field
    "お客様名" = "company"
    "打合せ内容" = "summary"
    [ranks]
    A = 80
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from importers.layout.headings import parse_heading
from importers.messages import join, msg
from importers.records import VISIT_FIELDS


class ProfileError(ValueError):
    """A profile file Genba cannot use; str() is the message for the rep."""


@dataclass
class Profile:
    name: str
    match: list[str] = field(default_factory=list)
    layout: str | None = None
    header_row: int | None = None  # 1-based, as the rep sees it in Excel
    sheets: list[str] = field(default_factory=list)
    skip_sheets: list[str] = field(default_factory=list)
    year: int | None = None
    fiscal_year: int | None = None
    rep: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    # Label text -> field for words the shipped synonyms do not know (a form's 「お客様名」);
    # they are recognised wherever a heading or label is looked for in the matched workbooks.
    labels: dict[str, str] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    # The heading row as written when the profile was saved: next month's or next year's file
    # of the same template matches by it, whatever its name.
    headings: list[str] = field(default_factory=list)
    path: Path | None = None

    def matches(self, filename: str) -> bool:
        return any(fnmatch.fnmatch(filename, pattern) for pattern in self.match)

    def matches_headings(self, rows: list[list], scan: int = 30) -> bool:
        """Whether one of the first ``scan`` rows holds this profile's heading row."""
        if len(self.headings) < 2:
            return False
        want = [heading_key(h) for h in self.headings]
        for row in rows[:scan]:
            got = [heading_key(v) for v in row if isinstance(v, str) and v.strip()]
            if got == want:
                return True
        return False

    def wants_sheet(self, sheet: str) -> bool:
        return (not self.sheets or sheet in self.sheets) and sheet not in self.skip_sheets


def load_profile(path: Path, *, lang: str | None = None) -> Profile:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(msg("bad_profile.unreadable", lang, path=path, reason=exc)) from exc
    known = set(Profile.__dataclass_fields__) - {"path"}
    unknown = set(data) - known
    if unknown:
        raise ProfileError(
            msg("bad_profile.unknown_keys", lang, path=path, keys=join(sorted(unknown), lang))
        )
    if isinstance(data.get("match"), str):
        data["match"] = [data["match"]]
    mapped = [*data.get("columns", {}).values(), *data.get("labels", {}).values()]
    bad = {f for f in mapped if f not in VISIT_FIELDS}
    if bad:
        raise ProfileError(
            msg(
                "bad_profile.unknown_fields",
                lang,
                path=path,
                fields=sorted(bad),
                known=", ".join(VISIT_FIELDS),
            )
        )
    if data.get("layout") not in (None, "table", "form"):
        raise ProfileError(msg("bad_profile.layout", lang, path=path))
    return Profile(name=data.pop("name", path.stem), path=path, **data)


def save_profile(profile: Profile, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = profile.path or directory / f"{_slug(profile.name)}.toml"
    data = {k: v for k, v in profile.__dict__.items() if k != "path" and v not in (None, [], {})}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(data), "utf-8")
    tmp.replace(path)
    profile.path = path
    return path


def profiles_in(directory: Path, *, lang: str | None = None) -> list[Profile]:
    if not directory.is_dir():
        return []
    return [load_profile(p, lang=lang) for p in sorted(directory.glob("*.toml"))]


def profile_for(filename: str, profiles: list[Profile]) -> Profile | None:
    return next((p for p in profiles if p.matches(filename)), None)


def profile_by_headings(rows: list[list], profiles: list[Profile]) -> Profile | None:
    """The first profile whose saved heading row stands in these rows (a sheet's first rows)."""
    return next((p for p in profiles if p.matches_headings(rows)), None)


# The part of a file name that changes from one month's file to the next: a year, a month, a
# date, written with 年/月/日/度 or separators (2025年10月, 2025-06-03, R7.4, 202506).
_CHANGING = re.compile(r"[0-9０-９]+(?:[年月日度._\-/ ]*[0-9０-９]+)*[年月日度]{0,2}")


def suggested_match(filename: str) -> str:
    """The file-name pattern the mapping wizard offers for a workbook: its dates and numbers
    become * (訪問記録_2025年10月.xlsx -> 訪問記録_*.xlsx), the rest is kept as written (with
    fnmatch's [ and ? escaped). A name that would be little more than * keeps its own name."""
    stem, dot, ext = filename.rpartition(".")
    if not dot:
        stem, ext = filename, ""
    literal = [_escape(part) for part in _CHANGING.split(stem)]
    pattern = "*".join(literal)
    pattern = re.sub(r"\*+", "*", pattern)
    if len(pattern.replace("*", "").strip(" _-.")) < 2:
        return _escape(filename)
    return pattern + (dot + _escape(ext) if dot else "")


def _escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "[?*" else ch for ch in text)


def heading_key(text: str) -> str:
    return parse_heading(text).key


def _slug(name: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
    return keep.strip("_") or "profile"
