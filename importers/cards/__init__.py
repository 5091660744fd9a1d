"""Business cards: vCard, contact CSV exports and card images, read into CardContact records.

The readers load on first use (PEP 562): a report import reaches this package only for
``importers.cards.linking`` and ``merge``, and the OCR, CSV and vCard readers cost it ~20 ms of
start-up it never uses."""

from importlib import import_module

_WHERE = {
    "CardContact": "importers.cards.model",
    "CardIssue": "importers.cards.model",
    "CardParseResult": "importers.cards.model",
    "check_card_size": "importers.cards.detect",
    "ocr_card_image": "importers.cards.ocr",
    "parse_card_file": "importers.cards.detect",
    "parse_contact_csv": "importers.cards.csv_contacts",
    "parse_vcards": "importers.cards.vcard",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
