"""Which entities and fields sync: the allow-list shared by the local store and the server.

The local store's synced tables have exactly these columns plus ``id``. The server refuses any
entity or field not named here, so a forged request cannot write elsewhere.
"""

from __future__ import annotations

SYNCED_FIELDS: dict[str, tuple[str, ...]] = {
    "companies": ("name", "name_normalized", "name_kana", "deleted"),
    "contacts": (
        "company_id",
        "full_name",
        "full_name_kana",
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
    ),
    "reactions": ("note_id", "kind", "user", "created_at", "deleted"),
}

# What a business card says about a person: the contact fields without the bookkeeping ones.
CONTACT_DETAILS: tuple[str, ...] = tuple(
    f
    for f in SYNCED_FIELDS["contacts"]
    if f not in ("needs_review", "merged_into", "source_id", "deleted")
)

# Synced fields added after the first schema: their migration adds the column, so the first
# migration must not create it.
ADDED_FIELDS: dict[str, tuple[str, ...]] = {"activities": ("followup_state", "followup_date")}

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
    return field in SYNCED_FIELDS.get(entity, ())
