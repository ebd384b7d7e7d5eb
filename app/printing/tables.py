"""Long tables on A4 (landscape by default): the machinery behind every register and report.

Why it is built this way:

* The column header is drawn by the page template, not by the table, so it sits on top of
  every page while the rows flow as a series of short tables (one ``LongTable`` of thousands of
  rows gets slower than linear: every split copies the remainder). Consecutive chunks share
  their border lines, so the joins are invisible.
* The title block is drawn by the first page's template; the first page's frame starts below it.
* «Сторінка N з M» needs M before the first page is written: the canvas keeps the pages and
  stamps the footers when the document is saved (one pass, not ``multiBuild``). A one-page
  document may go without it (a distribution list of a few addressees).
* Cells are plain strings broken into lines here (wrapping.py), never Paragraphs: a Table
  draws strings directly, and Paragraphs were re-wrapped on every split and draw (2.5× slower).
* A cell so long that its row could not fit on a page is cut with «…» rather than failing.
* What follows the table (totals, a signature) is kept on one page with the table's last row
  (or last few, `keep_last_rows`): a page holding nothing but a signature under an empty column
  header is not a document, nor is a totals row away from the rows it adds up.
* A group continued on a new page (a department's executors) is named again at the top of that
  page («… (продовження)», `continued_as`): such a document flows row by row (a wrapper sees
  whether it stands at the top of a page), which suits reports of hundreds of rows, not
  journals of thousands.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import ParagraphStyle

from . import fonts
from .common import PDF_CREATOR, Output, markup, style, target
from .data import JournalColumn
from .wrapping import LineBreaker

PAGE = landscape(A4)
MARGIN_LEFT = 20 * mm  # registers are bound on the left
MARGIN_RIGHT = 10 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 14 * mm
FOOTER_Y = 7 * mm

BODY_SIZE = 9.0
BODY_LEADING = 10.5
HEADER_SIZE = 9.0
PAD_H = 3.0
PAD_V = 2.0
CHUNK_ROWS = 100  # rows per table; a few pages' worth keeps splitting cheap
GRID = 0.5
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)


@dataclass(frozen=True)
class TableDocument:
    """What a register or report page shows; built by journal.py and control_report.py."""

    organisation: str
    title: str
    subtitle: str  # «з 01.01.2026 по 31.03.2026», «станом на 05.03.2026»
    columns: Sequence[JournalColumn]
    rows: Sequence[Sequence[str]]
    emphasised_rows: Collection[int] = frozenset()  # printed in bold
    closing_lines: Sequence[str] = ()  # paragraphs after the table (totals)
    empty_text: str = "Записів немає."
    pdf_title: str = field(default="")
    pagesize: tuple[float, float] = PAGE
    number_single_page: bool = True  # «Сторінка 1 з 1» on a document of one page
    closing_flowables: Sequence[Flowable] = ()  # after closing_lines: signature blocks
    # Rows at least this tall (points): room for a handwritten signature or date.
    min_row_height: float = 0.0
    # Rows kept on one page with the row after them: a department's heading line never stands
    # alone at the bottom of a page, away from its executors.
    keep_with_next: Collection[int] = frozenset()
    # Row → the heading printed above it when it starts a page («Відділ (продовження)»).
    continued_as: Mapping[int, str] = field(default_factory=dict)
    # How many of the last rows go onto one page with what follows the table (closing lines).
    keep_last_rows: int = 1
    # Row → how far its first cell is indented (points): a breakdown row («у т. ч. …») under
    # its total. Lines of the cell that wrap keep the indent.
    indents: Mapping[int, float] = field(default_factory=dict)
    # The closing lines are notes that may go on over the page rather than be kept with the
    # last rows (which are still kept together, `keep_last_rows`); a page of notes alone has
    # no column header.
    closing_flows: bool = False


class _NumberedCanvas(Canvas):
    """Keeps every page until save() so each footer can say «Сторінка N з M»."""

    def __init__(self, *args: Any, number_single_page: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._number_single_page = number_single_page

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        numbered = total > 1 or self._number_single_page
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if numbered:
                self.setFont(fonts.REGULAR, 9)
                self.drawCentredString(
                    self._pagesize[0] / 2, FOOTER_Y, f"Сторінка {number} з {total}"
                )
            super().showPage()
        super().save()


class _Layout:
    """Column widths, styles and the pre-measured header and title of one document."""

    def __init__(self, doc: TableDocument):
        if not doc.columns:
            raise ValueError("Таблиця без колонок")
        fonts.register_fonts()
        self.doc = doc
        self.page = doc.pagesize
        self.width = self.page[0] - MARGIN_LEFT - MARGIN_RIGHT
        weights = [max(float(c.width_weight), 0.01) for c in doc.columns]
        total = sum(weights)
        self.col_widths = [self.width * w / total for w in weights]
        self.aligns = [c.align.upper() for c in doc.columns]

        self.breaker = LineBreaker(BODY_SIZE)

        self.header = Table(
            [
                [
                    self._header_cell(c.title, w)
                    for c, w in zip(doc.columns, self.col_widths, strict=True)
                ]
            ],
            colWidths=self.col_widths,
            style=TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), GRID, colors.black),
                    ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    *_padding(),
                ]
            ),
        )
        self.header_h = self.header.wrap(self.width, self.page[1])[1]

        self.title_block = [
            Paragraph(markup(doc.organisation), style("org", 12, bold=True, align="center")),
            Paragraph(
                markup(doc.title), style("title", 14, bold=True, align="center", space_before=3)
            ),
            Paragraph(markup(doc.subtitle), style("sub", 12, align="center", space_before=2)),
        ]
        self.title_h = 4 * mm + sum(
            p.wrap(self.width, self.page[1])[1] + p.getSpaceBefore() for p in self.title_block
        )
        self.body_top = self.page[1] - MARGIN_TOP - self.header_h
        self.later_frame_h = self.body_top - MARGIN_BOTTOM
        self.first_frame_h = self.later_frame_h - self.title_h
        # A title too long for the first page above the table (a letter's long heading in the
        # subtitle) flows on pages of its own, and the table starts on the next page.
        self.title_flows = self.first_frame_h < 40 * mm
        # A row must fit a page: a taller cell continues in the next row (on the next page).
        self.max_lines = max(int((self.later_frame_h * 0.9 - 2 * PAD_V) / BODY_LEADING), 1)
        self.table_style = TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY_SIZE, BODY_LEADING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), GRID, colors.black),
                *_padding(),
                *[("ALIGN", (i, 0), (i, -1), a) for i, a in enumerate(self.aligns)],
            ]
        )

    @staticmethod
    def _header_cell(title: str, col_width: float) -> Paragraph:
        """Column titles are never split inside a word: a narrow column gets smaller type."""
        avail = col_width - 2 * PAD_H
        size = HEADER_SIZE
        longest = max((stringWidth(w, fonts.BOLD, size) for w in title.split()), default=0.0)
        if longest > avail:
            size = max(size * avail / longest, 6.0)
        return Paragraph(
            markup(title), style("head", size, bold=True, align="center", leading=size * 1.17)
        )

    def draw_header(self, c: Canvas, top: float) -> None:
        self.header.drawOn(c, MARGIN_LEFT, top - self.header_h)

    def draw_title(self, c: Canvas) -> None:
        y = self.page[1] - MARGIN_TOP
        for p in self.title_block:
            h = p.wrap(self.width, self.page[1])[1]
            y -= p.getSpaceBefore() + h
            p.drawOn(c, MARGIN_LEFT, y)

    def cell(self, text: str, col: int, bold: bool, indent: float = 0.0) -> str:
        font = fonts.BOLD if bold else fonts.REGULAR
        return self.breaker.fit(text, font, self._avail(col, indent), self.max_lines)

    def _avail(self, col: int, indent: float) -> float:
        """The width a cell's text may take: an indent (first column only) narrows it."""
        width = self.col_widths[col] - 2 * PAD_H
        return max(width - indent, width / 2) if col == 0 else width

    def row_parts(self, row: Sequence[Any], bold: bool, indent: float = 0.0) -> list[list[str]]:
        """The row as one table row, or — when a cell is taller than a page allows — as
        several, the long cells continuing from one to the next (nothing is cut)."""
        font = fonts.BOLD if bold else fonts.REGULAR
        texts = [str(v) for v in row]
        if all(len(t) < 200 and "\n" not in t for t in texts):  # the common case, quickly
            return [[self.cell(t, i, bold, indent) for i, t in enumerate(texts)]]
        lines = [self.breaker.lines(t, font, self._avail(i, indent)) for i, t in enumerate(texts)]
        size = self.max_lines
        count = max(len(cell) for cell in lines)
        return [
            ["\n".join(cell[start : start + size]) for cell in lines]
            for start in range(0, count, size)
        ]

    def chunks(self, split_last: bool = False) -> tuple[list[Flowable], list[Flowable]]:
        """The rows as consecutive tables of ``CHUNK_ROWS`` (row by row when groups are named
        again on a new page), and — with ``split_last`` — apart from them the tables of the
        last ``keep_last_rows`` rows, to be kept on one page with what follows the table."""
        total = len(self.doc.rows)
        keep = max(self.doc.keep_last_rows, 1) if split_last else 0
        if self.doc.continued_as:
            units = self._units()
            tail: list[tuple[int, int]] = []
            while units and (not tail or total - tail[0][0] < keep):
                tail.insert(0, units.pop())
            return [self._unit(a, b) for a, b in units], [self._unit(a, b) for a, b in tail]
        bounds = []
        start = 0
        while start < total:
            end = min(start + CHUNK_ROWS, total)
            while end < total and end - 1 > start and (end - 1) in self.doc.keep_with_next:
                end -= 1  # a kept row starts the next chunk with the row it is kept with
            bounds.append((start, end))
            start = end
        if not keep or not bounds:
            return [self._table(a, b) for a, b in bounds], []
        start, end = bounds.pop()
        cut = max(start, end - keep)
        if cut > start:
            bounds.append((start, cut))
        return [self._table(a, b) for a, b in bounds], [self._table(cut, end)]

    def _units(self) -> list[tuple[int, int]]:
        """Row ranges that never part: a row with the rows it is kept with."""
        units, start, total = [], 0, len(self.doc.rows)
        while start < total:
            end = start + 1
            while end < total and (end - 1) in self.doc.keep_with_next:
                end += 1
            units.append((start, end))
            start = end
        return units

    def _unit(self, start: int, end: int) -> Flowable:
        table = self._table(start, end)
        heading = self.doc.continued_as.get(start)
        if not heading:
            return table
        cells = [self.cell(heading, 0, True)] + [""] * (len(self.doc.columns) - 1)
        head = LongTable([cells], colWidths=self.col_widths, style=self.table_style)
        head.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.BOLD, BODY_SIZE, BODY_LEADING)]))
        return _AtPageTop(table, head)

    def _table(self, start: int, end: int) -> Flowable:
        doc = self.doc
        ncols = len(doc.columns)
        data: list[list[str]] = []
        bold_rows: list[int] = []
        kept: list[tuple[int, int]] = []  # (first, last) table rows not to split between
        continued: list[
            int
        ] = []  # rows that go on a cell begun in the row above: no line between them
        indented: list[tuple[int, float]] = []  # (table row, indent of its first cell)
        for offset, row in enumerate(doc.rows[start:end]):
            if len(row) != ncols:
                raise ValueError(
                    f"Рядок {start + offset + 1}: {len(row)} значень на {ncols} колонок"
                )
            bold = (start + offset) in doc.emphasised_rows
            indent = doc.indents.get(start + offset, 0.0)
            parts = self.row_parts(row, bold, indent)
            if indent:
                indented.extend((r, indent) for r in range(len(data), len(data) + len(parts)))
            if (start + offset) in doc.keep_with_next and start + offset + 1 < end:
                kept.append((len(data) + len(parts) - 1, len(data) + len(parts)))
            if bold:
                bold_rows.extend(range(len(data), len(data) + len(parts)))
            continued.extend(range(len(data) + 1, len(data) + len(parts)))
            data.extend(parts)
        table = LongTable(
            data,
            colWidths=self.col_widths,
            rowHeights=self._row_heights(data),
            style=self.table_style,
        )
        if continued:
            table.setStyle(
                TableStyle([("LINEABOVE", (0, r), (-1, r), GRID, colors.white) for r in continued])
            )
        if kept:
            table.setStyle(TableStyle([("NOSPLIT", (0, a), (-1, b)) for a, b in kept]))
        if indented:
            table.setStyle(
                TableStyle([("LEFTPADDING", (0, r), (0, r), PAD_H + i) for r, i in indented])
            )
        if bold_rows:
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, r), (-1, r), fonts.BOLD, BODY_SIZE, BODY_LEADING)
                        for r in bold_rows
                    ]
                )
            )
        return table

    def _row_heights(self, data: Sequence[Sequence[str]]) -> list[float | None] | None:
        """None (measured by the table) unless rows must be at least `min_row_height` tall;
        a row whose text is taller keeps its own height."""
        least = self.doc.min_row_height
        if least <= 0:
            return None
        heights: list[float | None] = []
        for row in data:
            lines = max((cell.count("\n") + 1 for cell in row), default=1)
            heights.append(None if lines * BODY_LEADING + 2 * PAD_V >= least else least)
        return heights


class _AtPageTop(Flowable):
    """Rows that continue a group begun on an earlier page: where they start a page, the
    group's heading («Відділ (продовження)») is drawn above them. The frame tells a flowable
    whether it is the first on the page (`_frame._atTop`) when it measures it; such rows never
    split, they move to the next page whole."""

    def __init__(self, rows: Flowable, heading: Flowable) -> None:
        super().__init__()
        self.rows, self.heading = rows, heading
        self._top = False
        self._rows_h = self._heading_h = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self._top = bool(frame is not None and getattr(frame, "_atTop", False))
        width, self._rows_h = self.rows.wrap(aW, aH)
        self._heading_h = self.heading.wrap(aW, aH)[1] if self._top else 0.0
        return width, self._rows_h + self._heading_h

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if self._top:  # first, so the text reads in the order it is seen
            self.heading.drawOn(self.canv, 0, self._rows_h)
        self.rows.drawOn(self.canv, 0, 0)


def _padding() -> list[tuple[Any, ...]]:
    return [
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_H),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_H),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V),
    ]


def render_table_document(doc: TableDocument, out: Output) -> None:
    """Write ``doc`` as a PDF (landscape A4 unless it says otherwise) with a repeated header
    and page numbers."""
    layout = _Layout(doc)

    def first_page(c: Canvas, _doc: BaseDocTemplate) -> None:
        if layout.title_flows:
            return  # the title is in the story, on pages of its own
        layout.draw_title(c)
        layout.draw_header(c, layout.body_top + layout.header_h - layout.title_h)

    # A later page that holds no rows (the notes after a table, run over) shows no header: it
    # is drawn when the page begins and taken out again when the page ends without a row.
    page: dict[str, Any] = {"rows": False, "header": (0, 0)}

    def later_page(c: Canvas, _doc: BaseDocTemplate) -> None:
        page["rows"] = False
        start = len(c._code)
        layout.draw_header(c, layout.body_top + layout.header_h)
        page["header"] = (start, len(c._code))

    def later_page_end(c: Canvas, _doc: BaseDocTemplate) -> None:
        if not page["rows"]:
            start, end = page["header"]
            del c._code[start:end]

    def after_flowable(flowable: Flowable) -> None:
        if isinstance(flowable, Table | _AtPageTop):
            page["rows"] = True

    def frame(height: float, fid: str) -> Frame:
        return Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            layout.width,
            height,
            id=fid,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    template = BaseDocTemplate(
        target(out),
        pagesize=layout.page,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=doc.pdf_title or doc.title,
        author=PDF_CREATOR,
        creator=PDF_CREATOR,
    )
    first_h = layout.page[1] - MARGIN_TOP - MARGIN_BOTTOM if layout.title_flows else None
    template.addPageTemplates(
        [
            PageTemplate(
                "first",
                [frame(first_h or layout.first_frame_h, "f1")],
                onPage=first_page,
                autoNextPageTemplate="first" if layout.title_flows else "later",
            ),
            PageTemplate(
                "later",
                [frame(layout.later_frame_h, "f2")],
                onPage=later_page,
                onPageEnd=later_page_end,
            ),
        ]
    )
    template.afterFlowable = after_flowable  # type: ignore[method-assign]

    closing_style: ParagraphStyle = style("closing", 11, space_before=4)
    closing: list[Flowable] = [Paragraph(markup(x), closing_style) for x in doc.closing_lines]
    closing.extend(doc.closing_flowables)
    flowing: list[Flowable] = []
    if doc.closing_flows and closing:
        flowing = [Spacer(1, 3 * mm), *closing]
        closing = []
    story, last_rows = layout.chunks(split_last=bool(closing) or doc.closing_flows)
    if not story and not last_rows:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(markup(doc.empty_text), style("empty", 11, align="center")))
    if layout.title_flows:
        story[:0] = [*layout.title_block, NextPageTemplate("later"), PageBreak()]
    if closing:
        # Totals and signatures never stand alone on a page: the last rows go with them.
        story.append(KeepTogether([*last_rows, Spacer(1, 3 * mm), *closing]))
    elif last_rows:  # the last rows (a total) never stand alone at the top of a page
        story.append(KeepTogether(last_rows))
    story.extend(flowing)
    canvas = partial(_NumberedCanvas, number_single_page=doc.number_single_page)
    template.build(story, canvasmaker=canvas)
