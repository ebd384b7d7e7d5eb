"""Queries over the staff list as a register: filtering, sorting and paging in SQL.

Query functions take a Session and never commit. Search matches the Ukrainian sort key
(`uk_sort_key`, computed by the caller for the typed words), which folds Cyrillic case and
apostrophes as SQLite's own lower()/LIKE do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from db.models import Department, Staff

ROW = (
    Staff.id,
    Staff.surname,
    Staff.given_name,
    Staff.patronymic,
    Staff.position,
    Staff.phone,
    Staff.active,
    Staff.department_id,
    Department.name.label("department_name"),
)
SORTS: dict[str, tuple[Any, ...]] = {
    "name": (Staff.sort_key, Staff.id),
    "position": (Staff.position, Staff.id),
    "department": (Department.name, Staff.sort_key, Staff.id),
}


@dataclass(frozen=True)
class StaffFilter:
    department_id: int | None = None
    active: bool | None = None
    # The typed words as sort keys: every one must occur in the name or the position.
    words: tuple[str, ...] = ()


def _conditions(flt: StaffFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if flt.department_id is not None:
        cond.append(Staff.department_id == flt.department_id)
    if flt.active is not None:
        cond.append(Staff.active.is_(flt.active))
    for word in flt.words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cond.append(Staff.sort_key.like(f"%{escaped}%", escape="\\"))
    return cond


def _base(*columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(Staff)
        .outerjoin(Department, Department.id == Staff.department_id)
    )


def count(s: Session, flt: StaffFilter) -> int:
    return int(s.execute(_base(func.count()).where(*_conditions(flt))).scalar_one())


def page(
    s: Session, flt: StaffFilter, sort: str, descending: bool, offset: int, limit: int | None
) -> list[Any]:
    keys = SORTS.get(sort, SORTS["name"])
    order = [k.desc() if descending else k.asc() for k in keys]
    stmt = _base(*ROW).where(*_conditions(flt)).order_by(*order).offset(offset).limit(limit)
    return list(s.execute(stmt).all())


def ids(s: Session, flt: StaffFilter, sort: str, descending: bool) -> list[int]:
    keys = SORTS.get(sort, SORTS["name"])
    order = [k.desc() if descending else k.asc() for k in keys]
    return list(s.execute(_base(Staff.id).where(*_conditions(flt)).order_by(*order)).scalars())


def rows_by_ids(s: Session, wanted: list[int]) -> list[Any]:
    if not wanted:
        return []
    found = {r.id: r for r in s.execute(_base(*ROW).where(Staff.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found]
