"""Form fields of a register: what a clerk types, parsed and checked in one place.

The UI builds its form from these declarations and shows each `FieldError` beside its field;
imports use the same parsing, so a journal row and a typed form obey the same rules, and the
services check what they store against the same limits (`check_values`): every text field has a
length limit (`Field.limit`: its `max_length`, else its kind's default), and no text keeps a
control character (a NUL ends a string in C and broke the full-text search).
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


#: Text limits of the kinds that declare none: a summary or a note of a page or two; a line.
DEFAULT_LIMITS = {"multiline": 4000, "line": 300}
#: What a stored reference list («у відповідь на») may hold, as its column does.
REFS_LIMIT = 300
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ASCII_DIGITS = re.compile("[0-9]+")


def control_character_problem(text: str) -> str | None:
    """A Ukrainian description of the first control character in `text` (None: there is none).
    Tabs and line ends are text; NUL, the other C0/C1 controls and non-characters are not."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return (
        f"недопустимий службовий символ (код {ord(found.group()):#06x}) у позиції "
        f"{found.start() + 1}: такі символи потрапляють із пошкоджених файлів; видаліть його"
    )


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

    @property
    def limit(self) -> int:
        """How many characters the field's text may have (forms, imports and services)."""
        if self.max_length:
            return self.max_length
        return DEFAULT_LIMITS["multiline" if self.kind == FieldKind.MULTILINE else "line"]

    def check_text(self, text: str) -> str:
        """`text` if it fits the field's limit and has no control character; else FieldError."""
        if len(text) > self.limit:
            raise FieldError(
                self.key,
                f"«{self.label}»: не більше {self.limit} знаків (зараз {len(text)}). "
                "Скоротіть текст.",
            )
        problem = control_character_problem(text)
        if problem:
            raise FieldError(self.key, f"«{self.label}»: {problem}")
        return text

    def parse(self, raw: Any) -> Any:
        """The stored value for `raw` (a string from a form or a file, or a typed value)."""
        if self.kind == FieldKind.BOOL:
            return _parse_bool(raw)
        if self.kind == FieldKind.ADDRESSEES:
            return self._parse_addressees(raw)
        if self.kind == FieldKind.DOCUMENT_REFS:
            return self._check_refs(_split_refs(raw))
        if isinstance(raw, date) and self.kind == FieldKind.DATE:
            return raw
        if isinstance(raw, int) and self.kind == FieldKind.INT:
            return self._check_int(raw)
        text = "" if raw is None else str(raw).strip()
        if self.kind != FieldKind.MULTILINE:  # a line keeps no line breaks (an Excel Alt+Enter)
            text = " ".join(text.replace("\t", " ").splitlines()).strip() if text else text
        else:
            text = "\n".join(text.splitlines()) if "\r" in text else text
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
            if not _ASCII_DIGITS.fullmatch(text):  # «²» is a digit to str.isdigit, not to int()
                shown = text if len(text) <= 20 else text[:20] + "…"
                raise FieldError(
                    self.key, f"«{self.label}»: потрібне ціле число цифрами 0–9, а не «{shown}»"
                )
            if len(text) > 6:
                return self._check_int(100_001)
            return self._check_int(int(text))
        return self.check_text(text)

    def _check_refs(self, refs: tuple[str, ...]) -> tuple[str, ...]:
        for ref in refs:
            problem = control_character_problem(ref)
            if problem:
                raise FieldError(self.key, f"«{self.label}»: {problem}")
        if len(", ".join(refs)) > REFS_LIMIT:
            raise FieldError(
                self.key, f"«{self.label}»: не більше {REFS_LIMIT} знаків разом. Скоротіть список."
            )
        return refs

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
        if len(item.address) > 300 or len(item.email) > 150:
            raise FieldError(
                self.key, f"Адресат «{item.name[:40]}»: адреса — до 300, пошта — до 150 знаків"
            )
        for part in _fields_of(item):
            if problem := control_character_problem(part):
                raise FieldError(self.key, f"Адресат «{item.name[:40]}»: {problem}")
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
            spec.check_text(value)
        except FieldError as exc:
            errors.append(exc)
    if errors:
        raise FieldErrors(errors)


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
