"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import String


def SortKey(length: int) -> String:
    """A column holding `uk_sort_key(text)`: compared by code point on both engines.

    PostgreSQL would otherwise apply the server's locale collation to the private-use characters
    the key is made of; "C" makes it compare code points exactly as SQLite does.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")  # type: ignore[return-value]
