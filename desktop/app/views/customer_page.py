"""A customer's page: contacts (with their card), the activity timeline, open deals, knowledge.

Paste (Ctrl+V) or drop a photo of a paper memo onto the page: it is attached to this customer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.app import fmt
from desktop.app.data.changes import Changes
from desktop.app.data.concerns import SHOWN, concerns
from desktop.app.data.customers import customer_detail, kept_company
from desktop.app.data.knowledge import with_helpful_state
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.pictures import (
    IMAGE_SUFFIXES,
    Picture,
    attach_pictures,
    memo_name,
    problem_text,
)
from desktop.app.row_drop import show_refusal
from desktop.app.views.notes import NoteItem, connect_helpful
from desktop.app.widgets import (
    Card,
    Page,
    button,
    clear_layout,
    label,
    speak_input_dialog,
    table,
)
from importers.extras import extras_text


def load_detail(conn, company_id: str, data_dir, user: str | None = None) -> dict | None:
    """customer_detail plus decoded card and memo images (QImage is safe off the main thread)
    and each note's 参考になった count and whether ``user`` marked it."""
    from importers.photos.blobs import blob_path

    detail = customer_detail(conn, kept_company(conn, company_id))
    if detail is None:
        return None
    detail["requested_id"] = company_id
    with_helpful_state(lambda sql, p: conn.execute(sql, p).fetchall(), detail["notes"], user)
    for c in detail["contacts"]:
        c["card_image"] = _thumb(blob_path(data_dir, c["card_sha"]), 220) if c["card_sha"] else None
    for p in detail["photos"]:
        p["image"] = _thumb(blob_path(data_dir, p["sha256"]), 120) if p["sha256"] else None
    return detail


def _thumb(path, width: int) -> QImage | None:
    img = QImage(str(path))
    if img.isNull():
        return None
    return img.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


class CustomerPage(InContextLanguage, Page):
    back = Signal()
    loaded = Signal()
    edit_activity = Signal(str)
    open_brief = Signal(str)  # company id

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__("", "", parent)
        self.company_id: str | None = None
        self.detail: dict | None = None
        self.note_items: dict[str, NoteItem] = {}
        self._focus: tuple[str, str] | None = None  # ('note' | 'activity', id) to show once loaded
        self._stale = False
        self.loads = 0  # page reads (for tests and the bench)
        self.setAcceptDrops(True)

        back = button(self.tr("← All customers"), link=True)
        back.clicked.connect(self.back)
        self.outer.insertWidget(0, back, 0, Qt.AlignmentFlag.AlignLeft)
        self.edit_button = button(self.tr("Edit name"), icon=icon("edit"))
        self.edit_button.clicked.connect(self._edit_name)
        self.attach_button = button(self.tr("Attach photo…"), icon=icon("card"))
        self.attach_button.clicked.connect(self._choose_photo)
        self.note_button = button(
            self.tr("Add knowledge"), primary=True, icon=icon("note", "#ffffff")
        )
        self.note_button.clicked.connect(self.add_note)
        self.brief_button = button(self.tr("Pre-visit brief"), icon=icon("open"))
        self.brief_button.setToolTip(
            self.tr("What the team knows about this customer, to print or read on the train")
        )
        self.brief_button.clicked.connect(
            lambda: self.company_id and self.open_brief.emit(self.company_id)
        )
        for b in (self.edit_button, self.attach_button, self.brief_button, self.note_button):
            self.actions.addWidget(b)

        body = QHBoxLayout()
        body.setSpacing(16)
        timeline = Card()
        timeline.body.addWidget(label(self.tr("Activity timeline"), "sectionTitle"))
        self.timeline = RecordsModel(
            [
                Column(
                    "occurred_on",
                    self.tr("Date"),
                    lambda r: (
                        fmt.day(r["occurred_on"], lang=self.ctx.language)
                        or (r["occurred_on_raw"] or "")
                    ),
                ),
                Column("purpose", self.tr("Purpose"), lambda r: fmt.purpose(r, self.ctx.language)),
                Column(
                    "contact_name",
                    self.tr("Contact"),
                    lambda r: " ".join(x for x in (r["contact_name"], r["contact_title"]) if x),
                ),
                Column(
                    "summary",
                    self.tr("Summary"),
                    # with the columns Genba could not place (競合: A社), as the rep wrote them
                    lambda r: fmt.one_line(
                        " ／ ".join(
                            x
                            for x in (r["summary"], *extras_text(r.get("extras")).splitlines())
                            if x
                        )
                    ),
                    tooltip=True,
                ),
                Column(
                    "next_action",
                    self.tr("Next action"),
                    lambda r: fmt.one_line(r["next_action"], 30),
                    tooltip=True,
                ),
            ],
            self,
        )
        self.timeline_view = table(self.timeline, stretch=3, widths={0: 122, 1: 84, 2: 80, 4: 130})
        self.timeline_view.doubleClicked.connect(self._edit_activity)
        timeline.body.addWidget(self.timeline_view)
        body.addWidget(timeline, 5)

        side = QWidget()
        self.side = QVBoxLayout(side)
        self.side.setContentsMargins(0, 0, 6, 0)
        self.side.setSpacing(12)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(scroll, 3)
        self.outer.addLayout(body, 1)

        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste_image)
        ctx.bus.data_changed.connect(self._data_changed)

    # -- loading ----------------------------------------------------------------------------------
    def load(self, company_id: str, focus: tuple[str, str] | None = None) -> None:
        """Show a customer; ``focus`` ('note' or 'activity', id) is scrolled to once loaded."""
        self.company_id = company_id
        self._focus = focus
        self.loads += 1
        data_dir = self.ctx.data_dir
        user = self.ctx.settings.user_name
        self.ctx.read(
            lambda conn: load_detail(conn, company_id, data_dir, user), self._show, latest=self
        )

    def _data_changed(self, changes: Changes) -> None:
        """Re-read the page when the write concerns this customer (checked by the touched ids,
        in the background); a hidden page is only marked, and re-read when shown again."""
        company_id = self.company_id
        if not company_id or not changes.touches(*SHOWN):
            return
        if not self.isVisible():
            self._stale = True  # re-read when shown again (a merge made on Problems)
            return
        shown = self._shown_ids()

        def check(conn):
            return concerns(conn, changes, company_id, shown)

        def maybe_load(yes: bool) -> None:
            if yes and company_id == self.company_id:
                self.load(company_id)

        self.ctx.read(check, maybe_load)

    def _shown_ids(self) -> set[str]:
        d = self.detail or {}
        return {
            r["id"]
            for key in ("contacts", "timeline", "deals", "notes", "photos")
            for r in d.get(key, ())
        }

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.company_id:
            self._stale = False
            self.load(self.company_id, self._focus)

    def _show(self, detail: dict | None) -> None:
        if detail is None or detail.get("requested_id", detail["company"]["id"]) != self.company_id:
            return
        self.company_id = detail["company"]["id"]  # the kept company, after a merge
        self.detail = detail
        c = detail["company"]
        self.title_label.setText(c["name"] or c["name_normalized"] or "")
        tl = detail["timeline"]
        facts = []
        if c["name_kana"]:
            facts.append(c["name_kana"])
        if tl and tl[0]["occurred_on"]:
            facts.append(
                self.tr("last visit {0}").format(
                    fmt.day(tl[0]["occurred_on"], lang=self.ctx.language)
                )
            )
        facts.append(self.tr("%n visit(s)", "", len(tl)))
        open_total = sum(d["amount_jpy"] or 0 for d in detail["deals"])
        if open_total:
            facts.append(self.tr("open deals {0}").format(fmt.yen(open_total)))
        self.hint_label.setText(" · ".join(facts))
        self.hint_label.setVisible(True)
        self.timeline.set_rows(tl)
        self._build_side(detail)
        if self._focus:
            self._show_focus(*self._focus)
            self._focus = None
        self.loaded.emit()

    def _show_focus(self, kind: str, ref_id: str) -> None:
        if kind == "activity":
            for i, r in enumerate(self.timeline.rows()):
                if r["id"] == ref_id:
                    self.timeline_view.selectRow(i)
                    self.timeline_view.scrollTo(self.timeline.index(i, 0))
                    self.timeline_view.setFocus()
                    return
        item = self.note_items.get(ref_id)
        if item is not None:
            item.setProperty("focused", True)
            item.style().unpolish(item)
            item.style().polish(item)
            # after the new side panel is laid out, or there is nowhere to scroll to yet
            QTimer.singleShot(0, lambda: self._scroll_to(item))

    def _scroll_to(self, item: QWidget) -> None:
        from shiboken6 import isValid

        if isValid(item):
            self.scroll.ensureWidgetVisible(item, 0, 40)

    def _build_side(self, detail: dict) -> None:
        clear_layout(self.side)
        deals = Card()
        deals.body.addWidget(label(self.tr("Open deals"), "sectionTitle"))
        if not detail["deals"]:
            deals.body.addWidget(label(self.tr("No open deals."), "muted"))
        for d in detail["deals"]:
            row = QHBoxLayout()
            row.addWidget(label(d["title"] or "", wrap=True), 1)
            amount = fmt.yen(d["amount_jpy"])
            if d["probability"] is not None:
                amount += f"  ({fmt.percent(d['probability'])})"
            row.addWidget(label(amount))
            deals.body.addLayout(row)
        self.side.addWidget(deals)

        contacts = Card()
        contacts.body.addWidget(label(self.tr("Contacts"), "sectionTitle"))
        if not detail["contacts"]:
            contacts.body.addWidget(
                label(
                    self.tr("No business cards yet. Drop card files into your card folder."),
                    "muted",
                    wrap=True,
                )
            )
        for p in detail["contacts"]:
            row = QHBoxLayout()
            row.setSpacing(12)
            if p.get("card_image") is not None:
                pic = QLabel()
                pic.setPixmap(
                    QPixmap.fromImage(p["card_image"]).scaledToWidth(
                        110, Qt.TransformationMode.SmoothTransformation
                    )
                )
                row.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
            text = QVBoxLayout()
            text.setSpacing(1)
            name = p["full_name"] or ""
            if p["title"]:
                name += f"  {p['title']}"
            text.addWidget(label(name, "sectionTitle"))
            lines = [p["department"], p["phone"] or p["mobile"], p["email"]]
            for line in filter(None, lines):
                text.addWidget(label(line, "muted", wrap=True))
            if p["needs_review"]:
                text.addWidget(
                    label(self.tr("read from a card image: please check"), "warnBadge", wrap=True)
                )
            row.addLayout(text, 1)
            contacts.body.addLayout(row)
        self.side.addWidget(contacts)

        notes = Card()
        notes.body.addWidget(label(self.tr("Knowledge about this customer"), "sectionTitle"))
        user = self.ctx.settings.user_name
        self.note_items = {}
        for n in detail["notes"]:
            item = NoteItem(n, user, lang=self.ctx.language)
            connect_helpful(self.ctx, item)
            item.edit.connect(self.edit_note)
            self.note_items[n["id"]] = item
            notes.body.addWidget(item)
        for i in detail["insights"][:8]:
            notes.body.addWidget(
                label(
                    f"{fmt.day(i['occurred_on'], weekday=False)} · {i['rep'] or ''} · "
                    + self.tr("from the daily report"),
                    "muted",
                )
            )
            notes.body.addWidget(label(i["insight"], wrap=True))
        if not detail["notes"] and not detail["insights"]:
            notes.body.addWidget(
                label(
                    self.tr("Nothing yet. What should the next person visiting know?"),
                    "muted",
                    wrap=True,
                )
            )
        self.side.addWidget(notes)

        if detail["photos"]:
            photos = Card()
            photos.body.addWidget(label(self.tr("Photos and memos"), "sectionTitle"))
            strip = QHBoxLayout()
            for p in detail["photos"][:6]:
                if p.get("image") is not None:
                    pic = QLabel()
                    pic.setPixmap(
                        QPixmap.fromImage(p["image"]).scaledToWidth(
                            100, Qt.TransformationMode.SmoothTransformation
                        )
                    )
                    # the printed text read on it (a suggestion: importers.photos.memo_text)
                    text = (p.get("ocr_text") or "").strip()
                    pic.setToolTip((p["filename"] or "") + (f"\n\n{text[:400]}" if text else ""))
                    fix = QAction(self.tr("Correct the text on this photo…"), pic)
                    fix.triggered.connect(lambda _=False, photo=p: self.correct_photo_text(photo))
                    pic.addAction(fix)
                    pic.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
                    strip.addWidget(pic)
            strip.addStretch(1)
            photos.body.addLayout(strip)
            self.side.addWidget(photos)
        self.side.addStretch(1)

    # -- actions ------------------------------------------------------------------------------------
    def add_note(self) -> None:
        from desktop.app.dialogs.note import NoteDialog

        if not self.company_id:
            return
        dlg = NoteDialog(self.ctx, company_id=self.company_id, parent=self)
        dlg.open()
        self._note_dialog = dlg

    def correct_photo_text(self, photo: dict) -> QInputDialog:
        """The rep's own reading of a memo photo (OCR reads print, not handwriting)."""
        from importers.photos.memo_text import correct_memo_text

        dlg = QInputDialog(self)
        dlg.setWindowTitle(self.tr("Text on the photo"))
        dlg.setLabelText(
            self.tr("What the photo says (read by OCR: check it; handwriting is not read)")
        )
        dlg.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        speak_input_dialog(dlg, self.ctx.language)
        dlg.setTextValue(photo.get("ocr_text") or "")
        store, attachment_id = self.ctx.store, photo["id"]
        dlg.textValueSelected.connect(
            lambda text: self.ctx.write(lambda: correct_memo_text(store, attachment_id, text))
        )
        dlg.open()
        self._text_dialog = dlg
        return dlg

    def edit_note(self, note: dict):
        from desktop.app.dialogs.note import NoteDialog

        dlg = NoteDialog(self.ctx, company_id=self.company_id, note=note, parent=self)
        dlg.open()
        self._note_dialog = dlg
        return dlg

    def _edit_name(self) -> None:
        from desktop.app.dialogs.company import CompanyDialog

        if not self.detail:
            return
        dlg = CompanyDialog(self.ctx, self.detail["company"], parent=self)
        dlg.open()
        self._company_dialog = dlg

    def _edit_activity(self, index) -> None:
        row = self.timeline.row(index.row())
        if row:
            from desktop.app.dialogs.activity import ActivityDialog
            from desktop.app.dialogs.voice_draft import VoiceDraftDialog

            kind = VoiceDraftDialog if row.get("kind") == "voice_draft" else ActivityDialog
            dlg = kind(self.ctx, row["id"], parent=self)
            dlg.open()
            self._activity_dialog = dlg

    def paste_image(self) -> bool:
        """Attach the clipboard's picture to this customer (True when there was one)."""
        image = QGuiApplication.clipboard().image()
        if image.isNull() or not self.company_id:
            return False
        self.attach_qimage(image)
        return True

    def attach_qimage(self, image: QImage) -> None:
        self.attach_pictures([Picture(memo_name(), image=image)])

    def attach_files(self, paths: list[str]) -> None:
        self.attach_pictures([Picture(Path(p).name, path=Path(p)) for p in paths])

    def attach_pictures(self, pictures: list[Picture]) -> None:
        """Checked and attached on the writer thread, as on a table row; a refused picture is
        explained and nothing of it is stored."""
        company_id, store = self.company_id, self.ctx.store
        self.ctx.write(
            lambda: attach_pictures(store, "companies", company_id, pictures),
            self._attached,
        )

    def _attached(self, outcome) -> None:
        problems = [problem_text(p, self.ctx.language) for p in outcome.problems]
        if problems:
            self.refused_box = show_refusal(self, "\n\n".join(problems), self.ctx.language)

    def _choose_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach a photo"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"),
        )
        if paths and self.company_id:
            self.attach_files(paths)

    def dragEnterEvent(self, event):
        if event.mimeData().hasImage() or any(
            u.toLocalFile().lower().endswith(IMAGE_SUFFIXES) for u in event.mimeData().urls()
        ):
            event.acceptProposedAction()
        else:
            event.ignore()  # workbooks and cards go on to the window: they are imported

    def dropEvent(self, event):
        md = event.mimeData()
        files = [
            u.toLocalFile() for u in md.urls() if u.toLocalFile().lower().endswith(IMAGE_SUFFIXES)
        ]
        if files:
            self.attach_files(files)
        elif md.hasImage():
            self.attach_qimage(QImage(md.imageData()))
        event.acceptProposedAction()
