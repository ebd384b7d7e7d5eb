"""Reminder sheets (нагадування) for lead executors: one batch PDF, portrait A4.

Each executor's sheet starts on a new page (the batch is cut and handed out), and is numbered on
its own: «Нагадування Мельнику І. І. · Сторінка 2 з 2», because the reader holds one sheet, not
the batch. A long list continues on the next page with the table header repeated and a running
head naming the executor. Which sheet a page belongs to is known only once the page is laid
out, so the canvas keeps the pages and writes the running heads and footers when it is saved
(the way tables.py numbers its pages).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from . import fonts
from .common import PDF_CREATOR, Output, glue, markup, signature_block, style, target
from .control_centre_data import RemindersData, ReminderSheetData
from .data import fmt_date
from .wrapping import LineBreaker

MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 10 * mm
MARGIN_TOP = 18 * mm  # room for the running head of a continued sheet
MARGIN_BOTTOM = 16 * mm
HEAD_Y = A4[1] - 11 * mm
FOOTER_Y = 8 * mm
WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
# № | document | correspondent | summary | term | state
COLUMN_WEIGHTS = (0.45, 2.0, 1.85, 3.05, 1.05, 1.3)
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)
SIZE = 9.0
LEADING = 10.5
PAD = 3.0
MAX_LINES = 40  # a row must fit on a page: a longer cell is cut with «…»


class _SheetStart(Flowable):
    """Draws nothing; tells the canvas that the pages from here on belong to `title`."""

    def __init__(self, key: int, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._sheet = (self.key, self.title)  # type: ignore[attr-defined]


class _SheetCanvas(Canvas):
    """Keeps every page until save(), then numbers each sheet's pages on their own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sheet: tuple[int, str] = (-1, "")
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        keys = [state["_sheet"][0] for state in self._pages]
        for index, state in enumerate(self._pages):
            key, title = state["_sheet"]
            number = keys[: index + 1].count(key)
            total = keys.count(key)
            self.__dict__.update(state)
            self.setFont(fonts.REGULAR, 9)
            if number > 1:
                self.drawString(MARGIN_LEFT, HEAD_Y, f"{title} (продовження)")
            label = f"{title} · " if title else ""
            self.drawCentredString(A4[0] / 2, FOOTER_Y, f"{label}Сторінка {number} з {total}")
            super().showPage()
        super().save()


class _Styles:
    def __init__(self) -> None:
        self.org = style("org", 12, bold=True, align="center")
        self.addressee = style("to", 13, bold=True, align="right", space_before=10)
        self.department = style("dept", 11, align="right")
        self.title = style("title", 14, bold=True, align="center", space_before=14)
        self.subtitle = style("sub", 12, align="center", space_before=2)
        self.text = style("text", 12, align="justify", first_indent=12 * mm, space_before=8)
        self.head = style("head", SIZE, bold=True, align="center", leading=LEADING)


def _table(sheet: ReminderSheetData, st: _Styles, breaker: LineBreaker) -> LongTable:
    """Cells are plain strings broken into lines by `breaker` (as in tables.py: a Paragraph per
    cell costs 3× more on a long batch); overdue rows are bold."""
    total = sum(COLUMN_WEIGHTS)
    widths = [WIDTH * w / total for w in COLUMN_WEIGHTS]
    titles = ("№ з/п", "Документ", "Кореспондент", "Короткий зміст", "Термін", "Стан")
    data: list[list[Any]] = [[Paragraph(t, st.head) for t in titles]]
    bold_rows = []
    for i, line in enumerate(sheet.lines, start=1):
        font = fonts.BOLD if line.overdue else fonts.REGULAR
        if line.overdue:
            bold_rows.append(i)
        document = f"{line.register} № {line.number}\nвід {fmt_date(line.reg_date)}"
        texts = (
            str(i),
            document,
            line.correspondent,
            line.summary,
            line.term or fmt_date(line.due_date),
            line.state,
        )
        pairs = zip(texts, widths, strict=True)
        data.append([breaker.fit(t, font, w - 2 * PAD, MAX_LINES) for t, w in pairs])
    return LongTable(
        data,
        colWidths=widths,
        repeatRows=1,
        style=TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, SIZE, LEADING),
                *[("FONT", (0, r), (-1, r), fonts.BOLD, SIZE, LEADING) for r in bold_rows],
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (4, 1), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ]
        ),
    )


def _sheet(
    key: int, sheet: ReminderSheetData, data: RemindersData, st: _Styles, breaker: LineBreaker
) -> list[Any]:
    limit = fmt_date(data.limit_date)
    overdue = sum(1 for line in sheet.lines if line.overdue)
    intro = (
        "Нагадуємо, що на контролі перебувають документи, головним виконавцем яких Ви є, "
        f"з терміном виконання до {limit} включно"
        + (", а також прострочені (виділено жирним шрифтом):" if overdue else ":")
    )
    story: list[Any] = [
        _SheetStart(key, f"Нагадування {sheet.addressee}"),
        Paragraph(markup(data.organisation), st.org),
        Paragraph(markup(glue(sheet.addressee)), st.addressee),
        Paragraph(markup(sheet.department), st.department),
        Paragraph("НАГАДУВАННЯ", st.title),
        Paragraph("про терміни виконання документів, що перебувають на контролі", st.subtitle),
        Paragraph(f"станом на {fmt_date(data.as_of)}", st.subtitle),
        Paragraph(markup(intro), st.text),
        Spacer(1, 4 * mm),
        _table(sheet, st, breaker),
    ]
    closing = [
        Paragraph(f"Усього документів: {len(sheet.lines)}, з них прострочено: {overdue}.", st.text),
        Paragraph(
            "Матеріали про виконання подайте до загального відділу за три дні до закінчення "
            "терміну (п. 11.6 Регламенту). Змінити термін може лише посадова особа, яка його "
            "встановила (п. 9.12 Регламенту).",
            st.text,
        ),
    ]
    if data.signatory_position.strip():  # the sheet is signed by who keeps the control
        closing += [
            Spacer(1, 10 * mm),
            signature_block(data.signatory_position, data.signatory_name, WIDTH, 12),
        ]
    story.append(KeepTogether(closing))
    return story


def print_reminders(data: RemindersData, out: Output) -> None:
    """One sheet per executor, each from a new page; an empty batch says so on one page."""
    fonts.register_fonts()
    st = _Styles()
    breaker = LineBreaker(SIZE)
    doc = BaseDocTemplate(
        target(out),
        pagesize=A4,
        title=f"Нагадування виконавцям станом на {fmt_date(data.as_of)}",
        author=PDF_CREATOR,
        creator=PDF_CREATOR,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        WIDTH,
        A4[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("sheet", [frame])])
    story: list[Any] = []
    for key, sheet in enumerate(data.sheets):
        if story:
            story.append(PageBreak())
        story.extend(_sheet(key, sheet, data, st, breaker))
    if not story:
        story = [
            Paragraph(markup(data.organisation), st.org),
            Paragraph(
                f"Документів з терміном до {fmt_date(data.limit_date)} та прострочених немає: "
                "нагадувати нікому.",
                st.text,
            ),
        ]
    doc.build(story, canvasmaker=_SheetCanvas)
