"""`import` and `export`: a register's journal from a file, a register's view to a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    REGISTER_HELP,
    CliError,
    control_states,
    date_arg,
    register_codes,
    spec,
    user,
)
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    registers = register_codes()
    imp = command(sub, "import", "імпортувати журнал реєстрації з файлу CSV або XLSX")
    imp.add_argument(
        "register", choices=[*registers, "personnel"], metavar="реєстр",
        help=REGISTER_HELP + "; personnel — працівники та їхні послужні списки",
    )  # fmt: skip
    imp.add_argument("file", metavar="ФАЙЛ", help="файл .csv або .xlsx; перший рядок — заголовки")
    imp.add_argument(
        "--dry-run", action="store_true", help="лише перевірити файл, нічого не записувати"
    )
    imp.add_argument(
        "--allow-gaps", action="store_true",
        help="погодитися з пропусками в нумерації (журнал почато не з першого номера тощо)",
    )  # fmt: skip

    exp = command(sub, "export", "вивантажити реєстр (з відбором і сортуванням) у CSV або XLSX")
    exp.add_argument("register", choices=registers, metavar="реєстр", help=REGISTER_HELP)
    exp.add_argument("file", nargs="?", metavar="ФАЙЛ", help="куди записати (.xlsx або .csv)")
    exp.add_argument("--from", dest="date_from", type=date_arg, metavar="ДД.ММ.РРРР",
                     help="початок періоду (дата реєстрації)")  # fmt: skip
    exp.add_argument("--to", dest="date_to", type=date_arg, metavar="ДД.ММ.РРРР",
                     help="кінець періоду")  # fmt: skip
    states = control_states()
    exp.add_argument("--state", choices=states, metavar="СТАН",
                     help="стан контролю: " + ", ".join(states))  # fmt: skip
    exp.add_argument("--search", default="", metavar="ТЕКСТ", help="повнотекстовий пошук")
    exp.add_argument("--sort", metavar="СТОВПЕЦЬ",
                     help="за яким стовпцем сортувати, напр. number, reg_date, due_date, "
                          "correspondent (типово reg_date)")  # fmt: skip
    exp.add_argument("--desc", action="store_true", help="у зворотному порядку")
    exp.add_argument("--format", choices=("csv", "xlsx"), metavar="csv|xlsx",
                     help="формат файлу (типово — за розширенням, інакше csv)")  # fmt: skip
    exp.add_argument("-o", "--output", metavar="ФАЙЛ", help="те саме, що ФАЙЛ")


def _rows_list(rows: Sequence[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:30])
    return shown + (f" та ще {len(rows) - 30}" if len(rows) > 30 else "")


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    from app.services.imports import import_file

    if args.register == "personnel":  # an entity register: its own import (app/cli/personnel.py)
        from app.cli.personnel import import_personnel

        return import_personnel(db, args)

    result = import_file(
        db,
        spec(args.register),
        args.file,
        dry_run=args.dry_run,
        user=user(),
        allow_gaps=args.allow_gaps,
    )
    if result.ignored_columns:
        names = ", ".join(f"«{c}»" for c in result.ignored_columns)
        print(f"Стовпці, які не імпортуються: {names}")
    if result.problems:
        bad_rows = len({p.row for p in result.problems})
        print(
            f"Файл не імпортовано: помилок — {len(result.problems)} у {bad_rows} "
            f"з {result.rows} рядків. Базу даних не змінено.",
            file=sys.stderr,
        )
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Виправте файл і запустіть імпорт ще раз.", file=sys.stderr)
        return 1
    if result.warnings:
        by_text: dict[str, list[int]] = {}
        for warning in result.warnings:
            by_text.setdefault(warning.message, []).append(warning.row)
        for text, rows in by_text.items():
            where = f"у рядку {rows[0]}" if len(rows) == 1 else f"у рядках {_rows_list(rows)}"
            print(f"Увага ({where}): {text} Імпорт це не зупиняє; перевірте в журналі.")
    if result.dry_run:
        print(
            f"Перевірено рядків: {result.rows}. Помилок немає, файл можна імпортувати. "
            "(Пробний запуск: базу даних не змінено.)"
        )
    elif result.imported:
        print(
            f"Імпортовано документів: {result.imported} (від № {result.first_number} "
            f"до № {result.last_number}). Нумерація продовжиться після найбільшого номера."
        )
    else:
        print("У файлі немає рядків з даними: нічого не імпортовано.")
    return 0


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    from app.services.exports import export_view, sort_key
    from app.services.register_view import ViewQuery

    output = args.file or args.output
    if not output:
        raise CliError("вкажіть файл, куди записати (ФАЙЛ або -o ФАЙЛ)", code=2)
    register = spec(args.register)
    view = ViewQuery(
        register=register.code,
        date_from=args.date_from,
        date_to=args.date_to,
        state=args.state,
        search=args.search,
        sort=sort_key(register, args.sort) if args.sort else "reg_date",
        descending=args.desc,
    )
    count = export_view(db, register, view, output, fmt=args.format, user=user())
    print(f"Вивантажено записів: {count} → {output}")
    return 0


GROUP = command_group(add_parsers, {"import": cmd_import, "export": cmd_export})
