"""Form fields of a register: what a clerk types, parsed and checked in one place.

The UI builds its form from these declarations and shows each `FieldError` beside its field;
imports use the same parsing, so a journal row and a typed form obey the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.correspondence import Addressee, email_problem, postal_code_problem
from app.domain.dates import DateError, parse_date


class FieldKind(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"  # an editable list: the clerk may type a value that is not offered
    CORRESPONDENT = "correspondent"  # text offered from the correspondents as you type
    CASE_INDEX = "case_index"  # a case of the nomenclature
    STAFF = "staff"  # a person of the staff list, by name (a name not on the list is kept as text)
    ADDRESSEES = "addressees"  # the addressees of an outgoing document (name, address, code)
    DOCUMENT_REFS = "document_refs"  # registration numbers of documents this one answers


class FieldError(ValueError):
    """A value a clerk typed that cannot be accepted, with the field it belongs to."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    max_length: int = 0
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    import_headers: tuple[str, ...] = field(default=())
    target: str = ""  # DOCUMENT_REFS: the register whose documents the numbers name
    # STAFF: (field, attribute of the person) the card fills when the person is chosen and the
    # field is still empty — the executor's phone from the staff list.
    fills: tuple[tuple[str, str], ...] = ()
    # DATE: cannot come before the registration date (a letter is not sent before it is
    # registered).
    not_before_registration: bool = False

    def parse(self, raw: Any) -> Any:
        """The stored value for `raw` (a string from a form or a file, or a typed value)."""
        if self.kind == FieldKind.BOOL:
            return _parse_bool(raw)
        if self.kind == FieldKind.ADDRESSEES:
            return self._parse_addressees(raw)
        if self.kind == FieldKind.DOCUMENT_REFS:
            return _split_refs(raw)
        if isinstance(raw, date) and self.kind == FieldKind.DATE:
            return raw
        if isinstance(raw, int) and self.kind == FieldKind.INT:
            return self._check_int(raw)
        text = "" if raw is None else str(raw).strip()
        if not text:
            if self.required:
                raise FieldError(self.key, f"Заповніть поле «{self.label}»")
            return None if self.kind in (FieldKind.DATE, FieldKind.INT) else ""
        if self.kind == FieldKind.DATE:
            try:
                return parse_date(text)
            except DateError as exc:
                raise FieldError(self.key, str(exc)) from exc
        if self.kind == FieldKind.INT:
            if not text.isdigit():
                raise FieldError(self.key, f"«{self.label}»: потрібне ціле число, а не «{text}»")
            return self._check_int(int(text))
        if self.max_length and len(text) > self.max_length:
            raise FieldError(
                self.key, f"«{self.label}»: не більше {self.max_length} знаків (зараз {len(text)})"
            )
        return text

    def _parse_addressees(self, raw: Any) -> tuple[Addressee, ...]:
        """A list from the card (Addressee or mappings) or a cell of an imported journal
        (names separated by «;» or new lines); each name required, codes and e-mails checked."""
        if raw is None or isinstance(raw, str):
            items = [Addressee(name) for name in re.split(r"[;\n]", raw or "")]
        else:
            items = [x if isinstance(x, Addressee) else Addressee(**dict(x)) for x in raw]
        result = []
        for item in items:
            if item.is_empty():
                continue
            item = Addressee(*(" ".join(str(v).split()) for v in _fields_of(item)))
            result.append(self._check_addressee(item))
        if self.required and not result:
            raise FieldError(self.key, f"Заповніть поле «{self.label}»")
        return tuple(result)

    def _check_addressee(self, item: Addressee) -> Addressee:
        if not item.name:
            raise FieldError(self.key, "Вкажіть найменування кожного адресата")
        if len(item.name) > 300:
            raise FieldError(self.key, f"Адресат «{item.name[:40]}…»: не більше 300 знаків")
        if item.postal_code and (problem := postal_code_problem(item.postal_code)):
            raise FieldError(self.key, f"Адресат «{item.name}»: {problem}")
        if item.email and (problem := email_problem(item.email)):
            raise FieldError(self.key, f"Адресат «{item.name}»: {problem}")
        return item

    def _check_int(self, value: int) -> int:
        if value < 0 or value > 100_000:
            raise FieldError(self.key, f"«{self.label}»: число має бути від 0 до 100000")
        return value


def _fields_of(item: Addressee) -> tuple[str, str, str, str]:
    return (item.name, item.address, item.postal_code, item.email)


def _split_refs(raw: Any) -> tuple[str, ...]:
    """Registration numbers typed «12/01-12, 15/01-12» (or given as a list), blanks dropped."""
    if raw is None:
        return ()
    parts = re.split(r"[,;\n]", raw) if isinstance(raw, str) else [str(x) for x in raw]
    seen: list[str] = []
    for part in parts:
        number = " ".join(part.split())
        if number and number not in seen:
            seen.append(number)
    return tuple(seen)


def _parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = "" if raw is None else str(raw).strip().casefold()
    return text in {"1", "так", "true", "yes", "+", "x", "х", "терміново"}


def parse_fields(fields: tuple[Field, ...], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Parse every field; raises `FieldErrors` listing all wrong fields at once."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for spec in fields:
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
