"""The awards' figures (issue 14): the eligibility check when a petition is entered, with
100,000 awards in the register (< 50 ms), and a batch of 200 certificates to PDF (< 2 s).

    python bench/bench_awards.py [/tmp/dilovod-awards.sqlite] [N]

The awards go in through executemany (documents and their detail rows; ~3,000 recipients, so
a person has 30+ earlier awards), the search triggers set aside as bench/big_orders.py does;
the check and the batch then run through the services as the card and the tab call them.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.awards import DEFAULT_KINDS
from app.domain.text import normalize_search
from db.migrate import upgrade
from db.session import Database, make_engine

SURNAMES = ["Мельник", "Коваленко", "Бондаренко", "Ткаченко", "Шевченко", "Кравчук", "Іванів"]
GIVEN = [("Іван", "Іванович", "m"), ("Олена", "Петрівна", "f"), ("Микола", "Ілліч", "m"),
         ("Любов", "Миколаївна", "f"), ("Ілля", "Степанович", "m")]  # fmt: skip
NOW = "2026-01-01 00:00:00"


def build(path: Path, n: int, today: date) -> None:
    engine = make_engine(str(path))
    upgrade(engine)
    engine.dispose()
    rnd = random.Random(14)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'document_fts%'"
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    doc_sql = (
        "INSERT INTO document (id, register, series, year, seq, reg_number, reg_date, "
        "correspondent_name, correspondent_sort, ext_number, kind, summary, summary_sort, "
        "case_index, urgent, notes, title, signatory_name, executor_phone, send_method, "
        "reply_numbers, search_text, on_control, lead_executor_name, lead_executor_sort, "
        "cancelled, cancel_reason, version, uuid, created_at, updated_at, changed_by, usn) "
        f"VALUES ({','.join('?' * 33)})"
    )
    detail_sql = (
        "INSERT INTO award_detail (document_id, recipient_type, recipient, recipient_key, sex, "
        "position, workplace, years_of_work, occasion, petition_date, ceremony_date, "
        "petition_late, order_numbers, award_date, handed_by, name_override, state, uuid, "
        f"created_at, updated_at, changed_by, usn) VALUES ({','.join('?' * 22)})"
    )
    kinds = [k.title for k in DEFAULT_KINDS]
    people = [
        (f"{s} {g} {p}{'' if i == 0 else ' ' + str(i)}".strip(), sex)
        for i in range(100)
        for s in SURNAMES
        for g, p, sex in GIVEN
    ][:3000]
    seqs: dict[int, int] = {}
    docs, details = [], []
    start = today - timedelta(days=3650)
    for i in range(n):
        doc_id = i + 1
        day = start + timedelta(days=i * 3650 // n)
        seq = seqs[day.year] = seqs.get(day.year, 0) + 1
        name, sex = rnd.choice(people)
        kind = rnd.choice(kinds)
        docs.append(
            (doc_id, "awards", "", day.year, seq, str(seq), day.isoformat(), "", "", "", kind,
             "за сумлінну працю", "", "", 0, "", "", "", "", "", "",
             normalize_search(f"{seq} {name} {kind}"), 0, "", "", 0, "", 1,
             uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )  # fmt: skip
        details.append(
            (doc_id, "особа", name, normalize_search(name), "чоловіча" if sex == "m" else "жіноча",
             "слюсар", "КП «Водоканал»", 10, "День Незалежності України", day.isoformat(),
             (day + timedelta(days=10)).isoformat(), 0, "1-р", day.isoformat(), "", "",
             "нагороджено", uuid.uuid4().hex, NOW, NOW, "bench", 1)
        )  # fmt: skip
        if len(docs) == 20000:
            conn.executemany(doc_sql, docs)
            conn.executemany(detail_sql, details)
            docs.clear(), details.clear()
    conn.executemany(doc_sql, docs)
    conn.executemany(detail_sql, details)
    for year, last in seqs.items():
        conn.execute(
            "INSERT INTO register_counter (register, series, year, last_seq) "
            "VALUES ('awards', '', ?, ?)",
            (year, last),
        )
    conn.commit()
    conn.execute("INSERT INTO document_fts(document_fts) VALUES ('rebuild')")
    for _name, trigger_sql in triggers:
        conn.execute(trigger_sql)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dilovod-awards.sqlite")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    build(path, n, date.today())
    print(f"{n} awards loaded in {time.perf_counter() - started:.1f} s → {path}")

    from app.registers import AWARDS
    from app.services import awards
    from app.services.award_printouts import award_certificates_pdf
    from tests import factories

    db = Database(str(path))
    factories.organisation(db)
    values = AWARDS.parse(
        {"kind": "Почесна грамота", "recipient": "Мельник Іван Іванович", "summary": "x",
         "years_of_work": "2", "petition_date": "20.08.2026", "ceremony_date": "24.08.2026"}
    )  # fmt: skip
    times = []
    for _ in range(20):
        t = time.perf_counter()
        check = awards.petition_check(db, values)
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"eligibility check with {n} awards: median {statistics.median(times):.1f} ms, "
        f"max {max(times):.1f} ms ({len(check.history)} earlier awards, "
        f"{len(check.warnings)} warnings) — target < 50 ms"
    )
    with db.read() as s:
        from sqlalchemy import text

        ids = [r[0] for r in s.execute(text("SELECT id FROM document ORDER BY id LIMIT 200"))]
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        pdf = award_certificates_pdf(db, ids)
        runs.append(time.perf_counter() - t)
    print(
        f"200 certificates to PDF: best {min(runs):.2f} s, worst {max(runs):.2f} s "
        f"({len(pdf) / 2**20:.1f} MB) — target < 2 s"
    )
    db.dispose()


if __name__ == "__main__":
    main()
