"""The mayor's orders on paper: the heading of the order's blank and the register of copies
handed to the executors (regulation 4.16)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from . import fonts
from .common import Output, markup, pdf_canvas, style
from .data import JournalColumn, fmt_date
from .order_data import CopiesRegisterData, HandedCopy, OrderCopies, OrderHeadingData
from .tables import TableDocument, render_table_document

# ДСТУ 4163:2020, 5.1–5.3: margins of an A4 sheet: left 30 mm, right 10 mm, top 20 mm.
LEFT = 30 * mm
RIGHT = 10 * mm
TOP = 20 * mm
# The State Emblem (12 × 17 mm) stands above the middle of the organisation's name; its place
# is left free, for a printed blank or for the clerk to paste the image into the template.
EMBLEM_HEIGHT = 17 * mm
TEXT_SIZE = 14.0
HEADING_SIZE = 16.0
HEADING_SPACING = 4.0  # points between the letters of «РОЗПОРЯДЖЕННЯ»
# The title «Про …» is a block of about half the page's width, at the left margin.
TITLE_WIDTH = 90 * mm


def _centred(c: Canvas, text: str, y: float, font: str, size: float, spacing: float = 0.0) -> None:
    """One line centred on the text area; `spacing` between letters (the Tc operator), so the
    word stays one word for search and copying."""
    centre = LEFT + (A4[0] - LEFT - RIGHT) / 2
    width = stringWidth(text, font, size) + spacing * (len(text) - 1)
    line = c.beginText(centre - width / 2, y)
    line.setFont(font, size)
    line.setCharSpace(spacing)
    line.textLine(text)
    c.drawText(line)


def print_order_heading(data: OrderHeadingData, out: Output) -> None:
    """A4 portrait: «УКРАЇНА», the organisation, «РОЗПОРЯДЖЕННЯ міського голови»; the date, the
    place and the number on one line; the title in bold at the left. Nothing else: the text of
    the order is typed below it."""
    title = f"Розпорядження № {data.number} від {fmt_date(data.signed)}"
    c = pdf_canvas(out, A4, title)
    width = A4[0] - LEFT - RIGHT
    y = A4[1] - TOP - EMBLEM_HEIGHT - 5 * mm - TEXT_SIZE
    _centred(c, "УКРАЇНА", y, fonts.BOLD, TEXT_SIZE)

    org = Paragraph(
        markup(data.organisation.upper()),
        style("org", TEXT_SIZE, bold=True, align="center", leading=TEXT_SIZE * 1.15),
    )
    height = org.wrap(width, A4[1])[1]
    y -= 4 * mm + height
    org.drawOn(c, LEFT, y + TEXT_SIZE * 0.25)

    y -= 10 * mm + HEADING_SIZE * 0.2
    _centred(c, data.heading, y, fonts.BOLD, HEADING_SIZE, HEADING_SPACING)
    y -= TEXT_SIZE * 1.3
    _centred(c, data.issuer, y, fonts.BOLD, TEXT_SIZE)

    # ДСТУ 4163:2020: the date at the left, the place in the middle, the number at the right.
    y -= 14 * mm
    c.setFont(fonts.REGULAR, TEXT_SIZE)
    c.drawString(LEFT, y, fmt_date(data.signed))
    if data.place:
        c.drawCentredString(LEFT + width / 2, y, data.place)
    c.drawRightString(LEFT + width, y, f"№ {data.number}")

    heading = Paragraph(
        markup(data.title), style("title", TEXT_SIZE, bold=True, leading=TEXT_SIZE * 1.15)
    )
    height = heading.wrap(TITLE_WIDTH, A4[1])[1]
    y -= 12 * mm + height - TEXT_SIZE
    heading.drawOn(c, LEFT, y - TEXT_SIZE * 0.25)
    c.showPage()
    c.save()


COPIES_COLUMNS = (
    JournalColumn("№ з/п", 0.5, "center"),
    JournalColumn("№ і дата розпорядження", 1.2, "center"),
    JournalColumn("Заголовок", 3.4),
    JournalColumn("Кому видано (виконавець)", 1.8),
    JournalColumn("Дата видачі", 1.2, "center"),
    JournalColumn("Підпис", 1.4),
)
NO_COPIES = "копії не видавались"
ROW_HEIGHT = 10 * mm  # room for a signature in a row of one line


def _handed(copy: HandedCopy) -> str:
    """«12.11.2026», «12.11.2026 (із запізненням)»; an empty cell for a copy still to hand,
    so the date is written in when it is handed and signed for."""
    if copy.handed is None:
        return ""
    # The mark on a line of its own: a narrow column must not break it after «(із».
    return f"{fmt_date(copy.handed)}\n(із запізненням)" if copy.late else fmt_date(copy.handed)


def copies_rows(orders: list[OrderCopies] | tuple[OrderCopies, ...]) -> list[list[str]]:
    """One row per copy; an order without copies gets one row saying so. The title is printed
    on the first row of its order, the number on every row (a row is a receipt of its own)."""
    rows: list[list[str]] = []
    for order in orders:
        number = f"{order.number}\nвід {fmt_date(order.signed)}"
        title = f"{order.title} (анульовано)" if order.cancelled else order.title
        if not order.copies:
            rows.append([str(len(rows) + 1), number, title, NO_COPIES, "", ""])
            continue
        for i, copy in enumerate(order.copies):
            shown = title if i == 0 else ""
            rows.append([str(len(rows) + 1), number, shown, copy.executor, _handed(copy), ""])
    return rows


def _totals(orders: list[OrderCopies] | tuple[OrderCopies, ...]) -> str:
    copies = [c for o in orders for c in o.copies]
    handed = [c for c in copies if c.handed is not None]
    late = sum(1 for c in handed if c.late)
    text = f"Усього розпоряджень: {len(orders)}; копій: {len(copies)}, з них видано: {len(handed)}"
    return f"{text}, із запізненням: {late}." if late else f"{text}."


def print_copies_register(data: CopiesRegisterData, out: Output) -> None:
    """Landscape A4 through TableDocument: a header on every page, «Сторінка N з M», rows tall
    enough to sign in."""
    orders = tuple(data.orders)
    render_table_document(
        TableDocument(
            organisation=data.organisation,
            title=data.title,
            subtitle=data.subtitle,
            columns=COPIES_COLUMNS,
            rows=copies_rows(orders),
            closing_lines=[_totals(orders)] if orders else [],
            empty_text="Розпоряджень немає.",
            pdf_title=f"{data.title} {data.subtitle}",
            min_row_height=ROW_HEIGHT,
        ),
        out,
    )
