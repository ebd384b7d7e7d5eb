"""The staff form: a person who authors resolutions or executes documents.

Resolutions name executors in the dative case («Мельнику І. І.», «Коваль О. П.»), which depends on
the gender. The form shows the library's form live while the name is typed, guesses the gender
from the patronymic until the clerk picks one, and takes a hand-written form for the rare name
the library declines wrongly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.domain.names import Gender, detect_gender
from app.services import reference
from app.services.dialog_support import current_user
from app.services.reference import StaffInfo
from ui.dialogs.fields import FormDialog
from ui.dialogs.reference_forms import department_combo
from ui.widgets import hint_label

if TYPE_CHECKING:
    from db.session import Database


class StaffForm(FormDialog):
    """Add or change one staff member, with the dative form previewed as it will be printed."""

    def __init__(
        self, db: Database, info: StaffInfo | None = None, parent: QWidget | None = None
    ) -> None:
        title = "Новий працівник" if info is None else "Працівник"
        super().__init__(title, parent=parent)
        self._db = db
        self._info = info or StaffInfo(None, "", "")
        self._gender_chosen = info is not None
        self.saved: StaffInfo | None = None

        self.surname = QLineEdit(self._info.surname, self)
        self.given_name = QLineEdit(self._info.given_name, self)
        self.patronymic = QLineEdit(self._info.patronymic, self)
        self.gender = QComboBox(self)
        for gender in Gender:
            self.gender.addItem(gender.label, gender.value)
        self.gender.setCurrentIndex(max(self.gender.findData(self._info.gender), 0))
        self.position = QLineEdit(self._info.position, self)
        self.position.setPlaceholderText("Начальник загального відділу")
        self.department = department_combo(db, self._info.department_id, self)
        self.phone = QLineEdit(self._info.phone, self)
        self.phone.setPlaceholderText("(03840) 4-12-34")
        self.dative_preview = QLabel(self)
        self.dative_preview.setMinimumWidth(220)
        self.dative_override = QLineEdit(self._info.dative_override, self)
        self.dative_override.setPlaceholderText("лише якщо форма вище неправильна")
        self.active = QCheckBox("Працює (пропонується у резолюціях)", self)
        self.active.setChecked(self._info.active)
        for edit in (self.surname, self.given_name, self.patronymic, self.position):
            edit.setMinimumWidth(320)

        form = QFormLayout()
        form.addRow("Прізвище:", self.surname)
        form.addRow("Ім'я:", self.given_name)
        form.addRow("По батькові:", self.patronymic)
        form.addRow("Стать:", self.gender)
        form.addRow("Посада:", self.position)
        form.addRow("Виконавчий орган:", self.department)
        form.addRow("Телефон:", self.phone)
        form.addRow("У резолюції (кому):", self.dative_preview)
        form.addRow("Давальний відмінок вручну:", self.dative_override)
        form.addRow(
            "",
            hint_label(
                "Форма «кому» береться з бібліотеки відмінювання. Якщо вона неправильна, "
                "впишіть правильну, наприклад «Коваль О. П.»",
                self,
            ),
        )
        form.addRow("", self.active)
        self.body.addLayout(form)

        for edit in (self.surname, self.given_name, self.patronymic, self.dative_override):
            edit.textChanged.connect(self._on_name_changed)
        self.gender.activated.connect(self._on_gender_chosen)
        self.gender.currentIndexChanged.connect(self._on_name_changed)
        self._on_name_changed()

    def _on_gender_chosen(self) -> None:
        self._gender_chosen = True

    def _on_name_changed(self) -> None:
        if not self._gender_chosen:
            guess = detect_gender(self.given_name.text().strip(), self.patronymic.text().strip())
            if guess is not None and guess.value != self.gender.currentData():
                self.gender.blockSignals(True)
                self.gender.setCurrentIndex(self.gender.findData(guess.value))
                self.gender.blockSignals(False)
        self.dative_preview.setText(self._preview())

    def _preview(self) -> str:
        info = self._current()
        if not info.surname.strip() or not info.given_name.strip():
            return "—"
        try:
            text = info.dative
        except Exception:  # the library refuses odd input while it is half typed
            return "—"
        return f"<b>{text}</b>" + ("  (вручну)" if info.dative_override.strip() else "")

    def _current(self) -> StaffInfo:
        return StaffInfo(
            id=self._info.id,
            surname=self.surname.text().strip(),
            given_name=self.given_name.text().strip(),
            patronymic=self.patronymic.text().strip(),
            gender=self.gender.currentData(),
            position=self.position.text(),
            department_id=self.department.currentData(),
            phone=self.phone.text(),
            dative_override=self.dative_override.text(),
            active=self.active.isChecked(),
        )

    def dative_text(self) -> str:
        """The previewed dative form as plain text (for tests and the status line)."""
        info = self._current()
        return info.dative if info.surname and info.given_name else ""

    def _prepare_save(self) -> Callable[[], object]:
        db, info, user = self._db, self._current(), current_user()
        return lambda: reference.save_staff(db, info, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, StaffInfo)
        self.saved = result

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.surname if "прізвище" in message.lower() else None
