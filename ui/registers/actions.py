"""What a register tab does to the selected document besides opening it: sending (10.10), the
resolution and control dialogs (9.5–9.14) and printing (the spec's printouts and the journal).

Each dialog and every printout is imported only when first used, so the window starts without
them (and without reportlab). A PDF is made in the background and previewed when it is ready.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QToolButton

from app.registers.base import Printout
from app.services.register_view import DocumentRow
from app.services.signed_in import current_user
from ui.tasks import run_in_background

if TYPE_CHECKING:
    from ui.registers.tab_protocol import TabBase

log = logging.getLogger(__name__)


class DocumentActions(QObject):
    """The control actions (registers under control only) and the «Друк» menu of one tab.

    The actions go on the tab's toolbar and into the table's context menu, in that order.
    """

    def __init__(self, tab: TabBase) -> None:
        super().__init__(tab)
        self.tab = tab
        self.control_actions: list[QAction] = []
        self.resolution_action: QAction | None = None
        self.send_action: QAction | None = None
        spec = tab.spec
        if spec.sendable:
            tab.toolbar.addSeparator()
            self.send_action = tab.table_action(
                "Відправлено…", self._on_send, "Позначити відправлення (перевірка за п. 10.10)"
            )
            tab.toolbar.addAction(self.send_action)
        if spec.controllable:
            tab.toolbar.addSeparator()
            if spec.resolutions:
                self.resolution_action = tab.table_action("Резолюція…", self._on_resolution)
            self.put_action = tab.table_action("На контроль…", self._on_put_on_control)
            # «термін» under the regulation, «строк» where a law says so (TermWording)
            word = spec.term.wording.noun
            self.extend_action = tab.table_action(f"Продовжити {word}…", self._on_extend)
            self.progress_action = tab.table_action("Хід виконання…", self._on_progress)
            self.reports_action = (
                tab.table_action(
                    "Проміжні звіти…",
                    self._on_reports,
                    "Строки проміжних звітів і звіт, що надійшов (пп. 3.4, 4.7, 9.12)",
                )
                if spec.interim_reports
                else None
            )
            self.remove_action = tab.table_action("Зняти з контролю…", self._on_remove)
            self.control_actions = [
                action
                for action in (
                    self.resolution_action,
                    self.put_action,
                    self.extend_action,
                    self.progress_action,
                    self.reports_action,
                    self.remove_action,
                )
                if action is not None
            ]
            for action in self.control_actions:
                tab.toolbar.addAction(action)
        tab.toolbar.addSeparator()
        self._build_print_menu()
        # In the context menu only: a cancellation is rare and must not be a stray click.
        self.cancel_action = tab.table_action(
            "Анулювати…", self._on_cancel, "Анулювати документ із зазначенням причини"
        )

    def _build_print_menu(self) -> None:
        tab = self.tab
        menu = QMenu("Друк", tab)
        self.doc_print_actions: list[QAction] = []
        self.register_print_actions: list[QAction] = []
        for printout in tab.spec.printouts:
            if printout.needs_control and not tab.spec.controllable:
                continue
            action = menu.addAction(printout.title)
            action.setData(printout.needs_control)
            if printout.scope == "register":  # the register as a whole (no selection needed)
                action.triggered.connect(lambda _=False, p=printout: self._on_print_register(p))
                self.register_print_actions.append(action)
                continue
            action.triggered.connect(lambda _=False, p=printout: self._on_print_document(p))
            self.doc_print_actions.append(action)
        menu.addSeparator()
        self.journal_action = menu.addAction("Журнал за період…")
        self.journal_action.triggered.connect(self.print_journal)
        self.statistics_action: QAction | None = None
        if tab.spec.statistics:
            self.statistics_action = menu.addAction("Статистика за період…")
            self.statistics_action.triggered.connect(self.show_statistics)
        self.print_button = QToolButton(tab)
        self.print_button.setText("Друк")
        self.print_button.setMenu(menu)
        tab.table.addAction(menu.menuAction())  # the context menu offers printing too
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tab.toolbar.addWidget(self.print_button)

    def update(self, row: DocumentRow | None) -> None:
        """Enable what makes sense for the selected document (None: nothing selected)."""
        has = row is not None
        live = has and row is not None and not row.cancelled
        is_open = live and row is not None and row.state.is_open
        if self.send_action is not None:
            self.send_action.setEnabled(live)
        if self.control_actions:
            if self.resolution_action is not None:
                self.resolution_action.setEnabled(live)
            self.put_action.setEnabled(live and not is_open)
            for action in (
                self.extend_action,
                self.progress_action,
                self.reports_action,
                self.remove_action,
            ):
                if action is not None:
                    action.setEnabled(is_open)
        for action in self.doc_print_actions:
            action.setEnabled(has and (not action.data() or is_open))
        for action in self.register_print_actions:
            action.setEnabled(True)
        self.cancel_action.setEnabled(live)

    # --- control dialogs -----------------------------------------------------------------------

    def _on_cancel(self) -> None:
        self._open_dialog("ui.dialogs.cancel", "CancelDialog")

    def _on_send(self) -> None:
        self._open_dialog("ui.dialogs.send", "SendDialog")

    def _on_resolution(self) -> None:
        self._open_dialog("ui.dialogs.resolution", "ResolutionDialog")

    def _on_put_on_control(self) -> None:
        self._open_dialog("ui.dialogs.control", "PutOnControlDialog")

    def _on_extend(self) -> None:
        self._open_dialog("ui.dialogs.control", "ExtendTermDialog")

    def _on_progress(self) -> None:
        self._open_dialog("ui.dialogs.control", "ProgressDialog")

    def _on_reports(self) -> None:
        self._open_dialog("ui.dialogs.interim_reports", "InterimReportsDialog")

    def _on_remove(self) -> None:
        self._open_dialog("ui.dialogs.control", "RemoveFromControlDialog")

    def _open_dialog(self, module: str, name: str) -> None:
        """A control dialog `name(db, doc_id, parent)`, imported only when it is opened."""
        tab = self.tab

        def make(doc_id: int) -> QDialog:
            dialog_class = getattr(importlib.import_module(module), name, None)
            if dialog_class is None:
                raise ImportError(f"{module}.{name}")
            return dialog_class(tab.db, doc_id, tab)

        self.exec_dialog(make)

    def exec_dialog(self, make: Callable[[int], QDialog], doc_id: int | None = None) -> None:
        """Open a document dialog of another module; refresh after it saved."""
        tab = self.tab
        doc_id = doc_id if doc_id is not None else tab.current_id()
        if doc_id is None:
            return
        try:
            dialog = make(doc_id)
        except ImportError:
            log.exception("Dialog not available")
            QMessageBox.information(tab, "Діловод", "Ця дія буде доступна в наступній версії.")
            return
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()  # a clerk opens hundreds a day: free each one
        if accepted:
            tab.document_changed(doc_id)

    # --- printing ------------------------------------------------------------------------------

    def _on_print_document(self, printout: Printout) -> None:
        tab = self.tab
        row = tab.current_row()
        if row is None:
            return
        db, doc_id, options = tab.db, row.id, dict(printout.options)
        user = current_user()
        if printout.scope == "selection":  # a batch: the selected rows in the table's order
            ids = tab.selected_ids()

            def produce_batch() -> bytes:
                from app.services import printouts

                return printouts.print_selection(db, printout.function, ids, user, **options)

            self.print_pdf(f"{printout.title} — {len(ids)}", produce_batch)
            return

        def produce() -> bytes:
            from app.services import printouts

            return printouts.print_document(db, printout.function, doc_id, user, **options)

        self.print_pdf(f"{printout.title} — {tab.spec.number_label} {row.reg_number}", produce)

    def _on_print_register(self, printout: Printout) -> None:
        """A printout of the register as a whole (orders due for transfer to the archive)."""
        db, options, user = self.tab.db, dict(printout.options), current_user()

        def produce() -> bytes:
            from app.services import printouts

            return printouts.print_register(db, printout.function, user, **options)

        self.print_pdf(printout.title.rstrip("…"), produce)

    def show_statistics(self) -> None:
        """The register's statistics (spec.statistics) for a period, on screen, to save."""
        import importlib

        from ui.dialogs.table_report import TableReportDialog

        tab = self.tab
        module, _, name = tab.spec.statistics.partition(":")
        build = getattr(importlib.import_module(module), name)
        dialog = TableReportDialog(tab.db, f"{tab.spec.title}: статистика", build, tab)
        dialog.exec()
        dialog.deleteLater()

    def print_journal(self) -> None:
        """Файл ▸ Друк журналу… and Друк ▸ Журнал за період…: the register for a period."""
        from ui.dialogs.period import PeriodDialog

        tab = self.tab
        start, end = self.default_period()
        dialog = PeriodDialog(tab.spec.journal_title, start, end, tab)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        date_from, date_to = dialog.period()
        dialog.deleteLater()
        if not accepted:
            return
        db, spec, user = tab.db, tab.spec, current_user()
        # A register with series: the series chosen in the filter bar, else each in turn.
        series = str(dict(tab.filter_bar.apply(tab.model.query).extra).get("series") or "")

        def produce() -> bytes:
            from app.services import printouts

            return bytes(
                printouts.journal_pdf(db, spec, date_from, date_to, user=user, series=series)
            )

        self.print_pdf(spec.journal_title, produce)

    def print_pdf(self, title: str, produce: Callable[[], bytes]) -> None:
        print_pdf(self.tab, title, produce)

    def default_period(self) -> tuple[date, date]:
        """The filter bar's period, else from the first of this month to today."""
        today = date.today()
        bar = self.tab.filter_bar
        start = bar.date_from.valid_date() or today.replace(day=1)
        return start, bar.date_to.valid_date() or today


def print_pdf(tab: TabBase, title: str, produce: Callable[[], bytes]) -> None:
    """Make a PDF in the background (reportlab is imported there), then preview it."""
    tab.count_label.setText("Готую документ до друку…")

    def show(pdf: bytes) -> None:
        tab.show_count()
        from ui.preview import PdfPreviewDialog

        preview = PdfPreviewDialog(pdf, title, tab)
        preview.exec()
        preview.deleteLater()

    def failed(exc: BaseException) -> None:
        tab.show_count()
        text = (
            "Друк буде доступний у наступній версії."
            if isinstance(exc, ImportError)
            else f"Не вдалося підготувати документ до друку:\n{exc}"
        )
        QMessageBox.warning(tab, "Друк", text)

    run_in_background(produce, show, failed, owner=tab)
