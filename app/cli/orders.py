"""`python -m app orders …`: what the general department does with the mayor's orders beyond
registering them (import, export and the journal are the registers' common commands:
`import orders FILE`, `export orders FILE`, `print journal orders --series personnel`).

    orders archive [--on ДД.ММ.РРРР] [-o ФАЙЛ.pdf]   orders due for the archive (4.17)
    orders heading --number 12-к [--year Р] -o ФАЙЛ.pdf   the heading of the order's blank
    orders copies --from … --to … [--series S] -o ФАЙЛ.pdf   copies handed, with signature lines
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, date_arg, user, write
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    orders = command(sub, "orders", "розпорядження міського голови: бланк, копії, архів")
    what = orders.add_subparsers(dest="orders_command", required=True, metavar="ДІЯ")
    archive = command(what, "archive", "розпорядження, що підлягають передачі до архіву (п. 4.17)")
    archive.add_argument(
        "--on", type=date_arg, metavar="ДД.ММ.РРРР", help="станом на (типово сьогодні)"
    )
    archive.add_argument("-o", "--output", metavar="ФАЙЛ.pdf", help="надрукувати список у PDF")
    heading = command(what, "heading", "заголовна частина бланка розпорядження (для шаблону)")
    heading.add_argument("--number", required=True, metavar="НОМЕР", help="напр. 12-к")
    heading.add_argument("--year", type=int, metavar="РІК", help="рік (типово — поточний)")
    heading.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")
    copies = command(what, "copies", "реєстр видачі копій розпоряджень виконавцям (п. 4.16)")
    copies.add_argument("--from", dest="date_from", type=date_arg, required=True,
                        metavar="ДД.ММ.РРРР", help="підписані з")  # fmt: skip
    copies.add_argument("--to", dest="date_to", type=date_arg, required=True,
                        metavar="ДД.ММ.РРРР", help="по")  # fmt: skip
    copies.add_argument("--series", default="", metavar="СЕРІЯ", help="main або personnel")
    copies.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")


def cmd_orders(db: Database, args: argparse.Namespace) -> int:
    if args.orders_command == "heading":
        return _heading(db, args)
    if args.orders_command == "copies":
        return _copies(db, args)
    return _archive(db, args)


def _heading(db: Database, args: argparse.Namespace) -> int:
    from app.registers import ORDERS
    from app.services import printouts
    from app.services.imports import find_document_id

    year = args.year or date.today().year
    doc_id = find_document_id(db, ORDERS, args.number, year)
    if doc_id is None:
        raise CliError(f"Розпорядження № {args.number} за {year} рік не знайдено")
    write(args.output, printouts.print_document(db, "order_heading_pdf", doc_id, user()))
    print(f"Записано: {args.output}")
    return 0


def _copies(db: Database, args: argparse.Namespace) -> int:
    from app.cli.printing import _series
    from app.registers import ORDERS
    from app.services.order_printouts import order_copies_register_period_pdf

    series = _series(ORDERS, args.series) or None
    data = order_copies_register_period_pdf(db, args.date_from, args.date_to, series, user())
    write(args.output, data)
    print(f"Записано: {args.output}")
    return 0


def _archive(db: Database, args: argparse.Namespace) -> int:
    from app.services.orders_archive import archive_list_pdf, due_for_archive

    on = args.on or date.today()
    if args.output:
        write(args.output, archive_list_pdf(db, user(), on))
        return 0
    batches = due_for_archive(db, on, user())
    if not batches:
        print(f"Станом на {on:%d.%m.%Y} розпоряджень до передачі в архів немає.")
    for b in batches:
        print(
            f"{b.year} рік, {b.series}: {b.count} (№ {b.first_number} – {b.last_number}), "
            f"до передачі з {b.due_from:%d.%m.%Y}"
        )
    return 0


GROUP = command_group(add_parsers, {"orders": cmd_orders})
