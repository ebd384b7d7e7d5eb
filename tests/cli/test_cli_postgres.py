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
