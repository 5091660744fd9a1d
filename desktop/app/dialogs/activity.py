"""The activity editor: fields edited here go through the store, so they sync and a re-import
of the unchanged row does not overwrite them (design rule 5)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
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

from desktop.app.data import edits
from desktop.app.data.activities import activity
from desktop.app.dialogs.fit import keep_on_screen, scrolling
from desktop.app.i18n import InContextLanguage
from desktop.app.pictures import Picture, attach_pictures, memo_name, problem_text
from desktop.app.widgets import label, speak_buttons
from importers.extras import extras_text
from importers.messages import msg
from importers.voice.drafts import CONFIRMED, voice_memo

NO_DATE = QDate(2000, 1, 1)


class _OpenAtToday(QObject):
    """An empty date's calendar opens at this month, not at 2000年1月 (the "no date" value)."""

    def __init__(self, edit: QDateEdit):
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and self.edit.date() == NO_DATE:
            today = QDate.currentDate()
            obj.setCurrentPage(today.year(), today.month())
        return False


def _date_edit() -> QDateEdit:
    e = QDateEdit()
    e.setCalendarPopup(True)
    e.setDisplayFormat("yyyy/MM/dd")
    e.setMinimumDate(NO_DATE)
    e.setSpecialValueText("—")
    e.setDate(NO_DATE)
    e.calendarWidget().installEventFilter(_OpenAtToday(e))
    return e


def _iso(e: QDateEdit) -> str | None:
    return None if e.date() == NO_DATE else e.date().toString("yyyy-MM-dd")


def _set_date(e: QDateEdit, iso: str | None) -> None:
    if iso:
        try:
            d = dt.date.fromisoformat(iso)
            e.setDate(QDate(d.year, d.month, d.day))
            return
        except ValueError:
            pass
    e.setDate(NO_DATE)


def _load(conn, activity_id: str) -> dict | None:
    """The activity; a confirmed voice memo's also with what was said (its transcript), so the
    rep can check the minutes against it as in the draft window."""
    row = activity(conn, activity_id)
    if row is not None and row.get("kind") == CONFIRMED:
        memo = voice_memo(conn, activity_id) or {}
        row["transcript"] = memo.get("transcript")
        row["voice_file"] = memo.get("filename")
    return row


class ActivityDialog(InContextLanguage, QDialog):
    saved = Signal(dict)  # the values written (after the views were told, origin excepted)

    def __init__(self, ctx, activity_id: str, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        self.origin = None  # the view that opened it and shows the save itself (``saved``)
        self.activity_id = activity_id
        self.row: dict | None = None
        self.saved_fields: list[str] | None = None
        self.setWindowTitle(self.tr("Edit activity"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 18)
        self.heading = label("", "sectionTitle", wrap=True)
        lay.addWidget(self.heading)
        self.source = label("", "muted", wrap=True)
        lay.addWidget(self.source)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(8)
        self.date_edit = _date_edit()
        self.rep_edit = QLineEdit()
        self.contact_edit = QLineEdit()
        self.purpose_edit = QLineEdit()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setFixedHeight(90)
        self.result_edit = QLineEdit()
        self.next_edit = QLineEdit()
        self.due_edit = _date_edit()
        self.amount_edit = QLineEdit()
        self.amount_edit.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.amount_edit.setPlaceholderText(self.tr("yen, e.g. 1200000"))
        self.prob_edit = QSpinBox()
        self.prob_edit.setRange(-1, 100)
        self.prob_edit.setSpecialValueText("—")
        self.prob_edit.setSuffix("%")
        # The stylesheet's padding left the arrows as two dots: type the number, or ↑/↓.
        self.prob_edit.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.prob_edit.setToolTip(self.tr("Type 0–100, or change it with the ↑ and ↓ keys"))
        self.insight_edit = QPlainTextEdit()
        self.insight_edit.setFixedHeight(70)
        for text, w in (
            (self.tr("Date"), self.date_edit),
            (self.tr("Rep"), self.rep_edit),
            (self.tr("Contact"), self.contact_edit),
            (self.tr("Purpose"), self.purpose_edit),
            (self.tr("Summary"), self.summary_edit),
            (self.tr("Result"), self.result_edit),
            (self.tr("Next action"), self.next_edit),
            (self.tr("Due"), self.due_edit),
            (self.tr("Amount (yen)"), self.amount_edit),
            (self.tr("Probability"), self.prob_edit),
            (self.tr("Insight"), self.insight_edit),
        ):
            form.addRow(text, w)
        # Columns of the report Genba could not place, as the rep wrote them (read-only: they
        # change when the cell changes in Excel). Its words come from the importer's messages.
        self.extras = label("", "muted", wrap=True)
        self.extras.setVisible(False)
        form.addRow(self.extras)
        # At 150 % on a laptop the form is taller than the screen: it scrolls, 保存 stays.
        side = QHBoxLayout()
        side.addWidget(scrolling(fields), 3)
        # A voice memo's transcript beside its minutes, read-only (shown by _fill).
        self.heard = QWidget()
        heard = QVBoxLayout(self.heard)
        heard.setContentsMargins(0, 0, 0, 0)
        heard.addWidget(label(self.tr("What was said (transcript)"), "muted"))
        self.transcript = QPlainTextEdit()
        self.transcript.setReadOnly(True)
        heard.addWidget(self.transcript, 1)
        self.heard.setVisible(False)
        side.addWidget(self.heard, 2)
        lay.addLayout(side, 1)
        self.kept_note = label(
            self.tr(
                "Your edits are kept when the workbook is imported again; a later change of the same cell in Excel wins."
            ),
            "muted",
            wrap=True,
        )
        lay.addWidget(self.kept_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        speak_buttons(self.buttons, ctx.language)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        lay.addWidget(self.buttons)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WindowShortcut)
        paste.activated.connect(self._paste)
        keep_on_screen(self)
        ctx.read(lambda conn: _load(conn, activity_id), self._fill)

    def _fill(self, row: dict | None) -> None:
        if row is None:
            self.heading.setText(self.tr("This activity no longer exists."))
            return
        self.row = row
        self.heading.setText(" · ".join(filter(None, [row.get("company"), row.get("occurred_on")])))
        if row.get("kind") == CONFIRMED:
            self.source.setText(
                self.tr("From the voice memo {0}").format(row.get("voice_file") or "")
            )
            self.transcript.setPlainText(row.get("transcript") or "")
            self.heard.setVisible(True)
            self.kept_note.setText(
                self.tr("Your edits are kept when the recording is imported again.")
            )
            self.setMinimumWidth(860)
        elif row.get("source_ref"):
            self.source.setText(
                self.tr("From the daily report, cell {0}").format(row["source_ref"])
            )
        _set_date(self.date_edit, row["occurred_on"])
        self.rep_edit.setText(row["rep"] or "")
        self.contact_edit.setText(row["contact_name"] or "")
        self.purpose_edit.setText(row["purpose"] or "")
        self.summary_edit.setPlainText(row["summary"] or "")
        self.result_edit.setText(row["result"] or "")
        self.next_edit.setText(row["next_action"] or "")
        _set_date(self.due_edit, row["next_action_due"])
        self.amount_edit.setText("" if row["amount_jpy"] is None else str(row["amount_jpy"]))
        self.prob_edit.setValue(-1 if row["probability"] is None else row["probability"])
        self.insight_edit.setPlainText(row["insight"] or "")
        extras = extras_text(row.get("extras"))
        if extras:
            title = msg("extras.title", self.ctx.language)
            self.extras.setText(f"{title}\n{extras}")
            self.extras.setVisible(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def values(self) -> dict:
        def text(s: str) -> str | None:
            return s.strip() or None

        amount = self.amount_edit.text().strip()
        return {
            "occurred_on": _iso(self.date_edit),
            "rep": text(self.rep_edit.text()),
            "contact_name": text(self.contact_edit.text()),
            "purpose": text(self.purpose_edit.text()),
            "summary": text(self.summary_edit.toPlainText()),
            "result": text(self.result_edit.text()),
            "next_action": text(self.next_edit.text()),
            "next_action_due": _iso(self.due_edit),
            "amount_jpy": int(amount) if amount else None,
            "probability": None if self.prob_edit.value() < 0 else self.prob_edit.value(),
            "insight": text(self.insight_edit.toPlainText()),
        }

    def changed(self) -> dict:
        if self.row is None:
            return {}
        return {k: v for k, v in self.values().items() if self.row.get(k) != v}

    def save(self) -> None:
        changed = self.changed()
        if not changed:
            self.accept()
            return
        store, aid = self.ctx.store, self.activity_id
        self.buttons.setEnabled(False)

        def done(fields):
            self.saved_fields = fields
            self.saved.emit(changed)
            self.accept()

        def failed(exc):
            self.buttons.setEnabled(True)
            from desktop.app.errors import show_error_dialog

            show_error_dialog(type(exc), exc, exc.__traceback__, lang=self.ctx.language)

        self.ctx.write(
            lambda: edits.update_activity(store, aid, changed), done, failed, origin=self.origin
        )

    def _paste(self) -> None:
        """A photo of a paper memo pasted here is attached to this activity (checked as a
        dropped one is)."""
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            return
        store, aid = self.ctx.store, self.activity_id
        pictures = [Picture(memo_name(), image=image)]
        self.ctx.write(lambda: attach_pictures(store, "activities", aid, pictures), self._attached)

    def _attached(self, outcome) -> None:
        if outcome.attached:
            self.source.setText(self.tr("Picture attached to this activity."))
        else:
            lang = self.ctx.language
            self.source.setText("\n".join(problem_text(p, lang) for p in outcome.problems))
