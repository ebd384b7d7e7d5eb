"""Opening databases: new ones are created, damaged or foreign ones are refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.services.database import DatabaseOpenError, open_database
from db.migrate import copy_aside, current_revision, head_revision


def test_a_new_file_is_created_at_head(tmp_path: Path):
    opened = open_database(tmp_path / "new" / "d.sqlite")
    assert opened.created
    assert current_revision(opened.db.engine) == head_revision()
    opened.db.dispose()
    reopened = open_database(tmp_path / "new" / "d.sqlite")
    assert not reopened.created and reopened.backup is None
    reopened.db.dispose()


def test_a_damaged_file_is_refused_and_left_untouched(tmp_path: Path):
    good = open_database(tmp_path / "d.sqlite")
    good.db.dispose()
    path = tmp_path / "d.sqlite"
    data = bytearray(path.read_bytes())
    data[4096:40960] = b"\xffgarbage" * 4608  # wreck the pages after the schema page
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert "резервної копії" in str(info.value) or "пошкоджен" in str(info.value)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path):
    path = tmp_path / "letter.sqlite"
    path.write_bytes("Це не база даних, а лист.".encode() * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError):
        open_database(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseOpenError, match="не є базою даних Діловода"):
        open_database(path)


def test_copy_aside_is_a_full_copy(tmp_path: Path):
    opened = open_database(tmp_path / "d.sqlite")
    opened.db.dispose()
    copy = copy_aside(tmp_path / "d.sqlite", "0001")
    assert copy.name == "d.sqlite.before-0001.bak"
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    conn.close()


def test_a_large_file_is_checked_in_full_later(tmp_path: Path, monkeypatch):
    from app.services import database

    path = tmp_path / "d.sqlite"
    open_database(path).db.dispose()
    monkeypatch.setattr(database, "FULL_CHECK_LIMIT", 1024)
    opened = open_database(path)
    assert not opened.fully_checked
    opened.db.dispose()
    assert database.integrity_problem(path) is None
    data = bytearray(path.read_bytes())
    data[4096:40960] = b"\xffgarbage" * 4608
    path.write_bytes(bytes(data))
    problem = database.integrity_problem(path)
    assert problem is not None and "пошкоджен" in problem


# --- issue 9: refused with a Ukrainian sentence, the file unchanged ---------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_database_of_a_newer_version_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "d.sqlite"
    open_database(path).db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # as another program may have left it
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    with pytest.raises(DatabaseOpenError, match="новішою версією Діловода") as info:
        open_database(path)
    assert "Can't locate" not in str(info.value) and "оновіть програму" in str(info.value)
    assert _files(tmp_path) == before  # no WAL switch, no .bak


def test_a_missing_file_is_not_created_unless_asked(tmp_path: Path):
    path = tmp_path / "typo.sqlite"
    with pytest.raises(DatabaseOpenError, match="немає") as info:
        open_database(path, create=False)
    assert "init" in str(info.value) and not path.exists()


@pytest.mark.parametrize("address", ["foo://bar", "mysql://u@h/db", "mssql+pyodbc://x/y"])
def test_an_address_of_another_engine_is_a_sentence(address: str):
    with pytest.raises(DatabaseOpenError, match="SQLite і PostgreSQL"):
        open_database(address)


def test_a_read_only_folder_is_not_called_damaged(tmp_path: Path, monkeypatch):
    """The tests run as root, whom no permission stops: the folder's refusal is simulated at
    the one question the program asks the system."""
    import os

    from app.services import database

    path = tmp_path / "d.sqlite"
    open_database(path).db.dispose()
    before = _files(tmp_path)
    real = os.access
    monkeypatch.setattr(
        database.os, "access", lambda p, mode: False if Path(p) == tmp_path else real(p, mode)
    )
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    text = str(info.value)
    assert "не можна записувати" in text and "пошкоджен" not in text and "резервн" not in text
    assert _files(tmp_path) == before


def test_a_read_only_file_is_said_so(tmp_path: Path, monkeypatch):
    import os

    from app.services import database

    path = tmp_path / "d.sqlite"
    open_database(path).db.dispose()
    real = os.access
    monkeypatch.setattr(
        database.os, "access", lambda p, mode: False if Path(p) == path else real(p, mode)
    )
    with pytest.raises(DatabaseOpenError, match="лише для читання"):
        open_database(path)


def test_a_foreign_server_database_is_refused(fresh_pg_url: str):
    """Issue 9: the program created its tables inside another application's database."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(fresh_pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer primary key, total numeric)"))
    for create in (True, False):
        with pytest.raises(DatabaseOpenError, match="іншої програми"):
            open_database(fresh_pg_url, create=create)
    assert inspect(engine).get_table_names() == ["invoices"]
    engine.dispose()


def test_a_newer_server_database_is_refused(fresh_pg_url: str):
    from sqlalchemy import create_engine, text

    open_database(fresh_pg_url).db.dispose()
    engine = create_engine(fresh_pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(DatabaseOpenError, match="новішою версією"):
        open_database(fresh_pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099"
    engine.dispose()


def test_an_empty_server_database_is_created_only_by_init(fresh_pg_url: str):
    with pytest.raises(DatabaseOpenError, match="порожня"):
        open_database(fresh_pg_url, create=False)
    open_database(fresh_pg_url, create=True).db.dispose()
