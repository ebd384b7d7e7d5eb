"""The extracts of a decision as PDF bytes (6.18): one certified page per extract in the card's
list «Витяги», each with the points and their wording, to whom it goes and the general
department's certification «Згідно з оригіналом». Who certified is looked up in the staff list
for the position and the signature form («Олена КОВАЛЬ»); a name not there is printed as typed
under the general department head's title."""

from __future__ import annotations

from typing import Any

from app.domain.names import Gender, PersonName, signature_form, signature_name
from app.services.errors import DocumentError
from app.services.field_storage import staff_short
from db.models import DecisionExtract, Document, Staff
from db.queries import records

#: The certifier's title when the staff list does not know the name typed (6.18: the extracts
#: are certified in the general department).
DEFAULT_POSITION = "Начальник загального відділу"


def _certifier(staff_id: int | None, name: str, staff: list[Staff]) -> tuple[str, str]:
    """(position, signature name) of whoever certified: the person of the staff list chosen
    (or named «Коваль О. П.» as the list shows them), else the name as typed."""
    typed = " ".join(name.split())
    if not typed and staff_id is None:
        return DEFAULT_POSITION, ""
    for person in reversed(staff):  # the active ones come last: they win
        if person.id == staff_id or (staff_id is None and staff_short(person) == typed):
            full = PersonName(
                person.surname, person.given_name, person.patronymic, Gender(person.gender)
            )
            return person.position.strip() or DEFAULT_POSITION, signature_name(full)
    return DEFAULT_POSITION, signature_form(typed)


def decision_extracts_pdf(db: Any, doc_id: int) -> bytes:
    """Every extract of the decision, one page each (printouts.print_document checks the rights
    and audits the print)."""
    from app.printing.extracts import ExtractPage, print_extracts
    from app.services.printouts import _organisation, _render

    with db.read() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise DocumentError("Документ не знайдено")
        rows = records.child_rows(s, DecisionExtract, doc_id)
        staff = records.staff_for_lookup(s)
        extracts = [
            (
                r.recipient,
                r.points,
                r.wording,
                r.certified_date,
                _certifier(r.certified_by_id, r.certified_by_name, staff),
            )
            for r in rows
        ]
        number, day, title = doc.reg_number, doc.reg_date, doc.title
    if not extracts:
        raise DocumentError(
            "У рішенні немає витягів: додайте їх у картці рішення (таблиця «Витяги»)"
        )
    org = _organisation(db)
    pages = [
        ExtractPage(
            org.full_name, number, day, title, points, wording, recipient, position, name, when
        )
        for recipient, points, wording, when, (position, name) in extracts
    ]
    return _render(print_extracts, pages)
