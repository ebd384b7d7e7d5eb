"""Register figures on a large database (build it first with bench/big_database.py).

    python bench/bench_register.py /tmp/dilovod-bench.sqlite            # incoming
    python bench/bench_register.py /tmp/dilovod-orders.sqlite orders     # a register whose
                                                                         # fields live in a
                                                                         # detail table

Prints: opening the database, the first screen (count + first page), jumping to the last row,
the overdue scan, full-text search (first 200 hits), sorting by a column, and the journal data
for 1,000 rows. Each figure is the median of several runs after one warm-up.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.registers import REGISTERS
from app.services.overdue import scan
from app.services.register_view import RegisterView, ViewQuery
from db.session import Database

PAGE = 200


def measure(
    label: str, fn: Callable[[], object], runs: int = 5, target_ms: float | None = None
) -> None:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    verdict = (
        "" if target_ms is None else ("  OK" if median < target_ms else f"  OVER {target_ms:g} ms")
    )
    print(f"{label:<52} {median:8.1f} ms  (min {min(times):.1f}, max {max(times):.1f}){verdict}")


#: Words to search for, by register (a common word, a rare one, a single hit).
SEARCHES = {
    "incoming": ("шепетівська", "мар'янівський", "123456"),
    "orders": ("відпустка", "ґонта", "123456"),
}


def main(path: str, register: str = "incoming") -> None:
    started = time.perf_counter()
    db = Database(path)
    with db.read() as s:
        s.connection().exec_driver_sql("SELECT 1")
    print(f"{'open the database':<52} {(time.perf_counter() - started) * 1000:8.1f} ms")
    view = RegisterView(db, ViewQuery(register))
    total = view.count()
    print(f"documents in the register: {total:,}")

    def first_screen() -> None:
        v = RegisterView(db, ViewQuery(register))
        n = v.count()
        v.page(0, PAGE, n)

    measure("first screen (count + first 200 rows)", first_screen, target_ms=150)
    measure(
        "jump to the last row (last page)",
        lambda: view.page(total - PAGE, PAGE, total),
        target_ms=100,
    )
    measure(
        "middle of the register (OFFSET from the nearer end)",
        lambda: view.page(total // 2, PAGE, total),
    )
    measure("overdue scan over every document", lambda: scan(db, date.today()), target_ms=10)

    def search(text: str) -> Callable[[], object]:
        def run() -> object:
            v = RegisterView(db, ViewQuery(register, search=text))
            return v.page(0, PAGE)

        return run

    common, rare, single = SEARCHES.get(register, SEARCHES["incoming"])
    measure(f"full-text search «{common}», first 200 hits", search(common), target_ms=50)
    measure(f"full-text search «{rare}», first 200", search(rare), target_ms=50)
    measure(f"full-text search «№ {single}» (one hit)", search(single), target_ms=50)
    spec = REGISTERS[register]
    for sort in [c.sort for c in spec.columns if c.sort]:
        sv = RegisterView(db, ViewQuery(register, sort=sort, descending=False))
        measure(
            f"sorted by {sort}: first screen", lambda sv=sv: sv.page(0, PAGE, total), target_ms=150
        )
    overdue = RegisterView(db, ViewQuery(register, state="overdue"))
    measure(
        "filter «overdue»: count + first screen", lambda: overdue.page(0, PAGE, overdue.count())
    )
    db.dispose()


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "/tmp/dilovod-bench.sqlite",
        sys.argv[2] if len(sys.argv) > 2 else "incoming",
    )
