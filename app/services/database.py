"""Opening a Діловод database for use: check it, upgrade it, never overwrite a damaged one."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect

from db.migrate import SCHEMA_HEAD, current_revision, upgrade
from db.session import Database, database_url, sqlite_path


class DatabaseOpenError(RuntimeError):
    """The database cannot be used as it is; the message says why, in Ukrainian."""


class DatabaseDamagedError(DatabaseOpenError):
    """The file is damaged or is not a Діловод database: a restore from a backup may help."""


@dataclass(frozen=True)
class Opened:
    db: Database
    created: bool
    backup: Path | None
    fully_checked: bool = True  # False: run integrity_problem() in the background


# quick_check reads the whole file: ~1 s per GB from a warm cache, far more from a cold disk.
# Up to this size it runs before the window opens; a larger file gets the same check in the
# background once the window is up (see `integrity_problem`).
FULL_CHECK_LIMIT = 256 * 2**20


def check_sqlite_file(path: Path, full: bool | None = None) -> bool:
    """Refuse a file that is not an intact Діловод database, without changing it.

    Returns whether the full integrity check ran (False: only the header and the schema were
    read, because the file is larger than FULL_CHECK_LIMIT).
    """
    if not path.exists() or path.stat().st_size == 0:
        return True
    if full is None:
        full = path.stat().st_size <= FULL_CHECK_LIMIT
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(f"Не вдається відкрити файл бази даних {path}: {exc}") from exc
    try:
        check = "PRAGMA quick_check" if full else "PRAGMA schema_version"
        result = conn.execute(check).fetchone()
        if not full:
            result = ("ok",)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamagedError(
            f"Файл {path} пошкоджений або не є базою даних Діловода. "
            "Файл не змінено: відновіть його з резервної копії."
            f"\n\nТехнічні подробиці: {exc}"
        ) from exc
    finally:
        conn.close()
    if not result or result[0] != "ok":
        raise DatabaseDamagedError(
            f"База даних {path} пошкоджена. Файл не змінено: відновіть його з резервної копії."
            f"\n\nТехнічні подробиці (перевірка цілісності): {result[0] if result else '?'}"
        )
    if tables and "alembic_version" not in tables:
        raise DatabaseDamagedError(f"Файл {path} не є базою даних Діловода. Файл не змінено.")
    return full


def integrity_problem(path: Path) -> str | None:
    """The full integrity check of a SQLite file, for running in the background; a Ukrainian
    description of the damage, or None when the file is intact."""
    try:
        check_sqlite_file(path, full=True)
    except DatabaseOpenError as exc:
        return str(exc)
    return None


def open_database(target: str | Path, migrate: bool = True) -> Opened:
    """Open (and create or upgrade) the database named by a path or URL."""
    url = database_url(target)
    path = sqlite_path(url)
    checked = True
    if path is not None:
        checked = check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    try:
        created = not inspect(db.engine).get_table_names()
        backup = None
        if migrate:
            backup = upgrade(db.engine)
        elif current_revision(db.engine) != SCHEMA_HEAD:
            raise DatabaseOpenError("Схема бази даних застаріла: виконайте «python -m app init»")
    except DatabaseOpenError:
        db.dispose()
        raise
    except Exception as exc:
        db.dispose()
        raise DatabaseOpenError(f"Не вдається відкрити базу даних: {exc}") from exc
    return Opened(db, created, backup, checked)
