"""The choice an answer offers: end the control of the documents it answers (9.13–9.14).

Shown when a registration card names («У відповідь на») incoming documents that are on control.
Nothing is removed silently: every document is listed with its term and executor, each with its
own tick, with who removes it from control; the basis is the answer itself and the date of
removal its registration date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import format_date
from app.services.outgoing import AnsweredControl
from ui.widgets import ErrorLabel, WrappedLabel


class AnswerControlsDialog(QDialog):
    """After exec(): `chosen()` are the ids to remove from control and `person()` who does it."""

    def __init__(
        self,
        controls: Sequence[AnsweredControl],
        number_label: str,
        day: date,
        person: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Відповідь на документ на контролі")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        one = len(controls) == 1
        what = "документ, що перебуває" if one else "документи, що перебувають"
        them = "його" if one else "їх"
        layout.addWidget(
            WrappedLabel(
                f"Цей документ — відповідь на {what} на контролі. Зняти {them} з контролю "
                "з цією відповіддю як підставою? Датою зняття буде дата реєстрації відповіді "
                f"({format_date(day)}), підставою — «{number_label} …» з номером, який вона "
                "отримає.",
                self,
            )
        )
        self.boxes: list[tuple[QCheckBox, int]] = []
        for item in controls:
            box = QCheckBox(item.short_label, self)
            box.setToolTip(item.label)
            box.setChecked(True)
            layout.addWidget(box)
            self.boxes.append((box, item.id))
        form = QFormLayout()
        self.person_edit = QLineEdit(person, self)
        self.person_edit.setPlaceholderText("Хто знімає з контролю (посада, прізвище)")
        form.addRow("Знімає з контролю:", self.person_edit)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.register_button = buttons.addButton(
            "Зареєструвати", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.back_button = buttons.addButton(
            "Повернутися до картки", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.register_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[int, ...]:
        return tuple(doc_id for box, doc_id in self.boxes if box.isChecked())

    def person(self) -> str:
        return self.person_edit.text().strip()

    def accept(self) -> None:
        if self.chosen() and not self.person():
            self.error.show_error("Вкажіть, хто знімає документи з контролю")
            self.person_edit.setFocus()
            return
        super().accept()
