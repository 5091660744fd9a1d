"""The system tray: Genba keeps watching and syncing when its window is closed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.app import autostart


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    show_window = Signal()
    quit_requested = Signal()

    def __init__(self, app_icon: QIcon, parent=None):
        super().__init__(parent)
        self.icon = QSystemTrayIcon(app_icon, self)
        self.icon.setToolTip("Genba")
        menu = QMenu()
        open_action = QAction(self.tr("Open Genba"), menu)
        open_action.triggered.connect(self.show_window)
        menu.addAction(open_action)
        self.autostart_action = QAction(self.tr("Start at login"), menu, checkable=True)
        self.autostart_action.setChecked(autostart.is_enabled())
        self.autostart_action.toggled.connect(lambda on: autostart.set_enabled(on))
        menu.addAction(self.autostart_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("Quit Genba"), menu)
        quit_action.triggered.connect(self.quit_requested)
        menu.addAction(quit_action)
        self.menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.icon.show()

    def _activated(self, reason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window.emit()

    def notify(self, title: str, text: str, warning: bool = False) -> None:
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if warning
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.icon.showMessage(title, text, kind, 6000)
