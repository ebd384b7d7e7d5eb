"""`python -m app backup` and `python -m app restore`: the command-line side of app/services/backup.

`restore` runs before the database is opened — the database it replaces may be damaged beyond
opening — and asks before it changes anything unless `--yes` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import user
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database

YES = {"так", "т", "y", "yes", "да"}


def add_parsers(command: CommandMaker, sub: Any) -> None:
    backup = command(
        sub, "backup", "зробити резервну копію бази даних (SQLite — файл, PostgreSQL — pg_dump)"
    )
    backup.add_argument(
        "--to", metavar="ТЕКА", help="куди записати копію (типово — тека з налаштувань програми)"
    )
    restore = command(sub, "restore", "відновити базу даних SQLite з резервної копії")
    restore.add_argument("file", metavar="ФАЙЛ", help="файл резервної копії (.sqlite)")
    restore.add_argument("--yes", action="store_true", help="не питати підтвердження")


def cmd_backup(db: Database, args: argparse.Namespace) -> int:
    """A copy holds everything, the accounts' password hashes too: only for those who may
    change the settings (as the window's «Резервна копія…»), and audited."""
    from app.domain.roles import SETTINGS_WRITE
    from app.services import audit
    from app.services.backup import backup_settings, backup_sqlite, check_backup
    from db.session import sqlite_path

    actor = user()
    actor.require(SETTINGS_WRITE)
    settings = backup_settings(db)
    folder = Path(args.to).expanduser() if args.to else settings.folder
    path = sqlite_path(db.url)
    if path is None:
        from app.services.backup_postgres import backup_postgres

        dump = backup_postgres(db.url, folder, settings.keep)
        audit.log(db, actor, audit.BACKUP, details={"файл": str(dump)})
        print(f"Резервну копію записано: {dump}")
        return 0
    db.dispose()  # the copy is read by its own connection
    copy = backup_sqlite(path, folder, settings.keep)
    info = check_backup(copy)
    audit.log(db, actor, audit.BACKUP, details={"файл": str(copy)})
    print(f"Резервну копію записано і перевірено: {copy} (документів: {info.documents})")
    return 0


def _confirmed(question: str) -> bool:
    print(question, end=" ", flush=True)
    try:
        answer = input()
    except EOFError:
        return False
    return answer.strip().lower() in YES


def _restorer(target: str, args: argparse.Namespace) -> Any:
    """Who restores: with --user, a program user who signed in to the current database and may
    change the settings (a restore replaces everybody's registers); else the OS user. Returns
    the actor, or an exit code when the command must stop."""
    from app.domain.roles import SETTINGS_WRITE, PermissionDenied
    from app.services.database import DatabaseOpenError, open_database
    from app.services.users import LoginFailed

    if not args.user:
        return user()
    try:
        opened = open_database(target, create=False, purpose="відновлення з копії")
    except DatabaseOpenError as exc:
        print(
            f"Помилка: вхід як «{args.user}» перевірити неможливо — поточна база даних не "
            f"відкривається ({exc}). Відновіть її без --user, від імені користувача комп'ютера, "
            "який має доступ до файлу.",
            file=sys.stderr,
        )
        return 2
    try:
        from app.cli.common import login

        actor = login(opened.db, args.user)
        actor.require(SETTINGS_WRITE)
    except LoginFailed as exc:
        print(f"Помилка: {exc}", file=sys.stderr)
        return 2
    except PermissionDenied as exc:
        print(f"Помилка: {exc}", file=sys.stderr)
        return 1
    finally:
        opened.close()
    return actor


def _record_restore(path: Path, actor: Any, backup: Path, aside: Path | None) -> None:
    """The restored database's trail says who put it back, from which copy."""
    from app.services import audit
    from db.session import Database

    db = Database(path)
    try:
        details = {"з копії": backup.name, "попередній файл": aside.name if aside else "—"}
        audit.log(db, actor, audit.RESTORE, details=details)
    finally:
        db.dispose()


def cmd_restore(target: str, args: argparse.Namespace) -> int:
    """Restore without opening the database; exit codes as in app/cli/common.py."""
    from app.domain.dates import format_date
    from app.services.backup import BackupError, check_backup, restore_sqlite
    from db.session import database_url, sqlite_path

    path = sqlite_path(database_url(target))
    if path is None:
        print(
            "Помилка: базу даних на сервері PostgreSQL відновлюють програмою pg_restore "
            "(див. README, розділ «Резервні копії сервера»).",
            file=sys.stderr,
        )
        return 2
    backup = Path(args.file).expanduser()
    actor = _restorer(target, args)
    if isinstance(actor, int):
        return actor
    try:
        info = check_backup(backup)
        print(
            f"Копія {backup.name}: створена {format_date(info.created.date())} "
            f"о {info.created:%H:%M}, документів: {info.documents}."
        )
        if not args.yes and not _confirmed(
            f"Замінити базу даних {path} цією копією? Поточний файл буде збережено поруч. [так/ні]"
        ):
            print("Відновлення скасовано; нічого не змінено.")
            return 1
        aside = restore_sqlite(backup, path)
    except (BackupError, OSError) as exc:
        print(f"Помилка: {exc} Базу даних не змінено.", file=sys.stderr)
        return 1
    _record_restore(path, actor, backup, aside)
    print(f"Базу даних відновлено з {backup}.")
    if aside is not None:
        print(f"Попередній файл збережено: {aside}")
    return 0


GROUP = command_group(add_parsers, {"backup": cmd_backup}, unopened={"restore": cmd_restore})
