"""The migrations build exactly what the models declare, on both engines."""

from __future__ import annotations

from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db.base import Base
from db.migrate import current_revision, head_revision, include_object, upgrade
from db.models import load_all


def test_migrations_from_empty_to_head_match_the_models(db):
    load_all()
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": include_object,
                "target_metadata": Base.metadata,
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_of_a_current_database_does_nothing(db):
    assert upgrade(db.engine) is None


def test_search_objects_exist(db):
    names = set(inspect(db.engine).get_table_names())
    if db.dialect == "sqlite":
        assert "document_fts" in names
    else:
        indexes = {i["name"] for i in inspect(db.engine).get_indexes("document")}
        assert "ix_document_search_pg" in indexes


def test_schema_head_constant_is_alembics_head():
    from db.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_upgrade_from_0001_keeps_documents_and_search(tmp_path):
    """A database of the first release gets the outgoing columns; its documents stay findable
    (SQLite's full-text triggers survive: the migration never recreates the document table)."""
    from alembic import command
    from sqlalchemy import text

    from app.services.register_view import RegisterView, ViewQuery
    from db.migrate import alembic_config
    from db.session import Database
    from tests import factories

    path = tmp_path / "old.sqlite"
    db = Database(str(path))
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO document (uuid, register, year, seq, reg_number, reg_date, "
                "correspondent_name, correspondent_sort, ext_number, kind, summary, summary_sort,"
                " case_index, urgent, notes, search_text, on_control, lead_executor_name, "
                "lead_executor_sort, cancelled, cancel_reason, version, changed_by) VALUES "
                "('0b0e7b0e-0000-4000-8000-000000000001', 'incoming', 2026, 1, '1/01-12', "
                "'2026-01-12', 'Луцька РДА', '', '', '', 'Про дороги', '', '', 0, '', "
                "'1/01-12 луцька рда про дороги', 0, '', '', 0, '', 1, '')"
            )
        )
        conn.execute(text("INSERT INTO register_counter VALUES ('incoming', 2026, 1)"))
    assert upgrade(db.engine) is not None  # the copy made aside before upgrading
    assert current_revision(db.engine) == head_revision()
    factories.incoming(db, date(2026, 2, 3), "Про освітлення вулиць")

    def found(words: str) -> list[str]:
        view = RegisterView(db, ViewQuery(register="incoming", search=words))
        return [r.reg_number for r in view.all_rows()]

    assert found("дороги") == ["1/01-12"]
    assert len(found("освітлення")) == 1
    with db.read() as s:
        title = s.execute(text("SELECT title, reply_numbers FROM document WHERE seq = 1")).one()
    assert tuple(title) == ("", "")
    with db.read() as s:  # 0003: the accounts and the audit trail start empty
        assert s.execute(text("SELECT count(*) FROM app_user")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 1  # the create
    db.dispose()
