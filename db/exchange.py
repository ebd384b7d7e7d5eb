"""Change numbers and tombstones: every write of a tracked row is numbered, every deletion kept.

Installed on the write sessions of every `Database`. Before a flush, each new or changed
`Tracked` row takes this transaction's change number: one `UPDATE change_counter … RETURNING`
per writing transaction (the row stays locked until commit on PostgreSQL and SQLite holds its
write lock from BEGIN IMMEDIATE, so numbers grow in commit order). After a flush, each deleted
tracked row — an addressee removed from a letter, a link, a copy of an order, orphans included
(a mapper event sees them all) — leaves a `tombstone` with its table, uuid and that change
number. Nothing here builds the exchange itself (the household-book issue does); this is
the identity it will stand on: «what changed since change number N» is `usn > N` in every
table plus the tombstones.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, select, text
from sqlalchemy.orm import Session, object_session, sessionmaker

from db.base import Base, Tracked, utcnow
from db.models.exchange import Tombstone

_USN = "dilovod_usn"
_ENSURE = text(
    "INSERT INTO change_counter (id, last_usn) VALUES (1, 0) ON CONFLICT (id) DO NOTHING"
)
_NEXT = text("UPDATE change_counter SET last_usn = last_usn + 1 WHERE id = 1 RETURNING last_usn")


def transaction_usn(session: Session) -> int:
    """This transaction's change number, taken on first use."""
    usn = session.info.get(_USN)
    if usn is None:
        conn = session.connection()
        conn.execute(_ENSURE)
        usn = int(conn.execute(_NEXT).scalar_one())
        session.info[_USN] = usn
    return int(usn)


def next_usn(session: Session) -> int:
    """A further change number inside this transaction, above the one its writes carry (the
    exchange marks rows to send again with it)."""
    transaction_usn(session)
    return int(session.connection().execute(_NEXT).scalar_one())


def install_change_numbers(writer: sessionmaker[Session]) -> None:
    def number(session: Session, _context: Any, _instances: Any) -> None:
        touched = [o for o in (*session.new, *session.dirty) if isinstance(o, Tracked)]
        if not touched:
            return
        usn = transaction_usn(session)
        for obj in touched:
            if obj.usn != usn:
                obj.usn = usn

    def forget(session: Session, *_args: Any) -> None:
        session.info.pop(_USN, None)

    event.listen(writer, "before_flush", number)
    event.listen(writer, "after_commit", forget)
    event.listen(writer, "after_soft_rollback", forget)


def _bury(_mapper: Any, connection: Any, target: Any) -> None:
    """A deleted tracked row (orphans of a replaced list included) leaves its tombstone."""
    if not isinstance(target, Tracked):
        return
    session = object_session(target)
    usn = transaction_usn(session) if session is not None else 0
    connection.execute(
        insert(Tombstone),
        {
            "table_name": type(target).__tablename__,  # type: ignore[attr-defined]
            "record_uuid": target.uuid,
            "usn": usn,
            "deleted_at": utcnow(),
            "changed_by": target.changed_by or "",
        },
    )


event.listen(Base, "after_delete", _bury, propagate=True)


def changed_since(session: Session, model: type[Tracked], usn: int) -> list[Any]:
    """Rows of `model` written after change number `usn` (the exchange's one query)."""
    return list(session.execute(select(model).where(model.usn > usn)).scalars())


def tombstones_since(session: Session, usn: int) -> list[Tombstone]:
    stmt = select(Tombstone).where(Tombstone.usn > usn).order_by(Tombstone.usn, Tombstone.id)
    return list(session.execute(stmt).scalars())
