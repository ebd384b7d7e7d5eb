"""What the resolution and control dialogs tell the clerk before saving.

The dialogs preview the term the program will store (the default of 9.11 when none is typed, a
day off moved to the preceding working day) and head each form with the document it is about.
The rules stay in app.domain.deadlines; this module only words them, with no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.deadlines import adjust_term, extension_request_deadline
from app.registers import REGISTERS
from app.registers.base import REGULATION_TERM, CorrespondenceTerm, TermWording
from app.services.calendar import load_calendar
from app.services.control import control_term
from app.services.details import DocumentDetail
from app.services.signed_in import current_user as current_user  # where it lives now
from app.services.signed_in import sign_in as sign_in
from db.session import Database

WEEKDAYS = ("понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя")


def _d(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


@dataclass(frozen=True)
class TermPreview:
    """The term that will be stored and a sentence explaining where it comes from."""

    term: date | None
    text: str
    moved: bool = False


def document_heading(doc: DocumentDetail) -> str:
    """«Вх. № 12/01-12 від 05.03.2026 — Хмельницька ОДА: Про ремонт доріг»."""
    correspondent = doc.correspondent.strip()
    summary = str(doc.values.get("summary") or "").strip()
    text = f"№ {doc.reg_number} від {_d(doc.reg_date)}"
    if correspondent:
        text += f" — {correspondent}"
    if summary:
        text += f": {summary}"
    return text


def term_wording(register: str) -> TermWording:
    """«термін виконання» or, for a register that follows a law saying so, «строк розгляду»."""
    spec = REGISTERS.get(register)
    return spec.term.wording if spec is not None else REGULATION_TERM


def term_preview(db: Database, doc: DocumentDetail, typed: date | None) -> TermPreview:
    """The term for `typed` (None: the default of 9.11 counted from the registration date)."""
    cal = load_calendar(db)
    word = term_wording(doc.register)
    cap = word.noun.capitalize()
    if typed is None:
        urgent = bool(doc.values.get("urgent"))
        main_terms = [r.term for r in doc.resolutions if r.parent_id is None and r.term]
        if main_terms:
            term = control_term(None, main_terms[-1], doc.reg_date, urgent, cal)
            return TermPreview(
                term, f"{cap} не вказано — {word.noun} головної резолюції: {_d(term)}"
            )
        spec = REGISTERS.get(doc.register)
        policy = spec.term if spec else None
        if policy is not None and policy.default_term(doc.reg_date, urgent, cal) is None:
            return TermPreview(None, f"Вкажіть {word.noun} ({policy.rule})")
        term = control_term(None, None, doc.reg_date, urgent, cal, policy)
        policy = policy or CorrespondenceTerm()
        rule = policy.describe(urgent)
        return TermPreview(term, f"{cap} не вказано — за {policy.rule} ({rule}): {_d(term)}")
    term = adjust_term(typed, cal)
    if term == typed:
        return TermPreview(term, f"{cap}: {_d(term)}, {WEEKDAYS[term.weekday()]}")
    return TermPreview(
        term,
        f"{_d(typed)} — неробочий день ({WEEKDAYS[typed.weekday()]}); {word.noun} буде "
        f"перенесено на попередній робочий день {_d(term)} (п. 9.11)",
        moved=True,
    )


def extension_note(
    db: Database,
    current_term: date,
    today: date | None = None,
    word: TermWording = REGULATION_TERM,
) -> str:
    """A reminder when the executor's request comes later than 3 days before the term (9.12)."""
    last = extension_request_deadline(current_term, load_calendar(db))
    if (today or date.today()) > last:
        return (
            f"Пропозицію про продовження виконавець мав подати до {_d(last)} "
            f"(за 3 дні до закінчення {word.genitive}, п. 9.12)."
        )
    return ""
