"""The record code read by a USB barcode scanner: the paper's QR code opens its card.

An ordinary scanner is a keyboard: it types the code (app.domain.record_code) and presses
Return. Typed into a register's search box, a code is not searched for: the document it names
opens at once, in its own register's tab (`RegisterTab.reveal_requested` when that is another
register's). «Знайти за кодом…» (Ctrl+Shift+F) asks for a code in a small box of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.record_code import looks_like_code
from app.domain.roles import PermissionDenied

if TYPE_CHECKING:
    from ui.registers.tab_protocol import TabBase

TITLE = "Знайти за кодом"
SHORTCUT = "Ctrl+Shift+F"
NOT_FOUND = "Документа з цим кодом у цій базі даних немає."
_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


Reveal = Callable[[str, int, date], None]


def open_code(tab: TabBase, text: str, reveal: Reveal | None = None) -> bool:
    """Open the card of the document `text` names; False when `text` is no record code.

    `reveal` (the main window's) shows it in its register's tab; without it, `tab` shows its
    own register's documents and asks for the others' with `reveal_requested`."""
    if not looks_like_code(text):
        return False
    try:
        from app.services.dialog_support import current_user
        from app.services.record_code import find_by_code

        found = find_by_code(tab.db, text, current_user())
    except PermissionDenied as error:
        QMessageBox.warning(tab, TITLE, str(error))
        return True
    if found is None:
        QMessageBox.information(tab, TITLE, NOT_FOUND)
        return True
    register, doc_id, reg_date = found
    if reveal is not None:
        reveal(register, doc_id, reg_date)
    elif register == tab.spec.code:
        tab.reveal(doc_id, reg_date)
    else:
        tab.reveal_requested.emit(register, doc_id, reg_date)
    return True


class _ScanFilter(QObject):
    """Return in the search box after a record code: open the card instead of searching."""

    def __init__(self, tab: TabBase) -> None:
        super().__init__(tab)
        self.tab = tab

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _RETURN
            and looks_like_code(self.tab.filter_bar.search.text())
        ):
            return open_code(self.tab, self.tab.filter_bar.take_typed())
        return False


def install_code_scan(tab: TabBase) -> None:
    tab.filter_bar.search.installEventFilter(_ScanFilter(tab))


class CodeDialog(QDialog):
    """One line for the scanner (or the keyboard): the code from a stamp or a РКК."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("DLV-…")
        self.edit.setMinimumWidth(320)
        label = QLabel("Відскануйте QR-код зі штампа чи картки або введіть його:", self)
        label.setBuddy(self.edit)
        buttons = QDialogButtonBox(self)
        find = buttons.addButton("Знайти", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Скасувати", QDialogButtonBox.ButtonRole.RejectRole)
        find.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def code(self) -> str:
        return self.edit.text().strip()


def ask_and_open(tab: TabBase, parent: QWidget | None = None, reveal: Reveal | None = None) -> None:
    """«Знайти за кодом…»: ask for the code, open its document's card."""
    dialog = CodeDialog(parent or tab)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.code():
            return
        if not open_code(tab, dialog.code(), reveal):
            QMessageBox.information(tab, TITLE, "Це не код документа «Діловода».")
    finally:
        dialog.deleteLater()
