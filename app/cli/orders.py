"""`python -m app orders …`: what the general department does with the mayor's orders beyond
registering them (import, export and the journal are the registers' common commands:
`import orders FILE`, `export orders FILE`, `print journal orders --series personnel`).

    orders archive [--on ДД.ММ.РРРР] [-o ФАЙЛ.pdf]   orders due for the archive (4.17)
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.common import date_arg, user, write
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    orders = command(sub, "orders", "розпорядження міського голови: передача до архіву")
    what = orders.add_subparsers(dest="orders_command", required=True, metavar="ДІЯ")
    archive = command(what, "archive", "розпорядження, що підлягають передачі до архіву (п. 4.17)")
    archive.add_argument(
        "--on", type=date_arg, metavar="ДД.ММ.РРРР", help="станом на (типово сьогодні)"
    )
    archive.add_argument("-o", "--output", metavar="ФАЙЛ.pdf", help="надрукувати список у PDF")


def cmd_orders(db: Database, args: argparse.Namespace) -> int:
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
