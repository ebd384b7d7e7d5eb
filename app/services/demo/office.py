"""The office the demo's registers live in: the organisation, its executive bodies with index
codes, staff of both genders, the correspondents a city council really hears from, and a
nomenclature of cases for each year. Whatever is already in the database is reused, not doubled.
"""

from __future__ import annotations

import random

from sqlalchemy import select

from app.domain.roles import Actor
from app.services.demo.context import DemoContext
from app.services.demo.data import (
    COMPANIES,
    COUNCILS,
    DEPARTMENTS,
    FEMALE_NAMES,
    GENDERED_SURNAMES,
    LEADERSHIP,
    MALE_NAMES,
    ORGANISATION,
    PATRONYMICS,
    PROSECUTORS,
    SPECIALIST_POSITIONS,
    STATE_BODIES,
    STREETS,
    SURNAMES,
)
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
from db.models import CaseFile, Correspondent, Department, Staff
from db.session import Database


def setup(ctx: DemoContext) -> None:
    """Write (or find) the organisation and its reference lists, and keep them in `ctx`."""
    db = ctx.db
    if get_organisation(db) is None:
        save_organisation(db, ORGANISATION, ctx.user)
    ctx.say("Довідники: виконавчі органи, працівники, кореспонденти, номенклатура справ…")
    ctx.departments = _departments(db, ctx.user)
    ctx.staff = _staff(db, ctx.rng, ctx.departments, ctx.user)
    ctx.correspondents = _correspondents(db, ctx.rng, ctx.user)
    years = range(ctx.start.year, ctx.end.year + 1)
    ctx.case_files = _case_files(db, ctx.departments, years, ctx.user)


def _departments(db: Database, user: str | Actor) -> dict[str, int]:
    """Index code → department id; existing bodies with the same code are reused."""
    with db.read() as s:
        found = {code: i for i, code in s.execute(select(Department.id, Department.index_code))}
    for code, name in DEPARTMENTS:
        if code not in found:
            found[code] = save_department(db, DepartmentInfo(None, name, code), user).id or 0
    return {code: found[code] for code, _ in DEPARTMENTS}


def person(rng: random.Random, used: set[tuple[str, str]]) -> tuple[str, str, str, str]:
    """(surname, given name, patronymic, gender) of someone not yet in `used`."""
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
    db: Database, rng: random.Random, departments: dict[str, int], user: str | Actor
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
            by_code[""].append(save_staff(db, info, user).id or 0)
    for i, (code, name) in enumerate(DEPARTMENTS):
        if by_code.get(code):
            continue
        head = "Начальник управління" if name.startswith("Управління") else "Начальник відділу"
        if name.startswith(("Служба", "Центр")):
            head = "Начальник служби" if name.startswith("Служба") else "Начальник центру"
        positions = [head, *rng.sample(SPECIALIST_POSITIONS, 1 if i % 3 else 2)]
        by_code[code] = []
        for position in positions:
            surname, given, patronymic, gender = person(rng, used)
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
            by_code[code].append(save_staff(db, info, user).id or 0)
    return by_code


def _correspondents(db: Database, rng: random.Random, user: str | Actor) -> list[tuple[str, str]]:
    """(name, kind of sender) for every correspondent; existing ones are kept as they are."""
    wanted = [(n, "state") for n in STATE_BODIES]
    wanted += [(n, "prosecutor") for n in PROSECUTORS]
    wanted += [(n, "council") for n in COUNCILS]
    wanted += [(n, "company") for n in COMPANIES]
    used: set[tuple[str, str]] = set()
    citizens = []
    for _ in range(55):
        surname, given, patronymic, _gender = person(rng, used)
        address = f"{rng.choice(STREETS)}, {rng.randint(1, 120)}, м. Шепетівка"
        citizens.append((f"{surname} {given} {patronymic}", address))
    wanted += [(n, "citizen") for n, _ in citizens]
    addresses = dict(citizens)
    with db.read() as s:
        existing = set(s.execute(select(Correspondent.name)).scalars())
    for name, _kind in wanted:
        if name not in existing:
            info = CorrespondentInfo(None, name, address=addresses.get(name, ""))
            save_correspondent(db, info, user)
    return wanted


def _case_files(db: Database, departments: dict[str, int], years: range, user: str | Actor) -> int:
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
                save_case_file(db, info, user)
                created += 1
    return created
