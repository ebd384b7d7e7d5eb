"""Реєстраційно-контрольна картка (РКК) on A5: registration data, resolutions and control.

Usually printed in 3 copies (one goes with the original to the executor, regulation 9.8),
each copy starting on its own page and numbered «Примірник 1 з 3». A document on control
carries the «Контроль» stamp with its term in the top right corner (regulation 9.7) — only
while on control. The control section shows the term in force and the history of its
extensions; each resolution shows its own term (as signed). Removal fields are printed empty
while the document is on control, so they can be filled in by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts
from .common import Output, glue, markup, single_frame_document, style
from .data import CardControl, ControlStampData, RegistrationCardData, Resolution, fmt_date
from .qr import CARD_QR_SIZE, QrMark
from .stamps import ControlMark

PAGE = A5
MARGIN_LEFT = 12 * mm
MARGIN_RIGHT = 10 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 10 * mm
SIZE = 9.0
LABEL_FILL = colors.Color(0.93, 0.93, 0.93)
GRID = 0.5

Cell: TypeAlias = str | Flowable

#: A row of a table must fit a page, so a long text (a summary of a few thousand characters, a
#: long task) is set in several rows, at most this much in each; the table then continues on the
#: next page between them.
ROW_CHARS = 600
ROW_LINES = 12


def pieces(text: str) -> list[str]:
    """`text` in parts of at most ROW_CHARS characters and ROW_LINES lines, broken between
    words (a word longer than a part is broken where it must)."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.strip().splitlines() or [""]:
        while len(line) > ROW_CHARS:
            cut = line.rfind(" ", 0, ROW_CHARS)
            cut = cut if cut > ROW_CHARS // 2 else ROW_CHARS
            head, line = line[:cut].rstrip(), line[cut:].lstrip()
            if current:
                parts.append("\n".join(current))
                current, size = [], 0
            parts.append(head)
        if current and (size + len(line) > ROW_CHARS or len(current) >= ROW_LINES):
            parts.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        parts.append("\n".join(current))
    return parts or [""]


class _Styles:
    def __init__(self) -> None:
        self.label = style("label", 8, bold=True, leading=9.5)
        self.value = style("value", SIZE, leading=10.8)
        self.value_bold = style("value_b", SIZE, bold=True, leading=10.8)
        self.section = style("section", 10, bold=True, space_before=6, space_after=2.5)
        self.org = style("org", 9, bold=True, leading=11)
        self.title = style("title", 11.5, bold=True, space_before=4)
        self.head = style("head", 8, bold=True, align="center", leading=9.5)
        self.copy = style("copy", 8, italic=True, leading=10, space_before=1)


def _p(text: str, st: Any) -> Paragraph:
    return Paragraph(markup(text), st)


def _long_rows(
    label: Cell, text: str, st: Any, ncols: int, first_row: int
) -> tuple[list[list[Cell]], list[tuple[int, int, int]], list[int]]:
    """A label and a long text over the other columns, in as many rows as the text needs:
    (rows, their spans, the rows that continue the one above)."""
    parts = pieces(text)
    rows: list[list[Cell]] = [
        [label if i == 0 else "", _p(part, st), *[""] * (ncols - 2)] for i, part in enumerate(parts)
    ]
    spans = [(first_row + i, 1, ncols - 1) for i in range(len(parts))] if ncols > 2 else []
    return rows, spans, [first_row + i for i in range(1, len(parts))]


def _form(
    rows: list[list[Cell]],
    widths: Sequence[float],
    spans: Sequence[tuple[int, ...]] = (),
    labels: Sequence[tuple[int, int]] = (),
    continued: Sequence[int] = (),
) -> Table:
    """A bordered form table; ``labels`` are (col, row) cells shaded as field names;
    ``continued`` rows go on with the text of the row above (no line between them)."""
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("SPAN", (c0, r), (c1, r)) for r, c0, c1 in spans]
    commands += [("BACKGROUND", cell, cell, LABEL_FILL) for cell in labels]
    for r in continued:
        commands += [
            ("LINEABOVE", (0, r), (-1, r), GRID, colors.white),
            ("TOPPADDING", (0, r), (-1, r), 0),
        ]
    table = Table(rows, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _heading(
    data: RegistrationCardData, width: float, st: _Styles, copy: tuple[int, int] | None = None
) -> Flowable:
    row: list[Cell | list[Flowable]] = [""]
    widths = [width]
    if data.code:  # the record's QR code, scanned to open the card in the program
        row.append(QrMark(data.code))
        widths.append(CARD_QR_SIZE + 3 * mm)
    if data.control is not None and data.control.removal is None:
        # The «Контроль» box only while the document is on control: a card printed after the
        # removal must not send anyone after a term that is closed.
        mark = ControlMark(ControlStampData(data.control.due_date))
        row.append(mark)
        widths.append(mark.box.width + 4 * mm)
    widths[0] = width - sum(widths[1:])
    title = "РЕЄСТРАЦІЙНО-КОНТРОЛЬНА КАРТКА"
    if stringWidth(title, st.title.fontName, st.title.fontSize) > widths[0]:
        title = title.replace("-", "-\n", 1)  # narrow beside the marks: break at the hyphen
    lines: list[Flowable] = [_p(data.organisation, st.org), _p(title, st.title)]
    if copy is not None:  # which copy: one goes with the original to the executor (9.8)
        lines.append(_p(f"Примірник {copy[0]} з {copy[1]}", st.copy))
    row[0] = lines
    return Table(
        [row], colWidths=widths, hAlign="LEFT", style=_no_padding(right_align_last=len(row) > 1)
    )


def _no_padding(right_align_last: bool = False) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    if right_align_last:
        commands.append(("ALIGN", (-1, 0), (-1, -1), "RIGHT"))
    return TableStyle(commands)


def _registration(data: RegistrationCardData, width: float, st: _Styles) -> Table:
    w = [width * 0.22, width * 0.28, width * 0.22, width * 0.28]
    their = data.correspondent_number
    if data.correspondent_date is not None:
        their = f"{their} від {fmt_date(data.correspondent_date)}".strip()
    rows: list[list[Cell]] = [
        [
            _p("Реєстраційний індекс", st.label),
            _p(data.reg_number, st.value_bold),
            _p("Дата надходження", st.label),
            _p(fmt_date(data.reg_date), st.value_bold),
        ],
        [_p("Кореспондент", st.label), _p(data.correspondent, st.value), "", ""],
        [
            _p("Вихідний № і дата", st.label),
            _p(glue(their), st.value),
            _p("Вид документа", st.label),
            _p(data.kind, st.value),
        ],
    ]
    summary, spans, continued = _long_rows(
        _p("Короткий зміст", st.label), data.summary, st.value, 4, len(rows)
    )
    rows += summary
    last = len(rows)
    rows.append(
        [
            _p("Кількість аркушів", st.label),
            _p("" if data.sheets is None else str(data.sheets), st.value),
            _p("Індекс справи", st.label),
            _p(data.case_index, st.value),
        ]
    )
    labels = [(0, r) for r in (0, 1, 2, 3, *continued, last)] + [(2, 0), (2, 2), (2, last)]
    return _form(rows, w, [(1, 1, 3), *spans], labels, continued)


def _resolution(res: Resolution, number: int, total: int, width: float, st: _Styles) -> Table:
    w = [width * 0.22, width * 0.50, width * 0.12, width * 0.16]
    executors = [
        _p(glue(name), st.value_bold if i == 0 else st.value)
        for i, name in enumerate(res.executors)
    ]
    author = f"{res.author_position} {res.author_name}".strip()
    title = "Резолюція" if total == 1 else f"Резолюція {number}"
    rows: list[list[Cell]] = [
        [
            _p(title, st.label),
            _p(author, st.value),
            _p("Дата", st.label),
            _p(fmt_date(res.resolution_date), st.value),
        ],
        [_p("Виконавці", st.label), executors or "", "", ""],
    ]
    task, spans, continued = _long_rows(
        _p("Зміст доручення", st.label), res.task, st.value, 4, len(rows)
    )
    rows += task
    last = len(rows)
    rows.append([_p("Термін", st.label), _p(fmt_date(res.due_date) or "—", st.value_bold), "", ""])
    labels = [(0, r) for r in (0, 1, 2, *continued, last)] + [(2, 0)]
    return _form(rows, w, [(1, 1, 3), *spans, (last, 1, 3)], labels, continued)


def _control(control: CardControl, width: float, st: _Styles) -> list[Flowable]:
    out: list[Flowable] = [_p("Контроль", st.section)]
    # The current term (after every extension), and where it was extended the first term too:
    # the history of the changes follows (9.12).
    label = "Термін виконання (чинний)" if control.term_changes else "Термін виконання"
    term_rows: list[list[Cell]] = [
        [_p(label, st.label), _p(fmt_date(control.due_date), st.value_bold)]
    ]
    if control.term_changes:
        first = control.term_changes[0].old_term
        term_rows.append([_p("Початковий термін", st.label), _p(fmt_date(first), st.value)])
    out.append(
        _form(
            term_rows,
            [width * 0.22, width * 0.78],
            labels=[(0, r) for r in range(len(term_rows))],
        )
    )
    if control.term_changes:
        out.append(_p("Зміна терміну", st.section))
        w = [width * 0.16, width * 0.16, width * 0.16, width * 0.52]
        rows: list[list[Cell]] = [
            [
                _p(t, st.head)
                for t in ("Дата зміни", "Був термін", "Новий термін", "Підстава, хто змінив")
            ]
        ]
        for ch in control.term_changes:
            basis = ch.reason if not ch.changed_by else f"{ch.reason} ({ch.changed_by})"
            rows.append(
                [
                    _p(fmt_date(ch.changed_on), st.value),
                    _p(fmt_date(ch.old_term), st.value),
                    _p(fmt_date(ch.new_term), st.value),
                    _p(basis, st.value),
                ]
            )
        out.append(_form(rows, w, labels=[(c, 0) for c in range(4)]))
    if control.progress:
        out.append(_p("Хід виконання", st.section))
        w = [width * 0.16, width * 0.84]
        rows = [[_p("Дата", st.head), _p("Інформація про хід виконання", st.head)]]
        continued: list[int] = []
        for n in control.progress:
            more, _spans, again = _long_rows(
                _p(fmt_date(n.noted_on), st.value), n.text, st.value, 2, len(rows)
            )
            rows += more
            continued += again
        out.append(_form(rows, w, labels=[(0, 0), (1, 0)], continued=continued))
    removal = control.removal
    out.append(_p("Зняття з контролю", st.section))
    names = ("Дата зняття", "Підстава", "Зняв з контролю")
    if removal is None:  # room to write by hand
        values: list[Cell] = [Spacer(1, 5 * mm)] * 3
    else:
        values = [
            _p(fmt_date(removal.removed_on), st.value),
            _p(removal.basis, st.value),
            _p(removal.removed_by, st.value),
        ]
    rows = [[_p(name, st.label), value] for name, value in zip(names, values, strict=True)]
    out.append(_form(rows, [width * 0.22, width * 0.78], labels=[(0, r) for r in range(3)]))
    return out


class _CopyStart(Flowable):
    """Zero-size marker: remembers the page on which a copy of the card begins."""

    def __init__(self, pages: list[int]):
        super().__init__()
        self.pages = pages

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages.append(self.canv.getPageNumber())


def card_flowables(
    data: RegistrationCardData, width: float, copy: tuple[int, int] | None = None
) -> list[Flowable]:
    """One copy of the card; `copy` (number, of how many) is printed under the title."""
    st = _Styles()
    story: list[Flowable] = [
        _heading(data, width, st, copy),
        Spacer(1, 4 * mm),
        _registration(data, width, st),
    ]
    if data.resolutions:
        story.append(_p("Резолюції" if len(data.resolutions) > 1 else "Резолюція", st.section))
        for i, res in enumerate(data.resolutions, start=1):
            if i > 1:
                story.append(Spacer(1, 2 * mm))
            story.append(_resolution(res, i, len(data.resolutions), width, st))
    if data.control is not None:
        story.extend(_control(data.control, width, st))
    return story


def print_registration_card(data: RegistrationCardData, out: Output, *, copies: int = 1) -> None:
    """The РКК on A5 portrait; each copy starts a new page."""
    if copies < 1:
        raise ValueError("Кількість примірників має бути не менше 1")
    doc, frame, width, _height = single_frame_document(
        out, PAGE, (MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM), f"РКК {data.reg_number}"
    )
    starts: list[int] = []

    def continuation(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """A copy that runs onto a second page says whose card it is."""
        if starts and canvas.getPageNumber() != starts[-1]:
            canvas.saveState()
            canvas.setFont(fonts.ITALIC, 8)
            canvas.drawRightString(
                PAGE[0] - MARGIN_RIGHT,
                PAGE[1] - MARGIN_TOP + 3 * mm,
                f"РКК № {data.reg_number} від {fmt_date(data.reg_date)} (продовження)",
            )
            canvas.restoreState()

    doc.addPageTemplates([PageTemplate("card", [frame], onPageEnd=continuation)])
    story: list[Flowable] = []
    for copy in range(copies):
        if copy:
            story.append(PageBreak())
        story.append(_CopyStart(starts))
        story.extend(card_flowables(data, width, (copy + 1, copies) if copies > 1 else None))
    doc.build(story)
