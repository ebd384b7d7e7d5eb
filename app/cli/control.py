"""`control report|execution|reminders`: documents on control, the 29.4 figures, reminders."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.common import date_arg, positive_int, user, write
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    ctl = command(sub, "control", "контроль виконання документів")
    ctl_sub = ctl.add_subparsers(dest="control_command", metavar="дія", required=True)
    report = command(ctl_sub, "report", "звіт про документи на контролі станом на дату")
    report.add_argument("--on", type=date_arg, metavar="ДД.ММ.РРРР",
                        help="станом на яку дату (типово — сьогодні)")  # fmt: skip
    report.add_argument("--format", choices=("csv", "pdf"), metavar="csv|pdf",
                        help="формат файлу (типово — за розширенням, інакше pdf)")  # fmt: skip
    report.add_argument("-o", "--output", required=True, metavar="ФАЙЛ", help="куди записати")
    _add_control_centre_commands(command, ctl_sub)


def _add_control_centre_commands(command: CommandMaker, ctl_sub: Any) -> None:
    """`control execution` (the period report, regulation 29.4 figures) and `control reminders`."""
    execution = command(ctl_sub, "execution", "довідка про стан виконання документів за період")
    execution.add_argument("--from", dest="date_from", type=date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="початок періоду")  # fmt: skip
    execution.add_argument("--to", dest="date_to", type=date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="кінець періоду")  # fmt: skip
    execution.add_argument(
        "-o", "--out", "--output", dest="output", metavar="ФАЙЛ",
        help="довідка у .pdf або показники виконавців (п. 29.4) у .csv чи .xlsx; "
        "без файлу — показники на екран",
    )  # fmt: skip
    remind = command(ctl_sub, "reminders", "нагадування виконавцям про терміни (PDF)")
    remind.add_argument("--days", type=positive_int, default=3, metavar="N",
                        help="терміни за N робочих днів і прострочені (типово 3)")  # fmt: skip
    remind.add_argument("-o", "--out", "--output", dest="output", required=True,
                        metavar="ФАЙЛ.pdf", help="куди записати")  # fmt: skip


def _cmd_control_report(db: Database, args: argparse.Namespace) -> int:
    from app.domain.dates import format_date
    from app.reports.access import record_report, require_reports
    from app.reports.control import control_report
    from app.services.exports import write_control_report_csv

    actor = require_reports(user())
    on_date = args.on or date.today()
    fmt = args.format or ("csv" if args.output.lower().endswith(".csv") else "pdf")
    report = control_report(db, on_date, user=actor)
    if fmt == "csv":
        write_control_report_csv(report, args.output)
    else:
        from app.printing.control_report import print_control_report
        from app.reports.control import printable
        from app.services.table_files import cannot_write

        try:
            print_control_report(printable(report), args.output)
        except OSError as exc:
            raise cannot_write(args.output, exc) from exc
    record_report(db, actor, f"документи на контролі станом на {format_date(on_date)}", args.output)
    print(
        f"Станом на {format_date(on_date)} на контролі документів: {len(report.lines)}, "
        f"з них прострочено: {report.overdue} → {args.output}"
    )
    _say_covered(actor)
    return 0


def _cmd_control_execution(db: Database, args: argparse.Namespace) -> int:
    from app.reports import execution as ex
    from app.reports.access import record_report, require_reports

    actor = require_reports(user())
    report = ex.execution_report(db, args.date_from, args.date_to, user=actor)
    out = args.output or ""
    if out.lower().endswith(".pdf"):
        write(out, ex.report_pdf(report))
    elif out:
        ex.export_executor_figures(report, out)
    record_report(db, actor, f"стан виконання документів {report.period_text}", out)
    if not out:
        for block in report.figures.departments:
            for line in (block.line, *block.executors):
                indent = "  " if line.group.level == "executor" else ""
                print(f"{indent}{line.name}: {_figures_text(line.figures)}")
    print(
        f"Усього {report.period_text}: {_figures_text(report.total)}" + (f" → {out}" if out else "")
    )
    _say_covered(actor)
    return 0


def _say_covered(actor: Any) -> None:
    """A user who may not read every controllable register is told which ones the report
    holds (the others are left out of it, not counted as zero)."""
    from app.services.access import control_scope, scope_text

    covered = scope_text(control_scope(actor))
    if covered:
        print(f"Лише реєстри, доступні користувачеві: {covered}")


def _figures_text(f: Any) -> str:
    from app.reports.execution import format_share

    share = format_share(f.share_on_time)
    return (
        f"вчасно {f.on_time}, із запізненням {f.late}, не виконано в термін {f.overdue}, "
        f"термін не настав {f.pending}, частка вчасно {share}{' %' if share != '—' else ''}"
    )


def _cmd_control_reminders(db: Database, args: argparse.Namespace) -> int:
    from app.domain.dates import format_date
    from app.reports.access import record_report, require_reports
    from app.reports.reminders import reminders, reminders_pdf

    actor = require_reports(user())
    result = reminders(db, args.days, user=actor)
    write(args.output, reminders_pdf(result))
    record_report(db, actor, "нагадування виконавцям", args.output)
    print(
        f"Нагадувань: {len(result.sheets)}, документів у них: {result.documents} (термін до "
        f"{format_date(result.limit_date)} і прострочені) → {args.output}"
    )
    if result.without_executor:
        print(f"Без головного виконавця (нагадати нікому): {result.without_executor}")
    _say_covered(actor)
    return 0


def cmd_control(db: Database, args: argparse.Namespace) -> int:
    handlers = {
        "report": _cmd_control_report,
        "execution": _cmd_control_execution,
        "reminders": _cmd_control_reminders,
    }
    return handlers[args.control_command](db, args)


GROUP = command_group(add_parsers, {"control": cmd_control})
