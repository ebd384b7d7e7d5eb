"""Clerks registering at the same moment, as separate processes: no duplicate, no gap.

Issue 4's figure: 4 processes × 250 registrations give exactly 1…1000, on both engines (the
`db` fixture): SQLite queues the writers with WAL and ``BEGIN IMMEDIATE``, PostgreSQL with the
counter row's update lock. Each registration is its own transaction, as a clerk's would be.
"""

from __future__ import annotations

import multiprocessing as mp
from datetime import date

from sqlalchemy import select

from db.models import Document

PROCESSES = 4
PER_PROCESS = 250


def _register_batch(url: str, clerk: str, start, count: int) -> None:  # type: ignore[no-untyped-def]
    from app.registers import INCOMING
    from app.services.documents import register_document
    from db.session import Database

    db = Database(url)
    start.wait(timeout=60)
    for i in range(count):
        values = INCOMING.parse({"correspondent": f"Кореспондент {clerk}", "summary": f"Лист {i}"})
        register_document(db, INCOMING, values, reg_date=date(2026, 3, 5), user=clerk)
    db.dispose()


def run_clerks(url: str, clerks: int, per_clerk: int) -> None:
    """Start `clerks` processes that register `per_clerk` documents each, all at one signal."""
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    workers = [
        ctx.Process(target=_register_batch, args=(url, f"clerk-{n}", start, per_clerk))
        for n in range(1, clerks + 1)
    ]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0


def test_four_processes_get_every_number_exactly_once(db):
    run_clerks(db.url, PROCESSES, PER_PROCESS)
    with db.read() as s:
        rows = s.execute(select(Document.seq, Document.changed_by)).all()
    assert sorted(seq for seq, _ in rows) == list(range(1, PROCESSES * PER_PROCESS + 1))
    assert {clerk for _, clerk in rows} == {f"clerk-{n}" for n in range(1, PROCESSES + 1)}
    # every registration appended to the one hash chain of the audit trail, none forked it
    from app.services.audit import verify

    check = verify(db)
    assert check.ok and check.entries == PROCESSES * PER_PROCESS, check.describe()
