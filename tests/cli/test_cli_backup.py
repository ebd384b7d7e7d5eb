"""`python -m app backup` and `restore`: copies where asked, a question before a restore, and
a bad file refused with the database left as it was."""

from __future__ import annotations

import builtins
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.services.backup import list_backups
from app.services.database import open_database
from tests import factories


@pytest.fixture
def database(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "dilovod.sqlite"
    shutil.copy(sqlite_template, path)
    return path


def _register(path: Path, n: int) -> None:
    opened = open_database(path)
    for i in range(n):
        factories.incoming(opened.db, date(2026, 3, 5), summary=f"Лист {i}")
    opened.db.dispose()


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM document").fetchone()[0])
    finally:
        conn.close()


def test_backup_then_restore_with_yes(database, tmp_path, capsys):
    _register(database, 2)
    folder = tmp_path / "usb"
    assert main(["backup", "--db", str(database), "--to", str(folder)]) == 0
    [copy] = list_backups(folder)
    assert "перевірено" in capsys.readouterr().out
    _register(database, 3)
    assert main(["restore", str(copy), "--db", str(database), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Базу даних відновлено" in out and "Попередній файл збережено" in out
    assert _count(database) == 2
    [aside] = database.parent.glob("dilovod.before-restore-*.sqlite")
    assert _count(aside) == 5


def test_backup_goes_to_the_folder_from_the_settings(database, tmp_path):
    from app.services.backup import BackupSettings, save_backup_settings

    opened = open_database(database)
    save_backup_settings(opened.db, BackupSettings(tmp_path / "share", keep=2))
    opened.db.dispose()
    for _ in range(3):
        assert main(["backup", "--db", str(database)]) == 0
    assert len(list_backups(tmp_path / "share")) == 2


def test_restore_asks_and_an_answer_other_than_yes_changes_nothing(
    database, tmp_path, monkeypatch, capsys
):
    assert main(["backup", "--db", str(database), "--to", str(tmp_path / "c")]) == 0
    [copy] = list_backups(tmp_path / "c")
    _register(database, 1)
    before = database.read_bytes()
    asked = []
    monkeypatch.setattr(builtins, "input", lambda: asked.append(1) or "ні")
    assert main(["restore", str(copy), "--db", str(database)]) == 1
    assert asked and "скасовано" in capsys.readouterr().out
    assert database.read_bytes() == before
    assert not list(database.parent.glob("*.before-restore-*"))
    monkeypatch.setattr(builtins, "input", lambda: "так")
    assert main(["restore", str(copy), "--db", str(database)]) == 0
    assert _count(database) == 0


def test_restore_refuses_a_bad_file_and_leaves_everything_untouched(database, tmp_path, capsys):
    _register(database, 1)
    bad = tmp_path / "copy.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)
    before = database.read_bytes()
    listing = sorted(p.name for p in database.parent.iterdir())
    assert main(["restore", str(bad), "--db", str(database), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "Базу даних не змінено" in err
    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir()) == listing


def test_restore_of_a_server_database_points_to_pg_restore(tmp_path, capsys):
    code = main(["restore", str(tmp_path / "x.dump"), "--db", "postgresql://u@h/d", "--yes"])
    assert code == 2 and "pg_restore" in capsys.readouterr().err
