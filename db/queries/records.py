"""Queries that read a document's own records for the storage of its fields: the rows of a
child table, the addressees, the documents a number names, the links of a relation, the staff
list by name. Query functions take a Session and never commit (the services own the
transaction)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Addressee, Document, DocumentLink, Staff


def child_rows(s: Session, model: Any, doc_id: int) -> list[Any]:
    """The rows of a child table (document_id, position) of one document, in order."""
    stmt = select(model).where(model.document_id == doc_id).order_by(model.position)
    return list(s.execute(stmt).scalars())


def child_values(s: Session, model: Any, doc_id: int, column: str) -> list[Any]:
    """One column of a child table's rows of one document."""
    stmt = select(getattr(model, column)).where(model.document_id == doc_id)
    return list(s.execute(stmt).scalars())


def staff_for_lookup(s: Session) -> list[Staff]:
    """Every person of the staff list, those who left first (a later active one wins)."""
    stmt = select(Staff).order_by(Staff.active.asc(), Staff.id.desc())
    return list(s.execute(stmt).scalars())


def addressees(s: Session, doc_id: int) -> list[Any]:
    stmt = (
        select(Addressee.name, Addressee.address, Addressee.postal_code, Addressee.email)
        .where(Addressee.document_id == doc_id)
        .order_by(Addressee.position)
    )
    return list(s.execute(stmt).all())


def document_by_number(
    s: Session, register: str, number: str, day: date, signed: date | None = None
) -> Document | None:
    """The document of `register` numbered `number`: registered on `signed` when given, else
    the latest registered on or before `day` (a bare running number: of `day`'s year)."""
    base = select(Document).where(Document.register == register, Document.reg_date <= day)
    latest = (Document.reg_date.desc(), Document.id.desc())
    if signed is not None:
        stmt = base.where(Document.reg_number == number, Document.reg_date == signed)
        return s.execute(stmt.limit(1)).scalar()
    doc = s.execute(base.where(Document.reg_number == number).order_by(*latest).limit(1)).scalar()
    if doc is None and number.isdigit():
        stmt = base.where(
            Document.year == day.year, Document.seq == int(number), Document.sub == ""
        )
        doc = s.execute(stmt.order_by(*latest).limit(1)).scalar()
    return doc


def linked_numbers(s: Session, doc_id: int, relation: str) -> tuple[str, ...]:
    stmt = (
        select(Document.reg_number)
        .join(DocumentLink, DocumentLink.target_id == Document.id)
        .where(DocumentLink.document_id == doc_id, DocumentLink.relation == relation)
        .order_by(DocumentLink.id)
    )
    return tuple(s.execute(stmt).scalars())


def linked_ids(s: Session, doc_id: int, relation: str) -> list[int]:
    stmt = select(DocumentLink.target_id).where(
        DocumentLink.document_id == doc_id, DocumentLink.relation == relation
    )
    return list(s.execute(stmt.order_by(DocumentLink.id)).scalars())
