"""The command line: `python -m app [--db DB] [command]`, thin over the services.

Without a command the window starts. The UI is imported only then, so the commands run on a
machine without a display. Every command speaks Ukrainian, including argparse's own words, and a
user's mistake (a wrong date, a missing file, a bad row in an import) ends with a message on
stderr and a non-zero exit code, never with a traceback.

Exit codes: 0 — done; 1 — the command could not do its job (bad data, a refused operation);
2 — the command line or the database itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_backup import add_backup_commands, cmd_backup, cmd_restore
from app.domain.roles import Actor, PermissionDenied
from app.paths import chosen_database, default_database

if TYPE_CHECKING:
    from app.registers.base import RegisterSpec
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


class CliError(Exception):
    """A command that cannot go on; the message is for the user, the code is the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _date_arg(text: str) -> date:
    from app.domain.dates import DateError, parse_date

    try:
        return parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _positive_int(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"потрібне ціле невід'ємне число, а не «{text}»")
    return int(text)


def _register_codes() -> list[str]:
    from app.registers import REGISTERS

    return list(REGISTERS)


REGISTER_HELP = "incoming — вхідні, outgoing — вихідні"


def _control_states() -> list[str]:
    """The states a view filters by (every process that uses them imports deadlines anyway)."""
    from app.domain.deadlines import ControlState

    return [state.value for state in ControlState if state is not ControlState.NONE]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="Діловод — реєстрація та контроль виконання документів виконавчого комітету.",
    )
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
    # --db is accepted after the command too: `python -m app demo --db x.sqlite`.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    sub = parser.add_subparsers(dest="command", metavar="команда")

    def command(
        group: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str
    ) -> argparse.ArgumentParser:
        return group.add_parser(name, help=text, description=text, parents=[common])

    command(sub, "gui", "запустити вікно програми (типово)")
    command(sub, "init", "створити або оновити схему бази даних")

    demo = command(sub, "demo", "заповнити базу демонстраційними даними")
    demo.add_argument(
        "--documents", type=_positive_int, default=3000, metavar="N",
        help="скільки вхідних документів створити (типово 3000)",
    )  # fmt: skip
    demo.add_argument(
        "--years", type=_positive_int, default=2, metavar="РОКИ",
        help="за скільки останніх років (типово 2)",
    )  # fmt: skip
    demo.add_argument("--seed", type=int, help="зерно випадкових чисел (однакові дані щоразу)")
    demo.add_argument(
        "--force", action="store_true", help="додати дані, навіть якщо в базі вже є документи"
    )

    registers = _register_codes()
    imp = command(sub, "import", "імпортувати журнал реєстрації з файлу CSV або XLSX")
    imp.add_argument("register", choices=registers, metavar="реєстр", help=REGISTER_HELP)
    imp.add_argument("file", metavar="ФАЙЛ", help="файл .csv або .xlsx; перший рядок — заголовки")
    imp.add_argument(
        "--dry-run", action="store_true", help="лише перевірити файл, нічого не записувати"
    )

    exp = command(sub, "export", "вивантажити реєстр (з відбором і сортуванням) у CSV або XLSX")
    exp.add_argument("register", choices=registers, metavar="реєстр", help=REGISTER_HELP)
    exp.add_argument("file", nargs="?", metavar="ФАЙЛ", help="куди записати (.xlsx або .csv)")
    exp.add_argument("--from", dest="date_from", type=_date_arg, metavar="ДД.ММ.РРРР",
                     help="початок періоду (дата реєстрації)")  # fmt: skip
    exp.add_argument("--to", dest="date_to", type=_date_arg, metavar="ДД.ММ.РРРР",
                     help="кінець періоду")  # fmt: skip
    states = _control_states()
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

    ctl = command(sub, "control", "контроль виконання документів")
    ctl_sub = ctl.add_subparsers(dest="control_command", metavar="дія", required=True)
    report = command(ctl_sub, "report", "звіт про документи на контролі станом на дату")
    report.add_argument("--on", type=_date_arg, metavar="ДД.ММ.РРРР",
                        help="станом на яку дату (типово — сьогодні)")  # fmt: skip
    report.add_argument("--format", choices=("csv", "pdf"), metavar="csv|pdf",
                        help="формат файлу (типово — за розширенням, інакше pdf)")  # fmt: skip
    report.add_argument("-o", "--output", required=True, metavar="ФАЙЛ", help="куди записати")
    _add_control_centre_commands(command, ctl_sub)

    _add_print_commands(command, sub, registers)
    add_backup_commands(command, sub)
    return parser


def _add_control_centre_commands(
    command: Callable[..., argparse.ArgumentParser], ctl_sub: Any
) -> None:
    """`control execution` (the period report, regulation 29.4 figures) and `control reminders`."""
    execution = command(ctl_sub, "execution", "довідка про стан виконання документів за період")
    execution.add_argument("--from", dest="date_from", type=_date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="початок періоду")  # fmt: skip
    execution.add_argument("--to", dest="date_to", type=_date_arg, required=True,
                           metavar="ДД.ММ.РРРР", help="кінець періоду")  # fmt: skip
    execution.add_argument(
        "-o", "--out", "--output", dest="output", metavar="ФАЙЛ",
        help="довідка у .pdf або показники виконавців (п. 29.4) у .csv чи .xlsx; "
        "без файлу — показники на екран",
    )  # fmt: skip
    remind = command(ctl_sub, "reminders", "нагадування виконавцям про строки (PDF)")
    remind.add_argument("--days", type=_positive_int, default=3, metavar="N",
                        help="строки протягом N робочих днів і прострочені (типово 3)")  # fmt: skip
    remind.add_argument("-o", "--out", "--output", dest="output", required=True,
                        metavar="ФАЙЛ.pdf", help="куди записати")  # fmt: skip


def _add_print_commands(
    command: Callable[..., argparse.ArgumentParser], sub: Any, registers: list[str]
) -> None:
    prn = command(sub, "print", "надрукувати у файл PDF: штамп, резолюцію, картку, журнал")
    prn_sub = prn.add_subparsers(dest="print_command", metavar="що", required=True)

    def document_args(p: argparse.ArgumentParser) -> None:
        which = p.add_mutually_exclusive_group(required=True)
        which.add_argument("--number", metavar="НОМЕР", help="реєстраційний номер, напр. 12/01-12")
        which.add_argument("--id", dest="doc_id", type=int, metavar="ID", help="код документа")
        p.add_argument("--year", type=int, metavar="РІК",
                       help="рік реєстрації (типово — поточний)")  # fmt: skip
        p.add_argument("--register", choices=registers, default="incoming", metavar="реєстр",
                       help="реєстр (типово incoming)")  # fmt: skip
        p.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")

    stamp = command(prn_sub, "stamp", "відмітка про надходження (і «Контроль», якщо на контролі)")
    document_args(stamp)
    stamp.add_argument("--no-control", action="store_true", help="без штампа «Контроль»")
    document_args(command(prn_sub, "control-stamp", "штамп «Контроль» з терміном"))
    res = command(prn_sub, "resolution", "бланк резолюції")
    document_args(res)
    res.add_argument("--resolution-id", type=int, metavar="ID",
                     help="яка резолюція (типово — остання)")  # fmt: skip
    card = command(prn_sub, "card", "реєстраційно-контрольна картка (РКК)")
    document_args(card)
    card.add_argument("--copies", type=_positive_int, default=3, metavar="N",
                      help="кількість примірників (типово 3)")  # fmt: skip
    _add_mail_commands(command, prn_sub, document_args)
    journal = command(prn_sub, "journal", "журнал реєстрації за період")
    journal.add_argument("register", nargs="?", choices=registers, default="incoming",
                         metavar="реєстр", help="incoming — вхідні (типово)")  # fmt: skip
    journal.add_argument("--from", dest="date_from", type=_date_arg, metavar="ДД.ММ.РРРР",
                         help="початок періоду (типово 1 січня поточного року)")  # fmt: skip
    journal.add_argument("--to", dest="date_to", type=_date_arg, metavar="ДД.ММ.РРРР",
                         help="кінець періоду (типово сьогодні)")  # fmt: skip
    journal.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf",
                         help="куди записати")  # fmt: skip


def _add_mail_commands(
    command: Callable[..., argparse.ArgumentParser],
    prn_sub: Any,
    document_args: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Envelopes and labels for one outgoing document or for a period; the distribution list."""

    def mail_args(p: argparse.ArgumentParser) -> None:
        which = p.add_mutually_exclusive_group()
        which.add_argument("--number", metavar="НОМЕР", help="вихідний номер, напр. 12/01-12")
        which.add_argument("--id", dest="doc_id", type=int, metavar="ID", help="код документа")
        which.add_argument("--from", dest="date_from", type=_date_arg, metavar="ДД.ММ.РРРР",
                           help="усі вихідні, зареєстровані від цієї дати")  # fmt: skip
        p.add_argument("--to", dest="date_to", type=_date_arg, metavar="ДД.ММ.РРРР",
                       help="до цієї дати (типово сьогодні)")  # fmt: skip
        p.add_argument("--unsent", action="store_true", help="лише ще не відправлені")
        p.add_argument("--year", type=int, metavar="РІК", help="рік реєстрації номера")
        p.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")
        p.set_defaults(register="outgoing")

    env = command(
        prn_sub, "envelopes", "конверти адресатам вихідних документів (типово — сьогоднішніх)"
    )
    mail_args(env)
    env.add_argument("--size", choices=("DL", "C5", "C4"), default="DL", metavar="DL|C5|C4",
                     help="розмір конверта (типово DL)")  # fmt: skip
    labels = command(prn_sub, "labels", "адресні наклейки для вихідних документів")
    mail_args(labels)
    labels.add_argument("--layout", choices=("3x8", "2x7"), default="3x8", metavar="3x8|2x7",
                        help="аркуш наклейок: 3x8 (70×37 мм) або 2x7 (99×38 мм)")  # fmt: skip
    labels.add_argument("--skip", type=int, default=0, metavar="N",
                        help="скільки наклейок аркуша вже використано")  # fmt: skip
    dist = command(prn_sub, "distribution", "список розсилки вихідного документа (п. 10.2)")
    which = dist.add_mutually_exclusive_group(required=True)
    which.add_argument("--number", metavar="НОМЕР", help="вихідний номер, напр. 12/01-12")
    which.add_argument("--id", dest="doc_id", type=int, metavar="ID", help="код документа")
    dist.add_argument("--year", type=int, metavar="РІК",
                      help="рік реєстрації (типово — поточний)")  # fmt: skip
    dist.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")
    dist.set_defaults(register="outgoing")


# --- commands ------------------------------------------------------------------------------


def _spec(code: str) -> RegisterSpec:
    from app.registers import REGISTERS

    return REGISTERS[code]


def _write(path: str, data: bytes) -> None:
    from app.services.exports import cannot_write

    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


def _cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from app.services.demo import fill_demo

    result = fill_demo(
        db,
        documents_count=args.documents,
        years=args.years,
        seed=args.seed,
        force=args.force,
        progress=lambda text: print(text, flush=True),
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


def _rows_list(rows: Sequence[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:30])
    return shown + (f" та ще {len(rows) - 30}" if len(rows) > 30 else "")


def _cmd_import(db: Database, args: argparse.Namespace) -> int:
    from app.services.imports import import_file

    result = import_file(db, _spec(args.register), args.file, dry_run=args.dry_run, user=_user())
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


def _cmd_export(db: Database, args: argparse.Namespace) -> int:
    from app.services.exports import export_view, sort_key
    from app.services.register_view import ViewQuery

    output = args.file or args.output
    if not output:
        raise CliError("вкажіть файл, куди записати (ФАЙЛ або -o ФАЙЛ)", code=2)
    spec = _spec(args.register)
    view = ViewQuery(
        register=spec.code,
        date_from=args.date_from,
        date_to=args.date_to,
        state=args.state,
        search=args.search,
        sort=sort_key(spec, args.sort) if args.sort else "reg_date",
        descending=args.desc,
    )
    count = export_view(db, spec, view, output, fmt=args.format, user=_user())
    print(f"Вивантажено записів: {count} → {output}")
    return 0


def _cmd_control_report(db: Database, args: argparse.Namespace) -> int:
    from app.domain.dates import format_date
    from app.reports.control import control_report
    from app.services.exports import write_control_report_csv

    on_date = args.on or date.today()
    fmt = args.format or ("csv" if args.output.lower().endswith(".csv") else "pdf")
    report = control_report(db, on_date)
    if fmt == "csv":
        write_control_report_csv(report, args.output)
    else:
        from app.printing.control_report import print_control_report
        from app.reports.control import printable
        from app.services.exports import cannot_write

        try:
            print_control_report(printable(report), args.output)
        except OSError as exc:
            raise cannot_write(args.output, exc) from exc
    print(
        f"Станом на {format_date(on_date)} на контролі документів: {len(report.lines)}, "
        f"з них прострочено: {report.overdue} → {args.output}"
    )
    return 0


def _cmd_control_execution(db: Database, args: argparse.Namespace) -> int:
    from app.reports import execution as ex

    report = ex.execution_report(db, args.date_from, args.date_to)
    out = args.output or ""
    if out.lower().endswith(".pdf"):
        _write(out, ex.report_pdf(report))
    elif out:
        ex.export_executor_figures(report, out)
    else:
        for block in report.figures.departments:
            for line in (block.line, *block.executors):
                indent = "  " if line.group.level == "executor" else ""
                print(f"{indent}{line.name}: {_figures_text(line.figures)}")
    print(
        f"Усього {report.period_text}: {_figures_text(report.total)}" + (f" → {out}" if out else "")
    )
    return 0


def _figures_text(f: Any) -> str:
    from app.reports.execution import format_share

    share = format_share(f.share_on_time)
    return (
        f"вчасно {f.on_time}, із запізненням {f.late}, не виконано в строк {f.overdue}, "
        f"строк не настав {f.pending}, частка вчасно {share}{' %' if share != '—' else ''}"
    )


def _cmd_control_reminders(db: Database, args: argparse.Namespace) -> int:
    from app.domain.dates import format_date
    from app.reports.reminders import reminders, reminders_pdf

    result = reminders(db, args.days)
    _write(args.output, reminders_pdf(result))
    print(
        f"Нагадувань: {len(result.sheets)}, документів у них: {result.documents} (строк до "
        f"{format_date(result.limit_date)} і прострочені) → {args.output}"
    )
    if result.without_executor:
        print(f"Без головного виконавця (нагадати нікому): {result.without_executor}")
    return 0


def _cmd_control(db: Database, args: argparse.Namespace) -> int:
    handlers = {
        "report": _cmd_control_report,
        "execution": _cmd_control_execution,
        "reminders": _cmd_control_reminders,
    }
    return handlers[args.control_command](db, args)


def _document_id(db: Database, args: argparse.Namespace) -> int:
    if args.doc_id is not None:
        return int(args.doc_id)
    from app.services.imports import find_document_id

    year = args.year or date.today().year
    found = find_document_id(db, _spec(args.register), args.number, year)
    if found is None:
        raise CliError(f"Документ № {args.number} за {year} рік не знайдено")
    return found


def _mail_documents(db: Database, args: argparse.Namespace) -> list[int]:
    """One document by number or id, else the outgoing documents of a period (default today)."""
    if args.number or args.doc_id is not None:
        return [_document_id(db, args)]
    from app.domain.dates import format_date
    from app.services.mail_printouts import sent_in_period

    date_to = args.date_to or date.today()
    date_from = args.date_from or date_to
    ids = sent_in_period(db, date_from, date_to, only_unsent=args.unsent)
    if not ids:
        raise CliError(
            f"Вихідних документів з {format_date(date_from)} по {format_date(date_to)} немає"
        )
    return ids


def _cmd_print(db: Database, args: argparse.Namespace) -> int:
    try:
        from app.services import printouts
    except ImportError as exc:  # pragma: no cover - while printing is being written
        raise CliError(f"Друк недоступний: {exc}") from exc
    what = args.print_command
    if what == "journal":
        today = date.today()
        date_from = args.date_from or date(today.year, 1, 1)
        date_to = args.date_to or today
        data = printouts.journal_pdf(db, _spec(args.register), date_from, date_to, _user())
    elif what in ("envelopes", "labels"):
        from app.services import mail_printouts

        ids = _mail_documents(db, args)
        if what == "envelopes":
            data = mail_printouts.batch_envelopes_pdf(db, ids, args.size, user=_user())
        else:
            data = mail_printouts.batch_labels_pdf(db, ids, args.skip, args.layout, _user())
    else:
        doc_id = _document_id(db, args)
        choices: dict[str, tuple[str, dict[str, Any]]] = {
            "distribution": ("distribution_list_pdf", {}),
            "stamp": ("stamp_pdf", {"with_control": not getattr(args, "no_control", False)}),
            "control-stamp": ("control_stamp_pdf", {}),
            "resolution": (
                "resolution_slip_pdf",
                {"resolution_id": getattr(args, "resolution_id", None)},
            ),
        }
        function, options = choices.get(what, ("card_pdf", {"copies": getattr(args, "copies", 3)}))
        data = printouts.print_document(db, function, doc_id, _user(), **options)
    _write(args.output, data)
    print(f"Записано: {args.output}")
    return 0


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "control": _cmd_control,
    "print": _cmd_print,
    "backup": cmd_backup,
}


def _run(db: Database, args: argparse.Namespace) -> int:
    """Run a command; user errors become a message on stderr and exit code 1."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return COMMANDS[args.command](db, args)
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
            from app.services.exports import os_error_text

            text = os_error_text(exc) + (f": {exc.filename}" if exc.filename else "")
        print(f"Помилка: {text}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"Помилка бази даних: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Перервано.", file=sys.stderr)
        return 130


_ACTOR: list[Actor] = []


def _user() -> Actor:
    """Who runs the command: the program user given by --user, else the OS user with every
    right (the CLI is a tool of whoever may open the database file or the server)."""
    if _ACTOR:
        return _ACTOR[-1]
    import getpass

    try:
        return Actor.system_user(getpass.getuser())
    except Exception:
        return Actor.system_user("")


def _login(db: Database, login: str) -> None:
    """Authenticate --user (the password is read from the terminal, or DILOVOD_PASSWORD)."""
    import getpass
    import os

    from app.services.users import authenticate

    password = os.environ.get("DILOVOD_PASSWORD") or getpass.getpass(f"Пароль для {login}: ")
    _ACTOR[:] = [authenticate(db, login, password)]


def main(
    argv: Sequence[str] | None = None, start_window: Callable[[str | None], int] | None = None
) -> int:
    """Run a command; without one, start the window through `start_window`.

    The window is passed in by the entry point (app/__main__.py) so that app/ never imports
    the UI layer: commands run on a machine without a display or Qt's libraries.
    """
    with _ukrainian_argparse():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return int(exc.code) if isinstance(exc.code, int) else 2
    if args.command in (None, "gui"):
        if start_window is None:
            print("Помилка: вікно програми тут недоступне", file=sys.stderr)
            return 2
        # None: the window opens this PC's stored server, else the local file (ui/startup.py).
        return start_window(args.db or chosen_database())
    target = args.db or default_database()
    if args.command == "restore":  # before opening: the database may be past opening
        return cmd_restore(target, args)
    from app.services.database import DatabaseOpenError, open_database

    try:
        opened = open_database(target)
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
                _login(opened.db, args.user)
            except LoginFailed as exc:
                print(f"Помилка: {exc}", file=sys.stderr)
                return 2
        return _run(opened.db, args)
    finally:
        opened.db.dispose()
