"""Field kinds as objects: how a kind of field parses what a clerk typed, shows a value as text
and tells whether two values differ (the edit conflict and the audit trail).

Every place that handles fields — the form, the import, the card, the audit, the export — asks
the field's kind (`Field.type`, looked up in `TYPES`) instead of switching over `FieldKind`.
Where a kind is stored is the storage layer's business (app/services/field_storage.py keeps one
storage object per kind); which editor shows it is the UI's (ui/dialogs/field_editor.py keeps one
editor factory per kind). A new kind is one class here, one there and one in the UI.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from app.domain.correspondence import Addressee, email_problem, postal_code_problem
from app.domain.dates import DateError, format_date, parse_date


class Field(Protocol):
    """What a kind reads of the field it parses (app.registers.fields.Field is one)."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def max_length(self) -> int: ...
    @property
    def options(self) -> tuple[tuple[str, tuple[str, ...]], ...]: ...
    @property
    def columns(self) -> Sequence[Field]: ...
    @property
    def type(self) -> FieldType: ...

    def parse(self, raw: Any) -> Any: ...


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
    DOCUMENT_REFS = "document_refs"  # registration numbers of other documents (links)
    SERIES = "series"  # the number series of a register that keeps several (orders: -р, -к)
    TABLE = "table"  # rows of a child table, each row the values of the field's `columns`
    # An item of a classifier list (`Field.target` names the list), in effect on the document's
    # date: the appeals' classifier is data an administrator edits (app/services/classifier.py).
    CLASSIFIER = "classifier"


#: Text limits of the kinds that declare none: a summary or a note of a page or two; a line.
LINE_LIMIT, MULTILINE_LIMIT = 300, 4000
#: What a stored reference list («у відповідь на») may hold, as its column does.
REFS_LIMIT = 300
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ASCII_DIGITS = re.compile("[0-9]+")


def control_character_problem(text: str) -> str | None:
    """A Ukrainian description of the first control character in `text` (None: there is none).
    Tabs and line ends are text; NUL, the other C0/C1 controls and non-characters are not
    (a NUL ends a string in C: it broke the full-text search)."""
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


def _required(field: Field) -> FieldError:
    return FieldError(field.key, f"Заповніть поле «{field.label}»")


class FieldType:
    """A kind of field. `empty` is the stored value of a field left blank; a text is at most
    the field's `max_length`, else `default_limit` characters, and keeps line breaks only when
    the kind is `multiline` (a line from an imported cell loses an Excel Alt+Enter)."""

    empty: Any = ""

    def __init__(self, default_limit: int = LINE_LIMIT, multiline: bool = False) -> None:
        self.default_limit = default_limit
        self.multiline = multiline

    def parse(self, field: Field, raw: Any) -> Any:
        text = "" if raw is None else str(raw).strip()
        if text and not self.multiline:
            text = " ".join(text.replace("\t", " ").splitlines()).strip()
        elif "\r" in text:
            text = "\n".join(text.splitlines())
        if not text:
            if field.required:
                raise _required(field)
            return self.empty
        return self.check_text(field, text)

    def check_text(self, field: Field, text: str) -> str:
        """`text` if it fits the field's limit and has no control character; else FieldError
        (the services check what they store with it too)."""
        limit = field.max_length or self.default_limit
        if len(text) > limit:
            raise FieldError(
                field.key,
                f"«{field.label}»: не більше {limit} знаків (зараз {len(text)}). Скоротіть текст.",
            )
        problem = control_character_problem(text)
        if problem:
            raise FieldError(field.key, f"«{field.label}»: {problem}")
        return text

    def text(self, value: Any) -> str:
        """The value as the card, the audit trail and the edit conflict show it."""
        return "" if value is None else str(value)

    def same(self, before: Any, after: Any) -> bool:
        # An empty text and a missing value are the same to a clerk.
        if before in (None, "", ()) and after in (None, "", ()):
            return True
        return bool(before == after)


class DateType(FieldType):
    empty = None

    def parse(self, field: Field, raw: Any) -> Any:
        if isinstance(raw, date):
            return raw
        text = super().parse(field, raw)
        if not text:
            return None
        try:
            return parse_date(text)
        except DateError as exc:
            raise FieldError(field.key, str(exc)) from exc

    def text(self, value: Any) -> str:
        return format_date(value) if isinstance(value, date) else super().text(value)


class IntType(FieldType):
    empty = None
    LIMIT = 100_000

    def parse(self, field: Field, raw: Any) -> Any:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return self._check(field, raw)
        text = super().parse(field, raw)
        if text is None or text == "":
            return None
        if not _ASCII_DIGITS.fullmatch(text):  # «²» is a digit to str.isdigit, not to int()
            shown = text if len(text) <= 20 else text[:20] + "…"
            raise FieldError(
                field.key, f"«{field.label}»: потрібне ціле число цифрами 0–9, а не «{shown}»"
            )
        if len(text) > 6:
            return self._check(field, self.LIMIT + 1)
        return self._check(field, int(text))

    def _check(self, field: Field, value: int) -> int:
        if value < 0 or value > self.LIMIT:
            raise FieldError(field.key, f"«{field.label}»: число має бути від 0 до {self.LIMIT}")
        return value


class BoolType(FieldType):
    empty = False
    YES = frozenset({"1", "так", "true", "yes", "+", "x", "х", "терміново"})

    def parse(self, field: Field, raw: Any) -> Any:
        if isinstance(raw, bool):
            return raw
        text = "" if raw is None else str(raw).strip().casefold()
        return text in self.YES

    def text(self, value: Any) -> str:
        return "так" if value else "ні"

    def same(self, before: Any, after: Any) -> bool:
        return bool(before) == bool(after)


class SeriesType(FieldType):
    """The series of a register that keeps several: stored as the series code; typed as the
    code, the title or the number suffix («-к»); required when the register has series."""

    def parse(self, field: Field, raw: Any) -> Any:
        text = "" if raw is None else " ".join(str(raw).split())
        if not text:
            if field.required:
                raise _required(field)
            return ""
        wanted = text.casefold()
        for code, titles in field.options:
            if wanted == code.casefold() or wanted in (t.casefold() for t in titles):
                return code
        offered = ", ".join(titles[0] for _, titles in field.options)
        raise FieldError(field.key, f"«{field.label}»: невідома серія «{text}» (є: {offered})")

    def text(self, value: Any) -> str:
        return str(value or "")


class AddresseesType(FieldType):
    """A list from the card (Addressee or mappings) or a cell of an imported journal (names
    separated by «;» or new lines); each name required, postal codes and e-mails checked."""

    empty = ()

    def parse(self, field: Field, raw: Any) -> Any:
        if raw is None or isinstance(raw, str):
            items = [Addressee(name) for name in re.split(r"[;\n]", raw or "")]
        else:
            items = [x if isinstance(x, Addressee) else Addressee(**dict(x)) for x in raw]
        result = []
        for item in items:
            if item.is_empty():
                continue
            parts = (item.name, item.address, item.postal_code, item.email)
            item = Addressee(*(" ".join(str(v).split()) for v in parts))
            result.append(self._check(field, item))
        if field.required and not result:
            raise _required(field)
        return tuple(result)

    @staticmethod
    def _check(field: Field, item: Addressee) -> Addressee:
        if not item.name:
            raise FieldError(field.key, "Вкажіть найменування кожного адресата")
        if len(item.name) > 300:
            raise FieldError(field.key, f"Адресат «{item.name[:40]}…»: не більше 300 знаків")
        if len(item.address) > 300 or len(item.email) > 150:
            raise FieldError(
                field.key, f"Адресат «{item.name[:40]}»: адреса — до 300, пошта — до 150 знаків"
            )
        for part in (item.name, item.address, item.postal_code, item.email):
            if problem := control_character_problem(part):
                raise FieldError(field.key, f"Адресат «{item.name[:40]}»: {problem}")
        if item.postal_code and (problem := postal_code_problem(item.postal_code)):
            raise FieldError(field.key, f"Адресат «{item.name}»: {problem}")
        if item.email and (problem := email_problem(item.email)):
            raise FieldError(field.key, f"Адресат «{item.name}»: {problem}")
        return item

    def text(self, value: Any) -> str:
        return "; ".join(_addressee_text(a) for a in value or ())

    def same(self, before: Any, after: Any) -> bool:
        # Addressees compare by every part, so a changed postal code is a change.
        return tuple(before or ()) == tuple(after or ())


def _addressee_text(value: Addressee) -> str:
    parts = [p for p in (value.address, value.postal_code, value.email) if p]
    return f"{value.name} ({', '.join(parts)})" if parts else value.name


class RefsType(FieldType):
    """Registration numbers typed «12/01-12, 15/01-12» (or a list), blanks and repeats dropped."""

    empty = ()

    def parse(self, field: Field, raw: Any) -> Any:
        if raw is None:
            parts: list[str] = []
        elif isinstance(raw, str):
            parts = re.split(r"[,;\n]", raw)
        else:
            parts = [str(x) for x in raw]
        seen: list[str] = []
        for part in parts:
            number = " ".join(part.split())
            if number and number not in seen:
                if problem := control_character_problem(number):
                    raise FieldError(field.key, f"«{field.label}»: {problem}")
                seen.append(number)
        if field.required and not seen:
            raise _required(field)
        if len(", ".join(seen)) > REFS_LIMIT:
            raise FieldError(
                field.key,
                f"«{field.label}»: не більше {REFS_LIMIT} знаків разом. Скоротіть список.",
            )
        return tuple(seen)

    def text(self, value: Any) -> str:
        return ", ".join(value or ())

    def same(self, before: Any, after: Any) -> bool:
        return tuple(before or ()) == tuple(after or ())


class TableType(FieldType):
    """Rows of a child table: each row a mapping of the field's `columns` (themselves fields),
    parsed by their own kinds; a row left wholly blank is dropped. An error names the row."""

    empty = ()

    def parse(self, field: Field, raw: Any) -> Any:
        rows = self._rows(field, raw)
        result = []
        for number, row in enumerate(rows, start=1):
            if all(_blank(row.get(c.key)) for c in field.columns):
                continue
            values = {}
            for column in field.columns:
                try:
                    values[column.key] = column.parse(row.get(column.key))
                except FieldError as exc:
                    raise FieldError(
                        field.key, f"«{field.label}», рядок {number}: {exc.message}"
                    ) from exc
            result.append(values)
        if field.required and not result:
            raise _required(field)
        return tuple(result)

    @staticmethod
    def _rows(field: Field, raw: Any) -> list[Mapping[str, Any]]:
        """Rows from the card (mappings) or an imported cell: rows separated by «;» or new
        lines, the columns of a row by «|» in the order the field declares them."""
        if raw is None:
            return []
        if isinstance(raw, str):
            keys = [c.key for c in field.columns]
            rows: list[Mapping[str, Any]] = []
            for line in re.split(r"[;\n]", raw):
                cells = [c.strip() for c in line.split("|")]
                rows.append(dict(zip(keys, cells, strict=False)))
            return rows
        return [dict(row) for row in raw]

    def text(self, value: Any) -> str:
        return "; ".join(self.row_text(row) for row in value or ())

    @staticmethod
    def row_text(row: Mapping[str, Any]) -> str:
        shown = [format_date(v) if isinstance(v, date) else str(v) for v in row.values() if v]
        return " | ".join(shown)

    def same(self, before: Any, after: Any) -> bool:
        return [dict(r) for r in before or ()] == [dict(r) for r in after or ()]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


TEXT = FieldType()
TYPES: dict[FieldKind, FieldType] = {
    FieldKind.TEXT: TEXT,
    FieldKind.MULTILINE: FieldType(MULTILINE_LIMIT, multiline=True),
    FieldKind.CHOICE: TEXT,
    FieldKind.CORRESPONDENT: TEXT,
    FieldKind.CASE_INDEX: TEXT,
    FieldKind.STAFF: TEXT,
    FieldKind.DATE: DateType(),
    FieldKind.INT: IntType(),
    FieldKind.BOOL: BoolType(),
    FieldKind.SERIES: SeriesType(),
    FieldKind.ADDRESSEES: AddresseesType(),
    FieldKind.DOCUMENT_REFS: RefsType(),
    FieldKind.TABLE: TableType(),
    FieldKind.CLASSIFIER: TEXT,
}


def value_text(value: Any) -> str:
    """Any stored value as text, when its field is not known (lists joined by «; »)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "так" if value else "ні"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Addressee):
        return _addressee_text(value)
    if isinstance(value, Mapping):
        return TableType.row_text(value)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "; ".join(value_text(item) for item in value)
    return str(value)
