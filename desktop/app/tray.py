"""The system tray: Genba keeps watching and syncing when its window is closed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.app.i18n import InContextLanguage


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(InContextLanguage, QObject):
    """The icon and its menu. The menu's switches only emit signals: the app saves the choice on
    a worker thread (a registry or file write is I/O, never done in a slot)."""

    show_window = Signal()
    quit_requested = Signal()
    message_clicked = Signal()
    autostart_toggled = Signal(bool)
    notifications_toggled = Signal(bool)

    def __init__(
        self,
        app_icon: QIcon,
        parent=None,
        *,
        autostart: bool = False,
        notifications: bool = True,
        notifications_locked: bool = False,
        lang: str | None = None,
    ):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__(parent)
        self.icon = QSystemTrayIcon(app_icon, self)
        self.icon.setToolTip("Genba")
        menu = QMenu()
        open_action = QAction(self.tr("Open Genba"), menu)
        open_action.triggered.connect(self.show_window)
        menu.addAction(open_action)
        self.notifications_action = QAction(self.tr("Show notifications"), menu, checkable=True)
        self.notifications_action.setChecked(notifications)
        # Set by IT (policy or machine file): shown, but the rep cannot change it.
        self.notifications_action.setEnabled(not notifications_locked)
        self.notifications_action.toggled.connect(self.notifications_toggled)
        menu.addAction(self.notifications_action)
        self.autostart_action = QAction(self.tr("Start at login"), menu, checkable=True)
        self.autostart_action.setChecked(autostart)
        self.autostart_action.toggled.connect(self.autostart_toggled)
        menu.addAction(self.autostart_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("Quit Genba"), menu)
        quit_action.triggered.connect(self.quit_requested)
        menu.addAction(quit_action)
        self.menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.message_clicked)
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
        self.icon.showMessage(title, text, kind, 8000)
