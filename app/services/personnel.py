"""Personnel files: the register's rows, a file read and saved from its card, the service
history, and the editable lists and settings HR works with.

One person, one record (next-registers.md §4.4): the file is 1:1 with the staff list, so every
person of the staff list appears in the register (with an empty personnel number until HR
opens a file), and the history keeps the staff list right — a hiring or a transfer sets the
person's post and department, a dismissal takes them off the executors' list.

Only HR sees and changes files (`register.personnel.*`); every opening, print and export is
recorded in the audit trail (personal data, ЗУ «Про захист персональних даних»).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import personnel as rules
from app.domain.dates import format_date
from app.domain.names import Gender, PersonName, short_name
from app.domain.roles import SETTINGS_WRITE, Actor, actor_of, read, write
from app.domain.text import uk_sort_key
from app.registers.personnel import PERSONNEL
from app.registers.personnel import may_read as may_read  # the rights live with the spec
from app.registers.personnel import may_write as may_write
from app.services import audit, settings

# The reminders and seniority live beside (one module a use case); named here too, as the card,
# the tab and the printout know them.
from app.services.personnel_reminders import (
    Reminders,
    reminders,
    seniority_of,
    service_periods,
    store_state,
)
from app.services.register_view import DocumentRow, ViewQuery
from db.models import Department, PersonnelEvent, PersonnelFile, PriorService, Staff
from db.queries import personnel as q
from db.session import Database

__all__ = ["Reminders", "reminders", "seniority_of", "service_periods"]

MARTIAL_LAW_START = rules.MARTIAL_LAW_START
LADDER = "personnel.ladder"
VACATION_CAP = "personnel.martial_vacation_cap"
HR_DEPARTMENT = "personnel.hr_department"


def require_read(user: str | Actor) -> Actor:
    actor = actor_of(user)
    if not may_read(actor):
        actor.require(read(PERSONNEL.code))
    return actor


def require_write(user: str | Actor) -> Actor:
    actor = actor_of(user)
    actor.require(write(PERSONNEL.code))
    return actor


# --- settings and editable lists -------------------------------------------------------------


def choice_list(db: Database, kind: str) -> list[str]:
    """The values offered for an event's detail: an administrator's list for the editable
    kinds (bases of appointment, grounds of dismissal, kinds of vacation), the fixed one else."""
    if kind in rules.EDITABLE_LISTS:
        default = rules.EDITABLE_LISTS[kind][1]
        text = settings.get_setting(db, f"personnel.list.{kind}", "")
        values = [line.strip() for line in text.splitlines() if line.strip()]
        return values or list(default)
    return list(rules.FIXED_LISTS.get(kind, ()))


def set_choice_list(db: Database, kind: str, values: list[str], user: str | Actor = "") -> None:
    actor_of(user).require(SETTINGS_WRITE)
    if kind not in rules.EDITABLE_LISTS:
        raise rules.PersonnelError(f"Список «{kind}» не редагується")
    clean = [v.strip()[:200] for v in values if v.strip()]
    settings.set_setting(db, f"personnel.list.{kind}", "\n".join(clean), actor_of(user))


def ladder(db: Database) -> dict[int, int]:
    return rules.parse_ladder(settings.get_setting(db, LADDER, ""))


def set_ladder(db: Database, text: str, user: str | Actor = "") -> None:
    value = rules.ladder_text(rules.parse_ladder(text))
    settings.set_setting(db, LADDER, value, user)


def vacation_cap(db: Database) -> int:
    text = settings.get_setting(db, VACATION_CAP, "")
    return int(text) if text.strip().isdigit() else rules.MARTIAL_VACATION_CAP


def martial_law_on(db: Database, day: date) -> bool:
    return rules.martial_law_on(day, settings.martial_law_end(db))


# --- the register's rows ---------------------------------------------------------------------


def _filter(view: ViewQuery) -> q.FileFilter:
    chosen = dict(view.extra)
    active = chosen.get("active")
    words = tuple(uk_sort_key(w) for w in view.search.split() if w.strip())
    return q.FileFilter(
        department_id=view.department_id,
        active=None if active in (None, "") else active == "1",
        words=words,
    )


def state_text(active: bool, hired: date | None, dismissed: date | None) -> str:
    """«працює»; «звільнено 30.06.2025» (the date when the history has it); «не працює»."""
    if active:
        return "працює"
    if dismissed is not None:
        return f"звільнено {format_date(dismissed)}"
    return "не працює"


def _row(raw: Any) -> DocumentRow:
    values = dict(raw._mapping)
    values.update(
        full_name=" ".join(p for p in (raw.surname, raw.given_name, raw.patronymic) if p),
        department_name=raw.department_name or "",
        personnel_number=raw.personnel_number or "",
        state_label=state_text(raw.active, raw.hired_date, raw.dismissed_date),
        cancelled=not raw.active,  # greyed in the table like a cancelled record
        urgent=False,
        reg_number="",
    )
    return DocumentRow(values)


class PersonnelView:
    """One open view of the register (the row source of its tab, export and printed list)."""

    def __init__(self, db: Database, view: ViewQuery, user: str | Actor = "") -> None:
        require_read(user)
        self.db, self.view = db, view
        self.filter = _filter(view)
        self.sort = view.sort if view.sort in q.SORTS else PERSONNEL.default_sort

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


# --- a file ----------------------------------------------------------------------------------


def audit_record(staff: Staff) -> audit.Record:
    name = short_name(
        PersonName(staff.surname, staff.given_name, staff.patronymic, Gender(staff.gender))
    )
    return ("personnel", staff.uuid, name)


def card_values(db: Database, staff_id: int, user: str | Actor = "") -> dict[str, Any]:
    """The card's values of a person; the opening is recorded in the audit trail."""
    actor = require_read(user)
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        if staff is None:
            raise rules.PersonnelError("Працівника не знайдено")
        file = s.get(PersonnelFile, staff_id)
        record = audit_record(staff)
        values: dict[str, Any] = {
            "personnel_number": file.personnel_number if file else "",
            "surname": staff.surname,
            "given_name": staff.given_name,
            "patronymic": staff.patronymic,
            "gender": staff.gender,
            "birth_date": file.birth_date if file else None,
            "phone": staff.phone,
            "email": file.email if file else "",
            "address": file.address if file else "",
            "education": file.education if file else "",
            "notes": file.notes if file else "",
        }
    audit.log(db, actor, audit.OPEN, record=record, register=PERSONNEL.code)
    return values


def _next_number(s: Session) -> str:
    numbers = s.execute(select(PersonnelFile.personnel_number)).scalars()
    return str(max((int(n) for n in numbers if n.isdigit()), default=0) + 1)


def _ensure_file(s: Session, staff_id: int, actor: Actor) -> PersonnelFile:
    file = s.get(PersonnelFile, staff_id)
    if file is None:
        file = PersonnelFile(
            staff_id=staff_id, personnel_number=_next_number(s), changed_by=actor.login
        )
        s.add(file)
        s.flush()
    return file


def save_file(
    db: Database, staff_id: int | None, values: dict[str, Any], user: str | Actor = ""
) -> int:
    """Save the card (values parsed by PERSONNEL.parse): the person in the staff list and the
    file beside it, in one transaction; returns the person's id. A new person is not yet in
    service (not on the executors' list) until an appointment is entered."""
    actor = require_write(user)
    number = (values.get("personnel_number") or "").strip()
    with db.write() as s:
        clash = s.execute(
            select(PersonnelFile.staff_id).where(PersonnelFile.personnel_number == number)
        ).scalar_one_or_none()
        if clash is not None and clash != staff_id:
            raise rules.PersonnelError(f"Табельний номер {number} уже має інший працівник")
        staff = Staff(active=False) if staff_id is None else s.get(Staff, staff_id)
        if staff is None:
            raise rules.PersonnelError("Працівника не знайдено: можливо, його вже видалено")
        staff.surname, staff.given_name = values["surname"], values["given_name"]
        staff.patronymic = values.get("patronymic") or ""
        staff.gender = values.get("gender") or "m"
        staff.phone = values.get("phone") or ""
        staff.sort_key = uk_sort_key(f"{staff.surname} {staff.given_name} {staff.patronymic}")[:150]
        staff.changed_by = actor.login
        if staff_id is None:
            s.add(staff)
        s.flush()
        file = s.get(PersonnelFile, staff.id)
        if file is None:
            file = PersonnelFile(staff_id=staff.id)
            s.add(file)
        file.personnel_number = number
        file.birth_date = values.get("birth_date")
        for key in ("email", "address", "education", "notes"):
            setattr(file, key, values.get(key) or "")
        file.changed_by = actor.login
        s.flush()
        action = audit.CREATE if staff_id is None else audit.UPDATE
        audit.add(s, actor, action, record=audit_record(staff), register=PERSONNEL.code)
        return staff.id


# --- previous service ------------------------------------------------------------------------


@dataclass(frozen=True)
class PriorPeriod:
    date_from: date
    date_to: date
    employer: str = ""
    counts: bool = True
    id: int | None = None


def prior_periods(db: Database, staff_id: int) -> list[PriorPeriod]:
    with db.read() as s:
        return [
            PriorPeriod(p.date_from, p.date_to, p.employer, p.counts, p.id)
            for p in q.prior_of(s, staff_id)
        ]


def save_prior(
    db: Database, staff_id: int, periods: list[PriorPeriod], user: str | Actor = ""
) -> None:
    """Replace the periods of previous service of a file."""
    actor = require_write(user)
    for p in periods:
        if p.date_to < p.date_from:
            raise rules.PersonnelError("Попередній стаж: дата закінчення раніша за початок")
    with db.write() as s:
        staff = s.get(Staff, staff_id)
        if staff is None:
            raise rules.PersonnelError("Працівника не знайдено")
        _ensure_file(s, staff_id, actor)
        for old in q.prior_of(s, staff_id):
            s.delete(old)
        for p in periods:
            s.add(
                PriorService(
                    staff_id=staff_id,
                    date_from=p.date_from,
                    date_to=p.date_to,
                    employer=p.employer[:300],
                    counts=p.counts,
                    changed_by=actor.login,
                )
            )
        audit.add(
            s, actor, audit.UPDATE, record=audit_record(staff), register=PERSONNEL.code,
            details={"попередній стаж": len(periods)},
        )  # fmt: skip


# --- the service history ---------------------------------------------------------------------


@dataclass(frozen=True)
class EventInput:
    """An entry of the history as typed on the card (the department by its name, the order by
    its number and date)."""

    kind: str
    day: date
    end: date | None = None
    detail: str = ""
    post: str = ""
    department: str = ""
    category: int | None = None
    rank: int | None = None
    amount: int | None = None
    percent: int | None = None
    order_number: str = ""
    order_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class EventView:
    """An entry of the history as the card and the printout show it."""

    id: int
    kind: str
    day: date
    end: date | None
    detail: str
    post: str
    department: str
    category: int | None
    rank: int | None
    amount: int | None
    percent: int | None
    order_number: str
    order_date: date | None
    order_id: int | None
    notes: str

    @property
    def kind_title(self) -> str:
        return rules.EVENT_KINDS.get(self.kind, self.kind)

    @property
    def period_text(self) -> str:
        if self.end is None:
            return format_date(self.day)
        return f"{format_date(self.day)} – {format_date(self.end)}"

    @property
    def order_text(self) -> str:
        if not self.order_number:
            return ""
        when = f" від {format_date(self.order_date)}" if self.order_date else ""
        return f"№ {self.order_number}{when}"

    @property
    def summary(self) -> str:
        """«головний спеціаліст, Відділ …, кат. 6, ранг 13; як переможець конкурсу»"""
        parts = [p for p in (self.post, self.department) if p]
        if self.category:
            parts.append(f"кат. {self.category}")
        if self.rank:
            parts.append(f"ранг {self.rank}")
        if self.kind == rules.SENIORITY and self.amount:
            parts.append(f"{self.amount} р." + (f" — {self.percent} %" if self.percent else ""))
        elif self.amount:
            parts.append(f"{self.amount} дн.")
        text = ", ".join(parts)
        if self.detail:
            text = f"{text}; {self.detail}" if text else self.detail
        return text


def _view(e: PersonnelEvent, departments: dict[int, str]) -> EventView:
    return EventView(
        e.id, e.kind, e.event_date, e.end_date, e.detail, e.post,
        departments.get(e.department_id or 0, ""), e.category, e.rank, e.amount, e.percent,
        e.order_number, e.order_date, e.order_id, e.notes,
    )  # fmt: skip


def history(db: Database, staff_id: int, user: str | Actor = "") -> list[EventView]:
    require_read(user)
    with db.read() as s:
        departments = {i: n for n, i in q.department_ids(s).items()}
        return [_view(e, departments) for e in q.events_of(s, staff_id)]


def _as_rule(e: PersonnelEvent | EventInput) -> rules.Event:
    day = e.event_date if isinstance(e, PersonnelEvent) else e.day
    end = e.end_date if isinstance(e, PersonnelEvent) else e.end
    return rules.Event(e.kind, day, end, e.detail, e.category, e.rank, e.amount)


def refresh_derived(s: Session, staff_id: int) -> None:
    """The file's and the staff list's derived values from the history: the post, department,
    category and rank of the last appointment or transfer (and rank assignment), the dates of
    hiring and dismissal, and whether the person is in service (on the executors' list)."""
    events = q.events_of(s, staff_id)
    file, staff = s.get(PersonnelFile, staff_id), s.get(Staff, staff_id)
    assert file is not None and staff is not None
    hires = [e for e in events if e.kind == rules.HIRE]
    dismissals = [e for e in events if e.kind == rules.DISMISSAL]
    placed = [e for e in events if e.kind in rules.WITH_POST]
    if placed:
        last = placed[-1]
        staff.position = last.post or staff.position
        staff.department_id = last.department_id or staff.department_id
        file.category = last.category
    ranked = [e for e in events if e.rank is not None and e.kind in (rules.RANK, *rules.WITH_POST)]
    file.rank = ranked[-1].rank if ranked else None
    file.hired_date = hires[-1].event_date if hires else None
    last_out = dismissals[-1].event_date if dismissals else None
    in_service = bool(hires) and (last_out is None or last_out < hires[-1].event_date)
    file.dismissed_date = None if in_service else last_out
    if hires or dismissals:
        staff.active = in_service
    prior = [(p.date_from, p.date_to) for p in q.prior_of(s, staff_id) if p.counts]
    store_state(file, events, prior)


def _resolve_order(s: Session, event: EventInput) -> tuple[int | None, str, date | None]:
    number = event.order_number.strip()
    if not number:
        return None, "", event.order_date
    year = (event.order_date or event.day).year
    found = q.find_order(s, number, year)
    if found is None:
        raise rules.PersonnelError(
            f"Розпорядження з кадрових питань № {number} за {year} рік не знайдено в реєстрі"
        )
    return found.id, found.reg_number, found.reg_date


def save_event(
    db: Database,
    staff_id: int,
    event: EventInput,
    user: str | Actor = "",
    event_id: int | None = None,
) -> int:
    """Add (or change) an entry of the history, checked by the rules (PersonnelError), linked
    to its personnel order by number; the file's derived values follow."""
    actor = require_write(user)
    martial = martial_law_on(db, event.day)
    rules.check_event(_as_rule(event), martial, vacation_cap(db))
    percent = event.percent
    if event.kind == rules.SENIORITY and percent is None:
        percent = rules.ladder_percent(ladder(db), event.amount)
    with db.write() as s:
        staff = s.get(Staff, staff_id)
        if staff is None:
            raise rules.PersonnelError("Працівника не знайдено")
        _ensure_file(s, staff_id, actor)
        department_id = None
        if event.department.strip():
            department_id = q.department_ids(s).get(event.department.strip())
            if department_id is None:
                raise rules.PersonnelError(f"Виконавчого органу «{event.department}» немає")
        order_id, order_number, order_date = _resolve_order(s, event)
        row = (
            PersonnelEvent(staff_id=staff_id)
            if event_id is None
            else s.get(PersonnelEvent, event_id)
        )
        if row is None or row.staff_id != staff_id:
            raise rules.PersonnelError("Запис послужного списку не знайдено")
        row.kind, row.event_date, row.end_date = event.kind, event.day, event.end
        row.detail, row.post = event.detail.strip()[:200], event.post.strip()[:200]
        row.department_id, row.category, row.rank = department_id, event.category, event.rank
        row.amount, row.percent, row.notes = event.amount, percent, event.notes
        row.order_id, row.order_number, row.order_date = order_id, order_number, order_date
        row.changed_by = actor.login
        if event_id is None:
            s.add(row)
        s.flush()
        refresh_derived(s, staff_id)
        details = {"запис": rules.EVENT_KINDS[event.kind], "дата": format_date(event.day)}
        if order_number:
            details["розпорядження"] = order_number
        audit.add(
            s, actor, audit.UPDATE, record=audit_record(staff), register=PERSONNEL.code,
            details=details,
        )  # fmt: skip
        return row.id


def delete_event(db: Database, staff_id: int, event_id: int, user: str | Actor = "") -> None:
    actor = require_write(user)
    with db.write() as s:
        row = s.get(PersonnelEvent, event_id)
        staff = s.get(Staff, staff_id)
        if row is None or staff is None or row.staff_id != staff_id:
            raise rules.PersonnelError("Запис послужного списку не знайдено")
        details = {"вилучено": rules.EVENT_KINDS.get(row.kind, row.kind)}
        s.delete(row)
        s.flush()
        refresh_derived(s, staff_id)
        audit.add(
            s, actor, audit.UPDATE, record=audit_record(staff), register=PERSONNEL.code,
            details=details,
        )  # fmt: skip


def department_names(db: Database) -> list[str]:
    with db.read() as s:
        names = s.execute(select(Department.name).where(Department.active.is_(True))).scalars()
        return sorted(names, key=uk_sort_key)


def files_count(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(PersonnelFile)).scalar_one())
