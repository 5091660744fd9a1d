"""Windows and dialogs that fit the screen they open on.

A laptop at 1366×768 with a taskbar leaves about 720 px; at 150 % scaling a 1920×1080 screen is
1280×720 logical pixels. A window is sized to the screen's *available* geometry (without the
taskbar), kept inside it, and a dialog taller than that scrolls instead of hiding its buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room for the window manager's title bar and borders before the window is mapped (the real
# margins are known only once it is on screen).
FRAME = (8, 34, 8, 8)  # left, top, right, bottom


def available(widget: QWidget | None = None) -> QRect:
    """The available geometry of the widget's screen (the primary one before it has one)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(widget: QWidget) -> tuple[int, int, int, int]:
    handle = widget.windowHandle()
    if handle is not None and widget.isVisible():
        m = handle.frameMargins()
        if m.top() or m.left():
            return m.left(), m.top(), m.right(), m.bottom()
    return FRAME


def usable(widget: QWidget) -> QRect:
    """The area a top-level's client rectangle may take: the available screen less its frame."""
    left, top, right, bottom = frame_margins(widget)
    return available(widget).adjusted(left, top, -right, -bottom)


def fit_size(widget: QWidget, wanted: QSize) -> QSize:
    room = usable(widget)
    return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def place_inside(widget: QWidget) -> None:
    """Resize and move a top-level so that it, with its frame, lies on the available screen."""
    room = usable(widget)
    size = widget.size().boundedTo(room.size())
    if size != widget.size():
        widget.resize(size)
    left, top, _, _ = frame_margins(widget)
    geo = widget.geometry()
    x = min(max(geo.x(), room.left()), room.right() - size.width() + 1)
    y = min(max(geo.y(), room.top()), room.bottom() - size.height() + 1)
    if (x, y) != (geo.x(), geo.y()):
        widget.move(x - left, y - top)  # move() places the frame, geometry() is inside it


def center(widget: QWidget) -> None:
    """Centre a top-level, frame included, on the available screen."""
    left, top, right, bottom = frame_margins(widget)
    avail = available(widget)
    width = widget.width() + left + right
    height = widget.height() + top + bottom
    widget.move(
        avail.x() + max(0, (avail.width() - width) // 2),
        avail.y() + max(0, (avail.height() - height) // 2),
    )


def _grow_to_content(window: QWidget, cap: QSize) -> None:
    """Taller, up to ``cap``, so that a scrolling form shows all its fields when there is room."""
    extra = 0
    for area in window.findChildren(QScrollArea):
        if area.property("growWindow") and area.widget() is not None:
            need = area.widget().sizeHint().height() + 2 * area.frameWidth()
            extra = max(extra, need - area.viewport().height())
    if extra > 0:
        window.resize(window.width(), min(window.height() + extra, cap.height()))


class _KeepOnScreen(QObject):
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and obj.isWindow():
            cap = usable(obj).size()
            obj.setMaximumSize(cap.expandedTo(obj.minimumSize()))
            _grow_to_content(obj, cap)
            owner = obj.parentWidget()
            if owner is not None and not obj.property("placed"):
                # Over the window it belongs to (Qt's own placement is undone by the resize).
                obj.setProperty("placed", True)
                centre = owner.window().frameGeometry().center()
                obj.move(centre.x() - obj.width() // 2, centre.y() - obj.height() // 2)
            place_inside(obj)
        return False


def keep_on_screen(dialog: QWidget) -> QWidget:
    """Each time ``dialog`` is shown: no larger than the available screen, and inside it."""
    dialog.installEventFilter(_KeepOnScreen(dialog))
    return dialog


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area: a form that scrolls when the screen is
    too short for it, its buttons staying below."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
    area.setProperty("growWindow", True)  # the window grows to show it all where it can
    return area
