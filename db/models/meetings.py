"""Meetings of the executive committee and its decisions beside their `document` row.

A meeting (`meeting`) has its agenda items (`agenda_item`, each a draft decision with its visas
in `agenda_visa`), the members present (`meeting_attendance`, of the membership list
`committee_member`) and its protocol (numbered within the calendar year, 6.21). An adopted item
becomes a decision: a `document` of the «decisions» register with its own fields in
`decision_detail` (1:1), the copies sent in `decision_copy` and the extracts
certified and sent in `decision_extract` (6.18).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class CommitteeMember(Tracked, Base):
    """A member of the executive committee for the dates of the council's decision on its
    membership: the total membership of a day (quorum, 6.1; majority, 6.14) counts from here."""

    __tablename__ = "committee_member"
    __record_kind__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(150))
    position: Mapped[str] = mapped_column(String(200), default="")
    member_from: Mapped[date] = mapped_column(Date)
    member_to: Mapped[date | None] = mapped_column(Date)


class Meeting(Tracked, Base):
    """A meeting, planned (the third Thursday, 6.2) or extraordinary, and its protocol."""

    __tablename__ = "meeting"
    __record_kind__ = "meetings"
    __table_args__ = (UniqueConstraint("protocol_year", "protocol_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_date: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[str] = mapped_column(String(5), default="14:00")
    extraordinary: Mapped[bool] = mapped_column(Boolean, default=False)
    place: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(150), default="")
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    protocol_year: Mapped[int | None] = mapped_column(Integer)
    protocol_seq: Mapped[int | None] = mapped_column(Integer)
    protocol_number: Mapped[str] = mapped_column(String(20), default="")
    protocol_signed: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendance(Tracked, Base):
    """Whether a member took part in a meeting (6.1, 6.21: present and absent in the protocol)."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("committee_member.id"))
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class AgendaItem(Tracked, Base):
    """An item of a meeting's agenda: a draft decision (3.4–3.5, 5.6) and what became of it."""

    __tablename__ = "agenda_item"
    __record_kind__ = "meetings"
    __table_args__ = (Index("ix_agenda_item_meeting", "meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    department: Mapped[str] = mapped_column(String(300), default="")
    reporter: Mapped[str] = mapped_column(String(150), default="")
    invitees: Mapped[str] = mapped_column(String(500), default="")
    submitted: Mapped[date | None] = mapped_column(Date)
    published: Mapped[date | None] = mapped_column(Date)
    financial: Mapped[bool] = mapped_column(Boolean, default=False)
    # Restricted-access drafts are not published (ст. 15 ЗУ про доступ).
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    regulatory: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at_meeting: Mapped[bool] = mapped_column(Boolean, default=False)  # 5.7
    speakers: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstained: Mapped[int | None] = mapped_column(Integer)
    votes_not_voted: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20), default="")
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)


class AgendaVisa(Tracked, Base):
    """A visa on a draft decision (3.9): who, when, agreed or with remarks (3.10)."""

    __tablename__ = "agenda_visa"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))
    person: Mapped[str] = mapped_column(String(150), default="")
    visa_date: Mapped[date | None] = mapped_column(Date)
    verdict: Mapped[str] = mapped_column(String(20), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")


class DecisionDetail(Tracked, Base):
    """A decision's own fields: its meeting, protocol and draft, who prepared it, whether it is
    a regulatory act, what it cancels and whether it is still in force, and its distribution."""

    __tablename__ = "decision_detail"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"))
    protocol_number: Mapped[str] = mapped_column(String(20), default="")
    department: Mapped[str] = mapped_column(String(300), default="")
    regulatory: Mapped[bool] = mapped_column(Boolean, default=False)
    # A regulatory act's entry into force: its tracking schedule counts from it (ст. 10).
    entry_into_force: Mapped[date | None] = mapped_column(Date)
    cancels_numbers: Mapped[str] = mapped_column(String(300), default="")
    lost_force: Mapped[str] = mapped_column(String(150), default="")
    # 6.16: the mayor's orders that suspended the decision, as the table shows their numbers.
    suspended_numbers: Mapped[str] = mapped_column(String(300), default="")
    copies_text: Mapped[str] = mapped_column(String(300), default="")
    copies_state: Mapped[str] = mapped_column(String(300), default="")
    # 6.18: the extracts, apart from the copies: to whom (shown), their state, the last day to
    # send them (3 working days from the executor's receipt) and how many are still to send —
    # the register flags those late as of the day it is shown (decisions.present).
    extracts_text: Mapped[str] = mapped_column(String(300), default="")
    extracts_state: Mapped[str] = mapped_column(String(300), default="")
    extracts_due: Mapped[date | None] = mapped_column(Date)
    extracts_pending: Mapped[int] = mapped_column(Integer, default=0)


class DecisionCopy(Tracked, Base):
    """A copy (or an extract) of a decision sent (6.18), with the day it went."""

    __tablename__ = "decision_copy"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    recipient: Mapped[str] = mapped_column(String(300), default="")
    sent_date: Mapped[date | None] = mapped_column(Date)


class DecisionExtract(Tracked, Base):
    """An extract from a decision (6.18): the points that concern one legal or natural person,
    certified in the general department (when, by whom) and sent (when) — apart from the copies
    distributed to the executors (`decision_copy`)."""

    __tablename__ = "decision_extract"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    recipient: Mapped[str] = mapped_column(String(300), default="")
    points: Mapped[str] = mapped_column(String(100), default="")
    wording: Mapped[str] = mapped_column(Text, default="")
    certified_date: Mapped[date | None] = mapped_column(Date)
    certified_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    certified_by_name: Mapped[str] = mapped_column(String(150), default="")
    sent_date: Mapped[date | None] = mapped_column(Date)


class RegulatoryTracking(Tracked, Base):
    """A tracking of a regulatory act's effectiveness (ЗУ № 1160-IV ст. 10; regulation 7.7):
    base, repeated or periodic, its due day (and the earliest day for the repeated one), the day
    it was done and its report."""

    __tablename__ = "regulatory_tracking"
    __table_args__ = (UniqueConstraint("document_id", "kind", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=1)
    due_from: Mapped[date | None] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date, index=True)
    done: Mapped[date | None] = mapped_column(Date)
    report: Mapped[str] = mapped_column(Text, default="")
