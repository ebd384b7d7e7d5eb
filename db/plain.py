"""Values read by `Database.plain()`, made what SQLAlchemy's types would make of them.

A plain read gets the driver's values: SQLite keeps a date as the text 'YYYY-MM-DD', a moment as
'YYYY-MM-DD HH:MM:SS.ffffff' and a flag as 0/1 (how SQLAlchemy's Date, DateTime and Boolean
store them there), PostgreSQL hands back `date`, `datetime` and `bool`. These functions accept
both, so a plain read gives a service the same values as the ORM.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def as_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _same(value: Any) -> Any:
    return value


#: SQLite's declared types (as SQLAlchemy's types declare them) → how to read their values.
_READERS: dict[str, Callable[[Any], Any]] = {
    "DATE": as_date,
    "DATETIME": as_datetime,
    "BOOLEAN": as_bool,
    "INTEGER": _same,
    "VARCHAR": _same,
    "TEXT": _same,
}


def converter(declared: str) -> Callable[[Any], Any] | None:
    """How to read a column of a SQLite table by its declared type (PRAGMA table_info), as
    SQLAlchemy's type of that column would; None for a type not known here (a Numeric, say,
    which SQLAlchemy makes a Decimal): such a column is read the usual way."""
    return _READERS.get(declared.upper().partition("(")[0].strip())
