"""«Файл ▸ Резервна копія…»: where the copies go (a USB drive, a network share), how many
stay, whether one is made every day and on exit — and a copy made now, in the background.

The folder is also remembered on this PC (QSettings): when the database itself is too damaged
to read its settings, the start-up recovery still knows where to look for copies.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import format_date
from app.services.backup import BackupSettings, backup_settings, backup_time, list_backups
from ui.widgets import ErrorLabel

if TYPE_CHECKING:
    from collections.abc import Callable

    from db.session import Database

FOLDER_HINT = "backup/folder"  # QSettings key: the folder, for a start with a damaged database


def backup_label(path: Path) -> str:
    made = backup_time(path)
    when = f"{format_date(made.date())} {made:%H:%M}" if made else "?"
    size = path.stat().st_size / 2**20 if path.exists() else 0.0
    return f"{when} — {path.name} ({size:.1f} МБ)"


class BackupDialog(QDialog):
    """The backup settings, the copies already made, and «Зробити копію зараз»."""

    def __init__(
        self,
        db: Database,
        backup_now: Callable[[], None],
        parent: QWidget | None = None,
        automatic: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Резервні копії")
        self.setMinimumWidth(560)
        self.db = db
        self._backup_now = backup_now
        current = backup_settings(db)
        self.folder = QLineEdit(str(current.folder), self)
        choose = QPushButton("Обрати…", self)
        choose.clicked.connect(self._on_choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 999)
        self.keep.setValue(current.keep)
        self.daily = QCheckBox("щодня (після запуску програми)", self)
        self.daily.setChecked(current.daily)
        self.on_exit = QCheckBox("під час виходу з програми, якщо були зміни", self)
        self.on_exit.setChecked(current.on_exit)
        form = QFormLayout()
        form.addRow("Тека для копій:", folder_row)
        form.addRow("Зберігати останніх копій:", self.keep)
        form.addRow("Робити копію:", self.daily)
        form.addRow("", self.on_exit)
        # A server is copied by pg_dump on request (or by its administrator), never at exit.
        for box in (self.daily, self.on_exit):
            form.setRowVisible(box, automatic)
        self.copies = QListWidget(self)
        self.now_button = QPushButton("Зробити копію зараз", self)
        self.now_button.clicked.connect(self._on_backup_now)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Зберегти")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Скасувати")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Наявні копії (найновіша перша):", self))
        layout.addWidget(self.copies)
        layout.addWidget(self.now_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_copies()

    def settings(self) -> BackupSettings:
        return BackupSettings(
            Path(self.folder.text().strip()).expanduser(),
            self.keep.value(),
            self.daily.isChecked(),
            self.on_exit.isChecked(),
        )

    def show_copies(self) -> None:
        folder = Path(self.folder.text().strip()).expanduser()
        self.copies.clear()
        found = list_backups(folder)
        self.copies.addItems([backup_label(p) for p in found] or ["(копій ще немає)"])

    def _on_choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Тека для резервних копій", self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self.show_copies()

    def _on_backup_now(self) -> None:
        if not self._save():
            return
        self.now_button.setEnabled(False)
        self._backup_now()

    def backup_finished(self) -> None:
        """Called by the window when the copy asked for here is made (or failed)."""
        self.now_button.setEnabled(True)
        self.show_copies()

    def _save(self) -> bool:
        from app.domain.roles import PermissionDenied
        from app.services.backup import BackupError, save_backup_settings
        from app.services.dialog_support import current_user

        chosen = self.settings()
        if not str(chosen.folder).strip() or str(chosen.folder) == ".":
            self.error.show_error("Вкажіть теку для резервних копій")
            return False
        try:
            save_backup_settings(self.db, chosen, user=current_user())
        except (BackupError, PermissionDenied) as exc:
            self.error.show_error(str(exc))
            return False
        from ui.local_settings import settings as local_settings

        local_settings().setValue(FOLDER_HINT, str(chosen.folder))
        return True

    def _on_accept(self) -> None:
        if self._save():
            self.accept()
