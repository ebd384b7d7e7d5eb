"""The migrations build exactly what the models declare, on both engines."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db.base import Base
from db.migrate import current_revision, head_revision, include_object, upgrade


def test_migrations_from_empty_to_head_match_the_models(db):
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
