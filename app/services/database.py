"""Opening a Діловод database for use: check it, upgrade it, never overwrite a damaged one.

Everything that can be refused is refused before the database is touched, each with a Ukrainian
sentence saying what happened and what to do: an address that is neither a SQLite file nor a
PostgreSQL server, a file that does not exist (only `init` and the window's first start create
one: a mistyped --db must not become a new empty database), a folder or file the program may
not write to, a damaged or foreign file, a non-empty server database of another application,
and a database made by a newer version (opening it would already switch a SQLite file to WAL
and write a copy aside).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.services import in_use
from db.migrate import SCHEMA_HEAD, current_revision, upgrade
from db.session import Database, database_url, is_sqlite, sqlite_path

#: The engines a Діловод database lives on, by SQLAlchemy's backend and driver names.
SUPPORTED = {"sqlite": ("", "pysqlite"), "postgresql": ("", "psycopg")}
EXAMPLES = "шлях до файлу SQLite або postgresql://користувач@сервер/база"


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

    def close(self) -> None:
        """Dispose of the engine and let a restore see the file as closed by this process."""
        self.db.dispose()
        path = sqlite_path(self.db.url)
        if path is not None:
            in_use.release(path)


# quick_check reads the whole file: ~1 s per GB from a warm cache, far more from a cold disk.
# Up to this size it runs before the window opens; a larger file gets the same check in the
# background once the window is up (see `integrity_problem`).
FULL_CHECK_LIMIT = 256 * 2**20


def check_sqlite_file(path: Path, full: bool | None = None) -> bool:
    """Refuse a file that is not an intact Діловод database, without changing it.

    Returns whether the full integrity check ran (False: only the header and the schema were
    read, because the file is larger than FULL_CHECK_LIMIT).
    """
    return _checked_sqlite(path, full)[0]


def _checked_sqlite(path: Path, full: bool | None = None) -> tuple[bool, str | None]:
    """`check_sqlite_file`'s checks; (whether the full check ran, the schema revision the file
    holds — None for a new or empty file)."""
    if not path.exists() or path.stat().st_size == 0:
        return True, None
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
    revision = _sqlite_revision(path) if tables else None
    _check_revision(revision, str(path))
    return full, revision


def _sqlite_revision(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def _check_revision(revision: str | None, where: str) -> None:
    """Refuse a schema this program does not know: a newer version's, or another program's."""
    if revision is None or revision == SCHEMA_HEAD:
        return
    if not (revision.isdigit() and len(revision) == len(SCHEMA_HEAD)):
        raise DatabaseOpenError(
            f"База даних {where} не є базою Діловода (у ній схема іншої програми, «{revision}»). "
            "Нічого не змінено: вкажіть базу Діловода або нову порожню."
        )
    if revision > SCHEMA_HEAD:
        raise DatabaseOpenError(
            f"Базу даних {where} створено новішою версією Діловода (схема {revision}, ця "
            f"програма знає до {SCHEMA_HEAD}). Нічого не змінено: оновіть програму на цьому "
            "комп'ютері до версії, якою користуються інші."
        )


def check_address(target: str | Path) -> str:
    """The URL for `target`, or DatabaseOpenError for an address that is not a Діловод one."""
    url = database_url(target)
    if is_sqlite(url):  # read without SQLAlchemy (db/session.py), which a SQLite start defers
        backend, _, driver = url.partition("://")[0].partition("+")
        database = str(sqlite_path(url) or "")
    else:
        backend, driver, database = _parsed(target, url)
    drivers = SUPPORTED.get(backend)
    if drivers is None or driver not in drivers:
        raise DatabaseOpenError(
            f"Адреса бази даних «{target}» не підтримується: Діловод працює з SQLite і "
            f"PostgreSQL. Вкажіть {EXAMPLES}."
        )
    if backend == "postgresql" and not database:
        raise DatabaseOpenError(f"В адресі «{target}» не вказано назву бази даних.")
    return url


def _parsed(target: str | Path, url: str) -> tuple[str, str, str]:
    """(backend, driver, database name) of a server's URL, by SQLAlchemy's reading of it."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
        backend, _, driver = parsed.drivername.partition("+")
    except Exception as exc:
        raise DatabaseOpenError(
            f"Не вдається розібрати адресу бази даних «{target}». Вкажіть {EXAMPLES}."
        ) from exc
    return backend, driver, parsed.database or ""


def _check_writable(path: Path) -> None:
    """A folder or file the program may not write to is said so (SQLite would call it
    «unable to open database file» or a damaged one)."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseOpenError(
            f"Файл бази даних {path} лише для читання: програма не може в нього записувати. "
            "Файл не змінено. Дозвольте запис (властивості файлу) або скопіюйте його в теку, "
            "де у вас є право запису."
        )
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseOpenError(
            f"У теку {folder} не можна записувати, а SQLite потрібні поруч із базою службові "
            "файли. Файл не змінено. Попросіть адміністратора дати право запису в теку або "
            "скопіюйте базу в іншу теку."
        )


def _missing_file(path: Path) -> DatabaseOpenError:
    return DatabaseOpenError(
        f"Файлу бази даних {path} немає. Перевірте шлях у --db; нову базу створює команда "
        f"«python -m app --db {path} init»."
    )


def integrity_problem(path: Path) -> str | None:
    """The full integrity check of a SQLite file, for running in the background; a Ukrainian
    description of the damage, or None when the file is intact."""
    try:
        check_sqlite_file(path, full=True)
    except DatabaseOpenError as exc:
        return str(exc)
    return None


def open_database(
    target: str | Path, migrate: bool = True, create: bool = True, purpose: str = "Діловод"
) -> Opened:
    """Open (and create or upgrade) the database named by a path or URL.

    `create=False` (every command but `init`) refuses a SQLite file that does not exist and an
    empty server database instead of making a new one. A SQLite file is marked as open by this
    process (`in_use`, what it is open for in `purpose`) until `Opened.close`, so a restore
    refuses to replace it meanwhile.
    """
    url = check_address(target)
    path = sqlite_path(url)
    checked, revision = True, None
    if path is not None:
        if not path.exists() and not create:
            raise _missing_file(path)
        _check_writable(path)
        checked, revision = _checked_sqlite(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(
                f"Не вдається створити теку {path.parent}: {exc.strerror or exc}. "
                "Вкажіть інше місце для бази даних."
            ) from exc
        try:
            in_use.hold(path, purpose)
        except in_use.InUse as exc:
            raise DatabaseOpenError(str(exc)) from exc
    try:
        db = Database(url)
    except Exception as exc:
        if path is not None:
            in_use.release(path)
        raise DatabaseOpenError(f"Не вдається відкрити базу даних. {_why(exc, path)}") from exc
    if path is not None and revision == SCHEMA_HEAD:
        # A local file of this version (its checks just read its schema): nothing to create,
        # upgrade or compare, so SQLAlchemy is not needed yet — the window reads its first
        # screen before loading it (issue 10); the engine is made when first used.
        return Opened(db, False, None, checked)
    from sqlalchemy import inspect

    try:
        tables = inspect(db.engine).get_table_names()
        created = not tables
        if tables and path is None:
            _check_server_database(db, tables)
        if created and not create:
            raise DatabaseOpenError(
                "База даних на сервері порожня: спершу створіть схему командою "
                "«python -m app --db АДРЕСА init»."
            )
        backup = None
        if migrate:
            backup = upgrade(db.engine)
        elif current_revision(db.engine) != SCHEMA_HEAD:
            raise DatabaseOpenError("Схема бази даних застаріла: виконайте «python -m app init»")
    except Exception as exc:
        db.dispose()
        if path is not None:
            in_use.release(path)
        if isinstance(exc, DatabaseOpenError):
            raise
        raise DatabaseOpenError(f"Не вдається відкрити базу даних. {_why(exc, path)}") from exc
    return Opened(db, created, backup, checked)


def _why(exc: BaseException, path: Path | None) -> str:
    """Why opening failed, in Ukrainian: a server's connection problem (wrong password, no
    answer) or the database's own refusal."""
    from app.services import db_errors

    if path is None and db_errors.known(exc) is None:
        from app.services.connection import explain

        return explain(exc)
    return db_errors.explain(exc)


def _check_server_database(db: Database, tables: list[str]) -> None:
    """A server database that already holds tables must be a Діловод one, of a known version:
    the program never adds its tables to another application's database."""
    if "alembic_version" not in tables:
        raise DatabaseOpenError(
            f"У базі даних на сервері вже є таблиці іншої програми ({', '.join(sorted(tables)[:5])}"
            f"{' …' if len(tables) > 5 else ''}): це не база Діловода. Нічого не змінено: вкажіть "
            "порожню базу або базу Діловода."
        )
    _check_revision(current_revision(db.engine), "на сервері")
