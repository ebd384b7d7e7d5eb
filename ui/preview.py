"""A PDF shown inside the program before it is printed or saved (QtPdf, no external viewer).

Offices print stamps, slips and registers all day; seeing the page first saves paper. Printing
(ui.print_job) renders the pages in the background with a progress that can cancel. A one-page
PDF — a stamp sits at the bottom of its sheet — opens as the whole page, longer ones fit the width.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.file_dialogs import in_documents
from ui.print_job import BackgroundPrint
from ui.screen import fit_to_screen

_ERRORS = {
    QPdfDocument.Error.Unknown: "невідома помилка",
    QPdfDocument.Error.DataNotYetAvailable: "дані ще не завантажено",
    QPdfDocument.Error.FileNotFound: "файл не знайдено",
    QPdfDocument.Error.InvalidFileFormat: "це не PDF або файл пошкоджено",
    QPdfDocument.Error.IncorrectPassword: "неправильний пароль",
    QPdfDocument.Error.UnsupportedSecurityScheme: "непідтримуваний захист документа",
}


def _file_name(title: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|]+', " ", title).strip() or "документ"
    return f"{cleaned}.pdf"


class PdfPreviewDialog(QDialog):
    """The PDF with page navigation, zoom, «Друкувати…», «Зберегти PDF…», «Закрити»."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Перегляд — {title}")
        self._pdf = bytes(pdf)
        self._title = title
        self.error_text = ""
        self.print_job: BackgroundPrint | None = None
        fit_to_screen(self, 900, 820)  # on a 1366×768 laptop the buttons stay in sight

        self.document = QPdfDocument(self)
        self._data = QByteArray(self._pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        self.page = QSpinBox(self)
        self.page.setPrefix("Сторінка ")
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(self._on_page_chosen)
        self.page_total = QLabel(self)
        fit_width = QPushButton("За шириною", self)
        fit_page = QPushButton("Сторінка цілком", self)
        zoom_in = QPushButton("+", self)
        zoom_out = QPushButton("−", self)
        for button, tip in ((zoom_in, "Збільшити (Ctrl++)"), (zoom_out, "Зменшити (Ctrl+−)")):
            button.setToolTip(tip)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("MM") + 16)
        fit_width.clicked.connect(self._on_fit_width)
        fit_page.clicked.connect(self._on_fit_page)
        zoom_in.clicked.connect(self._on_zoom_in)
        zoom_out.clicked.connect(self._on_zoom_out)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self._on_zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self._on_zoom_out)

        self.print_button = QPushButton("Друкувати…", self)
        self.save_button = QPushButton("Зберегти PDF…", self)
        close_button = QPushButton("Закрити", self)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        for button in (fit_width, fit_page, zoom_in, zoom_out, self.save_button, close_button):
            button.setAutoDefault(False)

        bar = QHBoxLayout()
        bar.addWidget(self.page)
        bar.addWidget(self.page_total)
        bar.addStretch(1)
        for button in (zoom_out, zoom_in, fit_width, fit_page):
            bar.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)

        self.view.pageNavigator().currentPageChanged.connect(self._on_page_shown)
        self.document.statusChanged.connect(self._on_status_changed)
        self._on_status_changed()
        self.view.setFocus()

    def page_count(self) -> int:
        return self.document.pageCount()

    def _on_status_changed(self) -> None:
        status = self.document.status()
        if status == QPdfDocument.Status.Error:
            reason = _ERRORS.get(self.document.error(), "невідома помилка")
            self.error_text = f"Не вдалося відкрити PDF: {reason}."
            self.message.setText(self.error_text)
            self.message.show()
            self.view.hide()
            self.print_button.setEnabled(False)
        count = self.document.pageCount()
        self.page.setRange(1, max(count, 1))
        self.page_total.setText(f"з {count}")
        self.page.setEnabled(count > 1)
        if count == 1 and status == QPdfDocument.Status.Ready:
            # A stamp is at the foot of its sheet: fitted to the width, the top looked blank.
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _on_page_chosen(self, number: int) -> None:
        navigator = self.view.pageNavigator()
        if navigator.currentPage() != number - 1:
            navigator.jump(number - 1, QPointF(), navigator.currentZoom())

    def _on_page_shown(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)

    def _on_fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _on_fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # The effective factor of a fit mode: the page's width on screen over its 72-dpi width.
            points = self.document.pagePointSize(max(self.view.pageNavigator().currentPage(), 0))
            dpi = self.logicalDpiX() / 72
            if points.width() > 0:
                current = self.view.viewport().width() / (points.width() * dpi)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(current * factor, 8.0)))

    def _on_zoom_in(self) -> None:
        self._zoom(1.25)

    def _on_zoom_out(self) -> None:
        self._zoom(0.8)

    def _on_print(self) -> None:
        if self.print_job is not None and not self.print_job.done:
            return  # one print job at a time (Enter pressed twice before the progress shows)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Друк")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        sizes = [self.document.pagePointSize(p) for p in range(self.document.pageCount())]
        self.print_job = BackgroundPrint(self._pdf, sizes, printer, self)
        self.print_button.setEnabled(False)
        self.print_job.finished.connect(lambda: self.print_button.setEnabled(True))
        self.print_job.start()

    def done(self, result: int) -> None:
        """Closing the preview stops a print still being prepared."""
        if self.print_job is not None and not self.print_job.done:
            self.print_job.cancel()
        super().done(result)

    def _on_save(self) -> None:
        suggested = in_documents(_file_name(self._title))
        path, _ = QFileDialog.getSaveFileName(
            self, "Зберегти PDF", suggested, "Документ PDF (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self._pdf)
        except OSError as exc:
            QMessageBox.warning(self, "Збереження", f"Не вдалося зберегти файл {path}: {exc}")
