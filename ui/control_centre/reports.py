"""The control centre's toolbar reports: the period report, the reminders, the 29.4 figures.

Each asks what it needs (a period, a number of working days), makes its data and its PDF off the
GUI thread (reportlab is imported there), and shows the PDF in the usual preview, from which it
is printed or saved; the executors' figures open in a table that exports to Excel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app.reports import execution
from app.reports.access import record_report, require_reports
from app.reports.reminders import MAX_DAYS, Reminders, reminders, reminders_pdf
from app.services.dialog_support import current_user
from ui.tasks import run_in_background

if TYPE_CHECKING:
    from ui.control_centre.tab import ControlCentreTab

REPORT_TITLE = "Довідка про стан виконання документів"
FIGURES_TITLE = "Показники виконавців за період"
REMINDERS_TITLE = "Нагадування виконавцям"
DEFAULT_DAYS = 3


class ReportActions(QObject):
    """The three report actions on the tab's toolbar."""

    def __init__(self, tab: ControlCentreTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.report_action = self._action("Довідка за період…", self._on_report)
        self.reminders_action = self._action("Нагадування виконавцям…", self._on_reminders)
        self.figures_action = self._action("Показники виконавців за період…", self._on_figures)
        self.report_action.setToolTip(f"{REPORT_TITLE} — для керуючого справами")
        self.reminders_action.setToolTip(
            "Кожному головному виконавцю — його документи з терміном протягом N робочих днів "
            "і прострочені, кожен з нової сторінки"
        )
        self.figures_action.setToolTip(
            "Виконано вчасно, із запізненням, не виконано в термін — за виконавцями "
            "(п. 29.4 Регламенту: зменшення премії); експорт у Excel"
        )

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.tab)
        action.triggered.connect(slot)
        self.tab.toolbar.addAction(action)
        return action

    # --- asking --------------------------------------------------------------------------------

    def ask_period(self, title: str, ok_text: str) -> tuple[date, date] | None:
        """The period, from the first of this month to today unless the clerk changes it."""
        from ui.dialogs.period import PeriodDialog

        today = date.today()
        dialog = PeriodDialog(title, today.replace(day=1), today, self.tab, ok_text=ok_text)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        period = dialog.period() if accepted else None
        dialog.deleteLater()
        return period

    def ask_days(self) -> int | None:
        days, accepted = QInputDialog.getInt(
            self.tab,
            REMINDERS_TITLE,
            "Документи з терміном протягом скількох робочих днів?\n(Прострочені входять завжди.)",
            DEFAULT_DAYS,
            0,
            MAX_DAYS,
        )
        return days if accepted else None

    # --- the reports ---------------------------------------------------------------------------

    def _on_report(self) -> None:
        period = self.ask_period(REPORT_TITLE, "Сформувати")
        if period is None:
            return
        db, actor = self.tab.db, current_user()

        def produce() -> bytes:
            require_reports(actor)  # as on the command line: refused, and audited when made
            report = execution.execution_report(db, *period, user=actor)
            pdf = execution.report_pdf(report)
            record_report(db, actor, f"стан виконання документів {report.period_text}")
            return pdf

        self.preview(REPORT_TITLE, produce)

    def _on_reminders(self) -> None:
        days = self.ask_days()
        if days is None:
            return
        db, actor = self.tab.db, current_user()

        def produce() -> tuple[Reminders, bytes]:
            require_reports(actor)
            result = reminders(db, days, user=actor)
            if not result.sheets:
                return result, b""
            pdf = reminders_pdf(result)
            record_report(db, actor, "нагадування виконавцям")
            return result, pdf

        def show(made: tuple[Reminders, bytes]) -> None:
            result, pdf = made
            if result.without_executor:
                self.tab.caption.setText(
                    f"Без головного виконавця (нагадати нікому): {result.without_executor}"
                )
            if not result.sheets:
                QMessageBox.information(
                    self.tab,
                    REMINDERS_TITLE,
                    "Документів з терміном у ці дні та прострочених немає: нагадувати нікому.",
                )
                return
            self.show_pdf(pdf, REMINDERS_TITLE)

        self.run(produce, show)

    def _on_figures(self) -> None:
        period = self.ask_period(FIGURES_TITLE, "Показати")
        if period is None:
            return
        db, actor = self.tab.db, current_user()

        def show(report: execution.ExecutionReport) -> None:
            from ui.control_centre.figures import FiguresDialog

            dialog = FiguresDialog(report, self.tab)
            dialog.exec()
            dialog.deleteLater()

        def produce() -> execution.ExecutionReport:
            require_reports(actor)
            return execution.execution_report(db, *period, user=actor)

        self.run(produce, show)

    # --- running -------------------------------------------------------------------------------

    def run(self, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """`work` off the GUI thread, then `show` its result; a failure is explained."""
        tab = self.tab
        actions = (self.report_action, self.reminders_action, self.figures_action)
        for action in actions:
            action.setEnabled(False)  # one report at a time

        def done(result: Any) -> None:
            for action in actions:
                action.setEnabled(True)
            show(result)

        def failed(exc: BaseException) -> None:
            for action in actions:
                action.setEnabled(True)
            text = str(exc) if isinstance(exc, ValueError) else f"Не вдалося: {exc}"
            QMessageBox.warning(tab, "Контроль", text)

        run_in_background(work, done, failed, owner=tab)

    def preview(self, title: str, produce: Callable[[], bytes]) -> None:
        self.run(produce, lambda pdf: self.show_pdf(pdf, title))

    def show_pdf(self, pdf: bytes, title: str) -> None:
        from ui.preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(pdf, title, self.tab)
        dialog.exec()
        dialog.deleteLater()
