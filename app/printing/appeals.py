"""Printouts of citizens' appeals: the registration-control card and the notice of extension.

The card (Інструкція з діловодства за зверненнями громадян, ПКМУ № 348: a card for every
appeal) lists the authors with their addresses, category and social status, the
classification (ПКМУ № 858), the summary and topics, the resolutions, the term and its
extensions, forwarding (ст. 7) and the result with the answer. The notice tells the author that
the term was extended and until when (ст. 20: the total never beyond 45 days).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageTemplate, Paragraph, Spacer, Table, TableStyle

from .common import Output, markup, signature_block, single_frame_document, style
from .data import fmt_date


@dataclass(frozen=True)
class AppealCardData:
    organisation: str
    reg_number: str
    reg_date: date
    authors: Sequence[str]
    rows: Sequence[tuple[str, str]]
    resolutions: Sequence[str] = ()
    control: Sequence[str] = field(default=())


@dataclass(frozen=True)
class ExtensionNoticeData:
    organisation: str
    address: str
    author: str
    author_address: str
    reg_number: str
    reg_date: date
    summary: str
    new_term: date
    reason: str
    signatory_position: str
    signatory_name: str
    today: date


def _grid(rows: Sequence[tuple[str, str]], width: float) -> Table:
    label, text = style("label", 9, bold=True), style("text", 9.5)
    data = [[Paragraph(markup(k), label), Paragraph(markup(v or "—"), text)] for k, v in rows]
    table = Table(data, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def print_appeal_card(data: AppealCardData, out: Output) -> None:
    """The registration-control card of one appeal, A4 portrait."""
    doc, frame, width, _ = single_frame_document(
        out, A4, (20 * mm, 12 * mm, 15 * mm, 15 * mm), "Реєстраційно-контрольна картка звернення"
    )
    doc.addPageTemplates([PageTemplate(id="card", frames=[frame])])
    story: list[Flowable] = [
        Paragraph(markup(data.organisation), style("org", 10, align="center")),
        Spacer(1, 3 * mm),
        Paragraph(
            "РЕЄСТРАЦІЙНО-КОНТРОЛЬНА КАРТКА ЗВЕРНЕННЯ ГРОМАДЯНИНА",
            style("title", 12, bold=True, align="center"),
        ),
        Paragraph(
            markup(f"№ {data.reg_number} від {fmt_date(data.reg_date)}"),
            style("number", 11, align="center", space_after=8),
        ),
    ]
    authors = "\n".join(data.authors) or "Анонімне"
    story.append(_grid([("Автор(и), адреса, категорія", authors), *data.rows], width))
    if data.resolutions:
        story += [
            Spacer(1, 4 * mm),
            _grid([(f"Резолюція {i}", r) for i, r in enumerate(data.resolutions, 1)], width),
        ]
    if data.control:
        story += [
            Spacer(1, 4 * mm),
            Paragraph("Контроль", style("h", 10, bold=True, space_after=2)),
            *(Paragraph(markup(line), style("c", 9.5)) for line in data.control),
        ]
    doc.build(story)


def print_extension_notice(data: ExtensionNoticeData, out: Output) -> None:
    """A letter to the author: the term of the appeal is extended (ст. 20), and until when."""
    doc, frame, width, _ = single_frame_document(
        out, A4, (25 * mm, 15 * mm, 20 * mm, 20 * mm), "Повідомлення про продовження строку"
    )
    doc.addPageTemplates([PageTemplate(id="notice", frames=[frame])])
    body = style("body", 12, align="justify", leading=16, first_indent=12 * mm, space_after=6)
    story: list[Flowable] = [
        Paragraph(markup(data.organisation), style("org", 12, bold=True, align="center")),
        Paragraph(markup(data.address), style("addr", 9, align="center", space_after=14)),
        Paragraph(
            markup(f"{data.author}\n{data.author_address}"),
            style("to", 12, leading=15, space_after=16),
        ),
        Paragraph(
            markup(
                f"Про продовження строку розгляду звернення від {fmt_date(data.reg_date)} "
                f"№ {data.reg_number}"
            ),
            style("subj", 12, italic=True, space_after=12),
        ),
        Paragraph(
            markup(
                f"Повідомляємо, що Ваше звернення від {fmt_date(data.reg_date)} "
                f"№ {data.reg_number} ({data.summary}) перебуває на розгляді. "
                f"{data.reason}. Відповідно до статті 20 Закону України «Про звернення "
                f"громадян» строк розгляду звернення продовжено до {fmt_date(data.new_term)}."
            ),
            body,
        ),
        Paragraph(
            markup("Про результати розгляду Вас буде повідомлено додатково."),
            body,
        ),
        Spacer(1, 16 * mm),
        signature_block(data.signatory_position, data.signatory_name, width, 12),
        Spacer(1, 10 * mm),
        Paragraph(markup(fmt_date(data.today)), style("date", 10)),
    ]
    doc.build(story)
