"""Demo citizens' appeals and information requests: a few hundred appeals and a few dozen requests
over the demo's years, through the same services a clerk uses.

Appeals come by post, on personal reception (oral, received by the mayor or a deputy), by phone;
some are collective, some are repeats of an author's earlier appeal on the same topic (marked
«Повторне» with the earlier number), some were extended with an interim reply and some answered
late; the older ones have their result and the answer's date, the last month's are still under
consideration. Requests come from people and organisations, a few urgent, a few extended with
the notice (one late), with copies beyond 10 pages. Each gets a resolution of the mayor or a
deputy naming the official who considers it (the tab's «Виконавець»).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from app.domain import appeal_classifier as cls
from app.registers import APPEALS, INFO_REQUESTS
from app.services import control, documents
from app.services.demo.context import DemoContext, working_days
from app.services.demo.data import (
    CITIZEN_SUMMARIES,
    FEMALE_NAMES,
    MALE_NAMES,
    PATRONYMICS,
    STREETS,
    SURNAMES,
)
from app.services.details import load_document

#: Appeals a year for the default size (3000 incoming documents); requests a year.
APPEALS_PER_YEAR = 120
REQUESTS_PER_YEAR = 15
TOPIC_OF = {
    "05-01": "Соціальний захист",
    "08-02": "Комунальне господарство",
    "13-02": "Аграрна політика і земельні відносини",
    "11-03": "Сімейна та гендерна політика, захист прав дітей",
    "06-03": "Освіта, наукова, науково-технічна, інноваційна діяльність",
}
CATEGORIES = (
    "Учасник бойових дій",
    "Особа з інвалідністю II групи",
    "Багатодітна сім'я",
    "Ветеран праці",
    "Дитина війни",
    "Внутрішньо переміщена особа",
    "Інші категорії",
)
SOCIAL = ("Пенсіонер", "Робітник", "Працівник бюджетної сфери", "Безробітний", "Підприємець")
RESULTS = (
    ("Вирішено позитивно", 5),
    ("Дано роз'яснення", 4),
    ("Відмовлено у задоволенні", 1),
    ("Надіслано за належністю", 1),
)
REQUESTERS = (
    "ГО «Шепетівка прозора»",
    "ТОВ «Поділля-Інвест»",
    "Редакція газети «Шепетівський вісник»",
    "ГО «Центр громадського моніторингу»",
)
REQUEST_SUMMARIES = (
    "Копії рішень виконавчого комітету за {m}",
    "Інформація про витрати на ремонт доріг у {y} році",
    "Перелік договорів оренди комунального майна",
    "Кошторис міської програми благоустрою на {y} рік",
    "Штатний розпис виконавчих органів ради",
)


def _person(rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.55
    given = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    father = rng.choice(list(PATRONYMICS))
    return {
        "surname": rng.choice(SURNAMES),
        "given_name": given,
        "patronymic": PATRONYMICS[father][1 if female else 0],
        "address": f"{rng.choice(STREETS)}, {rng.randint(1, 120)}, м. Шепетівка",
        "phone": f"+38067{rng.randint(1000000, 9999999)}",
        "category": rng.choice(CATEGORIES) if rng.random() < 0.35 else "",
        "social_status": rng.choice(SOCIAL),
    }


def _weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([i for i, _ in items], [w for _, w in items])[0]


def _appeal(
    ctx: DemoContext, authors: list[dict[str, str]], leaders: list[str]
) -> tuple[dict[str, Any], str]:
    """The card's values, and the index code of the body whose business it is."""
    rng = ctx.rng
    summary, body = rng.choice(CITIZEN_SUMMARIES)
    summary = summary.format(s=rng.choice(STREETS), n=rng.randint(1, 90))
    way = rng.choices(
        [
            "Поштою (електронною поштою)",
            cls.RECEIVED_RECEPTION,
            "За допомогою засобів телефонного зв'язку",
            "Через уповноважену особу",
        ],
        [6, 3, 2, 1],
    )[0]
    oral = way == cls.RECEIVED_RECEPTION
    topics = [{"topic": TOPIC_OF.get(body, "Інші")}]
    if rng.random() < 0.15:
        topics.append({"topic": "Житлова політика"})
    values = {
        "applicants": authors,
        "received_way": way,
        "received_by": rng.choice(leaders) if oral and leaders else "",
        "sign": cls.SIGN_PRIMARY,
        "appeal_type": rng.choices(
            ["Заява (клопотання)", "Скарга", "Пропозиція (зауваження)"], [7, 2, 1]
        )[0],
        "subject": "Колективне" if len(authors) > 1 else "Індивідуальне",
        "form": "Усне" if oral else ("Електронне" if rng.random() < 0.3 else "Лист"),
        "summary": summary,
        "topics": topics,
        "urgent": rng.random() < 0.2,
    }
    return values, body


def _leaders(ctx: DemoContext) -> list[str]:
    """The mayor and the deputies who hold personal reception (31.5), by short name."""
    from sqlalchemy import select

    from app.services.field_storage import staff_short
    from db.models import Staff

    ids = ctx.staff.get("", [])[:3]
    with ctx.db.read() as s:
        rows = s.execute(select(Staff).where(Staff.id.in_(ids))).scalars()
        return [staff_short(r) for r in rows]


def _result(ctx: DemoContext, day: date, due: date, late: bool) -> tuple[str, date] | None:
    """The result and its date: within the term mostly, a few late; none for the last weeks."""
    rng = ctx.rng
    if day > ctx.end - timedelta(days=12):
        return None  # received in the last days: still under consideration
    if late:
        answered = due + timedelta(days=rng.randint(1, 10))
    else:
        answered = day + timedelta(days=rng.randint(3, max(3, (due - day).days)))
    if answered > ctx.end:
        return None
    return _weighted(rng, tuple(RESULTS)), answered


#: How many of each register are extended (each extension is a transaction of its own).
EXTENDED = 6


def fill_appeals(ctx: DemoContext) -> None:
    """All appeals in one transaction with their final classification, repeats and results
    (a few hundred in a second or two); a handful then extended and answered after that."""
    rng, cal = ctx.rng, ctx.calendar
    scale = max(ctx.documents_count, 1) / 3000
    count = max(20, int(APPEALS_PER_YEAR * ctx.years * scale))
    ctx.say(f"Звернення громадян: {count}…")
    leaders = _leaders(ctx)
    people: list[tuple[date, list[dict[str, str]]]] = []
    days = working_days(cal, ctx.start, ctx.end)
    for number in range(count if days else 0):
        day = rng.choice(days[-8:] if number < 3 else days)  # a few still under consideration
        if day is not None:
            many = rng.random() < 0.07 or number % 20 == 5  # a collective appeal
            people.append((day, [_person(rng) for _ in range(3 if many else 1)]))
    people.sort(key=lambda x: x[0])
    items: list[tuple[date, dict[str, Any]]] = []
    bodies: list[str] = []
    seq: dict[int, int] = {}
    numbers: list[str] = []
    planned: list[int] = []
    late = repeats = 0
    for day, authors in people:
        values, body = _appeal(ctx, authors, leaders)
        bodies.append(body)
        # An author who wrote before (one of the last few), on the same topic.
        if items and (rng.random() < 0.08 or len(items) % 15 == 7):
            index = rng.randrange(max(0, len(items) - 10), len(items))
            before_day, before = items[index]
            if (day - before_day).days <= 300:
                values.update(
                    applicants=before["applicants"][:1],
                    topics=before["topics"],
                    subject="Індивідуальне",
                    sign="Повторне",
                    decision="Розглядати по суті",
                    earlier=f"{numbers[index]} від {before_day:%d.%m.%Y}",
                )
                repeats += 1
        seq[day.year] = seq.get(day.year, 0) + 1
        numbers.append(str(seq[day.year]))
        due = APPEALS.term.default_term(day, bool(values["urgent"]), cal)
        assert due is not None
        to_extend = (
            len(planned) < EXTENDED
            and not values["urgent"]
            and day < ctx.end - timedelta(days=50)
            and (rng.random() < 0.1 or len(items) % 16 == 9)
        )
        if to_extend:  # extended with an interim reply, answered after registration
            planned.append(len(items))
            items.append((day, values))
            continue
        outcome = _result(ctx, day, due, rng.random() < 0.08 or len(items) % 12 == 3)
        if outcome is not None:
            values.update(result=outcome[0], result_date=outcome[1])
            late += outcome[1] > due
            if outcome[0] == cls.RESULT_FORWARDED:
                values.update(
                    forwarded_to="Головне управління Пенсійного фонду України",
                    forwarded_date=day + timedelta(days=rng.randint(1, 6)),
                )
        items.append((day, values))
    registered = documents.register_many(
        ctx.db,
        APPEALS,
        [documents.Registration(APPEALS.parse(v), d) for d, v in items],
        ctx.user,
    )
    considered = [
        (r.id, d, body) for r, (d, _v), body in zip(registered, items, bodies, strict=True)
    ]
    _resolutions(ctx, considered, APPEAL_TASKS)
    for index in planned:
        day, values = items[index]
        due = APPEALS.term.default_term(day, False, cal)
        assert due is not None
        longer = day + timedelta(days=44)
        doc_id = registered[index].id
        reason = "Потрібне додаткове вивчення питання"
        control.extend_term(
            ctx.db, doc_id, longer, reason, today=due - timedelta(days=3), user=ctx.user
        )
        answered = min(ctx.end, longer - timedelta(days=rng.randint(0, 5)))
        _answer(ctx, doc_id, APPEALS, {"result": "Вирішено позитивно", "result_date": answered})
    extended = len(planned)
    ctx.counts.update(
        appeals=len(registered),
        appeals_repeated=repeats,
        appeals_extended=extended,
        appeals_late=late,
    )


#: What the mayor or a deputy writes on an appeal and on a request (the law's term: none given).
APPEAL_TASKS = (
    "Розглянути, вжити заходів, заявнику надати відповідь",
    "Розглянути та дати роз'яснення заявнику",
    "Вивчити питання, про результати поінформувати заявника",
)
REQUEST_TASKS = ("Підготувати та надати запитувачу інформацію",)


def _resolutions(
    ctx: DemoContext, considered: list[tuple[int, date, str]], tasks: tuple[str, ...]
) -> None:
    """Every appeal (request) gets a resolution of the mayor or a deputy naming the official
    who considers it — the head of the body whose business it is (by `body`, an index code),
    else any body's head; in one session, as the incoming letters' resolutions are."""
    from sqlalchemy import select

    from db.models import Document, Resolution, ResolutionExecutor

    rng, cal = ctx.rng, ctx.calendar
    authors = ctx.staff.get("", [])[:3]
    heads = {code: ids[0] for code, ids in ctx.staff.items() if code and ids}
    if not heads:
        return
    ids = [doc_id for doc_id, _day, _body in considered]
    with ctx.db.write() as s:
        docs = {d.id: d for d in s.execute(select(Document).where(Document.id.in_(ids))).scalars()}
        for doc_id, day, body in considered:
            executor = heads.get(body) or rng.choice(list(heads.values()))
            res = Resolution(
                document_id=doc_id,
                author_id=rng.choice(authors) if authors else None,
                task=rng.choice(tasks),
                resolution_date=min(ctx.end, cal.next_working_day(day + timedelta(days=1))),
                changed_by=ctx.login,
            )
            res.executors = [ResolutionExecutor(position=0, staff_id=executor)]
            s.add(res)
            control.set_lead_executor(s, docs[doc_id], executor)


def _answer(ctx: DemoContext, doc_id: int, spec: Any, changes: dict[str, Any]) -> None:
    doc = load_document(ctx.db, doc_id)  # the demo works as its user: no «opened» entry
    values = {**doc.values, **changes}
    documents.update_document(ctx.db, spec, doc_id, spec.parse(values), doc.version, ctx.user)


def fill_requests(ctx: DemoContext) -> None:
    rng, cal = ctx.rng, ctx.calendar
    count = max(6, int(REQUESTS_PER_YEAR * ctx.years * max(ctx.documents_count, 1) / 3000))
    ctx.say(f"Запити на публічну інформацію: {count}…")
    items = []
    days = working_days(cal, ctx.start, ctx.end)
    for _ in range(count if days else 0):
        day = rng.choice(days)
        person = rng.random() < 0.5
        requester = (
            " ".join(_person(rng)[k] for k in ("surname", "given_name", "patronymic"))
            if person
            else rng.choice(REQUESTERS)
        )
        values: dict[str, Any] = {
            "requester": requester,
            "requester_kind": "Фізична особа" if person else "Юридична особа",
            "requester_email": f"zapyt{rng.randint(10, 999)}@example.com",
            "received_way": rng.choice(("Електронною поштою", "Поштою", "Через вебсайт")),
            "summary": rng.choice(REQUEST_SUMMARIES).format(m="березень", y=day.year),
            "answer_form": "Електронна (електронною поштою)",
            "urgent": rng.random() < 0.1,
        }
        items.append((day, values))
    items.sort(key=lambda x: x[0])
    extend_at = set(rng.sample(range(len(items)), min(EXTENDED, len(items) // 3)))
    for number, (day, values) in enumerate(items):
        due = INFO_REQUESTS.term.default_term(day, bool(values["urgent"]), cal)
        assert due is not None
        answered = cal.add_working_days(day, rng.randint(2, 6))
        if number not in extend_at and answered <= ctx.end:
            values.update(result="Інформацію надано", result_date=answered)
            if rng.random() < 0.3:
                values["pages"] = rng.randint(3, 40)
    registered = documents.register_many(
        ctx.db,
        INFO_REQUESTS,
        [documents.Registration(INFO_REQUESTS.parse(v), d) for d, v in items],
        ctx.user,
    )
    # Requests go to the general department, which keeps the public information (01-12).
    _resolutions(ctx, [(r.id, d, "01-12") for r, (d, _v) in zip(registered, items, strict=True)],
                 REQUEST_TASKS)  # fmt: skip
    for number in sorted(extend_at):
        day, values = items[number]
        if values["urgent"]:
            continue
        doc_id = registered[number].id
        due = INFO_REQUESTS.term.default_term(day, False, cal)
        assert due is not None
        control.extend_term(
            ctx.db,
            doc_id,
            cal.add_working_days(day, 15),
            "Великий обсяг інформації",
            today=min(ctx.end, due),
            user=ctx.user,
        )
        notice = cal.add_working_days(day, rng.choice((2, 4, 7)))  # 7: told too late
        changes: dict[str, Any] = {"notice_date": min(notice, ctx.end)}
        answered = cal.add_working_days(day, rng.randint(10, 15))
        if answered <= ctx.end:
            changes.update(result="Інформацію надано", result_date=answered, pages=25)
        _answer(ctx, doc_id, INFO_REQUESTS, changes)
    ctx.counts["info_requests"] = len(registered)


def _overdue(ctx: DemoContext, register: str) -> int:
    """Open documents of `register` whose term passed before the demo's today."""
    from sqlalchemy import func, select

    from db.models import Document

    stmt = select(func.count()).where(
        Document.register == register,
        Document.on_control.is_(True),
        Document.done_date.is_(None),
        Document.due_date < ctx.end,
    )
    with ctx.db.read() as s:
        return int(s.execute(stmt).scalar_one())


def fill(ctx: DemoContext) -> None:
    fill_appeals(ctx)
    fill_requests(ctx)
    for register in ("appeals", "info_requests"):
        ctx.counts[f"{register}.overdue"] = _overdue(ctx, register)
