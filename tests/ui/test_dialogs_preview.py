"""The PDF preview: QtPdf opens what reportlab writes, prints pages turned the right way."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ui.preview import PdfPreviewDialog
from ui.print_job import on_white as _on_white
from ui.print_job import print_document


def _pdf(*landscape_pages: bool) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for i, turned in enumerate(landscape_pages):
        pdf.setPageSize(landscape(A4) if turned else A4)
        pdf.drawString(72, 400, f"Page {i + 1}")
        pdf.line(20, 0, 20, 2000)  # a rule 20 pt from the left edge
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_preview_opens_a_small_pdf(qtbot):
    dialog = PdfPreviewDialog(_pdf(False), "Штамп")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.page_count() == 1
    assert dialog.error_text == ""
    assert dialog.page_total.text() == "з 1"
    assert dialog.print_button.isEnabled()


def test_preview_pages_and_zoom(qtbot):
    dialog = PdfPreviewDialog(_pdf(False, True, False), "Журнал")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == 3
    dialog.page.setValue(3)
    qtbot.waitUntil(lambda: dialog.view.pageNavigator().currentPage() == 2)
    dialog._on_zoom_in()
    assert dialog.view.zoomFactor() > 0
    dialog._on_fit_width()


def test_preview_reports_a_broken_pdf(qtbot):
    dialog = PdfPreviewDialog(b"not a pdf at all", "Зламаний")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.error_text != "")
    assert "Не вдалося відкрити PDF" in dialog.error_text
    assert not dialog.print_button.isEnabled()
    assert dialog.message.isVisible()


def test_printing_turns_landscape_pages(qtbot, tmp_path: Path):
    from pypdf import PdfReader

    document = QPdfDocument()
    source = tmp_path / "source.pdf"
    source.write_bytes(_pdf(False, True))
    assert document.load(str(source)) == QPdfDocument.Error.None_
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))

    assert print_document(document, printer) == 2
    pages = PdfReader(str(tmp_path / "printed.pdf")).pages
    assert len(pages) == 2
    first, second = (p.mediabox for p in pages)
    assert first.height > first.width
    assert second.width > second.height

    # Actual size: the rule stays 20 pt from the sheet's edge (stamps are placed in mm).
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    image = _on_white(printed.render(0, QSize(595, 842)))
    darkest = min(range(10, 40), key=lambda x: QColor(image.pixel(x, 421)).lightness())
    assert abs(darkest - 20) <= 1


def test_save_writes_the_same_bytes(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    pdf = _pdf(False)
    target = tmp_path / "штамп"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = PdfPreviewDialog(pdf, "Штамп")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert (tmp_path / "штамп.pdf").read_bytes() == pdf


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _print_from_preview(qtbot, monkeypatch, dialog, printer) -> None:
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    class ThePrinter:  # the preview's QPrinter(...) gives the PDF printer of the test
        PrinterMode = QPrinter.PrinterMode

        def __new__(cls, *args):
            return printer

    monkeypatch.setattr("ui.preview.QPrinter", ThePrinter)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog.print_button.click()


def test_printing_renders_pages_off_the_gui_thread(qtbot, tmp_path: Path, monkeypatch):
    import threading

    from pypdf import PdfReader

    from ui import print_job

    threads = []
    real = print_job.render_page

    def render(*args):
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(print_job, "render_page", render)
    dialog = PdfPreviewDialog(_pdf(False, True, False), "Журнал")
    qtbot.addWidget(dialog)
    dialog.show()
    _print_from_preview(qtbot, monkeypatch, dialog, _pdf_printer(tmp_path / "printed.pdf"))
    job = dialog.print_job
    assert job is not None and not job.done  # the click returned before the pages were made
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    assert job.printed == 3 and not job.error
    assert len(threads) == 3 and threading.main_thread() not in threads
    assert not job.progress.isVisible()
    pages = PdfReader(str(tmp_path / "printed.pdf")).pages
    assert [p.mediabox.width > p.mediabox.height for p in pages] == [False, True, False]


def test_printing_can_be_cancelled(qtbot, tmp_path: Path, monkeypatch):
    import time

    from PySide6.QtWidgets import QPushButton

    from ui import print_job

    real = print_job.render_page

    def slow_render(*args):
        time.sleep(0.05)
        return real(*args)

    monkeypatch.setattr(print_job, "render_page", slow_render)
    dialog = PdfPreviewDialog(_pdf(*[False] * 6), "Журнал")
    qtbot.addWidget(dialog)
    dialog.show()
    _print_from_preview(qtbot, monkeypatch, dialog, _pdf_printer(tmp_path / "printed.pdf"))
    job = dialog.print_job
    assert job is not None
    qtbot.waitUntil(lambda: job.printed >= 1, timeout=10000)
    job.progress.findChild(QPushButton).click()  # «Скасувати»
    assert job.done and job.cancelled
    printed = job.printed
    qtbot.wait(200)
    assert job.printed == printed < 6  # nothing more is rendered or painted


def test_a_one_page_stamp_opens_as_the_whole_page(qtbot):
    from PySide6.QtPdfWidgets import QPdfView

    stamp = PdfPreviewDialog(_pdf(False), "Штамп")
    qtbot.addWidget(stamp)
    assert stamp.view.zoomMode() == QPdfView.ZoomMode.FitInView
    register = PdfPreviewDialog(_pdf(False, True), "Журнал")
    qtbot.addWidget(register)
    assert register.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_a_second_print_is_not_started_while_one_is_running(qtbot, monkeypatch):
    dialog = PdfPreviewDialog(_pdf(False), "Штамп")
    qtbot.addWidget(dialog)
    asked: list[object] = []
    monkeypatch.setattr("ui.preview.QPrintDialog", lambda *a: asked.append(a) or None)

    class Running:
        done = False

    dialog.print_job = Running()  # type: ignore[assignment]
    dialog._on_print()
    assert asked == []  # no second print dialog while the first job is being prepared
