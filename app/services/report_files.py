"""Writing a `TableReport` to the file the clerk asked for: CSV, XLSX or PDF by its extension.

One writer for every statistical report (appeals, personnel, household books): each file is
written under a temporary name until complete (table_files), so a failed report leaves nothing
half-written under the clerk's name.
"""

from __future__ import annotations

from pathlib import Path

from app.reports.tables import TableReport, cell_text
from app.services.table_files import ExportError, cannot_write, write_csv, write_xlsx

FORMATS = ("csv", "xlsx", "pdf")


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
    document = TableDocument(
        organisation=organisation,
        title=report.title,
        subtitle=report.period.text,
        columns=columns,
        rows=[[cell_text(v) for v in row] for row in report.rows],
        closing_lines=list(report.notes),
        pdf_title=report.title,
    )
    try:
        render_table_document(document, str(path))
    except OSError as exc:
        raise cannot_write(path, exc) from exc
