"""Engines and sessions; nothing is created at import time.

SQLite: WAL (readers never wait for a writer), foreign keys on, a busy timeout, a Ukrainian
collation-free setup (sort keys are stored, see db/types.py), and — for write transactions only —
``BEGIN IMMEDIATE``: the write lock is taken before the register counter is read, so two clerks
(or two processes) registering at the same moment queue up instead of failing or colliding.
A read keeps a small page cache (READ_CACHE_KIB), a write SQLite's usual one (WRITE_CACHE_KIB).
PostgreSQL: the counter row's update lock does the same job.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

WRITE_OPTION = "dilovod_write"

#: SQLite's page cache of a pooled connection, in KiB. A read walks indexes far larger than any
#: cache (counting a 1,000,000-row register reads 26 MB of index), so SQLite's default 2 MB only
#: held stale pages — in every pooled connection, for the life of the window (4–6 MB with a
#: large register open; bench/bench_memory.py). A read keeps the top of the B-trees; the rest
#: comes from the operating system's file cache at no measurable cost (first page, last page and
#: count of the million rows timed the same). A write keeps the default, so a large import does
#: not spill its changed pages to the WAL half-way.
READ_CACHE_KIB = 256
WRITE_CACHE_KIB = 2000
_CACHE_KEY = "dilovod_cache_kib"


def database_url(target: str | Path) -> str:
    """Turn a file path or an SQLAlchemy URL into a URL (a bare path means a SQLite file)."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for memory databases and other engines."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is broken).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        cache = WRITE_CACHE_KIB if immediate else READ_CACHE_KIB
        if connection.info.get(_CACHE_KEY) != cache:  # the DBAPI connection's, kept in the pool
            connection.exec_driver_sql(f"PRAGMA cache_size=-{cache}")
            connection.info[_CACHE_KEY] = cache
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for a Діловод database (URL or file path), with the per-dialect set-up."""
    url = database_url(url)
    if is_sqlite(url):
        engine = create_engine(url, **kwargs)
        _install_sqlite_hooks(engine)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_pre_ping=True, **kwargs)


class Database:
    """One database: its engine and the two kinds of session the services open.

    `read()` for queries (never commits), `write()` for one user action (commits on success,
    rolls back on error; on SQLite it holds the write lock from its first statement).
    """

    def __init__(self, url: str | Path, **engine_kwargs: Any) -> None:
        self.url = database_url(url)
        self.engine = make_engine(self.url, **engine_kwargs)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(**{WRITE_OPTION: True})
        self._write = sessionmaker(writer, expire_on_commit=False)
        # Who wrote, in the notifications other PCs receive (a window ignores its own).
        self.origin = uuid.uuid4().hex
        from db.exchange import install_change_numbers

        install_change_numbers(self._write)
        if self.dialect == "postgresql":
            from db.notify import install_notify

            install_notify(self._write, self.origin)
        # Values derived from the database that services keep between calls (the working
        # calendar); they live and die with this object, never shared between databases.
        self.cache: dict[str, Any] = {}

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
