"""Demo data: a living executive committee for a newcomer, a demonstration or a benchmark.

`fill_demo` writes an organisation, its executive bodies with index codes, staff of both
genders, correspondents a city council really hears from, a nomenclature of cases for each year,
and a few thousand incoming documents over the last years (relative to today) with resolutions,
control terms, extensions and removals — so every register state (on control, due soon,
overdue, done, done late) is there to look at — and outgoing letters (demo_outgoing.py).

It goes through the same rules as a clerk: documents are registered by `register_many` (numbers
from the register's counter, search text, correspondents), in batches of one transaction each;
resolutions and control are written in one session with the control service's own helpers
(the lead executor is the first executor; `control.set_lead_executor` sets the denormalised
executor columns) and terms come from `default_term` / `adjust_term` on the database's
working calendar.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.deadlines import ControlState, ControlThresholds, adjust_term, default_term
from app.domain.roles import (
    CORRESPONDENTS_WRITE,
    REFERENCE_WRITE,
    SETTINGS_WRITE,
    Actor,
    actor_of,
    write,
)
from app.registers import INCOMING
from app.services import control, documents
from app.services.calendar import load_calendar
from app.services.demo_data import (
    CITIZEN_SUMMARIES,
    COMPANIES,
    COMPANY_SUMMARIES,
    COUNCIL_SUMMARIES,
    COUNCILS,
    DEPARTMENTS,
    EXTENSION_REASONS,
    FEMALE_NAMES,
    GENDERED_SURNAMES,
    INFO_TASK,
    LEADERSHIP,
    MALE_NAMES,
    ORGANISATION,
    PATRONYMICS,
    PROGRESS_NOTES,
    PROSECUTOR_TEMPLATES,
    PROSECUTORS,
    SPECIALIST_POSITIONS,
    STATE_BODIES,
    STATE_TEMPLATES,
    STREETS,
    SURNAMES,
    TASKS,
    TOPICS,
)
from app.services.demo_outgoing import fill_outgoing
from app.services.organisation import get_organisation, save_organisation
from app.services.reference import (
    CaseFileInfo,
    CorrespondentInfo,
    DepartmentInfo,
    StaffInfo,
    save_case_file,
    save_correspondent,
    save_department,
    save_staff,
)
from db.models import (
    CaseFile,
    Correspondent,
    Department,
    Document,
    Resolution,
    ResolutionExecutor,
    Staff,
)
from db.session import Database

USER = "demo"
BATCH = 500


class DemoError(ValueError):
    """Demo data cannot be written here; a Ukrainian message."""


@dataclass(frozen=True)
class DemoResult:
    departments: int
    staff: int
    correspondents: int
    case_files: int
    documents: int
    on_control: int
    overdue: int
    due_soon: int
    done_late: int
    date_from: date
    date_to: date
    seconds: float
    outgoing: int = 0


@dataclass
class _Plan:
    """One document to register, and what happens to it afterwards."""

    day: date
    values: dict
    department: str  # index code of the lead executor's body
    kind_of_sender: str
    doc_id: int = 0


Progress = Callable[[str], None]


#: What filling the demo needs: it registers documents and writes every reference list.
NEEDED = (
    write(INCOMING.code),
    write("outgoing"),
    REFERENCE_WRITE,
    CORRESPONDENTS_WRITE,
    SETTINGS_WRITE,
)


def fill_demo(
    db: Database,
    documents_count: int = 3000,
    years: int = 2,
    seed: int | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    user: str | Actor = USER,
) -> DemoResult:
    """Fill an empty `db` with demo data, as `user` (who needs every right in NEEDED; the audit
    trail names him). A database that has registered documents is refused: demo letters must
    never mix with a real register."""
    who = actor_of(user)
    for permission in NEEDED:
        who.require(permission)
    if documents_count < 0:
        raise DemoError("Кількість документів не може бути від'ємною")
    if not 1 <= years <= 10:
        raise DemoError("Кількість років — від 1 до 10")
    started = time.perf_counter()
    say = progress or (lambda _text: None)
    with db.read() as s:
        existing = s.execute(select(func.count()).select_from(Document)).scalar_one()
    if existing:
        raise DemoError(
            f"У базі даних уже є зареєстровані документи ({existing}): демонстраційні дані "
            "додаються лише до порожньої бази, щоб не змішатися зі справжніми реєстрами. "
            "Створіть нову базу (python -m app --db НОВИЙ_ФАЙЛ init) і заповніть її."
        )
    rng = random.Random(seed)
    end = today or date.today()
    start = end - timedelta(days=365 * years - 1)
    calendar = load_calendar(db)

    if get_organisation(db) is None:
        save_organisation(db, ORGANISATION, who)
    say("Довідники: виконавчі органи, працівники, кореспонденти, номенклатура справ…")
    departments = _departments(db, who)
    staff = _staff(db, rng, departments, who)
    correspondents = _correspondents(db, rng, who)
    cases = _case_files(db, departments, range(start.year, end.year + 1), who)

    plans = _plan_documents(rng, calendar, start, end, documents_count, correspondents)
    for offset in range(0, len(plans), BATCH):
        batch = plans[offset : offset + BATCH]
        registered = documents.register_many(
            db, INCOMING, [documents.Registration(p.values, p.day) for p in batch], user=who
        )
        for plan, reg in zip(batch, registered, strict=True):
            plan.doc_id = reg.id
        say(f"Зареєстровано документів: {offset + len(batch)} з {len(plans)}")
    counts = _resolutions_and_control(db, rng, calendar, end, plans, staff)
    say("Вихідна кореспонденція…")
    outgoing = fill_outgoing(
        db, rng, calendar, start, end, documents_count // 3, correspondents, staff, who
    )
    return DemoResult(
        outgoing=outgoing,
        departments=len(departments),
        staff=sum(len(v) for v in staff.values()),
        correspondents=len(correspondents),
        case_files=cases,
        documents=len(plans),
        date_from=start,
        date_to=end,
        seconds=time.perf_counter() - started,
        **counts,
    )


# --- reference data ------------------------------------------------------------------------


def _departments(db: Database, who: Actor) -> dict[str, int]:
    """Index code → department id; existing bodies with the same code are reused."""
    with db.read() as s:
        found = {code: i for i, code in s.execute(select(Department.id, Department.index_code))}
    for code, name in DEPARTMENTS:
        if code not in found:
            found[code] = save_department(db, DepartmentInfo(None, name, code), who).id or 0
    return {code: found[code] for code, _ in DEPARTMENTS}


def _person(rng: random.Random, used: set[tuple[str, str]]) -> tuple[str, str, str, str]:
    while True:
        gender = rng.choice("mf")
        if rng.random() < 0.2:
            male, female = rng.choice(GENDERED_SURNAMES)
            surname = male if gender == "m" else female
        else:
            surname = rng.choice(SURNAMES)
        given = rng.choice(MALE_NAMES if gender == "m" else FEMALE_NAMES)
        male_pat, female_pat = PATRONYMICS[rng.choice(tuple(PATRONYMICS))]
        if (surname, given) not in used:
            used.add((surname, given))
            return surname, given, male_pat if gender == "m" else female_pat, gender


def _staff(
    db: Database, rng: random.Random, departments: dict[str, int], who: Actor
) -> dict[str, list[int]]:
    """Staff ids by department code ("" for the leadership, the mayor first); the head of each
    body first. Reuses people already in the database under the same body."""
    with db.read() as s:
        rows = s.execute(
            select(Staff.id, Staff.department_id, Staff.surname, Staff.given_name)
            .where(Staff.active.is_(True))
            .order_by(Staff.id)
        ).all()
    code_of = {dept_id: code for code, dept_id in departments.items()}
    by_code: dict[str, list[int]] = {}
    used = set()
    for staff_id, dept_id, surname, given in rows:
        by_code.setdefault(code_of.get(dept_id, "") if dept_id else "", []).append(staff_id)
        used.add((surname, given))
    if not by_code.get(""):
        by_code[""] = []
        for surname, given, patronymic, gender, position in LEADERSHIP:
            used.add((surname, given))
            info = StaffInfo(None, surname, given, patronymic, gender, position)
            by_code[""].append(save_staff(db, info, who).id or 0)
    for i, (code, name) in enumerate(DEPARTMENTS):
        if by_code.get(code):
            continue
        head = "Начальник управління" if name.startswith("Управління") else "Начальник відділу"
        if name.startswith(("Служба", "Центр")):
            head = "Начальник служби" if name.startswith("Служба") else "Начальник центру"
        positions = [head, *rng.sample(SPECIALIST_POSITIONS, 1 if i % 3 else 2)]
        by_code[code] = []
        for position in positions:
            surname, given, patronymic, gender = _person(rng, used)
            info = StaffInfo(
                None,
                surname,
                given,
                patronymic,
                gender,
                position,
                departments[code],
                phone=f"(03840) {rng.randint(2, 9)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            )
            by_code[code].append(save_staff(db, info, who).id or 0)
    return by_code


def _correspondents(db: Database, rng: random.Random, who: Actor) -> list[tuple[str, str]]:
    """(name, kind of sender) for every correspondent; existing ones are kept as they are."""
    wanted = [(n, "state") for n in STATE_BODIES]
    wanted += [(n, "prosecutor") for n in PROSECUTORS]
    wanted += [(n, "council") for n in COUNCILS]
    wanted += [(n, "company") for n in COMPANIES]
    used: set[tuple[str, str]] = set()
    citizens = []
    for _ in range(55):
        surname, given, patronymic, _gender = _person(rng, used)
        address = f"{rng.choice(STREETS)}, {rng.randint(1, 120)}, м. Шепетівка"
        citizens.append((f"{surname} {given} {patronymic}", address))
    wanted += [(n, "citizen") for n, _ in citizens]
    addresses = dict(citizens)
    with db.read() as s:
        existing = set(s.execute(select(Correspondent.name)).scalars())
    for name, _kind in wanted:
        if name not in existing:
            info = CorrespondentInfo(None, name, address=addresses.get(name, ""))
            save_correspondent(db, info, who)
    return wanted


def _case_files(db: Database, departments: dict[str, int], years: range, who: Actor) -> int:
    """Each body's cases for each year: its correspondence (the index the numbers carry), its
    orders' copies and its reports."""
    titles = (
        "Листування з органами державної влади та іншими установами з основної діяльності",
        "Копії розпоряджень міського голови з основної діяльності",
        "Звіти, інформації про виконання документів, що перебувають на контролі",
    )
    retentions = ("5 р. ЕПК", "Доки не мине потреба", "5 р.")
    with db.read() as s:
        have = {(y, i) for y, i in s.execute(select(CaseFile.year, CaseFile.index))}
    created = 0
    for year in years:
        for code, dept_id in departments.items():
            prefix, _, number = code.partition("-")
            for k, (title, retention) in enumerate(zip(titles, retentions, strict=True)):
                index = code if k == 0 else f"{prefix}-{int(number) + k:02d}"
                if (year, index) in have:
                    continue
                info = CaseFileInfo(None, index, title, retention, year, dept_id)
                save_case_file(db, info, who)
                created += 1
    return created


# --- documents -----------------------------------------------------------------------------


def _working_days(calendar: WorkingCalendar, start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if calendar.is_working_day(d):
            days.append(d)
        d += timedelta(days=1)
    return days


def _plan_documents(
    rng: random.Random,
    calendar: WorkingCalendar,
    start: date,
    end: date,
    count: int,
    correspondents: list[tuple[str, str]],
) -> list[_Plan]:
    days = _working_days(calendar, start, end)
    if not days:
        raise DemoError("У вибраному періоді немає робочих днів")
    # Mail is heavier early in the week and lighter in summer: weights keep the journal lively.
    weights = [
        (1.3 if d.weekday() == 0 else 1.0) * (0.7 if d.month in (7, 8) else 1.0) for d in days
    ]
    chosen = rng.choices(days, weights=weights, k=count)
    recent = days[-10:]
    for i in range(min(count, max(3, count // 60))):  # a few fresh ones: terms that are near
        chosen[i] = rng.choice(recent)
    chosen.sort()
    senders = {kind: [n for n, k in correspondents if k == kind] for _, kind in correspondents}
    kinds_of_sender = ("state", "prosecutor", "council", "company", "citizen")
    sender_weights = (0.45, 0.06, 0.12, 0.15, 0.22)
    plans = []
    for day in chosen:
        sender_kind = rng.choices(kinds_of_sender, weights=sender_weights)[0]
        name = rng.choice(senders[sender_kind])
        summary, dept, kind = _summary(rng, sender_kind)
        urgent = kind in ("Телефонограма", "Доручення") or rng.random() < 0.03
        ext_date = calendar.previous_working_day(day - timedelta(days=rng.randint(0, 6)))
        raw = {
            "correspondent": name,
            "ext_number": _ext_number(rng, sender_kind, day),
            "ext_date": ext_date if sender_kind != "citizen" else None,
            "kind": kind,
            "summary": summary,
            "sheets": rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 7, 12)),
            "case_index": dept,
            "urgent": urgent,
            "notes": "Надійшло електронною поштою" if kind == "Електронний лист" else "",
        }
        plans.append(_Plan(day, INCOMING.parse(raw), dept, sender_kind))
    return plans


def _summary(rng: random.Random, sender_kind: str) -> tuple[str, str, str]:
    """(summary, index code of the body that answers, kind of document)."""
    street = rng.choice(STREETS)
    if sender_kind == "state":
        topic, dept = rng.choice(TOPICS)
        kind = rng.choices(
            ("Лист", "Електронний лист", "Доручення", "Запит", "Телефонограма", "Розпорядження"),
            weights=(55, 15, 10, 10, 5, 5),
        )[0]
        return rng.choice(STATE_TEMPLATES).format(t=topic), dept, kind
    if sender_kind == "prosecutor":
        topic, _dept = rng.choice(TOPICS)
        kind = rng.choice(("Запит", "Лист", "Подання", "Протест прокурора"))
        if kind == "Протест прокурора":
            summary = f"Протест на рішення виконавчого комітету № {rng.randint(10, 400)}"
            return summary, "02-05", kind
        return rng.choice(PROSECUTOR_TEMPLATES).format(t=topic), "02-05", kind
    if sender_kind == "council":
        summary, dept = rng.choice(COUNCIL_SUMMARIES)
        return summary, dept, "Лист"
    if sender_kind == "company":
        summary, dept = rng.choice(COMPANY_SUMMARIES)
        kind = rng.choice(("Лист", "Лист", "Клопотання", "Електронний лист"))
        return summary.format(s=street), dept, kind
    summary, dept = rng.choice(CITIZEN_SUMMARIES)
    if rng.random() < 0.08:
        topic, dept = rng.choice(TOPICS)
        return f"Запит на інформацію щодо {topic}", "01-12", "Запит на публічну інформацію"
    return summary.format(s=street, n=rng.randint(1, 120)), dept, "Лист"


def _ext_number(rng: random.Random, sender_kind: str, day: date) -> str:
    if sender_kind == "citizen":
        return ""
    if sender_kind == "prosecutor":
        return f"{rng.choice((15, 31, 58))}-{rng.randint(100, 9999)}вих-{day.year % 100:02d}"
    if sender_kind == "state":
        return f"{rng.randint(1, 12):02d}-{rng.randint(1, 40):02d}/{rng.randint(100, 9999)}"
    return str(rng.randint(1, 900))


# --- resolutions and control ---------------------------------------------------------------


def _forced_overdue(plans: list[_Plan], today: date, rng: random.Random) -> int | None:
    """One old document that stays open past its term, so even a tiny demo shows an overdue."""
    recent = [i for i, p in enumerate(plans) if 45 < (today - p.day).days <= 120]
    old = recent or [i for i, p in enumerate(plans) if (today - p.day).days > 45]
    return rng.choice(old) if old else None


def _resolutions_and_control(
    db: Database,
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    plans: list[_Plan],
    staff: dict[str, list[int]],
) -> dict[str, int]:
    """Resolutions for nearly every document, control for most, in one session."""
    thresholds = ControlThresholds.for_day(today, calendar)
    leaders = staff[""]
    authors = leaders[:4] + leaders[-1:]  # the mayor, the deputies, the manager of affairs
    all_staff = [i for ids in staff.values() for i in ids]
    executors_pool = [i for i in all_staff if i not in leaders]
    forced = _forced_overdue(plans, today, rng)
    # The newest document is always due within 3 working days, so even a tiny demo has one.
    soon = len(plans) - 1 if plans and (today - plans[-1].day).days <= 14 else None
    states: list[ControlState] = []
    with db.write() as s:
        # Load the people and the documents once and hold them (the identity map keeps only
        # referenced objects): set_lead_executor and the updates then cost no query per document.
        people = s.execute(select(Staff).where(Staff.id.in_(all_staff))).scalars().all()
        docs: dict[int, Document] = {}
        ids = [p.doc_id for p in plans]
        for start in range(0, len(ids), BATCH):
            stmt = select(Document).where(Document.id.in_(ids[start : start + BATCH]))
            docs.update((d.id, d) for d in s.execute(stmt).scalars())
        for i, plan in enumerate(plans):
            doc = docs[plan.doc_id]
            fresh = (today - plan.day).days <= 14
            if i != forced and not fresh and rng.random() < 0.03:
                continue  # no resolution yet: the management has not seen it
            on_control = i == forced or fresh or rng.random() < 0.78
            res_day = min(
                today, calendar.next_working_day(plan.day + timedelta(days=rng.choice((0, 0, 1))))
            )
            executors = [rng.choice(staff.get(plan.department) or executors_pool)]
            for _ in range(rng.choices((0, 1, 2), weights=(60, 30, 10))[0]):
                other = rng.choice(executors_pool)
                if other not in executors:
                    executors.append(other)
            term = (
                _explicit_term(rng, calendar, today, plan, fresh, i == soon) if on_control else None
            )
            res = Resolution(
                document_id=doc.id,
                author_id=rng.choice(authors),
                task=rng.choice(TASKS) if on_control else INFO_TASK,
                term=term,
                resolution_date=res_day,
                changed_by=USER,
            )
            res.executors = [
                ResolutionExecutor(position=n, staff_id=sid) for n, sid in enumerate(executors)
            ]
            s.add(res)
            control.set_lead_executor(s, doc, executors[0])
            if not on_control:
                continue
            due = term or default_term(doc.reg_date, doc.urgent, calendar)
            control.record_event(s, doc, "set", res_day, USER, new_term=due)
            doc.on_control, doc.due_date = True, due
            if i in (forced, soon):
                states.append(thresholds.state(due, None))
                continue
            due = _maybe_extend(s, rng, calendar, today, doc, res_day, due)
            done = _outcome(rng, calendar, today, res_day, due)
            if done is not None:
                control.record_event(
                    s, doc, "remove", done, USER, old_term=due, basis=_basis(rng, done, plan),
                    person=MANAGER,
                )  # fmt: skip
                doc.done_date = done
            states.append(thresholds.state(due, done))
        del people
    return {
        "on_control": len(states),
        "overdue": states.count(ControlState.OVERDUE),
        "due_soon": states.count(ControlState.DUE_SOON),
        "done_late": states.count(ControlState.DONE_LATE),
    }


MANAGER = "Керуючий справами виконавчого комітету Ольга КРАВЧУК"
MAYOR = "Міський голова Андрій САВЧУК"


def _explicit_term(
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    plan: _Plan,
    fresh: bool,
    due_soon: bool = False,
) -> date | None:
    """A term the resolution names; None means the default of 9.11."""
    if due_soon or (fresh and rng.random() < 0.3):  # due within the next 3 working days
        base = calendar.previous_working_day(today)
        low = 0 if base == today else 1
        return calendar.add_working_days(base, rng.randint(low, 3))
    if plan.kind_of_sender == "prosecutor" or rng.random() < 0.1:
        return adjust_term(plan.day + timedelta(days=rng.choice((5, 10, 15, 20))), calendar)
    return None


def _maybe_extend(
    s: Session,
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    doc: Document,
    res_day: date,
    due: date,
) -> date:
    """Now and then the term is extended on the executor's request (9.12), with a reason."""
    if rng.random() >= 0.07:
        return due
    asked = calendar.previous_working_day(due - timedelta(days=rng.randint(3, 7)))
    if asked < res_day or asked > today:
        return due
    new_due = adjust_term(due + timedelta(days=rng.randint(14, 30)), calendar)
    control.record_event(
        s, doc, "extend", asked, USER, old_term=due, new_term=new_due,
        text=rng.choice(EXTENSION_REASONS), person=MAYOR,
    )  # fmt: skip
    if (new_due - asked).days > 20 and asked + timedelta(days=10) <= today:
        note_day = calendar.next_working_day(asked + timedelta(days=10))
        if note_day <= today:
            control.record_event(
                s, doc, "progress", note_day, USER, text=rng.choice(PROGRESS_NOTES)
            )
    doc.due_date = new_due
    return new_due


def _random_working_day(
    rng: random.Random, calendar: WorkingCalendar, low: date, high: date
) -> date | None:
    days = _working_days(calendar, low, high)
    return rng.choice(days) if days else None


def _outcome(
    rng: random.Random, calendar: WorkingCalendar, today: date, res_day: date, due: date
) -> date | None:
    """The day of removal from control, or None while it stays on control."""
    if due < today:
        if (today - due).days <= 90 and rng.random() < 0.1:
            return None  # overdue: recent ones; older ones have been chased and closed by now
        if rng.random() < 0.1:  # done late
            late = calendar.add_working_days(due, rng.randint(1, 8))
            return late if late <= today else None
        low = max(res_day, due - timedelta(days=12))
        return _random_working_day(rng, calendar, low, due) or due
    if rng.random() < 0.3:  # done early
        return _random_working_day(rng, calendar, res_day, today - timedelta(days=1))
    return None


def _basis(rng: random.Random, done: date, plan: _Plan) -> str:
    """The document that shows the task was done (9.13): never a promise."""
    day = format_date(done)
    n = rng.randint(100, 4000)
    return rng.choice(
        (
            f"Лист-відповідь від {day} № {n}/{plan.department}",
            f"Інформацію надано листом від {day} № {n}/{plan.department}",
            f"Рішення виконавчого комітету від {day} № {rng.randint(1, 450)}",
            f"Розпорядження міського голови від {day} № {rng.randint(1, 300)}-р",
        )
    )
