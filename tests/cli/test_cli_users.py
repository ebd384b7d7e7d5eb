"""`--user`: the CLI acts as a program user with that user's rights, audited under the login."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli
from app.cli import main
from app.domain import roles
from app.services import users
from app.services.audit import AuditQuery, entries
from db.session import Database

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "u.sqlite"
    assert main(["--db", str(path), "init"]) == 0
    db = Database(str(path))
    users.create_user(db, "reader", "читач-0001", [roles.READER], user="admin")
    db.dispose()
    monkeypatch.setenv("DILOVOD_PASSWORD", "читач-0001")
    monkeypatch.setattr(cli.common, "_ACTOR", [])
    return str(path)


def test_a_reader_exports_but_cannot_import(database, tmp_path, capsys):
    out = tmp_path / "r.csv"
    assert main(["--db", database, "--user", "reader", "export", "incoming", "-o", str(out)]) == 0
    csv = str(DATA / "incoming_good.csv")
    assert main(["--db", database, "--user", "reader", "import", "incoming", csv]) == 1
    assert "Недостатньо прав" in capsys.readouterr().err
    db = Database(database)
    try:
        actions = [(e.login, e.action) for e in entries(db, "admin", AuditQuery())]
    finally:
        db.dispose()
    assert actions[:3] == [("reader", "login"), ("reader", "export"), ("reader", "login")]


def test_a_wrong_password_stops_the_command(database, monkeypatch, capsys):
    monkeypatch.setenv("DILOVOD_PASSWORD", "не-той")
    assert main(["--db", database, "--user", "reader", "export", "incoming", "-o", "x.csv"]) == 2
    assert "Неправильне ім'я користувача або пароль" in capsys.readouterr().err
