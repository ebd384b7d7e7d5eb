"""Demo orders of the mayor (розпорядження): both series over the last calendar years up to today.

Registered through `register_many` in date order, so each series is numbered 1… every year by
the register's own counters («12-р», «245-к»). A council of ~500 employees signs about 330 orders
on main activity and 780 on personnel a year (scaled with the demo's size: `documents_count` of
3000 is a real council); personnel kinds keep the shares of a real HR report
(orders_personnel.py), main-activity titles come in their season (orders_main.py). Prepared by
the body's staff, signed by the mayor (by the first deputy while the mayor is on leave), copies
handed to 1–3 executors mostly within 3 working days (4.16): some late, the last days' not yet.
A few orders cancel or amend earlier ones; about a tenth of the orders on main activity give
tasks with a term and go on control (orders_control.py).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.dates import format_date
from app.domain.orders import MAIN, PERSONNEL, copies_due
from app.registers import ORDERS
from app.services import documents
from app.services.demo import orders_control
from app.services.demo.context import BATCH, DemoContext, working_days
from app.services.demo.orders_main import MAIN_SHARES, WITH_TASKS, MainTitle, main_title, regular
from app.services.demo.orders_people import CASES, Office, office_of
from app.services.demo.orders_personnel import PERSONNEL_SHARES, personnel_title
from app.services.demo.plans import OrderPlan

MAIN_PER_YEAR, PERSONNEL_PER_YEAR = 330, 780
FULL_SIZE = 3000  # the documents_count at which the volumes are a real council's
MIN_PER_YEAR = {MAIN: 8, PERSONNEL: len(PERSONNEL_SHARES)}  # even a tiny demo has every kind
REGULAR_FROM = 150  # main orders a year from which meetings and sessions follow the calendar
CONTROL_SHARE = 0.1  # orders on main activity whose tasks go on control
# Shares of orders that cancel («визнати таким, що втратило чинність») or amend an earlier one.
ACTS = {MAIN: (0.02, 0.03), PERSONNEL: (0.004, 0.015)}


def fill(ctx: DemoContext) -> None:
    """Plan and register both series, then put the orders with tasks on control."""
    office = office_of(ctx)
    plans = [p for year in _years(ctx) for p in _plan_year(ctx, office, year)]
    _newest_copies_pending(ctx, office, plans)
    plans.sort(key=lambda p: p.day)
    _number_sessions(plans)
    refs = orders_control.incoming_orders(ctx.db, ctx.start)
    registered: list[OrderPlan] = []
    batch: list[OrderPlan] = []
    for plan in plans:
        if plan.act and batch:  # the order it acts on must be registered (and numbered) first
            _register(ctx, batch, registered, len(plans))
            batch = []
        if plan.act:
            _act_on_earlier(ctx.rng, plan, registered)
        if "{ref}" in plan.title:
            orders_control.executes(ctx.rng, plan, refs)
        batch.append(plan)
        if len(batch) >= BATCH:
            _register(ctx, batch, registered, len(plans))
            batch = []
    if batch:
        _register(ctx, batch, registered, len(plans))
    counts = orders_control.put_on_control(ctx, [p for p in registered if p.term])
    counts |= _copies_counts(ctx, registered)
    counts["orders.main"] = sum(1 for p in registered if p.series == MAIN)
    counts["orders.personnel"] = sum(1 for p in registered if p.series == PERSONNEL)
    counts["orders.cancelled"] = sum(1 for p in registered if p.act == "cancels")
    ctx.counts.update(counts)
    ctx.say(
        f"Розпоряджень з основної діяльності: {counts['orders.main']}, з кадрових питань: "
        f"{counts['orders.personnel']}; скасовано: {counts['orders.cancelled']}, на контролі: "
        f"{counts['orders.on_control']}, прострочено: {counts['orders.overdue']}, копії видано "
        f"із запізненням: {counts['orders.copies_late']}, ще не видано: "
        f"{counts['orders.copies_pending']}."
    )


def _years(ctx: DemoContext) -> range:
    """Whole calendar years: `ctx.years` of them, the last up to today."""
    return range(ctx.end.year - ctx.years + 1, ctx.end.year + 1)


def _plan_year(ctx: DemoContext, office: Office, year: int) -> list[OrderPlan]:
    whole = working_days(ctx.calendar, date(year, 1, 1), date(year, 12, 31))
    days = [d for d in whole if d <= ctx.end]
    if not days:
        return []
    scale = ctx.documents_count / FULL_SIZE * len(days) / len(whole)
    main = max(MIN_PER_YEAR[MAIN], round(MAIN_PER_YEAR * scale))
    personnel = max(MIN_PER_YEAR[PERSONNEL], round(PERSONNEL_PER_YEAR * scale))
    return _plan_main(ctx, office, days, main) + _plan_personnel(ctx, office, days, personnel)


def _plan_main(ctx: DemoContext, office: Office, days: list[date], count: int) -> list[OrderPlan]:
    """Regular meetings and sessions on their days (when the volume is a council's), the rest
    drawn by the kinds' shares; one of them a year cancels an earlier order."""
    rng, planned = ctx.rng, count >= REGULAR_FROM
    plans = []
    if planned:
        for kind, title, day in regular(ctx.calendar, days):
            plans.append(_main_plan(ctx, office, kind, day, "", title))
    shares = MAIN_SHARES | ({"скликання засідання виконавчого комітету": 1.5} if planned else {})
    for i, kind in enumerate(_allot(rng, shares, count - len(plans))):
        day, act = rng.choice(days), _act(rng, MAIN)
        if i == 0 and len(days) > 20:  # every demo shows «втратило чинність»
            act, day = "cancels", rng.choice(days[len(days) // 3 :])
        title = main_title(rng, "інше" if act else kind, day, planned)
        plans.append(_main_plan(ctx, office, "інше" if act else kind, day, act, title))
    return plans


def _plan_personnel(
    ctx: DemoContext, office: Office, days: list[date], count: int
) -> list[OrderPlan]:
    """Every personnel kind at least once, the rest by the HR report's shares."""
    rng = ctx.rng
    plans = []
    for kind in _allot(rng, PERSONNEL_SHARES, count, at_least=1):
        day = rng.choices(days, weights=[_season(kind, d) for d in days])[0]
        act = _act(rng, PERSONNEL)
        kind = "інше" if act else kind
        who = rng.choice(office.employees)
        title, summary = personnel_title(rng, kind, who, office.employees, day)
        plan = OrderPlan(day, PERSONNEL, kind, title, summary, rng.choice(office.hr), act=act)
        plans.append(_signed(ctx, office, plan, office.personnel_executors(rng, who)))
    return plans


def _allot(
    rng: random.Random, shares: dict[str, float], count: int, at_least: int = 0
) -> list[str]:
    """`count` kinds in proportion to `shares` (largest remainders; each at least `at_least`
    times), shuffled: a year's journal keeps the shares of the report, not a lottery's."""
    total = sum(shares.values())
    exact = {kind: count * share / total for kind, share in shares.items()}
    allotted = {kind: max(at_least, int(n)) for kind, n in exact.items()}
    by_remainder = sorted(exact, key=lambda kind: exact[kind] - int(exact[kind]), reverse=True)
    for kind in by_remainder[: max(0, count - sum(allotted.values()))]:
        allotted[kind] += 1
    kinds = [kind for kind, n in allotted.items() for _ in range(n)]
    rng.shuffle(kinds)
    return kinds


def _act(rng: random.Random, series: str) -> str:
    cancels, amends = ACTS[series]
    roll = rng.random()
    return "cancels" if roll < cancels else "amends" if roll < cancels + amends else ""


def _season(kind: str, day: date) -> float:
    """Vacations cluster in summer; everything else is spread over the year."""
    if kind == "відпустка":
        return {6: 1.8, 7: 2.4, 8: 2.2, 5: 1.2, 9: 1.1, 1: 0.6, 12: 0.7}.get(day.month, 0.8)
    return 1.0


def _main_plan(
    ctx: DemoContext, office: Office, kind: str, day: date, act: str, main: MainTitle
) -> OrderPlan:
    """Prepared by the body the title belongs to; a deputy or the body's head answers for
    the tasks, which go on control with a term now and then."""
    rng = ctx.rng
    plan = OrderPlan(day, MAIN, kind, main.title, main.summary, act=act)
    plan.prepared_by = rng.choice(office.staff_of(main.department))
    on_control = kind in WITH_TASKS and rng.random() < CONTROL_SHARE / 0.74
    if on_control or (kind in WITH_TASKS and rng.random() < 0.5):
        plan.lead_executor = rng.choice((*office.deputies, office.head_of(main.department)))
    if on_control:
        days = rng.choice((10, 14, 20, 30, 30, 45, 60, 90))
        plan.term = ctx.calendar.previous_working_day(day + timedelta(days=days))
        control = f"Контроль за виконанням покласти на {office.in_charge[plan.lead_executor]}"
        plan.summary = "; ".join(filter(None, (plan.summary, control)))
        plan.summary += f"; термін — до {format_date(plan.term)}"
    executors = office.main_executors(rng, main.department, plan.lead_executor)
    return _signed(ctx, office, plan, executors)


def _signed(ctx: DemoContext, office: Office, plan: OrderPlan, executors: list[str]) -> OrderPlan:
    plan.signatory = office.signatory(plan.day)
    plan.copies = [(name, _handed(ctx, plan.day)) for name in executors]
    return plan


def _handed(ctx: DemoContext, day: date) -> date | None:
    """When a copy reached its executor (4.16: within 3 working days): mostly on time, some
    late; one not yet handed when that day is still to come."""
    rng = ctx.rng
    late = rng.random() < 0.05
    offset = rng.randint(4, 9) if late else rng.choices((0, 1, 2, 3), weights=(30, 35, 20, 15))[0]
    handed = ctx.calendar.add_working_days(day, offset) if offset else day
    return handed if handed <= ctx.end else None


def _newest_copies_pending(ctx: DemoContext, office: Office, plans: list[OrderPlan]) -> None:
    """The office signs something every working day, and the newest order's copies are still
    being made: the latest plain order moves to the last working day, one copy not yet handed."""
    plain = [p for p in plans if not p.term and not p.act]
    if not plain:
        return
    newest = max(plain, key=lambda p: p.day)
    newest.day = ctx.calendar.previous_working_day(ctx.end)
    names = [name for name, _day in newest.copies]
    _signed(ctx, office, newest, names)
    newest.copies[-1] = (names[-1], None)


def _number_sessions(plans: list[OrderPlan]) -> None:
    """Sessions of the council are numbered in order (the eighth convocation is well on)."""
    number = 58
    for plan in plans:
        if "{n}" in plan.title:
            plan.title = plan.title.replace("{n}", str(number))
            number += 1


def _act_on_earlier(rng: random.Random, plan: OrderPlan, registered: list[OrderPlan]) -> None:
    """Cancel or amend an earlier order of the same series, one the number names unambiguously
    (numbers repeat every year: the latest order with the number must be the one meant)."""
    latest = {p.number: p for p in registered if p.series == plan.series}
    earlier = [
        p
        for p in latest.values()
        if p.day < plan.day and not p.act and not p.term and (plan.day - p.day).days < 400
    ]
    if not earlier:
        plan.act, plan.title = "", f"Про внесення змін до {_named(plan)}"
        return
    target = rng.choice(earlier[-60:])
    named = f"розпорядження міського голови від {format_date(target.day)} № {target.number}"
    if plan.act == "cancels":
        plan.title = f"Про визнання таким, що втратило чинність, {named}"
        plan.summary = f"Визнати таким, що втратило чинність, {named} «{target.title}»"
    else:
        plan.title = f"Про внесення змін до {named}"
        plan.summary = f"Внести зміни до {named} «{target.title}»"
    target.act = "cancelled" if plan.act == "cancels" else target.act
    plan.ref = target.number if plan.act == "cancels" else ""


def _named(plan: OrderPlan) -> str:
    return "штатного розпису" if plan.series == PERSONNEL else "плану роботи виконавчого комітету"


def _register(
    ctx: DemoContext, batch: list[OrderPlan], registered: list[OrderPlan], total: int
) -> None:
    items = [documents.Registration(_values(p), p.day) for p in batch]
    for plan, reg in zip(
        batch, documents.register_many(ctx.db, ORDERS, items, user=ctx.user), strict=True
    ):
        plan.doc_id, plan.number = reg.id, reg.reg_number
    before = len(registered) // BATCH
    registered.extend(batch)
    if len(registered) // BATCH > before or len(registered) == total:
        ctx.say(f"Зареєстровано розпоряджень: {len(registered)} з {total}")


def _values(plan: OrderPlan) -> dict:
    cancels = (plan.ref,) if plan.act == "cancels" else ()
    executes = (plan.ref,) if plan.ref and plan.act != "cancels" else ()
    raw = {
        "series": plan.series,
        "kind": plan.kind,
        "title": plan.title,
        "summary": plan.summary,
        "prepared_by": plan.prepared_by,
        "signatory": plan.signatory,
        "lead_executor": plan.lead_executor,
        "copies_to": [{"executor": n, "handed_date": d} for n, d in plan.copies],
        "executes": executes,
        "cancels": cancels,
        "case_index": CASES[plan.series][0],
        "sheets": 1 if plan.series == PERSONNEL else 1 + len(plan.title) % 4,
    }
    return ORDERS.parse(raw)


def _copies_counts(ctx: DemoContext, plans: list[OrderPlan]) -> dict[str, int]:
    late = pending = 0
    for plan in plans:
        due = copies_due(plan.day, ctx.calendar)
        late += any(d is not None and d > due for _n, d in plan.copies)
        pending += any(d is None for _n, d in plan.copies)
    return {"orders.copies_late": late, "orders.copies_pending": pending}
