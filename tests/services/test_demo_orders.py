"""Demo orders: both series for both years, numbered by the register's counters, kinds like a
real council's, copies late and pending, orders cancelled, tasks on control."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import select

from app.domain.orders import MAIN, MAIN_KINDS, PERSONNEL, PERSONNEL_KINDS, copies_due
from app.services import overdue
from app.services.calendar import load_calendar
from app.services.demo import fill_demo, office, orders
from app.services.demo.context import DemoContext
from app.services.demo.orders_main import MAIN_SHARES
from app.services.demo.orders_people import office_of
from app.services.demo.orders_personnel import PERSONNEL_SHARES
from db.models import ControlEvent, Document, DocumentLink, OrderCopy, OrderDetail, Staff

TODAY = date(2026, 3, 16)
MAYOR, FIRST_DEPUTY = "Савчук А. М.", "Гуменюк О. В."


def test_demo_orders_are_registered_by_the_rules(db):
    result = fill_demo(db, documents_count=600, seed=3, today=TODAY)
    counts = result.counts
    calendar = load_calendar(db)
    with db.read() as s:
        docs = s.execute(select(Document).where(Document.register == "orders")).scalars().all()
        details = {d.document_id: d for d in s.execute(select(OrderDetail)).scalars()}
        copies = s.execute(select(OrderCopy)).scalars().all()
        staff_ids = set(s.execute(select(Staff.id)).scalars())
        links = (
            s.execute(select(DocumentLink).where(DocumentLink.relation == "cancels"))
            .scalars()
            .all()
        )
        events = s.execute(select(ControlEvent.kind, ControlEvent.document_id)).all()
        s.expunge_all()  # the rows stay readable after the session ends
    assert len(docs) == counts["orders.main"] + counts["orders.personnel"]

    # Both series for both years, each numbered 1…N in the order of signing.
    by_series: dict[tuple[str, int], list[Document]] = defaultdict(list)
    for d in docs:
        by_series[(d.series, d.year)].append(d)
    assert set(by_series) == {(MAIN, 2025), (MAIN, 2026), (PERSONNEL, 2025), (PERSONNEL, 2026)}
    for (series, year), group in by_series.items():
        group.sort(key=lambda d: d.seq)
        assert [d.seq for d in group] == list(range(1, len(group) + 1))
        suffix = "-р" if series == MAIN else "-к"
        assert [d.reg_number for d in group] == [f"{d.seq}{suffix}" for d in group]
        assert [d.reg_date for d in group] == sorted(d.reg_date for d in group)
        assert all(d.year == year and calendar.is_working_day(d.reg_date) for d in group)
    assert len(by_series[(PERSONNEL, 2025)]) > 2 * len(by_series[(MAIN, 2025)])
    assert all(d.reg_date <= TODAY for d in docs)

    # Kinds: every personnel kind; titles in officialese; people from the staff list.
    personnel = [d for d in docs if d.series == PERSONNEL]
    assert {d.kind for d in personnel} == set(PERSONNEL_KINDS)
    assert {d.kind for d in docs if d.series == MAIN} <= set(MAIN_KINDS)
    assert all(d.title.startswith("Про ") for d in docs)
    assert any(d.title.startswith("Про надання щорічної") for d in personnel)
    assert {d.signatory_name for d in docs} == {MAYOR, FIRST_DEPUTY}
    assert sum(d.signatory_name == MAYOR for d in docs) > 0.8 * len(docs)
    assert all(d.signatory_id in staff_ids for d in docs)
    assert all(details[d.id].prepared_by_id in staff_ids for d in docs)

    # Copies to 1–3 executors, mostly within 3 working days; some late, the newest pending.
    per_order = Counter(c.document_id for c in copies)
    assert set(per_order) == {d.id for d in docs} and set(per_order.values()) <= {1, 2, 3}
    assert all(c.executor_id in staff_ids for c in copies)
    signed = {d.id: d.reg_date for d in docs}
    handed = [c for c in copies if c.handed_date is not None]
    assert all(signed[c.document_id] <= c.handed_date <= TODAY for c in handed)
    on_time = [c for c in handed if c.handed_date <= copies_due(signed[c.document_id], calendar)]
    assert len(on_time) > 0.85 * len(copies)
    late = [d for d in docs if details[d.id].copies_late]
    assert late and "із запізненням" in details[late[0].id].copies_state
    pending = [c for c in copies if c.handed_date is None]
    assert pending and all((TODAY - signed[c.document_id]).days <= 14 for c in pending)
    assert counts["orders.copies_late"] >= 1 and counts["orders.copies_pending"] >= 1

    # Orders cancelling earlier ones of their series: «втратило чинність» on the cancelled.
    lost = [d for d in docs if details[d.id].lost_force]
    assert len(lost) == counts["orders.cancelled"] == len(links) >= 2
    by_id = {d.id: d for d in docs}
    for link in links:
        cancelling, cancelled = by_id[link.document_id], by_id[link.target_id]
        assert cancelling.title.startswith("Про визнання таким, що втратило чинність")
        assert cancelled.reg_number in cancelling.title
        assert cancelled.series == cancelling.series and cancelled.reg_date <= cancelling.reg_date
        text = details[cancelled.id].lost_force
        assert text.startswith("втратило чинність") and cancelling.reg_number in text

    # Tasks on control with the stated term: some done, some overdue; only main activity.
    controlled = [d for d in docs if d.on_control]
    assert controlled and all(
        d.series == MAIN and d.due_date and d.lead_executor_id for d in controlled
    )
    assert {d.id for d in controlled} == {
        doc for kind, doc in events if kind == "set" and doc in by_id
    }
    assert any(d.done_date for d in controlled)
    open_overdue = [d for d in controlled if d.done_date is None and d.due_date < TODAY]
    assert len(open_overdue) == counts["orders.overdue"] >= 1
    summary = overdue.scan(db, today=TODAY)
    assert summary.by_register.get("orders") == counts["orders.overdue"]


def test_demo_order_volumes_are_a_real_councils(db):
    """At the default size a year has 250–400 orders on main activity and 600–900 on personnel,
    their kinds in the shares of the HR report (planning only: registering them takes long)."""
    today = date(2026, 12, 2)
    ctx = DemoContext(db, random.Random(5), load_calendar(db), today, today, 2, 3000, print)
    office.setup(ctx)
    people = office_of(ctx)
    for year in (2025, 2026):
        plans = orders._plan_year(ctx, people, year)
        main = [p for p in plans if p.series == MAIN]
        personnel = Counter(p.kind for p in plans if p.series == PERSONNEL)
        assert 250 <= len(main) <= 400 and 600 <= sum(personnel.values()) <= 900
        top = [kind for kind, _n in personnel.most_common()]
        assert top[0] == "відпустка" and top.index("матеріальна допомога") <= 2
        assert personnel["прийняття/призначення"] > personnel["відрядження"]
        meetings = [
            p
            for p in main
            if p.title == "Про скликання засідання виконавчого комітету міської ради"
        ]
        assert len(meetings) == (12 if year == 2025 else 11)  # December's is signed on 09.12
        assert sum(1 for p in main if p.term) > 0.05 * len(main)


def test_demo_shares_name_the_registers_kinds():
    assert set(PERSONNEL_SHARES) == set(PERSONNEL_KINDS)
    assert set(MAIN_SHARES) == set(MAIN_KINDS)
