"""Small edit forms for one reference record: an executive body, a correspondent, a case file.

Each form saves through app.services.reference on accept and keeps its dialog open with the
service's Ukrainian message when the record is refused. The staff form is in reference_staff.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from app.services import reference
from app.services.dialog_support import current_user
from app.services.reference import CaseFileInfo, CorrespondentInfo, DepartmentInfo
from ui.dialogs.fields import FormDialog
from ui.widgets import department_choices

if TYPE_CHECKING:
    from db.session import Database


def department_combo(db: Database, selected: int | None, parent: QWidget) -> QComboBox:
    """A choice of executive body, «—» for none; inactive bodies are listed only when chosen."""
    combo = QComboBox(parent)
    combo.addItem("—", None)
    depts = [d for d in reference.list_departments(db) if d.active or d.id == selected]
    for label, dept_id in department_choices(depts):
        combo.addItem(label, dept_id)
    combo.setCurrentIndex(max(combo.findData(selected), 0))
    return combo


def _wide(edit: QLineEdit, width: int = 380) -> QLineEdit:
    edit.setMinimumWidth(width)
    return edit


class DepartmentForm(FormDialog):
    """A виконавчий орган: its name and the index code used in case indexes («01-12»)."""

    def __init__(
        self, db: Database, info: DepartmentInfo | None = None, parent: QWidget | None = None
    ) -> None:
        title = "Новий виконавчий орган" if info is None else "Виконавчий орган"
        super().__init__(title, parent=parent)
        self._db = db
        self._info = info or DepartmentInfo(None, "")
        self.saved: DepartmentInfo | None = None
        self.name = _wide(QLineEdit(self._info.name, self))
        self.index_code = QLineEdit(self._info.index_code, self)
        self.index_code.setPlaceholderText("01-12")
        self.active = QCheckBox("Діє (пропонується у формах)", self)
        self.active.setChecked(self._info.active)
        form = QFormLayout()
        form.addRow("Назва:", self.name)
        form.addRow("Індекс:", self.index_code)
        form.addRow("", self.active)
        self.body.addLayout(form)

    def _prepare_save(self) -> Callable[[], object]:
        info = DepartmentInfo(
            self._info.id, self.name.text(), self.index_code.text(), self.active.isChecked()
        )
        db, user = self._db, current_user()
        return lambda: reference.save_department(db, info, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, DepartmentInfo)
        self.saved = result


class CorrespondentForm(FormDialog):
    """An organisation or person that writes to the council or gets its letters."""

    def __init__(
        self, db: Database, info: CorrespondentInfo | None = None, parent: QWidget | None = None
    ) -> None:
        title = "Новий кореспондент" if info is None else "Кореспондент"
        super().__init__(title, parent=parent)
        self._db = db
        self._info = info or CorrespondentInfo(None, "")
        self.saved: CorrespondentInfo | None = None
        self.name = _wide(QLineEdit(self._info.name, self), 420)
        self.address = _wide(QLineEdit(self._info.address, self), 420)
        self.postal_code = QLineEdit(self._info.postal_code, self)
        self.postal_code.setMaxLength(10)
        self.email = QLineEdit(self._info.email, self)
        form = QFormLayout()
        form.addRow("Назва:", self.name)
        form.addRow("Адреса:", self.address)
        form.addRow("Поштовий індекс:", self.postal_code)
        form.addRow("Електронна пошта:", self.email)
        self.body.addLayout(form)

    def _prepare_save(self) -> Callable[[], object]:
        info = CorrespondentInfo(
            self._info.id,
            self.name.text(),
            self.address.text(),
            self.postal_code.text(),
            self.email.text(),
        )
        db, user = self._db, current_user()
        return lambda: reference.save_correspondent(db, info, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, CorrespondentInfo)
        self.saved = result


class CaseFileForm(FormDialog):
    """A case of the nomenclature (номенклатура справ): index, title, retention term, year."""

    def __init__(
        self, db: Database, info: CaseFileInfo | None = None, parent: QWidget | None = None
    ) -> None:
        title = "Нова справа номенклатури" if info is None else "Справа номенклатури"
        super().__init__(title, parent=parent)
        self._db = db
        self._info = info or CaseFileInfo(None, "", "", year=date.today().year)
        self.saved: CaseFileInfo | None = None
        self.index = QLineEdit(self._info.index, self)
        self.index.setPlaceholderText("01-12")
        self.title = _wide(QLineEdit(self._info.title, self), 420)
        self.retention = QLineEdit(self._info.retention, self)
        self.retention.setPlaceholderText("5 р., ст. 22 або Постійно")
        self.year = QSpinBox(self)
        self.year.setRange(1990, 2100)
        self.year.setValue(self._info.year or date.today().year)
        self.department = department_combo(db, self._info.department_id, self)
        form = QFormLayout()
        form.addRow("Індекс справи:", self.index)
        form.addRow("Заголовок:", self.title)
        form.addRow("Строк зберігання:", self.retention)
        form.addRow("Рік:", self.year)
        form.addRow("Виконавчий орган:", self.department)
        self.body.addLayout(form)

    def _prepare_save(self) -> Callable[[], object]:
        info = CaseFileInfo(
            self._info.id,
            self.index.text(),
            self.title.text(),
            self.retention.text(),
            self.year.value(),
            self.department.currentData(),
        )
        db, user = self._db, current_user()
        return lambda: reference.save_case_file(db, info, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, CaseFileInfo)
        self.saved = result

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.index if "індекс" in message.lower() else None
