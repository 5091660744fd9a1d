"""A voice memo's draft minutes beside what was said: the rep corrects the fields the
recognition got wrong and confirms (確定: an ordinary activity and its knowledge note) or
discards it (破棄: a tombstone). Both run on the app's writer thread."""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app.dialogs.activity import _date_edit, _iso, _set_date
from desktop.app.dialogs.fit import keep_on_screen
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import label, speak_buttons
from importers.voice.drafts import confirm_minutes, discard_draft, voice_memo


def _memo_and_customers(conn, activity_id: str) -> tuple[dict | None, list[tuple[str, str]]]:
    names = conn.execute("SELECT id, name FROM companies WHERE deleted = 0 ORDER BY name")
    return voice_memo(conn, activity_id), [(r[0], r[1]) for r in names]


class VoiceDraftDialog(InContextLanguage, QDialog):
    def __init__(self, ctx, activity_id: str, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        self.activity_id = activity_id
        self.row: dict | None = None
        self.outcome: str | None = None  # 'confirmed' or 'discarded' once written
        self.setWindowTitle(self.tr("Voice memo draft"))
        self.setMinimumWidth(860)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 18)
        self.heading = label("", "sectionTitle", wrap=True)
        lay.addWidget(self.heading)
        lay.addWidget(
            label(
                self.tr(
                    "Check what the recognition wrote against what was said, correct it, then confirm."
                ),
                "muted",
                wrap=True,
            )
        )
        side = QHBoxLayout()
        heard = QVBoxLayout()
        heard.addWidget(label(self.tr("What was said (transcript)"), "muted"))
        self.transcript = QPlainTextEdit()
        self.transcript.setReadOnly(True)
        heard.addWidget(self.transcript, 1)
        side.addLayout(heard, 1)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.date_edit = _date_edit()
        self.customer = QComboBox()
        self.customer.addItem(self.tr("(no customer)"), None)
        self.contact_edit = QLineEdit()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setFixedHeight(110)
        self.next_edit = QLineEdit()
        self.due_edit = _date_edit()
        self.amount_edit = QLineEdit()
        self.amount_edit.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.prob_edit = QSpinBox()
        self.prob_edit.setRange(-1, 100)
        self.prob_edit.setSpecialValueText("—")
        self.prob_edit.setSuffix("%")
        self.prob_edit.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        for text, w in (
            (self.tr("Date"), self.date_edit),
            (self.tr("Customer"), self.customer),
            (self.tr("Contact"), self.contact_edit),
            (self.tr("Summary"), self.summary_edit),
            (self.tr("Next action"), self.next_edit),
            (self.tr("Due"), self.due_edit),
            (self.tr("Amount (yen)"), self.amount_edit),
            (self.tr("Probability"), self.prob_edit),
        ):
            form.addRow(text, w)
        side.addWidget(fields, 1)
        lay.addLayout(side, 1)
        self.message = label("", "muted", wrap=True)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton(
            self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = self.buttons.addButton(
            self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        speak_buttons(self.buttons, ctx.language)
        self.confirm_button.clicked.connect(self.confirm)
        self.discard_button.clicked.connect(self.discard)
        self.buttons.rejected.connect(self.reject)
        self.confirm_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        lay.addWidget(self.buttons)
        keep_on_screen(self)
        ctx.read(lambda conn: _memo_and_customers(conn, activity_id), self._fill)

    def _fill(self, loaded) -> None:
        row, customers = loaded
        if row is None:
            self.heading.setText(self.tr("This voice memo no longer exists."))
            return
        self.row = row
        for cid, name in customers:
            self.customer.addItem(name, cid)
        self.heading.setText(" · ".join(filter(None, [row["filename"], row["occurred_on"]])))
        self.transcript.setPlainText(row["transcript"] or "")
        _set_date(self.date_edit, row["occurred_on"])
        self.customer.setCurrentIndex(max(0, self.customer.findData(row["company_id"])))
        self.contact_edit.setText(row["contact_name"] or "")
        self.summary_edit.setPlainText(row["summary"] or "")
        self.next_edit.setText(row["next_action"] or "")
        _set_date(self.due_edit, row["next_action_due"])
        self.amount_edit.setText("" if row["amount_jpy"] is None else str(row["amount_jpy"]))
        self.prob_edit.setValue(-1 if row["probability"] is None else row["probability"])
        self.confirm_button.setEnabled(True)
        self.discard_button.setEnabled(row["kind"] == "voice_draft")

    def changes(self) -> dict:
        """The fields the rep changed (a new customer drops the old customer's contact)."""
        if self.row is None:
            return {}
        amount = self.amount_edit.text().strip()
        values = {
            "occurred_on": _iso(self.date_edit),
            "company_id": self.customer.currentData(),
            "contact_name": self.contact_edit.text().strip() or None,
            "summary": self.summary_edit.toPlainText().strip() or None,
            "next_action": self.next_edit.text().strip() or None,
            "next_action_due": _iso(self.due_edit),
            "amount_jpy": int(amount) if amount else None,
            "probability": None if self.prob_edit.value() < 0 else self.prob_edit.value(),
        }
        changed = {k: v for k, v in values.items() if self.row.get(k) != v}
        if "company_id" in changed or "contact_name" in changed:
            changed["contact_id"] = None
        return changed

    def confirm(self) -> None:
        store, aid, changed = self.ctx.store, self.activity_id, self.changes()
        self._run(lambda: confirm_minutes(store, aid, changed), "confirmed")

    def discard(self) -> None:
        store, aid = self.ctx.store, self.activity_id
        self._run(lambda: discard_draft(store, aid), "discarded")

    def _run(self, fn, outcome: str) -> None:
        self.buttons.setEnabled(False)

        def done(_):
            self.outcome = outcome
            self.accept()

        def failed(exc):
            self.buttons.setEnabled(True)
            self.message.setText(
                self.tr(
                    "Could not save the voice memo ({0}). Close this window and try again."
                ).format(exc)
            )

        self.ctx.write(fn, done, failed)
