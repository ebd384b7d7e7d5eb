"""Form fields of a register: what a clerk types, parsed and checked in one place.

The UI builds its form from these declarations and shows each `FieldError` beside its field;
imports use the same parsing, so a journal row and a typed form obey the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

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

    def parse(self, raw: Any) -> Any:
        """The stored value for `raw` (a string from a form or a file, or a typed value)."""
        if self.kind == FieldKind.BOOL:
            return _parse_bool(raw)
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

    def _check_int(self, value: int) -> int:
        if value < 0 or value > 100_000:
            raise FieldError(self.key, f"«{self.label}»: число має бути від 0 до 100000")
        return value


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


class FieldErrors(ValueError):
    """Every field of one form or one imported row that could not be accepted."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    def by_key(self) -> dict[str, str]:
        return {e.key: e.message for e in self.errors}
