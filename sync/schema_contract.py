"""Which entities and fields sync: the allow-list shared by the local store and the server.

The local store's synced tables have exactly these columns plus ``id``. The server refuses any
entity or field not named here, so a forged request cannot write elsewhere.
"""

from __future__ import annotations

SYNCED_FIELDS: dict[str, tuple[str, ...]] = {
    "companies": ("name", "name_normalized", "name_kana", "name_kana_source", "deleted"),
    "contacts": (
        "company_id",
        "full_name",
        "full_name_kana",
        "full_name_kana_source",
        # 0009: the name in Latin letters (a vCard 4.0's romanised ALTID variant: 'Taro Yamada')
        "full_name_latin",
        "name_normalized",
        "title",
        "department",
        "email",
        "phone",
        "mobile",
        "fax",
        "postal_code",
        "address",
        "url",
        "needs_review",
        "merged_into",
        "source_id",
        "deleted",
    ),
    "activities": (
        "occurred_on",
        "occurred_on_raw",
        "rep",
        "company_id",
        "company_name_raw",
        "contact_name",
        "contact_title",
        "contact_id",
        "purpose",
        "summary",
        "result",
        "next_action",
        "next_action_due",
        "next_action_due_raw",
        "amount_jpy",
        "amount_raw",
        "probability",
        "probability_raw",
        "deal_title",
        "insight",
        "source_id",
        "source_ref",
        "deleted",
        # the columns of the rep's report Genba could not place, as JSON:
        # [{"heading": "競合", "value": "A社", "column": "H"}, …] (the row is source_ref's)
        "extras",
        # 0005: what the activity is ('mail'; NULL: a visit from a daily report), a mail's
        # direction ('sent' | 'received') and the Message-ID of its thread's first mail
        "kind",
        "direction",
        "thread_id",
        # The rep's answer to the visit's follow-up on Today: 'done', 'dismissed' or 'snoozed';
        # followup_date is the snooze's date, or the due date that was done or dismissed (a new
        # due date written in the report brings the follow-up back).
        "followup_state",
        "followup_date",
    ),
    "deals": (
        "company_id",
        "title",
        "stage",
        "amount_jpy",
        "probability",
        "expected_close",
        "owner",
        "deleted",
    ),
    "notes": (
        "company_id",
        "contact_id",
        "activity_id",
        "category",
        "body",
        "author",
        "visibility",
        "source_ref",
        "created_at",
        "deleted",
    ),
    "attachments": (
        "sha256",
        "filename",
        "mime",
        "size",
        "entity",
        "entity_id",
        "taken_on",
        "deleted",
        "ocr_text",  # 0005: the printed text read on a memo photo (a suggestion the rep corrects)
    ),
    "reactions": ("note_id", "kind", "user", "created_at", "deleted"),
}

# What a business card says about a person: the contact fields without the bookkeeping ones.
CONTACT_DETAILS: tuple[str, ...] = tuple(
    f
    for f in SYNCED_FIELDS["contacts"]
    if f not in ("needs_review", "merged_into", "source_id", "deleted", "full_name_kana_source")
)

# Where a reading (よみ) came from: 'card' (the file said it), 'derived' (importers.normalize.
# readings), 'manual' (typed in the app). NULL beside a reading: an older Genba or a teammate
# set it — treated as set by hand, so never replaced by a derived one.
READING_SOURCES = ("card", "derived", "manual")

INTEGER_FIELDS = {
    "deleted",
    "needs_review",
    "amount_jpy",
    "probability",
    "size",
}

# Rows whose visibility is one of these never leave the laptop.
PRIVATE_VISIBILITY = "private"


def is_synced(entity: str, field: str) -> bool:
    """A field the sync protocol carries (the allow-list above)."""
    return field in SYNCED_FIELDS.get(entity, ())
