"""How each kind of register field is stored on a document, and read back for the card.

A spec declares fields; this module is the one place that knows where a kind of field lives in
the database: plain columns, a correspondent linked to the correspondents' list, a person of the
staff list (`<key>_id` and `<key>_name` columns), the addressees table and the «у відповідь на»
links. Registering, editing, the card and imports all go through it, so a new register that
reuses these kinds needs no storage code of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.correspondence import Addressee
from app.domain.names import Gender, PersonName, short_name
from app.domain.text import normalize_search, searchable_text, uk_sort_key
from app.registers.base import RegisterSpec
from app.registers.fields import (
    Field,
    FieldError,
    FieldErrors,
    FieldKind,
    registration_date_errors,
)
from app.services.reference import find_or_create_correspondent
from db.models import Addressee as AddresseeRow
from db.models import Document, DocumentLink, Staff

_LOOKED_UP = frozenset(
    {FieldKind.CORRESPONDENT, FieldKind.STAFF, FieldKind.ADDRESSEES, FieldKind.DOCUMENT_REFS}
)
#: How many characters of the addressees' names the table's «Адресат» column keeps.
NAMES_COLUMN = 300


def apply_values(
    s: Session, spec: RegisterSpec, doc: Document, values: Mapping[str, Any], user: str
) -> None:
    """Store parsed field values on `doc` (flushed first when links need its id).

    Dates and numbers may be empty; the search text is the number plus the spec's
    `search_fields`, and the sort keys follow the stored text.
    """
    errors = registration_date_errors(spec.fields, values, doc.reg_date)
    if errors:
        raise FieldErrors(errors)
    # Plain columns first: a person of the staff list may then fill what the card left empty.
    ordered = sorted(values.items(), key=lambda kv: spec.field(kv[0]).kind in _LOOKED_UP)
    for key, value in ordered:
        field = spec.field(key)
        kind = field.kind
        if kind == FieldKind.CORRESPONDENT:
            _set_correspondent(s, doc, value or "", user)
        elif kind == FieldKind.STAFF:
            _set_staff(s, doc, key, value or "")
        elif kind == FieldKind.ADDRESSEES:
            _set_addressees(s, doc, value or (), user)
        elif kind == FieldKind.DOCUMENT_REFS:
            _set_links(s, doc, field, value or (), user)
        elif kind in (FieldKind.DATE, FieldKind.INT):
            setattr(doc, key, value)
        else:
            setattr(doc, key, "" if value is None else value)
    doc.summary_sort = uk_sort_key(doc.summary or "")[:60]
    doc.search_text = searchable_text(
        doc.reg_number, *(_stored_text(spec, doc, key) for key in spec.search_fields)
    )


def _set_correspondent(s: Session, doc: Document, name: str, user: str) -> None:
    if name.strip():
        corr = find_or_create_correspondent(s, name, user)
        doc.correspondent_id, doc.correspondent_name = corr.id, corr.name
    else:
        doc.correspondent_id, doc.correspondent_name = None, ""
    doc.correspondent_sort = uk_sort_key(doc.correspondent_name)[:80]


def _stored_text(spec: RegisterSpec, doc: Document, key: str) -> str:
    kind = spec.field(key).kind
    if kind in (FieldKind.CORRESPONDENT, FieldKind.ADDRESSEES):
        return doc.correspondent_name
    if kind == FieldKind.STAFF:
        return str(getattr(doc, f"{key}_name"))
    if kind == FieldKind.DOCUMENT_REFS:
        return doc.reply_numbers
    value = getattr(doc, key)
    return "" if value is None else str(value)


# --- people of the staff list ------------------------------------------------------------------


def staff_short(staff: Staff) -> str:
    return short_name(
        PersonName(staff.surname, staff.given_name, staff.patronymic, Gender(staff.gender))
    )


def _staff_keys(staff: Staff) -> set[str]:
    person = PersonName(staff.surname, staff.given_name, staff.patronymic, Gender(staff.gender))
    forms = (
        short_name(person),
        f"{staff.surname} {staff.given_name} {staff.patronymic}",
        f"{staff.given_name} {staff.surname}",
        f"{staff.surname} {staff.given_name}",
    )
    return {normalize_search(form).replace(" ", "") for form in forms}


def find_staff(s: Session, name: str) -> Staff | None:
    """The person of the staff list a typed name means («Коваль О. П.», «Олена Коваль», the full
    name; case, spaces and dots ignored); None when nobody matches. Active people first.

    The names are read once per transaction (an import or the demo registers hundreds of
    documents in one) and without flushing what is pending.
    """
    key = normalize_search(name).replace(" ", "")
    if not key:
        return None
    index: dict[str, int] | None = s.info.get("staff_by_name")
    if index is None:
        index = {}
        stmt = select(Staff).order_by(Staff.active.asc(), Staff.id.desc())
        with s.no_autoflush:
            for row in s.execute(stmt).scalars():  # the first active one wins: written last
                index.update(dict.fromkeys(_staff_keys(row), row.id))
        s.info["staff_by_name"] = index
    staff_id = index.get(key)
    return s.get(Staff, staff_id) if staff_id is not None else None


def _set_staff(s: Session, doc: Document, key: str, name: str) -> None:
    """A person by name: linked to the staff list when found there, kept as typed otherwise.

    The lead executor also brings the department (the control centre groups by it) and, when
    the card left it empty, the executor's phone from the staff list.
    """
    staff = find_staff(s, name) if name.strip() else None
    shown = staff_short(staff) if staff else " ".join(name.split())
    setattr(doc, f"{key}_id", staff.id if staff else None)
    setattr(doc, f"{key}_name", shown)
    if hasattr(doc, f"{key}_sort"):
        setattr(doc, f"{key}_sort", uk_sort_key(shown)[:80])
    if key == "lead_executor":
        doc.department_id = staff.department_id if staff else None
        if staff and staff.phone and not (doc.executor_phone or "").strip():
            doc.executor_phone = staff.phone


# --- addressees --------------------------------------------------------------------------------


def _set_addressees(s: Session, doc: Document, items: Sequence[Addressee], user: str) -> None:
    """Replace the addressees in place (by position, so the unique position never clashes),
    each linked to the correspondents' list; a new correspondent takes the typed address."""
    rows = list(doc.addressees)
    for position, item in enumerate(items, start=1):
        corr = find_or_create_correspondent(s, item.name, user)
        if not corr.address and not corr.postal_code and not corr.email:
            corr.address, corr.postal_code, corr.email = item.address, item.postal_code, item.email
        if position <= len(rows):
            row = rows[position - 1]
        else:
            row = AddresseeRow(position=position, changed_by=user)
            doc.addressees.append(row)
        row.correspondent_id, row.name = corr.id, corr.name
        row.address, row.postal_code, row.email = item.address, item.postal_code, item.email
        row.changed_by = user
    for row in rows[len(items) :]:
        doc.addressees.remove(row)
    names = "; ".join(row.name for row in doc.addressees)
    if len(names) > NAMES_COLUMN:
        names = names[: NAMES_COLUMN - 1] + "…"
    doc.correspondent_id = doc.addressees[0].correspondent_id if doc.addressees else None
    doc.correspondent_name = names
    doc.correspondent_sort = uk_sort_key(names)[:80]


def addressees_of(s: Session, doc_id: int) -> tuple[Addressee, ...]:
    row = AddresseeRow
    stmt = (
        select(row.name, row.address, row.postal_code, row.email)
        .where(AddresseeRow.document_id == doc_id)
        .order_by(AddresseeRow.position)
    )
    return tuple(Addressee(*row) for row in s.execute(stmt))


# --- «у відповідь на» --------------------------------------------------------------------------


def resolve_refs(s: Session, field: Field, numbers: Sequence[str], day: date) -> list[Document]:
    """The documents of register `field.target` that the typed numbers name.

    A number is matched as written («12/01-12»), else as the running number of `day`'s year
    («12»); of several matches the latest registered on or before `day` wins. A number that
    names nothing is an error under the field, never silently dropped.
    """
    found: list[Document] = []
    missing: list[str] = []
    for number in numbers:
        doc = _find_ref(s, field.target, number, day)
        if doc is None:
            missing.append(number)
        elif doc not in found:
            found.append(doc)
    if missing:
        listed = ", ".join(f"№ {n}" for n in missing)
        raise FieldErrors([FieldError(field.key, f"Не знайдено документ {listed} ({field.label})")])
    return found


def _find_ref(s: Session, register: str, number: str, day: date) -> Document | None:
    base = select(Document).where(Document.register == register, Document.reg_date <= day)
    latest = (Document.reg_date.desc(), Document.id.desc())
    doc = s.execute(base.where(Document.reg_number == number).order_by(*latest).limit(1)).scalar()
    if doc is None and number.isdigit():
        stmt = base.where(Document.year == day.year, Document.seq == int(number))
        doc = s.execute(stmt.limit(1)).scalar()
    return doc


def _set_links(s: Session, doc: Document, field: Field, numbers: Sequence[str], user: str) -> None:
    """Replace the links in place: kept targets stay, so the unique pair never clashes."""
    with s.no_autoflush:
        targets = resolve_refs(s, field, numbers, doc.reg_date)
    wanted = [t.id for t in targets]
    for link in list(doc.links):
        if link.target_id not in wanted:
            doc.links.remove(link)
    kept = {link.target_id for link in doc.links}
    for target_id in wanted:
        if target_id not in kept:
            doc.links.append(DocumentLink(target_id=target_id, changed_by=user))
    doc.reply_numbers = ", ".join(t.reg_number for t in targets)[:300]


def linked_numbers(s: Session, doc_id: int) -> tuple[str, ...]:
    stmt = (
        select(Document.reg_number)
        .join(DocumentLink, DocumentLink.target_id == Document.id)
        .where(DocumentLink.document_id == doc_id)
        .order_by(DocumentLink.id)
    )
    return tuple(s.execute(stmt).scalars())


def linked_ids(s: Session, doc_id: int) -> list[int]:
    stmt = select(DocumentLink.target_id).where(DocumentLink.document_id == doc_id)
    return list(s.execute(stmt.order_by(DocumentLink.id)).scalars())


# --- the card's values ---------------------------------------------------------------------------


def stored_values(s: Session, spec: RegisterSpec, doc: Document) -> dict[str, object]:
    """The card's values of every spec field, as the form shows them."""
    values: dict[str, object] = {}
    for field in spec.fields:
        kind, key = field.kind, field.key
        if kind == FieldKind.CORRESPONDENT:
            values[key] = doc.correspondent_name
        elif kind == FieldKind.STAFF:
            values[key] = getattr(doc, f"{key}_name")
        elif kind == FieldKind.ADDRESSEES:
            values[key] = addressees_of(s, doc.id)
        elif kind == FieldKind.DOCUMENT_REFS:
            values[key] = linked_numbers(s, doc.id)
        else:
            values[key] = getattr(doc, key)
    return values
