"""Address labels on A4 sheets of self-adhesive labels (3 × 8 or 2 × 7).

Labels are filled row by row, left to right, as a sheet is read; ``skip`` leaves the first
labels of the first sheet empty, so a sheet already partly used goes back into the printer.
Each label holds the recipient as on an envelope (name, address lines, postal code bold on the
last line), set in the largest type that fits; above it, optionally, the sender on one small
line and «Рекомендоване» for registered mail. Nothing is drawn outside the text: the sheet is
die-cut, and a printed frame would never meet the cut exactly.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .address_block import LEADING, SetLine, fit_line, one_line, set_address
from .common import pdf_canvas
from .mail import LabelLayout, MailPiece, PostalAddress, label_layout

PAD_X = 4.5 * mm  # edge-to-edge sheets: keep text off the printer's unprintable border
PAD_Y = 3.5 * mm
ADDRESS_SIZE = 11.0
SMALL_SIZE = 6.5
REGISTERED = "Рекомендоване"


def label_origin(layout: LabelLayout, index: int) -> tuple[float, float]:
    """Bottom left corner of label ``index`` (0-based, row by row) on its sheet, in points."""
    row, col = divmod(index % layout.per_sheet, layout.columns)
    x = (layout.left + col * layout.pitch_x) * mm
    y = A4[1] - (layout.top + row * layout.pitch_y + layout.height) * mm
    return x, y


def _top_row(piece: MailPiece, sender: str, width: float) -> tuple[SetLine | None, SetLine | None]:
    """The small line above the address: the sender on the left, «Рекомендоване» right."""
    mark = None
    if piece.registered:
        mark = SetLine(REGISTERED, fonts.BOLD, SMALL_SIZE + 1.5)
        width -= stringWidth(REGISTERED, fonts.BOLD, mark.size) + 2 * mm
    line = fit_line(sender, fonts.REGULAR, SMALL_SIZE, width, 5.0) if sender else None
    return line, mark


def _draw_label(c: Canvas, layout: LabelLayout, index: int, piece: MailPiece, sender: str) -> None:
    x, y = label_origin(layout, index)
    width = layout.width * mm - 2 * PAD_X
    top = y + layout.height * mm - PAD_Y
    bottom = y + PAD_Y

    line, mark = _top_row(piece, sender, width)
    if line is not None or mark is not None:
        size = max(s.size for s in (line, mark) if s is not None)
        baseline = top - size
        if line is not None:
            c.setFont(line.font, line.size)
            c.drawString(x + PAD_X, baseline, line.text)
        if mark is not None:
            c.setFont(mark.font, mark.size)
            c.drawRightString(x + PAD_X + width, baseline, mark.text)
        top -= size * LEADING + 1 * mm

    block = set_address(
        piece.recipient, width, top - bottom, ADDRESS_SIZE, code_scale=1.2, min_size=6.0
    )
    spare = (top - bottom) - block.height
    block.draw(c, x + PAD_X, top - spare / 2)  # centred in the space left


def render_labels(
    pieces: Sequence[MailPiece],
    *,
    sender: PostalAddress | None = None,
    skip: int = 0,
    layout: str = "3x8",
) -> bytes:
    """Sheets of labels; see :func:`app.printing.mail.labels_pdf`."""
    sheet = label_layout(layout)
    if not 0 <= skip < sheet.per_sheet:
        raise ValueError(
            f"На аркуші «{layout}» {sheet.per_sheet} етикеток: пропустити можна "
            f"від 0 до {sheet.per_sheet - 1}."
        )
    if not pieces:
        raise ValueError("Немає жодного адресата: друкувати етикетки нема для кого.")
    sender_text = one_line(sender) if sender is not None else ""
    out = io.BytesIO()
    c = pdf_canvas(out, A4, f"Адресні етикетки {layout}")
    for position, piece in enumerate(pieces, start=skip):
        if position and position % sheet.per_sheet == 0:
            c.showPage()
        _draw_label(c, sheet, position, piece, sender_text)
    c.showPage()
    c.save()
    return out.getvalue()
