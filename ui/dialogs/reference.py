"""The reference data (довідники) in one tabbed dialog.

Each tab saves its own changes at once (a record form on «Зберегти», the organisation and the
settings with their own button), so closing the dialog never loses or half-saves anything. The
tabs live in reference_*.py; this module only puts them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import CALENDAR_WRITE, SETTINGS_WRITE
from app.services.dialog_support import current_user
from ui.dialogs.organisation import OrganisationTab
from ui.dialogs.reception import reception_tab
from ui.dialogs.reference_calendar import CalendarTab
from ui.dialogs.reference_classifier import ClassifierTab
from ui.dialogs.reference_lists import (
    case_file_tab,
    correspondent_tab,
    department_tab,
    staff_tab,
)
from ui.dialogs.reference_personnel import PersonnelListsTab
from ui.dialogs.reference_settings import SettingsTab
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from db.session import Database


class ReferenceDialog(QDialog):
    """Organisation, executive bodies, staff, correspondents, nomenclature, calendar, settings,
    the appeals' classifier and the schedule of personal reception.

    `changed` tells the main window to refresh what it shows (pickers, terms, the timer).
    """

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Довідники")
        fit_to_screen(self, 1000, 640)
        self.tabs = QTabWidget(self)
        self.organisation = OrganisationTab(db, self.tabs)
        self.departments = department_tab(db, self.tabs)
        self.staff = staff_tab(db, self.tabs)
        self.correspondents = correspondent_tab(db, self.tabs)
        self.case_files = case_file_tab(db, self.tabs)
        self.calendar = CalendarTab(db, self.tabs)
        self.settings = SettingsTab(db, self.tabs)
        self.personnel = PersonnelListsTab(db, self.tabs)
        self.classifier = ClassifierTab(db, self.tabs)
        self.reception = reception_tab(db, self.tabs)
        self.tabs.addTab(self.organisation, "Організація")
        self.tabs.addTab(self.departments, "Виконавчі органи")
        self.tabs.addTab(self.staff, "Працівники")
        self.tabs.addTab(self.correspondents, "Кореспонденти")
        self.tabs.addTab(self.case_files, "Номенклатура справ")
        self.tabs.addTab(self.calendar, "Робочий календар")
        self.tabs.addTab(self.classifier, "Класифікатор звернень")
        self.tabs.addTab(self.reception, "Графік прийому")
        self.tabs.addTab(self.settings, "Налаштування")
        self.tabs.addTab(self.personnel, "Кадрові списки")
        # The services refuse these to those without the right; the tabs spare them the refusal.
        actor = current_user()
        self.tabs.setTabEnabled(self.tabs.indexOf(self.calendar), actor.can(CALENDAR_WRITE))
        self.tabs.setTabEnabled(self.tabs.indexOf(self.settings), actor.can(SETTINGS_WRITE))
        self.tabs.setTabEnabled(self.tabs.indexOf(self.personnel), actor.can(SETTINGS_WRITE))
        self.organisation.saved.connect(self.changed)
        self.settings.saved.connect(self.changed)
        self.calendar.changed.connect(self.changed)
        self.classifier.changed.connect(self.changed)
        for tab in (
            self.departments,
            self.staff,
            self.correspondents,
            self.case_files,
            self.reception,
        ):
            tab.changed.connect(self.changed)
        # A renamed body shows up at once in the staff and nomenclature lists.
        self.departments.changed.connect(self._on_departments_changed)
        self.staff.changed.connect(self.reception.reload)  # a renamed person in the schedule

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Enter in a field saves that tab (its own handler), never presses a random button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _on_departments_changed(self) -> None:
        self.staff.reload()
        self.case_files.reload()
