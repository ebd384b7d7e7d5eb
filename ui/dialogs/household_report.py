"""The household statistics in the window: the completeness table of the HR report's section 8
for a period and form № 6-сільрада as of 1 January (app/reports/households), shown as a table
and saved as XLSX, CSV or PDF — the same files as `report households` writes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.reports.tables import TableReport, cell_text
from app.services.dialog_support import current_user
from db.session import Database
from ui.file_dialogs import in_documents
from ui.screen import fit_to_screen

FILTERS = "Таблиця Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"


class HouseholdReportDialog(QDialog):
    def __init__(self, db: Database, table: TableReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.report = db, table
        self.setWindowTitle(f"{table.title} {table.period.text}")
        self.table = QTableWidget(len(table.rows), len(table.columns), self)
        self.table.setHorizontalHeaderLabels([str(c) for c in table.columns])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(cell_text(value)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(table.columns)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        notes = QLabel("\n".join(table.notes), self)
        notes.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton("Зберегти…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self._on_save)
        buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(notes)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 520)

    def _on_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Зберегти звіт", in_documents(f"{self.report.title}.xlsx"), FILTERS
        )
        if name:
            self.save_to(name)

    def save_to(self, path: str) -> bool:
        from app.reports.access import record_report
        from app.services.organisation import get_organisation
        from app.services.report_files import write_report

        table = self.report
        try:
            org = get_organisation(self.db)
            write_report(table, path, org.full_name if org else "")
            record_report(self.db, current_user(), f"{table.title} {table.period.text}", path)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, "Звіт", f"Не вдалося зберегти звіт:\n{exc}")
            return False
        return Path(path).exists()
