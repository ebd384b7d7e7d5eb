"""Queries behind the duplicate warning and the links between a letter and its answers.

Both read through existing indexes: `ix_document_ext_number` (register, ext_number) for the
sender's number, `ix_document_reg_date` (register, reg_date) for a sender's recent letters, and
the `document_link` indexes for «у відповідь на». Query functions take a Session, never commit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Correspondent, Document, DocumentLink

CANDIDATE_LIMIT = 200

_COLUMNS = (
    Document.id,
    Document.register,
    Document.reg_number,
    Document.reg_date,
    Document.correspondent_name,
    Document.ext_number,
    Document.ext_date,
    Document.summary,
)


def correspondent_id(s: Session, search_name: str) -> int | None:
    """The correspondent whose normalised name is `search_name` (None: a new sender)."""
    stmt = select(Correspondent.id).where(Correspondent.search_name == search_name)
    return s.execute(stmt).scalar_one_or_none()


def same_sender_number(
    s: Session, register: str, sender_id: int, ext_number: str, exclude: int | None = None
) -> list[Any]:
    """Documents of `register` from this sender with this sender's number (not cancelled)."""
    stmt = (
        select(*_COLUMNS)
        .where(
            Document.register == register,
            Document.ext_number == ext_number,
            Document.correspondent_id == sender_id,
            Document.cancelled.is_(False),
        )
        .order_by(Document.reg_date.desc(), Document.id.desc())
        .limit(CANDIDATE_LIMIT)
    )
    if exclude is not None:
        stmt = stmt.where(Document.id != exclude)
    return list(s.execute(stmt))


def recent_from_sender(
    s: Session, register: str, sender_id: int, since: date, until: date, exclude: int | None = None
) -> list[Any]:
    """Documents of `register` from this sender registered in [since, until] (not cancelled)."""
    stmt = (
        select(*_COLUMNS)
        .where(
            Document.register == register,
            Document.reg_date >= since,
            Document.reg_date <= until,
            Document.correspondent_id == sender_id,
            Document.cancelled.is_(False),
        )
        .order_by(Document.reg_date.desc(), Document.id.desc())
        .limit(CANDIDATE_LIMIT)
    )
    if exclude is not None:
        stmt = stmt.where(Document.id != exclude)
    return list(s.execute(stmt))


def answers_to(s: Session, doc_id: int) -> list[Any]:
    """Documents that answer `doc_id` («у відповідь на» names it), oldest first."""
    stmt = (
        select(*_COLUMNS)
        .join(DocumentLink, DocumentLink.document_id == Document.id)
        .where(DocumentLink.target_id == doc_id, DocumentLink.relation == "reply_to")
        .order_by(Document.reg_date, Document.id)
    )
    return list(s.execute(stmt))


def answered_by(s: Session, doc_id: int) -> list[Any]:
    """Documents that `doc_id` answers, in the order its card names them."""
    stmt = (
        select(*_COLUMNS)
        .join(DocumentLink, DocumentLink.target_id == Document.id)
        .where(DocumentLink.document_id == doc_id, DocumentLink.relation == "reply_to")
        .order_by(DocumentLink.id)
    )
    return list(s.execute(stmt))
