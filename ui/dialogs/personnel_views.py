"""HR's two overviews: the reminders (what is due within a month, overdue first) and the HR
report for a period, whose rows open the records behind each number, saved as CSV, XLSX or PDF
by the same writer as the command line (`app.services.report_files`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.domain.dates import format_date
from app.reports.personnel import PersonnelReport, rows_behind
from app.reports.tables import ReportPeriod, cell_text
from app.services import personnel as hr
from app.services.dialog_support import current_user
from db.session import Database
from ui.file_dialogs import in_documents
from ui.screen import fit_to_screen

REPORT_FILTERS = "Таблиця Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"


def _table(parent: QWidget, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(cell_text(value)))
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(
        len(headers) - 1 if len(headers) < 3 else 2, QHeaderView.ResizeMode.Stretch
    )
    return table


class RemindersDialog(QDialog):
    """Everyone's reminders; a double click opens the person's card (`open_card`)."""

    def __init__(
        self, db: Database, open_card: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Нагадування кадрової служби")
        self.items = hr.reminders(db, current_user()).items
        rows = [(format_date(r.due), r.name, r.text) for r in self.items]
        self.table = _table(self, ("Дата", "Працівник", "Що зробити"), rows)
        self.table.doubleClicked.connect(lambda index: open_card(self.items[index.row()].staff_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        caption = f"Протягом місяця і прострочені: {len(self.items)}. Подвійне клацання — картка."
        layout.addWidget(QLabel(caption, self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 520)


class ReportDialog(QDialog):
    """The report on screen; «Зберегти…» writes it; a double click lists what a row counted."""

    def __init__(
        self, db: Database, report: PersonnelReport, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.report = db, report
        table = report.table
        self.setWindowTitle(f"{table.title} {table.period.text}")
        self.table = _table(self, table.columns, table.rows)
        self.table.doubleClicked.connect(lambda index: self.show_behind(index.row()))
        notes = QLabel("\n".join(table.notes), self)
        notes.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton("Зберегти…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self._on_save)
        buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(notes)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 640)

    def behind(self, row: int) -> list[tuple[Any, ...]]:
        source = self.report.sources[row] if row < len(self.report.sources) else None
        if source is None:
            return []
        return rows_behind(self.db, current_user(), self.report.table.period, source)

    def show_behind(self, row: int) -> QDialog | None:
        source = self.report.sources[row] if row < len(self.report.sources) else None
        if source is None:
            return None
        found = self.behind(row)
        dialog = QDialog(self)
        dialog.setWindowTitle(str(self.report.table.rows[row][0]).strip(" •"))
        headers = ("Дата", "Працівник", "Запис", "Підстава", "Розпорядження")
        view = _table(dialog, headers, [r[:5] for r in found])
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"Записів: {len(found)}", dialog))
        layout.addWidget(view)
        fit_to_screen(dialog, 720, 480)
        dialog.show()
        return dialog

    def _on_save(self) -> None:
        from app.reports.access import record_report
        from app.services.organisation import get_organisation
        from app.services.report_files import write_report

        table = self.report.table
        name, _ = QFileDialog.getSaveFileName(
            self, "Зберегти звіт", in_documents("Звіт кадрової служби.xlsx"), REPORT_FILTERS
        )
        if not name:
            return
        try:
            org = get_organisation(self.db)
            write_report(table, name, org.full_name if org else "")
            record_report(self.db, current_user(), f"{table.title} {table.period.text}", name)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, "Звіт", f"Не вдалося зберегти звіт:\n{exc}")


def build_report(db: Database, period: ReportPeriod) -> PersonnelReport:
    from app.reports.personnel import build_report as build

    return build(db, current_user(), period)
