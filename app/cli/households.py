"""`district copy | export | import | retire`: a starosta district's offline copy and the
exchange of changes with the centre by an encrypted file (app/services/household_exchange).

The password is asked on the terminal, or taken from DILOVOD_EXCHANGE_PASSWORD (scripts); it
is never stored in the file or the database.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, user, write
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    district = command(sub, "district", "копія старостинського округу та обмін файлами з центром")
    dsub = district.add_subparsers(dest="district_command", metavar="дія", required=True)
    copy = command(dsub, "copy", "зробити базу округу для ноутбука старости (у центрі)")
    copy.add_argument("--district", required=True, metavar="ОКРУГ", help="назва або код округу")
    copy.add_argument("-o", "--output", required=True, metavar="ФАЙЛ", help="нова база SQLite")
    export = command(dsub, "export", "записати зміни, яких інший бік ще не підтвердив")
    export.add_argument(
        "--district", default="", metavar="ОКРУГ", help="у центрі: для якого округу файл"
    )
    export.add_argument("-o", "--output", required=True, metavar="ФАЙЛ", help="файл обміну")
    imp = command(dsub, "import", "застосувати файл обміну з іншого боку")
    imp.add_argument("file", metavar="ФАЙЛ", help="файл обміну")
    retire = command(dsub, "retire", "повернути книги округу до центру (копія більше не ведеться)")
    retire.add_argument("--district", required=True, metavar="ОКРУГ", help="назва або код округу")


def _password(confirm: bool) -> str:
    from app.services.household_exchange import PASSWORD_ENV

    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    first = getpass.getpass("Пароль файлу обміну: ")
    if confirm and getpass.getpass("Ще раз: ") != first:
        raise CliError("Паролі не збігаються")
    return first


def cmd_district(db: Database, args: argparse.Namespace) -> int:
    from app.services import household_exchange as ex

    what = args.district_command
    try:
        if what == "copy":
            result = ex.make_copy(db, args.district, args.output, user())
            print(
                f"Копію округу {result.district} записано: {args.output} (записів: {result.rows})"
            )
        elif what == "export":
            data, result = ex.export_changes(db, _password(True), args.district, user())
            write(args.output, data)
            print(
                f"Файл обміну {result.direction} ({result.district}) записано: {args.output} "
                f"(записів: {result.rows}, видалень: {result.tombstones})"
            )
        elif what == "import":
            try:
                data = Path(args.file).read_bytes()
            except OSError as exc:
                raise CliError(f"Не вдалося прочитати {args.file}: {exc.strerror}") from exc
            result = ex.import_changes(db, data, _password(False), user())
            if result.direction == "уже імпортовано":
                print("Цей файл уже імпортовано: змін немає")
            else:
                print(
                    f"Імпортовано {result.direction} ({result.district}): записів "
                    f"{result.rows}, видалень {result.tombstones}"
                )
        else:
            ex.retire_copy(db, args.district, user())
            print(f"Книги округу {args.district} знову ведуться в центрі")
    except ex.ExchangeError as exc:
        raise CliError(str(exc)) from exc
    return 0


command_group(add_parsers, {"district": cmd_district})
