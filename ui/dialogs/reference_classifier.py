"""The «Класифікатор звернень» tab: the lists of the appeals' classifier (ПКМУ № 858) and of the
information requests, each item with the days it is in effect.

An item in use is never deleted: an administrator gives it the day it stops and adds the new
wording from the next day (the Cabinet amended the classifier in 2023 and 2024). The service
(app/services/classifier.py) checks the rights and the dates; this tab only shows and asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.appeal_classifier import LIST_TITLES
from app.domain.dates import DateError, format_date
from app.services.classifier import ClassifierEntry, ClassifierError, list_items, save_item
from app.services.dialog_support import current_user
from ui.widgets import DateEdit, ErrorLabel

if TYPE_CHECKING:
    from db.session import Database

COLUMNS = ("Пункт", "Назва", "Пільгова", "Діє з", "Діє по")


class ClassifierTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.entries: list[ClassifierEntry] = []
        self.current: ClassifierEntry | None = None
        self.lists = QComboBox(self)
        for code, title in LIST_TITLES.items():
            self.lists.addItem(title, code)
        self.model = QStandardItemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.code = QLineEdit(self)
        self.code.setMaxLength(20)
        self.title = QLineEdit(self)
        self.title.setMaxLength(150)
        self.privileged = QCheckBox("автори цієї категорії мають пільги (першочерговий розгляд)")
        self.valid_from = DateEdit(None, self, optional=True)
        self.valid_to = DateEdit(None, self, optional=True)
        dates = QHBoxLayout()
        for widget in (self.valid_from, QLabel("по", self), self.valid_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow("Пункт (номер):", self.code)
        form.addRow("Назва:", self.title)
        form.addRow("", self.privileged)
        form.addRow("Діє з:", dates)
        self.error = ErrorLabel(self)
        self.new_button = QPushButton("Новий пункт", self)
        self.save_button = QPushButton("Зберегти пункт", self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lists)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.lists.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.new_button.clicked.connect(self._on_new)
        self.save_button.clicked.connect(self._on_save)
        self.reload()

    @property
    def list_code(self) -> str:
        return str(self.lists.currentData())

    def reload(self) -> None:
        self.entries = list_items(self._db, self.list_code)
        self.model.clear()
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for e in self.entries:
            cells = (
                e.code,
                e.title,
                "так" if e.privileged else "",
                format_date(e.valid_from),
                format_date(e.valid_to),
            )
            self.model.appendRow([QStandardItem(c) for c in cells])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.privileged.setEnabled(self.list_code == "category")
        self._on_new()

    def _on_row(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.entries):
            return
        e = self.current = self.entries[row]
        self.code.setText(e.code)
        self.title.setText(e.title)
        self.privileged.setChecked(e.privileged)
        self.valid_from.set_date(e.valid_from)
        self.valid_to.set_date(e.valid_to)
        self.error.clear_error()

    def _on_new(self) -> None:
        self.current = None
        self.table.clearSelection()
        for line in (self.code, self.title, self.valid_from, self.valid_to):
            line.clear()
        self.privileged.setChecked(False)
        self.error.clear_error()

    def _on_save(self) -> None:
        try:
            start, end = self.valid_from.date(), self.valid_to.date()
        except DateError as exc:
            self.error.show_error(str(exc))
            return
        entry = ClassifierEntry(
            self.current.id if self.current else None,
            self.list_code,
            self.code.text(),
            self.title.text(),
            self.privileged.isChecked(),
            start,
            end,
        )
        try:
            save_item(self._db, entry, current_user())
        except (ClassifierError, PermissionError) as exc:
            self.error.show_error(str(exc))
            return
        self.reload()
        self.changed.emit()
