"""Registering documents and reading or changing one document, for any register.

Everything a register needs is in its `RegisterSpec`; nothing here is specific to incoming mail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.numbering import format_number
from app.domain.text import normalize_search, uk_sort_key
from app.registers.base import RegisterSpec
from app.services import settings
from app.services.numbering import next_seq, raise_counter
from app.services.reference import find_or_create_correspondent
from db.models import Attachment, Document
from db.session import Database

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


class DocumentError(ValueError):
    """A change to a document that cannot be made, with a Ukrainian message."""


class ConflictError(DocumentError):
    """Someone else saved this document since it was opened."""


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    mime: str
    size: int


@dataclass(frozen=True)
class Registered:
    """What registering gave: the id, the number and the date (and any warnings shown)."""

    id: int
    reg_number: str
    reg_date: date
    seq: int


@dataclass(frozen=True)
class NewAttachment:
    filename: str
    data: bytes

    @classmethod
    def from_path(cls, path: str | Path) -> NewAttachment:
        p = Path(path)
        if p.suffix.lower() not in ATTACHMENT_TYPES:
            raise DocumentError(f"Файл «{p.name}»: можна додати лише PDF або зображення")
        data = p.read_bytes()
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise DocumentError(f"Файл «{p.name}» завеликий (понад 50 МБ)")
        return cls(p.name, data)


def _apply_values(s: Session, doc: Document, values: Mapping[str, Any], user: str) -> None:
    for key, value in values.items():
        if key == "correspondent":
            name = (value or "").strip()
            if name:
                corr = find_or_create_correspondent(s, name, user)
                doc.correspondent_id = corr.id
                doc.correspondent_name = corr.name
            else:
                doc.correspondent_id, doc.correspondent_name = None, ""
            doc.correspondent_sort = uk_sort_key(doc.correspondent_name)[:80]
        elif hasattr(Document, key):
            setattr(doc, key, value if value is not None or key in _NULLABLE else "")
    doc.summary_sort = uk_sort_key(doc.summary or "")[:60]
    doc.search_text = normalize_search(
        " ".join([doc.reg_number, doc.correspondent_name, doc.ext_number or "", doc.summary or ""])
    )


_NULLABLE = {"ext_date", "sheets"}


def register_document(
    db: Database,
    spec: RegisterSpec,
    values: Mapping[str, Any],
    *,
    reg_date: date | None = None,
    attachments: list[NewAttachment] | tuple[NewAttachment, ...] = (),
    user: str = "",
    explicit_seq: int | None = None,
) -> Registered:
    """Register a document: the next number of the series for the year of `reg_date`.

    `values` are already parsed (spec.parse). `explicit_seq` keeps a number from a journal kept
    before the program (imports); the series then continues after it.
    """
    day = reg_date or date.today()
    fmt = settings.number_format(db, spec)
    with db.write() as s:
        return _register(s, spec, fmt, values, day, attachments, user, explicit_seq)


def _register(
    s: Session,
    spec: RegisterSpec,
    fmt: str,
    values: Mapping[str, Any],
    day: date,
    attachments: list[NewAttachment] | tuple[NewAttachment, ...],
    user: str,
    explicit_seq: int | None,
) -> Registered:
    if explicit_seq is None:
        seq = next_seq(s, spec.code, day.year)
    else:
        seq = explicit_seq
        raise_counter(s, spec.code, day.year, seq)
    number = format_number(fmt, seq, index=values.get("case_index") or "", year=day.year)
    doc = Document(
        register=spec.code, year=day.year, seq=seq, reg_number=number, reg_date=day, changed_by=user
    )
    _apply_values(s, doc, values, user)
    s.add(doc)
    s.flush()
    for item in attachments:
        _add_attachment(s, doc.id, item, user)
    return Registered(doc.id, number, day, seq)


def register_many(
    db: Database,
    spec: RegisterSpec,
    rows: list[tuple[Mapping[str, Any], date, int | None]],
    user: str = "",
) -> list[Registered]:
    """Register several documents in ONE transaction: all of them or none (imports)."""
    fmt = settings.number_format(db, spec)
    with db.write() as s:
        return [_register(s, spec, fmt, v, day, (), user, seq) for v, day, seq in rows]


def _add_attachment(s: Session, doc_id: int, item: NewAttachment, user: str) -> None:
    suffix = Path(item.filename).suffix.lower()
    s.add(
        Attachment(
            document_id=doc_id,
            filename=item.filename,
            mime=ATTACHMENT_TYPES.get(suffix, "application/octet-stream"),
            size=len(item.data),
            data=item.data,
            changed_by=user,
        )
    )


def add_attachment(db: Database, doc_id: int, item: NewAttachment, user: str = "") -> None:
    with db.write() as s:
        if s.get(Document, doc_id) is None:
            raise DocumentError("Документ не знайдено")
        _add_attachment(s, doc_id, item, user)


def list_attachments(db: Database, doc_id: int) -> list[AttachmentInfo]:
    with db.read() as s:
        stmt = select(Attachment.id, Attachment.filename, Attachment.mime, Attachment.size).where(
            Attachment.document_id == doc_id
        )
        return [AttachmentInfo(*r) for r in s.execute(stmt)]


def attachment_data(db: Database, attachment_id: int) -> tuple[str, bytes]:
    with db.read() as s:
        row = s.get(Attachment, attachment_id)
        if row is None:
            raise DocumentError("Файл не знайдено")
        return row.filename, row.data


def update_document(
    db: Database,
    spec: RegisterSpec,
    doc_id: int,
    values: Mapping[str, Any],
    expected_version: int,
    user: str = "",
) -> int:
    """Save changed fields; refuses when someone else saved the document meanwhile.

    The registration number and date never change. Returns the new version.
    """
    with db.write() as s:
        doc = s.get(Document, doc_id)
        if doc is None or doc.register != spec.code:
            raise DocumentError("Документ не знайдено")
        if doc.version != expected_version:
            raise ConflictError(
                f"Документ {doc.reg_number} змінив інший користувач "
                f"({doc.changed_by or 'невідомо'}). Відкрийте його знову, щоб побачити зміни."
            )
        _apply_values(s, doc, values, user)
        doc.version += 1
        doc.changed_by = user
        return doc.version


def cancel_document(db: Database, doc_id: int, reason: str, user: str = "") -> None:
    """Cancel (анулювати) a registered document: it keeps its number; nothing is deleted."""
    if not reason.strip():
        raise DocumentError("Вкажіть причину анулювання")
    with db.write() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise DocumentError("Документ не знайдено")
        doc.cancelled, doc.cancel_reason = True, reason.strip()
        doc.version += 1
        doc.changed_by = user
