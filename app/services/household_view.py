"""What the household tab shows: the objects of the actor's districts as rows (the row-source
protocol of `RegisterView`: count, page, ids, rows by ids), and one object's card by sections.

Opening a card is recorded in the audit trail: the card holds the personal data of a family
(ЗУ «Про захист персональних даних»; DOMAIN.md: every view of personal data is recorded).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain import households as dom
from app.domain.roles import Actor
from app.domain.text import fts5_query, tsquery
from app.services import audit
from app.services.households import (
    CODE,
    HouseholdError,
    MemberInfo,
    YearInfo,
    district_ids,
    object_for,
    record_of,
    scope,
)
from app.services.register_view import DocumentRow, ViewQuery
from db.models import (
    District,
    HouseholdBook,
    HouseholdCertificate,
    HouseholdEvent,
    HouseholdHolding,
    HouseholdMember,
    HouseholdYear,
    Settlement,
)
from db.queries import households as q
from db.session import Database


def _row(raw: Any) -> DocumentRow:
    values = dict(raw._mapping)
    place = raw.settlement_name or ""
    if place:
        place = f"{'смт' if raw.settlement_kind == 'селище' else 'с.'} {place}"
    values.update(
        book_account=f"{raw.book_number} / {raw.account}",
        kind_label=dom.OBJECT_KINDS.get(raw.kind, raw.kind),
        address=dom.address_text(place, raw.street, raw.house, raw.flat),
        cancelled=raw.kind == "abandoned",
        urgent=False,
        reg_number=f"{raw.book_number}/{raw.account}",
    )
    return DocumentRow(values)


class HouseholdView:
    """One open view of the objects (the tab's, the export's and the printed list's rows)."""

    def __init__(self, db: Database, view: ViewQuery, user: str | Actor = "") -> None:
        sc = scope(user)
        self.db, self.view = db, view
        chosen = dict(view.extra)
        with db.read() as s:
            allowed = district_ids(s, sc)
        search = view.search.strip()
        unconfirmed = chosen.get("january")
        self.filter = q.ObjectFilter(
            district_ids=allowed,
            kind=chosen.get("kind") or None,
            fts_query=fts5_query(search) if search else None,
            ts_query=tsquery(search) if search else None,
            unconfirmed_year=date.today().year if unconfirmed == "open" else None,
        )
        self.sort = view.sort if view.sort in q.SORTS else "account"

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


@dataclass(frozen=True)
class MemberRow(MemberInfo):
    def present_on(self, day: date) -> bool:
        return dom.MemberState(self.arrived_on, self.left_on).present_on(day)

    @property
    def state_text(self) -> str:
        if self.left_on is None:
            return ""
        return f"{dom.LEFT_REASONS.get(self.left_reason, 'вибув')} {self.left_on:%d.%m.%Y}"


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    day: date
    done_by: str
    note: str

    @property
    def kind_text(self) -> str:
        return dom.EVENT_SHORT.get(self.kind, self.kind)


@dataclass(frozen=True)
class CertificateRow:
    id: int
    number: str
    kind: str
    issued_on: date
    applicant: str
    purpose: str


@dataclass(frozen=True)
class ObjectCard:
    """An object's card: the title part and its sections (every year kept)."""

    id: int
    uuid: str
    district_id: int
    district_name: str
    district_code: str
    book_id: int
    book_number: int
    cycle_start: int
    account: int
    kind: str
    settlement_id: int | None
    settlement_name: str
    street: str
    house: str
    flat: str
    note: str
    head_name: str
    members: tuple[MemberRow, ...]
    years: dict[int, YearInfo]
    events: tuple[EventRow, ...]
    certificates: tuple[CertificateRow, ...]

    @property
    def address(self) -> str:
        place = f"с. {self.settlement_name}" if self.settlement_name else ""
        return dom.address_text(place, self.street, self.house, self.flat)

    @property
    def basis(self) -> str:
        """The line a certificate names as its basis."""
        return (
            f"дані погосподарської книги № {self.book_number} за "
            f"{dom.cycle_text(self.cycle_start)} рр., особовий рахунок № {self.account}"
        )

    def present_members(self, day: date) -> list[MemberRow]:
        return [m for m in self.members if m.present_on(day)]

    def year(self, year: int) -> YearInfo:
        return self.years.get(year) or YearInfo(year)


def load_card(
    db: Database, object_id: int, user: str | Actor = "", *, log: bool = True
) -> ObjectCard:
    """An object's card for the actor (refused for another district); the opening is audited."""
    sc = scope(user)
    with db.read() as s:
        obj = object_for(s, sc, object_id, writing=False)
        district = s.get(District, obj.district_id)
        book = s.get(HouseholdBook, obj.book_id)
        assert district is not None and book is not None
        place = s.get(Settlement, obj.settlement_id) if obj.settlement_id else None
        members = tuple(
            MemberRow(
                m.id,
                m.surname,
                m.given_name,
                m.patronymic,
                m.sex,
                m.birth_date,
                m.relation,
                m.is_head,
                m.registration,
                m.registered_on,
                m.arrived_on,
                m.note,
                m.left_on,
                m.left_reason,
            )
            for m in s.scalars(
                select(HouseholdMember)
                .where(HouseholdMember.object_id == object_id)
                .order_by(HouseholdMember.is_head.desc(), HouseholdMember.id)
            )
        )
        holdings: dict[int, dict[str, dict[str, Decimal]]] = {}
        for h in s.scalars(select(HouseholdHolding).where(HouseholdHolding.object_id == object_id)):
            holdings.setdefault(h.year, {}).setdefault(h.section, {})[h.kind] = Decimal(h.amount)
        years: dict[int, YearInfo] = {}
        for y in s.scalars(select(HouseholdYear).where(HouseholdYear.object_id == object_id)):
            years[y.year] = YearInfo(
                y.year,
                y.dwelling_kind,
                y.built_year,
                y.wall_material,
                Decimal(y.total_area) if y.total_area is not None else None,
                Decimal(y.living_area) if y.living_area is not None else None,
                y.rooms,
                y.notes,
                holdings.pop(y.year, {}),
                y.confirmed_on,
                y.confirmed_by,
            )
        for year, sections in holdings.items():
            years[year] = YearInfo(year, holdings=sections)
        events = tuple(
            EventRow(e.id, e.kind, e.day, e.done_by, e.note)
            for e in s.scalars(
                select(HouseholdEvent)
                .where(HouseholdEvent.object_id == object_id)
                .order_by(HouseholdEvent.day.desc(), HouseholdEvent.id.desc())
            )
        )
        certificates = tuple(
            CertificateRow(c.id, c.number, c.kind, c.issued_on, c.applicant, c.purpose)
            for c in s.scalars(
                select(HouseholdCertificate)
                .where(HouseholdCertificate.object_id == object_id)
                .order_by(HouseholdCertificate.id.desc())
            )
        )
        card = ObjectCard(
            obj.id,
            str(obj.uuid),
            district.id,
            district.name,
            district.code,
            book.id,
            book.number,
            book.cycle_start,
            obj.account,
            obj.kind,
            obj.settlement_id,
            place.name if place else "",
            obj.street,
            obj.house,
            obj.flat,
            obj.note,
            obj.head_name,
            members,
            years,
            events,
            certificates,
        )
        record = record_of(obj)
    if log:
        audit.log(db, sc.actor, audit.OPEN, record=record, register=CODE)
    return card


def find_object(
    db: Database, district: str, account: int, user: str | Actor = "", book: int | None = None
) -> int:
    """An object by its district (code or name) and account number (in the given book, or in
    the newest cycle's books when the number is unique there)."""
    from db.models import HouseholdObject

    sc = scope(user)
    with db.read() as s:
        row = s.execute(
            select(District).where((District.code == district) | (District.name == district))
        ).scalar_one_or_none()
        if row is None or not sc.allows(row):
            raise HouseholdError(f"Старостинського округу «{district}» немає")
        stmt = (
            select(HouseholdObject.id, HouseholdBook.cycle_start)
            .join(HouseholdBook, HouseholdBook.id == HouseholdObject.book_id)
            .where(HouseholdObject.district_id == row.id, HouseholdObject.account == account)
            .order_by(HouseholdBook.cycle_start.desc())
        )
        if book is not None:
            stmt = stmt.where(HouseholdBook.number == book)
        found = s.execute(stmt).all()
    if not found:
        raise HouseholdError(f"Особового рахунку № {account} в окрузі «{district}» немає")
    newest = [i for i, start in found if start == found[0][1]]
    if len(newest) > 1:
        raise HouseholdError(
            f"Особовий рахунок № {account} є в кількох книгах округу: вкажіть книгу (--book)"
        )
    return int(newest[0])
