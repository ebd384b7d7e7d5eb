"""Opening a Діловод database for use: check it, upgrade it, never overwrite a damaged one."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect

from db.migrate import current_revision, head_revision, upgrade
from db.session import Database, database_url, sqlite_path


class DatabaseOpenError(RuntimeError):
    """The database cannot be used as it is; the message says why, in Ukrainian."""


@dataclass(frozen=True)
class Opened:
    db: Database
    created: bool
    backup: Path | None


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an intact Діловод database, without changing it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(f"Не вдається відкрити файл бази даних {path}: {exc}") from exc
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            f"Файл {path} пошкоджений або не є базою даних Діловода ({exc}). "
            "Файл не змінено: відновіть його з резервної копії."
        ) from exc
    finally:
        conn.close()
    if not result or result[0] != "ok":
        raise DatabaseOpenError(
            f"База даних {path} пошкоджена (перевірка цілісності: {result[0] if result else '?'}). "
            "Файл не змінено: відновіть його з резервної копії."
        )
    if tables and "alembic_version" not in tables:
        raise DatabaseOpenError(f"Файл {path} не є базою даних Діловода. Файл не змінено.")


def open_database(target: str | Path, migrate: bool = True) -> Opened:
    """Open (and create or upgrade) the database named by a path or URL."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    try:
        created = not inspect(db.engine).get_table_names()
        backup = None
        if migrate:
            backup = upgrade(db.engine)
        elif current_revision(db.engine) != head_revision():
            raise DatabaseOpenError("Схема бази даних застаріла: виконайте «python -m app init»")
    except DatabaseOpenError:
        db.dispose()
        raise
    except Exception as exc:
        db.dispose()
        raise DatabaseOpenError(f"Не вдається відкрити базу даних: {exc}") from exc
    return Opened(db, created, backup)
