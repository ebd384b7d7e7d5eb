"""The control centre's HR section: personnel reminders (probation, contracts, seniority,
attestation …) due within a month, overdue ones first, for a user with the personnel right.

They are people's dates, not documents, so they have their own button beside the documents'
totals and their own list in place of a cell's documents; they never enter the documents'
counts. A user without the right never sees the button (the service gives nothing). A double
click or Enter on a line emits `person_requested(staff id)`: the window opens that person's card.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QToolButton, QWidget

from app.domain.dates import format_date
from app.domain.deadlines import ControlState
from app.services.control_centre import CentreState, HrReminder, HrReminders
from ui.control_centre.models import ALERT_COLOURS, RowsModel, rows_table
from ui.models.register_model import STATE_BACKGROUNDS
from ui.widgets import format_count

Index = QModelIndex | QPersistentModelIndex
HR_COLUMNS = ("Дата", "Працівник", "Що зробити", "Стан")
HR_TITLE = "Кадрові нагадування"
HR_DESCRIPTION = "Кадрові нагадування протягом місяця і прострочені"
REMINDER_ROLE = Qt.ItemDataRole.UserRole + 3


class HrModel(RowsModel[HrReminder]):
    """The reminders, soonest first; overdue lines coloured as overdue documents are."""

    COLUMNS = HR_COLUMNS

    @property
    def items(self) -> tuple[HrReminder, ...]:
        return self.rows

    def set_items(self, items: tuple[HrReminder, ...]) -> None:
        self.set_rows(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = (format_date(item.due), item.name, item.text, item.state_label)
            return texts[index.column()] if 0 <= index.column() < len(texts) else None
        if role == Qt.ItemDataRole.BackgroundRole and item.overdue:
            return QBrush(STATE_BACKGROUNDS[ControlState.OVERDUE])
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(QColor("#212529"))
        if role == REMINDER_ROLE:
            return item
        return None


def make_button(parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setToolTip(f"{HR_DESCRIPTION}: показати (подвійний клік — картка працівника)")
    button.hide()  # until the service says the user may see them
    return button


def button_text(found: HrReminders | None) -> str:
    if found is None:
        return f"{HR_TITLE}: …"
    text = f"{HR_TITLE}: {format_count(len(found.items))}"
    if found.overdue:
        text += f", прострочено {format_count(found.overdue)}"
    return text


def paint_button(button: QToolButton, found: HrReminders | None) -> None:
    button.setText(button_text(found))
    overdue = found is not None and found.overdue > 0
    colour = ALERT_COLOURS[CentreState.OVERDUE].name()
    button.setStyleSheet(f"color: {colour}; font-weight: bold;" if overdue else "")


def make_table(parent: QWidget, model: HrModel) -> QTableView:
    table = QTableView(parent)
    rows_table(table, model)
    header = table.horizontalHeader()
    for column, width in enumerate((100, 200, 600, 120)):
        header.resizeSection(column, width)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return table
