"""The command line: `python -m app [--db DB] [command]`, thin over the services.

Without a command the window starts. The UI is imported only then, so the commands run on a
machine without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.paths import default_database


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="Діловод — реєстрація та контроль виконання документів виконавчого комітету.",
    )
    parser.add_argument(
        "--db",
        help="файл бази даних SQLite або URL SQLAlchemy (типово: DILOVOD_DATABASE або файл у теці "
        "даних користувача)",
    )
    sub = parser.add_subparsers(dest="command", metavar="команда")
    sub.add_parser("gui", help="запустити вікно програми (типово)")
    sub.add_parser("init", help="створити або оновити схему бази даних")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    target = args.db or default_database()
    if args.command in (None, "gui"):
        from ui.main_window import run

        return run(target)
    from app.services.database import DatabaseOpenError, open_database

    try:
        opened = open_database(target)
    except DatabaseOpenError as exc:
        print(f"Помилка: {exc}", file=sys.stderr)
        return 2
    if args.command == "init":
        print(f"База даних готова: {opened.db.url}")
        return 0
    parser.error(f"невідома команда {args.command}")
    return 2
