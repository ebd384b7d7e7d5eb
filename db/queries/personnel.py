"""Queries over personnel files: the register's rows (filtered, sorted, paged in SQL), a file's
history, and the counts of the HR report over a period.

Query functions take a Session and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from db.models import Department, Document, PersonnelEvent, PersonnelFile, PriorService, Staff

ROW = (
    Staff.id,
    PersonnelFile.personnel_number,
    PersonnelFile.category,
    PersonnelFile.rank,
    PersonnelFile.hired_date,
    PersonnelFile.dismissed_date,
    Staff.surname,
    Staff.given_name,
    Staff.patronymic,
    Staff.gender,
    Staff.position,
    Staff.phone,
    Staff.active,
    Staff.department_id,
    Department.name.label("department_name"),
)
SORTS: dict[str, tuple[Any, ...]] = {
    "name": (Staff.sort_key, Staff.id),
    "number": (PersonnelFile.personnel_number, Staff.id),
    "position": (Staff.position, Staff.id),
    "department": (Department.name, Staff.sort_key, Staff.id),
    "category": (PersonnelFile.category, Staff.sort_key, Staff.id),
    "hired": (PersonnelFile.hired_date, Staff.id),
}


@dataclass(frozen=True)
class FileFilter:
    department_id: int | None = None
    active: bool | None = None
    words: tuple[str, ...] = ()  # sort keys of the typed words (name) or a personnel number


def _conditions(flt: FileFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if flt.department_id is not None:
        cond.append(Staff.department_id == flt.department_id)
    if flt.active is not None:
        cond.append(Staff.active.is_(flt.active))
    for word in flt.words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cond.append(
            or_(
                Staff.sort_key.like(f"%{escaped}%", escape="\\"),
                PersonnelFile.personnel_number == word,
            )
        )
    return cond


def _base(*columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(Staff)
        .outerjoin(PersonnelFile, PersonnelFile.staff_id == Staff.id)
        .outerjoin(Department, Department.id == Staff.department_id)
    )


def _order(sort: str, descending: bool) -> list[Any]:
    keys = SORTS.get(sort, SORTS["name"])
    return [k.desc() if descending else k.asc() for k in keys]


def count(s: Session, flt: FileFilter) -> int:
    return int(s.execute(_base(func.count()).where(*_conditions(flt))).scalar_one())


def page(
    s: Session, flt: FileFilter, sort: str, descending: bool, offset: int, limit: int | None
) -> list[Any]:
    stmt = _base(*ROW).where(*_conditions(flt)).order_by(*_order(sort, descending))
    return list(s.execute(stmt.offset(offset).limit(limit)).all())


def ids(s: Session, flt: FileFilter, sort: str, descending: bool) -> list[int]:
    stmt = _base(Staff.id).where(*_conditions(flt)).order_by(*_order(sort, descending))
    return list(s.execute(stmt).scalars())


def rows_by_ids(s: Session, wanted: Sequence[int]) -> list[Any]:
    if not wanted:
        return []
    stmt = _base(*ROW).where(Staff.id.in_(list(wanted)))
    found = {r.id: r for r in s.execute(stmt)}
    return [found[i] for i in wanted if i in found]


def events_of(s: Session, staff_id: int) -> list[PersonnelEvent]:
    stmt = (
        select(PersonnelEvent)
        .where(PersonnelEvent.staff_id == staff_id)
        .order_by(PersonnelEvent.event_date, PersonnelEvent.id)
    )
    return list(s.execute(stmt).scalars())


def prior_of(s: Session, staff_id: int) -> list[PriorService]:
    stmt = (
        select(PriorService)
        .where(PriorService.staff_id == staff_id)
        .order_by(PriorService.date_from, PriorService.id)
    )
    return list(s.execute(stmt).scalars())


def event_counts(s: Session, date_from: date, date_to: date) -> list[Any]:
    """(kind, detail, amount, events, persons) of the events dated within the period."""
    stmt = (
        select(
            PersonnelEvent.kind,
            PersonnelEvent.detail,
            PersonnelEvent.amount,
            func.count(),
            func.count(func.distinct(PersonnelEvent.staff_id)),
        )
        .where(PersonnelEvent.event_date.between(date_from, date_to))
        .group_by(PersonnelEvent.kind, PersonnelEvent.detail, PersonnelEvent.amount)
    )
    return list(s.execute(stmt).all())


def event_rows(
    s: Session, date_from: date, date_to: date, kinds: Sequence[str], details: Sequence[str] = ()
) -> list[Any]:
    """The events behind a figure of the report: the person, the event and its order."""
    stmt = (
        select(
            PersonnelEvent.id,
            PersonnelEvent.staff_id,
            PersonnelEvent.kind,
            PersonnelEvent.event_date,
            PersonnelEvent.detail,
            PersonnelEvent.amount,
            PersonnelEvent.order_number,
            Staff.surname,
            Staff.given_name,
            Staff.patronymic,
        )
        .join(Staff, Staff.id == PersonnelEvent.staff_id)
        .where(PersonnelEvent.event_date.between(date_from, date_to))
        .where(PersonnelEvent.kind.in_(list(kinds)))
        .order_by(PersonnelEvent.event_date, PersonnelEvent.id)
    )
    if details:
        stmt = stmt.where(PersonnelEvent.detail.in_(list(details)))
    return list(s.execute(stmt).all())


def order_counts(
    s: Session, register: str, date_from: date, date_to: date, series: str | None = None
) -> list[Any]:
    """(kind, count) of a register's documents (not cancelled) dated within the period."""
    stmt = (
        select(Document.kind, func.count())
        .where(Document.register == register, Document.reg_date.between(date_from, date_to))
        .where(Document.cancelled.is_(False))
        .group_by(Document.kind)
    )
    if series is not None:
        stmt = stmt.where(Document.series == series)
    return list(s.execute(stmt).all())


def find_order(s: Session, number: str, year: int | None) -> Any:
    """A personnel order by its number as typed («12-к», «12») in a year (None: any)."""
    stmt = select(Document.id, Document.reg_number, Document.reg_date).where(
        Document.register == "orders", Document.series == "personnel"
    )
    text = number.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.isdigit() or (digits and text.rstrip("-кk ").isdigit()):
        stmt = stmt.where(Document.seq == int(digits), Document.sub == "")
    else:
        stmt = stmt.where(Document.reg_number == text)
    if year is not None:
        stmt = stmt.where(Document.year == year)
    return s.execute(stmt.order_by(Document.year.desc()).limit(1)).first()


def department_ids(s: Session) -> dict[str, int]:
    return {name: i for i, name in s.execute(select(Department.id, Department.name))}


def in_service_during(s: Session, date_from: date, date_to: date) -> list[Any]:
    """The people whose file shows them in service at some time of the period (hired by its
    end, not dismissed before its start), by department and name."""
    stmt = (
        _base(*ROW)
        .where(PersonnelFile.hired_date.is_not(None), PersonnelFile.hired_date <= date_to)
        .where(
            or_(PersonnelFile.dismissed_date.is_(None), PersonnelFile.dismissed_date >= date_from)
        )
        .order_by(Department.name, Staff.sort_key, Staff.id)
    )
    return list(s.execute(stmt).all())


def events_between(
    s: Session, date_from: date, date_to: date, kind: str, details: Sequence[str]
) -> list[PersonnelEvent]:
    """Events of `kind` (with a detail among `details`) that start within the period."""
    stmt = (
        select(PersonnelEvent)
        .where(PersonnelEvent.kind == kind, PersonnelEvent.detail.in_(list(details)))
        .where(PersonnelEvent.event_date.between(date_from, date_to))
        .order_by(PersonnelEvent.staff_id, PersonnelEvent.event_date, PersonnelEvent.id)
    )
    return list(s.execute(stmt).scalars())
