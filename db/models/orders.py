"""The mayor's orders (розпорядження): the fields only an order has, beside its `document` row.

`document` keeps the common core of every register (number, series, date, title, summary, kind,
case index, signatory, control); an order's own fields live in `order_detail` (1:1) and the
executors who received copies in `order_copy` (one row per executor, 4.16).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class OrderDetail(Tracked, Base):
    """An order's own fields: who prepared it, what it executes or cancels, whether it is still
    in force, and the state of its copies (4.16: handed within 3 working days of signing)."""

    __tablename__ = "order_detail"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), primary_key=True)
    prepared_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    prepared_by_name: Mapped[str] = mapped_column(String(150), default="")
    executes_numbers: Mapped[str] = mapped_column(String(300), default="")
    cancels_numbers: Mapped[str] = mapped_column(String(300), default="")
    # «Втратило чинність»: the order that cancelled this one, as the table shows it.
    lost_force: Mapped[str] = mapped_column(String(150), default="")
    # Copies: the last day they may be handed (signing + 3 working days), how many are still to
    # hand, and whether any was handed late — kept so that the table paints without a join.
    copies_due: Mapped[date | None] = mapped_column(Date)
    copies_pending: Mapped[int] = mapped_column(Integer, default=0)
    copies_late: Mapped[bool] = mapped_column(Boolean, default=False)
    # The copies as the table and the export show them («Коваль О. П. | 03.11.2026; …»: the
    # same text imports back) and what the program says about them («видано 1 з 2; …»).
    copies_text: Mapped[str] = mapped_column(String(300), default="")
    copies_state: Mapped[str] = mapped_column(String(300), default="")


class OrderCopy(Tracked, Base):
    """A copy of an order handed to an executor (4.16) — in full, or an extract of the points
    named — with the date it was handed."""

    __tablename__ = "order_copy"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    executor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    executor_name: Mapped[str] = mapped_column(String(150), default="")
    handed_date: Mapped[date | None] = mapped_column(Date)
    # 4.16: «повністю або витяги»: the points of an extract ("" — the order in full).
    points: Mapped[str] = mapped_column(String(100), default="")
