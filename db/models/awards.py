"""Awards (відзнаки, regulation 28): the kinds and occasions (reference lists an administrator
edits) and an award's own fields beside its `document` row.

`document` keeps the award's common core: its number in the register of awards, the date the
petition was entered, the kind (`kind`), the merits (`summary`), who petitioned
(`correspondent_name`), notes. `award_detail` (1:1) keeps the recipient, the occasion, the
dates of the petition and the ceremony, the order that granted it and the handing over.
`recipient_key` (the name folded for search) is indexed: the eligibility check reads a
person's earlier awards by it, in milliseconds with 100,000 awards in the register.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class AwardKind(Tracked, Base):
    """A kind of award and its rules (app.domain.awards.AwardKind; 0 switches a rule off)."""

    __tablename__ = "award_kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    title: Mapped[str] = mapped_column(String(100))
    heading: Mapped[str] = mapped_column(String(150), default="")
    to_persons: Mapped[bool] = mapped_column(Boolean, default=True)
    to_collectives: Mapped[bool] = mapped_column(Boolean, default=True)
    lead_days: Mapped[int] = mapped_column(Integer, default=7)
    min_years: Mapped[int] = mapped_column(Integer, default=0)
    repeat_years: Mapped[int] = mapped_column(Integer, default=0)
    # The titles of the kinds one of which must come first, separated by «;».
    ladder: Mapped[str] = mapped_column(String(300), default="")
    ladder_years: Mapped[int] = mapped_column(Integer, default=0)
    name_case: Mapped[str] = mapped_column(String(20), default="nominative")
    template: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AwardOccasion(Tracked, Base):
    """An occasion of awarding: a state or professional holiday, a jubilee (28.3)."""

    __tablename__ = "award_occasion"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), unique=True)
    day: Mapped[str] = mapped_column(String(50), default="")  # «24.08», «3-тя неділя червня»
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AwardDetail(Tracked, Base):
    """An award's own fields (the petition, the recipient, the granting, the handing over)."""

    __tablename__ = "award_detail"
    __table_args__ = (
        Index("ix_award_detail_recipient", "recipient_key", "award_date"),
        Index("ix_award_detail_order", "order_id", "document_id"),
        Index("ix_award_detail_ceremony", "ceremony_date", "document_id"),
        Index("ix_award_detail_occasion", "occasion", "ceremony_date"),
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), primary_key=True)
    recipient_type: Mapped[str] = mapped_column(String(20), default="особа")
    recipient: Mapped[str] = mapped_column(String(300), default="")
    recipient_key: Mapped[str] = mapped_column(String(300), default="")
    sex: Mapped[str] = mapped_column(String(10), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    workplace: Mapped[str] = mapped_column(String(300), default="")
    years_of_work: Mapped[int | None] = mapped_column(Integer)
    # An employee of the council's own staff list (personnel files list his awards).
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    occasion: Mapped[str] = mapped_column(String(200), default="")
    petition_date: Mapped[date | None] = mapped_column(Date)
    ceremony_date: Mapped[date | None] = mapped_column(Date)
    petition_late: Mapped[bool] = mapped_column(Boolean, default=False)
    # The granting order (розпорядження міського голови): the link, its number as shown, and
    # its id and date kept here so that certificates and statistics need no join over links.
    order_numbers: Mapped[str] = mapped_column(String(300), default="")
    order_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    award_date: Mapped[date | None] = mapped_column(Date)
    handed_date: Mapped[date | None] = mapped_column(Date)
    handed_by: Mapped[str] = mapped_column(String(150), default="")
    # The recipient's name as the certificate prints it, corrected by a clerk (kept).
    name_override: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(100), default="")
