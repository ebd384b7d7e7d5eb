"""Form fields of a register: what a clerk types, parsed and checked in one place.

The UI builds its form from these declarations and shows each `FieldError` beside its field;
imports use the same parsing, so a journal row and a typed form obey the same rules, and the
services check what they store against the same limits (`check_values`): every text field has a
length limit (`Field.limit`: its `max_length`, else its kind's default), and no text keeps a
control character (a NUL ends a string in C and broke the full-text search).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.registers.kinds import TYPES, FieldError, FieldKind, FieldType

__all__ = ["Field", "FieldError", "FieldErrors", "FieldKind", "check_values", "parse_fields"]


@dataclass(frozen=True)
class Field:
    """A field of a register's card, of its import and of its audit trail.

    Where it is stored is decided by its kind and the spec (app/services/field_storage.py):
    a column `column` (default: `key`) of the register's detail table or of `document`; a
    person of the staff list in `<column>_id`/`<column>_name`; links; a child table.
    """

    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    max_length: int = 0
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    import_headers: tuple[str, ...] = field(default=())
    # DOCUMENT_REFS: the registers (comma-separated) whose numbers it names; CLASSIFIER: the list;
    # STAFF: "reception" offers the people of the schedule of personal reception first.
    target: str = ""
    # STAFF: (field, attribute of the person) the card fills when the person is chosen and the
    # field is still empty — the executor's phone from the staff list.
    fills: tuple[tuple[str, str], ...] = ()
    # DATE: cannot come before the registration date (a letter is not sent before it is
    # registered).
    not_before_registration: bool = False
    # The storage column when it is not `key` (DOCUMENT_REFS: the column showing the numbers).
    column: str = ""
    # SERIES: (code, (title, other names…)) of each series; filled in by the spec.
    options: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # TABLE: the columns of each row (fields themselves) and the child table's name.
    columns: tuple[Field, ...] = ()
    table: str = ""
    # Shown on the card but not stored (computed by the program: «Втратило чинність»).
    read_only: bool = False
    # DOCUMENT_REFS: the documents named may come after this one (the order that grants an
    # award petitioned earlier): a bare number is looked for up to today, not the record's date.
    later_refs: bool = False

    @property
    def type(self) -> FieldType:
        return TYPES[self.kind]

    @property
    def storage_column(self) -> str:
        return self.column or self.key

    @property
    def limit(self) -> int:
        """How many characters the field's text may have (forms, imports and services)."""
        return self.max_length or self.type.default_limit

    def parse(self, raw: Any) -> Any:
        """The stored value for `raw` (a string from a form or a file, or a typed value)."""
        return self.type.parse(self, raw)

    def text(self, value: Any) -> str:
        """A stored value as the card and the audit trail show it."""
        return self.type.text(value)


def check_values(fields: tuple[Field, ...], values: Mapping[str, Any]) -> None:
    """What a service is about to store obeys the fields' limits (values parsed elsewhere, or
    built by code, get the same check as a form): raises `FieldErrors`."""
    errors: list[FieldError] = []
    by_key = {f.key: f for f in fields}
    for key, value in values.items():
        spec = by_key.get(key)
        if spec is None or not isinstance(value, str):
            continue
        try:
            spec.type.check_text(spec, value)
        except FieldError as exc:
            errors.append(exc)
    if errors:
        raise FieldErrors(errors)


def parse_fields(fields: tuple[Field, ...], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Parse every field; raises `FieldErrors` listing all wrong fields at once."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for spec in fields:
        if spec.read_only:
            continue
        try:
            values[spec.key] = spec.parse(raw.get(spec.key))
        except FieldError as exc:
            errors.append(exc)
    if errors:
        raise FieldErrors(errors)
    return values


def registration_date_errors(
    fields: tuple[Field, ...], values: Mapping[str, Any], reg_date: date
) -> list[FieldError]:
    """Dates that the rules of their field place on or after the registration date."""
    from app.domain.dates import format_date

    return [
        FieldError(
            f.key,
            f"«{f.label}» ({format_date(value)}) не може бути раніше за дату реєстрації "
            f"({format_date(reg_date)})",
        )
        for f in fields
        if f.not_before_registration
        and isinstance(value := values.get(f.key), date)
        and value < reg_date
    ]


class FieldErrors(ValueError):
    """Every field of one form or one imported row that could not be accepted."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    def by_key(self) -> dict[str, str]:
        return {e.key: e.message for e in self.errors}
