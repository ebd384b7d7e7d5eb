"""«Довідка про стан виконання документів» for a period: landscape A4 like the other reports.

Built on tables.py (the header repeated on every page, «Сторінка N з M»): a department's line and
the totals are bold, its lead executors follow it; the definitions of the figures close the
report, so the reader of a printed copy knows what was counted.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .common import Output, signature_block
from .control_centre_data import ExecutionReportData, ExecutionRow
from .data import JournalColumn, fmt_date
from .tables import MARGIN_LEFT, MARGIN_RIGHT, PAGE, TableDocument, render_table_document

EXECUTION_COLUMNS = (
    JournalColumn("Виконавчий орган, головний виконавець", 3.4),
    JournalColumn("Виконано вчасно", 1.0, "center"),
    JournalColumn("Виконано із запізненням", 1.0, "center"),
    JournalColumn("Не виконано в термін", 1.0, "center"),
    JournalColumn("На контролі, термін не настав", 1.0, "center"),
    JournalColumn("Частка виконаних вчасно, %", 1.0, "center"),
)

DEFINITIONS = (
    "Виконано вчасно — знято з контролю у періоді не пізніше терміну; із запізненням — знято "
    "з контролю у періоді після терміну; не виконано в термін — термін настав у періоді, а "
    "документ не виконано до кінця періоду; термін не настав — на контролі на кінець періоду з "
    "терміном, що ще не минув. Частка вчасно = виконано вчасно / (вчасно + із запізненням + "
    "не виконано в термін)."
)


def _cells(row: ExecutionRow) -> list[str]:
    return [
        row.name,
        str(row.on_time),
        str(row.late),
        str(row.overdue),
        str(row.pending),
        row.share,
    ]


def signature(position: str, name: str, width: float) -> list[Flowable]:
    """The signature block under a report (ДСТУ 4163:2020: position, signature line, «Ім'я
    ПРІЗВИЩЕ»), or nothing when no signatory is known."""
    if not position.strip():
        return []
    return [Spacer(1, 10 * mm), signature_block(position, name, width, 11)]


def print_execution_report(data: ExecutionReportData, out: Output) -> None:
    rows = [_cells(r) for r in data.rows]
    bold = {i for i, r in enumerate(data.rows) if r.level != "executor"}
    # A department's line goes to the next page with its first executor rather than stand
    # alone at the bottom of a page.
    headings = {
        i
        for i, r in enumerate(data.rows[:-1])
        if r.level == "department" and data.rows[i + 1].level == "executor"
    }
    # An executor starting a page under a department begun on the page before: the
    # department is named again above him.
    continued: dict[int, str] = {}
    department = ""
    for i, r in enumerate(data.rows):
        if r.level == "department":
            department = r.name
        elif r.level == "executor" and department:
            continued[i] = f"{department} (продовження)"
    if rows:
        bold.add(len(rows))
        rows.append(_cells(data.totals))
    period = f"за період з {fmt_date(data.date_from)} по {fmt_date(data.date_to)}"
    t = data.totals
    share = "—" if t.share == "—" else f"{t.share} %"
    closing = [
        f"Усього знято з контролю: {t.on_time + t.late}, з них вчасно: {t.on_time}; не виконано "
        f"в термін: {t.overdue}; частка виконаних вчасно: {share}.",
        DEFINITIONS,
        f"Дата складання: {fmt_date(data.made_on)}.",
    ]
    render_table_document(
        TableDocument(
            organisation=data.organisation,
            title=data.title,
            subtitle=f"{period} (лише реєстри: {data.covered})" if data.covered else period,
            columns=EXECUTION_COLUMNS,
            rows=rows,
            emphasised_rows=frozenset(bold),
            closing_lines=closing if rows else closing[1:],
            closing_flowables=signature(
                data.signatory_position, data.signatory_name, PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
            ),
            keep_with_next=frozenset(headings),
            continued_as=continued,
            keep_last_rows=3,  # «Усього» with the two rows above it, never alone on a page
            empty_text="За цей період документів на контролі немає.",
            pdf_title=f"{data.title} {period}",
        ),
        out,
    )
