"""Control centre figures on a large database (build it first with bench/big_database.py).

    python bench/bench_control_centre.py /tmp/dilovod-bench.sqlite

A PostgreSQL URL works too (a copy of that database on the server).

Prints the time of the overview (every department and executor, every state), of the listing of
one cell (the largest: every open document; and one executor's overdue ones), of the period
report for the last month and the last year, and of the reminders for 3 working days.

Everything is measured twice: without and with the index of done dates that migration 0002
adds (`ix_document_done` on `done_date`, partial `WHERE done_date IS NOT NULL`). The script
drops it, measures, creates it by hand, measures again, and leaves it in place.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_register import measure

from app.reports.execution import execution_report
from app.reports.grouping import Group
from app.reports.reminders import reminders
from app.services.control_centre import CentreState, cell_documents, overview
from db.session import Database

TARGET_MS = 300
DONE_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_document_done ON document (done_date) "
    "WHERE done_date IS NOT NULL"
)


def _figures(db: Database) -> None:
    today = date.today()
    result = overview(db, today)
    totals = result.totals
    busiest = max(result.figures.executor_lines(), key=lambda line: line.figures.overdue)
    print(
        f"  overview: {len(result.figures.departments)} departments, "
        f"{len(result.figures.executor_lines())} executors; open {totals.on_control:,}, "
        f"overdue {totals.overdue:,}, due soon {totals.due_soon:,}, "
        f"done this month {totals.done:,} on time / {totals.done_late:,} late"
    )
    measure("overview (all departments × executors × states)", lambda: overview(db, today),
            target_ms=TARGET_MS)  # fmt: skip
    measure(
        "cell: every open document (first 1,000 of them)",
        lambda: cell_documents(db, Group(), CentreState.ON_CONTROL, today),
        target_ms=TARGET_MS,
    )
    measure(
        f"cell: overdue of {busiest.name}",
        lambda: cell_documents(db, busiest.group, CentreState.OVERDUE, today),
        target_ms=TARGET_MS,
    )
    measure(
        "cell: done late this month, all",
        lambda: cell_documents(db, Group(), CentreState.DONE_LATE, today),
        target_ms=TARGET_MS,
    )
    month_ago = today - timedelta(days=30)
    measure("period report, last 30 days", lambda: execution_report(db, month_ago, today, today))
    year_ago = today - timedelta(days=365)
    measure("period report, last 365 days", lambda: execution_report(db, year_ago, today, today))
    old_start, old_end = year_ago.replace(day=1), year_ago.replace(day=28)
    measure(
        "period report, a month a year ago",
        lambda: execution_report(db, old_start, old_end, today),
    )
    measure("reminders, 3 working days", lambda: reminders(db, 3, today))


def main(path: str) -> None:
    started = time.perf_counter()
    db = Database(path)
    with db.read() as s:
        total = s.connection().exec_driver_sql("SELECT count(*) FROM document").scalar_one()
    print(f"{'open the database, count documents':<52} "
          f"{(time.perf_counter() - started) * 1000:8.1f} ms ({total:,} documents)")  # fmt: skip
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_document_done")
    print("without ix_document_done:")
    _figures(db)
    index_started = time.perf_counter()
    with db.engine.begin() as conn:
        conn.exec_driver_sql(DONE_INDEX)
        conn.exec_driver_sql("ANALYZE document")
    print(f"with ix_document_done (made in {time.perf_counter() - index_started:.1f} s):")
    _figures(db)
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dilovod-bench.sqlite")
