"""«Обмін з центром…»: the window's side of app/services/household_exchange — in a district
copy, write the file of the district's changes for the centre or apply the centre's file; at
the centre, the same for a chosen district. The password is typed here and never stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import PermissionDenied
from app.services import household_exchange as ex
from app.services import households as hh
from app.services.dialog_support import current_user
from db.session import Database
from ui.widgets import ErrorLabel

FILTER = "Файли обміну (*.dlvx);;Усі файли (*)"


class ExchangeDialog(QDialog):
    """Emits nothing: the tab refreshes itself when the dialog closes after an import."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.imported = False
        self.setWindowTitle("Обмін з центром")
        self.own = ex.copy_district(db)
        form = QFormLayout()
        self.district = QComboBox(self)
        if self.own:
            where = QLabel(f"Ця база — копія старостинського округу «{self.own}».", self)
        else:
            where = QLabel("Ця база — центр. Оберіть округ, з копією якого обмінюєтеся.", self)
            for d in hh.list_districts(db, current_user()):
                self.district.addItem(d.name, d.code)
            form.addRow("Округ:", self.district)
        where.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"щонайменше {ex.MIN_PASSWORD} символів")
        form.addRow("Пароль файлу:", self.password)
        self.export_button = QPushButton("Записати файл змін…", self)
        self.import_button = QPushButton("Застосувати файл…", self)
        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_import)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        self.outcome = QLabel("", self)
        self.outcome.setWordWrap(True)
        self.message = ErrorLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(480)

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Файл змін", "", FILTER)
        if path:
            self.export_to(path)

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Файл обміну", "", FILTER)
        if path:
            self.import_from(path)

    def export_to(self, path: str) -> bool:
        self.message.setText("")
        try:
            data, result = ex.export_changes(
                self.db, self.password.text(), self.district.currentData() or "", current_user()
            )
            Path(path).write_bytes(data)
        except (ex.ExchangeError, PermissionDenied, OSError) as exc:
            self.message.setText(str(exc))
            return False
        self.outcome.setText(
            f"Файл {result.direction} записано: {Path(path).name} "
            f"(записів: {result.rows}, видалень: {result.tombstones})."
        )
        return True

    def import_from(self, path: str) -> bool:
        self.message.setText("")
        try:
            data = Path(path).read_bytes()
            result = ex.import_changes(self.db, data, self.password.text(), current_user())
        except (ex.ExchangeError, PermissionDenied, OSError) as exc:
            self.message.setText(str(exc))
            return False
        if result.direction == "уже імпортовано":
            self.outcome.setText("Цей файл уже застосовано: змін немає.")
        else:
            self.imported = True
            self.outcome.setText(
                f"Застосовано {result.direction}: записів {result.rows}, видалень "
                f"{result.tombstones}."
            )
        return True
