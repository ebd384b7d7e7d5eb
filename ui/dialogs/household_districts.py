"""«Округи та книги…»: the starosta districts with their settlements and starosta (the centre's
reference list, for an administrator), and the books opened in a district for a five-year
cycle (a starosta opens their own district's books). Saved through app.services.households;
a refusal stays in the dialog with its message."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import households as dom
from app.domain.roles import REFERENCE_WRITE, PermissionDenied
from app.services import households as hh
from app.services.dialog_support import current_user
from db.session import Database
from ui.widgets import ErrorLabel


class DistrictsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Старостинські округи та книги")
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["Код", "Округ", "Староста", "Населені пункти"])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._on_selected)
        form = QFormLayout()
        self.code, self.name = QLineEdit(self), QLineEdit(self)
        self.starosta, self.position = QLineEdit(self), QLineEdit("Староста", self)
        self.settlements = QLineEdit(self)
        self.settlements.setPlaceholderText("через кому: Прилуки, Дачне")
        for label, widget in (
            ("Код", self.code),
            ("Назва округу", self.name),
            ("Староста (ім'я та прізвище)", self.starosta),
            ("Посада", self.position),
            ("Населені пункти", self.settlements),
        ):
            form.addRow(f"{label}:", widget)
        self.save_button = QPushButton("Зберегти округ", self)
        self.new_button = QPushButton("Новий округ", self)
        self.save_button.clicked.connect(self._on_save)
        self.new_button.clicked.connect(self._on_new)
        writable = current_user().can(REFERENCE_WRITE)
        for w in (self.save_button, self.new_button):
            w.setEnabled(writable)
        books = QHBoxLayout()
        self.books_label = QLineEdit(self)
        self.books_label.setReadOnly(True)
        self.book_number = QSpinBox(self)
        self.book_number.setRange(1, 999)
        self.book_number.setPrefix("№ ")
        self.cycle = QSpinBox(self)
        self.cycle.setRange(dom.FIRST_CYCLE, 2100)
        self.cycle.setSingleStep(dom.CYCLE_YEARS)
        self.cycle.setValue(dom.cycle_start(date.today().year))
        self.open_button = QPushButton("Відкрити книгу", self)
        self.open_button.clicked.connect(self._on_open_book)
        self.open_button.setEnabled(hh.may_write(current_user()))
        books.addWidget(self.books_label, 1)
        books.addWidget(self.book_number)
        books.addWidget(self.cycle)
        books.addWidget(self.open_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.message = ErrorLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(books)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(760, 560)
        self.district_id: int | None = None
        self.reload()

    def reload(self) -> None:
        self.rows = hh.list_districts(self.db, current_user())
        self.table.setRowCount(len(self.rows))
        for r, d in enumerate(self.rows):
            cells = (d.code, d.name, d.starosta_name, ", ".join(n for _i, n in d.settlements))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                self.table.setItem(r, c, item)
        if self.district_id is not None:
            for r, d in enumerate(self.rows):
                if d.id == self.district_id:
                    self.table.selectRow(r)

    def _on_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            return
        d = self.rows[row]
        self.district_id = d.id
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.starosta.setText(d.starosta_name)
        self.position.setText(d.starosta_position)
        self.settlements.setText(", ".join(n for _i, n in d.settlements))
        books = hh.list_books(self.db, d.id, current_user())
        self.books_label.setText(
            "; ".join(b.title for b in books) if books else "книг ще не відкрито"
        )
        self.book_number.setValue(max((b.number for b in books), default=0) + 1)

    def _on_new(self) -> None:
        self.district_id = None
        self.table.clearSelection()
        for edit in (self.code, self.name, self.starosta, self.settlements, self.books_label):
            edit.clear()
        self.position.setText("Староста")
        self.code.setFocus()

    def _on_save(self) -> None:
        places = tuple(p.strip() for p in self.settlements.text().split(",") if p.strip())
        info = hh.DistrictInfo(
            self.district_id,
            self.code.text(),
            self.name.text(),
            self.starosta.text(),
            self.position.text(),
            places,
        )
        try:
            self.district_id = hh.save_district(self.db, info, current_user())
        except (hh.HouseholdError, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.reload()

    def _on_open_book(self) -> None:
        if self.district_id is None:
            self.message.setText("Оберіть округ у таблиці")
            return
        try:
            hh.open_book(
                self.db,
                self.district_id,
                self.book_number.value(),
                self.cycle.value(),
                current_user(),
            )
        except (hh.HouseholdError, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.reload()
        self._on_selected()
