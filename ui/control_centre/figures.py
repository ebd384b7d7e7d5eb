"""The executors' figures for a period (regulation 29.4: the numbers behind bonus reductions).

A table of lead executors — on time, late, not done in time, the share on time — with the totals
under it, exported to Excel (.xlsx) or CSV by `app.reports.execution.export_executor_figures`,
and the same period's «Довідка» one click away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.reports.execution import (
    EXECUTOR_TITLES,
    ExecutionReport,
    executor_rows,
    export_executor_figures,
    format_share,
    report_pdf,
)
from ui.file_dialogs import in_documents
from ui.screen import fit_to_screen
from ui.tasks import run_in_background

FILTERS = "Книга Excel (*.xlsx);;Текст CSV для Excel (*.csv)"


class FiguresDialog(QDialog):
    def __init__(self, report: ExecutionReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(f"Показники виконавців {report.period_text}")
        fit_to_screen(self, 1100, 600)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(EXECUTOR_TITLES))
        for row in executor_rows(report):
            items = []
            for column, value in enumerate(row):
                text = str(value).replace(".", ",") if isinstance(value, float) else str(value)
                item = QStandardItem(text)
                item.setEditable(False)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                items.append(item)
            self.model.appendRow(items)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column in range(len(EXECUTOR_TITLES)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        t = report.total
        share = format_share(t.share_on_time)
        self.totals = QLabel(
            f"Усього {report.period_text}: виконано вчасно {t.on_time}, із запізненням {t.late}, "
            f"не виконано в термін {t.overdue}; частка вчасно: "
            f"{share}{' %' if share != '—' else ''}. На контролі з терміном, що не настав: "
            f"{t.pending}."
            + (f"\nЛише реєстри, доступні вам: {report.covered}." if report.covered else ""),
            self,
        )
        self.totals.setWordWrap(True)
        note = QLabel(
            "Вчасно — знято з контролю в періоді не пізніше терміну; із запізненням — пізніше; "
            "не виконано в термін — термін настав у періоді, а документ не виконано до його кінця.",
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            "Експортувати…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(
            "Довідка (друк)…", QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.export_button.clicked.connect(self._on_export)
        self.print_button.clicked.connect(self._on_print)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def suggested_path(self) -> str:
        return in_documents(f"Показники виконавців {self.report.period_text}.xlsx")

    def _on_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, "Експорт", self.suggested_path(), FILTERS)
        if path and not Path(path).suffix:
            path += ".csv" if "csv" in chosen else ".xlsx"
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the file off the GUI thread; say where it went, or why it could not."""
        report = self.report

        def done(count: int) -> None:
            QMessageBox.information(self, "Експорт", f"Записано рядків: {count}\n{path}")

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, "Експорт", str(exc))

        run_in_background(lambda: export_executor_figures(report, path), done, failed, owner=self)

    def _on_print(self) -> None:
        from ui.preview import PdfPreviewDialog

        report = self.report

        def show(pdf: bytes) -> None:
            preview = PdfPreviewDialog(pdf, "Довідка про стан виконання документів", self)
            preview.exec()
            preview.deleteLater()

        run_in_background(lambda: report_pdf(report), show, owner=self)
