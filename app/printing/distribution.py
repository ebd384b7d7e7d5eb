"""Список розсилки (regulation 10.2): the separate sheet listing the addressees of a document
sent to more than four, filed with the document's copy in the case.

A4 portrait: the heading names the document («до вих. № … від …» and its title), the table
lists the addressees with their address or e-mail, postal code and how the copy is sent, and the
list ends with the count, the signatory and the executor who compiled it (name and phone, as on
the last sheet of any outgoing document, 10.3). It is a table document like the registers, so
a long list keeps its column header on every page and its pages are numbered.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from .common import markup, signature_block, style
from .data import JournalColumn, fmt_date
from .mail import DistributionEntry, DistributionListData, address_lines
from .tables import MARGIN_LEFT, MARGIN_RIGHT, TableDocument, render_table_document

TITLE = "Список розсилки"

COLUMNS = (
    JournalColumn("№ з/п", 0.45, "center"),
    JournalColumn("Адресат", 2.6),
    JournalColumn("Адреса / e-mail", 3.0),
    JournalColumn("Поштовий індекс", 0.85, "center"),
    JournalColumn("Спосіб надсилання", 1.15, "center"),
)


def split_signatory(signatory: str) -> tuple[str, str]:
    """«Міський голова Олена КОВАЛЬ» → («Міський голова», «Олена КОВАЛЬ»): the name is the
    last two words when the last is a surname in capitals (ДСТУ 4163:2020); otherwise the
    whole text is the position and the name is left empty."""
    words = signatory.split()
    if len(words) >= 2 and words[-1].isupper():
        return " ".join(words[:-2]), " ".join(words[-2:])
    return " ".join(words), ""


def _row(number: int, entry: DistributionEntry) -> list[str]:
    recipient = entry.recipient
    where = address_lines(recipient.address)
    if entry.email.strip():
        where.append(entry.email.strip())
    return [
        str(number),
        recipient.name,
        "\n".join(where),
        recipient.postal_code.strip(),
        entry.send_method,
    ]


def _closing(data: DistributionListData) -> list[Flowable]:
    """The signature and the executor (the table keeps them on a page with its last row)."""
    width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    parts: list[Flowable] = [Spacer(1, 10 * mm)]
    if data.signatory.strip():
        position, name = split_signatory(data.signatory)
        parts.append(signature_block(position, name, width, 12))
    if data.compiled_by.strip():
        parts.append(Spacer(1, 12 * mm))
        parts.append(Paragraph(markup(data.compiled_by), style("compiled", 9)))
    return parts


def render_distribution_list(data: DistributionListData) -> bytes:
    """See :func:`app.printing.mail.distribution_list_pdf`."""
    reference = f"до вих. № {data.reg_number} від {fmt_date(data.reg_date)}"
    subtitle = f"{reference}\n{data.title}" if data.title.strip() else reference
    out = io.BytesIO()
    render_table_document(
        TableDocument(
            organisation=data.organisation,
            title=TITLE,
            subtitle=subtitle,
            columns=COLUMNS,
            rows=[_row(i, e) for i, e in enumerate(data.entries, start=1)],
            closing_lines=[f"Усього адресатів: {len(data.entries)}."],
            empty_text="Адресатів немає.",
            pdf_title=f"{TITLE} {reference}",
            pagesize=A4,
            number_single_page=False,
            closing_flowables=_closing(data),
        ),
        out,
    )
    return out.getvalue()
