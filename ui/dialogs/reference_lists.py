"""The list tabs of the reference dialog: a table with «Додати» and «Змінити» above it.

Reference lists are short (dozens of bodies and staff, hundreds of cases), so each tab loads its
list whole into a QStandardItemModel; correspondents can be thousands, so that tab searches by
part of the name and shows the first matches. Records are never deleted here: a resolution or a
register row may point at them — a body or a person who left is marked inactive instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import reference
from ui.dialogs.reference_forms import CaseFileForm, CorrespondentForm, DepartmentForm
from ui.dialogs.reference_staff import StaffForm

if TYPE_CHECKING:
    from db.session import Database

Editor = Callable[[Any, QWidget], QDialog]


@dataclass(frozen=True)
class ListSpec:
    """What one tab lists and how it edits a record."""

    headers: Sequence[str]
    load: Callable[[str], list[Any]]
    cells: Callable[[Any], Sequence[str]]
    editor: Editor
    search_hint: str = ""
    note: str = ""
    stretch: int = 1  # the column that takes the spare width (a name or a title)
    #: Buttons before «Додати…» acting on the whole list: (caption, action(tab)).
    actions: Sequence[tuple[str, Callable[[QWidget], None]]] = ()


class RecordListTab(QWidget):
    """A table of records with add / change; double-click or Enter changes the current one."""

    changed = Signal()

    def __init__(self, spec: ListSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = spec
        self._records: list[Any] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search: QLineEdit | None = None
        if spec.search_hint:
            self.search = QLineEdit(self)
            self.search.setPlaceholderText(spec.search_hint)
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self._on_search)
            bar.addWidget(self.search, 1)
        else:
            bar.addStretch(1)
        self.action_buttons: list[QPushButton] = []
        for caption, action in spec.actions:
            button = QPushButton(caption, self)
            button.clicked.connect(lambda _=False, act=action: act(self))
            bar.addWidget(button)
            self.action_buttons.append(button)
        self.add_button = QPushButton("Додати…", self)
        self.edit_button = QPushButton("Змінити…", self)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        layout.addLayout(bar)

        self.model = QStandardItemModel(0, len(spec.headers), self)
        self.model.setHorizontalHeaderLabels(list(spec.headers))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.activated.connect(self._on_double_clicked)
        layout.addWidget(self.view, 1)
        if spec.note:
            note = QLabel(spec.note, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        text = self.search.text() if self.search is not None else ""
        self._records = self._spec.load(text)
        self.model.removeRows(0, self.model.rowCount())
        for record in self._records:
            items = [QStandardItem(cell) for cell in self._spec.cells(record)]
            if not getattr(record, "active", True):
                for item in items:
                    item.setForeground(self.palette().placeholderText())
            self.model.appendRow(items)
        self._fit_columns()
        row = next((i for i, r in enumerate(self._records) if r.id == select_id), 0)
        if self._records:
            self.view.selectRow(row)
        self.edit_button.setEnabled(bool(self._records))

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if column == self._spec.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(column, min(header.sectionSize(column) + 16, 320))

    def current(self) -> Any | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self._records):
            return None
        return self._records[index.row()]

    def _on_search(self) -> None:
        self.reload()

    def _on_add(self) -> None:
        self._open(None)

    def _on_edit(self) -> None:
        record = self.current()
        if record is not None:
            self._open(record)

    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit()

    def _open(self, record: Any | None) -> None:
        dialog = self._spec.editor(record, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            saved = getattr(dialog, "saved", None)
            self.reload(getattr(saved, "id", None))
            self.changed.emit()


def _yes(flag: bool) -> str:
    return "так" if flag else "ні"


def department_tab(db: Database, parent: QWidget | None = None) -> RecordListTab:
    spec = ListSpec(
        headers=("Індекс", "Назва", "Діє"),
        load=lambda _text: reference.list_departments(db),
        cells=lambda d: (d.index_code, d.name, _yes(d.active)),
        editor=lambda record, owner: DepartmentForm(db, record, owner),
        note="Виконавчі органи не видаляються: якщо орган ліквідовано, зніміть позначку «Діє».",
    )
    return RecordListTab(spec, parent)


def _department_names(db: Database) -> dict[int, str]:
    return {d.id: d.index_code or d.name for d in reference.list_departments(db) if d.id}


def staff_tab(db: Database, parent: QWidget | None = None) -> RecordListTab:
    names: dict[int, str] = {}

    def load(_text: str) -> list[reference.StaffInfo]:
        names.clear()
        names.update(_department_names(db))
        return reference.list_staff(db)

    def cells(s: reference.StaffInfo) -> tuple[str, ...]:
        full = " ".join(p for p in (s.surname, s.given_name, s.patronymic) if p)
        dept = names.get(s.department_id or 0, "")
        return (full, s.dative, s.position, dept, s.phone, _yes(s.active))

    spec = ListSpec(
        headers=("Прізвище, ім'я, по батькові", "Кому", "Посада", "Орган", "Телефон", "Працює"),
        load=load,
        cells=cells,
        editor=lambda record, owner: StaffForm(db, record, owner),
        note="«Кому» — форма в давальному відмінку, як її надрукує резолюція.",
        stretch=2,
    )
    return RecordListTab(spec, parent)


def correspondent_tab(db: Database, parent: QWidget | None = None) -> RecordListTab:
    spec = ListSpec(
        headers=("Назва", "Адреса", "Пошт. індекс", "Електронна пошта"),
        load=lambda text: reference.list_correspondents(db, text, limit=200),
        cells=lambda c: (c.name, c.address, c.postal_code, c.email),
        editor=lambda record, owner: CorrespondentForm(db, record, owner),
        search_hint="Пошук за частиною назви (показано до 200 збігів)",
        stretch=0,
    )
    return RecordListTab(spec, parent)


def case_file_tab(db: Database, parent: QWidget | None = None) -> RecordListTab:
    names: dict[int, str] = {}

    def load(_text: str) -> list[reference.CaseFileInfo]:
        names.clear()
        names.update(_department_names(db))
        return reference.list_case_files(db)

    def cells(c: reference.CaseFileInfo) -> tuple[str, ...]:
        dept = names.get(c.department_id or 0, "")
        return (c.index, c.title, c.retention, str(c.year), dept)

    spec = ListSpec(
        headers=("Індекс", "Заголовок справи", "Строк зберігання", "Рік", "Орган"),
        load=load,
        cells=cells,
        editor=lambda record, owner: CaseFileForm(db, record, owner),
    )
    return RecordListTab(spec, parent)
