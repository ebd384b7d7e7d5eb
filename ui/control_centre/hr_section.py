"""The control centre's HR section: personnel reminders (probation, contracts, seniority,
attestation …) due within a month, overdue ones first, for a user with the personnel right.

They are people's dates, not documents, so they have their own button beside the documents'
totals and their own list in place of a cell's documents; they never enter the documents'
counts. A user without the right never sees the button (the service gives nothing). A double
click or Enter on a line emits `person_requested(staff id)`: the window opens that person's card.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolButton, QWidget

from app.domain.dates import format_date
from app.domain.deadlines import ControlState
from app.services.control_centre import CentreState, HrReminder, HrReminders
from ui.control_centre.models import ALERT_COLOURS
from ui.models.register_model import STATE_BACKGROUNDS
from ui.widgets import format_count

Index = QModelIndex | QPersistentModelIndex
HR_COLUMNS = ("Дата", "Працівник", "Що зробити", "Стан")
HR_TITLE = "Кадрові нагадування"
HR_DESCRIPTION = "Кадрові нагадування протягом місяця і прострочені"
REMINDER_ROLE = Qt.ItemDataRole.UserRole + 3


class HrModel(QAbstractTableModel):
    """The reminders, soonest first; overdue lines coloured as overdue documents are."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[HrReminder, ...] = ()

    def set_items(self, items: tuple[HrReminder, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HR_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HR_COLUMNS)
        ):
            return HR_COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
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
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = table.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate((100, 200, 600, 120)):
        header.resizeSection(column, width)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return table
