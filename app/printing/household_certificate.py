"""A certificate (довідка) from the household books on an A4 sheet (ДСТУ 4163:2020 margins:
left 30 mm, right 10 mm, top and bottom 20 mm): the council and the district, «ДОВІДКА» with
its kind, the number and the date, the text, the basis, the purpose, the note that household
accounting has no legal consequences, and the starosta's signature block."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageTemplate, Paragraph, Spacer, Table, TableStyle

from .common import DSTU_MARGINS, markup, signature_block, single_frame_document, style

if TYPE_CHECKING:
    from app.services.household_certificates import CertificateData


def certificate_flowables(data: CertificateData, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(markup(data.organisation.upper()), style("org", 12, bold=True, align="center")),
        Paragraph(markup(data.district), style("district", 12, align="center", space_after=14)),
    ]
    line = Table(
        [
            [
                Paragraph(markup(f"{data.issued_on:%d.%m.%Y}"), style("date", 12)),
                Paragraph(markup(f"№ {data.number}"), style("no", 12, align="right")),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    line.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    story.append(line)
    story.append(Spacer(1, 10 * mm))
    story.append(
        Paragraph(markup(data.title), style("title", 14, bold=True, align="center", space_after=10))
    )
    body = style("body", 13, align="justify", leading=17, first_indent=12.5 * mm, space_after=4)
    for paragraph in data.body.split("\n"):
        if paragraph.strip():
            story.append(Paragraph(markup(paragraph), body))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(markup(data.basis), body))
    if data.purpose:
        story.append(Paragraph(markup(data.purpose), body))
    story.append(Paragraph(markup(data.note), style("note", 10, italic=True, space_before=6)))
    story.append(Spacer(1, 16 * mm))
    story.append(signature_block(data.signer_position, data.signer_name, width, 13))
    return story


def render_certificate(data: CertificateData) -> bytes:
    out = io.BytesIO()
    doc, frame, width, _height = single_frame_document(
        out, A4, DSTU_MARGINS, f"Довідка № {data.number}"
    )
    doc.addPageTemplates([PageTemplate("certificate", [frame])])
    doc.build(certificate_flowables(data, width))
    return out.getvalue()
