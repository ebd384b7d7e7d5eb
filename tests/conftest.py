"""Shared fixtures: a migrated database on SQLite and on a real PostgreSQL server.

Every database test runs on both engines (ARCHITECTURE.md, habit 10). The PostgreSQL server is
found through DILOVOD_TEST_PG_URL (default: the local server as user postgres; the run's own
database is that URL's name plus the process id); `.ci/run` makes sure a server is running.
Set DILOVOD_TEST_PG=skip to run on SQLite alone.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.migrate import upgrade
from db.session import Database, make_engine

PG_SERVER_URL = os.environ.get(
    "DILOVOD_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/dilovod_test"
)
# Each test run gets a database of its own (dropped at the end), so two runs at once — two
# developers, or CI beside a developer — never drop each other's tables.
PG_URL = f"{PG_SERVER_URL}_{os.getpid()}"
ENGINES = ["sqlite"] if os.environ.get("DILOVOD_TEST_PG") == "skip" else ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(str(path))
    upgrade(engine)
    engine.dispose()
    return path


def _admin(url: str, sql: str) -> None:
    base, _, name = url.rpartition("/")
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(sql.format(name=name)))
    admin.dispose()


@pytest.fixture
def fresh_pg_url() -> Iterator[str]:
    """The URL of an empty PostgreSQL database of its own (unique name, dropped after)."""
    if "postgresql" not in ENGINES:
        pytest.skip("PostgreSQL switched off (DILOVOD_TEST_PG=skip)")
    url = f"{PG_URL}_{uuid.uuid4().hex[:8]}"
    _admin(url, 'CREATE DATABASE "{name}"')
    yield url
    _admin(url, 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_database() -> Iterator[Database]:
    try:
        _admin(PG_URL, 'DROP DATABASE IF EXISTS "{name}"')
        _admin(PG_URL, 'CREATE DATABASE "{name}"')
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER_URL}: {exc}")
    database = Database(PG_URL)
    upgrade(database.engine)
    yield database
    database.dispose()
    _admin(PG_URL, 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _truncate(database: Database) -> None:
    """Empty every table between tests. The audit trail refuses TRUNCATE (migration 0004);
    the tests' superuser sets its triggers aside with the replication role, which nothing
    but a superuser may do."""
    from db.base import Base
    from db.models import load_all

    load_all()
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    database.cache.clear()


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database: a fresh SQLite file, or the PostgreSQL test database."""
    if request.param == "sqlite":
        path = tmp_path / "dilovod.sqlite"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(str(path))
        yield database
        database.dispose()
    else:
        database = request.getfixturevalue("pg_database")
        _truncate(database)
        yield database


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A SQLite database only (for what is specific to files: backups, copies aside)."""
    path = tmp_path / "dilovod.sqlite"
    shutil.copy(sqlite_template, path)
    database = Database(str(path))
    yield database
    database.dispose()


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`keyring` backed by a dict for one test (this machine may have no credential store)."""
    from tests.memory_keyring import install

    return install(monkeypatch)
