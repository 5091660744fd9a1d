"""What a column's values say about it: dates, money, percentages, ranks, people, companies.

Headings are ambiguous (担当 is our rep in one template and the customer's person in another, 次回
is a date in one and a sentence in another); the cells below settle it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from importers.normalize.text import clean_cell, nfkc

SAMPLE = 40  # values looked at per column
_DATE = re.compile(
    r"^(?:\d{2,4}[/.\-年]\d{1,2}[/.\-月]\d{1,2}日?|\d{1,2}[/月]\d{1,2}日?|"
    r"(?:令和|平成|昭和|[RHS])\s*(?:\d{1,2}|元)[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?)"
    r"(?:\s*[(（][^)）]{1,3}[)）])?$"
)
_MONEY = re.compile(r"^[¥￥]?\s*[\d,，.]+\s*(?:円|千円|万円|万|億円|億|千)?$|^[¥￥]")
_PERCENT = re.compile(r"^\d{1,3}(?:\.\d+)?\s*[%％]$")
_RANK = re.compile(r"^(?:[◎○〇△×✕]|[A-Ea-e][+\-]?|[SＳ])$")
TITLE = re.compile(r"(様|さん|殿|課長|部長|係長|主任|次長|社長|専務|常務|取締役|工場長|所長|室長)$")
COMPANY = re.compile(r"株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲|工業|製作所|商事|精工|化成")


@dataclass
class ColumnContent:
    n: int = 0
    dates: int = 0
    money: int = 0  # numbers and amounts written with a unit
    percents: int = 0
    ranks: int = 0
    people: int = 0  # names carrying a title or 様
    companies: int = 0
    texts: int = 0  # longer free text
    known_reps: int = 0  # values that are the configured rep or a teammate

    def share(self, count: int) -> float:
        return count / self.n if self.n else 0.0


def column_content(values, reps: frozenset[str] = frozenset()) -> ColumnContent:
    content = ColumnContent()
    for value in values:
        if value in ("", None):
            continue
        content.n += 1
        if isinstance(value, dt.date | dt.datetime):
            content.dates += 1
            continue
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            if 0 <= value <= 1:
                content.percents += 1
            content.money += 1
            if 1 <= value <= 31 and value == int(value):
                content.dates += 1  # a bare day under a month sheet
            continue
        text = nfkc(clean_cell(value))
        if _DATE.match(text):
            content.dates += 1
        elif _PERCENT.match(text):
            content.percents += 1
        elif _MONEY.match(text):
            content.money += 1
        elif _RANK.match(text):
            content.ranks += 1
        if COMPANY.search(text):
            content.companies += 1
        elif TITLE.search(text) and len(text) <= 20:
            content.people += 1
        if len(text) > 20:
            content.texts += 1
        if text in reps or text.replace(" ", "") in reps:
            content.known_reps += 1
        if content.n >= SAMPLE:
            break
    return content


def adjust(scores: dict[str, int], heading_key: str, content: ColumnContent) -> dict[str, int]:
    """The heading's scores moved by what the column holds (empty columns: unchanged)."""
    if content.n == 0:
        return scores
    out = dict(scores)
    dates = content.share(content.dates)

    def move(name: str, delta: int) -> None:
        if name in out:
            out[name] += delta

    # 次回 as a date column is the due date; as text, the action itself.
    if "next_action" in out or "next_action_due" in out:
        best = max(out.get("next_action", 0), out.get("next_action_due", 0))
        if dates >= 0.6:
            out["next_action_due"] = best + 5
            move("next_action", -20)
        elif dates < 0.2 and "next_action_due" in out and heading_key not in ("期限", "期日"):
            out["next_action"] = best + 5
            out.pop("next_action_due", None)
    if "occurred_on" in out and content.n >= 3 and dates < 0.2:
        move("occurred_on", -40)  # a 日時 column holding times or words is not the visit date
    if "occurred_on" in out and dates >= 0.6:
        move("occurred_on", 10)
    if "amount" in out:
        move("amount", 10 if content.share(content.money) >= 0.5 else 0)
        if content.n >= 3 and content.share(content.texts) >= 0.5:
            move("amount", -40)
    if "probability" in out:
        share = content.share(content.percents + content.ranks)
        move("probability", 10 if share >= 0.5 else (-40 if content.share(content.texts) else 0))
    if content.share(content.companies) >= 0.5:
        move("company", 15)
    _rep_or_contact(out, content)
    return out


def _rep_or_contact(out: dict[str, int], content: ColumnContent) -> None:
    """担当/担当者: our rep when the values are the rep or a teammate, the customer's person when
    they carry a title or 様."""
    if "rep" not in out:
        return
    if content.share(content.known_reps) >= 0.5:
        out["rep"] += 20
        return
    if content.share(content.people) >= 0.5:
        out["contact"] = max(out.get("contact", 0), out["rep"] + 10)
        out["rep"] -= 40
