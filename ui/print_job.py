"""Printing a PDF on a QPrinter: pages rasterised off the GUI thread, painted on the GUI thread.

Each page is rendered to an image at the printer's resolution (capped, see `PRINT_DPI_LIMIT`)
and painted at actual size from the sheet's corner, turning the paper for landscape pages
(registers are landscape A4). Rendering a 40-page register at 300 dpi takes seconds, so
`BackgroundPrint` renders one page at a time through ui.tasks — each task with its own
QPdfDocument, as QtPdf serialises PDFium calls itself — and shows a progress dialog that can
cancel; only the cheap painting of a finished image happens on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ui.tasks import run_in_background

#: Office text looks the same at 300 dpi as at 1200, but the page image is 16 times smaller.
PRINT_DPI_LIMIT = 300


def on_white(image: QImage) -> QImage:
    """QtPdf renders pages on a transparent background; printer drivers want paper white."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def render_page(pdf: bytes, page: int, dpi: int) -> QImage:
    """Page `page` of `pdf` as a white image at `dpi`; safe off the GUI thread (own document)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image = on_white(document.render(page, size))
    document.close()
    return image


class _Sheets:
    """Feeds pages to a QPrinter: orientation per page, actual size, shrunk only to fit."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.painter = QPainter()
        self.started = False
        printer.setFullPage(True)

    def dpi(self) -> int:
        return min(self.printer.resolution(), PRINT_DPI_LIMIT)

    def paint(self, points: QSizeF, image: QImage) -> None:
        printer = self.printer
        landscape = points.width() > points.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        if not self.started:
            if not self.painter.begin(printer):
                raise OSError("Не вдалося почати друк")
            self.started = True
        elif not printer.newPage():
            self.painter.end()
            raise OSError("Принтер не прийняв наступну сторінку")
        # Asked on every page: the sheet's size in device pixels turns with the orientation.
        sheet = printer.pageLayout().fullRectPixels(printer.resolution()).size()
        scale = printer.resolution() / 72
        actual = QSize(round(points.width() * scale), round(points.height() * scale))
        if actual.width() > sheet.width() or actual.height() > sheet.height():
            actual = actual.scaled(sheet, Qt.AspectRatioMode.KeepAspectRatio)
        self.painter.drawImage(QRect(0, 0, actual.width(), actual.height()), image)

    def finish(self) -> None:
        if self.started and self.painter.isActive():
            self.painter.end()

    def abort(self) -> None:
        self.printer.abort()
        self.finish()


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` on `printer` here and now; returns the pages printed.

    Actual size, from the sheet's corner (full-page mode), because the registration stamp is
    placed in millimetres with the printer offsets of the settings: shrinking the page to the
    printable area would move it. A page larger than the sheet is shrunk to fit.
    """
    count = document.pageCount()
    if count == 0:
        return 0
    sheets = _Sheets(printer)
    dpi = sheets.dpi()
    for page in range(count):
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        sheets.paint(points, on_white(document.render(page, size)))
    sheets.finish()
    return count


class BackgroundPrint(QObject):
    """Prints `pdf` page by page, rendering in the background, with a cancellable progress.

    `page_sizes` come from the document already open in the preview (cheap to ask).
    `printed` holds the pages sent to the printer; `done` turns True at the end, also when
    cancelled (`cancelled`) or failed (`error`), and `finished` is emitted then.
    """

    finished = Signal()

    def __init__(
        self, pdf: bytes, page_sizes: list[QSizeF], printer: QPrinter, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._sizes = page_sizes
        self._sheets = _Sheets(printer)
        self._parent = parent
        self.printed = 0
        self.done = False
        self.cancelled = False
        self.error = ""
        self.progress = QProgressDialog(
            "Готую сторінки до друку…", "Скасувати", 0, len(page_sizes), parent
        )
        self.progress.setWindowTitle("Друк")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._on_cancel)

    def start(self) -> None:
        self.progress.setValue(0)
        self._next()

    def _next(self) -> None:
        if self.cancelled:
            return
        if self.printed == len(self._sizes):
            self._sheets.finish()
            self._end()
            return
        pdf, page, dpi = self._pdf, self.printed, self._sheets.dpi()
        run_in_background(
            lambda: render_page(pdf, page, dpi), self._on_rendered, self._on_failed, owner=self
        )

    def _on_rendered(self, image: QImage) -> None:
        if self.cancelled:
            return
        try:
            self._sheets.paint(self._sizes[self.printed], image)
        except OSError as exc:
            self._on_failed(exc)
            return
        self.printed += 1
        self.progress.setLabelText(f"Надруковано сторінок: {self.printed} з {len(self._sizes)}")
        self.progress.setValue(self.printed)
        self._next()

    def _on_failed(self, exc: BaseException) -> None:
        if self.done:
            return
        self.error = str(exc) or "Не вдалося надрукувати документ"
        self._sheets.abort()
        self._end()
        QMessageBox.warning(self._parent, "Друк", self.error)

    def _on_cancel(self) -> None:
        if self.done:
            return
        self.cancelled = True
        self._sheets.abort()
        self._end()

    def cancel(self) -> None:
        """Stop printing (the preview is closing): nothing more goes to the printer."""
        self._on_cancel()

    def _end(self) -> None:
        self.done = True
        self.progress.canceled.disconnect(self._on_cancel)
        self.progress.close()
        self.finished.emit()
