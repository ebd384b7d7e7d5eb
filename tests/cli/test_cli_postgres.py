"""`python -m app init --db postgresql://…` on a fresh database of the real server."""

from __future__ import annotations

from sqlalchemy import inspect

from app.cli import main
from db.migrate import SCHEMA_HEAD, current_revision
from db.session import make_engine


def test_init_creates_the_schema_and_a_second_init_changes_nothing(fresh_pg_url, capsys):
    url = fresh_pg_url.replace("postgresql+psycopg://", "postgresql://")  # as a clerk types it
    assert main(["init", "--db", url]) == 0
    assert "База даних готова" in capsys.readouterr().out
    engine = make_engine(url)
    try:
        assert current_revision(engine) == SCHEMA_HEAD
        tables = set(inspect(engine).get_table_names())
        assert {"document", "register_counter", "control_event"} <= tables
    finally:
        engine.dispose()
    # Already at the head: nothing to do, no error; a password is never echoed.
    with_password = url.replace("postgres@", "postgres:s3cret@")
    assert main(["init", "--db", with_password]) == 0
    assert "s3cret" not in capsys.readouterr().out
    assert main(["--db", url, "demo", "--documents", "20", "--seed", "3"]) == 0


def test_the_server_password_comes_from_the_store_or_the_terminal(monkeypatch):
    """Issue 9: the README advised a password inside --db (every user of the PC sees it in the
    process list). The command line takes it from the credential store, else asks."""
    import io

    from app.cli import program
    from app.services import connection, database
    from app.services.database import DatabaseOpenError

    tried: list[str] = []

    def fake_open(url, create=True, purpose="Діловод", migrate=True):  # type: ignore[no-untyped-def]
        from sqlalchemy.engine import make_url

        tried.append(url)
        if not make_url(url).password:
            error = DatabaseOpenError("Не вдається відкрити базу даних.")
            error.__cause__ = RuntimeError('password authentication failed for user "clerk"')
            raise error
        return "opened"

    monkeypatch.setattr(database, "open_database", fake_open)
    address = "postgresql://clerk@server.local/dilovod"
    monkeypatch.setattr(connection, "stored_password", lambda _server: "from-store-1")
    assert program.open_for_command(address) == "opened"
    assert tried == ["postgresql+psycopg://clerk:from-store-1@server.local:5432/dilovod"]

    tried.clear()
    monkeypatch.setattr(connection, "stored_password", lambda _server: None)
    tty = io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", tty)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "from-tty-1")
    assert program.open_for_command(address) == "opened"
    assert tried[0] == address and tried[1].endswith("clerk:from-tty-1@server.local:5432/dilovod")
