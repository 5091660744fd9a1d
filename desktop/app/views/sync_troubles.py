"""The Sync page's card of changes the server refused and received values held aside: how many,
which records in a rep's words (「山田製作所の訪問記録（2025/06/03）の金額：サーバーが受け付けません
でした — 数値が範囲外です」) and what the rep can do about each kind."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QListView

from desktop.app import fmt
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import Card, label


def _fill(text: str, *args: str) -> str:
    """Qt's %1 %2 placeholders, in one pass (a customer named 「%2工業」 stays as it is)."""
    return re.sub(r"%(\d)", lambda m: args[int(m.group(1)) - 1], text)


class TroublesCard(InContextLanguage, Card):
    """Hidden while there is nothing to show; ``show_troubles`` takes ``sync_troubles``' dict.
    ``ctx``: whose language it speaks (None: the application's)."""

    def __init__(self, parent=None, *, ctx=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        self.body.addWidget(label(self.tr("Not sent, or not received"), "sectionTitle"))
        self.summary_label = label("", "warnBadge", wrap=True)
        self.body.addWidget(self.summary_label)
        self.model = QStringListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(120)
        self.body.addWidget(self.list)
        self.refused_advice = label(
            self.tr(
                "Refused changes stay on this PC and are not sent again as they are. Correct the "
                "value (in Genba, or in your Excel report, then save it) and the corrected value "
                "is sent at the next sync."
            ),
            "muted",
            wrap=True,
        )
        self.held_advice = label(
            self.tr(
                "Held values changed nothing on this PC. A teammate's value could not be stored "
                "(or it is damaged on the server): tell your team lead or the server's "
                "administrator. `genba problems` lists the details."
            ),
            "muted",
            wrap=True,
        )
        self.body.addWidget(self.refused_advice)
        self.body.addWidget(self.held_advice)
        self.setVisible(False)

    def show_troubles(self, t: dict) -> None:
        refused, held = int(t.get("refused_total") or 0), int(t.get("held_total") or 0)
        self.setVisible(bool(refused or held))
        parts = []
        if refused:
            parts.append(self.tr("%n change(s) refused by the server", "", refused))
        if held:
            parts.append(self.tr("%n received value(s) held aside", "", held))
        self.summary_label.setText(self.tr(", ").join(parts))
        lines = [self.line(i) for i in (*t.get("refused", ()), *t.get("held", ()))]
        shown = len(t.get("refused", ())) + len(t.get("held", ()))
        if refused + held > shown:
            lines.append(
                self.tr("… and %n more (see `genba problems`)", "", refused + held - shown)
            )
        self.model.setStringList(lines)
        self.refused_advice.setVisible(bool(refused))
        self.held_advice.setVisible(bool(held))

    def line(self, item: dict) -> str:
        """One record, the way a rep names it, with what happened and why."""
        noun = self.noun(item["entity"])
        record = _fill(self.tr("%1's %2"), item["subject"], noun) if item.get("subject") else noun
        if item.get("on"):
            record = _fill(self.tr("%1 (%2)"), record, fmt.day(item["on"], weekday=False))
        what = self.field(item.get("field") or "")
        if what:
            record = _fill(self.tr("%1, %2"), record, what)
        reason = self.reason(item.get("code") or "", item.get("reason") or "")
        if item["kind"] == "refused":
            return _fill(self.tr("%1: the server did not accept it — %2"), record, reason)
        return _fill(self.tr("%1: a value from the team was not stored — %2"), record, reason)

    def noun(self, entity: str) -> str:
        return {
            "activities": self.tr("visit record"),
            "contacts": self.tr("contact"),
            "companies": self.tr("customer record"),
            "notes": self.tr("note"),
            "deals": self.tr("deal"),
            "attachments": self.tr("photo"),
            "reactions": self.tr("「helpful」 mark"),
        }.get(entity, self.tr("record"))

    def field(self, field: str) -> str:
        """The fields a rep writes, by the names of their report; bookkeeping ones unnamed."""
        return {
            "summary": self.tr("summary"),
            "purpose": self.tr("purpose"),
            "result": self.tr("result"),
            "next_action": self.tr("next action"),
            "amount_jpy": self.tr("amount"),
            "probability": self.tr("probability"),
            "insight": self.tr("insight"),
            "body": self.tr("text"),
            "name": self.tr("name"),
            "full_name": self.tr("name"),
            "email": self.tr("e-mail"),
            "phone": self.tr("phone"),
            "title": self.tr("title"),
            "occurred_on": self.tr("date"),
            "sha256": self.tr("attached file"),
        }.get(field, "")

    def reason(self, code: str, words: str) -> str:
        known = {
            "too_long": self.tr("the text is longer than the server accepts: shorten it"),
            "nul_character": self.tr("the text contains a broken control character (NUL)"),
            "out_of_range": self.tr("the number is outside what the field can hold"),
            "wrong_type": self.tr("the value has the wrong kind for the field"),
            "null_flag": self.tr("a field that may not be empty is empty"),
            "bad_sha256": self.tr("the attached file's identifier is damaged"),
            "bad_row_id": self.tr("the record's id is damaged"),
            "unknown_field": self.tr("the server does not know this field (update Genba)"),
            "private_note": self.tr("the note is private now: it stays on this PC"),
            "private_attachment": self.tr("the photo belongs to a private note"),
            "replica_of_another_user": self.tr(
                "this PC's sync id belongs to another user: tell your admin"
            ),
            "not_json": self.tr("the value is damaged on the server"),
        }
        return known.get(code) or words or self.tr("no reason given")
