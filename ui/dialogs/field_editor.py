"""The editor of one field of a register's spec, for the registration card.

The card is built from `spec.fields`, so any register gets its form without its own widget
code: each FieldKind maps to one editor here, and the card only asks for the value as typed
(the spec parses and checks it, with the same messages as the services).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QTreeView,
    QWidget,
)

from app.domain.dates import format_date
from app.registers.fields import Field, FieldKind
from app.services.reference import StaffInfo
from db.session import Database
from ui.tasks import run_in_background
from ui.widgets import DateEdit, IntEdit, set_edit_placeholder, text_box


class FieldEditor(QObject):
    """The editor of one spec field: the widget, its value as typed, and `edited`.

    TEXT → QLineEdit, MULTILINE → QPlainTextEdit (Tab moves on), DATE → DateEdit, INT → IntEdit,
    BOOL → QCheckBox, CHOICE → editable combo, CORRESPONDENT → line edit with a completer over
    every correspondent (loaded in the background), CASE_INDEX → editable combo of the year's
    nomenclature showing each case's title beside its index, STAFF → editable combo of the
    active staff, DOCUMENT_REFS → line edit of numbers separated by commas, ADDRESSEES → the
    addressees table (addressees_editor.py).
    """

    edited = Signal()

    def __init__(self, db: Database, field: Field, year: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        kind = field.kind
        self.widget: QWidget
        if kind == FieldKind.MULTILINE:
            edit = text_box(parent, 3 if field.required else 2)
            edit.textChanged.connect(self.edited)
            self.widget = edit
        elif kind == FieldKind.BOOL:
            box = QCheckBox(parent)
            box.toggled.connect(self.edited)
            self.widget = box
        elif kind == FieldKind.ADDRESSEES:
            from ui.dialogs.addressees_editor import AddresseesEditor

            editor = AddresseesEditor(db, parent)
            editor.edited.connect(self.edited)
            self.widget = editor
        elif kind == FieldKind.STAFF:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            set_edit_placeholder(combo, field.placeholder or "Почніть вводити прізвище…")
            combo.editTextChanged.connect(self.edited)
            self._fill_staff(db, combo)
            self.widget = combo
        elif kind in (FieldKind.CHOICE, FieldKind.CASE_INDEX):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            set_edit_placeholder(combo, field.placeholder)
            if kind == FieldKind.CHOICE:
                combo.addItem("")
                combo.addItems(list(field.choices))
            else:
                self._fill_cases(db, combo, year)
            combo.setCurrentIndex(-1)
            combo.editTextChanged.connect(self.edited)
            self.widget = combo
        else:
            line = {FieldKind.DATE: DateEdit, FieldKind.INT: IntEdit}.get(kind, QLineEdit)(
                parent=parent
            )
            if field.placeholder and kind != FieldKind.DATE:
                line.setPlaceholderText(field.placeholder)
            if kind not in (FieldKind.DATE, FieldKind.INT):
                line.setMaxLength(field.limit)  # the limit the import and the services obey
            line.textEdited.connect(self.edited)
            if kind == FieldKind.CORRESPONDENT:
                self._complete_correspondents(db, line)
            self.widget = line

    @property
    def focus_widget(self) -> QWidget:
        from ui.dialogs.addressees_editor import AddresseesEditor

        w = self.widget
        return w.focus_widget if isinstance(w, AddresseesEditor) else w

    def value(self) -> Any:
        w = self.widget
        if self.field.kind == FieldKind.ADDRESSEES:
            return w.value()  # type: ignore[attr-defined]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentText()
        assert isinstance(w, QLineEdit)
        return w.text()

    def chosen_staff(self) -> StaffInfo | None:
        """STAFF: the person of the list the typed text names exactly, else None."""
        w = self.widget
        if self.field.kind != FieldKind.STAFF or not isinstance(w, QComboBox):
            return None
        index = w.findText(w.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        data = w.itemData(index) if index >= 0 else None
        return data if isinstance(data, StaffInfo) else None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if self.field.kind == FieldKind.ADDRESSEES:
            w.set_value(value)  # type: ignore[attr-defined]
            return
        if isinstance(value, tuple | list) and self.field.kind == FieldKind.DOCUMENT_REFS:
            value = ", ".join(str(v) for v in value)
        text = format_date(value) if isinstance(value, date) else ("" if value is None else value)
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(text))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(-1)
            w.setEditText(str(text))
        elif isinstance(w, QLineEdit):
            w.setText(str(text))
            w.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        w = self.widget
        if self.field.kind == FieldKind.ADDRESSEES:
            w.set_read_only(read_only)  # type: ignore[attr-defined]
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            w.setReadOnly(read_only)
        else:
            w.setEnabled(not read_only)

    @staticmethod
    def _fill_cases(db: Database, combo: QComboBox, year: int) -> None:
        from app.services.reference import list_case_files

        model = QStandardItemModel(combo)
        for case in list_case_files(db, year):
            model.appendRow([QStandardItem(case.index), QStandardItem(case.title)])
        view = QTreeView(combo)
        view.setHeaderHidden(True)
        view.setRootIsDecorated(False)
        view.setMinimumWidth(640)
        combo.setModel(model)
        combo.setView(view)
        combo.setModelColumn(0)
        view.resizeColumnToContents(0)

    def _fill_staff(self, db: Database, combo: QComboBox) -> None:
        """The active staff by short name («Коваль О. П.», the position as a tip), loaded in
        the background; typing part of a name offers the matching people."""
        from app.services.reference import list_staff

        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)

        def fill(people: list[StaffInfo]) -> None:
            typed = combo.currentText()
            blocked = combo.blockSignals(True)
            for info in people:
                combo.addItem(info.short, info)
                combo.setItemData(combo.count() - 1, info.position, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(-1)
            combo.setEditText(typed)
            combo.blockSignals(blocked)

        run_in_background(lambda: list_staff(db, active_only=True), fill, owner=self)

    def _complete_correspondents(self, db: Database, line: QLineEdit) -> None:
        from app.services.reference import all_correspondent_names

        model = QStringListModel(self)
        completer = QCompleter(model, line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        line.setCompleter(completer)
        run_in_background(lambda: all_correspondent_names(db), model.setStringList, owner=self)
