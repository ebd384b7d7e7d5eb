"""The editor of one field of a register's spec, for the registration card.

The card is built from `spec.fields`, so any register gets its form without its own widget
code. `EDITORS` maps each field kind to one editor class; `FieldEditor(db, field, year, parent)`
builds the one its field's kind names. Every editor gives the value as typed (the spec parses
and checks it, with the same messages as the services), shows a stored value and can be made
read-only. A new kind of field is one class here and one entry in `EDITORS`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QWidget,
)

from app.domain.dates import format_date
from app.registers.fields import Field, FieldKind
from app.services.reference import StaffInfo
from db.session import Database
from ui.tasks import run_in_background
from ui.widgets import (
    DateEdit,
    FoldedNames,
    FoldingCompleter,
    IntEdit,
    set_edit_placeholder,
    text_box,
    widen_popup,
)


def _shown(value: Any) -> str:
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


class Editor(QObject):
    """The editor of one spec field: the widget, its value as typed, and `edited`."""

    edited = Signal()

    def __init__(self, db: Database, field: Field, year: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.widget: QWidget = self._build(db, year, parent)

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        raise NotImplementedError

    @property
    def focus_widget(self) -> QWidget:
        return self.widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)

    def remember(self) -> None:
        """After a registration: offer what this field held in the next card (a correspondent
        registered a moment ago). Most editors have nothing to remember."""

    def chosen_staff(self) -> StaffInfo | None:
        """STAFF: the person of the list the typed text names exactly, else None."""
        return None


class LineEditor(Editor):
    """TEXT, CORRESPONDENT (with a completer over every correspondent, loaded in the
    background), DOCUMENT_REFS (numbers separated by commas), DATE, INT."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        kind = self.field.kind
        line = {FieldKind.DATE: DateEdit, FieldKind.INT: IntEdit}.get(kind, QLineEdit)(
            parent=parent
        )
        if self.field.placeholder and kind != FieldKind.DATE:
            line.setPlaceholderText(self.field.placeholder)
        if kind not in (FieldKind.DATE, FieldKind.INT, FieldKind.DOCUMENT_REFS):
            line.setMaxLength(self.field.limit)  # the limit the import and the services obey
        line.textEdited.connect(self.edited)
        if kind == FieldKind.CORRESPONDENT:
            self._complete_correspondents(db, line)
        self.line = line
        return line

    def value(self) -> Any:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, tuple | list):
            value = ", ".join(str(v) for v in value)
        self.line.setText(_shown(value))
        self.line.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def _complete_correspondents(self, db: Database, line: QLineEdit) -> None:
        """Every correspondent offered as typed, apostrophes and case ignored (FoldingCompleter);
        `remember()` adds the one just registered for the next card of this window."""
        from app.services.reference import all_correspondent_names

        model = FoldedNames(self)
        line.setCompleter(FoldingCompleter(model, line))
        self._names: FoldedNames | None = model
        run_in_background(lambda: all_correspondent_names(db), self._on_names, owner=self)

    def _on_names(self, names: list[str]) -> None:
        if self._names is not None:
            typed_since = [n for n in self._names.stringList() if n not in names]
            self._names.setStringList(names)
            for name in typed_since:  # remembered before the list arrived
                self._names.remember(name)

    def remember(self) -> None:
        names = getattr(self, "_names", None)
        if names is not None:
            names.remember(self.line.text())


class ReadOnlyEditor(LineEditor):
    """A value the program computes (an order's «втратило чинність»): shown, never typed."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        line = super()._build(db, year, parent)
        self.line.setReadOnly(True)
        self.line.setPlaceholderText("чинне")
        return line

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(True)


class TextBoxEditor(Editor):
    """MULTILINE: a text box where Tab moves on."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        self.box = text_box(parent, 3 if self.field.required else 2)
        self.box.textChanged.connect(self.edited)
        return self.box

    def value(self) -> Any:
        return self.box.toPlainText()

    def set_value(self, value: Any) -> None:
        self.box.setPlainText(_shown(value))

    def set_read_only(self, read_only: bool) -> None:
        self.box.setReadOnly(read_only)


class CheckEditor(Editor):
    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        self.box = QCheckBox(parent)
        self.box.toggled.connect(self.edited)
        return self.box

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ComboEditor(Editor):
    """CHOICE (the spec's list; another value may be typed) and CASE_INDEX (the year's
    nomenclature, each case's title beside its index)."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        set_edit_placeholder(combo, self.field.placeholder)
        self.combo = combo
        self._fill(db, year)
        combo.setCurrentIndex(-1)
        combo.editTextChanged.connect(self.edited)
        return combo

    def _fill(self, db: Database, year: int) -> None:
        if self.field.kind == FieldKind.CHOICE:
            self.combo.addItem("")
            self.combo.addItems(list(self.field.choices))
            return
        from app.services.reference import list_case_files

        combo = self.combo
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

    def value(self) -> Any:
        return self.combo.currentText()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(_shown(value))


def _classifier_titles(db: Database, list_code: str, year: int) -> list[str]:
    """The items of a classifier list in effect on some day of `year` (the register accepts
    those in effect on the document's own date and says so under the field)."""
    from datetime import date as _date

    from app.services.classifier import list_items

    first, last = _date(year, 1, 1), _date(year, 12, 31)
    return [
        e.title
        for e in list_items(db, list_code)
        if (e.valid_from is None or e.valid_from <= last)
        and (e.valid_to is None or e.valid_to >= first)
    ]


class ClassifierEditor(ComboEditor):
    """CLASSIFIER: the items of the field's classifier list (`Field.target`), as the
    administrator keeps them, loaded in the background; typing part of an item finds it."""

    def _fill(self, db: Database, year: int) -> None:
        combo = self.combo
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(widen_popup(completer))
        code = self.field.target

        def fill(titles: list[str]) -> None:
            typed = combo.currentText()
            blocked = combo.blockSignals(True)
            combo.addItem("")
            combo.addItems(titles)
            combo.setCurrentIndex(-1)
            combo.setEditText(typed)
            combo.blockSignals(blocked)

        run_in_background(lambda: _classifier_titles(db, code, year), fill, owner=self)


class _ClassifierDelegate(QStyledItemDelegate):
    """A table column of classifier items: an editable list to choose from."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.titles: list[str] = []

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(["", *self.titles])
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setEditText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())


def staff_offered(db: Database, target: str) -> tuple[list[StaffInfo], list[int]]:
    """The active staff to offer, and the ids to put first: for «reception» the people of
    the schedule of personal reception, in its order (then everyone else by name)."""
    from app.services.reference import list_staff

    people = list_staff(db, active_only=True)
    if target != "reception":
        return people, []
    from app.services.reception import reception_staff_ids

    first = reception_staff_ids(db)
    rank = {staff_id: n for n, staff_id in enumerate(first)}
    people.sort(key=lambda p: rank.get(p.id or 0, len(rank)))  # stable: by name after them
    return people, first


class StaffEditor(ComboEditor):
    """STAFF: the active staff by short name («Коваль О. П.», the position as a tip), loaded in
    the background; typing part of a name offers the matching people; a name not on the list
    is kept as typed. A field whose target is «reception» lists the officials of the schedule
    of personal reception first."""

    def _fill(self, db: Database, year: int) -> None:
        combo = self.combo
        set_edit_placeholder(combo, self.field.placeholder or "Почніть вводити прізвище…")
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(widen_popup(completer))

        def fill(found: tuple[list[StaffInfo], list[int]]) -> None:
            people, first = found
            typed = combo.currentText()
            blocked = combo.blockSignals(True)
            for info in people:
                tip = info.position
                if info.id in first:
                    tip = f"{tip} (веде прийом за графіком)".strip()
                combo.addItem(info.short, info)
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(-1)
            combo.setEditText(typed)
            combo.blockSignals(blocked)

        target = self.field.target
        run_in_background(lambda: staff_offered(db, target), fill, owner=self)

    def chosen_staff(self) -> StaffInfo | None:
        w = self.combo
        index = w.findText(w.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        data = w.itemData(index) if index >= 0 else None
        return data if isinstance(data, StaffInfo) else None


class SeriesEditor(Editor):
    """SERIES: one of the register's series (not editable text); fixed once registered."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        self.combo = QComboBox(parent)
        for code, names in self.field.options:
            self.combo.addItem(names[0] if len(names) < 2 else f"{names[1]}  {names[0]}", code)
        self.combo.currentIndexChanged.connect(self.edited)
        return self.combo

    def keep_only(self, allowed: Callable[[str], bool]) -> None:
        """Offer only the series `allowed` accepts (the ones the user may register in)."""
        for index in reversed(range(self.combo.count())):
            if not allowed(str(self.combo.itemData(index))):
                self.combo.removeItem(index)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value else 0
        self.combo.setCurrentIndex(max(index, 0))


class AddresseesAdapter(Editor):
    """ADDRESSEES: the addressees table (addressees_editor.py)."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        from ui.dialogs.addressees_editor import AddresseesEditor

        self.editor = AddresseesEditor(db, parent)
        self.editor.edited.connect(self.edited)
        return self.editor

    @property
    def focus_widget(self) -> QWidget:
        return self.editor.focus_widget

    def value(self) -> Any:
        return self.editor.value()

    def set_value(self, value: Any) -> None:
        self.editor.set_value(value)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.set_read_only(read_only)


class TableEditor(Editor):
    """TABLE: rows of a child table, one column per `field.columns`; an empty last row is
    always there to type into (a row left blank is dropped by the spec)."""

    def _build(self, db: Database, year: int, parent: QWidget) -> QWidget:
        columns = self.field.columns
        table = QTableWidget(1, len(columns), parent)
        table.setHorizontalHeaderLabels([c.label for c in columns])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setMinimumHeight(110)
        table.setMaximumHeight(150)
        table.setTabKeyNavigation(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        for number, column in enumerate(columns):
            header = table.horizontalHeaderItem(number)
            if header is not None and column.kind == FieldKind.DATE:
                header.setToolTip("ДД.ММ.РРРР")
            elif header is not None and column.placeholder:
                header.setToolTip(column.placeholder)  # a narrow column's full meaning
        table.itemChanged.connect(self._on_changed)
        self.table = table
        for number, column in enumerate(columns):
            if column.kind == FieldKind.CLASSIFIER:
                self._classifier_column(db, table, number, column.target, year)
        return table

    def _classifier_column(
        self, db: Database, table: QTableWidget, number: int, code: str, year: int
    ) -> None:
        delegate = _ClassifierDelegate(table)
        table.setItemDelegateForColumn(number, delegate)

        def fill(titles: list[str]) -> None:
            delegate.titles = titles

        run_in_background(lambda: _classifier_titles(db, code, year), fill, owner=self)

    def _on_changed(self, _item: QTableWidgetItem) -> None:
        last = self.table.rowCount() - 1
        if any(self._cell(last, c) for c in range(self.table.columnCount())):
            self.table.insertRow(last + 1)
        self.edited.emit()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def value(self) -> Any:
        keys = [c.key for c in self.field.columns]
        rows = []
        for row in range(self.table.rowCount()):
            rows.append({k: self._cell(row, i) for i, k in enumerate(keys)})
        return rows

    def set_value(self, value: Any) -> None:
        blocked = self.table.blockSignals(True)
        rows = list(value or ())
        self.table.setRowCount(len(rows) + 1)
        for r in range(self.table.rowCount()):
            for c, column in enumerate(self.field.columns):
                cell = rows[r].get(column.key) if r < len(rows) else ""
                item = QTableWidgetItem(_shown(cell))
                item.setToolTip(_shown(cell))  # a long text in a narrow column, read whole
                self.table.setItem(r, c, item)
        self.table.blockSignals(blocked)

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.table.setEditTriggers(triggers)


EDITORS: dict[FieldKind, type[Editor]] = {
    FieldKind.TEXT: LineEditor,
    FieldKind.CORRESPONDENT: LineEditor,
    FieldKind.DOCUMENT_REFS: LineEditor,
    FieldKind.DATE: LineEditor,
    FieldKind.INT: LineEditor,
    FieldKind.MULTILINE: TextBoxEditor,
    FieldKind.BOOL: CheckEditor,
    FieldKind.CHOICE: ComboEditor,
    FieldKind.CASE_INDEX: ComboEditor,
    FieldKind.STAFF: StaffEditor,
    FieldKind.SERIES: SeriesEditor,
    FieldKind.ADDRESSEES: AddresseesAdapter,
    FieldKind.TABLE: TableEditor,
    FieldKind.CLASSIFIER: ClassifierEditor,
}


def FieldEditor(db: Database, field: Field, year: int, parent: QWidget) -> Editor:
    """The editor its field's kind names (a computed field is shown read-only)."""
    cls = ReadOnlyEditor if field.read_only else EDITORS[field.kind]
    return cls(db, field, year, parent)
