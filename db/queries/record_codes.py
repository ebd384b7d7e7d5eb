"""Queries behind the record code (app.domain.record_code): a document's uuid, and the
document a uuid names. They take a Session and never commit."""

from __future__ import annotations

import uuid
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document


class CodedDocument(NamedTuple):
    id: int
    register: str
    series: str
    reg_date: date


def document_uuid(s: Session, doc_id: int) -> uuid.UUID | None:
    return s.execute(select(Document.uuid).where(Document.id == doc_id)).scalar()


def document_by_uuid(s: Session, record_uuid: uuid.UUID) -> CodedDocument | None:
    stmt = select(Document.id, Document.register, Document.series, Document.reg_date).where(
        Document.uuid == record_uuid
    )
    row = s.execute(stmt).first()
    return None if row is None else CodedDocument(row[0], row[1], row[2] or "", row[3])
