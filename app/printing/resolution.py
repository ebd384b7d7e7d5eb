"""Бланк резолюції (regulation 9.5): executors in the dative case, the task, the term, the
author's signature block and the date, with a reference to the document it belongs to.

A5 landscape (half an A4 sheet, two per sheet when cut) by default, A6 landscape on request.
The slip is always one page: a very long task is set in smaller type rather than spilling over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from reportlab.lib.pagesizes import A5, A6, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from .common import Output, glue, markup, signature_block, single_frame_document, style
from .data import ResolutionSlipData, fmt_date

SlipPaper = Literal["A5", "A6"]

_PAPER = {
    # page size, margin, base type size
    "A5": (landscape(A5), 12 * mm, 13.0),
    "A6": (landscape(A6), 8 * mm, 10.5),
}


def resolution_flowables(data: ResolutionSlipData, width: float, size: float) -> list[Flowable]:
    """The slip's content; ``size`` is the body type size."""
    res = data.resolution
    small = size * 0.8
    story: list[Flowable] = []
    if data.organisation:
        story.append(
            Paragraph(
                markup(data.organisation.upper()), style("org", small, bold=True, align="center")
            )
        )
        story.append(Spacer(1, size * 0.3))
    story.append(Paragraph("РЕЗОЛЮЦІЯ", style("head", size * 1.05, bold=True, align="center")))
    ref = f"{data.doc_prefix} {data.doc_number} від {fmt_date(data.doc_date)}"
    story.append(Paragraph(markup(ref), style("ref", small, align="right", space_before=2)))
    story.append(Spacer(1, size * 0.6))

    executor = style("exec", size, bold=True, leading=size * 1.25)
    for name in res.executors:
        story.append(Paragraph(markup(glue(name)), executor))
    story.append(Spacer(1, size * 0.5))
    story.append(
        Paragraph(
            markup(res.task),
            style("task", size, align="justify", leading=size * 1.3, first_indent=size * 2),
        )
    )
    if res.due_date is not None:
        story.append(
            Paragraph(
                f"Термін: {fmt_date(res.due_date)}",
                style("term", size, bold=True, space_before=size * 0.6),
            )
        )
    story.append(Spacer(1, size * 1.4))
    story.append(signature_block(res.author_position, res.author_name, width, size))
    story.append(
        Paragraph(fmt_date(res.resolution_date), style("date", size, space_before=size * 0.4))
    )
    return story


def print_resolution_slip(
    data: ResolutionSlipData, out: Output, *, paper: SlipPaper = "A5"
) -> None:
    """One slip on an A5 (default) or A6 landscape page."""
    if paper not in _PAPER:
        raise ValueError(f"Невідомий формат бланка резолюції: {paper!r}")
    pagesize, margin, size = _PAPER[paper]
    doc, frame, width, height = single_frame_document(
        out, pagesize, (margin,) * 4, f"Резолюція {data.doc_prefix} {data.doc_number}"
    )
    doc.addPageTemplates([PageTemplate("slip", [frame])])
    doc.build([fit_to_frame(lambda s: resolution_flowables(data, width, s), width, height, size)])


def story_height(story: list[Flowable], width: float, height: float) -> float:
    total = 0.0
    for i, flowable in enumerate(story):
        total += flowable.wrap(width, height)[1] + flowable.getSpaceAfter()
        if i:
            total += flowable.getSpaceBefore()
    return total


def fit_to_frame(
    make: Callable[[float], list[Flowable]], width: float, height: float, size: float
) -> Flowable:
    """Set the content in the largest type (down to 70 %) that keeps it on one page; past
    that, scale it as a whole. Re-setting beats scaling: lines re-wrap to the full width."""
    minimum = size * 0.7
    while True:
        story = make(size)
        if story_height(story, width, height) <= height or size <= minimum:
            return KeepInFrame(width, height, story, mode="shrink")
        size = max(size * 0.93, minimum)
