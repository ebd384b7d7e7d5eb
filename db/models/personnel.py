"""Personnel files (особові справи): the file of a person of the staff list, the periods of
previous service, and the service history (appointments, transfers, vacations, dismissal …).

One person, one record: the file is 1:1 with `staff` (the executors' list), so hiring someone
puts them on the list and dismissing them takes them off it (next-registers.md §4.4). Each event
of the history is dated and names the personnel order (розпорядження, series «-к») that made
it, by reference to its `document` row and by its number as typed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class PersonnelFile(Tracked, Base):
    """The file of an employee: what the staff list does not keep (sex, names, post and
    department stay in `staff`). `category`, `rank`, `hired_date` and `dismissed_date` are
    derived from the history on every change, so the table paints without a join."""

    __tablename__ = "personnel_file"
    __record_kind__ = "personnel"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    personnel_number: Mapped[str] = mapped_column(String(20), unique=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    email: Mapped[str] = mapped_column(String(150), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    education: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[int | None] = mapped_column(Integer)
    rank: Mapped[int | None] = mapped_column(Integer)
    hired_date: Mapped[date | None] = mapped_column(Date)
    dismissed_date: Mapped[date | None] = mapped_column(Date)
    # What the reminders need (app/domain/personnel.FileState), derived with the values above.
    service_start: Mapped[date | None] = mapped_column(Date)
    trial_end: Mapped[date | None] = mapped_column(Date)
    trial_kind: Mapped[str] = mapped_column(String(30), default="", server_default="")
    contract_end: Mapped[date | None] = mapped_column(Date)
    contract_kind: Mapped[str] = mapped_column(String(30), default="", server_default="")
    attestation_due: Mapped[date | None] = mapped_column(Date)
    training_due: Mapped[date | None] = mapped_column(Date)
    martial_hire: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    seniority_granted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reserve_state: Mapped[str] = mapped_column(String(30), default="", server_default="")
    reserve_reviewed: Mapped[date | None] = mapped_column(Date)
    # The edition of the rules the values above were derived by (personnel_reminders.
    # STATE_VERSION); 0 — never derived (files written before 0009): derived at the next scan.
    state_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def id(self) -> int:
        return self.staff_id


class PriorService(Tracked, Base):
    """A period of previous service; `counts` — it counts toward the seniority bonus."""

    __tablename__ = "personnel_prior_service"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("personnel_file.staff_id"), index=True)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    employer: Mapped[str] = mapped_column(String(300), default="")
    counts: Mapped[bool] = mapped_column(Boolean, default=True)


class PersonnelEvent(Tracked, Base):
    """An entry of the service history. `detail` is the basis, ground, kind or result the kind
    asks for (app/domain/personnel.py); `amount` the days of a vacation or the threshold in years
    of a seniority bonus, `percent` the bonus."""

    __tablename__ = "personnel_event"
    __table_args__ = (
        Index("ix_personnel_event_kind_date", "kind", "event_date"),
        Index("ix_personnel_event_staff_date", "staff_id", "event_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("personnel_file.staff_id"))
    kind: Mapped[str] = mapped_column(String(30))
    event_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    detail: Mapped[str] = mapped_column(String(200), default="")
    post: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    category: Mapped[int | None] = mapped_column(Integer)
    rank: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[int | None] = mapped_column(Integer)
    percent: Mapped[int | None] = mapped_column(Integer)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    order_number: Mapped[str] = mapped_column(String(50), default="")
    order_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
