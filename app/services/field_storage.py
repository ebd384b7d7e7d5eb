"""Where each kind of register field is stored, and how it is read back for the card.

A spec declares fields; this module keeps one storage object per field kind (`STORAGE`) that
knows where such a field lives: a plain column of the register's detail table or of `document`
(the detail table is looked at first), a correspondent linked to the correspondents' list, a
person of the staff list (`<column>_id` and `<column>_name`), the addressees table, links to
other documents (`document_link`, by the field's key as the relation) or a child table named by
the spec. `storage_problems(spec)` lists every field and column that resolves to nothing, so a
field a spec declares can never be dropped silently on save (a test walks every spec).
Registering, editing, the card and imports all go through here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from app.domain.correspondence import Addressee
from app.domain.dates import DateError, parse_date
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
from db.queries import records

#: How many characters of the addressees' names the table's «Адресат» column keeps.
NAMES_COLUMN = 300
#: Values a row computes rather than reads from a column.
COMPUTED_COLUMNS = frozenset({"state_label", "series_title"})


@dataclass
class Record:
    """One document being stored or read: its `document` row and its detail row (if the
    register has a detail table)."""

    session: Session
    spec: RegisterSpec
    doc: Document
    detail: Any
    user: str = ""
    #: Created in this transaction: it has no stored rows yet (nothing to read back or replace).
    new: bool = False

    def home(self, column: str) -> Any:
        """The row holding `column`: the detail row when its table has it, else the document."""
        if self.detail is not None and hasattr(type(self.detail), column):
            return self.detail
        return self.doc


def has_column(spec: RegisterSpec, column: str) -> bool:
    return (spec.detail is not None and hasattr(spec.detail, column)) or hasattr(Document, column)


class Storage:
    """A plain column (text, dates, numbers, flags, choices, series)."""

    #: Looked up in other tables (stored after plain columns, which it may fill).
    looked_up = False

    def columns(self, spec: RegisterSpec, field: Field) -> tuple[str, ...]:
        return (field.storage_column,)

    def store(self, rec: Record, field: Field, value: Any) -> None:
        column = field.storage_column
        setattr(rec.home(column), column, field.type.empty if value is None else value)

    def load(self, rec: Record, field: Field) -> Any:
        column = field.storage_column
        return getattr(rec.home(column), column)

    def search_text(self, rec: Record, field: Field) -> str:
        return field.text(self.load(rec, field))


class CorrespondentStorage(Storage):
    looked_up = True

    def columns(self, spec: RegisterSpec, field: Field) -> tuple[str, ...]:
        return ("correspondent_id", "correspondent_name", "correspondent_sort")

    def store(self, rec: Record, field: Field, value: Any) -> None:
        doc, name = rec.doc, value or ""
        if name.strip():
            corr = find_or_create_correspondent(rec.session, name, rec.user)
            doc.correspondent_id, doc.correspondent_name = corr.id, corr.name
        else:
            doc.correspondent_id, doc.correspondent_name = None, ""
        doc.correspondent_sort = uk_sort_key(doc.correspondent_name)[:80]

    def load(self, rec: Record, field: Field) -> Any:
        return rec.doc.correspondent_name


class StaffStorage(Storage):
    """A person by name: linked to the staff list when found there, kept as typed otherwise.

    The lead executor also brings the department (the control centre groups by it); a field's
    `fills` takes values of the person (the executor's phone) into fields the card left empty.
    """

    looked_up = True

    def columns(self, spec: RegisterSpec, field: Field) -> tuple[str, ...]:
        column = field.storage_column
        return (f"{column}_id", f"{column}_name")

    def store(self, rec: Record, field: Field, value: Any) -> None:
        name = value or ""
        column = field.storage_column
        staff = find_staff(rec.session, name) if name.strip() else None
        shown = staff_short(staff) if staff else " ".join(name.split())
        home = rec.home(f"{column}_name")
        setattr(home, f"{column}_id", staff.id if staff else None)
        setattr(home, f"{column}_name", shown)
        if hasattr(type(home), f"{column}_sort"):
            setattr(home, f"{column}_sort", uk_sort_key(shown)[:80])
        if column == "lead_executor":
            rec.doc.department_id = staff.department_id if staff else None
        for target, attribute in field.fills:
            filled = rec.home(target)
            if staff and getattr(staff, attribute) and not (getattr(filled, target) or "").strip():
                setattr(filled, target, getattr(staff, attribute))

    def load(self, rec: Record, field: Field) -> Any:
        column = f"{field.storage_column}_name"
        return getattr(rec.home(column), column)


class AddresseesStorage(Storage):
    """The addressees table, replaced in place (by position, so the unique position never
    clashes), each linked to the correspondents' list; a new correspondent takes the typed
    address. The names also fill the document's correspondent column (the table shows it)."""

    looked_up = True

    def columns(self, spec: RegisterSpec, field: Field) -> tuple[str, ...]:
        return ("correspondent_id", "correspondent_name", "correspondent_sort")

    def store(self, rec: Record, field: Field, value: Any) -> None:
        s, doc, user, items = rec.session, rec.doc, rec.user, value or ()
        rows = list(doc.addressees)
        for position, item in enumerate(items, start=1):
            corr = find_or_create_correspondent(s, item.name, user)
            if not corr.address and not corr.postal_code and not corr.email:
                corr.address, corr.postal_code = item.address, item.postal_code
                corr.email = item.email
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

    def load(self, rec: Record, field: Field) -> Any:
        return addressees_of(rec.session, rec.doc.id) if rec.doc.id else ()

    def search_text(self, rec: Record, field: Field) -> str:
        return rec.doc.correspondent_name


class LinksStorage(Storage):
    """Links to other documents (`document_link` with the field's key as the relation), and
    the numbers as the table shows them in the field's column."""

    looked_up = True

    def columns(self, spec: RegisterSpec, field: Field) -> tuple[str, ...]:
        return (field.storage_column,)

    def store(self, rec: Record, field: Field, value: Any) -> None:
        s, doc = rec.session, rec.doc
        with s.no_autoflush:
            day = date.today() if field.later_refs else doc.reg_date
            targets = resolve_refs(s, field, value or (), day)
        wanted = [t.id for t in targets]
        mine = [link for link in doc.links if (link.relation or "reply_to") == field.key]
        for link in mine:
            if link.target_id not in wanted:
                doc.links.remove(link)
        kept = {link.target_id for link in mine}
        taken = {link.target_id for link in doc.links}
        for target_id in wanted:
            if target_id not in kept and target_id not in taken:
                doc.links.append(
                    DocumentLink(target_id=target_id, relation=field.key, changed_by=rec.user)
                )
        column = field.storage_column
        setattr(rec.home(column), column, ", ".join(t.reg_number for t in targets)[:300])

    def load(self, rec: Record, field: Field) -> Any:
        return linked_numbers(rec.session, rec.doc.id, field.key) if rec.doc.id else ()

    def search_text(self, rec: Record, field: Field) -> str:
        column = field.storage_column
        return str(getattr(rec.home(column), column) or "")


class TableStorage(Storage):
    """A child table named by the field (`Field.table`, the model from `RegisterSpec.children`):
    rows replaced in place by position; a removed row is deleted (and leaves a tombstone). Each
    row column is stored by its own kind's rule for plain values; a STAFF column stores
    `<key>_id`/`<key>_name` on the child row."""

    looked_up = True

    def columns(self, spec: RegisterSpec, field: Field) -> tuple[str, ...]:
        return (field.column,) if field.column else ()

    def child_columns(self, field: Field) -> tuple[str, ...]:
        names: list[str] = ["document_id", "position"]
        for column in field.columns:
            if column.kind == FieldKind.STAFF:
                names += [f"{column.key}_id", f"{column.key}_name"]
            else:
                names.append(column.key)
        return tuple(names)

    def _rows(self, rec: Record, field: Field) -> list[Any]:
        model = rec.spec.child_model(field.table)
        return records.child_rows(rec.session, model, rec.doc.id) if rec.doc.id else []

    def store(self, rec: Record, field: Field, value: Any) -> None:
        s = rec.session
        model = rec.spec.child_model(field.table)
        if rec.doc.id is None:
            s.add(rec.doc)
            s.flush()
        rows = [] if rec.new else self._rows(rec, field)
        items = list(value or ())
        removed = rows[len(items) :]
        for row in removed:
            s.delete(row)
        if removed:  # the freed positions first: the unique (document, position) never clashes
            s.flush()
        for position, item in enumerate(items, start=1):
            if position <= len(rows):
                row = rows[position - 1]
            else:
                row = model(document_id=rec.doc.id, position=position)
                s.add(row)
            for column in field.columns:
                cell = item.get(column.key)
                if column.kind == FieldKind.STAFF:
                    staff = find_staff(s, cell) if cell and str(cell).strip() else None
                    shown = staff_short(staff) if staff else " ".join(str(cell or "").split())
                    setattr(row, f"{column.key}_id", staff.id if staff else None)
                    setattr(row, f"{column.key}_name", shown)
                else:
                    setattr(row, column.key, column.type.empty if cell is None else cell)
            row.changed_by = rec.user
        if field.column:  # the rows as the table shows them (and an import reads them back)
            shown = field.text(items)
            if len(shown) > 300:
                shown = shown[:299] + "…"
            setattr(rec.home(field.column), field.column, shown)

    def search_text(self, rec: Record, field: Field) -> str:
        """The rows as the table shows them (the column just stored), not read back again."""
        if field.column:
            return str(getattr(rec.home(field.column), field.column) or "")
        return super().search_text(rec, field)

    def load(self, rec: Record, field: Field) -> Any:
        result = []
        for row in self._rows(rec, field):
            values: dict[str, Any] = {}
            for column in field.columns:
                if column.kind == FieldKind.STAFF:
                    values[column.key] = getattr(row, f"{column.key}_name")
                else:
                    values[column.key] = getattr(row, column.key)
            result.append(values)
        return tuple(result)


PLAIN = Storage()
STORAGE: dict[FieldKind, Storage] = {
    FieldKind.TEXT: PLAIN,
    FieldKind.MULTILINE: PLAIN,
    FieldKind.DATE: PLAIN,
    FieldKind.INT: PLAIN,
    FieldKind.BOOL: PLAIN,
    FieldKind.CHOICE: PLAIN,
    FieldKind.CASE_INDEX: PLAIN,
    FieldKind.SERIES: PLAIN,
    FieldKind.CLASSIFIER: PLAIN,
    FieldKind.CORRESPONDENT: CorrespondentStorage(),
    FieldKind.STAFF: StaffStorage(),
    FieldKind.ADDRESSEES: AddresseesStorage(),
    FieldKind.DOCUMENT_REFS: LinksStorage(),
    FieldKind.TABLE: TableStorage(),
}


def storage_of(field: Field) -> Storage:
    return STORAGE[field.kind]


# --- resolving a spec to its storage -------------------------------------------------------------


def storage_problems(spec: RegisterSpec) -> list[str]:
    """Every field, column, sort and filter of `spec` that resolves to no storage (empty: all
    resolve). A field declared on a spec but stored nowhere would be dropped on save."""
    problems = []
    for field in spec.fields:
        if field.read_only:
            if not has_column(spec, field.storage_column):
                problems.append(f"поле {field.key}: немає стовпця {field.storage_column}")
            continue
        if field.kind not in STORAGE:
            problems.append(f"поле {field.key}: невідомий вид {field.kind}")
            continue
        for column in storage_of(field).columns(spec, field):
            if not has_column(spec, column):
                problems.append(f"поле {field.key}: немає стовпця {column}")
        if field.kind == FieldKind.TABLE:
            try:
                model = spec.child_model(field.table)
            except KeyError:
                problems.append(f"поле {field.key}: немає дочірньої таблиці {field.table!r}")
                continue
            for column in TableStorage().child_columns(field):
                if not hasattr(model, column):
                    problems.append(f"поле {field.key}: у {field.table} немає стовпця {column}")
    for col in spec.columns:
        if col.key not in COMPUTED_COLUMNS and not has_column(spec, col.key):
            problems.append(f"стовпець таблиці {col.key}: немає в базі")
    from db.queries.documents import sort_columns

    for col in spec.columns:
        if col.sort and sort_columns(spec.detail, col.sort) is None:
            problems.append(f"сортування {col.sort}: невідоме")
    for flt in spec.filters:
        if not has_column(spec, flt.column):
            problems.append(f"фільтр {flt.key}: немає стовпця {flt.column}")
    if spec.series and not any(f.kind == FieldKind.SERIES for f in spec.fields):
        problems.append("серії без поля серії")
    return problems


@cache
def _checked(spec: RegisterSpec) -> None:
    problems = storage_problems(spec)
    if problems:
        raise LookupError(f"Реєстр {spec.code}: " + "; ".join(problems))


# --- storing and loading ---------------------------------------------------------------------


def detail_of(s: Session, spec: RegisterSpec, doc: Document) -> Any:
    """The detail row of `doc` (None when the register has no detail table or it is missing)."""
    if spec.detail is None or doc.id is None:
        return None
    return s.get(spec.detail, doc.id)


def _needs_id(spec: RegisterSpec) -> bool:
    """A detail row or a child table refers to the document by id: flush it first."""
    return spec.detail is not None or any(f.kind == FieldKind.TABLE for f in spec.fields)


def apply_values(
    s: Session, spec: RegisterSpec, doc: Document, values: Mapping[str, Any], user: str
) -> None:
    """Store parsed field values on `doc` and its detail row (created when missing).

    Dates and numbers may be empty; the search text is the number plus the spec's
    `search_fields`, and the sort keys follow the stored text. Every field must resolve to
    storage (`storage_problems`), otherwise nothing is stored.
    """
    _checked(spec)
    errors = registration_date_errors(spec.fields, values, doc.reg_date)
    if errors:
        raise FieldErrors(errors)
    new = doc.id is None  # a registration: no detail or child rows to read first
    if new and _needs_id(spec):
        s.add(doc)
        s.flush()
    detail = None if new else detail_of(s, spec, doc)
    if spec.detail is not None and detail is None:
        detail = spec.detail(document_id=doc.id, changed_by=user)
        s.add(detail)
    rec = Record(s, spec, doc, detail, user, new=new)
    # Plain columns first: a person of the staff list may then fill what the card left empty.
    ordered = sorted(values.items(), key=lambda kv: storage_of(spec.field(kv[0])).looked_up)
    for key, value in ordered:
        field = spec.field(key)
        if not field.read_only:
            storage_of(field).store(rec, field, value)
    if detail is not None:
        detail.changed_by = user
    _check_classifiers(s, spec, values, doc.reg_date)
    if spec.after_store is not None:
        spec.after_store(s, doc, detail)
    doc.summary_sort = uk_sort_key(doc.summary or "")[:60]
    doc.search_text = searchable_text(
        doc.reg_number, *(_search_text(rec, key) for key in spec.search_fields)
    )


def _check_classifiers(
    s: Session, spec: RegisterSpec, values: Mapping[str, Any], day: date
) -> None:
    """Every CLASSIFIER value (a field's or a table column's) is an item of its list in effect
    on the document's date (app/services/classifier.py); raises FieldErrors."""
    from app.services.classifier import value_problem

    errors: list[FieldError] = []
    for key, value in values.items():
        field = spec.field(key)
        if field.kind == FieldKind.CLASSIFIER:
            problem = value_problem(s, field.target, field.label, str(value or ""), day)
            if problem:
                errors.append(FieldError(field.key, problem))
        elif field.kind == FieldKind.TABLE:
            for number, row in enumerate(value or (), start=1):
                for column in field.columns:
                    if column.kind != FieldKind.CLASSIFIER:
                        continue
                    cell = str(row.get(column.key) or "")
                    problem = value_problem(s, column.target, column.label, cell, day)
                    if problem:
                        errors.append(
                            FieldError(field.key, f"«{field.label}», рядок {number}: {problem}")
                        )
    if errors:
        raise FieldErrors(errors)


def _search_text(rec: Record, key: str) -> str:
    field = rec.spec.field(key)
    return storage_of(field).search_text(rec, field)


def stored_values(s: Session, spec: RegisterSpec, doc: Document) -> dict[str, object]:
    """The card's values of every spec field, as the form shows them."""
    rec = Record(s, spec, doc, detail_of(s, spec, doc))
    values: dict[str, object] = {}
    for field in spec.fields:
        if field.read_only:
            values[field.key] = getattr(rec.home(field.storage_column), field.storage_column, "")
        else:
            values[field.key] = storage_of(field).load(rec, field)
    return values


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
    index: dict[str, Staff] | None = s.info.get("staff_by_name")
    if index is None:
        index = {}
        with s.no_autoflush:
            for row in records.staff_for_lookup(s):  # the first active one wins: written last
                index.update(dict.fromkeys(_staff_keys(row), row))
        # The rows themselves, not their ids: the session keeps loaded rows only while they
        # are referenced, and a demo of 2,000 orders re-read a person at every name (2.5 s).
        s.info["staff_by_name"] = index
    return index.get(key)


# --- addressees and links ------------------------------------------------------------------------


def addressees_of(s: Session, doc_id: int) -> tuple[Addressee, ...]:
    return tuple(Addressee(*row) for row in records.addressees(s, doc_id))


def resolve_refs(s: Session, field: Field, numbers: Sequence[str], day: date) -> list[Document]:
    """The documents of the registers `field.target` names (comma-separated, tried in order)
    that the typed numbers name.

    A number is matched as written («12/01-12»), else as the running number of `day`'s year
    («12»); of several matches the latest registered on or before `day` wins. A number that
    names nothing is an error under the field, never silently dropped.
    """
    found: list[Document] = []
    missing: list[str] = []
    registers = [r.strip() for r in field.target.split(",") if r.strip()]
    for number in numbers:
        doc = next((d for r in registers if (d := _find_ref(s, r, number, day)) is not None), None)
        if doc is None:
            missing.append(number)
        elif doc not in found:
            found.append(doc)
    if missing:
        listed = ", ".join(f"№ {n}" for n in missing)
        raise FieldErrors([FieldError(field.key, f"Не знайдено документ {listed} ({field.label})")])
    return found


_DATED_REF = re.compile(r"^(?P<number>.+?)\s+від\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})$", re.I)


def _find_ref(s: Session, register: str, number: str, day: date) -> Document | None:
    """The document a typed number names: «45-р від 12.03.2025» exactly (numbers repeat every
    year), else the latest registered on or before `day` with that number."""
    dated = _DATED_REF.match(number)
    if dated is None:
        return records.document_by_number(s, register, number, day)
    try:
        signed = parse_date(dated["date"])
    except DateError:
        return None
    typed = dated["number"].strip().removeprefix("№").strip()
    return records.document_by_number(s, register, typed, day, signed)


def linked_numbers(s: Session, doc_id: int, relation: str = "reply_to") -> tuple[str, ...]:
    return records.linked_numbers(s, doc_id, relation)


def linked_ids(s: Session, doc_id: int, relation: str = "reply_to") -> list[int]:
    return records.linked_ids(s, doc_id, relation)
