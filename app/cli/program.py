"""The parser wiring and `main`: the command groups' subcommands, the database, the user.

Without a command the window starts. The UI is imported only then, so the commands run on a
machine without a display. Every command speaks Ukrainian, including argparse's own words, and a
user's mistake (a wrong date, a missing file, a bad row in an import) ends with a message on
stderr and a non-zero exit code, never with a traceback.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from typing import TYPE_CHECKING, Any

from app.cli import common, registry
from app.cli.common import CliError
from app.domain.roles import PermissionDenied
from app.paths import chosen_database, default_database

if TYPE_CHECKING:
    from app.services.database import Opened
    from db.session import Database

# argparse's own words, in Ukrainian (it asks gettext; we answer while the parser runs).
_ARGPARSE_UK = {
    "usage: ": "використання: ",
    "positional arguments": "позиційні аргументи",
    "options": "параметри",
    "show this help message and exit": "показати цю довідку та вийти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: помилка: %(message)s\n",
    "the following arguments are required: %s": "потрібно вказати: %s",
    "unrecognized arguments: %s": "невідомі аргументи: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "недопустиме значення %(value)r (можливі: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "expected one argument": "потрібне значення",
    "expected at most one argument": "можна вказати не більше одного значення",
    "expected at least one argument": "потрібне хоча б одне значення",
    "invalid %(type)s value: %(value)r": "недопустиме значення: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "неоднозначний параметр %(option)s: підходять %(matches)s"
    ),
    "not allowed with argument %s": "не можна разом з аргументом %s",
    "one of the arguments %s is required": "потрібно вказати один з аргументів: %s",
}


@contextmanager
def _ukrainian_argparse() -> Iterator[None]:
    original, original_n = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def translate(text: str) -> str:
        return _ARGPARSE_UK.get(text, original(text))

    def ntranslate(single: str, plural: str, n: int) -> str:
        return translate(single if n == 1 else plural)

    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = ntranslate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]
        argparse.ngettext = original_n  # type: ignore[attr-defined]


def _program_parser(**kwargs: Any) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog="python -m app",
        description="Діловод — реєстрація та контроль виконання документів виконавчого комітету.",
        **kwargs,
    )


def _global_options(parser: argparse.ArgumentParser) -> str:
    """--db and --user, before any command; returns --db's help (repeated after a command)."""
    db_help = (
        "файл бази даних SQLite або URL SQLAlchemy (типово: DILOVOD_DATABASE або файл у теці "
        "даних користувача)"
    )
    parser.add_argument("--db", help=db_help)
    parser.add_argument(
        "--user",
        help="увійти як користувач програми (пароль запитується); без нього команди виконуються "
        "від імені користувача ОС з усіма правами",
    )
    return db_help


def window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when the arguments only start the window (none, `gui`, --db, --user), read
    without building every command's parser: those import the reports' and the services'
    modules, with SQLAlchemy, which the window's first screen does without (issue 10). None:
    a command (or --help, or a mistake), for the full parser to read and explain."""
    words = list(sys.argv[1:] if argv is None else argv)
    if any(w in ("-h", "--help") for w in words):
        return None
    parser = _program_parser(add_help=False, exit_on_error=False)
    _global_options(parser)
    parser.add_argument("command", nargs="?")
    try:
        with redirect_stderr(io.StringIO()):  # a mistake is the full parser's to report
            args, rest = parser.parse_known_args(words)
    except (argparse.ArgumentError, SystemExit):
        return None
    if rest or args.command not in (None, "gui"):
        return None
    if args.command == "gui" and any(w.startswith("--user") for w in words[words.index("gui") :]):
        return None  # after a command only --db is accepted: the full parser says so
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = _program_parser()
    db_help = _global_options(parser)
    # --db is accepted after the command too: `python -m app demo --db x.sqlite`.
    common_args = argparse.ArgumentParser(add_help=False)
    common_args.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    sub = parser.add_subparsers(dest="command", metavar="команда")

    def command(
        group: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str
    ) -> argparse.ArgumentParser:
        return group.add_parser(name, help=text, description=text, parents=[common_args])

    command(sub, "gui", "запустити вікно програми (типово)")
    command(sub, "init", "створити або оновити схему бази даних")
    for group in registry.groups():
        group.add_parsers(command, sub)
    return parser


def _run(db: Database, args: argparse.Namespace) -> int:
    """Run a command; user errors become a message on stderr and exit code 1."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    try:
        return registry.handlers()[args.command](db, args)
    except CliError as exc:
        print(f"Помилка: {exc}", file=sys.stderr)
        return exc.code
    except PermissionDenied as exc:
        print(f"Помилка: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        # Every user-facing error of the services is a ValueError with a Ukrainian message
        # (DocumentError, ImportFileError, ExportError, DemoError, ReferenceError …).
        text = str(exc)
        if isinstance(exc, OSError):
            from app.services.table_files import os_error_text

            text = os_error_text(exc) + (f": {exc.filename}" if exc.filename else "")
        print(f"Помилка: {text}", file=sys.stderr)
        return 1
    except (SQLAlchemyError, sqlite3.Error) as exc:  # sqlite3: a plain read (Database.plain)
        from app.services.db_errors import explain

        print(f"Помилка бази даних: {explain(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Перервано.", file=sys.stderr)
        return 130


def open_for_command(target: str, create: bool = False, purpose: str = "Діловод") -> Opened:
    """Open the database a command names. A server's password is never in the URL (the process
    list shows command lines): it comes from the credential store the window's connection
    dialog fills, else from ~/.pgpass or PGPASSWORD, else it is asked in the terminal."""
    from app.services.connection import (
        ServerConnection,
        needs_password,
        password_in_url,
        stored_password,
    )
    from app.services.database import DatabaseOpenError, check_address, open_database

    url = check_address(target)
    server = ServerConnection.from_url(url)
    if server is None or password_in_url(url):
        return open_database(url, create=create, purpose=purpose)
    password = stored_password(server)
    try:
        return open_database(server.url(password) if password else url, create=create)
    except DatabaseOpenError as exc:
        if not needs_password(exc) or not sys.stdin.isatty():
            raise
    import getpass

    asked = getpass.getpass(f"Пароль до бази {server.label}: ")
    return open_database(server.url(asked), create=create)


def main(
    argv: Sequence[str] | None = None, start_window: Callable[[str | None], int] | None = None
) -> int:
    """Run a command; without one, start the window through `start_window`.

    The window is passed in by the entry point (app/__main__.py) so that app/ never imports
    the UI layer: commands run on a machine without a display or Qt's libraries.
    """
    common._ACTOR.clear()  # each run acts as its own --user (tests call main many times)
    with _ukrainian_argparse():
        args = window_args(argv)
        try:
            args = args or build_parser().parse_args(argv)
        except SystemExit as exc:
            return int(exc.code) if isinstance(exc.code, int) else 2
    if args.command in (None, "gui"):
        if start_window is None:
            print("Помилка: вікно програми тут недоступне", file=sys.stderr)
            return 2
        # None: the window opens this PC's stored server, else the local file (ui/startup.py).
        return start_window(args.db or chosen_database())
    target = args.db or default_database()
    unopened = registry.unopened_handlers()
    if args.command in unopened:  # before opening: the database may be past opening
        return unopened[args.command](target, args)
    from app.services.database import DatabaseOpenError

    try:
        # Only init creates a database — and any command the program's own file in the data
        # folder, where no path was typed that could be mistyped (the README's quick start).
        default = args.db is None and chosen_database() is None
        opened = open_for_command(
            target, create=args.command == "init" or default, purpose=f"команда «{args.command}»"
        )
    except DatabaseOpenError as exc:
        print(f"Помилка: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "init":
            from app.services.connection import without_password

            print(f"База даних готова: {without_password(opened.db.url)}")
            return 0
        if args.user:
            from app.services.users import LoginFailed

            try:
                common.login(opened.db, args.user)
            except LoginFailed as exc:
                print(f"Помилка: {exc}", file=sys.stderr)
                return 2
        return _run(opened.db, args)
    finally:
        opened.close()
