"""Backups of a big SQLite database: how long a copy, its check and a restore take, and how long
registrations wait while a copy is made (the daily copy runs while the clerk works).

    python bench/bench_backup.py /tmp/big.sqlite [SCRATCH_FOLDER]

Works on a copy of the database in SCRATCH_FOLDER (default: beside the script's temp folder);
the database named is only read.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.registers import INCOMING
from app.services import backup as bk
from app.services.database import open_database
from app.services.documents import register_document


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - start:.2f} s")
    return result


def main(source: Path, scratch: Path) -> None:
    scratch.mkdir(parents=True, exist_ok=True)
    db_path = scratch / "dilovod.sqlite"
    shutil.copyfile(source, db_path)
    print(f"database: {db_path.stat().st_size / 2**20:.0f} MB")
    folder = scratch / "backups"
    copy = timed("online backup, idle", lambda: bk.backup_sqlite(db_path, folder))
    timed("check_backup (integrity_check + count)", lambda: bk.check_backup(copy))
    # The copy on exit: in steps of STEP_PAGES with a deadline and the note's progress.
    steps: list[int] = []
    timed(
        f"online backup in steps of {bk.STEP_PAGES} pages (on exit)",
        lambda: bk.backup_sqlite(
            db_path,
            folder,
            deadline=time.monotonic() + 60,
            on_progress=lambda done, _total: steps.append(done),
        ),
    )
    print(f"  progress reports: {len(steps)}")

    opened = timed("open (upgrade to the head schema if older)", lambda: open_database(db_path))
    db = opened.db
    if opened.backup is not None:
        opened.backup.unlink()
    waits: list[float] = []
    stop = threading.Event()

    def register() -> None:
        while not stop.is_set():
            values = INCOMING.parse({"correspondent": "Обласна адміністрація", "summary": "Лист"})
            start = time.perf_counter()
            register_document(db, INCOMING, values, reg_date=date(2026, 3, 5))
            waits.append(time.perf_counter() - start)

    clerk = threading.Thread(target=register)
    clerk.start()
    time.sleep(0.5)
    waits.clear()
    timed("online backup while registering", lambda: bk.backup_sqlite(db_path, folder))
    stop.set()
    clerk.join()
    waits.sort()
    print(
        f"registrations during the backup: {len(waits)}, median {waits[len(waits) // 2] * 1000:.1f}"
        f" ms, slowest {waits[-1] * 1000:.1f} ms"
    )
    db.dispose()
    timed("restore (check + copy + swap)", lambda: bk.restore_sqlite(copy, db_path))
    for leftover in scratch.glob("dilovod.before-restore-*"):
        leftover.unlink()


if __name__ == "__main__":
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="bk-"))
    main(Path(sys.argv[1]), target)
