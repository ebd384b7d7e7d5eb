"""A household's page of the погосподарська книга on A4 (app/services/household_page.py): the
council and the district, the book and the account, the title part, section I (members) and
sections II–V as grids by year «на 01.01.», «Додаткові відомості», the note that household
accounting has no legal consequences, the signatures. Margins as the certificate's (ДСТУ
4163:2020: left 30 mm is for a bound book; 20 mm here is enough for a sheet filed in a case)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .common import markup, signature_block, single_frame_document, style

if TYPE_CHECKING:
    from app.services.household_page import BookPage
    from app.services.household_page import Table as Grid

_CELL = style("hh-cell", 9, leading=11)
_HEAD = style("hh-head", 9, bold=True, leading=11, align="center")
_SECTION = style("hh-section", 11, bold=True, space_before=6, space_after=3)


def _grid(grid: Grid, widths: list[float]) -> Table:
    rows = [[Paragraph(markup(h), _HEAD) for h in grid.header]]
    rows += [[Paragraph(markup(c), _CELL) for c in row] for row in grid.rows]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _by_year(grid: Grid, width: float) -> Table:
    first = width * 0.4
    years = max(len(grid.header) - 1, 1)
    return _grid(grid, [first, *([(width - first) / years] * years)])


def book_page_flowables(page: BookPage, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(markup(page.organisation.upper()), style("org", 12, bold=True, align="center")),
        Paragraph(markup(page.district), style("district", 11, align="center", space_after=8)),
        Paragraph(markup(page.book_title), style("book", 14, bold=True, align="center")),
        Paragraph(markup(page.account), style("acc", 12, align="center", space_after=8)),
    ]
    title = Table(
        [
            [Paragraph(markup(k), style("k", 10, bold=True)), Paragraph(markup(v), style("v", 10))]
            for k, v in page.title_part
        ],
        colWidths=[width * 0.3, width * 0.7],
        hAlign="LEFT",
    )
    title.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(title)
    story.append(
        Paragraph(
            "Розділ I. Члени домогосподарства з реєстрацією місця проживання (перебування)",
            _SECTION,
        )
    )
    shares = [0.04, 0.24, 0.14, 0.06, 0.12, 0.2, 0.2]
    story.append(_grid(page.members, [width * s for s in shares]))
    empty = style("empty", 10, italic=True)
    story.append(Paragraph("Розділ II. Житловий будинок (квартира) (станом на 1 січня)", _SECTION))
    story.append(
        _by_year(page.dwelling, width) if page.dwelling else Paragraph("Відомостей немає.", empty)
    )
    for caption, grid in page.sections:
        story.append(Paragraph(markup(caption), _SECTION))
        story.append(_by_year(grid, width) if grid else Paragraph("Відомостей немає.", empty))
    story.append(Paragraph("Додаткові відомості", _SECTION))
    for note in page.notes or ("—",):
        story.append(Paragraph(markup(note), style("note-line", 10)))
    story.append(Paragraph(markup(page.note), style("legal", 8.5, italic=True, space_before=8)))
    story.append(
        KeepTogether(
            [
                Spacer(1, 6 * mm),
                signature_block(page.signer_position, page.signer_name, width, 11),
                Spacer(1, 2 * mm),
                Paragraph(markup(f"Надруковано {page.printed_on:%d.%m.%Y}"), style("printed", 8.5)),
            ]
        )
    )
    return story


def _number_pages(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    from app.printing import fonts

    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 8)
    canvas.drawRightString(A4[0] - 10 * mm, 8 * mm, f"Сторінка {doc.page}")
    canvas.restoreState()


def render_book_page(page: BookPage) -> bytes:
    out = io.BytesIO()
    doc, frame, width, _height = single_frame_document(
        out, A4, (20 * mm, 10 * mm, 15 * mm, 15 * mm), f"{page.book_title}, {page.account}"
    )
    doc.addPageTemplates([PageTemplate("household-page", [frame], onPage=_number_pages)])
    doc.build(book_page_flowables(page, width))
    return out.getvalue()
