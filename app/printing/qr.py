"""The record's QR code (app.domain.record_code), drawn with reportlab's own barcode widget: on
the registration stamp beside its frame, in the РКК's heading."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

#: Blank modules around the code: a scanner finds the code by its quiet zone.
QUIET_MODULES = 2
STAMP_QR_SIZE = 15 * mm  # beside the registration stamp
CARD_QR_SIZE = 16 * mm  # in the РКК's heading


def qr_drawing(text: str, size: float) -> Drawing:
    """A `size`×`size` drawing of the QR code of `text` (error correction level M)."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=QUIET_MODULES)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    sx, sy = size / width, size / height
    drawing = Drawing(size, size, transform=[sx, 0, 0, sy, -x0 * sx, -y0 * sy])
    drawing.add(widget)
    return drawing


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The code with its bottom-left corner (quiet zone included) at (x, y)."""
    renderPDF.draw(qr_drawing(text, size), c, x, y)


class QrMark(Flowable):
    """The code as a flowable (the РКК's heading)."""

    def __init__(self, text: str, size: float = CARD_QR_SIZE):
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.text, 0, 0, self.size)
