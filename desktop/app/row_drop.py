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

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QMainWindow, QMessageBox, QTableView

from desktop.app.data.changes import Changes
from desktop.app.i18n import InContextLanguage, speaking
from desktop.app.models.lazy import LazyTableModel
from desktop.app.pictures import (
    Outcome,
    Picture,
    attach_pictures,
    carries_pictures,
    pictures_in,
    problem_text,
)
from desktop.app.style import ACCENT
from desktop.app.widgets import message_box

EDGE = 24  # px from the top or bottom of the table where a drag scrolls it


class RowDrop(InContextLanguage, QObject):
    """Pictures dropped on a row of ``view``, or pasted (Ctrl+V) on its selected row, are
    attached to that row's record in ``entity`` ('activities' or 'companies')."""

    attached = Signal(str)  # the confirmation, also shown in the window's status bar
    refused = Signal(str)  # why something was not attached, also shown in a message box

    def __init__(self, ctx, view: QTableView, entity: str):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(view)
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
        self._record_id = record_id
        self.ctx.write(
            lambda: attach_pictures(store, entity, record_id, pictures),
            self._done,
            changes_data=False,  # re-read only when something was stored (see _done)
        )

    def _done(self, outcome: Outcome) -> None:
        if outcome.attached:
            self.ctx.changed(Changes.of({"attachments": None, self.entity: [self._record_id]}))
            text = self._confirmation(outcome.target, len(outcome.attached))
            self._status(text)
            self.attached.emit(text)
        problems = [problem_text(p, self.ctx.language) for p in outcome.problems]
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

    def _status(self, text: str) -> None:
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def _warn(self, text: str) -> None:
        self.message_box = show_refusal(self.view, text, self.ctx.language)
        self.refused.emit(text)


def show_refusal(parent, text: str, lang: str | None = None) -> QMessageBox:
    """Why pictures were not attached, in a box (in ``lang``) that does not block (not exec():
    the watcher's imports must go on behind it)."""
    box = message_box(
        lang,
        QMessageBox.Icon.Warning,
        speaking(lang).translate("RowDrop", "Photo not attached"),
        text,
        parent=parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box
