"""Windows that fit the office laptop: 1366×768, a taskbar at the bottom, a title bar on top.

Every window and dialog must be usable there in full (its buttons in sight), so each one
(1) has a minimum size that fits `LAPTOP_CLIENT` — tests/ui/test_screen_fit.py checks them all —
and (2) opens no larger than the screen it is shown on (`fit_to_screen`), however large its
preferred size or the geometry remembered from a bigger monitor. Tall forms scroll inside
(`FormScrollArea`) instead of pushing their buttons below the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

#: The smallest screen the program is made for.
LAPTOP = QSize(1366, 768)
#: What such a screen leaves for a window's contents: a 40-px taskbar (Windows), a 32-px
#: title bar and 8-px frames.
LAPTOP_CLIENT = QSize(LAPTOP.width() - 16, LAPTOP.height() - 40 - 32 - 8)
#: Room kept free around a window opened on a small screen (frames, title bar).
FRAME_ROOM = QSize(16, 48)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen area free for windows (without the taskbar) where `widget` is shown."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (should not happen): assume the laptop
        return QRect(0, 0, LAPTOP.width(), LAPTOP.height() - 40)
    return screen.availableGeometry()


def screen_limited(widget: QWidget, width: int, height: int) -> QSize:
    """(width, height), made no larger than what the screen leaves for a window's contents."""
    area = available_geometry(widget)
    return QSize(
        max(1, min(width, area.width() - FRAME_ROOM.width())),
        max(1, min(height, area.height() - FRAME_ROOM.height())),
    )


def fit_to_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize a window to (width, height) — default: its preferred size — but never past the
    screen it opens on."""
    hint = widget.sizeHint()
    size = screen_limited(
        widget, width if width is not None else hint.width(), height or hint.height()
    )
    widget.resize(size)


class FormScrollArea(QScrollArea):
    """A frameless scroll area around a form: as large as the form wants, scrolling only where
    the screen is too small for it (the dialog's buttons stay in sight below it)."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(inner)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        rows = self.fontMetrics().lineSpacing() * 8
        return QSize(width + self.verticalScrollBar().sizeHint().width(), rows)


#: What a title bar takes besides the title: the icon and the three buttons (Windows 10/11 and
#: the usual Linux themes), plus a little air.
TITLE_BAR_EXTRA = 160


def title_width(widget: QWidget) -> int:
    """The width a dialog needs so the window manager shows its whole title (it elides the
    middle otherwise: «Журнал…кументів»)."""
    font = QApplication.font()
    font.setBold(True)  # title bars draw the title bold on most systems: measure the wider
    return QFontMetrics(font).horizontalAdvance(widget.windowTitle()) + TITLE_BAR_EXTRA


def give_title_room(dialog: QWidget) -> None:
    """Make `dialog` at least as wide as its whole title needs, within the screen (called once
    the title is set: the period dialog, every form, the preview, the card)."""
    wanted = min(title_width(dialog), available_geometry(dialog).width() - FRAME_ROOM.width())
    if dialog.minimumWidth() < wanted:
        dialog.setMinimumWidth(wanted)
    if dialog.width() < wanted:
        dialog.resize(wanted, dialog.height())
