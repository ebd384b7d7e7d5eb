"""Engines and sessions; nothing is created at import time.

SQLite: WAL (readers never wait for a writer), foreign keys on, a busy timeout, a Ukrainian
collation-free setup (sort keys are stored, see db/types.py), and — for write transactions only —
``BEGIN IMMEDIATE``: the write lock is taken before the register counter is read, so two clerks
(or two processes) registering at the same moment queue up instead of failing or colliding.
A read keeps a small page cache (READ_CACHE_KIB), a write SQLite's usual one (WRITE_CACHE_KIB).
PostgreSQL: the counter row's update lock does the same job.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:
    from sqlalchemy import Engine
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


def _backend(url: str) -> str:
    """The backend of a URL as SQLAlchemy names it («sqlite» of «sqlite+pysqlite:///…»)."""
    scheme, found, _ = url.partition("://")
    return scheme.partition("+")[0] if found else ""


def is_sqlite(url: str) -> bool:
    return _backend(url) == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for memory databases and other engines.

    Read as SQLAlchemy's `make_url` reads a SQLite URL (what follows «sqlite:///», without its
    query, percent-decoded; tests/db/test_session_urls.py compares the two), but without
    importing SQLAlchemy: the window's start reads its first screen before that (issue 10)."""
    if not is_sqlite(url):
        return None
    rest = url.partition("://")[2]
    _host, slash, database = rest.partition("/")
    database = unquote(database.partition("?")[0]) if slash else ""
    if not database or database == ":memory:":
        return None
    return Path(database)


def _install_sqlite_hooks(engine: Engine) -> None:
    from sqlalchemy import event

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
    from sqlalchemy import create_engine

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
    `plain()` reads in plain SQL without SQLAlchemy's machinery: on a SQLite file, through the
    sqlite3 module. The engine (and SQLAlchemy with it) is made when first needed, so the
    window's first screen of a local file is read before SQLAlchemy is loaded (issue 10: a
    third of the start went to importing it).
    """

    def __init__(self, url: str | Path, **engine_kwargs: Any) -> None:
        self.url = database_url(url)
        self._engine_kwargs = engine_kwargs
        # The engine and the session factories, made when first needed (`_once`).
        self._made: dict[str, Any] = {}
        self._making = threading.RLock()
        # Who wrote, in the notifications other PCs receive (a window ignores its own).
        self.origin = uuid.uuid4().hex
        # Values derived from the database that services keep between calls (the working
        # calendar); they live and die with this object, never shared between databases.
        self.cache: dict[str, Any] = {}

    def _once(self, name: str, make: Callable[[], Any]) -> Any:
        """`make()` the first time `name` is asked for, whichever thread asks first (two
        background reads start together right after the first screen)."""
        made = self._made.get(name)
        if made is None:
            with self._making:
                made = self._made.get(name)
                if made is None:
                    made = self._made[name] = make()
        return made

    @property
    def engine(self) -> Engine:
        return self._once("engine", lambda: make_engine(self.url, **self._engine_kwargs))  # type: ignore[no-any-return]

    @property
    def _read(self) -> sessionmaker[Session]:
        return self._once("read", self._make_reader)  # type: ignore[no-any-return]

    @property
    def _write(self) -> sessionmaker[Session]:
        return self._once("write", self._make_writer)  # type: ignore[no-any-return]

    def _make_reader(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    def _make_writer(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        writer = self.engine.execution_options(**{WRITE_OPTION: True})
        factory = sessionmaker(writer, expire_on_commit=False)
        from db.exchange import install_change_numbers

        install_change_numbers(factory)
        if self.dialect == "postgresql":
            from db.notify import install_notify

            install_notify(factory, self.origin)
        return factory

    @property
    def engine_ready(self) -> bool:
        """Whether the engine was made (SQLAlchemy loaded for this database)."""
        return "engine" in self._made

    @property
    def dialect(self) -> str:
        return "sqlite" if is_sqlite(self.url) else self.engine.dialect.name

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.url)

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

    @contextmanager
    def plain(self) -> Iterator[PlainReader]:
        """A reader of plain SQL (parameters as `:name`), for the few reads the window's first
        screen needs: on a SQLite file a sqlite3 connection of its own that may not write; on a
        server (or a memory database) the engine's. Rows are tuples of the driver's values: a
        date comes as SQLite's text 'YYYY-MM-DD' or as a `date` (db/plain.py reads both)."""
        path = self.sqlite_file
        if path is None or "?" in self.url:  # (a memory database, a server, SQLite URI options)
            from sqlalchemy import text

            with self.engine.connect() as conn:

                def through_engine(
                    sql: str, params: Mapping[str, Any] | None = None
                ) -> list[tuple[Any, ...]]:
                    return [tuple(r) for r in conn.execute(text(sql), dict(params or {}))]

                yield through_engine
            return
        # mode=rw: a file that has gone is an error, not a new empty database.
        uri = f"{path.resolve().as_uri()}?mode=rw"
        file = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            file.execute("PRAGMA busy_timeout=30000")
            file.execute("PRAGMA query_only=ON")
            file.execute(f"PRAGMA cache_size=-{READ_CACHE_KIB}")

            def through_sqlite3(
                sql: str, params: Mapping[str, Any] | None = None
            ) -> list[tuple[Any, ...]]:
                return file.execute(sql, dict(params or {})).fetchall()

            yield through_sqlite3
        finally:
            file.close()

    def dispose(self) -> None:
        if self.engine_ready:
            self.engine.dispose()


def preload() -> threading.Thread:
    """Import SQLAlchemy and the documents' models on a thread of their own, while the window
    waits for the clerk (the login's password): the first read through the ORM then finds them
    loaded. An import that fails here fails again, reported, where it is used."""

    def load() -> None:
        try:
            import db.queries.documents  # noqa: F401  (SQLAlchemy, its ORM, the core models)
        except Exception:
            logging.getLogger(__name__).warning(
                "Preloading the database layer failed", exc_info=True
            )

    thread = threading.Thread(target=load, name="preload-database-layer", daemon=True)
    thread.start()
    return thread


#: `Database.plain()`'s reader: (SQL with `:name` parameters, their values) → rows.
PlainReader = Callable[[str, Mapping[str, Any] | None], Sequence[tuple[Any, ...]]]
