"""A transcript turned into draft minutes (議事録): what was said, the next action and its due
day (relative to the recording's day: 「来週金曜日までに」), amounts and probabilities read with
the report normalisers (importers.normalize)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from importers.normalize.amounts import AmountParseError, parse_amount
from importers.normalize.probability import ProbabilityParseError, parse_probability

WEEKDAYS = "月火水木金土日"
_WEEKDAY = r"([月火水木金土日])曜(?:日)?"
_DUE = re.compile(
    rf"(再来週|来週|今週)?\s*{_WEEKDAY}|(明後日|あさって|明日|あした)|(来月末|今月末|月末)|"
    r"(\d{1,2})月(\d{1,2})日|(\d+)\s*(日|週間)後"
)
_AMOUNT = re.compile(r"(\d[\d,，.]*\s*(?:億|万|千)?\s*(?:\d[\d,，.]*\s*(?:万|千))?\s*円)")
_PERCENT = re.compile(r"(\d{1,3})\s*(?:%|％|パーセント)")
_ACTION = re.compile(r"までに|予定|します|いたします|お送り|提出|送付|連絡|訪問")


_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(
    r"[〇一二三四五六七八九十百千]+(?=\s*(?:万|億|円|パーセント|%|％|週間|日後))"
)


def kanji_numbers(text: str) -> str:
    """Kanji numerals before a unit as digits (百二十万円 -> 120万円, 七十パーセント -> 70パーセント):
    recognition writes either."""

    def value(m: re.Match[str]) -> str:
        total, digit = 0, 0
        for c in m.group(0):
            if c in _KANJI_DIGITS:
                digit = digit * 10 + _KANJI_DIGITS[c]
            else:
                total += (digit or 1) * _KANJI_UNITS[c]
                digit = 0
        return str(total + digit)

    return _KANJI_NUMBER.sub(value, text)


@dataclass
class Minutes:
    summary: str  # the transcript, one sentence a line
    next_action: str | None = None
    next_action_due: dt.date | None = None
    next_action_due_raw: str | None = None
    amount_jpy: int | None = None
    amount_raw: str | None = None
    probability: int | None = None
    probability_raw: str | None = None


def sentences(text: str) -> list[str]:
    return [s.strip() + "。" for s in re.split(r"[。！？!?]\s*", text) if s.strip()]


def due_date(phrase: re.Match[str], day: dt.date) -> dt.date | None:
    """The day a due phrase means, said on ``day`` (weeks start on Monday)."""
    week, weekday, near, month_end, month, mday, count, unit = phrase.groups()
    if weekday:
        target = WEEKDAYS.index(weekday)
        monday = day - dt.timedelta(days=day.weekday())
        if week in ("来週", "再来週"):
            return monday + dt.timedelta(weeks=1 if week == "来週" else 2, days=target)
        if week == "今週":
            return monday + dt.timedelta(days=target)
        ahead = (target - day.weekday()) % 7 or 7  # a bare 金曜日: the next one
        return day + dt.timedelta(days=ahead)
    if near:
        return day + dt.timedelta(days=2 if near in ("明後日", "あさって") else 1)
    if month_end:
        first = day.replace(day=1)
        if month_end == "来月末":
            first = (first + dt.timedelta(days=32)).replace(day=1)
        return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if month:
        try:
            when = dt.date(day.year, int(month), int(mday))
        except ValueError:
            return None
        return when if when >= day else when.replace(year=day.year + 1)
    n = int(count)
    return day + dt.timedelta(days=n if unit == "日" else 7 * n)


def draft_minutes(transcript: str, day: dt.date) -> Minutes:
    text = kanji_numbers(unicodedata.normalize("NFKC", transcript))
    said = sentences(text)
    m = Minutes("\n".join(said))
    for s in said:
        phrase = _DUE.search(s)
        if phrase and _ACTION.search(s):
            m.next_action, m.next_action_due_raw = s, phrase.group(0)
            m.next_action_due = due_date(phrase, day)
            break
    for found in _AMOUNT.finditer(text):
        try:
            m.amount_jpy = parse_amount(found.group(1).replace(" ", ""))
        except AmountParseError:
            continue
        m.amount_raw = found.group(1)
        break
    for found in _PERCENT.finditer(text):
        try:
            m.probability = parse_probability(f"{found.group(1)}%")
        except ProbabilityParseError:
            continue
        m.probability_raw = found.group(0)
        break
    return m
