"""Citizens' appeals and public-information requests: their own fields beside `document`.

`document` keeps the common core (number, date of receipt, summary, the «no additional study» /
«urgent» flag in `urgent`, case index, control and term); an appeal's classification, result and
forwarding live in `appeal_detail`, its authors — personal data kept nowhere else, never in the
correspondents' list — in `appeal_applicant`, the topics of its questions in `appeal_topic`; an
information request's own fields in `info_request_detail`. The classifier is data
(`classifier_item`), each item with the days it is in effect.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked
from db.types import SortKey


class ClassifierItem(Tracked, Base):
    """An item of one list of the appeals' classifier (ПКМУ № 858) or of the requests' lists:
    offered from `valid_from` to `valid_to` (both included, empty: unlimited)."""

    __tablename__ = "classifier_item"
    __table_args__ = (Index("ix_classifier_item_list", "list_code", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_code: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(300))
    privileged: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AppealDetail(Tracked, Base):
    """An appeal's classification (how received, sign, type, subject, form), its authors and
    topics as the table shows them, who received it orally, the check for repeats, forwarding
    and the result."""

    __tablename__ = "appeal_detail"
    __table_args__ = (
        Index("ix_appeal_detail_author", "author_sort", "document_id"),
        Index("ix_appeal_detail_privileged", "privileged", "document_id"),
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), primary_key=True)
    received_way: Mapped[str] = mapped_column(String(100), default="")
    sign: Mapped[str] = mapped_column(String(100), default="")
    appeal_type: Mapped[str] = mapped_column(String(100), default="")
    subject: Mapped[str] = mapped_column(String(100), default="")
    form: Mapped[str] = mapped_column(String(100), default="")
    # The authors as the table shows them, and the first author's name sorted by.
    applicants_text: Mapped[str] = mapped_column(String(300), default="")
    author_name: Mapped[str] = mapped_column(String(300), default="")
    author_sort: Mapped[str] = mapped_column(SortKey(80), default="")
    # An author with privileges by law: the appeal goes first (ст. 20).
    privileged: Mapped[bool] = mapped_column(Boolean, default=False)
    topics_text: Mapped[str] = mapped_column(String(300), default="")
    # Personal reception (31.5): who received the oral appeal.
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    received_by_name: Mapped[str] = mapped_column(String(150), default="")
    # What the program found at registration (earlier appeals of the author on the topic) and
    # what the clerk decided (ст. 8).
    earlier_found: Mapped[str] = mapped_column(String(300), default="")
    earlier_numbers: Mapped[str] = mapped_column(String(300), default="")
    decision: Mapped[str] = mapped_column(String(200), default="")
    # Forwarding to the competent body within 5 days (ст. 7), with the outgoing letter.
    forwarded_to: Mapped[str] = mapped_column(String(300), default="")
    forwarded_date: Mapped[date | None] = mapped_column(Date)
    forward_numbers: Mapped[str] = mapped_column(String(300), default="")
    forward_late: Mapped[bool] = mapped_column(Boolean, default=False)
    # The result (classifier 9.x), when, and the answer in the outgoing register.
    result: Mapped[str] = mapped_column(String(100), default="")
    result_date: Mapped[date | None] = mapped_column(Date)
    answer_numbers: Mapped[str] = mapped_column(String(300), default="")
    term_rule: Mapped[str] = mapped_column(String(100), default="")


class AppealApplicant(Tracked, Base):
    """An author of an appeal (several: a collective appeal). `name_key` is the normalised
    full name the repeat check compares."""

    __tablename__ = "appeal_applicant"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    surname: Mapped[str] = mapped_column(String(100), default="")
    given_name: Mapped[str] = mapped_column(String(100), default="")
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(150), default="")
    category: Mapped[str] = mapped_column(String(150), default="")
    social_status: Mapped[str] = mapped_column(String(150), default="")
    name_key: Mapped[str] = mapped_column(String(300), default="", index=True)


class AppealTopic(Tracked, Base):
    """A topic of a question the appeal raises (classifier II; several per appeal)."""

    __tablename__ = "appeal_topic"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(300), default="", index=True)


class InfoRequestDetail(Tracked, Base):
    """A public-information request's own fields: the requester (a person or an organisation),
    how it came, the form of answer wanted, the notice of an extension, the result and the
    copying fee (ст. 19–22 ЗУ «Про доступ до публічної інформації»)."""

    __tablename__ = "info_request_detail"
    __table_args__ = (Index("ix_info_request_detail_requester", "requester_sort", "document_id"),)

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), primary_key=True)
    requester: Mapped[str] = mapped_column(String(300), default="")
    requester_sort: Mapped[str] = mapped_column(SortKey(80), default="")
    requester_kind: Mapped[str] = mapped_column(String(100), default="")
    requester_address: Mapped[str] = mapped_column(String(300), default="")
    requester_email: Mapped[str] = mapped_column(String(150), default="")
    requester_phone: Mapped[str] = mapped_column(String(50), default="")
    received_way: Mapped[str] = mapped_column(String(100), default="")
    answer_form: Mapped[str] = mapped_column(String(100), default="")
    notice_date: Mapped[date | None] = mapped_column(Date)
    notice_state: Mapped[str] = mapped_column(String(200), default="")
    notice_late: Mapped[bool] = mapped_column(Boolean, default=False)
    forwarded_to: Mapped[str] = mapped_column(String(300), default="")
    result: Mapped[str] = mapped_column(String(200), default="")
    result_date: Mapped[date | None] = mapped_column(Date)
    answer_numbers: Mapped[str] = mapped_column(String(300), default="")
    pages: Mapped[int | None] = mapped_column(Integer)
    free_copies: Mapped[bool] = mapped_column(Boolean, default=False)
    copy_cost: Mapped[str] = mapped_column(String(30), default="")
    term_rule: Mapped[str] = mapped_column(String(100), default="")


class ReceptionSlot(Tracked, Base):
    """A line of the schedule of personal reception (ст. 22 ЗУ «Про звернення громадян»,
    regulation 31.5): who receives (a person of the staff list), the post as the schedule
    names it, the days and hours, the place; `order` is the line's place in the printed
    schedule; a line no longer in force is inactive, never deleted."""

    __tablename__ = "reception_slot"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    position: Mapped[str] = mapped_column(String(200), default="")
    days_hours: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
