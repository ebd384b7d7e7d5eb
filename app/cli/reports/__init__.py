"""`report NAME --from … --to … -o FILE`: every statistical report of the program.

A register's report is one small module in this package calling `report(...)` at import: its
name, its help line and a function that builds a `TableReport` for a period. The parser, the
formats (CSV, XLSX, PDF by extension), the audit entry and the summary line are here, once.
All modules of the package are imported when the command group is, so adding a report is adding
a file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, date_arg, user
from app.cli.registry import CommandMaker, command_group
from app.reports.tables import ReportPeriod, TableReport

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from db.session import Database

#: `build(db, actor, period)`: checks the actor's rights itself (PermissionDenied otherwise).
Builder = Callable[["Database", "Actor", ReportPeriod], TableReport]


@dataclass(frozen=True)
class ReportKind:
    name: str
    help: str
    build: Builder
    #: False for a report «станом на дату» (`--on`), True for a period (`--from`, `--to`).
    period: bool = True


KINDS: dict[str, ReportKind] = {}


def report(name: str, help: str, build: Builder, *, period: bool = True) -> None:
    """Register a report (called by a module of this package at import)."""
    KINDS[name] = ReportKind(name, help, build, period)


def _load_kinds() -> None:
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


def add_parsers(command: CommandMaker, sub: Any) -> None:
    _load_kinds()
    if not KINDS:
        return
    rep = command(sub, "report", "статистичні звіти за період: CSV, XLSX або PDF")
    rep_sub = rep.add_subparsers(dest="report_name", metavar="звіт", required=True)
    for kind in KINDS.values():
        p = command(rep_sub, kind.name, kind.help)
        if kind.period:
            p.add_argument("--from", dest="date_from", type=date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="початок періоду")  # fmt: skip
            p.add_argument("--to", dest="date_to", type=date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="кінець періоду")  # fmt: skip
        else:
            p.add_argument("--on", dest="date_to", type=date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="станом на дату")  # fmt: skip
        p.add_argument("--format", choices=("csv", "xlsx", "pdf"), metavar="csv|xlsx|pdf",
                       help="формат файлу (типово — за розширенням)")  # fmt: skip
        p.add_argument("-o", "--output", required=True, metavar="ФАЙЛ", help="куди записати")


def _cmd_report(db: Database, args: argparse.Namespace) -> int:
    from app.reports.access import record_report
    from app.services.organisation import get_organisation
    from app.services.report_files import report_format, write_report

    kind = KINDS[args.report_name]
    period = ReportPeriod(getattr(args, "date_from", None), args.date_to)
    if period.date_from is not None and period.date_from > period.date_to:
        raise CliError("Початок періоду пізніший за його кінець")
    fmt = report_format(args.output, args.format)
    actor = user()
    table = kind.build(db, actor, period)
    org = get_organisation(db)
    write_report(table, args.output, org.full_name if org else "", fmt)
    record_report(db, actor, f"{table.title} {period.text}", args.output)
    print(f"{table.title} {period.text}: рядків {len(table.rows)} → {args.output}")
    return 0


command_group(add_parsers, {"report": _cmd_report})
