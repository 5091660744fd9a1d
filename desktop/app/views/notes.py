"""A knowledge note as shown on a customer's page and in a brief: category, text, who and when,
a 「参考になった」 toggle with its count, and (on the customer page) an edit link."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolTip, QVBoxLayout

from desktop.app import fmt
from desktop.app.i18n import InContextLanguage, speaking
from desktop.app.icons import icon
from desktop.app.widgets import button, label

CATEGORY_KEYS = (
    "buyer_preference",
    "negotiation",
    "trouble_lesson",
    "failure_story",
    "competitor",
    "tip",
)
LEAD_COMMENT = "lead_comment"


@lru_cache(maxsize=2)
def _rule_labels(english: bool) -> dict[str, str]:
    from importers.insights.categories import load_rules

    return {r.name: (r.label_en if english else r.label) for r in load_rules().categories}


def _labels(lang: str | None) -> dict[str, str]:
    if lang is None:  # given no language (the search results' columns): the running app's
        from desktop.app.i18n import app_language

        lang = app_language()
    return _rule_labels(lang == "en")


def category_names(lang: str | None = None) -> dict[str, str]:
    """Category key -> label in ``lang`` (the categories a rep can choose): the names of
    resources/knowledge_categories.toml, the ones the PDF brief, the digest and the CLI use."""
    labels = _labels(lang)
    return {key: labels.get(key, key) for key in CATEGORY_KEYS}


def category_label(key: str | None, lang: str | None = None) -> str:
    """Any stored category, including the lead's comments and notes without one."""
    if key == LEAD_COMMENT:
        return _labels(lang).get(LEAD_COMMENT) or speaking(lang).translate(
            "Notes", "Lead's comment"
        )
    if not key:
        return speaking(lang).translate("Notes", "Other")
    return category_names(lang).get(key, key)


class HelpfulButton(InContextLanguage, QPushButton):
    """「参考になった」 with the count of teammates who marked it; checked when you did."""

    def __init__(self, note: dict, user: str | None, parent=None, *, lang: str | None = None):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__(parent)
        self.note_id = note["id"]
        self.count = int(note.get("helpful") or 0)
        self.setProperty("helpful", True)
        self.setCheckable(True)
        self.setChecked(bool(note.get("mine")))
        self.setIcon(icon("check", "#3a5a8c", selected=None))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        own = bool(user) and note.get("author") == user
        if own:
            self.setEnabled(False)
            self.setToolTip(self.tr("This is your note: only teammates can mark it helpful."))
        elif not user:
            self.setEnabled(False)
            self.setToolTip(self.tr("Enter your name in the settings to mark notes helpful."))
        else:
            self.setToolTip(self.tr("Tell the author this note helped you (click again to undo)."))
        self._update_text()
        self.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self.count = max(0, self.count + (1 if on else -1))
        self._update_text()

    def revert(self, message: str = "") -> None:
        """The store refused the change: back to the previous state, and say why."""
        self.blockSignals(True)
        self.setChecked(not self.isChecked())
        self.blockSignals(False)
        self.count = max(0, self.count + (1 if self.isChecked() else -1))
        self._update_text()
        if message:
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), message, self)

    def _update_text(self) -> None:
        text = self.tr("Helpful")
        self.setText(f"{text}  {self.count}" if self.count else text)


class NoteItem(InContextLanguage, QFrame):
    """One note; ``helpful(note_id, on)`` when toggled, ``edit(note)`` from the edit link."""

    helpful = Signal(str, bool)
    edit = Signal(dict)

    def __init__(
        self,
        note: dict,
        user: str | None,
        *,
        editable: bool = True,
        lang: str | None = None,
        parent=None,
    ):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__(parent)
        self.setObjectName("noteItem")
        self.note = note
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 6)
        lay.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(label(category_label(note.get("category"), lang), "chip"))
        when = note.get("date") or (note.get("created_at") or "")[:10]
        who = " · ".join(
            filter(None, [note.get("author"), fmt.day(when, weekday=False, lang=lang)])
        )
        if note.get("visibility") == "private":
            who += " · " + self.tr("only me")
        same = int(note.get("same") or 1)
        if same > 1:
            who += " · " + self.tr("written %n times", "", same)
            sources = [
                " ".join(
                    x
                    for x in (s.get("author"), fmt.day(s.get("date"), weekday=False, lang=lang))
                    if x
                )
                for s in note.get("sources") or []
            ]
            self.setToolTip(self.tr("The same text in:") + "\n" + "\n".join(sources))
        head.addWidget(label(who, "muted"), 1)
        lay.addLayout(head)
        body = label(note.get("body") or "", wrap=True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(body)
        foot = QHBoxLayout()
        foot.setSpacing(6)
        self.helpful_button = HelpfulButton(note, user, lang=lang)
        self.helpful_button.toggled.connect(lambda on: self.helpful.emit(note["id"], on))
        foot.addWidget(self.helpful_button)
        self.edit_button = None
        mine = not note.get("author") or note.get("author") == user
        if editable and mine:
            # Only under your own notes: a greyed 編集 under a teammate's looked live.
            self.edit_button = button(self.tr("Edit"), link=True, icon=icon("edit"))
            self.edit_button.clicked.connect(lambda: self.edit.emit(dict(note)))
            foot.addWidget(self.edit_button)
        foot.addStretch(1)
        lay.addLayout(foot)


def connect_helpful(ctx, item: NoteItem) -> None:
    """Save the item's 参考になった toggles through the store (in the background)."""
    from shiboken6 import isValid

    from desktop.app.data.knowledge import set_helpful
    from importers.insights.reactions import ReactionError

    btn = item.helpful_button
    store = ctx.store

    def toggled(note_id: str, on: bool) -> None:
        user = ctx.settings.user_name

        def failed(exc: BaseException) -> None:
            if isValid(btn):
                btn.revert(str(exc) if isinstance(exc, ReactionError) else "")
            if not isinstance(exc, ReactionError):
                ctx.tasks.default_error(exc)

        ctx.write(lambda: set_helpful(store, note_id, user, on), on_error=failed)

    item.helpful.connect(toggled)
