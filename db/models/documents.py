"""Registered documents of every correspondence register, with resolutions and control.

One table holds the documents of all registers (incoming now; outgoing, decisions, orders and
appeals later), told apart by `register`. Numbering, control, the overdue scan, search and the
control centre then work across registers without a union of look-alike tables. Columns shown in
the table and sorted on are denormalised here (`correspondent_name`, `lead_executor_name`, the
`*_sort` keys) so that a 1,000,000-row register sorts on an index, never in Python.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Tracked
from db.types import SortKey


class RegisterCounter(Base):
    """The last number given in a register's series for a year.

    Incremented inside the registering transaction, so a number is used exactly when the document
    is stored: never reused, and no gaps even when two clerks register at the same moment.
    """

    __tablename__ = "register_counter"

    register: Mapped[str] = mapped_column(String(20), primary_key=True)
    # A register may keep several series (orders on main activity and on personnel, 4.13), each
    # numbered from 1 every calendar year; "" is the one series of a register that has one.
    series: Mapped[str] = mapped_column(String(20), primary_key=True, default="")
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Document(Tracked, Base):
    __tablename__ = "document"
    __table_args__ = (
        # A number is its running number and its sub-number («931», «931-1»: `sub`).
        UniqueConstraint("register", "series", "year", "seq", "sub", name="uq_document_number"),
        Index("ix_document_reg_date", "register", "reg_date", "seq", "sub"),
        # The number order across series (orders: 1-к, 1-р, 2-к …), which the unique
        # (register, series, year, seq, sub) cannot serve.
        Index("ix_document_number", "register", "year", "seq", "sub"),
        Index("ix_document_correspondent", "register", "correspondent_sort", "id"),
        Index("ix_document_kind", "register", "kind", "id"),
        Index("ix_document_summary", "register", "summary_sort", "id"),
        Index("ix_document_executor", "register", "lead_executor_sort", "id"),
        Index("ix_document_due", "register", "due_date", "id"),
        Index("ix_document_ext_number", "register", "ext_number", "id"),
        Index("ix_document_sent", "register", "sent_date", "id"),
        # Two partial indexes, made by the migrations on both engines (0002: done_date IS NOT
        # NULL; 0001: open controls — on_control AND done_date IS NULL). Their WHERE is not
        # declared here: a `postgresql_where` makes SQLAlchemy import its PostgreSQL dialect with
        # every driver's module at the first import of this model, a twentieth of the window's
        # start on SQLite; Alembic's comparison does not look at it (tests/db/test_migrations.py).
        Index("ix_document_done", "done_date"),
        Index("ix_document_open_control", "register", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    register: Mapped[str] = mapped_column(String(20))
    series: Mapped[str] = mapped_column(String(20), default="", server_default="")
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    # A sub-number written after the running number in registers that keep numbers as written
    # (decisions «931-1», «24/119»), as a key that sorts numerically (app.domain.numbering.
    # sub_key): "" for the plain number, so «931» is unique within its year and «931-1» too.
    sub: Mapped[str] = mapped_column(String(30), default="", server_default="")
    reg_number: Mapped[str] = mapped_column(String(50))
    reg_date: Mapped[date] = mapped_column(Date)

    correspondent_id: Mapped[int | None] = mapped_column(ForeignKey("correspondent.id"))
    correspondent_name: Mapped[str] = mapped_column(String(300), default="")
    correspondent_sort: Mapped[str] = mapped_column(SortKey(80), default="")
    ext_number: Mapped[str] = mapped_column(String(50), default="")
    ext_date: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(100), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    summary_sort: Mapped[str] = mapped_column(SortKey(60), default="")
    sheets: Mapped[int | None] = mapped_column(Integer)
    case_index: Mapped[str] = mapped_column(String(30), default="")
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Outgoing documents: the title, who signed, the executor's phone, copies and sending.
    title: Mapped[str] = mapped_column(String(300), default="")
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    signatory_name: Mapped[str] = mapped_column(String(150), default="")
    executor_phone: Mapped[str] = mapped_column(String(50), default="")
    copies: Mapped[int | None] = mapped_column(Integer)
    send_method: Mapped[str] = mapped_column(String(50), default="")
    sent_date: Mapped[date | None] = mapped_column(Date)
    # The numbers of the documents this one answers, as the table shows them («12/01-12, 15»).
    reply_numbers: Mapped[str] = mapped_column(String(300), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    on_control: Mapped[bool] = mapped_column(Boolean, default=False)
    # The term everyone reads (centre, overdue, «Термін»): with interim reports the next report
    # not yet given, the final term kept in `final_due` (app/services/interim_reports.py).
    due_date: Mapped[date | None] = mapped_column(Date)
    final_due: Mapped[date | None] = mapped_column(Date)
    done_date: Mapped[date | None] = mapped_column(Date)
    lead_executor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    lead_executor_name: Mapped[str] = mapped_column(String(150), default="")
    lead_executor_sort: Mapped[str] = mapped_column(SortKey(80), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)

    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str] = mapped_column(String(500), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    resolutions: Mapped[list[Resolution]] = relationship(
        back_populates="document", order_by="Resolution.id", cascade="all, delete-orphan"
    )
    control_events: Mapped[list[ControlEvent]] = relationship(
        back_populates="document", order_by="ControlEvent.id", cascade="all, delete-orphan"
    )
    addressees: Mapped[list[Addressee]] = relationship(
        order_by="Addressee.position", cascade="all, delete-orphan"
    )
    links: Mapped[list[DocumentLink]] = relationship(
        foreign_keys="DocumentLink.document_id",
        order_by="DocumentLink.id",
        cascade="all, delete-orphan",
    )


class Addressee(Tracked, Base):
    """An addressee of an outgoing document, as it was when the document was registered.

    The name links to the correspondents' list; the address is copied, so a later change of a
    correspondent's address does not rewrite where a letter was sent.
    """

    __tablename__ = "addressee"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    correspondent_id: Mapped[int | None] = mapped_column(ForeignKey("correspondent.id"))
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    email: Mapped[str] = mapped_column(String(150), default="")


class DocumentLink(Tracked, Base):
    """A link from document `document_id` to document `target_id`, named by `relation`: the
    key of the spec field that made it («reply_to»: an outgoing letter answers an incoming one,
    10.2; «executes» and «cancels»: an order executes a document or cancels an earlier order)."""

    __tablename__ = "document_link"
    __table_args__ = (UniqueConstraint("document_id", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    relation: Mapped[str] = mapped_column(String(30), default="reply_to", server_default="reply_to")
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)


class Resolution(Tracked, Base):
    """A resolution (9.5): author, executors in order (the first is the lead), task, term, date.

    A later resolution may detail an earlier one (`parent_id`).
    """

    __tablename__ = "resolution"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("resolution.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    task: Mapped[str] = mapped_column(Text, default="")
    term: Mapped[date | None] = mapped_column(Date)
    resolution_date: Mapped[date] = mapped_column(Date)

    document: Mapped[Document] = relationship(back_populates="resolutions")
    executors: Mapped[list[ResolutionExecutor]] = relationship(
        order_by="ResolutionExecutor.position", cascade="all, delete-orphan"
    )


class ResolutionExecutor(Base):
    __tablename__ = "resolution_executor"

    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolution.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)


class ControlEvent(Tracked, Base):
    """One entry of a document's control history; nothing here is ever updated or deleted.

    kind: "set" (put on control with a term), "extend" (new term with a reason; the old term is
    kept in `old_term`), "progress" (a progress note), "remove" (removed from control with its
    basis: the document, the date, who removed it), "reopen" (put back on control).
    """

    __tablename__ = "control_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    event_date: Mapped[date] = mapped_column(Date)
    old_term: Mapped[date | None] = mapped_column(Date)
    new_term: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(String(300), default="")
    person: Mapped[str] = mapped_column(String(150), default="")

    document: Mapped[Document] = relationship(back_populates="control_events")


class ControlReport(Tracked, Base):
    """An interim report on a long control (3.4, 4.7, 9.12): the day it is due, the day it was
    given (None: not yet), what it said and who gave it."""

    __tablename__ = "control_report"
    __table_args__ = (UniqueConstraint("document_id", "due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    due: Mapped[date] = mapped_column(Date)
    given: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    person: Mapped[str] = mapped_column(String(150), default="")


class Attachment(Tracked, Base):
    """A scanned copy (PDF or image) kept in the database, so a backup carries it along."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)
