"""The staff list as an entity register: rows for the table (the row-source protocol of
`RegisterView`: count, page, ids, rows by ids), and a person read and saved from the card.

HR keeps the list (the right `register.staff.write`); an administrator may too (the reference
lists). Saving goes through `reference.save_staff`, so the audit trail records it as before and
the executors of every register see the change.
"""

from __future__ import annotations

from typing import Any

from app.domain.roles import Actor, actor_of, read, write
from app.domain.text import uk_sort_key
from app.registers.staff import STAFF
from app.registers.staff import may_read as may_read  # the rights live with the spec
from app.registers.staff import may_write as may_write
from app.services.reference import (
    DepartmentInfo,
    StaffInfo,
    get_staff,
    list_departments,
    save_staff,
)
from app.services.register_view import DocumentRow, ViewQuery
from db.queries import staff as q
from db.session import Database


def _filter(view: ViewQuery) -> q.StaffFilter:
    chosen = dict(view.extra)
    active = chosen.get("active")
    words = tuple(uk_sort_key(w) for w in view.search.split() if w.strip())
    return q.StaffFilter(
        department_id=view.department_id,
        active=None if active in (None, "") else active == "1",
        words=words,
    )


def _row(raw: Any) -> DocumentRow:
    full = " ".join(p for p in (raw.surname, raw.given_name, raw.patronymic) if p)
    values = dict(raw._mapping)
    values.update(
        full_name=full,
        department_name=raw.department_name or "",
        cancelled=not raw.active,  # a person who left is shown greyed, like a cancelled record
        state_label="працює" if raw.active else "звільнено",
        urgent=False,
        reg_number="",
    )
    return DocumentRow(values)


class StaffView:
    """One open view of the staff list (the row source of its tab, export and printed list)."""

    def __init__(self, db: Database, view: ViewQuery, user: str | Actor = "") -> None:
        actor = actor_of(user)
        if not may_read(actor):
            actor.require(read(STAFF.code))
        self.db = db
        self.view = view
        self.filter = _filter(view)
        self.sort = view.sort if view.sort in q.SORTS else STAFF.default_sort

    def count(self) -> int:
        with self.db.read() as s:
            return q.count(s, self.filter)

    def page(self, offset: int, limit: int, total: int | None = None) -> list[DocumentRow]:
        with self.db.read() as s:
            rows = q.page(s, self.filter, self.sort, self.view.descending, offset, limit)
        return [_row(r) for r in rows]

    def ids(self) -> list[int]:
        with self.db.read() as s:
            return q.ids(s, self.filter, self.sort, self.view.descending)

    def rows_by_ids(self, ids: list[int]) -> list[DocumentRow]:
        with self.db.read() as s:
            return [_row(r) for r in q.rows_by_ids(s, ids)]

    def all_rows(self, limit: int | None = None) -> list[DocumentRow]:
        with self.db.read() as s:
            rows = q.page(s, self.filter, self.sort, self.view.descending, 0, limit)
        return [_row(r) for r in rows]


def card_values(db: Database, staff_id: int) -> dict[str, Any]:
    """The card's values of a person, as the form shows them."""
    info = get_staff(db, staff_id)
    departments = {d.id: d.name for d in list_departments(db)}
    return {
        "surname": info.surname,
        "given_name": info.given_name,
        "patronymic": info.patronymic,
        "gender": info.gender,
        "position": info.position,
        "department": departments.get(info.department_id, "") if info.department_id else "",
        "phone": info.phone,
        "active": info.active,
    }


def department_names(db: Database) -> list[str]:
    return sorted((d.name for d in list_departments(db, True)), key=uk_sort_key)


def save_person(
    db: Database, staff_id: int | None, values: dict[str, Any], user: str | Actor = ""
) -> int:
    """Save a person of the card (parsed by STAFF.parse); returns the id. The department is
    chosen by its name; a name that is no department is refused with a message."""
    from app.services.reference import ReferenceError

    actor = actor_of(user)
    if not may_write(actor):
        actor.require(write(STAFF.code))
    department_id = None
    name = (values.get("department") or "").strip()
    if name:
        found: list[DepartmentInfo] = [d for d in list_departments(db) if d.name == name]
        if not found:
            raise ReferenceError(f"Виконавчого органу «{name}» немає в довіднику")
        department_id = found[0].id
    old = get_staff(db, staff_id) if staff_id is not None else None
    info = StaffInfo(
        id=staff_id,
        surname=values["surname"],
        given_name=values["given_name"],
        patronymic=values.get("patronymic") or "",
        gender=values.get("gender") or "m",
        position=values.get("position") or "",
        department_id=department_id,
        phone=values.get("phone") or "",
        dative_override=old.dative_override if old else "",
        active=bool(values.get("active", True)),
    )
    saved = save_staff(db, info, actor)
    assert saved.id is not None
    return saved.id
