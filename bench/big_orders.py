"""Add N mayor's orders (default 1,000,000) to a benchmark database: a register whose own
fields live in a detail table (`order_detail`) and a child table (`order_copy`).

Both series over the years before today, each numbered from 1 every year; every order has its
detail row and one copy handed to an executor. Rows go in through executemany with the search
triggers dropped, the search index rebuilt once (as bench/big_database.py does for incoming).

    python bench/big_orders.py /tmp/dilovod-orders.sqlite [N]

The file is created (with the schema) when missing; an existing one (say, the incoming bench
database) gets the orders added beside its documents.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.orders import MAIN_KINDS, PERSONNEL_KINDS
from app.domain.text import normalize_search
from db.migrate import upgrade
from db.session import make_engine

SURNAMES = ["Мельник", "Коваленко", "Бондаренко", "Ткаченко", "Шевченко", "Кравченко", "Ґонта"]
NOW = "2026-01-01 00:00:00"


def build(path: Path, n: int, today: date) -> None:
    engine = make_engine(str(path))
    upgrade(engine)
    engine.dispose()
    rnd = random.Random(11)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'document_fts%'"
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    first_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM document").fetchone()[0]) + 1
    days = 3650
    start = today - timedelta(days=days)
    seqs: dict[tuple[str, int], int] = {}
    docs, details, copies = [], [], []
    doc_sql = (
        "INSERT INTO document (id, register, series, year, seq, reg_number, reg_date, "
        "correspondent_name, correspondent_sort, ext_number, kind, summary, summary_sort, "
        "case_index, urgent, notes, title, signatory_name, executor_phone, send_method, "
        "reply_numbers, search_text, on_control, lead_executor_name, lead_executor_sort, "
        "cancelled, cancel_reason, version, uuid, created_at, updated_at, changed_by, usn) "
        f"VALUES ({','.join('?' * 33)})"
    )
    detail_sql = (
        "INSERT INTO order_detail (document_id, prepared_by_name, executes_numbers, "
        "cancels_numbers, lost_force, copies_due, copies_pending, copies_late, copies_text, "
        "copies_state, uuid, created_at, updated_at, changed_by, usn) "
        f"VALUES ({','.join('?' * 15)})"
    )
    copy_sql = (
        "INSERT INTO order_copy (document_id, position, executor_name, handed_date, uuid, "
        f"created_at, updated_at, changed_by, usn) VALUES ({','.join('?' * 9)})"
    )
    started = time.perf_counter()

    def flush() -> None:
        conn.executemany(doc_sql, docs)
        conn.executemany(detail_sql, details)
        conn.executemany(copy_sql, copies)
        docs.clear(), details.clear(), copies.clear()

    for i in range(n):
        doc_id = first_id + i
        day = start + timedelta(days=i * days // n)
        series = "personnel" if rnd.random() < 0.7 else "main"
        seq = seqs.get((series, day.year), 0) + 1
        seqs[(series, day.year)] = seq
        number = f"{seq}-{'к' if series == 'personnel' else 'р'}"
        person = f"{rnd.choice(SURNAMES)} {rnd.choice('АБВГДІОМП')}. {rnd.choice('ІОПМ')}."
        kind = rnd.choice(PERSONNEL_KINDS[:-1] if series == "personnel" else MAIN_KINDS[:-1])
        title = f"Про {kind} {person} (№ {i})"
        handed = day + timedelta(days=rnd.choice((0, 1, 2, 3, 6)))
        copies_text = f"{person} | {handed:%d.%m.%Y}"
        docs.append(
            (doc_id, "orders", series, day.year, seq, number, day.isoformat(), "", "", "",
             kind, "", "", "02-01", 0, "", title, "Бондар В. П.", "", "", "",
             normalize_search(f"{number} {title} {kind}"), 0, "", "", 0, "", 1,
             uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )  # fmt: skip
        details.append(
            (doc_id, person, "", "", "", (day + timedelta(days=3)).isoformat(), 0, 0,
             copies_text, "видано 1 з 1", uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )  # fmt: skip
        copies.append(
            (doc_id, 1, person, handed.isoformat(), uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )
        if len(docs) == 20000:
            flush()
    flush()
    for (series, year), last in seqs.items():
        conn.execute(
            "INSERT INTO register_counter (register, series, year, last_seq) VALUES "
            "('orders', ?, ?, ?) ON CONFLICT (register, series, year) DO UPDATE "
            "SET last_seq = excluded.last_seq",
            (series, year, last),
        )
    conn.commit()
    loaded = time.perf_counter()
    conn.execute("INSERT INTO document_fts(document_fts) VALUES ('rebuild')")
    conn.commit()
    for _name, trigger_sql in triggers:
        conn.execute(trigger_sql)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    print(
        f"{n} orders loaded in {loaded - started:.1f} s, search index in "
        f"{time.perf_counter() - loaded:.1f} s → {path} ({path.stat().st_size / 2**20:.0f} MB)"
    )


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dilovod-orders.sqlite")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    build(target, count, date.today())
