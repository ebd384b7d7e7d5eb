"""The schedule of personal reception of citizens (графік особистого прийому громадян).

ЗУ «Про звернення громадян» ст. 22: heads and other officials of local self-government receive
citizens in person, regularly, by a schedule made known to the citizens; regulation 31.5: the
mayor, the council's secretary and the deputy mayors receive by a schedule the mayor approves.
The schedule is a short list kept as data — each line a person of the staff list, the post as
the schedule names it, the days and hours, the place — printed for publication (the same
table writer as every report: PDF, XLSX, CSV) and offered as «Прийняв на особистому прийомі»
on an appeal's card (the people of the schedule first).

Who edits it: whoever edits the reference lists (REFERENCE_WRITE); anyone signed in reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain.names import Gender, PersonName, full_name
from app.domain.roles import REFERENCE_WRITE, Actor, actor_of
from app.reports.tables import ReportPeriod, TableReport
from app.services import audit
from app.services.reference import ReferenceError
from db.models import ReceptionSlot, Staff
from db.session import Database

TITLE = "Графік особистого прийому громадян"
LAW_NOTE = (
    "Особистий прийом громадян проводиться відповідно до статті 22 Закону України «Про "
    "звернення громадян»."
)


class ReceptionError(ReferenceError):
    """A line of the schedule that cannot be saved, with a Ukrainian message (a reference
    list's error, so every reference form shows it)."""


@dataclass(frozen=True)
class ReceptionLine:
    """One line of the schedule; `official` is the person's full name as read (not stored)."""

    id: int | None
    staff_id: int | None
    position: str
    days_hours: str
    place: str = ""
    order: int = 0
    active: bool = True
    official: str = ""


def _name(staff: Staff | None) -> str:
    if staff is None:
        return ""
    person = PersonName(staff.surname, staff.given_name, staff.patronymic, Gender(staff.gender))
    return full_name(person)


def list_schedule(db: Database, active_only: bool = False) -> list[ReceptionLine]:
    """The schedule in its order (then by name)."""
    with db.read() as s:
        stmt = (
            select(ReceptionSlot, Staff)
            .join(Staff, Staff.id == ReceptionSlot.staff_id, isouter=True)
            .order_by(ReceptionSlot.order, Staff.sort_key, ReceptionSlot.id)
        )
        if active_only:
            stmt = stmt.where(ReceptionSlot.active.is_(True))
        return [
            ReceptionLine(
                row.id,
                row.staff_id,
                row.position,
                row.days_hours,
                row.place,
                row.order,
                row.active,
                _name(staff),
            )
            for row, staff in s.execute(stmt)
        ]


def reception_staff_ids(db: Database) -> list[int]:
    """The people who receive citizens now (active lines), in the schedule's order."""
    ids = [line.staff_id for line in list_schedule(db, active_only=True) if line.staff_id]
    return list(dict.fromkeys(ids))


def save_line(db: Database, line: ReceptionLine, user: str | Actor = "") -> ReceptionLine:
    """Add or change a line (REFERENCE_WRITE); the person, the post and the days are required."""
    actor = actor_of(user)
    actor.require(REFERENCE_WRITE)
    position = " ".join(line.position.split())
    days = " ".join(line.days_hours.split())
    place = " ".join(line.place.split())
    if line.staff_id is None:
        raise ReceptionError("Оберіть посадову особу зі списку працівників")
    if not position:
        raise ReceptionError("Вкажіть посаду, як її назве графік")
    if not days:
        raise ReceptionError("Вкажіть дні та години прийому (наприклад, «щопонеділка 9:00–12:00»)")
    for text, limit, what in ((position, 200, "Посада"), (days, 200, "Дні та години"),
                              (place, 200, "Місце прийому")):  # fmt: skip
        if len(text) > limit:
            raise ReceptionError(f"{what} — не більше {limit} знаків")
    with db.write() as s:
        staff = s.get(Staff, line.staff_id)
        if staff is None:
            raise ReceptionError("Працівника не знайдено: можливо, його вилучено зі списку")
        row = ReceptionSlot() if line.id is None else s.get(ReceptionSlot, line.id)
        if row is None:
            raise ReceptionError("Рядок графіка не знайдено: можливо, його вже змінено")
        row.staff_id, row.position, row.days_hours, row.place = staff.id, position, days, place
        row.order, row.active, row.changed_by = line.order, line.active, actor.login
        if line.id is None:
            s.add(row)
        s.flush()
        record = (ReceptionSlot.__tablename__, row.uuid, f"{_name(staff)}: {days}"[:150])
        details = {
            "довідник": ReceptionSlot.__tablename__,
            "запис": row.id,
            "новий": line.id is None,
        }
        audit.add(s, actor, audit.REFERENCE, record=record, details=details)
        return ReceptionLine(row.id, staff.id, position, days, place, row.order, row.active,
                             _name(staff))  # fmt: skip


def schedule_report(db: Database, user: str | Actor = "", on: date | None = None) -> TableReport:
    """The schedule for publication: the active lines as a table «станом на» the day."""
    actor_of(user)  # anyone signed in may read and publish the schedule
    lines = list_schedule(db, active_only=True)
    rows = [
        [number, line.position, line.official, line.days_hours, line.place]
        for number, line in enumerate(lines, start=1)
    ]
    return TableReport(
        title=TITLE,
        period=ReportPeriod(None, on or date.today()),
        columns=(
            "№ з/п",
            "Посада",
            "Прізвище, ім'я, по батькові",
            "Дні та години прийому",
            "Місце прийому",
        ),
        rows=rows,
        notes=(LAW_NOTE,),
        widths=(0.5, 2.4, 2.2, 2.0, 1.8),
    )
