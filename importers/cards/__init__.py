"""Business cards: vCard, contact CSV exports and card images, read into CardContact records."""

from importers.cards.csv_contacts import parse_contact_csv
from importers.cards.detect import check_card_size, parse_card_file
from importers.cards.model import CardContact, CardIssue, CardParseResult
from importers.cards.ocr import ocr_card_image
from importers.cards.vcard import parse_vcards

__all__ = [
    "CardContact",
    "CardIssue",
    "CardParseResult",
    "check_card_size",
    "ocr_card_image",
    "parse_card_file",
    "parse_contact_csv",
    "parse_vcards",
]
