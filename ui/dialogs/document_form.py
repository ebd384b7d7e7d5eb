"""The registration card of a document, built from `spec.fields` (any register).

Keyboard first: focus starts in the first field, Tab walks the fields in order, Enter saves
(Ctrl+Enter inside multi-line fields), Esc closes. A wrong value is shown in red right under
its field and focus goes there; nothing typed is cleared. A new document shows its number
after saving, so the clerk can write it on the paper before taking the next one.
"""

from __future__ import annotations

import tempfile
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import format_date
from app.domain.roles import actor_of
from app.registers.base import RegisterSpec
from app.registers.fields import FieldErrors, FieldKind
from app.services import documents
from app.services.changes import by_whom, same_value
from app.services.details import DocumentDetail, get_document
from app.services.dialog_support import current_user
from app.services.outgoing import AnsweredControl, answered_controls
from db.session import Database
from ui.dialogs.card_flow import CardFlow
from ui.dialogs.card_links import CardLinks
from ui.dialogs.document_fields import DocumentFields
from ui.dialogs.document_history import DocumentHistory
from ui.file_dialogs import documents_folder
from ui.screen import FormScrollArea, fit_to_screen
from ui.tasks import run_in_background
from ui.widgets import INVALID_STYLE, ask


class DocumentForm(QDialog):
    """`saved(doc_id)` is emitted after each successful save (the tab refreshes)."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        spec: RegisterSpec,
        doc_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._busy = False
        self.db, self.spec, self.doc_id = db, spec, doc_id
        self.detail: DocumentDetail | None = (
            get_document(db, doc_id, spec=spec, user=current_user()) if doc_id else None
        )
        self.registered: documents.Registered | None = None
        self.answer_dialog: QDialog | None = None
        self.pending: list[documents.NewAttachment] = []
        self.setStyleSheet(INVALID_STYLE)
        wide = any(
            f.kind == FieldKind.ADDRESSEES or (f.kind == FieldKind.TABLE and len(f.columns) > 3)
            for f in spec.fields
        )
        # the addressees' table has four columns, a decision's extracts six
        self.setMinimumWidth(840 if wide else 680)
        self.setSizeGripEnabled(True)
        self._build()
        if self.detail is not None:
            self._load(self.detail)
            if not actor_of(current_user()).can_write(spec.code):
                self._view_only()
        self._modified = False
        fit_to_screen(self)  # a tall card scrolls on a laptop; its buttons stay in sight
        first = self.fields.first_field()
        if first is not None:
            first.setFocus()

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        detail = self.detail
        if detail is None:
            self.setWindowTitle(f"{self.spec.title}: реєстрація документа")
        else:
            title = (
                f"{self.spec.number_label} {detail.reg_number} від {format_date(detail.reg_date)}"
            )
            self.setWindowTitle(title)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.fields = DocumentFields(self.db, self.spec, detail, self)
        self.fields.edited.connect(self._on_edited)
        # The card's names for what its fields hold (the keyboard flow and the tests use them).
        self.editors = self.fields.editors
        self.errors = self.fields.errors
        self.reg_date = self.fields.reg_date
        self.attachments = QWidget(self)
        self.attachment_list = QListWidget(self.attachments)
        self.attachment_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        self.attachment_list.itemActivated.connect(self._on_open_scan)
        add = QPushButton("Додати скан…", self.attachments)
        add.setAutoDefault(False)
        add.clicked.connect(self._on_add_scan)
        row = QHBoxLayout(self.attachments)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attachment_list, 1)
        row.addWidget(add, 0, Qt.AlignmentFlag.AlignTop)
        self.fields.add_row("Скани:", self.attachments)
        self.result_label = QLabel(self)
        self.result_label.setStyleSheet("font-size: 13pt; font-weight: bold; color: #146c43;")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.conflict_label = QLabel(self)  # what another clerk changed meanwhile
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(
            "background: #fff3cd; color: #664d03; border: 1px solid #ffda6a; padding: 6px;"
        )
        self.conflict_label.hide()
        self.flow = CardFlow(self.db, self.spec, self)  # after «Зареєстровано»: what comes next
        self.flow.changed.connect(self.saved)
        self.flow.reply_requested.connect(self._on_reply)
        # A new card has none until it registers a document (an answer links back at once).
        self.links = CardLinks(self.db, detail.id if detail is not None else None, self)

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton("Зберегти" if detail else "Зареєструвати", self)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "Скасувати", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.next_button = self.buttons.addButton(
            "Зареєструвати ще", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.next_button.hide()
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self._on_next)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        if detail is not None:
            tabs = QTabWidget(self)
            tabs.addTab(FormScrollArea(self.fields, self), "Документ")
            tabs.addTab(DocumentHistory(detail, self), "Резолюції та контроль")
            layout.addWidget(tabs)
        else:
            layout.addWidget(FormScrollArea(self.fields, self))
        layout.addWidget(self.links)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.flow)
        layout.addWidget(self.buttons)
        self._show_header()

    def _show_header(self) -> None:
        detail = self.detail
        if detail is None:
            self.header.setText(
                "Поля із зірочкою (*) обов'язкові. Enter — зареєструвати "
                "(у багаторядкових полях — Ctrl+Enter; Enter там починає новий рядок)."
            )
            return
        parts = [
            f"<b>{self.spec.number_label} {detail.reg_number}</b> від "
            f"{format_date(detail.reg_date)}"
        ]
        if detail.cancelled:
            parts.append(f"<span style='color:#b02a37'>Анульовано: {detail.cancel_reason}</span>")
        elif detail.on_control:
            parts.append(f"{detail.state.label}, термін {format_date(detail.due_date)}")
        self.header.setText(" · ".join(parts))

    def _load(self, detail: DocumentDetail) -> None:
        self.fields.load(detail.values, read_only=detail.cancelled)
        for item in detail.attachments:
            self.attachment_list.addItem(f"{item.filename} ({item.size // 1024 + 1} КБ)")
        if detail.cancelled:
            self.save_button.setEnabled(False)

    def _view_only(self) -> None:
        """A user who may only read the register sees the card, nothing to change or save."""
        self.fields.set_read_only(True)
        self.attachments.setEnabled(False)
        self.save_button.hide()
        self.cancel_button.setText("Закрити")
        self.header.setText(self.header.text() + " · <i>лише перегляд</i>")

    # --- saving ------------------------------------------------------------------------------

    def _on_edited(self) -> None:
        self._modified = True

    def prefill(self, values: dict[str, Any]) -> None:
        """Values the program fills in on a new card (an answer's addressee and «У відповідь
        на»): nothing the clerk typed yet, so closing the card untouched asks nothing."""
        self.fields.load(values, read_only=False)
        self._modified = False

    def _on_save(self) -> None:
        if self.registered is not None:
            self.accept()
            return
        if not self.save_button.isEnabled():
            return
        values, day, errors = self.fields.collect()
        self.fields.show_errors(errors)
        if errors:
            return
        if not self._confirm_warnings(values):
            return
        if self.detail is None and not self._confirm_not_duplicate(values, day or date.today()):
            return
        self._set_busy(True)
        if self.detail is None:
            self._find_answered(values, day or date.today())
        else:
            self._update(values, self.detail)

    def _confirm_warnings(self, values: dict[str, Any]) -> bool:
        """The spec's warnings (not bans); when editing, only those the edit brings in."""
        warnings = self.spec.registration_warnings(values)
        if self.detail is not None:
            before = set(self.spec.registration_warnings(self.detail.values))
            warnings = [w for w in warnings if w not in before]
        if self.spec.context_warnings is not None:
            doc_id = self.detail.id if self.detail is not None else None
            found = self.spec.context_warnings(self.db, values, doc_id)
            if self.detail is not None:
                seen = set(self.spec.context_warnings(self.db, self.detail.values, doc_id))
                found = [w for w in found if w not in seen]
            warnings += found
        if not warnings:
            return True
        verb = "Зберегти" if self.detail is not None else "Зареєструвати"
        box = QMessageBox(QMessageBox.Icon.Warning, "Увага", "\n\n".join(warnings), parent=self)
        box.setInformativeText(f"{verb} все одно?")
        yes = box.addButton(verb, QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton("Повернутися до форми", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _confirm_not_duplicate(self, values: dict[str, Any], day: date) -> bool:
        """An earlier document of the same sender with the same number or a similar summary:
        shown, and the clerk decides (app/services/duplicates.py)."""
        from app.services.duplicates import find_duplicates
        from ui.dialogs import duplicates

        found = find_duplicates(self.db, self.spec.code, values, day, user=current_user())
        return duplicates.confirm_registering(found, self)

    def _on_reply(self, doc_id: int) -> None:
        from ui.registers.reply import open_reply

        open_reply(self.db, doc_id, self)

    def _find_answered(self, values: dict[str, Any], day: date) -> None:
        """Before registering an answer: which documents it answers are on control."""
        refs = [
            (field, values[field.key])
            for field in self.spec.fields
            if field.kind == FieldKind.DOCUMENT_REFS and values.get(field.key)
        ]
        if not refs:
            self._register(values, day)
            return
        db = self.db

        def work() -> list[AnsweredControl]:
            return [c for f, numbers in refs for c in answered_controls(db, numbers, day, f)]

        run_in_background(
            work,
            lambda controls: self._on_answered(values, day, controls),
            self._on_save_failed,
            owner=self,
        )

    def _on_answered(
        self, values: dict[str, Any], day: date, controls: list[AnsweredControl]
    ) -> None:
        """Offer to end those controls — a visible choice, never silent."""
        if not controls:
            self._register(values, day)
            return
        from ui.dialogs.answer_controls import AnswerControlsDialog

        person = str(values.get("signatory") or "") or current_user().name
        dialog = AnswerControlsDialog(controls, self.spec.number_label, day, person, self)
        self.answer_dialog = dialog  # the tests answer it
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen, person = dialog.chosen(), dialog.person()
        self.answer_dialog = None
        dialog.deleteLater()
        if not accepted:
            self._set_busy(False)  # back to the card, everything as typed
            return
        self._register(values, day, chosen, person)

    def _register(
        self,
        values: dict[str, Any],
        day: date,
        close_controls: tuple[int, ...] = (),
        closed_by: str = "",
    ) -> None:
        db, spec, files, user = self.db, self.spec, tuple(self.pending), current_user()
        item = documents.Registration(
            values,
            day,
            number=self.fields.typed_number(),
            attachments=files,
            close_controls=close_controls,
            closed_by=closed_by,
        )

        def work() -> documents.Registered:
            return documents.register_many(db, spec, [item], user)[0]

        run_in_background(work, self._on_registered, self._on_save_failed, owner=self)

    def _on_registered(self, result: documents.Registered) -> None:
        self._set_busy(False)
        self.registered, self.doc_id = result, result.id
        self.pending.clear()
        for editor in self.editors.values():
            editor.remember()  # the sender just registered is offered in the next card
        self.result_label.setText(
            f"Зареєстровано: {self.spec.number_label} {result.reg_number} "
            f"від {format_date(result.reg_date)}"
        )
        self.result_label.show()
        self.fields.set_read_only(True)
        self.attachments.setEnabled(False)
        self.save_button.setText("Закрити")
        self.cancel_button.hide()
        self.next_button.show()
        self.flow.show_for(result.id)
        self.links.show_for(result.id)
        # Room for the result and the next steps where the screen has it (else the form scrolls).
        fit_to_screen(self, self.width(), max(self.height(), self.sizeHint().height()))
        self.save_button.setFocus()
        self._modified = False
        self.saved.emit(result.id)

    def _update(self, values: dict[str, Any], detail: DocumentDetail) -> None:
        db, spec, files, user = self.db, self.spec, tuple(self.pending), current_user()

        def work() -> int:
            # Fields and new scans in one transaction: all saved, or nothing.
            return documents.update_document(
                db, spec, detail.id, values, detail.version, user, files, opened=detail.values
            )

        def done(_version: int) -> None:
            self._set_busy(False)
            self._modified = False
            self.saved.emit(detail.id)
            self.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, documents.ConflictError):
                self._on_conflict(exc, values, detail)
            else:
                self._on_save_failed(exc)

        run_in_background(work, done, failed, owner=self)

    def _on_conflict(
        self, exc: documents.ConflictError, mine: dict[str, Any], opened: DocumentDetail
    ) -> None:
        """Someone saved first: show what they changed, take their values where this clerk
        left a field as it was, keep this clerk's input everywhere else; the next save (now
        against the newer version) is the clerk's deliberate choice."""
        self._set_busy(False)
        fresh = get_document(self.db, opened.id, spec=self.spec, user=current_user())
        both = []
        for change in exc.changes:
            if same_value(mine.get(change.key), opened.values.get(change.key)):
                self.editors[change.key].set_value(fresh.values.get(change.key))
            else:
                both.append(change.label)
        self.detail = fresh
        self._show_header()
        lines = [f"<b>Документ тим часом {by_whom(exc.changed_by, exc.changed_at)}.</b>"]
        lines += [escape(change.describe()) for change in exc.changes]
        if both:
            lines.append("Ці поля ви теж змінили, залишено ваше: " + ", ".join(both) + ".")
        lines.append("Ваші зміни ще не збережено: перегляньте картку й натисніть «Зберегти».")
        self.conflict_label.setText("<br>".join(lines))
        self.conflict_label.show()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, FieldErrors):  # a rule the service checks: shown beside its field
            self.fields.show_errors(exc.by_key())
        elif isinstance(exc, documents.DocumentError):
            QMessageBox.warning(self, "Не збережено", str(exc))
        else:
            QMessageBox.critical(self, "Помилка", f"Не вдалося зберегти документ:\n{exc}")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.save_button.setText(
            "Зберігаю…" if busy else ("Зберегти" if self.detail else "Зареєструвати")
        )

    def _on_next(self) -> None:
        """Start the next document: same registration date, empty fields."""
        self.registered, self.doc_id = None, None
        self.result_label.hide()
        self.fields.set_read_only(False)
        self.fields.clear()
        self.attachment_list.clear()
        self.attachments.setEnabled(True)
        self.save_button.setText("Зареєструвати")
        self.cancel_button.show()
        self.next_button.hide()
        self.flow.show_for(None)
        self.links.show_for(None)
        self._modified = False
        next(iter(self.editors.values())).focus_widget.setFocus()

    # --- attachments and closing ---------------------------------------------------------------

    def _on_add_scan(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Додати скан", documents_folder(), "Скани (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"
        )
        for path in paths:
            try:
                item = documents.NewAttachment.from_path(path)
            except (documents.DocumentError, OSError) as exc:
                QMessageBox.warning(self, "Скан не додано", str(exc))
                continue
            self.pending.append(item)
            self.attachment_list.addItem(f"{item.filename} (буде збережено)")
            self._modified = True

    def _on_open_scan(self, *_: Any) -> None:
        """Open a stored scan in the system's viewer (from a temporary copy)."""
        row = self.attachment_list.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return
        name, data = documents.attachment_data(self.db, self.detail.attachments[row].id)
        folder = Path(tempfile.mkdtemp(prefix="dilovod-"))
        path = folder / Path(name).name
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def reject(self) -> None:
        if self._busy:
            return  # a save is under way: closing now would hide whether it was stored
        if (
            self._modified
            and self.registered is None
            and not ask(
                self,
                "Закрити форму",
                "Введені дані не збережено. Закрити форму?",
                "Закрити без збереження",
                "Повернутися до форми",
            )
        ):
            return
        if self.registered is not None:
            self.accept()
            return
        super().reject()
