"""Use cases of the outgoing register beyond registering: answers that end control, sending.

Registering itself is the shared `documents.register_document`; what is particular to outgoing
mail is asked here: which answered documents are still on control (the card offers to remove
them, never silently), when a letter is sent (10.9: handed in before 16:00 — the same day), and
the checks of 10.10 before sending, which the service enforces unless the clerk chose to send
anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.correspondence import sending_problems
from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of, write
from app.registers.fields import Field
from app.registers.outgoing import OUTGOING
from app.services import audit, field_storage
from app.services.documents import ConflictError, DocumentError
from db.models import Document
from db.session import Database

#: Documents handed in before this hour are sent the same day (10.9).
SAME_DAY_UNTIL = time(16, 0)


@dataclass(frozen=True)
class AnsweredControl:
    """An answered document still on control: what the card shows when offering to end it."""

    id: int
    reg_number: str
    reg_date: date
    summary: str
    lead_executor: str
    due_date: date

    @property
    def short_label(self) -> str:
        """One line that fits a dialog: the number, the term and the executor."""
        who = f" · {self.lead_executor}" if self.lead_executor else ""
        return (
            f"Вх. № {self.reg_number} від {format_date(self.reg_date)} · термін "
            f"{format_date(self.due_date)}{who}"
        )

    @property
    def label(self) -> str:
        who = f", виконавець {self.lead_executor}" if self.lead_executor else ""
        return (
            f"Вх. № {self.reg_number} від {format_date(self.reg_date)} — {self.summary[:80]} "
            f"(термін {format_date(self.due_date)}{who})"
        )


class SendingIncomplete(DocumentError):
    """10.10 finds something missing and the clerk has not chosen to send anyway."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("Перед відправленням не вистачає: " + "; ".join(problems))
        self.problems = tuple(problems)


def answered_controls(
    db: Database, numbers: Sequence[str], day: date | None = None, field: Field | None = None
) -> list[AnsweredControl]:
    """Of the documents `numbers` name (as typed in «У відповідь на», `field`), those on open
    control on `day`. Raises FieldErrors for a number that names nothing."""
    field = field or OUTGOING.field("reply_to")
    with db.read() as s:
        docs = field_storage.resolve_refs(s, field, numbers, day or date.today())
        return [
            AnsweredControl(
                d.id, d.reg_number, d.reg_date, d.summary, d.lead_executor_name, d.due_date
            )
            for d in docs
            if d.on_control and d.done_date is None and d.due_date and not d.cancelled
        ]


def default_sent_date(now: datetime, calendar: WorkingCalendar, urgent: bool = False) -> date:
    """When a document handed in at `now` goes out (10.9, 10.11): before 16:00 on a working
    day — that day; later, or on a day off — the next working day; urgent — the same day."""
    today = now.date()
    if urgent:
        return today
    if calendar.is_working_day(today) and now.time() < SAME_DAY_UNTIL:
        return today
    return calendar.next_working_day(date.fromordinal(today.toordinal() + 1))


def sending_check(db: Database, doc_id: int, send_method: str | None = None) -> list[str]:
    """What 10.10 finds missing on the stored document (sent by `send_method`, else its own)."""
    with db.read() as s:
        doc = _outgoing(s.get(Document, doc_id))
        return _problems(s, doc, send_method)


def mark_sent(
    db: Database,
    doc_id: int,
    sent_date: date,
    send_method: str,
    *,
    expected_version: int | None = None,
    send_anyway: bool = False,
    user: str | Actor = "",
) -> int:
    """Record that the document was sent; returns its new version.

    Refused with `SendingIncomplete` (listing what is missing) unless nothing is missing or the
    clerk chose `send_anyway`; a date in the future or before registration is refused too.
    """
    if not send_method.strip():
        raise DocumentError("Вкажіть спосіб надсилання")
    if sent_date > date.today():
        raise DocumentError("Дата відправлення не може бути пізнішою за сьогоднішню")
    actor = actor_of(user)
    actor.require(write(OUTGOING.code))
    with db.write() as s:
        doc = _outgoing(s.get(Document, doc_id, with_for_update=True))
        if expected_version is not None and doc.version != expected_version:
            raise ConflictError(
                f"Документ {doc.reg_number} змінив інший користувач "
                f"({doc.changed_by or 'невідомо'}). Відкрийте його знову."
            )
        if sent_date < doc.reg_date:
            raise DocumentError(
                f"Дата відправлення раніша за дату реєстрації ({format_date(doc.reg_date)})"
            )
        problems = _problems(s, doc, send_method)
        if problems and not send_anyway:
            raise SendingIncomplete(problems)
        doc.sent_date, doc.send_method = sent_date, send_method.strip()
        doc.version += 1
        doc.changed_by = actor.login
        details = {"дата": sent_date, "спосіб": doc.send_method, "попри зауваження": problems}
        audit.add(s, actor, audit.SEND, doc=doc, details=details)
        return doc.version


def _outgoing(doc: Document | None) -> Document:
    if doc is None or doc.register != OUTGOING.code:
        raise DocumentError("Вихідний документ не знайдено")
    if doc.cancelled:
        raise DocumentError(f"Документ {doc.reg_number} анульовано")
    return doc


def _problems(s: Session, doc: Document, send_method: str | None) -> list[str]:
    values = field_storage.stored_values(s, OUTGOING, doc)
    values["send_method"] = send_method if send_method is not None else doc.send_method
    return sending_problems(values)
