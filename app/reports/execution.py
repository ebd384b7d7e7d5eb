"""«Довідка про стан виконання документів» for a period, by executive body and lead executor.

The керуючий справами reads it each month, and the same figures per executor decide bonus
reductions (regulation 29.4: 5–20 % of the bonus for a missed term), so each figure is defined
exactly. For the period [from, to], with cutoff = min(to + 1 day, today):

* **on time** (`on_time`) — removed from control in the period (from ≤ done ≤ to) on or before
  the term (done ≤ due);
* **late** (`late`) — removed from control in the period after the term (done > due);
* **overdue** (`overdue`, «не виконано в термін») — the term fell in the period before the cutoff
  (from ≤ due < cutoff) and the document was not done by the end of the period (no done date,
  or done after `to`): a term that ends today is not missed yet;
* **pending** (`pending`, «на контролі, термін не настав») — registered by `to`, not done by the
  end of the period, with the term at the cutoff or later;
* **share on time** = on time / (on time + late + overdue); none when all three are 0.

The three judged figures never overlap: a document done in the period is not «not done by its
end». A term missed before the period is not counted again (it was counted in its own period);
done late later, it counts as late in the period it was done. The term is the document's current
one: an extension granted by the official who set the term (9.12) moves it. Lead executor and
department are the ones on the document; cancelled documents are left out; every register its
maker may read counts (`covered` names them when that is not all of them).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.dates import format_date
from app.domain.names import signature_form
from app.domain.roles import Actor
from app.reports.grouping import Figures, GroupedFigures, Line, build
from app.services.access import control_scope, scope_text
from app.services.organisation import get_organisation
from db.queries import control_centre as q
from db.session import Database

if TYPE_CHECKING:
    from app.printing.control_centre_data import ExecutionReportData, RowLevel


class PeriodError(ValueError):
    """A period that cannot be reported on, with a Ukrainian message."""


@dataclass(frozen=True)
class ExecutionFigures(Figures):
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0

    @property
    def judged(self) -> int:
        """Documents whose term was kept or missed in the period."""
        return self.on_time + self.late + self.overdue

    @property
    def share_on_time(self) -> float | None:
        return self.on_time / self.judged if self.judged else None


def format_share(share: float | None) -> str:
    """«87,5» (a Ukrainian decimal comma), «—» when nothing was judged."""
    if share is None:
        return "—"
    return f"{percent(share):.1f}".replace(".", ",")


def percent(share: float) -> float:
    """The share in per cent to one decimal, rounded half up (13/16 → 81,3, not 81,2)."""
    return float((Decimal(share) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ExecutionReport:
    date_from: date
    date_to: date
    today: date
    organisation: str
    figures: GroupedFigures[ExecutionFigures]
    # (position, «Ім'я ПРІЗВИЩЕ») of who signs the довідка: the manager of affairs, who
    # keeps the control of execution (the organisation's details).
    signatory: tuple[str, str] = ("", "")
    # The registers counted when its maker may not read them all («Вхідні, Вихідні»); "": all.
    covered: str = ""

    @property
    def total(self) -> ExecutionFigures:
        return self.figures.total

    @property
    def period_text(self) -> str:
        return f"з {format_date(self.date_from)} по {format_date(self.date_to)}"


def execution_report(
    db: Database,
    date_from: date,
    date_to: date,
    today: date | None = None,
    *,
    user: str | Actor = "",
) -> ExecutionReport:
    """The figures of [date_from, date_to] as defined above, as of `today` (default: today),
    over the registers `user` may read."""
    if date_from > date_to:
        raise PeriodError(
            f"Початок періоду ({format_date(date_from)}) пізніший за його кінець "
            f"({format_date(date_to)})"
        )
    day = today or date.today()
    cutoff = min(date_to + timedelta(days=1), day)
    scope = control_scope(user)
    with db.read() as s:
        done = q.done_counts(s, date_from, date_to, scope)
        unfinished = q.unfinished_counts(s, date_from, date_to, cutoff, scope)
        names = q.department_names(s)
    rows = [(d, e, n, ExecutionFigures(on_time=a, late=b)) for d, e, n, a, b in done]
    rows += [(d, e, n, ExecutionFigures(overdue=a, pending=b)) for d, e, n, a, b in unfinished]
    org = get_organisation(db)
    figures = build(rows, names, ExecutionFigures())
    signatory = (org.manager_position, signature_form(org.manager_name)) if org else ("", "")
    organisation = org.full_name if org else ""
    return ExecutionReport(
        date_from, date_to, day, organisation, figures, signatory, scope_text(scope)
    )


# --- the executors' figures (regulation 29.4) as a table and a file --------------------------

EXECUTOR_TITLES = (
    "Головний виконавець",
    "Виконавчий орган",
    "Виконано вчасно",
    "Виконано із запізненням",
    "Не виконано в термін",
    "Частка вчасно, %",
)


def executor_lines(report: ExecutionReport) -> list[Line[ExecutionFigures]]:
    """One line per lead executor who had a term kept or missed in the period."""
    return [line for line in report.figures.executor_lines() if line.figures.judged]


def executor_rows(report: ExecutionReport) -> list[list[Any]]:
    """The table of the tab and of the file: numbers as numbers, the share in per cent."""
    rows = []
    for line in executor_lines(report):
        f = line.figures
        share = f.share_on_time
        in_percent = percent(share) if share is not None else ""
        rows.append([line.name, line.department, f.on_time, f.late, f.overdue, in_percent])
    return rows


def export_executor_figures(report: ExecutionReport, path: str | Path) -> int:
    """Write the executors' figures to .xlsx (by the extension) or else .csv; rows written."""
    from app.services.table_files import write_csv, write_xlsx

    rows = executor_rows(report)
    if str(path).lower().endswith(".xlsx"):
        write_xlsx(path, EXECUTOR_TITLES, rows, sheet_title="Показники виконавців")
    else:
        shown = [[str(v).replace(".", ",") if isinstance(v, float) else v for v in r] for r in rows]
        write_csv(path, EXECUTOR_TITLES, shown)
    return len(rows)


def report_pdf(report: ExecutionReport) -> bytes:
    """The довідка as PDF bytes (reportlab is imported only now)."""
    from app.printing.execution_report import print_execution_report

    buffer = io.BytesIO()
    print_execution_report(printable(report), buffer)
    return buffer.getvalue()


def printable(report: ExecutionReport) -> ExecutionReportData:
    """The report as app.printing.execution_report takes it."""
    from app.printing.control_centre_data import ExecutionReportData, ExecutionRow

    def row(line: Line[ExecutionFigures], level: RowLevel) -> ExecutionRow:
        f = line.figures
        share = format_share(f.share_on_time)
        return ExecutionRow(line.name, level, f.on_time, f.late, f.overdue, f.pending, share)

    rows = []
    for block in report.figures.departments:
        rows.append(row(block.line, "department"))
        rows.extend(row(line, "executor") for line in block.executors)
    total = report.total
    totals = ExecutionRow(
        "Усього",
        "total",
        total.on_time,
        total.late,
        total.overdue,
        total.pending,
        format_share(total.share_on_time),
    )
    return ExecutionReportData(
        organisation=report.organisation,
        date_from=report.date_from,
        date_to=report.date_to,
        made_on=report.today,
        rows=rows,
        totals=totals,
        signatory_position=report.signatory[0],
        signatory_name=report.signatory[1],
        covered=report.covered,
    )
