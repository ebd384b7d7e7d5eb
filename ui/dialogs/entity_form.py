"""The card of an entity register's record (a person of the staff list): the spec's fields,
each with its message under it, saved through the register's service.

Built from `EntitySpec.fields` with the same editors as the registration card; a list whose
choices live in the database (the departments) is filled by the tab's `choices` callables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.registers.entity import EntitySpec
from app.registers.fields import FieldErrors
from app.services.dialog_support import current_user
from db.session import Database
from ui.dialogs.field_editor import Editor, FieldEditor
from ui.widgets import ErrorLabel, set_invalid, with_error_below

Save = Callable[[Database, int | None, dict[str, Any], Any], int]


class EntityForm(QDialog):
    """Emits `saved(id)` once the record is stored; a refusal stays on the card, nothing lost."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        spec: EntitySpec,
        record_id: int | None,
        values: Mapping[str, Any] | None,
        save: Save,
        choices: Mapping[str, Callable[[Database], list[str]]],
        read_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.spec, self.record_id, self._save = db, spec, record_id, save
        self.setWindowTitle(
            f"{spec.record_title}: нова картка" if record_id is None else spec.record_title
        )
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in spec.fields:
            editor = FieldEditor(db, field, 0, self)
            if field.key in choices and isinstance(editor.widget, QComboBox):
                editor.widget.addItems(choices[field.key](db))
                editor.widget.setCurrentIndex(-1)
            self.editors[field.key] = editor
            error = self.errors[field.key] = ErrorLabel(self)
            caption = QLabel(f"{field.label}{' *' if field.required else ''}:", self)
            caption.setBuddy(editor.widget)
            form.addRow(caption, with_error_below(editor.widget, error, self))
        self.message = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Зберегти", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        defaults = {"active": True} if record_id is None else {}
        for key, editor in self.editors.items():
            editor.set_value((values or defaults).get(key))
            editor.set_read_only(read_only)
        self.save_button.setVisible(not read_only)

    def _on_save(self) -> None:
        self.message.clear_error()
        try:
            values = self.spec.parse({k: e.value() for k, e in self.editors.items()})
        except FieldErrors as exc:
            self._show(exc.by_key())
            return
        self._show({})
        try:
            record_id = self._save(self.db, self.record_id, values, current_user())
        except (ValueError, PermissionError) as exc:
            self.message.show_error(str(exc))
            return
        self.record_id = record_id
        self.saved.emit(record_id)
        self.accept()

    def _show(self, errors: Mapping[str, str]) -> None:
        first = None
        for key, label in self.errors.items():
            text = errors.get(key, "")
            label.show_error(text)
            set_invalid(self.editors[key].widget, bool(text))
            if text and first is None:
                first = self.editors[key].focus_widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
