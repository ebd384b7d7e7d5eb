"""Add N decisions of the executive committee (default 1,000,000) to a benchmark database:
the «decisions» register, whose own fields live in `decision_detail` and `decision_copy`.

Numbered from 1 every year over the years before today, dated on meeting days (third Thursdays);
every decision has its detail row (department, protocol) and one copy sent. Rows go in through
executemany with the search triggers dropped, the search index rebuilt once (as
bench/big_orders.py does for orders). Then `python bench/bench_register.py FILE decisions`.

    python bench/big_decisions.py /tmp/dilovod-decisions.sqlite [N]
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

from app.domain.meetings import third_thursday
from app.domain.text import normalize_search
from db.migrate import upgrade
from db.session import make_engine

TITLES = ["Про затвердження плану благоустрою", "Про надання матеріальної допомоги",
          "Про присвоєння поштової адреси", "Про квартирний облік громадян",
          "Про встановлення тарифів", "Про оздоровлення дітей", "Про єдиний квиток"]  # fmt: skip
BODIES = ["Загальний відділ", "Управління освіти", "Фінансове управління",
          "Управління житлово-комунального господарства", "Служба у справах дітей"]  # fmt: skip
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
        "INSERT INTO decision_detail (document_id, protocol_number, department, regulatory, "
        "cancels_numbers, lost_force, copies_text, copies_state, uuid, created_at, updated_at, "
        f"changed_by, usn) VALUES ({','.join('?' * 13)})"
    )
    copy_sql = (
        "INSERT INTO decision_copy (document_id, position, recipient, sent_date, uuid, "
        f"created_at, updated_at, changed_by, usn) VALUES ({','.join('?' * 9)})"
    )
    started = time.perf_counter()

    def flush() -> None:
        conn.executemany(doc_sql, docs)
        conn.executemany(detail_sql, details)
        conn.executemany(copy_sql, copies)
        docs.clear(), details.clear(), copies.clear()

    seqs: dict[int, int] = {}
    for i in range(n):
        doc_id = first_id + i
        rough = start + timedelta(days=i * days // n)
        day = third_thursday(rough.year, rough.month)
        seq = seqs.get(day.year, 0) + 1
        seqs[day.year] = seq
        number = str(seq)
        title = f"{rnd.choice(TITLES)} (№ {i})"
        body = rnd.choice(BODIES)
        protocol = str(day.month)
        sent = day + timedelta(days=rnd.choice((1, 2, 3, 6)))
        docs.append(
            (doc_id, "decisions", "", day.year, seq, number, day.isoformat(), "", "", "",
             "", "", "", "01-12", 0, "", title, "", "", "", "",
             normalize_search(f"{number} {title} {body}"), 0, "", "", 0, "", 1,
             uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )  # fmt: skip
        details.append(
            (doc_id, protocol, body, 0, "", "", f"{body} | {sent:%d.%m.%Y}", "розіслано 1 з 1",
             uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )  # fmt: skip
        copies.append((doc_id, 1, body, sent.isoformat(), uuid.uuid4().hex, NOW, NOW, "bench", 1))
        if len(docs) == 20000:
            flush()
    flush()
    for year, last in seqs.items():
        conn.execute(
            "INSERT INTO register_counter (register, series, year, last_seq) VALUES "
            "('decisions', '', ?, ?) ON CONFLICT (register, series, year) DO UPDATE "
            "SET last_seq = excluded.last_seq",
            (year, last),
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
        f"{n} decisions loaded in {loaded - started:.1f} s, search index in "
        f"{time.perf_counter() - loaded:.1f} s → {path} ({path.stat().st_size / 2**20:.0f} MB)"
    )


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dilovod-decisions.sqlite")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    build(target, count, date.today())
