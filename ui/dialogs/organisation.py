"""The organisation's details: asked for at the first start, editable later in the reference data.

These lines are printed on every registration stamp and letterhead, so the form explains that and
keeps what was typed when a value is refused (an EDRPOU of 7 digits, an empty short name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dialog_support import current_user
from app.services.organisation import (
    OrganisationError,
    OrganisationInfo,
    get_organisation,
    save_organisation,
)
from ui.dialogs.fields import FormDialog
from ui.widgets import ErrorLabel

if TYPE_CHECKING:
    from db.session import Database

INTRO = "Вкажіть дані організації — вони друкуються на штампах і бланках."


class OrganisationForm(QWidget):
    """The fields of the organisation, used by the first-start dialog and the reference tab."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText("Виконавчий комітет Шепетівської міської ради")
        self.short_name = QLineEdit(self)
        self.short_name.setPlaceholderText("Шепетівська міська рада")
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("вул. Островського, 4, м. Шепетівка, 30400")
        self.postal_code = QLineEdit(self)
        self.postal_code.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), self)
        )
        self.postal_code.setPlaceholderText("30400")
        self.postal_code.setMaximumWidth(self.fontMetrics().horizontalAdvance("000000000") + 30)
        self.edrpou = QLineEdit(self)
        self.edrpou.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,10}"), self))
        self.edrpou.setPlaceholderText("8 цифр")
        self.edrpou.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000000") + 30)
        self.mayor_name = QLineEdit(self)
        self.mayor_name.setPlaceholderText("Власне ім'я ПРІЗВИЩЕ")
        self.mayor_position = QLineEdit(self)
        self.manager_name = QLineEdit(self)
        self.manager_name.setPlaceholderText("Власне ім'я ПРІЗВИЩЕ")
        self.manager_position = QLineEdit(self)
        for edit in self.findChildren(QLineEdit):
            edit.setMinimumWidth(360)
        self.edrpou.setMinimumWidth(0)
        self.postal_code.setMinimumWidth(0)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Повна назва виконкому:", self.full_name)
        form.addRow("Скорочена назва (на штампі):", self.short_name)
        form.addRow("Адреса:", self.address)
        form.addRow("Поштовий індекс:", self.postal_code)
        form.addRow("Код ЄДРПОУ:", self.edrpou)
        form.addRow(_section("Міський голова"))
        form.addRow("Ім'я та прізвище:", self.mayor_name)
        form.addRow("Посада:", self.mayor_position)
        form.addRow(_section("Керуючий справами"))
        form.addRow("Ім'я та прізвище:", self.manager_name)
        form.addRow("Посада:", self.manager_position)
        self.load()

    def load(self) -> None:
        info = get_organisation(self._db) or OrganisationInfo(full_name="", short_name="")
        for name in OrganisationInfo.__dataclass_fields__:
            getattr(self, name).setText(getattr(info, name))

    def info(self) -> OrganisationInfo:
        return OrganisationInfo(
            **{name: getattr(self, name).text() for name in OrganisationInfo.__dataclass_fields__}
        )

    def save(self) -> None:
        """Save the details; raises OrganisationError with the fields left as typed."""
        self.saving()()

    def saving(self) -> Callable[[], object]:
        """The saving of what is typed now, to run off the GUI thread (no widgets in it)."""
        db, info, user = self._db, self.info(), current_user()
        return lambda: save_organisation(db, info, user=user)

    def widget_for_error(self, message: str) -> QWidget | None:
        if "ЄДРПОУ" in message:
            return self.edrpou
        if "індекс" in message:
            return self.postal_code
        if "скорочену" in message.lower():
            return self.short_name
        if "повну" in message.lower():
            return self.full_name
        return None


def _section(title: str) -> QLabel:
    label = QLabel(f"<b>{title}</b>")
    label.setContentsMargins(0, 8, 0, 0)
    return label


class OrganisationDialog(FormDialog):
    """The first-start dialog: nothing can be stamped before the organisation is named."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__("Дані організації", INTRO, parent)
        self.form = OrganisationForm(db, self)
        self.body.addWidget(self.form)
        self.form.full_name.setFocus()

    def _prepare_save(self) -> Callable[[], object]:
        return self.form.saving()

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.form.widget_for_error(message)


class OrganisationTab(QWidget):
    """The «Організація» tab of the reference dialog: the same form with its own Save button."""

    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = OrganisationForm(db, self)
        layout.addWidget(self.form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.status = QLabel(self)
        row = QHBoxLayout()
        self.save_button = QPushButton("Зберегти", self)
        self.save_button.clicked.connect(self._on_save)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        for edit in self.form.findChildren(QLineEdit):
            edit.textEdited.connect(self._on_edited)
            edit.returnPressed.connect(self._on_save)

    def _on_edited(self) -> None:
        self.status.clear()

    def _on_save(self) -> None:
        self.error.clear_error()
        try:
            self.form.save()
        except OrganisationError as exc:
            self.error.show_error(str(exc))
            widget = self.form.widget_for_error(str(exc))
            if widget is not None:
                widget.setFocus()
            return
        self.status.setText("Збережено.")
        self.saved.emit()
