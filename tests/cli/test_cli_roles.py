"""Issue 9: no command bypasses a role. With `--user`, every command goes through the same
permission checks as the window and is audited under that user; `restore` signs in first."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.cli import common, main
from app.domain import roles
from app.services import users
from app.services.audit import AuditQuery, entries
from app.services.backup import list_backups
from db.session import Database
from tests import factories

PASSWORDS = {
    "reader": "читач-0001",
    "hr": "кадри-0001",
    "admin": "адмін-0001",
    "clerk": "клерк-0001",
}
ROLES = {
    "reader": [roles.READER],
    "hr": [roles.HR],
    "admin": [roles.ADMINISTRATOR],
    "clerk": [roles.CLERK],
}


@pytest.fixture
def database(tmp_path: Path, sqlite_template: Path, monkeypatch) -> str:
    path = tmp_path / "dilovod.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(str(path))
    for login, codes in ROLES.items():
        users.create_user(db, login, PASSWORDS[login], codes, user="admin")
    db.dispose()
    monkeypatch.setattr(common, "_ACTOR", [])
    return str(path)


def run(database: str, login: str, *command: str, password: str | None = None) -> int:
    import os

    os.environ["DILOVOD_PASSWORD"] = password or PASSWORDS[login]
    try:
        return main(["--db", database, "--user", login, *command])
    finally:
        del os.environ["DILOVOD_PASSWORD"]


def count(path: str, table: str = "document") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def trail(path: str) -> list[tuple[str, str]]:
    db = Database(path)
    try:
        return [(e.login, e.action) for e in entries(db, "admin", AuditQuery())]
    finally:
        db.dispose()


def test_a_reader_cannot_fill_the_demo(database, capsys):
    assert run(database, "reader", "demo", "--documents", "5") == 1
    assert "Недостатньо прав" in capsys.readouterr().err
    assert count(database) == 0


@pytest.mark.parametrize(
    "command",
    [
        ["control", "report", "-o", "{dir}/r.csv"],
        ["control", "execution", "--from", "01.01.2026", "--to", "31.01.2026"],
        ["control", "reminders", "-o", "{dir}/r.pdf"],
    ],
)
def test_the_control_reports_are_for_those_who_read_the_registers(
    database, tmp_path, capsys, command
):
    """An administrator reads no register: refused. HR reads the personnel orders only: the
    report holds those (tests/services/test_control_rights.py), the clerk's all of them."""
    db = Database(database)
    factories.incoming(db, date(2026, 1, 12), "Про дороги")
    db.dispose()
    command = [part.replace("{dir}", str(tmp_path)) for part in command]
    assert run(database, "admin", *command) == 1
    err = capsys.readouterr().err
    assert "Недостатньо прав" in err and "жодного реєстру" in err
    assert not list(tmp_path.glob("r.*"))
    assert run(database, "clerk", *command) == 0
    assert trail(database)[0] == ("clerk", "print")  # taken out, and audited
    assert run(database, "hr", *command) == 0
    assert trail(database)[0] == ("hr", "print")


def test_a_backup_is_for_those_who_may_change_settings(database, tmp_path, capsys):
    folder = tmp_path / "usb"
    assert run(database, "reader", "backup", "--to", str(folder)) == 1
    assert "Недостатньо прав" in capsys.readouterr().err
    assert list_backups(folder) == []
    assert run(database, "admin", "backup", "--to", str(folder)) == 0
    assert len(list_backups(folder)) == 1
    assert trail(database)[0] == ("admin", "backup")


def test_restore_signs_in_and_needs_the_right(database, tmp_path, capsys):
    folder = tmp_path / "usb"
    assert run(database, "admin", "backup", "--to", str(folder)) == 0
    [copy] = list_backups(folder)
    db = Database(database)
    factories.incoming(db, date(2026, 1, 12), "Після копії")
    db.dispose()
    restore = ["restore", str(copy), "--yes"]
    assert run(database, "admin", *restore, password="не-той-пароль") == 2
    assert "Неправильне ім'я користувача або пароль" in capsys.readouterr().err
    assert count(database) == 1  # nothing restored
    assert run(database, "reader", *restore) == 1
    assert "Недостатньо прав" in capsys.readouterr().err
    assert count(database) == 1
    assert run(database, "admin", *restore) == 0
    assert count(database) == 0
    assert trail(database)[0] == ("admin", "restore")


def test_an_over_long_user_is_refused_and_audited(database, capsys):
    import os

    login = "x" * 5000
    os.environ["DILOVOD_PASSWORD"] = "будь-який-пароль"
    try:
        assert main(["--db", database, "--user", login, "audit", "verify"]) == 2
    finally:
        del os.environ["DILOVOD_PASSWORD"]
    err = capsys.readouterr().err
    assert "Неправильне ім'я користувача або пароль" in err and "Traceback" not in err
    (who, action) = trail(database)[0]
    assert action == "login_failed" and who.startswith("xxx") and len(who) == 100


@pytest.mark.parametrize(
    "command",
    [
        ["control", "report", "-o", "{dir}/r.csv"],
        ["control", "execution", "--from", "01.01.2026", "--to", "31.01.2026"],
        ["control", "reminders", "-o", "{dir}/r.pdf"],
    ],
)
def test_a_partial_control_report_says_which_registers_it_holds(
    database, tmp_path, capsys, command
):
    command = [part.replace("{dir}", str(tmp_path)) for part in command]
    assert run(database, "hr", *command) == 0
    out = capsys.readouterr().out
    assert "Лише реєстри, доступні користувачеві: Розпорядження (з кадрових питань)" in out
    assert run(database, "clerk", *command) == 0
    assert "Лише реєстри" not in capsys.readouterr().out
