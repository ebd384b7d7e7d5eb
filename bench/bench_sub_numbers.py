"""What the sub-numbers cost an office that upgrades (migration 0016 rebuilds `document` on
SQLite to change its unique number to (register, series, year, seq, sub)), and the register's
first screen sorted by number afterwards (the number index now ends with `sub`).

Builds N decisions (default 200,000) with bench/big_decisions.py at the head revision, steps
the file back to 0015 (before the sub-numbers), then times `db.migrate.upgrade` (0016 + 0017 +
the VACUUM that gives the rebuilt table's pages back) and the first 100 rows by number, newest
first, as the median of 7 runs.

    python bench/bench_sub_numbers.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from alembic import command
from big_decisions import build

from app.services.register_view import RegisterView, ViewQuery
from db.migrate import alembic_config, upgrade
from db.session import Database, make_engine


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sub.sqlite"
        build(path, n, date(2026, 11, 30))
        engine = make_engine(str(path))
        config = alembic_config()
        with engine.connect() as conn:  # foreign keys off while `document` is rebuilt
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            with conn.begin():
                config.attributes["connection"] = conn
                command.downgrade(config, "0015")
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
            conn.connection.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        size = path.stat().st_size / 1e6
        start = time.perf_counter()
        upgrade(engine)
        took = time.perf_counter() - start
        engine.dispose()
        print(f"{n} decisions, {size:.0f} MB: upgrade 0015 → head {took:.1f} s")
        db = Database(str(path))
        view = RegisterView(db, ViewQuery("decisions", sort="number", descending=True))
        times = []
        for _ in range(8):
            t = time.perf_counter()
            view.page(0, 100)
            times.append((time.perf_counter() - t) * 1000)
        print(f"first 100 by number, newest first: {statistics.median(times[1:]):.1f} ms")
        db.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
