"""Drop or paste a picture onto a table row: a photo of a paper memo is attached to that row's
activity or customer (issue #5).

The main window imports whatever is dropped on it. A row is a more precise target, so the table
claims a drag only when it carries nothing but pictures (image files, or image data from a
browser or a screenshot tool); a workbook, a card file or a mix is left to the window, which
imports it as before. Qt picks the owner of a drag on DragEnter and sends the moves and the drop
to that owner only, so a picture drag is claimed on entering the table even over its empty part,
and refused there move by move.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QFrame, QMainWindow, QMessageBox, QTableView

from desktop.app import fmt
from desktop.app.data import edits
from desktop.app.models.lazy import LazyTableModel
from desktop.app.style import ACCENT
from desktop.app.views.customer_page import IMAGE_SUFFIXES, image_png_bytes

# HEIC cannot be attached, but claiming it lets the rep read why here rather than in Problems.
PICTURE_SUFFIXES = frozenset({*IMAGE_SUFFIXES, ".heic", ".heif"})
MB = 1024 * 1024
EDGE = 24  # px from the top or bottom of the table where a drag scrolls it


@dataclass(frozen=True)
class Picture:
    """One picture a drop or a paste carries: a file, or image data without a file."""

    name: str
    path: Path | None = None
    image: QImage | None = None


@dataclass(frozen=True)
class Problem:
    kind: str  # 'too_large' | 'heic' | 'not_a_picture' | 'unreadable'
    name: str
    size_mb: int = 0
    max_mb: int = 0
    reason: str = ""


@dataclass
class Outcome:
    target: dict | None  # what the row is, for the confirmation; None when it no longer exists
    attached: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def carries_pictures(mime) -> bool:
    """Whether a drag (or the clipboard) holds pictures only; cheap enough for every move."""
    files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    if files:
        return all(Path(f).suffix.lower() in PICTURE_SUFFIXES for f in files)
    return mime.hasImage()


def pictures_in(mime) -> list[Picture]:
    """The pictures to attach (files first: a file keeps its name and original bytes)."""
    if not carries_pictures(mime):
        return []
    files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if files:
        return [Picture(f.name, path=f) for f in files]
    data = mime.imageData()
    image = data.toImage() if isinstance(data, QPixmap) else QImage(data)
    return [Picture(dt.datetime.now().strftime("memo-%Y%m%d-%H%M%S.png"), image=image)]


def attach_pictures(store, entity: str, entity_id: str, pictures: list[Picture]) -> Outcome:
    """Check and attach each picture to the row (work for the writer thread). A picture that is
    too large, damaged or HEIC is reported and nothing of it is stored."""
    outcome = Outcome(describe_row(store, entity, entity_id))
    if outcome.target is None:
        return outcome
    for pic in pictures:
        data = _checked_bytes(pic, store.data_dir)
        if isinstance(data, Problem):
            outcome.problems.append(data)
            continue
        mime = "image/png" if pic.path is None else None  # a file's is guessed from its name
        edits.attach_image(
            store, data, filename=pic.name, entity=entity, entity_id=entity_id, mime=mime
        )
        outcome.attached.append(pic.name)
    return outcome


def describe_row(store, entity: str, entity_id: str) -> dict | None:
    """The customer (and the day of an activity) named in the confirmation."""
    if entity == "activities":
        rows = store.query(
            "SELECT a.occurred_on, a.occurred_on_raw, c.name, c.name_normalized "
            "FROM activities a LEFT JOIN companies c ON c.id = a.company_id "
            "WHERE a.id = ? AND a.deleted = 0",
            (entity_id,),
        )
        if not rows:
            return None
        r = rows[0]
        day = fmt.day(r["occurred_on"], weekday=False) or r["occurred_on_raw"] or ""
        return {"customer": r["name"] or r["name_normalized"] or "", "day": day}
    rows = store.query(
        "SELECT name, name_normalized FROM companies WHERE id = ? AND deleted = 0", (entity_id,)
    )
    return {"customer": rows[0]["name"] or rows[0]["name_normalized"] or ""} if rows else None


def _checked_bytes(pic: Picture, data_dir) -> bytes | Problem:
    # Lazy, like the photo importer's own PIL import: needed only once a picture arrives.
    from importers.messages import resolve
    from importers.photos.apply import MAX_PHOTO_BYTES, picture_problem

    max_mb = MAX_PHOTO_BYTES // MB
    if pic.path is None:
        data = image_png_bytes(pic.image) if pic.image is not None else b""
    else:
        try:
            size = pic.path.stat().st_size
            if size > MAX_PHOTO_BYTES:  # never read a huge file into memory
                return Problem("too_large", pic.name, round(size / MB), max_mb)
            data = pic.path.read_bytes()
        except OSError as exc:
            return Problem("unreadable", pic.name, reason=exc.strerror or str(exc))
    if len(data) > MAX_PHOTO_BYTES:
        return Problem("too_large", pic.name, round(len(data) / MB), max_mb)
    issue = picture_problem(Path(pic.name), data, lang=resolve(None, data_dir))
    if issue is not None:
        return Problem("heic" if issue.code == "unsupported_type" else "not_a_picture", pic.name)
    return data


class RowDrop(QObject):
    """Pictures dropped on a row of ``view``, or pasted (Ctrl+V) on its selected row, are
    attached to that row's record in ``entity`` ('activities' or 'companies')."""

    attached = Signal(str)  # the confirmation, also shown in the window's status bar
    refused = Signal(str)  # why something was not attached, also shown in a message box

    def __init__(self, ctx, view: QTableView, entity: str):
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.entity = entity
        self.message_box: QMessageBox | None = None
        self._claimed = False  # a picture drag is over the table (a workbook's is the window's)
        self._before: QPersistentModelIndex | None = None  # selection to restore on DragLeave
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)
        # The selection tint alone is too pale to read as "it lands here": outline the row too.
        self.marker = QFrame(view.viewport())
        self.marker.setObjectName("rowDropTarget")
        self.marker.setStyleSheet(
            f"QFrame#rowDropTarget {{ border: 2px solid {ACCENT}; border-radius: 4px; "
            "background: rgba(58, 90, 140, 24); }"
        )
        self.marker.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.marker.hide()
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), view)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)

    # -- dragging ---------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter:
            if not carries_pictures(event.mimeData()):
                event.ignore()  # Qt offers it to the parents: the window imports it
                return True
            rows = self.view.selectionModel().selectedRows()
            self._before = QPersistentModelIndex(rows[0]) if rows else None
            self._claimed = True
            self._hover(event)
            event.accept()  # claim the drag even off the rows, or the window would take it
            return True
        if kind == QEvent.Type.DragMove:
            self._scroll_near_edge(event.position().toPoint().y())
            self._hover(event)
            return True
        if kind == QEvent.Type.DragLeave:
            if self._claimed:
                self._restore_selection()
            return False
        if kind == QEvent.Type.Drop:
            self._drop(event)
            return True
        return False

    def _hover(self, event) -> None:
        index = self.view.indexAt(event.position().toPoint())
        if index.isValid() and event.possibleActions() & Qt.DropAction.CopyAction:
            # Select, not make current: a current row is scrolled into view, which would move
            # the rows under the cursor.
            self.view.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            row = self.view.visualRect(index)
            self.marker.setGeometry(0, row.top(), self.view.viewport().width(), row.height())
            self.marker.show()
            event.setDropAction(Qt.DropAction.CopyAction)  # never Move: the file stays put
            event.accept()
        else:
            self.view.clearSelection()
            self.marker.hide()
            event.ignore()

    def _scroll_near_edge(self, y: int) -> None:
        bar = self.view.verticalScrollBar()
        if y < EDGE:
            bar.setValue(bar.value() - bar.singleStep())
        elif y > self.view.viewport().height() - EDGE:
            bar.setValue(bar.value() + bar.singleStep())

    def _restore_selection(self) -> None:
        before, self._before, self._claimed = self._before, None, False
        self.marker.hide()
        if before is not None and before.isValid():
            self.view.selectionModel().select(
                before.sibling(before.row(), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.view.clearSelection()

    def _drop(self, event) -> None:
        index = self.view.indexAt(event.position().toPoint())
        record_id = (
            self.view.model().data(index, LazyTableModel.ID_ROLE) if index.isValid() else None
        )
        if not record_id:
            event.ignore()
            self._restore_selection()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._before, self._claimed = None, False
        self.marker.hide()
        self.view.setCurrentIndex(index)  # Enter and Ctrl+V now act on the row it landed on
        self.attach(record_id, pictures_in(event.mimeData()))

    # -- pasting ----------------------------------------------------------------------------------
    def paste(self) -> None:
        """Ctrl+V: the clipboard's picture (or copied image files) onto the selected row."""
        rows = self.view.selectionModel().selectedRows()
        index = rows[0] if rows else self.view.currentIndex()
        record_id = (
            self.view.model().data(index, LazyTableModel.ID_ROLE) if index.isValid() else None
        )
        if not record_id:
            return
        mime = QGuiApplication.clipboard().mimeData()
        pictures = pictures_in(mime) if mime is not None else []
        if not pictures:
            self._status(
                self.tr(
                    "The clipboard holds no picture. Copy a photo or a screenshot first, "
                    "then press Ctrl+V."
                )
            )
            return
        self.attach(record_id, pictures)

    # -- attaching --------------------------------------------------------------------------------
    def attach(self, record_id: str, pictures: list[Picture]) -> None:
        """Attach in the background (the writer thread); the outcome is reported here."""
        if any(p.image is not None and p.image.isNull() for p in pictures):
            self._warn(
                self.tr(
                    "The picture could not be read. Save it as a JPEG or PNG file and drop "
                    "that file instead."
                )
            )
            return
        store, entity = self.ctx.store, self.entity
        self.ctx.write(
            lambda: attach_pictures(store, entity, record_id, pictures),
            self._done,
            changes_data=False,  # re-read only when something was stored (see _done)
        )

    def _done(self, outcome: Outcome) -> None:
        if outcome.attached:
            self.ctx.bus.data_changed.emit()
            text = self._confirmation(outcome.target, len(outcome.attached))
            self._status(text)
            self.attached.emit(text)
        problems = [self._problem_text(p) for p in outcome.problems]
        if outcome.target is None:
            problems.append(
                self.tr("Nothing was attached: this activity or customer no longer exists.")
            )
        if problems:
            self._warn("\n\n".join(problems))

    def _confirmation(self, target: dict, n: int) -> str:
        if self.entity == "companies":
            return self.tr("Attached %n photo(s) to “{0}”.", "", n).format(target["customer"])
        if target["customer"]:
            return self.tr("Attached %n photo(s) to the visit to “{0}” on {1}.", "", n).format(
                target["customer"], target["day"]
            )
        return self.tr("Attached %n photo(s) to the visit on {0}.", "", n).format(target["day"])

    def _problem_text(self, p: Problem) -> str:
        if p.kind == "too_large":
            return self.tr(
                "“{0}” was not attached: it is {1} MB, and a photo can be at most {2} MB. "
                "Save a smaller copy (for example at a lower resolution) and drop it again."
            ).format(p.name, p.size_mb, p.max_mb)
        if p.kind == "heic":
            return self.tr(
                "“{0}” was not attached: HEIC photos are not supported. Set the camera to JPEG "
                "(Most Compatible) or export the photo as JPEG, then drop it again."
            ).format(p.name)
        if p.kind == "unreadable":
            return self.tr(
                "“{0}” was not attached: the file could not be read ({1}). Check that it is "
                "still there and not open in another program, then drop it again."
            ).format(p.name, p.reason)
        return self.tr(
            "“{0}” was not attached: it is damaged, or not a picture Genba can read (JPEG, "
            "PNG, GIF, BMP or WebP). Check that it opens in a photo viewer, or take the photo "
            "again."
        ).format(p.name)

    def _status(self, text: str) -> None:
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def _warn(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Photo not attached"), text, parent=self.view
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        box.show()  # not exec(): the watcher's imports must go on behind it
        self.message_box = box
        self.refused.emit(text)
