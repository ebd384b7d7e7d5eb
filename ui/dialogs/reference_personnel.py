"""«Кадрові списки» of the reference dialog: the lists HR picks from and the numbers its rules
use, kept by the administrator (the settings' right): the bases of appointment, the grounds of
dismissal, the kinds of vacation (one a line), the seniority bonus ladder («3:10; 5:15; …»),
the martial-law cap on annual leave (ЗУ № 2136-IX ст. 12), and the HR department whose letters
and appeals the HR report counts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import personnel as rules
from app.services import personnel as hr
from app.services import settings
from app.services.dialog_support import current_user
from db.session import Database
from ui.widgets import ErrorLabel


class PersonnelListsTab(QWidget):
    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        form = QFormLayout()
        self.lists: dict[str, QPlainTextEdit] = {}
        for kind, (title, _default) in rules.EDITABLE_LISTS.items():
            box = QPlainTextEdit(self)
            box.setPlainText("\n".join(hr.choice_list(db, kind)))
            box.setMaximumHeight(110)
            self.lists[kind] = box
            form.addRow(f"{title} (по одній на рядок):", box)
        self.ladder = QLineEdit(rules.ladder_text(hr.ladder(db)), self)
        form.addRow("Шкала надбавок за вислугу (років:%):", self.ladder)
        self.cap = QSpinBox(self)
        self.cap.setRange(1, 60)
        self.cap.setValue(hr.vacation_cap(db))
        form.addRow("Щорічна відпустка у воєнний стан, днів:", self.cap)
        self.department = QComboBox(self)
        self.department.addItem("(усі виконавчі органи)", "")
        for name in hr.department_names(db):
            self.department.addItem(name, name)
        chosen = settings.get_setting(db, hr.HR_DEPARTMENT, "")
        self.department.setCurrentIndex(max(0, self.department.findData(chosen)))
        form.addRow("Кадрова служба (для звіту):", self.department)
        self.error = ErrorLabel(self)
        self.save_button = QPushButton("Зберегти", self)
        self.save_button.clicked.connect(self._on_save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        layout.addStretch(1)

    def _on_save(self) -> None:
        self.error.clear_error()
        user = current_user()
        try:
            for kind, box in self.lists.items():
                hr.set_choice_list(self.db, kind, box.toPlainText().splitlines(), user)
            hr.set_ladder(self.db, self.ladder.text(), user)
            settings.set_setting(self.db, hr.VACATION_CAP, str(self.cap.value()), user)
            settings.set_setting(self.db, hr.HR_DEPARTMENT, self.department.currentData(), user)
        except (ValueError, PermissionError) as exc:
            self.error.show_error(str(exc))
            return
        self.ladder.setText(rules.ladder_text(hr.ladder(self.db)))
        self.saved.emit()
