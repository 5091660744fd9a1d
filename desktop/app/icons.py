"""Icons drawn for Genba (resources/icons/*.svg), tinted at load time."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


@cache
def _svg(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text("utf-8")


def pixmap(name: str, color: str = "#4b5563", size: int = 20) -> QPixmap:
    data = _svg(name).replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    pm = QPixmap(QSize(size * 2, size * 2))  # 2x for crisp icons on high-DPI laptops
    pm.setDevicePixelRatio(2.0)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pm


def icon(name: str, color: str = "#4b5563", selected: str | None = "#ffffff") -> QIcon:
    ic = QIcon()
    ic.addPixmap(pixmap(name, color), QIcon.Mode.Normal)
    if selected:
        ic.addPixmap(pixmap(name, selected), QIcon.Mode.Selected)
    return ic
