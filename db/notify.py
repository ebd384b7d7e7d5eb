"""Telling the other PCs that something changed, and hearing about it.

PostgreSQL: every committed write transaction that touched a document sends one NOTIFY on
`CHANNEL` with the registers and ids it changed (sent inside the transaction, so PostgreSQL
delivers it only if the transaction commits, and never before). `ChangeListener` LISTENs on
its own connection. SQLite has no NOTIFY: `DataVersion` asks ``PRAGMA data_version`` on a
connection of its own, which changes whenever another connection commits — a question that costs
microseconds, so the window can poll it every few seconds.

Nothing here imports Qt: ui/ runs these on a thread or a timer and turns them into signals.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is imported where it is used: a SQLite window's change watcher
    # (DataVersion) starts on the GUI thread right after the first screen, which is read
    # without SQLAlchemy (issue 10).
    from sqlalchemy.orm import Session, sessionmaker

CHANNEL = "dilovod_changes"
#: Ids sent per notification at most (NOTIFY payloads must stay under 8000 bytes); an import of
#: thousands says «many changed» and the listeners re-read everything.
MAX_IDS = 200
_PENDING = "dilovod_changed"


@dataclass(frozen=True)
class Change:
    """One committed write: the records it touched — (register, id) of documents, (kind, id)
    of an entity register's records such as («staff», id) — and whether it changed more than
    can be listed (or something else: reference data, a scan)."""

    origin: str
    documents: tuple[tuple[str, int], ...]
    more: bool = False

    @property
    def registers(self) -> frozenset[str]:
        return frozenset(register for register, _ in self.documents)

    def to_payload(self) -> str:
        return json.dumps({"o": self.origin, "d": self.documents, "m": self.more})

    @classmethod
    def from_payload(cls, payload: str) -> Change:
        try:
            data = json.loads(payload)
            documents = tuple((str(r), int(i)) for r, i in data.get("d", ()))
            return cls(str(data.get("o", "")), documents, bool(data.get("m", False)))
        except (ValueError, TypeError, AttributeError):
            return cls("", (), True)  # someone else's format: re-read everything


def mark_changed(session: Session) -> None:
    """Tell the other PCs to re-read everything when this write session commits (a write done
    with SQL statements, which the ORM does not see: an import's commit)."""
    session.info.setdefault(_PENDING, [set(), False])[1] = True


def install_notify(writer: sessionmaker[Session], origin: str) -> None:
    """Make every write session of `writer` (PostgreSQL) send NOTIFY before it commits."""
    from sqlalchemy import event, text

    from db.models import Document

    def collect(session: Session, _context: Any) -> None:
        pending = session.info.setdefault(_PENDING, [set(), False])
        for obj in (*session.new, *session.dirty, *session.deleted):
            if isinstance(obj, Document) and obj.id is not None:
                pending[0].add((obj.register, obj.id))
            elif (kind := getattr(obj, "__record_kind__", None)) and obj.id is not None:
                pending[0].add((kind, obj.id))  # a record of an entity register (staff)
            else:
                pending[1] = True

    def send(session: Session) -> None:
        session.flush()  # commit's own flush comes after this hook: collect what it writes
        pending = session.info.pop(_PENDING, None)
        if not pending:
            return
        # Rows beside documents (a correspondent, a control entry) go with them; only a write
        # with no document at all (reference data, a scan) is «more» than the ids.
        documents, other = sorted(pending[0]), pending[1]
        more = (other and not documents) or len(documents) > MAX_IDS
        change = Change(origin, tuple(documents[:MAX_IDS]), more)
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": change.to_payload()},
        )

    def forget(session: Session) -> None:
        session.info.pop(_PENDING, None)

    event.listen(writer, "after_flush", collect)
    event.listen(writer, "before_commit", send)
    event.listen(writer, "after_rollback", forget)


def _driver_url(url: str) -> str:
    """The libpq connection string of a SQLAlchemy PostgreSQL URL (any +driver suffix)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


class ChangeListener:
    """LISTEN on its own autocommit connection; `wait(timeout)` returns what arrived.

    One thread owns it: it waits in short slices, so a stop flag checked between them ends
    the thread within `timeout` seconds.
    """

    def __init__(self, url: str) -> None:
        import psycopg

        self._conn = psycopg.connect(_driver_url(url), autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[Change]:
        """What arrives within `timeout` seconds; a burst (an import) comes back as one list."""
        notes = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if notes:
            notes += self._conn.notifies(timeout=0.05, stop_after=1000)
        return [Change.from_payload(note.payload) for note in notes]

    def close(self) -> None:
        self._conn.close()


class DataVersion:
    """SQLite: has another connection committed since the last `changed()`?"""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._last = self._version()

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        current = self._version()
        changed, self._last = current != self._last, current
        return changed

    def close(self) -> None:
        self._conn.close()
