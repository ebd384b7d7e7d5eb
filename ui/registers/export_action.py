"""«Експорт…» of a register tab: the view on screen — its filter, search and sort — to a file.

The clerk picks a file (XLSX first, CSV beside it; «Вхідні_2026-11-22.xlsx» in the folder used
last time). The export runs off the GUI thread (ui.tasks) and reports every page of rows; a
progress dialog appears only when the export takes longer than a moment, and «Скасувати» stops
it with no file written (app.services.exports writes under a temporary name until the end). The
result is a line in the status bar: «Експортовано 1 234 рядки у …». The export service is
imported when first used, so the window starts without it.
"""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from app.registers.entity import EntitySpec
from app.services.signed_in import current_user
from ui.tasks import run_in_background, show_error
from ui.widgets import format_count

if TYPE_CHECKING:
    from ui.registers.tab_protocol import TabBase

XLSX_FILTER = "Книга Excel (*.xlsx)"
CSV_FILTER = "Текст CSV, розділювач «;» (*.csv)"
#: A view exported faster than this shows no progress dialog at all.
PROGRESS_DELAY_MS = 500
FOLDER_KEY = "export/folder"
STATUS_MS = 20_000


class _Reports(QObject):
    """Carries the worker's (rows written, total) to the GUI thread through a queued signal."""

    progressed = Signal(int, int)


class ExportAction(QObject):
    """The tab's «Експорт…» action (toolbar and context menu) and the export it starts.

    `last_message` keeps the final status text (the tests and a tab outside a window read it).
    """

    def __init__(self, tab: TabBase) -> None:
        super().__init__(tab)
        self.tab = tab
        tip = "Зберегти таблицю (з відбором і сортуванням) у XLSX або CSV"
        self.action = tab.table_action("Експорт…", self._on_export, tip)
        tab.toolbar.addAction(self.action)
        self.progress_dialog: QProgressDialog | None = None
        self.last_message = ""
        self._heading = ""
        self._cancel = threading.Event()
        self._reports = _Reports(self)
        self._reports.progressed.connect(self._on_progress)
        app = QCoreApplication.instance()
        if app is not None:  # quitting stops a running export (its temporary file is removed)
            app.aboutToQuit.connect(self._on_cancel)

    # --- choosing the file ---------------------------------------------------------------------

    def default_path(self, today: date | None = None) -> Path:
        """«Вхідні_2026-11-22.xlsx» in the folder of the last export, else in Documents."""
        folder = str(QSettings("Dilovod", "Dilovod").value(FOLDER_KEY, "") or "")
        if not folder or not Path(folder).is_dir():
            documents = QStandardPaths.StandardLocation.DocumentsLocation
            folder = QStandardPaths.writableLocation(documents)
            if not folder or not Path(folder).is_dir():  # the file dialog would open elsewhere
                folder = str(Path.home())
        title = re.sub(r'[\\/:*?"<>|]+', " ", self.tab.spec.title).strip() or "Реєстр"
        return Path(folder) / f"{title}_{(today or date.today()).isoformat()}.xlsx"

    def choose_file(self) -> tuple[Path, str] | None:
        """The file and the format (xlsx, csv) the clerk chose; None when cancelled."""
        name, chosen = QFileDialog.getSaveFileName(
            self.tab,
            "Експорт таблиці",
            str(self.default_path()),
            f"{XLSX_FILTER};;{CSV_FILTER}",
            XLSX_FILTER,
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):  # typed without an extension
            path = path.with_name(path.name + (".csv" if chosen == CSV_FILTER else ".xlsx"))
        QSettings("Dilovod", "Dilovod").setValue(FOLDER_KEY, str(path.parent))
        return path, path.suffix.lower().lstrip(".")

    # --- running ---------------------------------------------------------------------------

    def _on_export(self) -> None:
        if self.progress_dialog is not None or not self.action.isEnabled():
            return
        chosen = self.choose_file()
        if chosen is not None:
            self.start(*chosen)

    def start(self, path: Path, fmt: str) -> None:
        """Export the tab's current view to `path` in the background."""
        from app.services.exports import export_entities, export_view

        tab = self.tab
        db, spec, view, user = tab.db, tab.spec, tab.model.query, current_user()
        make_source = tab.model.make_source
        cancel = self._cancel = threading.Event()
        reports = self._reports

        def progress(done: int, total: int) -> bool:  # on the worker thread
            reports.progressed.emit(done, total)
            return not cancel.is_set()

        self._heading = f"Експорт у «{path.name}»"
        dialog = QProgressDialog(f"{self._heading}\nЧитаю записи…", "Скасувати", 0, 0, tab)
        dialog.setWindowTitle("Експорт")
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("М") * 32)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_cancel)
        self.progress_dialog = dialog
        self.action.setEnabled(False)

        def work() -> int:
            if isinstance(spec, EntitySpec):
                source = make_source(view, user)
                return export_entities(db, spec, source, path, fmt, progress, user)
            return export_view(db, spec, view, path, fmt=fmt, progress=progress, user=user)

        run_in_background(
            work,
            lambda count: self._on_done(count, path),
            self._on_failed,
            owner=tab,
        )

    def _on_progress(self, done: int, total: int) -> None:
        from app.services.table_files import rows_text

        dialog = self.progress_dialog
        if dialog is None or self._cancel.is_set():
            return
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 1))
        written = f"Записано {format_count(done)} з {rows_text(total)}"
        dialog.setLabelText(f"{self._heading}\n{written}")
        dialog.setValue(min(done, max(total, 1)))

    def _on_cancel(self) -> None:
        """«Скасувати» (or the program quits): the worker stops at its next page."""
        if self.progress_dialog is None or self._cancel.is_set():
            return
        self._cancel.set()
        self._close_dialog()
        self._announce("Експорт скасовано; файл не записано")

    def _on_done(self, count: int, path: Path) -> None:
        from app.services.table_files import rows_text

        self._finish()
        self._announce(f"Експортовано {rows_text(count)} у «{path}»")

    def _on_failed(self, exc: BaseException) -> None:
        from app.services.exports import ExportCancelled, ExportError

        self._finish()
        if isinstance(exc, ExportCancelled):
            self._announce("Експорт скасовано; файл не записано")
        elif isinstance(exc, ExportError):
            QMessageBox.warning(self.tab, "Експорт", str(exc))
        else:
            show_error(exc, self.tab)

    def _finish(self) -> None:
        self._close_dialog()
        self.action.setEnabled(True)

    def _close_dialog(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self._on_cancel)
            dialog.close()
            dialog.deleteLater()

    def _announce(self, text: str) -> None:
        self.last_message = text
        window = self.tab.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)
        else:
            self.tab.count_label.setText(text)
