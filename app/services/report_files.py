"""Writing a `TableReport` to the file the clerk asked for: CSV, XLSX or PDF by its extension.

One writer for every statistical report (appeals, personnel, household books): each file is
written under a temporary name until complete (table_files), so a failed report leaves nothing
half-written under the clerk's name.
"""

from __future__ import annotations

from pathlib import Path

from app.reports.tables import TableReport, cell_text, row_level
from app.services.table_files import ExportError, cannot_write, write_csv, write_xlsx

FORMATS = ("csv", "xlsx", "pdf")
INDENT = 2.0 * 72 / 25.4  # points of indent in the PDF per leading space of a row's label


def report_format(path: str | Path, requested: str | None = None) -> str:
    """`requested`, else the file's extension; a Ukrainian message for anything else."""
    fmt = (requested or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ExportError(
            f"Невідомий формат звіту «{fmt or Path(path).name}»: оберіть .csv, .xlsx або .pdf"
        )
    return fmt


def write_report(
    report: TableReport, path: str | Path, organisation: str = "", fmt: str | None = None
) -> str:
    """Write `report` to `path`; returns the format written."""
    fmt = report_format(path, fmt)
    if fmt == "csv":
        write_csv(path, list(report.columns), report.rows)
    elif fmt == "xlsx":
        write_xlsx(path, list(report.columns), report.rows, sheet_title=report.title[:31])
    else:
        _write_pdf(report, path, organisation)
    return fmt


def report_pdf(report: TableReport, organisation: str = "") -> bytes:
    """`report` as PDF bytes (for the preview: a schedule printed for publication)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        _write_pdf(report, path, organisation)
        return path.read_bytes()


def _write_pdf(report: TableReport, path: str | Path, organisation: str) -> None:
    from app.printing.data import JournalColumn
    from app.printing.tables import TableDocument, render_table_document

    widths = list(report.widths) or [3.0] + [1.0] * (len(report.columns) - 1)
    columns = [
        JournalColumn(title, weight, "left" if i == 0 else "center")
        for i, (title, weight) in enumerate(zip(report.columns, widths, strict=True))
    ]
    rows = [[cell_text(v) for v in row] for row in report.rows]
    levels = [row_level(row[0]) if row else 0 for row in rows]
    document = TableDocument(
        organisation=organisation,
        title=report.title,
        subtitle=report.period.text,
        columns=columns,
        rows=rows,
        closing_lines=list(report.notes),
        pdf_title=report.title,
        # A breakdown row is indented as on screen and in XLSX (its label's leading spaces).
        indents={i: level * INDENT for i, level in enumerate(levels) if level},
        # A heading («За видом запитувача:», a total with its breakdown below) is kept on one
        # page with the first row under it.
        keep_with_next={
            i
            for i in range(len(rows) - 1)
            if levels[i + 1] > levels[i] or not any(cell.strip() for cell in rows[i][1:])
        },
        # The total at the end never stands alone on a page; the notes may go on over it.
        keep_last_rows=2,
        closing_flows=True,
    )
    try:
        render_table_document(document, str(path))
    except OSError as exc:
        raise cannot_write(path, exc) from exc
