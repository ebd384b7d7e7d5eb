"""Backups: made while the database is in use, checked before a restore, restored with the
previous file kept aside; damaged and foreign files are refused and change nothing."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from app.services import backup as bk
from app.services.backup_postgres import backup_postgres, pg_dump_command
from db.migrate import SCHEMA_HEAD
from db.models import Document
from db.session import Database, sqlite_path
from tests import factories

DAY = date(2026, 3, 5)


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM document").fetchone()[0])
    finally:
        conn.close()


def _documents(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count(Document.id))).scalar_one())


def _register(db: Database, n: int) -> None:
    for i in range(n):
        factories.incoming(db, DAY, summary=f"Лист {i}")


def _wreck(path: Path) -> None:
    """Garbage over the middle of the file (past the schema page)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16384] = b"\xffgarbage" * 2048
    path.write_bytes(bytes(data))


def test_round_trip_restores_the_backup_and_keeps_the_current_file_aside(sqlite_db, tmp_path):
    _register(sqlite_db, 3)
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    _register(sqlite_db, 2)  # registered after the backup: gone after the restore
    sqlite_db.dispose()
    aside = bk.restore_sqlite(copy, path)
    assert _documents(sqlite_db) == 3
    assert aside is not None and aside.name.startswith("dilovod.before-restore-")
    assert _count(aside) == 5  # nothing is lost: the replaced file holds the later two
    assert not path.with_name(path.name + ".restoring").exists()


def test_a_backup_is_made_while_another_connection_holds_a_write_transaction(sqlite_db, tmp_path):
    _register(sqlite_db, 2)
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE document SET summary = 'не збережено' WHERE seq = 1")
    started = time.monotonic()
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    assert time.monotonic() - started < 5  # did not wait for the writer
    writer.execute("COMMIT")
    writer.close()
    info = bk.check_backup(copy)
    assert info.documents == 2 and info.revision.isdigit()
    conn = sqlite3.connect(copy)
    summaries = {r[0] for r in conn.execute("SELECT summary FROM document")}
    conn.close()
    assert "не збережено" not in summaries  # the last committed state, not the open one
    assert not Path(f"{copy}-wal").exists()  # a single self-contained file


def test_only_the_newest_copies_of_this_database_are_kept(sqlite_db, tmp_path):
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    folder = tmp_path / "copies"
    folder.mkdir()
    other = folder / "other-2020-01-01_000000.sqlite"
    other.write_bytes(b"x")
    letter = folder / "лист.txt"
    letter.write_text("не чіпати")
    made = [bk.backup_sqlite(path, folder, keep=3) for _ in range(5)]
    kept = bk.list_backups(folder, "dilovod")
    assert kept == sorted(made, reverse=True)[:3]
    assert other.exists() and letter.exists()
    assert [p.name for p in bk.list_backups(folder)][-1] == other.name


def test_rotation_deletes_only_the_copies_it_made(sqlite_db, tmp_path):
    """Issue 9: rotation deleted a working database named like a backup."""
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    folder = tmp_path / "copies"
    folder.mkdir()
    working = folder / "dilovod-2020-01-01_000000.sqlite"  # someone's database, not a copy
    shutil.copy(path, working)
    before = working.read_bytes()
    made = [bk.backup_sqlite(path, folder, keep=2) for _ in range(4)]
    assert working.exists() and working.read_bytes() == before
    assert [p for p in made if p.exists()] == made[-2:]
    assert bk.made_here(folder) == {p.name for p in made[-2:]}


def _assert_refused(copy: Path, target: Path, message: str) -> None:
    before = target.read_bytes()
    listing = sorted(p.name for p in target.parent.iterdir())
    with pytest.raises(bk.BackupError, match=message):
        bk.restore_sqlite(copy, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == listing


def test_a_file_that_is_not_a_dilovod_database_is_refused(sqlite_db, tmp_path):
    target = sqlite_path(sqlite_db.url)
    assert target is not None
    sqlite_db.dispose()
    letter = tmp_path / "letter.sqlite"
    letter.write_text("Це не база даних, а лист." * 100)
    _assert_refused(letter, target, "не є базою даних Діловода")
    foreign = tmp_path / "recipes.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    _assert_refused(foreign, target, "не є базою даних Діловода")


@pytest.mark.parametrize("revision", ["0003", "0004", "abc"])
def test_a_fake_with_the_three_checked_tables_is_refused(sqlite_db, tmp_path, revision):
    """Issue 9: a file with only alembic_version, document and setting passed the check and
    broke every later command. The revision and every table are checked first."""
    target = sqlite_path(sqlite_db.url)
    assert target is not None
    sqlite_db.dispose()
    fake = tmp_path / "fake.sqlite"
    conn = sqlite3.connect(fake)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    conn.execute("CREATE TABLE document (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)")
    conn.commit()
    conn.close()
    _assert_refused(fake, target, "не є (повною )?базою даних Діловода")


def test_a_backup_missing_one_column_is_refused(sqlite_db, tmp_path):
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    conn = sqlite3.connect(copy)
    conn.execute("ALTER TABLE correspondent DROP COLUMN email")
    conn.commit()
    conn.close()
    with pytest.raises(bk.BackupError, match="correspondent"):
        bk.check_backup(copy)
    assert bk.check_backup(bk.backup_sqlite(path, tmp_path / "copies")).revision == SCHEMA_HEAD


def test_a_corrupted_backup_is_refused_and_the_database_left_untouched(sqlite_db, tmp_path):
    _register(sqlite_db, 60)
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    sqlite_db.dispose()
    _wreck(copy)
    _assert_refused(copy, path, "пошкоджений")


def test_a_backup_from_a_newer_program_is_refused(sqlite_db, tmp_path):
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(bk.BackupError, match="новішою версією"):
        bk.check_backup(copy)


def test_a_backup_that_runs_past_its_deadline_leaves_no_file(sqlite_db, tmp_path):
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    with pytest.raises(bk.BackupTimeout):
        bk.backup_sqlite(path, tmp_path / "copies", deadline=time.monotonic() - 1)
    assert list((tmp_path / "copies").iterdir()) == []


def test_settings_default_to_a_folder_beside_the_database_and_are_stored(db):
    settings = bk.backup_settings(db)
    assert settings.keep == 10 and settings.daily and settings.on_exit
    assert settings.folder.name == "backups"
    path = sqlite_path(db.url)
    if path is not None:
        assert settings.folder == path.parent / "backups"
    changed = bk.BackupSettings(Path("/media/usb/Діловод"), keep=30, daily=False, on_exit=False)
    bk.save_backup_settings(db, changed)
    assert bk.backup_settings(db) == changed
    with pytest.raises(bk.BackupError):
        bk.save_backup_settings(db, bk.BackupSettings(settings.folder, keep=0))


def test_the_daily_backup_is_due_once_a_day(tmp_path):
    settings = bk.BackupSettings(tmp_path)
    assert bk.due_daily(settings, "dilovod", DAY)
    (tmp_path / "dilovod-2026-03-04_235959.sqlite").write_bytes(b"")
    assert bk.due_daily(settings, "dilovod", DAY)
    (tmp_path / "dilovod-2026-03-05_080000.sqlite").write_bytes(b"")
    assert not bk.due_daily(settings, "dilovod", DAY)
    assert bk.due_daily(settings, "other", DAY)
    assert not bk.due_daily(bk.BackupSettings(tmp_path / "none", daily=False), "dilovod", DAY)
    assert bk.backup_time(tmp_path / "dilovod-2026-03-05_080000.sqlite") == datetime(
        2026, 3, 5, 8, 0
    )


def test_the_exit_backup_is_skipped_when_nothing_changed(sqlite_db, tmp_path):
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    folder = tmp_path / "copies"
    assert bk.changed_since_backup(path, folder)
    bk.backup_sqlite(path, folder)
    assert not bk.changed_since_backup(path, folder)
    time.sleep(0.05)
    _register(sqlite_db, 1)
    assert bk.changed_since_backup(path, folder)


def test_pg_dump_gets_the_password_through_the_environment(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    command, env = pg_dump_command("postgresql://clerk:секрет@db.rada:5433/dilovod", tmp_path)
    assert env["PGPASSWORD"] == "секрет"
    assert not any("секрет" in part for part in command)
    assert "--format=custom" in command and "--dbname=dilovod" in command
    assert "--host=db.rada" in command and "--port=5433" in command


def test_a_missing_pg_dump_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(bk.BackupError, match="pg_dump не знайдено"):
        backup_postgres("postgresql://postgres@127.0.0.1/dilovod", tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("pg_restore") is None, reason="no PostgreSQL client programs")
def test_postgres_round_trip_through_pg_dump_and_pg_restore(db, tmp_path):
    if db.dialect != "postgresql":
        pytest.skip("pg_dump is for PostgreSQL")
    _register(db, 3)
    dump = backup_postgres(db.url, tmp_path, keep=2)
    _register(db, 2)
    base, _, name = db.url.rpartition("/")
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    copy_name = f"{name}_restored"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{copy_name}"'))
        conn.execute(text(f'CREATE DATABASE "{copy_name}"'))
    try:
        url = db.engine.url.set(database=copy_name)
        subprocess.run(
            ["pg_restore", "--no-owner", f"--host={url.host}", f"--username={url.username}",
             f"--port={url.port or 5432}", f"--dbname={copy_name}", str(dump)],
            check=True, capture_output=True,
        )  # fmt: skip
        restored = Database(url.render_as_string(hide_password=False))
        assert _documents(restored) == 3
        restored.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{copy_name}" WITH (FORCE)'))
        admin.dispose()
    assert _documents(db) == 5


def _child_holding(path, purpose: str):  # type: ignore[no-untyped-def]
    """Another process that has the database open (as a window or a command would)."""
    import subprocess
    import sys

    code = (
        "import sys, time\n"
        "from app.services.database import open_database\n"
        f"o = open_database({str(path)!r}, purpose={purpose!r})\n"
        "print('ready', flush=True)\n"
        "time.sleep(120)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def test_a_restore_is_refused_while_another_process_has_the_database_open(sqlite_db, tmp_path):
    """A running window or command (another live process) holds the file's in-use lock;
    restoring under it would lose what it writes next, so nothing is changed. Once that
    process is gone — even killed, leaving its mark behind — the restore goes ahead."""
    _register(sqlite_db, 2)
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    _register(sqlite_db, 1)
    sqlite_db.dispose()
    child = _child_holding(path, "вікно Діловода")
    try:
        before = path.read_bytes()
        with pytest.raises(bk.BackupError, match="вікно Діловода"):
            bk.restore_sqlite(copy, path)
        assert path.read_bytes() == before
    finally:
        child.kill()  # SIGKILL: no chance to remove its mark
        child.wait()
    assert list(path.with_name(path.name + ".in-use").glob("*-*.lock"))  # the stale mark
    bk.restore_sqlite(copy, path)
    assert _documents(sqlite_db) == 2


def test_a_file_set_aside_restores_with_the_changes_in_its_wal(sqlite_db, tmp_path):
    """A file set aside keeps its newest changes in its -wal: a restore of it keeps them."""
    _register(sqlite_db, 1)
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    holder = sqlite3.connect(path)  # keeps the -wal from being folded into the file on close
    holder.execute("SELECT count(*) FROM document").fetchall()
    _register(sqlite_db, 2)
    sqlite_db.dispose()
    aside = tmp_path / "aside.sqlite"
    shutil.copy(path, aside)
    shutil.copy(path.with_name(path.name + "-wal"), tmp_path / "aside.sqlite-wal")
    holder.close()
    target = tmp_path / "restored.sqlite"
    bk.restore_sqlite(aside, target)
    assert _count(target) == 3
