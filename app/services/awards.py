"""Awards: the kinds and occasions, the checks on a petition, granting by an order, an
employee's awards, and the statistics of a period (regulation 28; HR report section 6).

Petitions are registered and edited as documents of the awards register
(app.registers.awards.AWARDS, app.services.documents); this module adds what only awards
need. Every rule is a warning, never a ban (next-registers.md §5.1).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import awards as rules
from app.domain.dates import format_date, parse_optional_date
from app.domain.names import detect_gender
from app.domain.roles import Actor, actor_of, write
from app.domain.text import normalize_search
from app.services import audit
from app.services.access import require_read
from app.services.errors import DocumentError
from db.models import AwardDetail, AwardKind, AwardOccasion, Document, DocumentLink
from db.session import Database

REGISTER = "awards"
GRANTED_BY = "granted_by"


# --- the reference lists ---------------------------------------------------------------------


def _kind(row: AwardKind) -> rules.AwardKind:
    return rules.AwardKind(
        code=row.code,
        title=row.title,
        heading=row.heading,
        to_persons=row.to_persons,
        to_collectives=row.to_collectives,
        lead_days=row.lead_days,
        min_years=row.min_years,
        repeat_years=row.repeat_years,
        ladder=tuple(t.strip() for t in row.ladder.split(";") if t.strip()),
        ladder_years=row.ladder_years,
        name_case=row.name_case,
        template=row.template,
        active=row.active,
        position=row.position,
    )


def kinds_in(s: Session) -> list[rules.AwardKind]:
    """The kinds an administrator keeps; the program's defaults until he first saves them."""
    cached = s.info.get("award_kinds")
    if cached is None:
        rows = s.execute(select(AwardKind).order_by(AwardKind.position, AwardKind.id)).scalars()
        cached = [_kind(row) for row in rows] or list(rules.DEFAULT_KINDS)
        s.info["award_kinds"] = cached
    return list(cached)


def kinds(db: Database) -> list[rules.AwardKind]:
    with db.read() as s:
        return kinds_in(s)


def kind_named(found: Sequence[rules.AwardKind], title: str) -> rules.AwardKind | None:
    key = normalize_search(title)
    return next((k for k in found if normalize_search(k.title) == key), None)


def save_kinds(db: Database, items: Sequence[rules.AwardKind], user: str | Actor = "") -> None:
    """Store the whole list (added, changed; a kind no longer wanted is made inactive)."""
    actor = actor_of(user)
    actor.require(write(REGISTER))
    for k in items:
        if not k.title.strip() or not k.code.strip():
            raise ValueError("У кожного виду відзнаки мають бути код і назва")
        if k.name_case not in rules.NAME_CASES:
            raise ValueError(f"Невідомий відмінок «{k.name_case}» у виду «{k.title}»")
    with db.write() as s:
        rows = {r.code: r for r in s.execute(select(AwardKind)).scalars()}
        for position, k in enumerate(items, start=1):
            row = rows.get(k.code) or AwardKind(code=k.code)
            if row.id is None:
                s.add(row)
            row.title, row.heading = k.title.strip(), k.heading.strip()
            row.to_persons, row.to_collectives = k.to_persons, k.to_collectives
            row.lead_days, row.min_years, row.repeat_years = (
                k.lead_days,
                k.min_years,
                k.repeat_years,
            )
            row.ladder, row.ladder_years = "; ".join(k.ladder), k.ladder_years
            row.name_case, row.template, row.active = k.name_case, k.template, k.active
            row.position, row.changed_by = position, actor.login
        audit.add(s, actor, audit.UPDATE, register=REGISTER, details={"види відзнак": len(items)})


def occasions(db: Database) -> list[tuple[str, str]]:
    """(title, day) of every active occasion; the program's defaults until first saved."""
    with db.read() as s:
        return occasions_in(s)


def occasions_in(s: Session) -> list[tuple[str, str]]:
    rows = s.execute(
        select(AwardOccasion.title, AwardOccasion.day, AwardOccasion.active).order_by(
            AwardOccasion.id
        )
    ).all()
    if not rows:
        return list(rules.DEFAULT_OCCASIONS)
    return [(r.title, r.day) for r in rows if r.active]


def save_occasions(db: Database, items: Sequence[tuple[str, str]], user: str | Actor = "") -> None:
    """Store the list of occasions; one left out is made inactive (awards keep its name)."""
    actor = actor_of(user)
    actor.require(write(REGISTER))
    with db.write() as s:
        rows = {r.title: r for r in s.execute(select(AwardOccasion)).scalars()}
        wanted = {title.strip(): day.strip() for title, day in items if title.strip()}
        if not rows:  # the first save keeps the defaults not listed as inactive ones
            for title, day in rules.DEFAULT_OCCASIONS:
                if title not in wanted:
                    s.add(AwardOccasion(title=title, day=day, active=False, changed_by=actor.login))
        for title, day in wanted.items():
            row = rows.get(title)
            if row is None:
                s.add(AwardOccasion(title=title, day=day, active=True, changed_by=actor.login))
            else:
                row.day, row.active, row.changed_by = day, True, actor.login
        for title, row in rows.items():
            if title not in wanted and row.active:
                row.active, row.changed_by = False, actor.login
        audit.add(s, actor, audit.UPDATE, register=REGISTER, details={"приводи": len(wanted)})


# --- what an award's card derives ------------------------------------------------------------


def sex_code(text: str | None) -> str:
    """ "m" / "f" from what a clerk or a file says («чоловіча», «ж», «f»); "" when unknown."""
    t = (text or "").strip().casefold()
    if t in ("m", "ч", "чол", "чол.", "чоловіча", "чоловік", "м"):
        return "m"
    if t in ("f", "ж", "жін", "жін.", "жіноча", "жінка"):
        return "f"
    return ""


def recipient_key(name: str) -> str:
    return normalize_search(name)[:300]


def derive(s: Session, doc: Document, detail: AwardDetail) -> None:
    """After the card is stored: the key the history is found by, the sex guessed from the
    patronymic when not given, the employee of the staff list, the granting order's id and
    date, whether the petition came late (28.4, 28.10), and the state the table shows."""
    from app.services.field_storage import find_staff

    detail.recipient_type = detail.recipient_type or rules.PERSON
    detail.recipient_key = recipient_key(detail.recipient)
    person = detail.recipient_type != rules.COLLECTIVE
    if person and not sex_code(detail.sex):
        words = detail.recipient.split()
        guess = detect_gender(" ".join(words[1:2]), " ".join(words[2:])) if words else None
        detail.sex = rules.SEXES[guess.value] if guess is not None else ""
    elif person:
        detail.sex = rules.SEXES[sex_code(detail.sex)]
    staff = find_staff(s, detail.recipient) if person and detail.recipient.strip() else None
    detail.staff_id = staff.id if staff is not None else None
    with s.no_autoflush:
        targets = [
            link.target_id
            for link in doc.links
            if link.relation == GRANTED_BY and link.target_id is not None
        ]
        order = s.get(Document, targets[0]) if targets else None
    detail.order_id = order.id if order is not None else None
    detail.award_date = order.reg_date if order is not None else None
    kind = kind_named(kinds_in(s), doc.kind)
    detail.petition_late = rules.petition_late(kind, detail.petition_date, detail.ceremony_date)
    detail.state = state_text(detail)[:100]


def state_text(d: AwardDetail) -> str:
    if d.handed_date is not None:
        return f"вручено {format_date(d.handed_date)}"
    if d.order_id is not None:
        return f"нагороджено, розп. № {d.order_numbers}"
    return "подання, запізно (п. 28.10)" if d.petition_late else "подання"


# --- the recipient's history and the checks ----------------------------------------------


def history_in(s: Session, key: str, exclude: int | None = None) -> list[rules.PastAward]:
    """The recipient's awards (granted: by the order's date) and petitions still without an
    order (by the ceremony or entry date), read by the indexed key."""
    if not key:
        return []
    stmt = (
        select(
            Document.kind,
            AwardDetail.award_date,
            AwardDetail.ceremony_date,
            Document.reg_date,
            AwardDetail.order_numbers,
            Document.reg_number,
            Document.id,
        )
        .join(Document, Document.id == AwardDetail.document_id)
        .where(AwardDetail.recipient_key == key, Document.cancelled.is_(False))
    )
    found = []
    for kind, awarded, ceremony, entered, order, number, doc_id in s.execute(stmt):
        if doc_id == exclude:
            continue
        found.append(rules.PastAward(kind, awarded or ceremony or entered, order or "", number))
    return found


#: How many earlier awards the register's hint lists before «…».
HINT_LINES = 6


def history_hint(db: Database, doc_id: int) -> str:
    """The line under the register's table for the award `doc_id`: the recipient's other
    awards, the recipient in the genitive — «Інші відзнаки Ткаченка Михайла Андрійовича: …»,
    «Інших відзнак у Ткаченко Марії Іванівни немає», «… у колективу ОСББ «Світанок» немає»
    (app.domain.certificate_text.recipient_in_case); "" for an award without a recipient."""
    from app.domain.certificate_text import Recipient, recipient_in_case

    with db.read() as s:
        detail = s.get(AwardDetail, doc_id)
        if detail is None or not detail.recipient.strip():
            return ""
        lines = rules.history_lines(history_in(s, detail.recipient_key, doc_id))
        who = Recipient(detail.recipient_type, detail.recipient, sex_code(detail.sex))
    whom = recipient_in_case(who, "genitive")
    if not lines:
        return f"Інших відзнак у {whom} немає"
    more = " …" if len(lines) > HINT_LINES else ""
    return f"Інші відзнаки {whom}: " + "; ".join(lines[:HINT_LINES]) + more


@dataclass(frozen=True)
class PetitionCheck:
    warnings: tuple[str, ...]
    history: tuple[rules.PastAward, ...]

    @property
    def texts(self) -> list[str]:
        """The warnings, then the earlier awards listed (what the card shows before saving)."""
        out = list(self.warnings)
        if self.history:
            lines = rules.history_lines(self.history)
            out.append("Попередні відзнаки отримувача:\n" + "\n".join(lines))
        return out


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return parse_optional_date(str(value))


def petition_check(
    db: Database, values: Mapping[str, Any], doc_id: int | None = None, today: date | None = None
) -> PetitionCheck:
    """The rules of the kind checked against the recipient's earlier awards (only those
    granted by an order count; petitions still pending are listed, not counted)."""
    with db.read() as s:
        return check_in(s, values, doc_id, today)


def check_in(
    s: Session, values: Mapping[str, Any], doc_id: int | None = None, today: date | None = None
) -> PetitionCheck:
    key = recipient_key(str(values.get("recipient") or ""))
    history = history_in(s, key, doc_id)
    kind = kind_named(kinds_in(s), str(values.get("kind") or ""))
    years = values.get("years_of_work")
    granted = [a for a in history if a.order]
    warnings = rules.petition_warnings(
        kind,
        str(values.get("recipient_type") or rules.PERSON),
        _as_date(values.get("petition_date")),
        _as_date(values.get("ceremony_date")),
        years if isinstance(years, int) else None,
        granted,
        today or date.today(),
    )
    warnings += rules.name_warnings(
        kind,
        str(values.get("recipient_type") or rules.PERSON),
        str(values.get("recipient") or ""),
        str(values.get("name_override") or ""),
        sex_code(str(values.get("sex") or "")),
    )
    return PetitionCheck(tuple(warnings), tuple(history))


# --- granting by an order ------------------------------------------------------------------


def grant(db: Database, award_ids: Sequence[int], order_number: str, user: str | Actor = "") -> int:
    """Link every award of `award_ids` to the mayor's order `order_number` («145-р» or «145-р
    від 20.08.2026») in one transaction (28.5, 28.12: one order grants many). Returns how many
    awards changed; an unknown order is an error under the field, nothing is stored."""
    from app.registers.awards import AWARDS
    from app.services.field_storage import apply_values

    actor = actor_of(user)
    actor.require(write(REGISTER))
    if not award_ids:
        return 0
    changed = 0
    with db.write() as s:
        for doc_id in dict.fromkeys(award_ids):
            doc = s.get(Document, doc_id, with_for_update=True)
            if doc is None or doc.register != REGISTER:
                raise DocumentError("Нагородження не знайдено (можливо, його щойно вилучено)")
            before = s.get(AwardDetail, doc_id)
            was = before.order_numbers if before is not None else ""
            apply_values(s, AWARDS, doc, {GRANTED_BY: (order_number,)}, actor.login)
            s.flush()
            now = s.get(AwardDetail, doc_id)
            if now is not None and now.order_numbers != was:
                doc.version += 1
                doc.changed_by = actor.login
                details = {"Розпорядження про нагородження": [was, now.order_numbers]}
                audit.add(s, actor, audit.UPDATE, doc=doc, details=details)
                changed += 1
    record_in_personnel_files(db, award_ids, actor)
    return changed


def record_in_personnel_files(db: Database, award_ids: Sequence[int], user: str | Actor) -> int:
    """28.17: an award granted to an employee is recorded in his personnel file (a «Відзнака»
    entry of the service history naming the kind and the order). Only employees who have a
    file get the entry (no file is opened for it); an entry already there is not repeated; a
    user without the right to the personnel files leaves them as they are. Returns how many
    entries were added."""
    from app.domain import personnel as hr
    from app.domain.roles import PermissionDenied
    from app.services import personnel
    from db.models import PersonnelEvent, PersonnelFile

    actor = actor_of(user)
    if not personnel.may_write(actor):
        return 0
    with db.read() as s:
        rows = s.execute(
            select(AwardDetail.staff_id, Document.kind, AwardDetail.award_date,
                   AwardDetail.order_numbers)
            .join(Document, Document.id == AwardDetail.document_id)
            .join(PersonnelFile, PersonnelFile.staff_id == AwardDetail.staff_id)
            .where(AwardDetail.document_id.in_(list(award_ids)[:1000]),
                   AwardDetail.award_date.is_not(None))
        ).all()  # fmt: skip
        wanted: list[tuple[int, date, str]] = []
        for staff_id, kind, day, order in rows:
            if staff_id is None or day is None:
                continue
            detail = f"{kind} (розп. № {order} від {format_date(day)})"[:200]
            known = s.execute(
                select(PersonnelEvent.id).where(
                    PersonnelEvent.staff_id == staff_id,
                    PersonnelEvent.kind == hr.AWARD,
                    PersonnelEvent.detail == detail,
                )
            ).first()
            if known is None:
                wanted.append((staff_id, day, detail))
    added = 0
    for staff_id, day, detail in wanted:
        try:
            personnel.save_event(db, staff_id, personnel.EventInput(hr.AWARD, day, detail=detail),
                                 actor)  # fmt: skip
        except (hr.PersonnelError, PermissionDenied):
            continue  # the award stands; the file is the HR officer's to complete by hand
        added += 1
    return added


def hand_over(
    db: Database, award_ids: Sequence[int], day: date, by: str, user: str | Actor = ""
) -> int:
    """Mark the awards handed over on `day` by `by` (28.7, 28.15)."""
    actor = actor_of(user)
    actor.require(write(REGISTER))
    with db.write() as s:
        count = 0
        for doc_id in dict.fromkeys(award_ids):
            doc, detail = s.get(Document, doc_id), s.get(AwardDetail, doc_id)
            if doc is None or detail is None:
                raise DocumentError("Нагородження не знайдено")
            detail.handed_date, detail.handed_by = day, by.strip()[:150]
            detail.state = state_text(detail)
            doc.version += 1
            details = {"Вручено": ["", f"{format_date(day)} {by}".strip()]}
            audit.add(s, actor, audit.UPDATE, doc=doc, details=details)
            count += 1
        return count


# --- for other modules: an employee's awards ---------------------------------------------


@dataclass(frozen=True)
class EmployeeAward:
    """An award of an employee as a personnel file lists it (28.17)."""

    doc_id: int
    number: str
    kind: str
    award_date: date | None
    order: str
    occasion: str
    merits: str
    handed_date: date | None

    @property
    def basis(self) -> str:
        """«Розпорядження № 145-р від 20.08.2026», or «подання № 7 (ще без розпорядження)»."""
        if self.order and self.award_date is not None:
            return f"Розпорядження № {self.order} від {format_date(self.award_date)}"
        return f"подання № {self.number} (ще без розпорядження)"


def awards_of_employee(db: Database, staff_id: int, user: str | Actor = "") -> list[EmployeeAward]:
    """The awards given to the employee `staff_id` (granted ones first by date, then petitions
    still pending), for the personnel file. Refused unless the user may read the awards."""
    require_read(actor_of(user), REGISTER) if user else None
    with db.read() as s:
        stmt = (
            select(
                Document.id,
                Document.reg_number,
                Document.kind,
                AwardDetail.award_date,
                AwardDetail.order_numbers,
                AwardDetail.occasion,
                Document.summary,
                AwardDetail.handed_date,
            )
            .join(Document, Document.id == AwardDetail.document_id)
            .where(AwardDetail.staff_id == staff_id, Document.cancelled.is_(False))
        )
        rows = [EmployeeAward(*r) for r in s.execute(stmt)]
    return sorted(rows, key=lambda a: (a.award_date is None, a.award_date or date.min, a.doc_id))


# --- selections and statistics -----------------------------------------------------------


def select_awards(
    db: Database,
    *,
    order: str = "",
    occasion: str = "",
    ceremony: date | None = None,
    year: int | None = None,
    user: str | Actor = "",
) -> list[int]:
    """The ids of the awards of one order, one occasion (in `year`) or one ceremony day, in
    the register's order — the batch a clerk prints certificates for."""
    from app.registers import REGISTERS
    from app.services.field_storage import _find_ref  # the orders' number rules

    require_read(actor_of(user), REGISTER)
    with db.read() as s:
        stmt = (
            select(Document.id)
            .join(AwardDetail, AwardDetail.document_id == Document.id)
            .where(Document.register == REGISTER, Document.cancelled.is_(False))
        )
        if order:
            target = _find_ref(s, REGISTERS["orders"].code, order.strip(), date.today())
            if target is None:
                raise DocumentError(f"Розпорядження № {order} не знайдено")
            stmt = stmt.where(AwardDetail.order_id == target.id)
        if occasion:
            stmt = stmt.where(AwardDetail.occasion == occasion.strip())
            if year:
                stmt = stmt.where(func.coalesce(AwardDetail.ceremony_date, Document.reg_date)
                                  .between(date(year, 1, 1), date(year, 12, 31)))  # fmt: skip
        if ceremony:
            stmt = stmt.where(AwardDetail.ceremony_date == ceremony)
        return list(s.execute(stmt.order_by(Document.year, Document.seq)).scalars())


@dataclass(frozen=True)
class AwardStats:
    """The HR report's section 6 for a period: awards granted by kind, to persons and to
    collectives, by occasion; petitions entered and those without an order yet."""

    start: date
    end: date
    total: int
    by_kind: tuple[tuple[str, int], ...]
    persons: int
    collectives: int
    by_occasion: tuple[tuple[str, int], ...]
    by_kind_and_type: tuple[tuple[str, int, int], ...] = field(default=())
    petitions: int = 0
    pending: int = 0


def statistics(db: Database, start: date, end: date, user: str | Actor = "") -> AwardStats:
    """Awards granted by orders dated in [start, end] (the report counts «нагородні
    матеріали» prepared: granted awards), and the petitions entered in the period."""
    require_read(actor_of(user), REGISTER)
    with db.read() as s:
        granted = s.execute(
            select(Document.kind, AwardDetail.recipient_type, AwardDetail.occasion)
            .join(Document, Document.id == AwardDetail.document_id)
            .where(
                Document.cancelled.is_(False),
                AwardDetail.award_date.between(start, end),
            )
        ).all()
        petitions = s.execute(
            select(func.count(), func.count(AwardDetail.order_id))
            .select_from(Document)
            .join(AwardDetail, AwardDetail.document_id == Document.id)
            .where(
                Document.register == REGISTER,
                Document.cancelled.is_(False),
                Document.reg_date.between(start, end),
            )
        ).one()
        order = [k.title for k in kinds_in(s)]
    by_kind = Counter(r.kind for r in granted)
    typed = Counter((r.kind, r.recipient_type) for r in granted)
    kinds_order = [k for k in order if k in by_kind] + sorted(k for k in by_kind if k not in order)
    occasions = Counter(r.occasion or "без приводу" for r in granted)
    return AwardStats(
        start,
        end,
        len(granted),
        tuple((k, by_kind[k]) for k in kinds_order),
        sum(1 for r in granted if r.recipient_type != rules.COLLECTIVE),
        sum(1 for r in granted if r.recipient_type == rules.COLLECTIVE),
        tuple(sorted(occasions.items(), key=lambda kv: (-kv[1], kv[0]))),
        tuple((k, typed[(k, rules.PERSON)], typed[(k, rules.COLLECTIVE)]) for k in kinds_order),
        int(petitions[0]),
        int(petitions[0]) - int(petitions[1]),
    )


def link_ids(s: Session, award_id: int) -> list[int]:
    """The orders an award is linked to (for tests and the card)."""
    stmt = select(DocumentLink.target_id).where(
        DocumentLink.document_id == award_id, DocumentLink.relation == GRANTED_BY
    )
    return [int(i) for i in s.execute(stmt).scalars()]
