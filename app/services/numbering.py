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
    "INSERT INTO register_counter (register, series, year, last_seq) "
    "VALUES (:register, :series, :year, 0) ON CONFLICT (register, series, year) DO NOTHING"
)
_WHERE = "WHERE register = :register AND series = :series AND year = :year"
_NEXT = text(f"UPDATE register_counter SET last_seq = last_seq + 1 {_WHERE} RETURNING last_seq")
_RAISE_TO = text(f"UPDATE register_counter SET last_seq = :seq {_WHERE} AND last_seq < :seq")
_LAST = text(f"SELECT last_seq FROM register_counter {_WHERE}")


def next_seq(session: Session, register: str, year: int, series: str = "") -> int:
    """The next running number of `register`'s `series` for `year` (each series of a register
    has its own counter, from 1 every calendar year: regulation 4.13, Правила 1000/5 ІІІ.3)."""
    params = {"register": register, "series": series, "year": year}
    session.execute(_ENSURE, params)
    return int(session.execute(_NEXT, params).scalar_one())


def last_seq(session: Session, register: str, year: int, series: str = "") -> int:
    """The last number given in the series for `year` (0 when none was)."""
    params = {"register": register, "series": series, "year": year}
    return int(session.execute(_LAST, params).scalar() or 0)


def raise_counter(session: Session, register: str, year: int, seq: int, series: str = "") -> None:
    """Make sure later registrations continue after `seq` (used when importing old journals)."""
    params = {"register": register, "series": series, "year": year, "seq": seq}
    session.execute(_ENSURE, params)
    session.execute(_RAISE_TO, params)
