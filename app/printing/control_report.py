"""The control report: documents on control as of a date, overdue ones in bold."""

from __future__ import annotations

from .common import Output
from .data import ControlReportData, JournalColumn, fmt_date
from .tables import TableDocument, render_table_document

CONTROL_REPORT_COLUMNS = (
    JournalColumn("№ з/п", 0.45, "center"),
    JournalColumn("Реєстр. номер", 0.9, "center"),
    JournalColumn("Дата реєстрації", 0.85, "center"),
    JournalColumn("Кореспондент", 2.0),
    JournalColumn("Короткий зміст", 3.6),
    JournalColumn("Головний виконавець", 1.5),
    JournalColumn("Термін виконання", 0.85, "center"),
    JournalColumn("Стан виконання", 1.05, "center"),
)


def print_control_report(data: ControlReportData, out: Output) -> None:
    rows = [
        [
            str(i),
            r.number,
            fmt_date(r.reg_date),
            r.correspondent,
            r.summary,
            r.lead_executor,
            r.term or fmt_date(r.due_date),
            r.state,
        ]
        for i, r in enumerate(data.rows, start=1)
    ]
    overdue = frozenset(i for i, r in enumerate(data.rows) if r.overdue)
    totals = f"Усього документів на контролі: {len(rows)}, з них прострочених: {len(overdue)}."
    as_of = f"станом на {fmt_date(data.as_of)}"
    render_table_document(
        TableDocument(
            organisation=data.organisation,
            title=data.title,
            subtitle=as_of,
            columns=CONTROL_REPORT_COLUMNS,
            rows=rows,
            emphasised_rows=overdue,
            closing_lines=[totals, *data.closing_lines] if rows else list(data.closing_lines),
            empty_text="Документів на контролі немає.",
            pdf_title=f"{data.title} {as_of}",
        ),
        out,
    )
