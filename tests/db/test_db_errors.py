"""Issue 9: the database's English never reaches the clerk, nor its SQL and row values."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from app.registers import INCOMING
from app.services import db_errors, documents
from db.session import Database

SECRET = "Іваненко Петро, вул. Тиха, 5: про борг"


def _full(db: Database) -> None:
    """Make the SQLite file «full»: no page may be added (SQLite's SQLITE_FULL, as on a disk
    with no room left)."""

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()


def test_a_full_disk_is_a_ukrainian_sentence_without_the_row(sqlite_db: Database):
    _full(sqlite_db)
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": SECRET * 100})
    with pytest.raises(OperationalError) as caught:
        documents.register_document(sqlite_db, INCOMING, values, reg_date=date(2026, 3, 2))
    assert "database or disk is full" in str(caught.value)
    text = db_errors.explain(caught.value)
    assert "закінчилося місце" in text and "Нічого не змінено" in text
    assert SECRET not in text and "INSERT" not in text


def test_a_read_only_database_is_a_ukrainian_sentence(tmp_path: Path, sqlite_db: Database):
    path = Path(sqlite_db.url.removeprefix("sqlite:///"))
    sqlite_db.dispose()
    ro = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про дороги"})
    with pytest.raises(OperationalError) as caught:
        documents.register_document(ro, INCOMING, values, reg_date=date(2026, 3, 2))
    ro.dispose()
    assert "лише для читання" in db_errors.explain(caught.value)


def test_a_locked_database_is_a_sentence_with_a_retry(sqlite_db: Database):
    path = Path(sqlite_db.url.removeprefix("sqlite:///"))
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    busy = Database(str(path))
    with busy.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA busy_timeout = 50")
    try:

        @event.listens_for(busy.engine, "connect")
        def _short(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA busy_timeout = 50")

        busy.engine.dispose()
        values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про дороги"})
        with pytest.raises(OperationalError) as caught:
            documents.register_document(busy, INCOMING, values, reg_date=date(2026, 3, 2))
    finally:
        holder.rollback()
        holder.close()
        busy.dispose()
    assert db_errors.is_busy(caught.value)
    assert "спробуйте ще раз" in db_errors.explain(caught.value)


def test_the_command_line_says_the_disk_is_full(tmp_path: Path, monkeypatch, capsys):
    from app.cli import main
    from app.services import database

    path = tmp_path / "d.sqlite"
    assert main(["--db", str(path), "init"]) == 0

    class FullDatabase(Database):
        def __init__(self, url: str, **kwargs: object) -> None:
            super().__init__(url, **kwargs)
            _full(self)

    monkeypatch.setattr(database, "Database", FullDatabase)
    journal = tmp_path / "j.csv"
    rows = ["№;Дата;Кореспондент;Зміст"] + [
        f"{n};02.03.2026;Луцька РДА;{SECRET} {'x' * 3000}" for n in range(1, 40)
    ]
    journal.write_text("\n".join(rows), encoding="utf-8")
    assert main(["--db", str(path), "import", "incoming", str(journal)]) == 1
    err = capsys.readouterr().err
    assert "закінчилося місце" in err and SECRET not in err and "Traceback" not in err
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM document").fetchone()[0] == 0
    conn.close()


def test_a_plain_reads_error_is_a_database_error_in_ukrainian(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The settings, the calendar and a first page are read through sqlite3 (Database.plain):
    their errors are the database's too — a clerk reads a sentence, not a traceback."""
    import sqlite3

    from app.services.db_errors import explain, is_database_error

    locked = sqlite3.OperationalError("database is locked")
    assert is_database_error(locked) and not is_database_error(ValueError("x"))
    assert explain(locked).startswith("Базу даних зараз змінює інший користувач")


def test_a_command_reports_a_plain_reads_error_without_a_traceback(
    monkeypatch, capsys, sqlite_db
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from app.cli import registry
    from app.cli.program import _run

    def fail(db, args):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(registry, "handlers", lambda: {"demo": fail})
    import argparse

    assert _run(sqlite_db, argparse.Namespace(command="demo")) == 1
    assert capsys.readouterr().err.startswith("Помилка бази даних: ")
