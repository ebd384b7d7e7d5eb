"""An import written in steps that let other clerks register between them, and still all or none.

Registering 100,000 rows in one transaction held SQLite's write lock for about 100 s, and every
other clerk got «database is locked» after 30. So the rows are *staged*: written in chunks of
`CHUNK` documents, each chunk a short transaction of its own, under a register code no view,
search or report knows (`~imp…`), with everything a document needs (correspondents, addressees,
links, search text). Then one short transaction moves the whole batch into the register, raises
its counters and writes the audit trail — the moment the documents appear, all of them at once.
Anything that fails on the way removes the staged rows; a batch left by a process that died
(SIGKILL) is removed by the next import once it is `STALE` old.

Before staging, the register's counters are raised past the file's numbers, so a clerk
registering meanwhile gets the next number after them, not one the import is about to commit;
if the import then fails, a counter nobody used since is put back.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select, update

from app.domain.roles import Actor
from app.registers.base import RegisterSpec
from app.services import audit
from app.services.calendar import load_calendar
from app.services.documents import Registration, new_document, series_formats
from app.services.numbering import last_seq, raise_counter
from db.base import Base, utcnow
from db.exchange import transaction_usn
from db.models import Document, RegisterCounter, load_all
from db.notify import mark_changed
from db.session import Database

PREFIX = "~imp"
#: Documents per staging transaction: about a second of the write lock.
CHUNK = 500
#: A staged batch this old belongs to an import that died.
STALE = timedelta(hours=1)

Progress = Callable[[int, int], None]


def new_code() -> str:
    """A register code for one batch: never a real register's (those have no «~»)."""
    return PREFIX + secrets.token_hex(6)


@dataclass(frozen=True)
class Reserved:
    series: str
    year: int
    before: int  # the counter before the import (0: none yet)
    after: int


def _tops(spec: RegisterSpec, items: Sequence[Registration]) -> dict[tuple[str, int], int]:
    """The largest number of each series and year of the file."""
    tops: dict[tuple[str, int], int] = {}
    for item in items:
        if item.seq is not None:
            key = (spec.series_of(item.values), item.reg_date.year)
            tops[key] = max(tops.get(key, 0), item.seq)
    return tops


def reserve(db: Database, spec: RegisterSpec, items: Sequence[Registration]) -> list[Reserved]:
    """Raise the register's counters past the file's numbers, in one short transaction."""
    reserved = []
    with db.write() as s:
        for (series, year), top in sorted(_tops(spec, items).items()):
            before = last_seq(s, spec.code, year, series)
            raise_counter(s, spec.code, year, top, series)
            reserved.append(Reserved(series, year, before, max(before, top)))
    return reserved


def unreserve(db: Database, spec: RegisterSpec, reserved: Sequence[Reserved]) -> None:
    """Put back the counters the import raised — those nobody has used since."""
    with db.write() as s:
        for r in reserved:
            if r.after != r.before:
                s.execute(
                    update(RegisterCounter)
                    .where(
                        RegisterCounter.register == spec.code,
                        RegisterCounter.series == r.series,
                        RegisterCounter.year == r.year,
                        RegisterCounter.last_seq == r.after,
                    )
                    .values(last_seq=r.before)
                )


def stage(
    db: Database,
    spec: RegisterSpec,
    items: Sequence[Registration],
    code: str,
    user: str,
    progress: Progress | None = None,
) -> None:
    """Write the documents under `code`, `CHUNK` at a time, each chunk its own transaction —
    as registering would write them (documents.new_document), counters and audit aside."""
    formats = series_formats(db, spec)
    calendar = load_calendar(db)
    for start in range(0, len(items), CHUNK):
        with db.write() as s:
            s.info["calendar"] = calendar  # for the spec's after_store (working-day rules)
            for item in items[start : start + CHUNK]:
                new_document(s, spec, formats, item, item.seq or 0, user, register=code)
        if progress is not None:
            progress(min(start + CHUNK, len(items)), len(items))


def commit(db: Database, spec: RegisterSpec, code: str, actor: Actor) -> list[tuple[int, str]]:
    """Move the staged batch into the register in one short transaction, with its audit
    entries; returns (id, number) in the order staged. IntegrityError: a number was taken."""
    with db.write() as s:
        rows = s.execute(
            select(
                Document.id,
                Document.uuid,
                Document.reg_number,
                Document.series,
                Document.year,
                Document.seq,
            )
            .where(Document.register == code)
            .order_by(Document.id)
        ).all()
        # the change number of this transaction: to an exchange they appear now, not staged
        s.execute(
            update(Document)
            .where(Document.register == code)
            .values(register=spec.code, updated_at=utcnow(), usn=transaction_usn(s))
            .execution_options(synchronize_session=False)
        )
        tops: dict[tuple[str, int], int] = {}
        for row in rows:
            key = (row.series, row.year)
            tops[key] = max(tops.get(key, 0), row.seq)
        for (series, year), top in tops.items():
            raise_counter(s, spec.code, year, top, series)
        docs = [(r.id, r.uuid, spec.code, r.reg_number) for r in rows]
        audit.add_documents(s, actor, audit.CREATE, docs)
        mark_changed(s)
    return [(r.id, r.reg_number) for r in rows]


def discard(db: Database, code: str) -> None:
    """Remove a staged batch and every row that hangs on its documents (addressees, links, a
    register's detail and child tables: whatever names document.id)."""
    document_id = Document.__table__.c.id
    with db.write() as s:
        staged = select(Document.id).where(Document.register == code).scalar_subquery()
        load_all()  # every table that may name document.id, loaded or not yet
        for table in reversed(Base.metadata.sorted_tables):
            for fk in table.foreign_keys:
                if fk.column is document_id and table is not Document.__table__:
                    s.execute(delete(table).where(fk.parent.in_(staged)))
        s.execute(delete(Document).where(Document.register == code))


def discard_stale(db: Database) -> None:
    """Remove the batches of imports that died mid-way (older than STALE)."""
    with db.read() as s:
        batches = s.execute(
            select(Document.register, func.max(Document.created_at))
            .where(Document.register.like(PREFIX + "%"))
            .group_by(Document.register)
        ).all()
    for code, newest in batches:
        if newest is None or newest < utcnow() - STALE:
            discard(db, code)
