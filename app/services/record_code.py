"""The record code on the printouts (app.domain.record_code) and finding a record by it: a USB
scanner types the code read from the paper, and the window opens that document's card."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import record_code
from app.domain.roles import Actor, actor_of
from app.services import audit
from app.services.access import require_read
from app.services.documents import DocumentError
from db.queries import record_codes


def code_of(db: Any, doc_id: int) -> str:
    """The text of the document's QR code."""
    with db.read() as s:
        value = record_codes.document_uuid(s, doc_id)
    if value is None:
        raise DocumentError("Документ не знайдено (можливо, його щойно вилучено)")
    return record_code.encode(value)


def find_by_code(db: Any, text: str, user: str | Actor = "") -> tuple[str, int, date] | None:
    """(register, document id, registration date) of the record the scanned `text` names;
    None when the text is no record code or no document of this database has it.

    PermissionDenied when the user may not read the document's register (or its series). A
    record found is audited as opened «за кодом (QR)»: a scanned paper leads straight to a card,
    so who looked a record up by its code is on the trail whatever the register."""
    value = record_code.decode(text)
    if value is None:
        return None
    with db.read() as s:
        found = record_codes.document_by_uuid(s, value)
    if found is None:
        return None
    actor = actor_of(user)
    require_read(actor, found.register, found.series or None)
    audit.log(db, actor, audit.OPEN, doc_id=found.id, details={"спосіб": "за кодом (QR)"})
    return found.register, found.id, found.reg_date
