"""Household books (погосподарський облік) per starosta district.

The aggregate is the object of household accounting (об'єкт ПГО) with its card: members,
yearly sections as of 1 January (the dwelling and notes in `HouseholdYear`; land, livestock,
machinery as `HouseholdHolding` rows by section and kind), work events and certificates. Every
table is `Tracked`: a district copy and the centre recognise a record by its uuid, and «what
changed since the last exchange» is `usn > N` (db/exchange.py). The district owns its books,
objects and certificates; the centre owns the districts, settlements and templates.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class District(Tracked, Base):
    """A starosta district (старостинський округ); `code` is what a starosta's account names."""

    __tablename__ = "hh_district"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    starosta_name: Mapped[str] = mapped_column(String(150), default="")
    starosta_position: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Settlement(Tracked, Base):
    """A settlement (село, селище) of a district."""

    __tablename__ = "hh_settlement"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("hh_district.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), default="село")


class HouseholdBook(Tracked, Base):
    """A book of a district opened for a five-year cycle (2026–2030: `cycle_start` 2026)."""

    __tablename__ = "hh_book"
    __table_args__ = (UniqueConstraint("district_id", "cycle_start", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("hh_district.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    cycle_start: Mapped[int] = mapped_column(Integer)
    settlement_id: Mapped[int | None] = mapped_column(ForeignKey("hh_settlement.id"))
    note: Mapped[str] = mapped_column(String(300), default="")


class HouseholdObject(Tracked, Base):
    """An object of household accounting: its account number within its book, type, address,
    head. `head_name` and `search_text` are derived (kept by the service from the members)."""

    __tablename__ = "hh_object"
    __table_args__ = (
        UniqueConstraint("book_id", "account"),
        Index("ix_hh_object_district_sort", "district_id", "book_number", "account"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("hh_district.id"))
    book_id: Mapped[int] = mapped_column(ForeignKey("hh_book.id"), index=True)
    book_number: Mapped[int] = mapped_column(Integer)
    account: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    settlement_id: Mapped[int | None] = mapped_column(ForeignKey("hh_settlement.id"))
    street: Mapped[str] = mapped_column(String(200), default="")
    house: Mapped[str] = mapped_column(String(20), default="")
    flat: Mapped[str] = mapped_column(String(20), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_sort: Mapped[str] = mapped_column(String(200), default="", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")


class HouseholdMember(Tracked, Base):
    """A person of an object. Arrival, leaving and death are dates on the row, never a
    deletion: the card keeps the history of who lived there."""

    __tablename__ = "hh_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("hh_object.id"), index=True)
    surname: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(1), default="m")
    birth_date: Mapped[date | None] = mapped_column(Date)
    relation: Mapped[str] = mapped_column(String(50), default="")
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)
    registration: Mapped[str] = mapped_column(String(20), default="registered")
    registered_on: Mapped[date | None] = mapped_column(Date)
    arrived_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class HouseholdYear(Tracked, Base):
    """The yearly part of a card as of 1 January of `year`: the dwelling, the notes, and the
    January check (`confirmed_on`: when the data for the year were confirmed)."""

    __tablename__ = "hh_year"
    __table_args__ = (UniqueConstraint("object_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("hh_object.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    confirmed_by: Mapped[str] = mapped_column(String(100), default="")
    dwelling_kind: Mapped[str] = mapped_column(String(30), default="")
    built_year: Mapped[int | None] = mapped_column(Integer)
    wall_material: Mapped[str] = mapped_column(String(50), default="")
    total_area: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    living_area: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    rooms: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class HouseholdHolding(Tracked, Base):
    """One line of a yearly section: land by purpose (ha), livestock/poultry/bees or machinery
    by kind (a count), as of 1 January of `year`."""

    __tablename__ = "hh_holding"
    __table_args__ = (UniqueConstraint("object_id", "year", "section", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("hh_object.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(30))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 4))


class HouseholdEvent(Tracked, Base):
    """A piece of work on an object (a visit, an entry in the paper book or the program in
    full or partly, a desk check): what the completeness table counts."""

    __tablename__ = "hh_event"
    __table_args__ = (Index("ix_hh_event_district_day", "district_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("hh_object.id"), index=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("hh_district.id"))
    kind: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(150), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class CertificateTemplate(Tracked, Base):
    """An editable kind of certificate: the body with placeholders like «{голова}»."""

    __tablename__ = "hh_cert_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class HouseholdCertificate(Tracked, Base):
    """An issued certificate, numbered in its district's series within the year."""

    __tablename__ = "hh_certificate"
    __table_args__ = (UniqueConstraint("district_id", "year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("hh_district.id"), index=True)
    object_id: Mapped[int] = mapped_column(ForeignKey("hh_object.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(30))
    issued_on: Mapped[date] = mapped_column(Date)
    applicant: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(String(300), default="")
    basis: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    signer_position: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(150), default="")


class ExchangeState(Base):
    """This database's side of the exchange: the centre (`district_code` empty) or a district
    copy; per peer, the change number last sent and confirmed, and the peer's last applied."""

    __tablename__ = "hh_exchange_state"

    peer: Mapped[str] = mapped_column(String(20), primary_key=True)
    sent_usn: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_usn: Mapped[int] = mapped_column(Integer, default=0)
    received_usn: Mapped[int] = mapped_column(Integer, default=0)
