"""Bringing a database's schema to the head revision, safely.

A SQLite file that needs upgrading is copied aside first (``name.before-<rev>.bak``) through
SQLite's online backup, so a failed or unwanted upgrade never costs the registers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from db.session import sqlite_path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Leave the full-text search objects, which only the migrations know, out of comparisons."""
    if type_ == "table" and name and name.startswith("document_fts"):
        return False
    return not (type_ == "index" and name == "ix_document_search_pg")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def copy_aside(path: Path, label: str) -> Path:
    """An online copy of a SQLite file next to it; returns the copy's path."""
    target = path.with_name(f"{path.name}.before-{label}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine) -> Path | None:
    """Upgrade to head; returns the path of the copy made aside, if one was made."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    path = sqlite_path(str(engine.url))
    if path is not None and path.exists() and current is not None:
        engine.dispose()
        backup = copy_aside(path, current)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup
