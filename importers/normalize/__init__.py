"""Cell-level normalisers for daily-report imports: text, dates, amounts, probability, names."""

from importers.normalize.amounts import AmountParseError, parse_amount
from importers.normalize.companies import CompanyName, normalize_company
from importers.normalize.dates import (
    DateParseError,
    find_date_prefix,
    fiscal_year_from_name,
    month_day_from_sheet_name,
    month_from_sheet_name,
    parse_date,
    year_from_name,
)
from importers.normalize.people import PersonName, split_people, split_person
from importers.normalize.probability import (
    DEFAULT_RANKS,
    ProbabilityParseError,
    parse_probability,
)
from importers.normalize.text import clean_cell, nfkc

__all__ = [
    "DEFAULT_RANKS",
    "AmountParseError",
    "CompanyName",
    "DateParseError",
    "PersonName",
    "ProbabilityParseError",
    "clean_cell",
    "find_date_prefix",
    "fiscal_year_from_name",
    "month_day_from_sheet_name",
    "month_from_sheet_name",
    "nfkc",
    "normalize_company",
    "parse_amount",
    "parse_date",
    "parse_probability",
    "split_people",
    "split_person",
    "year_from_name",
]
