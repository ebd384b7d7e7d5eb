"""Two clerks registering at the same moment, as two processes: no duplicate, no gap."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date

from sqlalchemy import select

from db.models import Document

PER_PROCESS = 60


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


def test_two_processes_get_every_number_exactly_once(db):
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    workers = [
        ctx.Process(target=_register_batch, args=(db.url, name, start, PER_PROCESS))
        for name in ("clerk-1", "clerk-2")
    ]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0
    with db.read() as s:
        rows = s.execute(select(Document.seq, Document.changed_by)).all()
    assert sorted(seq for seq, _ in rows) == list(range(1, 2 * PER_PROCESS + 1))
    by_clerk = {clerk for _, clerk in rows}
    assert by_clerk == {"clerk-1", "clerk-2"}
