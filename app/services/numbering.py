"""Registration numbers: the next number of a register's series, inside the caller's transaction.

The counter row is incremented with one UPDATE … RETURNING in the same transaction that stores
the document: if the document is not stored the number is not spent (no gaps), and the row lock
(PostgreSQL) or the write lock taken at BEGIN IMMEDIATE (SQLite) makes concurrent registrations
queue up (no duplicates). The same SQL runs on both engines.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

_ENSURE = text(
    "INSERT INTO register_counter (register, year, last_seq) VALUES (:register, :year, 0) "
    "ON CONFLICT (register, year) DO NOTHING"
)
_NEXT = text(
    "UPDATE register_counter SET last_seq = last_seq + 1 "
    "WHERE register = :register AND year = :year RETURNING last_seq"
)
_RAISE_TO = text(
    "UPDATE register_counter SET last_seq = :seq "
    "WHERE register = :register AND year = :year AND last_seq < :seq"
)


def next_seq(session: Session, register: str, year: int) -> int:
    params = {"register": register, "year": year}
    session.execute(_ENSURE, params)
    return int(session.execute(_NEXT, params).scalar_one())


def raise_counter(session: Session, register: str, year: int, seq: int) -> None:
    """Make sure later registrations continue after `seq` (used when importing old journals)."""
    params = {"register": register, "year": year, "seq": seq}
    session.execute(_ENSURE, params)
    session.execute(_RAISE_TO, params)
