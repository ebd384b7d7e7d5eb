"""`python -m app demo`: fill a database with a living office (incoming and outgoing)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.common import positive_int, user
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    demo = command(
        sub, "demo", "заповнити порожню базу демонстраційними даними (базу з документами — ні)"
    )
    demo.add_argument(
        "--documents", type=positive_int, default=3000, metavar="N",
        help="скільки вхідних документів створити (типово 3000)",
    )  # fmt: skip
    demo.add_argument(
        "--years", type=positive_int, default=2, metavar="РОКИ",
        help="за скільки останніх років (типово 2)",
    )  # fmt: skip
    demo.add_argument("--seed", type=int, help="зерно випадкових чисел (однакові дані щоразу)")


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from app.services.demo import fill_demo

    result = fill_demo(
        db,
        documents_count=args.documents,
        years=args.years,
        seed=args.seed,
        progress=lambda text: print(text, flush=True),
        user=user(),
    )
    from app.domain.dates import format_date

    print(
        f"Готово за {result.seconds:.1f} с. Виконавчих органів: {result.departments}, "
        f"працівників: {result.staff}, кореспондентів: {result.correspondents}, "
        f"справ у номенклатурі: {result.case_files}.\n"
        f"Вхідних документів: {result.documents} "
        f"(з {format_date(result.date_from)} по {format_date(result.date_to)}), "
        f"на контролі: {result.on_control}, прострочено: {result.overdue}, "
        f"термін спливає: {result.due_soon}, виконано із запізненням: {result.done_late}.\n"
        f"Вихідних документів: {result.outgoing}."
    )
    return 0


GROUP = command_group(add_parsers, {"demo": cmd_demo})
