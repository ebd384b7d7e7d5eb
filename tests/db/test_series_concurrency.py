"""Clerks registering orders in two series at the same moment, as separate processes: each
series gets exactly 1…1000, no duplicate, no gap (the counter is kept per series, 4.13)."""

from __future__ import annotations

import multiprocessing as mp
from collections import defaultdict
from datetime import date

from sqlalchemy import select

from db.models import Document

PROCESSES = 4
PER_PROCESS = 250


def _register_orders(url: str, clerk: str, start, count: int) -> None:  # type: ignore[no-untyped-def]
    from app.registers import ORDERS
    from app.services.documents import register_document
    from db.session import Database

    db = Database(url)
    start.wait(timeout=60)
    for i in range(count):
        for series in ("main", "personnel"):
            values = ORDERS.parse({"series": series, "title": f"Про питання {clerk} {i}"})
            register_document(db, ORDERS, values, reg_date=date(2026, 3, 5), user=clerk)
    db.dispose()


def test_four_processes_get_every_number_of_each_series_exactly_once(db):
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    workers = [
        ctx.Process(target=_register_orders, args=(db.url, f"clerk-{n}", start, PER_PROCESS))
        for n in range(1, PROCESSES + 1)
    ]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(timeout=300)
        assert w.exitcode == 0
    with db.read() as s:
        rows = s.execute(select(Document.series, Document.seq, Document.reg_number)).all()
    by_series: dict[str, list[int]] = defaultdict(list)
    for series, seq, _number in rows:
        by_series[series].append(seq)
    expected = list(range(1, PROCESSES * PER_PROCESS + 1))
    assert sorted(by_series["main"]) == expected
    assert sorted(by_series["personnel"]) == expected
    suffixes = {number.split("-")[-1] for series, _, number in rows if series == "personnel"}
    assert suffixes == {"к"}
