"""Extracts from a decision (витяги з рішення, regulation 6.18), one A4 page each, certified by
the general department: the organisation, «ВИТЯГ з рішення виконавчого комітету від … № …», the
decision's title, the points extracted and their wording, then the certification block
«Згідно з оригіналом» with the position, the signature line, the name (ДСТУ 4163:2020) and the
date, and to whom the extract goes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, PageTemplate, Paragraph, Spacer

from app.domain.dates import format_date

from .common import DSTU_MARGINS as MARGINS
from .common import Output, glue, markup, signature_block, single_frame_document, style

SIZE = 13.0


@dataclass(frozen=True)
class ExtractPage:
    organisation: str
    number: str
    day: date
    title: str
    points: str  # which points: «1, 3» (empty: the points are in the wording)
    wording: str  # the text of those points, as in the decision
    recipient: str
    certifier_position: str
    certifier_name: str  # «Олена КОВАЛЬ»
    certified: date | None


def _points_caption(points: str) -> str:
    text = points.strip().removeprefix("пп.").removeprefix("п.").strip()
    several = any(sep in text for sep in (",", "–", "-", " і ", ";"))
    return f"{'Пункти' if several else 'Пункт'} {text}:"


def _page(page: ExtractPage, width: float) -> list[Flowable]:
    centred = style("c", SIZE, align="center", leading=SIZE * 1.25)
    story: list[Flowable] = [
        Paragraph(markup(page.organisation.upper()), style("org", SIZE, bold=True, align="center")),
        Spacer(1, 8 * mm),
        Paragraph("ВИТЯГ", style("head", SIZE + 3, bold=True, align="center", space_after=2)),
        Paragraph("з рішення виконавчого комітету", centred),
        Paragraph(
            glue(f"від {format_date(page.day)} № {markup(page.number)}"),
            style("no", SIZE, align="center", space_after=10),
        ),
        Paragraph(markup(page.title), style("title", SIZE, bold=True, space_after=10)),
    ]
    body = style("body", SIZE, align="justify", leading=SIZE * 1.35, first_indent=12 * mm)
    if page.points.strip():
        story.append(Paragraph(markup(_points_caption(page.points)), style("pts", SIZE)))
        story.append(Spacer(1, 2 * mm))
    if page.wording.strip():
        for paragraph in page.wording.strip().splitlines():
            if paragraph.strip():
                story.append(Paragraph(markup(paragraph), body))
    else:
        story.append(Spacer(1, 40 * mm))  # the points' text is written in by hand
    story += [
        Spacer(1, 14 * mm),
        Paragraph("Згідно з оригіналом", style("orig", SIZE, bold=True, space_after=6)),
        signature_block(page.certifier_position, page.certifier_name, width, SIZE),
        Spacer(1, 3 * mm),
        Paragraph(
            format_date(page.certified) if page.certified else "«___» ____________ 20___ р.",
            style("day", SIZE),
        ),
    ]
    if page.recipient.strip():
        story += [
            Spacer(1, 10 * mm),
            Paragraph(f"Видано: {markup(page.recipient)}", style("to", SIZE - 2, italic=True)),
        ]
    return story


def print_extracts(pages: Sequence[ExtractPage], out: Output) -> None:
    """One page per extract, in the order of the decision's list of extracts."""
    doc, frame, width, _height = single_frame_document(
        out, A4, MARGINS, "Витяги з рішення виконавчого комітету"
    )
    doc.addPageTemplates([PageTemplate(id="extract", frames=[frame])])
    story: list[Flowable] = []
    for n, page in enumerate(pages):
        if n:
            story.append(PageBreak())
        story += _page(page, width)
    doc.build(story)
