"""db/session.py reads SQLite addresses without SQLAlchemy (the window's first screen comes
before it is loaded): the file it finds is the one SQLAlchemy's `make_url` finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db.session import Database, database_url, is_sqlite, sqlite_path

URLS = [
    "sqlite:////home/clerk/Документи/Діловод/dilovod.sqlite",
    "sqlite:///relative/base.sqlite",
    "sqlite+pysqlite:////tmp/a b/c.sqlite",
    "sqlite:////tmp/with%20space.sqlite",
    "sqlite:////tmp/base.sqlite?timeout=5",
    "sqlite://localhost/x.db",
    "sqlite:///x.db?uri=true",
    "sqlite://",
    "sqlite:///:memory:",
    "postgresql+psycopg://clerk:secret@server:5432/dilovod",
    "postgresql://server/dilovod",
]


def _sqlalchemys(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


@pytest.mark.parametrize("url", URLS)
def test_the_file_of_a_url_is_the_one_sqlalchemy_finds(url: str) -> None:
    assert is_sqlite(url) == (make_url(url).get_backend_name() == "sqlite")
    assert sqlite_path(url) == _sqlalchemys(url)


def test_a_path_becomes_a_sqlite_url_of_that_file(tmp_path: Path) -> None:
    target = tmp_path / "Діловод база.sqlite"
    assert sqlite_path(database_url(target)) == target.resolve()


def _file(path: Path) -> Path:
    import sqlite3

    sqlite3.connect(path).close()
    return path


def test_a_database_makes_its_engine_when_first_used(tmp_path: Path) -> None:
    db = Database(_file(tmp_path / "lazy.sqlite"))
    assert not db.engine_ready and db.dialect == "sqlite"
    with db.plain() as read:
        assert read("SELECT 1 + :n", {"n": 1}) == [(2,)]
    assert not db.engine_ready  # a plain read of a file needs no engine
    with db.read() as s:
        assert s.connection().exec_driver_sql("SELECT 2").scalar() == 2
    assert db.engine_ready
    db.dispose()


def test_a_plain_read_may_not_write(tmp_path: Path) -> None:
    import sqlite3

    db = Database(_file(tmp_path / "ro.sqlite"))
    with db.plain() as read, pytest.raises(sqlite3.OperationalError):
        read("CREATE TABLE t (x INTEGER)", None)
    db.dispose()


def test_a_plain_read_of_a_file_that_has_gone_makes_no_empty_one(tmp_path: Path) -> None:
    import sqlite3

    gone = tmp_path / "gone.sqlite"
    db = Database(gone)
    with pytest.raises(sqlite3.OperationalError), db.plain() as read:
        read("SELECT 1", None)
    assert not gone.exists()


def test_the_engine_is_made_once_whichever_thread_asks_first(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    db = Database(_file(tmp_path / "once.sqlite"))
    with ThreadPoolExecutor(8) as pool:
        engines = set(map(id, pool.map(lambda _: db.engine, range(32))))
        readers = set(map(id, pool.map(lambda _: db._read, range(32))))
    assert len(engines) == 1 and len(readers) == 1
    db.dispose()
