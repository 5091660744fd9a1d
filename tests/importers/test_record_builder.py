"""build_record: one visit's cells -> the activity's fields, issues and fingerprint.

Table-driven, on RawVisits built by hand: what each kind of cell becomes (dates, amounts with
units, probabilities, people with titles, extra columns), the field order the store keeps, and
that equal cells give equal fingerprints."""

from __future__ import annotations

import datetime as dt

import pytest

from importers.layout.context import YearContext, year_context
from importers.records import RawVisit
from importers.visit import build_record

FISCAL_2024_APRIL = year_context("4月", "2024年度_営業日報.xlsx", None)
FISCAL_2024_JANUARY = year_context("1月", "2024年度_営業日報.xlsx", None)
GUESSED = YearContext(None, None, None, None, dt.date(2025, 2, 10))

FIELD_ORDER = [
    "source_ref",
    "occurred_on_raw",
    "occurred_on",
    "rep",
    "company_name_raw",
    "contact_name",
    "contact_title",
    "purpose",
    "summary",
    "result",
    "next_action",
    "insight",
    "deal_title",
    "next_action_due_raw",
    "next_action_due",
    "amount_raw",
    "amount_jpy",
    "probability_raw",
    "probability",
    "extras",
]


def visit(context=FISCAL_2024_APRIL, multiplier=1, extras=(), uncached=(), **values) -> RawVisit:
    cells = {name: (value, f"4月!{chr(65 + i)}6") for i, (name, value) in enumerate(values.items())}
    return RawVisit(
        sheet="4月",
        ref="4月!B6",
        cells=cells,
        context=context,
        amount_multiplier=multiplier,
        uncached=frozenset(uncached),
        extras=tuple(extras),
    )


def build(v: RawVisit, ranks=None):
    return build_record(v, default_rep="設定の担当", ranks=ranks, lang="ja")


@pytest.mark.parametrize(
    ("cell", "context", "raw", "iso"),
    [
        (dt.date(2024, 4, 2), FISCAL_2024_APRIL, "2024-04-02", "2024-04-02"),
        (dt.datetime(2024, 4, 2, 10, 30), FISCAL_2024_APRIL, "2024-04-02 10:30", "2024-04-02"),
        (dt.datetime(2024, 4, 2), FISCAL_2024_APRIL, "2024-04-02", "2024-04-02"),
        (2, FISCAL_2024_APRIL, "2", "2024-04-02"),  # a bare day under a month sheet
        (15.0, FISCAL_2024_JANUARY, "15", "2025-01-15"),  # 年度: January is next year
        ("4/2", FISCAL_2024_APRIL, "4/2", "2024-04-02"),
        ("1/15", FISCAL_2024_JANUARY, "1/15", "2025-01-15"),
        ("2024年4月2日", FISCAL_2024_APRIL, "2024年4月2日", "2024-04-02"),
        (" 4/2 ", FISCAL_2024_APRIL, "4/2", "2024-04-02"),
        # no year anywhere: the file's date lends it; a month well after the file is last year
        ("2/1", GUESSED, "2/1", "2025-02-01"),
        ("12/20", GUESSED, "12/20", "2024-12-20"),
        (45383, GUESSED, "45383", "2024-04-01"),  # an Excel serial number
    ],
)
def test_visit_dates(cell, context, raw, iso):
    rec = build(visit(context, occurred_on=cell, company="A社"))
    assert rec.fields["occurred_on_raw"] == raw
    assert rec.fields["occurred_on"] == iso
    assert rec.issues == []


@pytest.mark.parametrize("cell", ["不明日", "2025/13/40", "abc"])
def test_bad_dates_empty_the_field_and_say_so(cell):
    rec = build(visit(occurred_on=cell, company="A社"))
    assert rec.fields["occurred_on"] is None
    assert [(i.code, i.location) for i in rec.issues] == [("bad_date", "4月!A6")]


@pytest.mark.parametrize(
    ("cell", "multiplier", "jpy"),
    [
        ("120万円", 1, 1_200_000),
        ("1,200", 1, 1200),
        ("¥30,000", 1, 30_000),
        ("12.5万円", 1, 125_000),
        ("3百万円", 1, 3_000_000),
        (120, 1000, 120_000),  # 金額（千円）: a plain number is scaled
        ("1,200", 1000, 1_200_000),
        ("120万円", 1000, 1_200_000),  # text naming its own unit is not
        (1.5, 1, 2),  # half away from zero
        (0, 1, 0),
    ],
)
def test_amounts(cell, multiplier, jpy):
    rec = build(visit(multiplier=multiplier, company="A社", amount=cell))
    assert rec.fields["amount_jpy"] == jpy
    assert rec.issues == []


def test_bad_amount_keeps_the_text():
    rec = build(visit(company="A社", amount="abc"))
    assert rec.fields["amount_raw"] == "abc" and rec.fields["amount_jpy"] is None
    assert [i.code for i in rec.issues] == ["bad_amount"]


@pytest.mark.parametrize(
    ("cell", "ranks", "probability"),
    [
        ("80%", None, 80),
        ("0%", None, 0),
        (0.3, None, 30),  # a percent-formatted cell
        (70, None, 70),
        ("A", {"A": 90, "B": 50}, 90),
        ("B", {"A": 90, "B": 50}, 50),
    ],
)
def test_probabilities(cell, ranks, probability):
    rec = build(visit(company="A社", probability=cell), ranks=ranks)
    assert rec.fields["probability"] == probability
    assert rec.issues == []


def test_bad_probability():
    rec = build(visit(company="A社", probability="高い"))
    assert rec.fields["probability_raw"] == "高い" and rec.fields["probability"] is None
    assert [i.code for i in rec.issues] == ["bad_probability"]


@pytest.mark.parametrize(
    ("cell", "name", "title"),
    [
        ("青木課長", "青木", "課長"),
        ("青木課長、石井主任", "青木、石井", "課長、主任"),
        ("田中部長・鈴木様", "田中、鈴木", "部長"),
        ("  青木 課長  ", "青木", "課長"),
        ("山田", "山田", None),
        ("佐藤さん", "佐藤", None),
    ],
)
def test_people_with_titles(cell, name, title):
    rec = build(visit(company="A社", contact=cell))
    assert (rec.fields["contact_name"], rec.fields["contact_title"]) == (name, title)


def test_next_action_due_from_its_cell_or_the_text():
    rec = build(visit(company="A社", next_action="再訪", next_action_due="4/20"))
    assert rec.fields["next_action_due"] == "2024-04-20"
    assert rec.fields["next_action_due_raw"] == "4/20"
    rec = build(visit(company="A社", next_action="4/25 再訪"))
    assert rec.fields["next_action_due"] == "2024-04-25"
    assert rec.fields["next_action_due_raw"] is None
    rec = build(visit(company="A社", next_action="見積提出"))
    assert rec.fields["next_action_due"] is None
    rec = build(visit(company="A社", next_action="再訪", next_action_due="未定日"))
    assert rec.fields["next_action_due"] is None
    assert [i.code for i in rec.issues] == ["bad_date"]


def test_fields_rep_company_and_their_order():
    rec = build(
        visit(
            occurred_on=dt.date(2024, 4, 2),
            company="株式会社サンプル精工",
            contact="青木課長",
            purpose="定期訪問",
            summary=" 治具の提案 ",
            result="好感触",
            insight="価格より納期",
        )
    )
    f = rec.fields
    assert list(f) == FIELD_ORDER
    assert f["source_ref"] == "4月!B6"
    assert f["rep"] == "設定の担当"
    assert f["company_name_raw"] == "株式会社サンプル精工"
    assert rec.company is not None and rec.company.normalized == "サンプル精工"
    assert f["summary"] == "治具の提案"
    assert f["deal_title"] is None and f["extras"] is None
    rec = build(visit(company="A社", rep="佐藤"))
    assert rec.fields["rep"] == "佐藤"
    assert build(visit(summary="x")).company is None


def test_extra_columns_are_kept_and_fingerprinted():
    plain = build(visit(company="A社", summary="x"))
    rec = build(
        visit(company="A社", summary="x", extras=[("備考", "メモ", "K"), ("競合", 12.0, "L")])
    )
    assert rec.fields["extras"] == (
        '[{"heading": "備考", "value": "メモ", "column": "K"}, '
        '{"heading": "競合", "value": "12", "column": "L"}]'
    )
    assert rec.fingerprint != plain.fingerprint


def test_formula_without_a_value_is_named_first():
    rec = build(visit(company="A社", amount="x", uncached=["4月!H6"]))
    assert [i.code for i in rec.issues] == ["formula_no_value", "bad_amount"]


def test_equal_cells_equal_fingerprints_wherever_they_stand():
    a = build(visit(company="A社", summary="x", amount="10万円"))
    b = RawVisit(
        "5月", "5月!C9", {"summary": ("x", "5月!E9"), "company": ("A社", "5月!B9")}, GUESSED
    )
    b.cells["amount"] = ("10万円", "5月!H9")
    assert build(b).fingerprint == a.fingerprint
    assert build(visit(company="A社", summary="y")).fingerprint != a.fingerprint
