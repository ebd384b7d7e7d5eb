"""Reference data (довідники): departments, staff, correspondents, nomenclature, calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked
from db.types import SortKey


class Department(Tracked, Base):
    """An executive body (виконавчий орган) with the index code used in case indexes."""

    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    index_code: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Staff(Tracked, Base):
    """A person who can author resolutions or execute documents.

    `dative_override` holds a hand-corrected dative form («Коваль О. П.») for the rare name the
    declension library gets wrong; when empty the library's form is used.
    """

    __tablename__ = "staff"
    # The staff list is an entity register: a change names it to the other PCs by this kind.
    __record_kind__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    surname: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    gender: Mapped[str] = mapped_column(String(1), default="m")
    position: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    dative_override: Mapped[str] = mapped_column(String(150), default="")
    sort_key: Mapped[str] = mapped_column(SortKey(150), default="", index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Correspondent(Tracked, Base):
    """An organisation or person that sends or receives correspondence."""

    __tablename__ = "correspondent"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    email: Mapped[str] = mapped_column(String(150), default="")
    # Unique: one correspondent per name (case and apostrophes ignored), even when two clerks
    # type the same new sender at the same moment.
    search_name: Mapped[str] = mapped_column(String(300), default="", unique=True)
    sort_key: Mapped[str] = mapped_column(SortKey(300), default="", index=True)


class CaseFile(Tracked, Base):
    """A case of the nomenclature (номенклатура справ): index, title, retention, year."""

    __tablename__ = "case_file"
    __table_args__ = (UniqueConstraint("year", "index", name="uq_case_file_year_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    index: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(500))
    retention: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[int] = mapped_column(Integer)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))


class CalendarDay(Tracked, Base):
    """An administrator's change to the working calendar: an extra day off or a working day."""

    __tablename__ = "calendar_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")
