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
