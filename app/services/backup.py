"""Backups of a SQLite database: made while the program runs, checked before any restore.

A backup is made through SQLite's online backup API: it reads one consistent snapshot while
other connections keep registering (in WAL mode readers never wait for a writer), and it is
written under a temporary name first, so a half-written file never looks like a backup. Files
are named ``<database>-YYYY-MM-DD_HHMMSS.sqlite`` and only the newest N of one database are
kept.

A restore never trusts its file: `check_backup` refuses anything that is not an intact
Діловод database, and the current file — intact or damaged — is moved aside under a name that
says why before the backup takes its place, so a restore can itself be undone.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.domain.roles import SETTINGS_WRITE, Actor, actor_of
from app.services import in_use
from app.services.settings import get_setting, set_setting
from db.migrate import SCHEMA_HEAD
from db.session import Database, sqlite_path

FOLDER_KEY = "backup.folder"
KEEP_KEY = "backup.keep"
DAILY_KEY = "backup.daily"
ON_EXIT_KEY = "backup.on_exit"
DEFAULT_KEEP = 10
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?P<suffix>\.sqlite|\.dump)$"
)
SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = ("alembic_version", "document", "setting")
STEP_PAGES = 1024  # pages per step when a deadline bounds the backup (4 MB at 4 KiB pages)


class BackupError(ValueError):
    """A backup or restore that cannot be done; the message is for the clerk, in Ukrainian."""


class BackupTimeout(BackupError):
    """The backup did not finish before its deadline; nothing was written."""


@dataclass(frozen=True)
class BackupSettings:
    folder: Path
    keep: int = DEFAULT_KEEP
    daily: bool = True
    on_exit: bool = True


@dataclass(frozen=True)
class BackupInfo:
    """A backup file that passed `check_backup`."""

    path: Path
    created: datetime
    revision: str
    documents: int
    size: int


# --- settings ---------------------------------------------------------------------------------


def default_folder(url: str) -> Path:
    """A ``backups`` folder beside the SQLite file, or in the data folder for a server."""
    path = sqlite_path(url)
    if path is not None:
        return path.parent / "backups"
    from app.paths import data_dir

    return data_dir() / "backups"


def backup_settings(db: Database) -> BackupSettings:
    folder = get_setting(db, FOLDER_KEY, "")
    try:
        keep = max(1, int(get_setting(db, KEEP_KEY, str(DEFAULT_KEEP))))
    except ValueError:
        keep = DEFAULT_KEEP
    return BackupSettings(
        folder=Path(folder) if folder else default_folder(db.url),
        keep=keep,
        daily=get_setting(db, DAILY_KEY, "1") == "1",
        on_exit=get_setting(db, ON_EXIT_KEY, "1") == "1",
    )


def save_backup_settings(db: Database, settings: BackupSettings, user: str | Actor = "") -> None:
    """Where and how many copies; refused (PermissionDenied) without the right to settings."""
    actor_of(user).require(SETTINGS_WRITE)
    if settings.keep < 1:
        raise BackupError("Кількість копій, які зберігати, має бути не менше 1.")
    default = default_folder(db.url)
    set_setting(db, FOLDER_KEY, "" if settings.folder == default else str(settings.folder))
    set_setting(db, KEEP_KEY, str(settings.keep))
    set_setting(db, DAILY_KEY, "1" if settings.daily else "0")
    set_setting(db, ON_EXIT_KEY, "1" if settings.on_exit else "0")


# --- the folder -------------------------------------------------------------------------------


def backup_time(path: Path) -> datetime | None:
    """When a backup was made, from its name (None: not a backup's name)."""
    match = NAME_RE.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match["stamp"], STAMP_FORMAT)


def list_backups(folder: Path, stem: str | None = None) -> list[Path]:
    """The backups in a folder (of the database named `stem`, if given), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = NAME_RE.match(path.name)
        if match and (stem is None or match["stem"] == stem) and path.is_file():
            found.append((match["stamp"], path))
    return [path for _, path in sorted(found, reverse=True)]


def due_daily(settings: BackupSettings, stem: str, today: date) -> bool:
    """Whether today's automatic backup is still to be made."""
    if not settings.daily:
        return False
    newest = list_backups(settings.folder, stem)
    made = backup_time(newest[0]) if newest else None
    return made is None or made.date() < today


def changed_since_backup(db_path: Path, folder: Path) -> bool:
    """Whether the database was written after its newest backup (the exit backup is skipped
    otherwise, so opening and closing the program does not push the daily copies out)."""
    newest = list_backups(folder, db_path.stem)
    if not newest:
        return True
    written = max(
        (p.stat().st_mtime for p in (db_path, Path(f"{db_path}-wal")) if p.exists()), default=0.0
    )
    return written > newest[0].stat().st_mtime


#: The copies this program made in a folder, one file name a line.
MANIFEST = ".dilovod-backups"


def made_here(folder: Path) -> set[str]:
    """The names of the copies the program itself wrote into `folder` (its manifest)."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}


def _write_manifest(folder: Path, names: set[str]) -> None:
    manifest = folder / MANIFEST
    partial = manifest.with_name(f"{MANIFEST}.{os.getpid()}.partial")
    partial.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    os.replace(partial, manifest)


def remember(copy: Path) -> None:
    """Enter a copy just made into its folder's manifest (the only files rotation deletes)."""
    # an unwritable manifest only means the copy is never rotated away
    with contextlib.suppress(OSError):
        _write_manifest(copy.parent, made_here(copy.parent) | {copy.name})


def prune(folder: Path, stem: str, suffix: str, keep: int) -> None:
    """Delete all but the newest `keep` copies of `stem` — only copies in the manifest."""
    ours = made_here(folder)
    mine = [p for p in list_backups(folder, stem) if p.suffix == suffix and p.name in ours]
    removed = set()
    for old in mine[keep:]:
        try:
            old.unlink(missing_ok=True)
        except OSError:
            continue
        removed.add(old.name)
    if removed:
        with contextlib.suppress(OSError):
            _write_manifest(folder, made_here(folder) - removed)


def stamped_path(folder: Path, stem: str, suffix: str, now: datetime | None = None) -> Path:
    """A new copy's name: now, but never earlier than the newest copy already there (two
    backups within one second: the later one a second on — and never named older than one
    that rotation would then keep in its place)."""
    moment = now or datetime.now()
    newest = [p for p in list_backups(folder, stem) if p.suffix == suffix]
    made = backup_time(newest[0]) if newest else None
    if made is not None and made >= moment.replace(microsecond=0):
        moment = made + timedelta(seconds=1)
    target = folder / f"{stem}-{moment.strftime(STAMP_FORMAT)}{suffix}"
    while target.exists():
        moment = moment + timedelta(seconds=1)
        target = folder / f"{stem}-{moment.strftime(STAMP_FORMAT)}{suffix}"
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # directories cannot be synced on every system
        pass
    finally:
        os.close(fd)


# --- backup -----------------------------------------------------------------------------------


def backup_sqlite(
    db_path: Path,
    folder: Path,
    keep: int = DEFAULT_KEEP,
    deadline: float | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path:
    """An online copy of `db_path` in `folder`; the newest `keep` copies stay.

    `deadline` (a `time.monotonic()` value) bounds the work: the backup then runs in steps and
    gives up with `BackupTimeout` — leaving no file — when the time is up. `on_progress(done,
    total)` (pages) is told after each step (the note shown while the window closes).
    """
    if not db_path.is_file():
        raise BackupError(f"Файл бази даних {db_path} не знайдено.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Теку для резервних копій {folder} недоступна: {exc}") from exc
    target = stamped_path(folder, db_path.stem, ".sqlite")
    partial = target.with_name(target.name + ".partial")

    def progress(_status: int, remaining: int, total: int) -> None:
        if on_progress is not None:
            on_progress(total - remaining, total)
        if deadline is not None and time.monotonic() > deadline:
            raise BackupTimeout("Резервну копію не зроблено: забрала б забагато часу.")

    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            if deadline is None and on_progress is None:
                src.backup(dst)  # one step: one snapshot, writers go on meanwhile (WAL)
            else:
                src.backup(dst, pages=STEP_PAGES, progress=progress, sleep=0)
            # A self-contained single file: no -wal beside the backup.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BackupTimeout:
        partial.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Не вдалося зробити резервну копію в {folder}: {exc}") from exc
    finally:
        src.close()
    _fsync(partial)
    os.replace(partial, target)
    remember(target)
    prune(folder, db_path.stem, ".sqlite", keep)
    return target


# --- check and restore ------------------------------------------------------------------------


def check_backup(path: Path) -> BackupInfo:
    """Read a backup without changing it; `BackupError` unless it is an intact Діловод database
    that this version of the program can open: a known schema revision, and every table that
    revision has, with every column (a file faking three tables broke every later command)."""
    if not path.is_file():
        raise BackupError(f"Файл {path} не знайдено.")
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"Файл {path.name} не є базою даних Діловода.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"Файл {path.name} не вдається відкрити: {exc}") from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not all(name in tables for name in REQUIRED_TABLES):
            raise BackupError(f"Файл {path.name} не є базою даних Діловода.")
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise BackupError(
                f"Файл {path.name} пошкоджений (перевірка цілісності: {'; '.join(problems)})."
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else ""
        _check_revision(path, revision)
        _check_tables(path, conn, revision)
        documents = int(conn.execute("SELECT count(*) FROM document").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            f"Файл {path.name} пошкоджений або не є базою даних Діловода "
            f"(технічні подробиці: {exc})."
        ) from exc
    finally:
        conn.close()
    created = backup_time(path) or datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, created, revision, documents, path.stat().st_size)


def _check_revision(path: Path, revision: str) -> None:
    if not (revision.isdigit() and len(revision) == len(SCHEMA_HEAD)):
        raise BackupError(
            f"Файл {path.name} не є базою даних Діловода (невідома схема «{revision}»)."
        )
    if revision > SCHEMA_HEAD:
        raise BackupError(
            f"Файл {path.name} створено новішою версією Діловода (схема {revision}); "
            "оновіть програму, щоб відновити з нього."
        )


#: Tables and their columns of an empty database at each revision, made once per process.
_SCHEMAS: dict[str, dict[str, set[str]]] = {}


def _schema_at(revision: str) -> dict[str, set[str]]:
    """What a Діловод database at `revision` holds: built by the migrations themselves in a
    scratch file (a restore is rare; Alembic is imported only then)."""
    if revision not in _SCHEMAS:
        import tempfile

        from alembic import command

        from db.migrate import alembic_config
        from db.session import make_engine

        with tempfile.TemporaryDirectory() as scratch:
            engine = make_engine(str(Path(scratch) / "reference.sqlite"))
            try:
                config = alembic_config()
                with engine.begin() as connection:
                    config.attributes["connection"] = connection
                    command.upgrade(config, revision)
                with engine.connect() as connection:
                    raw = connection.connection.dbapi_connection
                    assert raw is not None
                    _SCHEMAS[revision] = _columns(raw)
            finally:
                engine.dispose()
    return _SCHEMAS[revision]


def _columns(conn: Any) -> dict[str, set[str]]:
    """Table → column names of a sqlite3 connection (the full-text index's tables left out)."""
    execute = conn.execute
    names = [
        r[0]
        for r in execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'document_fts_%'"
        )
    ]
    return {n: {r[1] for r in execute(f'PRAGMA table_info("{n}")')} for n in names}


def _check_tables(path: Path, conn: sqlite3.Connection, revision: str) -> None:
    expected = _schema_at(revision)
    present = _columns(conn)
    missing = sorted(t for t in expected if t not in present)
    short = sorted(t for t in expected if t in present and not expected[t] <= present[t])
    if missing or short:
        names = ", ".join(missing + short)
        raise BackupError(
            f"Файл {path.name} не є повною базою даних Діловода: бракує таблиць або їхніх "
            f"стовпців ({names})."
        )


def set_aside(db_path: Path, label: str) -> Path:
    """Move the database file (with its -wal) to ``<name>.<label>-<time>.sqlite`` beside it."""
    aside = stamped_path(db_path.parent, f"{db_path.stem}.{label}", db_path.suffix or ".sqlite")
    os.replace(db_path, aside)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        os.replace(wal, Path(f"{aside}-wal"))
    Path(f"{db_path}-shm").unlink(missing_ok=True)  # rebuilt from the -wal when needed
    return aside


def restore_sqlite(backup: Path, db_path: Path, label: str = "before-restore") -> Path | None:
    """Put a checked backup in place of `db_path`; the previous file goes aside first.

    Returns where the previous file went (None when there was none). The database must be
    closed. The backup is copied beside the target and renamed over it, so the target is
    either the old file or the complete backup, never half of one.
    """
    check_backup(backup)
    try:
        with in_use.restoring(db_path):
            return _restore_unused(backup, db_path, label)
    except in_use.InUse as exc:
        raise BackupError(str(exc)) from exc


def _restore_unused(backup: Path, db_path: Path, label: str) -> Path | None:
    """The restore itself, under the restore lock, once no other program has the file open."""
    busy = in_use.holder(db_path)
    if busy:
        raise BackupError(
            f"Не відновлено: {busy}. Закрийте вікна Діловода і дочекайтеся кінця команд "
            "(імпорту, вивантаження), тоді повторіть — інакше те, що вони записують, було б "
            "втрачено."
        )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        # Through SQLite, not a file copy: a file set aside keeps its newest changes in its
        # -wal, and those belong to what is restored.
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(incoming)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        finally:
            source.close()
        _fsync(incoming)
    except (OSError, sqlite3.Error) as exc:
        incoming.unlink(missing_ok=True)
        raise BackupError(f"Не вдалося скопіювати {backup.name}: {exc}") from exc
    aside = set_aside(db_path, label) if db_path.exists() else None
    os.replace(incoming, db_path)
    _fsync(db_path.parent)
    return aside
