"""Bringing a database's schema to the head revision, safely.

A SQLite file that needs upgrading is copied aside first (``name.before-<rev>.bak``) through
SQLite's online backup, so a failed or unwanted upgrade never costs the registers.

Alembic is imported only when a database really needs upgrading: it costs ~35 MB and 0.2 s,
which every start would otherwise pay. `SCHEMA_HEAD` names the newest migration; a test keeps it
equal to Alembic's head, so adding a migration without updating it fails at once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from db.session import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SCHEMA_HEAD = "0017"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Leave the full-text search objects, which only the migrations know, out of comparisons."""
    if type_ == "table" and name and name.startswith(("document_fts", "hh_object_fts")):
        return False
    return not (
        type_ == "index"
        and name in ("ix_document_search_pg", "ix_document_due_pg", "ix_hh_object_search_pg")
    )


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest migration as Alembic sees it (reads the migration scripts)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for a database Alembic never touched."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_empty(engine: Engine) -> bool:
    from sqlalchemy import inspect

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
    if current == SCHEMA_HEAD:
        return None
    from alembic import command

    backup: Path | None = None
    path = sqlite_path(str(engine.url))
    if path is not None and path.exists() and current is not None:
        engine.dispose()
        backup = copy_aside(path, current)
    config = alembic_config()
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite's procedure for rebuilding a table (batch mode): foreign keys off while
            # the old table is dropped and the new one renamed, checked before the commit.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("foreign keys broken by the upgrade")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    if engine.dialect.name == "sqlite":
        _compact(engine)
    return backup


def _compact(engine: Engine) -> None:
    """A migration that rebuilt a table (batch mode: 0005, 0016) leaves the old table's pages
    free inside the file: VACUUM gives them back once, after the upgrade's transaction."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        if raw.execute("PRAGMA freelist_count").fetchone()[0]:
            conn.commit()
            raw.execute("VACUUM")
