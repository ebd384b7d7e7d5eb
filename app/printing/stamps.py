"""Registration and «Контроль» stamps, printed onto a document's first page or onto a label.

The clerk puts the document's first page back into the printer, so the PDF holds nothing but
the stamps, each in a rubber-stamp frame: registration bottom right (ДСТУ 4163:2020, відмітка
про надходження), «Контроль» top right (regulation 9.7). Printers feed paper with their own
error, so every page stamp is moved by per-printer offsets in millimetres: positive
``offset_x_mm`` moves it right, positive ``offset_y_mm`` moves it DOWN the sheet (as the sheet
is read, and as Qt's screen coordinates run). The PDF must be printed at 100 %, not «fit to page».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from . import fonts
from .common import Output, pdf_canvas
from .data import ControlStampData, RegistrationStampData, fmt_date
from .qr import STAMP_QR_SIZE, draw_qr

StampMode = Literal["page", "label"]
ControlLayout = Literal["two_lines", "one_line"]

# Where the stamps sit on an A4 page before the printer's offsets are applied.
PAGE_STAMP_RIGHT = 10 * mm  # from the right edge of the sheet
REGISTRATION_BOTTOM = 7 * mm  # from the bottom edge
CONTROL_TOP = 8 * mm  # from the top edge
REGISTRATION_WIDTH = 62 * mm
LABEL_SIZE_MM = (70.0, 37.0)
MAX_OFFSET_MM = 60.0

_PADDING = 1.8 * mm
_LINE_WIDTH = 1.0
_RADIUS = 1.5 * mm
QR_GAP = 2 * mm  # between the registration stamp's frame and its QR code


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float

    @property
    def height(self) -> float:
        return self.size * 1.18


_RULE = None  # a horizontal rule between lines, like the bar under a stamp's heading
_Item = _Line | None


class StampBox:
    """A framed block of centred lines: the drawing shared by every stamp."""

    def __init__(self, items: Sequence[_Item], width: float, height: float | None = None):
        self.items = list(items)
        self.width = width
        self.content_height = sum(_item_height(i) for i in self.items)
        self.height = max(height or 0.0, self.content_height + 2 * _PADDING)

    def draw(self, c: Canvas, x: float, y: float) -> None:
        """Draw with the bottom-left corner of the frame at (x, y)."""
        c.saveState()
        c.setLineWidth(_LINE_WIDTH)
        c.roundRect(x, y, self.width, self.height, _RADIUS, stroke=1, fill=0)
        cx = x + self.width / 2
        # Content is centred vertically when the frame is taller (labels).
        cursor = y + (self.height + self.content_height) / 2
        # Capitals leave more air above a line than descenders below: lift by the difference.
        first = next((i for i in self.items if i is not None), None)
        if first is not None:
            cursor += 0.12 * first.size
        for item in self.items:
            if item is None:
                cursor -= _item_height(item)
                rule_y = cursor + _item_height(item) / 2
                c.setLineWidth(0.5)
                c.line(x + _PADDING, rule_y, x + self.width - _PADDING, rule_y)
                continue
            cursor -= item.height
            c.setFont(item.font, item.size)
            c.drawCentredString(cx, cursor + item.size * 0.24, item.text)
        c.restoreState()


def _item_height(item: _Item) -> float:
    return 2.4 * mm if item is None else item.height


def _fit(text: str, font: str, size: float, width: float) -> _Line:
    """One line that never spills out of the frame: shrink the type if it must."""
    actual = stringWidth(text, font, size)
    if actual > width:
        size = size * width / actual
    return _Line(text, font, size)


def registration_box(
    data: RegistrationStampData, width: float, height: float | None = None, scale: float = 1.0
) -> StampBox:
    fonts.register_fonts()
    inner = width - 2 * _PADDING
    items: list[_Item] = []
    org_size = 8.5 * scale
    org_lines = simpleSplit(data.organisation.strip(), fonts.BOLD, org_size, inner)
    if len(org_lines) > 3:  # a full name where a short one belongs: keep the stamp a stamp
        org_lines = org_lines[:3]
        org_lines[-1] = org_lines[-1].rstrip(" ,") + "…"
    items.extend(_fit(line, fonts.BOLD, org_size, inner) for line in org_lines)
    if org_lines:
        items.append(_RULE)
    number = f"{data.number_prefix} {data.reg_number}".strip()
    items.append(_fit(number, fonts.BOLD, 11.5 * scale, inner))
    items.append(_fit(f"від {fmt_date(data.reg_date)}", fonts.REGULAR, 10.5 * scale, inner))
    if data.sheets is not None:
        items.append(_fit(f"Аркушів: {data.sheets}", fonts.REGULAR, 9.5 * scale, inner))
    return StampBox(items, width, height)


def control_box(data: ControlStampData, layout: ControlLayout = "two_lines") -> StampBox:
    fonts.register_fonts()
    due = fmt_date(data.due_date)
    if layout == "one_line":
        items: list[_Item] = [_Line(f"Контроль до {due}", fonts.BOLD, 12)]
    else:
        items = [_Line("КОНТРОЛЬ", fonts.BOLD, 14), _Line(f"термін {due}", fonts.REGULAR, 11)]
    widest = max(stringWidth(i.text, i.font, i.size) for i in items if i is not None)
    return StampBox(items, max(widest + 2 * _PADDING + 4 * mm, 40 * mm))


class ControlMark(Flowable):
    """The «Контроль» stamp as a flowable, for the РКК card's heading."""

    def __init__(self, data: ControlStampData, layout: ControlLayout = "two_lines"):
        super().__init__()
        self.box = control_box(data, layout)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.box.width, self.box.height

    def draw(self) -> None:
        self.box.draw(self.canv, 0, 0)


def _check_offsets(offset_x_mm: float, offset_y_mm: float) -> None:
    for value in (offset_x_mm, offset_y_mm):
        if abs(value) > MAX_OFFSET_MM:
            raise ValueError(f"Зсув штампа {value} мм завеликий (не більше {MAX_OFFSET_MM} мм)")


def print_document_stamps(
    registration: RegistrationStampData | None,
    control: ControlStampData | None,
    out: Output,
    *,
    control_layout: ControlLayout = "two_lines",
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> None:
    """One A4 page: registration stamp bottom right, «Контроль» top right (either may be None)."""
    if registration is None and control is None:
        raise ValueError("Немає що друкувати: не задано жодного штампа")
    _check_offsets(offset_x_mm, offset_y_mm)
    page_w, page_h = A4
    dx, dy = offset_x_mm * mm, -offset_y_mm * mm
    c = pdf_canvas(out, A4, "Штампи документа")
    if control is not None:
        box = control_box(control, control_layout)
        box.draw(
            c, page_w - PAGE_STAMP_RIGHT - box.width + dx, page_h - CONTROL_TOP - box.height + dy
        )
    if registration is not None:
        box = registration_box(registration, REGISTRATION_WIDTH)
        x, y = page_w - PAGE_STAMP_RIGHT - box.width + dx, REGISTRATION_BOTTOM + dy
        box.draw(c, x, y)
        if registration.code:  # beside the frame, on its left: the stamp keeps its size and place
            draw_qr(c, registration.code, x - QR_GAP - STAMP_QR_SIZE, y, STAMP_QR_SIZE)
    c.showPage()
    c.save()


def print_registration_stamp(
    data: RegistrationStampData,
    out: Output,
    *,
    mode: StampMode = "page",
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
    label_size_mm: tuple[float, float] = LABEL_SIZE_MM,
) -> None:
    """The registration stamp on an A4 page (bottom right) or on a label-sized page."""
    if mode == "page":
        print_document_stamps(data, None, out, offset_x_mm=offset_x_mm, offset_y_mm=offset_y_mm)
        return
    if mode != "label":
        raise ValueError(f"Невідомий режим друку штампа: {mode!r}")
    _check_offsets(offset_x_mm, offset_y_mm)
    label_w, label_h = label_size_mm[0] * mm, label_size_mm[1] * mm
    if label_w < 30 * mm or label_h < 15 * mm:
        raise ValueError("Етикетка замала для штампа (щонайменше 30×15 мм)")
    inset = 1.5 * mm
    width, height = label_w - 2 * inset, label_h - 2 * inset
    qr_size = min(STAMP_QR_SIZE, height) if data.code else 0.0
    if qr_size:  # the code on the label's left, the stamp in the rest of it
        width -= qr_size + QR_GAP
    scale = 1.15
    box = registration_box(data, width, height, scale)
    while box.content_height + 2 * _PADDING > height and scale > 0.5:
        scale *= 0.92
        box = registration_box(data, width, height, scale)
    c = pdf_canvas(out, (label_w, label_h), "Відмітка про надходження")
    x, y = inset + offset_x_mm * mm, inset - offset_y_mm * mm
    if qr_size:
        draw_qr(c, data.code, x, y + (height - qr_size) / 2, qr_size)
        x += qr_size + QR_GAP
    box.draw(c, x, y)
    c.showPage()
    c.save()


def print_control_stamp(
    data: ControlStampData,
    out: Output,
    *,
    layout: ControlLayout = "two_lines",
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> None:
    """The «Контроль» stamp alone, top right of an A4 page."""
    print_document_stamps(
        None,
        data,
        out,
        control_layout=layout,
        offset_x_mm=offset_x_mm,
        offset_y_mm=offset_y_mm,
    )
