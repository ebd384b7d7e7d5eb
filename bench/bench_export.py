"""Export figures: a register view of N rows (default 100,000) to XLSX and to CSV.

    python bench/big_database.py /tmp/bench.sqlite 100000     # once
    python bench/bench_export.py /tmp/bench.sqlite [N] [--compare]

On a larger database the view is narrowed by a «from» date to the newest N rows or a few more
(the same filter a clerk would set). Prints reading the rows alone (ids + pages, no file), then
each export — median of 3 runs after a warm-up — with rows per second and the file size; the
target is XLSX under 15 s for 100,000 rows. `--compare` also times openpyxl's write-only mode
on the same rows (what app/services/xlsx_stream.py replaced: XlsxWriter is 2× faster).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.registers import INCOMING
from app.services.exports import DATE_FORMAT, _stream, _xlsx_value, export_view
from app.services.register_view import RegisterView, ViewQuery
from db.session import Database

TARGET_XLSX_S = 15.0


def timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, float, float]:
    fn()  # warm-up: the page cache, SQLAlchemy's statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), max(times)


def report(label: str, rows: int, figures: tuple[float, float, float], extra: str = "") -> None:
    median, low, high = figures
    print(
        f"{label:<40} {median:6.2f} s  (min {low:.2f}, max {high:.2f})  "
        f"{rows / median:9,.0f} rows/s{extra}"
    )


def the_view(db: Database, wanted: int) -> ViewQuery:
    """The whole register, or its newest `wanted` rows (and their day's others) by a date."""
    view = ViewQuery(INCOMING.code)
    source = RegisterView(db, view)
    if source.count() <= wanted:
        return view
    oldest = source.page(wanted - 1, 1)[0]
    return ViewQuery(INCOMING.code, date_from=oldest.reg_date)


def openpyxl_write_only(db: Database, view: ViewQuery, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(INCOMING.title)
    ws.freeze_panes = "A2"
    ws.append([c.title for c in INCOMING.columns])
    source = RegisterView(db, view)
    for row in _stream(source, source.ids(), None):
        out = []
        for column in INCOMING.columns:
            value = _xlsx_value(row, column.key)
            if hasattr(value, "toordinal"):
                value = WriteOnlyCell(ws, value=value)
                value.number_format = DATE_FORMAT
            out.append(value if value != "" else None)
        ws.append(out)
    wb.save(path)


def main(path: str, wanted: int, compare: bool) -> None:
    db = Database(path)
    view = the_view(db, wanted)
    source = RegisterView(db, view)
    total = source.count()
    since = f" from {view.date_from:%d.%m.%Y}" if view.date_from else ""
    print(f"view: {total:,} rows of «{INCOMING.title}»{since}, newest first")

    def read_only() -> None:
        v = RegisterView(db, view)
        for _ in _stream(v, v.ids(), None):
            pass

    report("read the rows (ids + pages of 1000)", total, timed(read_only))
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("xlsx", "csv"):
            target = Path(folder) / f"export.{fmt}"
            figures = timed(lambda t=target: export_view(db, INCOMING, view, t))
            size = f"  {target.stat().st_size / 1e6:.1f} MB"
            verdict = ""
            if fmt == "xlsx":
                verdict = "  OK" if figures[0] < TARGET_XLSX_S else f"  OVER {TARGET_XLSX_S:g} s"
            report(f"export to {fmt.upper()}", total, figures, size + verdict)
        if compare:
            target = Path(folder) / "openpyxl.xlsx"
            figures = timed(lambda: openpyxl_write_only(db, view, target), runs=1)
            size = f"  {target.stat().st_size / 1e6:.1f} MB"
            report("openpyxl write-only (for comparison)", total, figures, size)
    db.dispose()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    main(args[0], int(args[1]) if len(args) > 1 else 100_000, "--compare" in sys.argv)
