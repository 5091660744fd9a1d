"""The look: a Japanese UI font and a calm stylesheet (indigo accents on warm greys)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Windows: Yu Gothic UI / Meiryo UI; macOS: Hiragino; Linux: Noto Sans CJK JP (fonts-noto-cjk).
UI_FONTS = [
    "Noto Sans CJK JP",
    "Yu Gothic UI",
    "Meiryo UI",
    "Meiryo",
    "Hiragino Sans",
    "Noto Sans JP",
]

CHEVRON = (
    Path(__file__).resolve().parents[2] / "resources" / "icons" / "chevron-down.svg"
).as_posix()
ACCENT = "#3a5a8c"  # 藍 (indigo)
ACCENT_SOFT = "#e8eef7"
INK = "#2b2f36"
MUTED = "#6b7280"
LINE = "#e3e5e8"
PAPER = "#fbfbfa"
SIDEBAR = "#f2f1ee"
WARN = "#b45309"
ERROR = "#b91c1c"
OK = "#2f7d4f"

QSS = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog, QWizard {{ background: {PAPER}; }}
QWidget#page {{ background: {PAPER}; }}
QListWidget#nav {{
  background: {SIDEBAR}; border: none; border-right: 1px solid {LINE};
  padding: 8px 6px; outline: 0;
}}
QListWidget#nav::item {{ padding: 9px 10px; margin: 2px 0; border-radius: 6px; color: {INK}; }}
QListWidget#nav::item:hover {{ background: #e7e5e0; }}
QListWidget#nav::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#brand {{ font-size: 17pt; font-weight: 600; color: {ACCENT}; padding: 14px 14px 2px 16px; }}
QLabel#brandSub {{ color: {MUTED}; padding: 0 14px 10px 16px; }}
QWidget#sidebar {{ background: {SIDEBAR}; border-right: 1px solid {LINE}; }}
QWidget#topbar {{ background: white; border-bottom: 1px solid {LINE}; }}
QLabel#pageTitle {{ font-size: 16pt; font-weight: 600; }}
QLabel#pageHint {{ color: {MUTED}; }}
QLabel#sectionTitle {{ font-size: 11.5pt; font-weight: 600; color: {INK}; padding-top: 6px; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#bigNumber {{ font-size: 20pt; font-weight: 600; color: {ACCENT}; }}
QLabel#warnNumber {{ font-size: 20pt; font-weight: 600; color: {WARN}; }}
QLabel#okBadge {{ color: {OK}; font-weight: 600; }}
QLabel#warnBadge {{ color: {WARN}; font-weight: 600; }}
QLabel#errorBadge {{ color: {ERROR}; font-weight: 600; }}
QFrame#card {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QFrame#card:hover {{ border-color: #c9d3e3; }}
QLineEdit, QComboBox, QDateEdit, QSpinBox, QPlainTextEdit, QTextEdit {{
  background: white; border: 1px solid #d4d7dc; border-radius: 6px; padding: 5px 8px;
  selection-background-color: {ACCENT};
}}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QSpinBox:focus, QPlainTextEdit:focus,
QTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QComboBox, QDateEdit {{ padding-right: 26px; min-height: 22px; }}
QComboBox::drop-down, QDateEdit::drop-down {{
  subcontrol-origin: padding; subcontrol-position: center right; width: 24px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({CHEVRON}); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{
  background: white; border: 1px solid {LINE}; selection-background-color: {ACCENT_SOFT};
  selection-color: {INK}; outline: 0; padding: 4px;
}}
QLineEdit#search {{ border-radius: 15px; padding: 5px 14px; background: #f5f6f8; min-width: 320px; }}
QPushButton {{
  background: white; border: 1px solid #cfd3d9; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover {{ background: #f3f5f8; }}
QPushButton:pressed {{ background: #e9edf3; }}
QPushButton:disabled {{ color: #a0a4ab; background: #f6f6f6; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[primary="true"]:hover {{ background: #324f7c; }}
QPushButton[primary="true"]:disabled {{ background: #a9b6c9; border-color: #a9b6c9; color: #f4f6f9; }}
QPushButton[link="true"] {{ border: none; background: transparent; color: {ACCENT}; padding: 2px 4px; text-align: left; }}
QPushButton[link="true"]:hover {{ text-decoration: underline; }}
QTableView, QListView, QTreeView {{
  background: white; border: 1px solid {LINE}; border-radius: 6px;
  gridline-color: transparent; selection-background-color: {ACCENT_SOFT}; selection-color: {INK};
  alternate-background-color: #fafbfc;
}}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{
  background: #f6f7f9; color: {MUTED}; border: none; border-bottom: 1px solid {LINE};
  padding: 6px 8px; font-weight: 600;
}}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 7px 16px; color: {MUTED}; border: none; border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {ACCENT}; border-bottom: 2px solid {ACCENT}; font-weight: 600; }}
QStatusBar {{ background: white; border-top: 1px solid {LINE}; color: {MUTED}; }}
QStatusBar QLabel {{ padding: 0 10px; color: {MUTED}; }}
QProgressBar {{ border: 1px solid {LINE}; border-radius: 5px; background: white; text-align: center; height: 16px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 4px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle {{ background: #cfd4db; border-radius: 4px; min-height: 28px; min-width: 28px; }}
QScrollBar::handle:hover {{ background: #b3bac4; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QFrame#noteItem {{ border: none; border-top: 1px solid {LINE}; background: transparent; }}
QFrame#noteItem[focused="true"] {{ background: {ACCENT_SOFT}; border-radius: 6px; }}
QLabel#chip {{
  background: {ACCENT_SOFT}; color: {ACCENT}; border-radius: 9px; padding: 1px 9px;
  font-weight: 600;
}}
QPushButton[helpful="true"] {{ padding: 3px 10px; border-radius: 13px; color: {MUTED}; }}
QPushButton[helpful="true"]:checked {{
  background: {ACCENT_SOFT}; border-color: {ACCENT}; color: {ACCENT}; font-weight: 600;
}}
QPushButton[helpful="true"]:disabled {{ color: #a0a4ab; background: transparent; }}
QToolTip {{ background: white; color: {INK}; border: 1px solid {LINE}; padding: 4px; }}
"""


def ui_font(point_size: float = 10.0) -> QFont:
    font = QFont()
    available = set(QFontDatabase.families())
    families = [f for f in UI_FONTS if f in available] or UI_FONTS
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same look on every platform and offscreen
    app.setFont(ui_font())
    app.setStyleSheet(QSS)
