"""«Відповісти»: an outgoing card filled in from the incoming letter it answers, and the links
between a letter and its answers, both ways.

The answer's addressee is the letter's sender with the address from the correspondents' list;
«У відповідь на вх. №» names the letter; the executor is the lead executor of the letter's latest
resolution (the person who prepares the answer), with the phone from the staff list; the case
index is the letter's (an answer is filed with the letter it answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.correspondence import Addressee
from app.domain.roles import Actor, actor_of
from app.domain.text import normalize_search
from app.registers import REGISTERS
from app.services.details import get_document
from app.services.reference import list_correspondents
from db.queries import duplicates as q
from db.session import Database


@dataclass(frozen=True)
class LinkedDocument:
    id: int
    register: str
    reg_number: str
    reg_date: date

    @property
    def label(self) -> str:
        spec = REGISTERS.get(self.register)
        number = spec.number_label if spec else "№"
        return f"{number} {self.reg_number} від {self.reg_date:%d.%m.%Y}"


@dataclass(frozen=True)
class Links:
    """The documents that answer this one, and those this one answers."""

    answers: tuple[LinkedDocument, ...]
    answered: tuple[LinkedDocument, ...]


def reply_values(db: Database, incoming_id: int, user: str | Actor = "") -> dict[str, Any]:
    """The values of a new outgoing card answering incoming document `incoming_id`."""
    detail = get_document(db, incoming_id, user=actor_of(user))
    sender = str(detail.values.get("correspondent") or "")
    key = normalize_search(sender)
    candidates = list_correspondents(db, sender, limit=20)
    known = [c for c in candidates if normalize_search(c.name) == key]
    if known:
        c = known[0]
        addressee = Addressee(c.name, c.address, c.postal_code, c.email)
    else:
        addressee = Addressee(sender)
    values: dict[str, Any] = {
        "addressees": (addressee,) if sender else (),
        "reply_to": (detail.reg_number,),
        "kind": "Лист",
        "case_index": detail.values.get("case_index") or "",
    }
    executor = next((r.executors[0] for r in reversed(detail.resolutions) if r.executors), None)
    if executor is not None:
        values["lead_executor"] = executor.short
        values["executor_phone"] = executor.phone
    elif detail.lead_executor:
        values["lead_executor"] = detail.lead_executor
    return values


def _linked(row: Any) -> LinkedDocument:
    return LinkedDocument(row.id, row.register, row.reg_number, row.reg_date)


def links_of(db: Database, doc_id: int, user: str | Actor = "") -> Links:
    """Both directions of «у відповідь на» for one document, those the user may read."""
    actor = actor_of(user)
    with db.read() as s:
        answers = tuple(_linked(r) for r in q.answers_to(s, doc_id))
        answered = tuple(_linked(r) for r in q.answered_by(s, doc_id))
    return Links(
        tuple(d for d in answers if actor.can_read(d.register)),
        tuple(d for d in answered if actor.can_read(d.register)),
    )
