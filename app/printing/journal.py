"""Журнал реєстрації for a period: any register (incoming, outgoing, decisions, orders…)."""

from __future__ import annotations

from .common import Output
from .data import JournalData, fmt_date
from .tables import TableDocument, render_table_document


def print_journal(data: JournalData, out: Output) -> None:
    """Landscape A4: title block, header on every page, «Сторінка N з M»."""
    period = f"з {fmt_date(data.period_from)} по {fmt_date(data.period_to)}"
    render_table_document(
        TableDocument(
            organisation=data.organisation,
            title=data.title,
            subtitle=period,
            columns=data.columns,
            rows=data.rows,
            empty_text="За цей період записів немає.",
            pdf_title=f"{data.title} {period}",
        ),
        out,
    )
