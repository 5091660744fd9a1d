"""A push body, checked: its shape as a whole (pydantic, from the JSON bytes), then each change
alone, so one bad value is refused by itself and the rest of the batch goes through.

A refused change comes back in the push response's ``rejected`` list with a code and a reason;
the client keeps it, shows it to the rep and never sends it again.
"""

from __future__ import annotations

from typing import Annotated, Any, NotRequired

from fastapi.exceptions import RequestValidationError
from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    with_config,
)
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from sync.server.errors import ApiError
from sync.server.settings import ServerSettings
from sync.values import PROBLEMS, problem

# ASCII digits only: fixed width, so string order is time order (the server relies on it).
HLC_PATTERN = r"^[0-9]{15}\.[0-9]{5}$"

# Any JSON scalar gets through the shape check (an integer of any size too): what a field may
# hold is decided per change below, so a 2**64 refuses that change, not the push.
Value = (
    StrictBool | StrictInt | Annotated[float, Field(strict=True, allow_inf_nan=False)] | str | None
)


@with_config(ConfigDict(extra="forbid"))
class ChangeIn(TypedDict):
    """One field change, validated as a plain dict (a TypedDict, straight from the JSON bytes):
    a push carries thousands, and model instances would cost more than the database work."""

    change_id: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    entity: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    row_id: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    field: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    value: NotRequired[Value]
    hlc: Annotated[str, StringConstraints(pattern=HLC_PATTERN)]
    site: Annotated[str, StringConstraints(min_length=1, max_length=64)]


@with_config(ConfigDict(extra="forbid"))
class PushRequest(TypedDict):
    changes: list[ChangeIn]


PUSH_REQUEST = TypeAdapter(PushRequest)

MORE = {
    "replica_of_another_user": "this replica id belongs to another user",
    "private_note": "the note is private: only its author's laptops keep it",
    "private_attachment": "the attachment belongs to a private note: it never leaves its laptop",
}


def _invalid(errors: list[dict[str, Any]]) -> RequestValidationError:
    return RequestValidationError([{**e, "loc": ("body", *e.get("loc", ()))} for e in errors[:20]])


def reject(change: dict[str, Any], code: str) -> dict[str, str]:
    return {
        "change_id": change["change_id"],
        "code": code,
        "message": PROBLEMS.get(code) or MORE.get(code, code),
    }


def parse_push(
    body: bytes, settings: ServerSettings
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """(changes to merge, changes refused one by one)."""
    try:
        changes = PUSH_REQUEST.validate_json(body)["changes"]
    except ValidationError as exc:
        raise _invalid(exc.errors(include_url=False, include_input=False)) from None
    if len(changes) > settings.max_push_changes:
        raise ApiError(
            413,
            "too_many_changes",
            f"At most {settings.max_push_changes} changes per push.",
            max_changes=settings.max_push_changes,
        )
    max_chars = settings.max_value_chars
    good, refused = [], []
    for c in changes:
        code = problem(c["entity"], c["row_id"], c["field"], c.get("value"), max_chars=max_chars)
        if code is None:
            good.append(c)
        else:
            refused.append(reject(c, code))
    return good, refused
