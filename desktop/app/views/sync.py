"""Sync: online or offline, changes waiting to be sent, last sync, signing in to the server."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit

from desktop.app import fmt
from desktop.app.data.changes import Changes, adds_to_outbox
from desktop.app.i18n import InContextLanguage
from desktop.app.views.sync_troubles import TroublesCard
from desktop.app.widgets import Card, Page, button, label
from resources.messages import in_language


def sync_overview(store) -> dict:
    """sync_status plus whether a token is saved and the refused/held records (empty when the
    sync client is absent)."""
    try:
        from sync.client import sync_status
        from sync.client.credentials import load_credentials
        from sync.client.troubles import sync_troubles
    except ImportError:
        return {"available": False}
    from desktop.app.data.pending import pending_records

    status = sync_status(store)
    server, token = load_credentials(store)
    return {
        **status,
        "records": pending_records(store),
        "troubles": sync_troubles(store),
        "available": True,
        "server": server,
        "signed_in": bool(server and token),
    }


class SyncView(InContextLanguage, Page):
    loaded = Signal()
    signed_in = Signal()
    sync_now = Signal()

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Sync"),
            self.tr(
                "Your changes go to the team server when you are online; the team's come back. Private notes never leave this computer."
            ),
            parent,
        )
        self.overview: dict | None = None
        self.live: dict = {}
        self.refreshes = 0  # reads of the overview (tests: a pull or a note is skipped)

        status = Card()
        status.body.addWidget(label(self.tr("Status"), "sectionTitle"))
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(8)
        self.state_label = label("", "muted")
        self.pending_label = label("")
        self.last_label = label("")
        self.server_label = label("")
        self.error_label = label("", "errorBadge", wrap=True)
        form.addRow(self.tr("Connection"), self.state_label)
        form.addRow(self.tr("Waiting to be sent"), self.pending_label)
        form.addRow(self.tr("Last sync"), self.last_label)
        form.addRow(self.tr("Team server"), self.server_label)
        status.body.addLayout(form)
        status.body.addWidget(self.error_label)
        row = QHBoxLayout()
        self.sync_button = button(self.tr("Sync now"), primary=True)
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.sync_button)
        row.addStretch(1)
        status.body.addLayout(row)
        self.outer.addWidget(status)

        self.troubles = TroublesCard(ctx=ctx)
        self.outer.addWidget(self.troubles)

        signin = Card()
        signin.body.addWidget(label(self.tr("Sign in to your team's server"), "sectionTitle"))
        signin.body.addWidget(
            label(
                self.tr("Ask your team lead or IT for the server address and your token."),
                "muted",
                wrap=True,
            )
        )
        f2 = QFormLayout()
        f2.setHorizontalSpacing(24)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://genba.example.co.jp")
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("token"))
        f2.addRow(self.tr("Server address"), self.url_edit)
        f2.addRow(self.tr("Token"), self.token_edit)
        signin.body.addLayout(f2)
        row2 = QHBoxLayout()
        self.signin_button = button(self.tr("Sign in"))
        self.signin_button.clicked.connect(self.sign_in)
        row2.addWidget(self.signin_button)
        self.signin_result = label("", "muted")
        row2.addWidget(self.signin_result, 1)
        signin.body.addLayout(row2)
        self.outer.addWidget(signin)
        self.outer.addStretch(1)
        ctx.bus.sync_status.connect(self.set_live_status)
        ctx.bus.data_changed.connect(self._data_changed)

    def activate(self) -> None:
        if self.overview is None:
            self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        """The counts change when this PC writes what it will send (an edit, an import); a
        pull's rows came from the team, and the cycle's end (``set_live_status``) re-reads."""
        if self.overview is not None and adds_to_outbox(changes):
            self.refresh()

    def refresh(self) -> None:
        self.refreshes += 1
        store = self.ctx.store
        self.ctx.tasks.run(lambda: sync_overview(store), self._show)

    def set_live_status(self, status: dict) -> None:
        self.live = status
        if self.overview is None:
            return
        if status.get("state") in ("ok", "offline", "error"):
            self.refresh()  # a cycle ended: what was refused or held may have changed
        else:
            self._show(self.overview)

    def _show(self, o: dict) -> None:
        self.overview = o
        if not o.get("available"):
            self.state_label.setText(self.tr("Sync is not available in this installation."))
            self.loaded.emit()
            return
        state = self.live.get("state")
        if not o.get("server"):
            text, name = self.tr("Not set up — Genba works fully offline."), "muted"
        elif state == "offline":
            text, name = self.tr("Offline — changes are kept and sent later"), "warnBadge"
        elif state == "error":
            text, name = self.tr("Error"), "errorBadge"
        elif state == "syncing":
            text, name = self.tr("Syncing…"), "okBadge"
        elif o.get("last_success"):
            text, name = self.tr("Online"), "okBadge"
        else:
            text, name = (
                self.tr("Signed in, not synced yet")
                if o.get("signed_in")
                else self.tr("Sign-in needed"),
                "warnBadge",
            )
        self.state_label.setText(text)
        self.state_label.setObjectName(name)
        self.state_label.setStyleSheet("")  # re-polish for the new object name
        self.pending_label.setText(self.pending_text(o.get("records") or {}))
        self.last_label.setText(fmt.when(o.get("last_success")) or self.tr("never"))
        self.server_label.setText(o.get("server") or "—")
        err = self.live.get("message") if state in ("offline", "error") else o.get("last_error")
        self.error_label.setText(in_language(err, self.ctx.language))  # sync's words, in ours
        self.error_label.setVisible(bool(err))
        self.sync_button.setEnabled(bool(o.get("signed_in")))
        self.troubles.show_troubles(o.get("troubles") or {})
        if o.get("server") and not self.url_edit.text():
            self.url_edit.setText(o["server"])
        self.loaded.emit()

    def pending_text(self, records: dict[str, int]) -> str:
        """「訪問 145件、担当者 12件」: records, the way a rep counts what they did."""
        order = ("activities", "contacts", "companies", "notes", "reactions", "attachments")
        entities = [*order, *sorted(set(records) - set(order))]
        parts = [self._plural(e, records[e]) for e in entities if records.get(e)]
        return self.tr(", ").join(parts) if parts else self.tr("nothing")

    def _plural(self, entity: str, n: int) -> str:
        if entity == "activities":
            return self.tr("%n visit(s)", "", n)
        if entity == "contacts":
            return self.tr("%n contact(s)", "", n)
        if entity == "companies":
            return self.tr("%n customer(s)", "", n)
        if entity == "notes":
            return self.tr("%n note(s)", "", n)
        if entity == "reactions":
            return self.tr("%n 「helpful」 mark(s)", "", n)
        if entity == "attachments":
            return self.tr("%n photo(s)", "", n)
        if entity == "deals":
            return self.tr("%n deal(s)", "", n)
        return self.tr("%n other record(s)", "", n)

    def sign_in(self) -> None:
        url, token = self.url_edit.text().strip(), self.token_edit.text().strip()
        if not url or not token:
            self.signin_result.setText(self.tr("Enter the server address and the token."))
            return
        store = self.ctx.store

        def work():
            from sync.client.credentials import save_credentials

            return save_credentials(store, url, token)

        def done(_where):
            self.token_edit.clear()
            self.signin_result.setText(self.tr("Saved. Syncing…"))
            self.signed_in.emit()
            self.refresh()

        self.ctx.tasks.run(work, done, write=True)
