"""What comes after «Зареєстровано» on the same card: the resolution, control, the stamp and,
for a letter that needs an answer, «Відповісти».

The clerk has just written the number on the paper; the next steps for the same sheet are here
(with the tab's own shortcuts, ui/registers/shortcuts.py) instead of closing the card, finding
the row again and opening each dialog from the toolbar. Dialogs and printing are imported when
used, as everywhere in the window.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app.domain.dates import format_date
from app.registers.base import RegisterSpec
from app.services.details import get_document
from app.services.dialog_support import current_user
from db.session import Database
from ui.registers import shortcuts
from ui.tasks import run_in_background


class CardFlow(QWidget):
    """A row of buttons for one registered document. `changed(doc_id)` after any of them
    changed the document (the tab refreshes); `reply_requested(doc_id)` for «Відповісти»."""

    changed = Signal(int)
    reply_requested = Signal(int)

    def __init__(self, db: Database, spec: RegisterSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.db, self.spec = db, spec
        self.doc_id: int | None = None
        self.preview: QDialog | None = None  # the stamp's preview while open (tests close it)
        self.status = QLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Далі:", self))
        self.resolution_button: QPushButton | None = None
        self.control_button: QPushButton | None = None
        self.stamp_button: QPushButton | None = None
        self.reply_button: QPushButton | None = None
        if spec.controllable and spec.resolutions:
            self.resolution_button = self._button(
                "Резолюція…", shortcuts.RESOLUTION, self._on_resolution
            )
        if spec.controllable:
            self.control_button = self._button(
                "На контроль…", shortcuts.PUT_ON_CONTROL, self._on_put_on_control
            )
        self._stamp = next(
            (p for p in spec.printouts if p.function == shortcuts.STAMP_FUNCTION), None
        )
        if self._stamp is not None:
            self.stamp_button = self._button("Друк штампа", shortcuts.STAMP, self._on_stamp)
        if spec.code == "incoming":
            self.reply_button = self._button("Відповісти…", shortcuts.REPLY, self._on_reply)
        for button in self.buttons():
            layout.addWidget(button)
            # The keys work anywhere on the card (no reference to the card is kept: it would
            # keep the card alive after it closed).
            shortcut = QShortcut(QKeySequence(button.property("keys")), parent)
            shortcut.activated.connect(lambda b=button: b.click() if b.isVisible() else None)
        layout.addWidget(self.status, 1)
        self.hide()

    def _button(self, text: str, keys: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.setToolTip(shortcuts.with_keys(text, keys))
        button.setProperty("keys", keys)
        button.clicked.connect(slot)
        return button

    def buttons(self) -> list[QPushButton]:
        return [
            b
            for b in (
                self.resolution_button,
                self.control_button,
                self.stamp_button,
                self.reply_button,
            )
            if b is not None
        ]

    def show_for(self, doc_id: int | None) -> None:
        """Offer the next steps for `doc_id` (None: hide them, a new card is being filled)."""
        self.doc_id = doc_id
        self.setVisible(doc_id is not None)
        if doc_id is not None:
            self._show_state()

    def _show_state(self) -> None:
        if self.doc_id is None:
            return
        detail = get_document(self.db, self.doc_id, spec=self.spec, user=current_user())
        on_control = detail.on_control and detail.done_date is None
        if self.control_button is not None:
            self.control_button.setEnabled(not on_control and not detail.cancelled)
        self.status.setText(f"На контролі до {format_date(detail.due_date)}" if on_control else "")

    # --- the steps -------------------------------------------------------------------------

    def _on_resolution(self) -> None:
        self._open("ui.dialogs.resolution", "ResolutionDialog")

    def _on_put_on_control(self) -> None:
        self._open("ui.dialogs.control", "PutOnControlDialog")

    def _open(self, module: str, name: str) -> None:
        if self.doc_id is None:
            return
        dialog_class = getattr(importlib.import_module(module), name)
        dialog = dialog_class(self.db, self.doc_id, self.window())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self._show_state()
            self.changed.emit(self.doc_id)

    def _on_reply(self) -> None:
        if self.doc_id is not None:
            self.reply_requested.emit(self.doc_id)

    def _on_stamp(self) -> None:
        if self.doc_id is None or self._stamp is None:
            return
        db, doc_id, user = self.db, self.doc_id, current_user()
        function, options = self._stamp.function, dict(self._stamp.options)
        title = f"{self._stamp.title} — {self.spec.number_label} {self._number()}"

        def produce() -> bytes:
            from app.services import printouts

            return printouts.print_document(db, function, doc_id, user, **options)

        def show(pdf: bytes) -> None:
            from ui.preview import PdfPreviewDialog

            self.preview = PdfPreviewDialog(pdf, title, self.window())
            self.preview.exec()
            self.preview.deleteLater()
            self.preview = None

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, "Друк", f"Не вдалося підготувати документ до друку:\n{exc}")

        run_in_background(produce, show, failed, owner=self)

    def _number(self) -> str:
        if self.doc_id is None:
            return ""
        return get_document(self.db, self.doc_id, spec=self.spec).reg_number
