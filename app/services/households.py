"""Household books: starosta districts, books, objects and their cards (the use cases).

Rules, each with its source:

* A starosta sees and changes only the books of their own district (ЗУ «Про місцеве
  самоврядування в Україні» ст. 54-1: the starosta keeps the records of their district; personal
  data — ЗУ «Про захист персональних даних» ст. 10: access only for those whose work needs it).
  The services enforce it (`Scope`), in the centre's database and in a district copy alike.
* Books are opened per district for a five-year cycle (наказ Держстату № 56, 2016; the current
  cycle 2026–2030); an object's account number (особовий рахунок) is unique within its book.
* Members arriving, leaving and dying are history: a member is never deleted, only dated
  (`left_on`, `left_reason`), so the card shows who lived there in any year.
* The yearly sections are «станом на 1 січня» of each year; a year's sections are kept beside
  the others, so last year's data stay readable. The January check: objects whose section for
  this year is not yet confirmed.
* While a district works in its own copy (`district copy`), its books, new objects and
  certificates are the copy's (their numbers are the district's series); the centre may still
  correct the card of an existing object (title part, members, yearly sections, work). A record
  changed on both sides before the next exchange is a conflict the clerk decides on import
  (app/services/household_conflicts.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import households as dom
from app.domain.roles import STAROSTA, Actor, PermissionDenied, actor_of, read, write
from app.domain.text import searchable_text, uk_sort_key
from app.registers.households import may_read as may_read  # the rights live with the spec
from app.registers.households import may_write as may_write
from app.services import audit
from db.models import (
    District,
    ExchangeState,
    HouseholdBook,
    HouseholdEvent,
    HouseholdHolding,
    HouseholdMember,
    HouseholdObject,
    HouseholdYear,
    Settlement,
)
from db.session import Database

CODE = "household"
KIND = "household"  # the audit trail's record kind
COPY_SETTING = "household.copy_district"

HouseholdError = dom.HouseholdError


# ----------------------------------------------------------------------------- access


@dataclass(frozen=True)
class Scope:
    """Which districts an actor's household work reaches: None — all (the centre)."""

    actor: Actor
    district_codes: frozenset[str] | None

    def allows(self, district: District) -> bool:
        """The account's district may be typed as the district's code or its name."""
        names = self.district_codes
        return names is None or district.code in names or district.name in names


def scope(user: str | Actor, *, writing: bool = False) -> Scope:
    """The actor's reach; a starosta is limited to `Actor.district` (none given: nothing)."""
    actor = actor_of(user)
    if writing:
        actor.require(write(CODE))
    elif not actor.can_read(CODE):
        actor.require(read(CODE))
    if not actor.system and STAROSTA in actor.roles:
        return Scope(actor, frozenset({actor.district}) if actor.district else frozenset())
    return Scope(actor, None)


def _refuse_district(actor: Actor, district: District) -> PermissionDenied:
    return PermissionDenied(
        f"Недостатньо прав: {actor.login or 'цей користувач'} веде книги іншого округу, "
        f"а не «{district.name}»."
    )


def district_ids(s: Session, sc: Scope) -> tuple[int, ...] | None:
    if sc.district_codes is None:
        return None
    names = sc.district_codes or {""}
    stmt = select(District.id).where(District.code.in_(names) | District.name.in_(names))
    return tuple(s.execute(stmt).scalars())


def _owned_elsewhere(s: Session, district: District) -> bool:
    """At the centre: the district works in its own copy, which owns its objects."""
    from db.models import Setting

    if s.get(Setting, COPY_SETTING) is not None:
        return False  # this is a district copy: it is the owner
    return s.get(ExchangeState, district.code) is not None


def refuse_in_copy(s: Session) -> None:
    """One writer: the reference lists (districts, settlements, templates) belong to the
    centre; a district copy receives them by file and never changes them itself."""
    from db.models import Setting

    if s.get(Setting, COPY_SETTING) is not None:
        raise HouseholdError("Довідники округів веде центр: у копії округу їх не змінюють")


def district_for_write(s: Session, sc: Scope, district_id: int, *, card: bool = False) -> District:
    """The district to write in. `card`: a correction of an existing object's card, which the
    centre may make while the district's copy is out (a conflict is settled on import)."""
    district = s.get(District, district_id)
    if district is None:
        raise HouseholdError("Такого старостинського округу немає")
    if not sc.allows(district):
        raise _refuse_district(sc.actor, district)
    if not card and _owned_elsewhere(s, district):
        raise HouseholdError(
            f"Книги округу «{district.name}» ведуться в копії округу: нові об'єкти, книги й "
            "довідки вносить староста, вони надійдуть файлом обміну."
        )
    return district


def object_for(s: Session, sc: Scope, object_id: int, *, writing: bool) -> HouseholdObject:
    obj = s.get(HouseholdObject, object_id)
    if obj is None:
        raise HouseholdError("Такого об'єкта погосподарського обліку немає")
    if writing:
        district_for_write(s, sc, obj.district_id, card=True)
    else:
        district = s.get(District, obj.district_id)
        assert district is not None
        if not sc.allows(district):
            raise _refuse_district(sc.actor, district)
    return obj


# ----------------------------------------------------------------------------- districts


@dataclass(frozen=True)
class DistrictInfo:
    id: int | None
    code: str
    name: str
    starosta_name: str = ""
    starosta_position: str = "Староста"
    settlements: tuple[str, ...] = ()


def save_district(db: Database, info: DistrictInfo, user: str | Actor = "") -> int:
    """A district and its settlements (the centre's reference list: an administrator or the
    system actor). Settlements are added by name; none is removed (objects refer to them)."""
    from app.domain.roles import REFERENCE_WRITE

    actor = actor_of(user)
    actor.require(REFERENCE_WRITE)
    code, name = info.code.strip(), info.name.strip()
    if not code or not name:
        raise HouseholdError("Вкажіть код і назву округу")
    with db.write() as s:
        refuse_in_copy(s)
        row = s.get(District, info.id) if info.id is not None else None
        clash = s.execute(select(District).where(District.code == code)).scalar_one_or_none()
        if clash is not None and clash is not row:
            raise HouseholdError(f"Округ з кодом «{code}» уже є")
        if row is None:
            row = District(code=code, name=name)
            s.add(row)
        row.code, row.name = code, name
        row.starosta_name = info.starosta_name.strip()
        row.starosta_position = info.starosta_position.strip()
        row.changed_by = actor.login
        s.flush()
        known = set(
            s.execute(select(Settlement.name).where(Settlement.district_id == row.id)).scalars()
        )
        for title in info.settlements:
            if title.strip() and title.strip() not in known:
                s.add(Settlement(district_id=row.id, name=title.strip(), changed_by=actor.login))
        audit.add(s, actor, audit.REFERENCE, record=("district", row.uuid, name), register=CODE)
        return row.id


@dataclass(frozen=True)
class DistrictRow:
    id: int
    code: str
    name: str
    starosta_name: str
    starosta_position: str
    settlements: tuple[tuple[int, str], ...]


def list_districts(db: Database, user: str | Actor = "") -> list[DistrictRow]:
    sc = scope(user)
    with db.read() as s:
        stmt = select(District).order_by(District.name)
        rows = [d for d in s.execute(stmt).scalars() if sc.allows(d)]
        out = []
        for d in rows:
            places = s.execute(
                select(Settlement.id, Settlement.name)
                .where(Settlement.district_id == d.id)
                .order_by(Settlement.name)
            ).all()
            out.append(
                DistrictRow(
                    d.id,
                    d.code,
                    d.name,
                    d.starosta_name,
                    d.starosta_position,
                    tuple((int(i), str(n)) for i, n in places),
                )
            )
    return sorted(out, key=lambda r: uk_sort_key(r.name))


def open_book(
    db: Database,
    district_id: int,
    number: int,
    cycle_start: int | None = None,
    user: str | Actor = "",
    settlement_id: int | None = None,
) -> int:
    """Open book № `number` of a district for a cycle (the current one by default)."""
    sc = scope(user, writing=True)
    start = cycle_start or dom.cycle_start(date.today().year)
    if start != dom.cycle_start(start):
        raise HouseholdError(f"Книги відкривають на п'ять років: {start} — не перший рік циклу")
    if number < 1:
        raise HouseholdError("Номер книги — ціле додатне число")
    with db.write() as s:
        district = district_for_write(s, sc, district_id)
        clash = s.execute(
            select(HouseholdBook.id).where(
                HouseholdBook.district_id == district_id,
                HouseholdBook.cycle_start == start,
                HouseholdBook.number == number,
            )
        ).first()
        if clash is not None:
            raise HouseholdError(
                f"Книга № {number} за {dom.cycle_text(start)} рр. в окрузі «{district.name}» уже є"
            )
        book = HouseholdBook(
            district_id=district_id,
            number=number,
            cycle_start=start,
            settlement_id=settlement_id,
            changed_by=sc.actor.login,
        )
        s.add(book)
        s.flush()
        return book.id


@dataclass(frozen=True)
class BookRow:
    id: int
    district_id: int
    number: int
    cycle_start: int

    @property
    def title(self) -> str:
        return f"Книга № {self.number} ({dom.cycle_text(self.cycle_start)})"


def list_books(
    db: Database, district_id: int, user: str | Actor = "", cycle_start: int | None = None
) -> list[BookRow]:
    sc = scope(user)
    with db.read() as s:
        district = s.get(District, district_id)
        if district is None or not sc.allows(district):
            return []
        stmt = select(HouseholdBook).where(HouseholdBook.district_id == district_id)
        if cycle_start is not None:
            stmt = stmt.where(HouseholdBook.cycle_start == cycle_start)
        stmt = stmt.order_by(HouseholdBook.cycle_start.desc(), HouseholdBook.number)
        return [BookRow(b.id, b.district_id, b.number, b.cycle_start) for b in s.scalars(stmt)]


# ----------------------------------------------------------------------------- objects


@dataclass(frozen=True)
class ObjectInfo:
    id: int | None
    book_id: int
    kind: str
    account: int | None = None  # None: the next free number in the book
    settlement_id: int | None = None
    street: str = ""
    house: str = ""
    flat: str = ""
    note: str = ""


@dataclass(frozen=True)
class MemberInfo:
    id: int | None
    surname: str
    given_name: str
    patronymic: str = ""
    sex: str = "m"
    birth_date: date | None = None
    relation: str = ""
    is_head: bool = False
    registration: str = "registered"
    registered_on: date | None = None
    arrived_on: date | None = None
    note: str = ""
    left_on: date | None = None
    left_reason: str = ""

    @property
    def full_name(self) -> str:
        return dom.full_name(self.surname, self.given_name, self.patronymic)


def _check_object(info: ObjectInfo) -> None:
    if info.kind not in dom.OBJECT_KINDS:
        raise HouseholdError("Оберіть тип об'єкта")
    if info.account is not None and info.account < 1:
        raise HouseholdError("Номер особового рахунку — ціле додатне число")


def _check_member(m: MemberInfo) -> None:
    if not m.surname.strip() or not m.given_name.strip():
        raise HouseholdError("Вкажіть прізвище та ім'я члена домогосподарства")
    if m.sex not in dom.SEXES:
        raise HouseholdError("Вкажіть стать")
    if m.registration not in dom.REGISTRATIONS:
        raise HouseholdError("Невідомий вид реєстрації місця проживання")
    if m.birth_date and m.birth_date > date.today():
        raise HouseholdError("Дата народження в майбутньому")
    if m.left_reason and m.left_reason not in dom.LEFT_REASONS:
        raise HouseholdError("Невідома причина вибуття")


def refresh_derived(s: Session, obj: HouseholdObject) -> None:
    """The object's head and search text from its members and address (kept on write, so the
    list and the search need no join)."""
    members = list(
        s.scalars(
            select(HouseholdMember)
            .where(HouseholdMember.object_id == obj.id)
            .order_by(HouseholdMember.id)
        )
    )
    present = [m for m in members if m.left_on is None]
    head = next((m for m in present if m.is_head), present[0] if present else None)
    obj.head_name = (
        dom.full_name(head.surname, head.given_name, head.patronymic) if head is not None else ""
    )
    obj.head_sort = uk_sort_key(obj.head_name)[:200]
    settlement = s.get(Settlement, obj.settlement_id) if obj.settlement_id else None
    names = [dom.full_name(m.surname, m.given_name, m.patronymic) for m in members]
    obj.search_text = searchable_text(
        str(obj.account),
        settlement.name if settlement else "",
        obj.street,
        obj.house,
        obj.flat,
        *names,
    )


def save_object(
    db: Database,
    info: ObjectInfo,
    user: str | Actor = "",
    members: Iterable[MemberInfo] = (),
) -> int:
    """Create an object (with its first members) or change its title part; returns the id."""
    _check_object(info)
    members = list(members)
    for m in members:
        _check_member(m)
    sc = scope(user, writing=True)
    with db.write() as s:
        book = s.get(HouseholdBook, info.book_id)
        if book is None:
            raise HouseholdError("Такої книги немає")
        district_for_write(s, sc, book.district_id, card=info.id is not None)
        if info.settlement_id is not None:
            place = s.get(Settlement, info.settlement_id)
            if place is None or place.district_id != book.district_id:
                raise HouseholdError("Населений пункт не належить округу книги")
        obj = s.get(HouseholdObject, info.id) if info.id is not None else None
        if info.id is not None and obj is None:
            raise HouseholdError("Такого об'єкта погосподарського обліку немає")
        district = s.get(District, book.district_id)
        if (
            obj is not None
            and district is not None
            and _owned_elsewhere(s, district)
            and (obj.book_id != book.id or (info.account or obj.account) != obj.account)
        ):
            raise HouseholdError("Книгу й особовий рахунок об'єкта змінює староста в копії округу")
        account = info.account
        if account is None:
            last = s.execute(
                select(func.max(HouseholdObject.account)).where(HouseholdObject.book_id == book.id)
            ).scalar()
            account = int(last or 0) + 1 if obj is None else obj.account
        clash = s.execute(
            select(HouseholdObject.id).where(
                HouseholdObject.book_id == book.id, HouseholdObject.account == account
            )
        ).scalar()
        if clash is not None and (obj is None or clash != obj.id):
            raise HouseholdError(f"Особовий рахунок № {account} у книзі № {book.number} уже є")
        before = _object_values(obj) if obj is not None else {}
        if obj is None:
            obj = HouseholdObject(district_id=book.district_id)
            s.add(obj)
        obj.book_id, obj.book_number, obj.district_id = book.id, book.number, book.district_id
        obj.account, obj.kind, obj.settlement_id = account, info.kind, info.settlement_id
        obj.street, obj.house = info.street.strip(), info.house.strip()
        obj.flat, obj.note = info.flat.strip(), info.note.strip()
        obj.changed_by = sc.actor.login
        s.flush()
        for m in members:
            s.add(_new_member(obj.id, m, sc.actor.login))
        s.flush()
        refresh_derived(s, obj)
        action = audit.CREATE if not before else audit.UPDATE
        details = audit.changes(before, _object_values(obj)) if before else None
        audit.add(s, sc.actor, action, record=record_of(obj), register=CODE, details=details)
        return obj.id


def _object_values(obj: HouseholdObject) -> dict[str, Any]:
    return {
        "рахунок": obj.account,
        "тип": dom.OBJECT_KINDS.get(obj.kind, obj.kind),
        "вулиця": obj.street,
        "будинок": obj.house,
        "квартира": obj.flat,
        "примітки": obj.note,
    }


def record_of(obj: HouseholdObject) -> audit.Record:
    return (KIND, obj.uuid, f"Кн. {obj.book_number}, о/р {obj.account}")


def _new_member(object_id: int, m: MemberInfo, login: str) -> HouseholdMember:
    return HouseholdMember(
        object_id=object_id,
        surname=m.surname.strip(),
        given_name=m.given_name.strip(),
        patronymic=m.patronymic.strip(),
        sex=m.sex,
        birth_date=m.birth_date,
        relation=m.relation.strip() or ("голова" if m.is_head else ""),
        is_head=m.is_head,
        registration=m.registration,
        registered_on=m.registered_on,
        arrived_on=m.arrived_on,
        note=m.note.strip(),
        left_on=m.left_on,
        left_reason=m.left_reason,
        changed_by=login,
    )


def add_member(db: Database, object_id: int, member: MemberInfo, user: str | Actor = "") -> int:
    """A person arriving (or first entered) in an object; the head, if named, replaces the
    previous head as head (the previous stays a member)."""
    _check_member(member)
    sc = scope(user, writing=True)
    with db.write() as s:
        obj = object_for(s, sc, object_id, writing=True)
        if member.is_head:
            for other in s.scalars(
                select(HouseholdMember).where(
                    HouseholdMember.object_id == object_id, HouseholdMember.is_head.is_(True)
                )
            ):
                other.is_head = False
        row = _new_member(object_id, member, sc.actor.login)
        s.add(row)
        s.flush()
        refresh_derived(s, obj)
        audit.add(
            s,
            sc.actor,
            audit.UPDATE,
            record=record_of(obj),
            register=CODE,
            details={"прибув": member.full_name},
        )
        return row.id


def correct_member(db: Database, member: MemberInfo, user: str | Actor = "") -> None:
    """Correct a member's particulars (a misspelt name, a birth date): not a departure."""
    _check_member(member)
    assert member.id is not None
    sc = scope(user, writing=True)
    with db.write() as s:
        row = s.get(HouseholdMember, member.id)
        if row is None:
            raise HouseholdError("Такого члена домогосподарства немає")
        obj = object_for(s, sc, row.object_id, writing=True)
        before = {"ПІБ": dom.full_name(row.surname, row.given_name, row.patronymic)}
        row.surname, row.given_name = member.surname.strip(), member.given_name.strip()
        row.patronymic, row.sex, row.birth_date = (
            member.patronymic.strip(),
            member.sex,
            member.birth_date,
        )
        row.relation, row.registration = member.relation.strip(), member.registration
        row.registered_on, row.arrived_on = member.registered_on, member.arrived_on
        row.note, row.changed_by = member.note.strip(), sc.actor.login
        s.flush()
        refresh_derived(s, obj)
        after = {"ПІБ": member.full_name}
        audit.add(
            s,
            sc.actor,
            audit.UPDATE,
            record=record_of(obj),
            register=CODE,
            details=audit.changes(before, after),
        )


def member_left(
    db: Database, member_id: int, day: date, reason: str = "left", user: str | Actor = ""
) -> None:
    """A member left the object or died on `day`: dated, never deleted (the history stays)."""
    if reason not in dom.LEFT_REASONS:
        raise HouseholdError("Невідома причина вибуття")
    sc = scope(user, writing=True)
    with db.write() as s:
        row = s.get(HouseholdMember, member_id)
        if row is None:
            raise HouseholdError("Такого члена домогосподарства немає")
        obj = object_for(s, sc, row.object_id, writing=True)
        if row.left_on is not None:
            raise HouseholdError("Цей член домогосподарства вже вибув")
        if row.arrived_on is not None and day < row.arrived_on:
            raise HouseholdError("Дата вибуття раніша за дату прибуття")
        row.left_on, row.left_reason, row.is_head = day, reason, False
        row.changed_by = sc.actor.login
        s.flush()
        refresh_derived(s, obj)
        name = dom.full_name(row.surname, row.given_name, row.patronymic)
        audit.add(
            s,
            sc.actor,
            audit.UPDATE,
            record=record_of(obj),
            register=CODE,
            details={dom.LEFT_REASONS[reason]: f"{name}, {day:%d.%m.%Y}"},
        )


# ----------------------------------------------------------------------------- yearly sections


@dataclass(frozen=True)
class YearInfo:
    """The yearly part of a card as of 1 January of `year`."""

    year: int
    dwelling_kind: str = ""
    built_year: int | None = None
    wall_material: str = ""
    total_area: Decimal | None = None
    living_area: Decimal | None = None
    rooms: int | None = None
    notes: str = ""
    #: section → kind → amount (land in ha, livestock in heads, machinery in units).
    holdings: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    confirmed_on: date | None = None
    confirmed_by: str = ""


def save_year(
    db: Database, object_id: int, info: YearInfo, user: str | Actor = "", confirm: bool = False
) -> None:
    """Store the yearly sections of one year (replacing that year's lines, other years kept);
    `confirm`: the January check is done for this year."""
    for section, kinds in info.holdings.items():
        if section not in dom.SECTIONS:
            raise HouseholdError(f"Невідомий розділ «{section}»")
        for kind, amount in kinds.items():
            if kind not in dom.SECTIONS[section]:
                raise HouseholdError(f"Невідомий вид «{kind}» у розділі «{section}»")
            if amount < 0:
                raise HouseholdError("Площа чи кількість не може бути від'ємною")
    if info.year < 1990 or info.year > date.today().year + 1:
        raise HouseholdError(f"Рік {info.year} поза межами ведення книг")
    sc = scope(user, writing=True)
    with db.write() as s:
        obj = object_for(s, sc, object_id, writing=True)
        row = s.execute(
            select(HouseholdYear).where(
                HouseholdYear.object_id == object_id, HouseholdYear.year == info.year
            )
        ).scalar_one_or_none()
        if row is None:
            row = HouseholdYear(object_id=object_id, year=info.year)
            s.add(row)
        row.dwelling_kind, row.built_year = info.dwelling_kind, info.built_year
        row.wall_material, row.total_area = info.wall_material, info.total_area
        row.living_area, row.rooms, row.notes = info.living_area, info.rooms, info.notes
        row.changed_by = sc.actor.login
        if confirm:
            row.confirmed_on, row.confirmed_by = date.today(), sc.actor.name
        old = {
            (h.section, h.kind): h
            for h in s.scalars(
                select(HouseholdHolding).where(
                    HouseholdHolding.object_id == object_id, HouseholdHolding.year == info.year
                )
            )
        }
        wanted = {(sec, k): a for sec, kinds in info.holdings.items() for k, a in kinds.items()}
        for key, line in old.items():
            if key not in wanted or not wanted[key]:
                s.delete(line)
        for (sec, k), amount in wanted.items():
            if not amount:
                continue
            existing = old.get((sec, k))
            if existing is None:
                s.add(
                    HouseholdHolding(
                        object_id=object_id,
                        year=info.year,
                        section=sec,
                        kind=k,
                        amount=amount,
                        changed_by=sc.actor.login,
                    )
                )
            elif Decimal(existing.amount) != amount:
                existing.amount, existing.changed_by = amount, sc.actor.login
        audit.add(
            s,
            sc.actor,
            audit.UPDATE,
            record=record_of(obj),
            register=CODE,
            details={"розділи станом на 1 січня": str(info.year)},
        )


def add_event(
    db: Database, object_id: int, kind: str, day: date, user: str | Actor = "", note: str = ""
) -> int:
    """Log a piece of work on an object (what the completeness table counts)."""
    if kind not in dom.EVENT_KINDS:
        raise HouseholdError("Невідомий вид роботи")
    if day > date.today():
        raise HouseholdError("Дата роботи в майбутньому")
    sc = scope(user, writing=True)
    with db.write() as s:
        obj = object_for(s, sc, object_id, writing=True)
        row = HouseholdEvent(
            object_id=object_id,
            district_id=obj.district_id,
            kind=kind,
            day=day,
            done_by=sc.actor.name,
            note=note.strip(),
            changed_by=sc.actor.login,
        )
        s.add(row)
        s.flush()
        return row.id
