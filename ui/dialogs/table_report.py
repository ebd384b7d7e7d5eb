"""A register's statistics on screen: the period (a month, quarter, half-year or year of
п. 31.13.2, or any dates), the table, and «Зберегти…» to PDF, XLSX or CSV through the same
writer as `python -m app report` (app.services.report_files.write_report)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateError
from app.domain.roles import Actor
from app.reports.periods import PERIOD_KINDS, standard_period
from app.reports.tables import ReportPeriod, TableReport, cell_text
from app.services.dialog_support import current_user
from db.session import Database
from ui.file_dialogs import in_documents
from ui.screen import fit_to_screen
from ui.tasks import run_in_background
from ui.widgets import DateEdit, ErrorLabel

Builder = Callable[[Database, Actor, ReportPeriod], TableReport]
FILTERS = "PDF (*.pdf);;Книга Excel (*.xlsx);;Текст CSV для Excel (*.csv)"


class TableReportDialog(QDialog):
    def __init__(
        self, db: Database, title: str, build: Builder, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.build = db, build
        self.report: TableReport | None = None
        self.setWindowTitle(title)
        fit_to_screen(self, 1000, 640)
        self.kind = QComboBox(self)
        self.kind.addItems([k.capitalize() for k in PERIOD_KINDS])
        self.kind.setCurrentIndex(1)
        start, end = standard_period("квартал", date.today())
        self.date_from, self.date_to = DateEdit(start, self), DateEdit(end, self)
        self.show_button = QPushButton("Сформувати", self)
        self.show_button.setDefault(True)
        top = QHBoxLayout()
        for widget in (
            QLabel("Період:", self),
            self.kind,
            QLabel("з", self),
            self.date_from,
            QLabel("по", self),
            self.date_to,
            self.show_button,
        ):
            top.addWidget(widget)
        top.addStretch(1)
        self.error = ErrorLabel(self)
        self.model = QStandardItemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Зберегти…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(False)
        close = buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        close.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.show_button.clicked.connect(self._on_show)
        self.save_button.clicked.connect(self._on_save)

    def _on_kind(self) -> None:
        day = self.date_from.valid_date() or date.today()
        start, end = standard_period(PERIOD_KINDS[self.kind.currentIndex()], day)
        self.date_from.set_date(start)
        self.date_to.set_date(end)

    def _on_show(self) -> None:
        self.error.clear_error()
        try:
            start, end = self.date_from.date(), self.date_to.date()
        except DateError as exc:
            self.error.show_error(str(exc))
            return
        if start is None or end is None or start > end:
            self.error.show_error("Вкажіть період: початок не пізніше кінця")
            return
        db, build, actor = self.db, self.build, current_user()
        self.show_button.setEnabled(False)
        run_in_background(
            lambda: build(db, actor, ReportPeriod(start, end)),
            self._on_built,
            self._on_failed,
            owner=self,
        )

    def _on_built(self, report: TableReport) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        self.model.clear()
        self.model.setHorizontalHeaderLabels(list(report.columns))
        for row in report.rows:
            items = []
            for column, value in enumerate(row):
                item = QStandardItem(cell_text(value))
                if column >= 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                items.append(item)
            self.model.appendRow(items)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(report.columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notes.setText(" ".join(report.notes))
        self.save_button.setEnabled(True)

    def _on_failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.error.show_error(str(exc))

    def suggested_path(self) -> str:
        assert self.report is not None
        return in_documents(f"{self.report.title} {self.report.period.text}.pdf")

    def _on_save(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, "Зберегти", self.suggested_path(), FILTERS)
        if path and not Path(path).suffix:
            path += ".csv" if "csv" in chosen else ".xlsx" if "xlsx" in chosen else ".pdf"
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        """Write the shown table off the GUI thread (the same writer as the command line)."""
        from app.services.organisation import get_organisation
        from app.services.report_files import write_report

        report, db = self.report, self.db
        assert report is not None

        def work() -> str:
            org = get_organisation(db)
            return write_report(report, path, org.full_name if org else "")

        def done(_fmt: str) -> None:
            self.status.setText(f"Збережено: {path}")

        def failed(exc: BaseException) -> None:
            self.error.show_error(f"Не збережено: {exc}")

        run_in_background(work, done, failed, owner=self)
