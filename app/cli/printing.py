"""`print …`: the printouts of one document, a register's journal, envelopes and labels, and
`print certificates` — the awards' batch of `awards certificates` under the name the brief gives."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, date_arg, positive_int, register_codes, spec, user, write
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from app.registers.base import RegisterSpec
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    registers = register_codes()
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
    card.add_argument("--copies", type=positive_int, default=3, metavar="N",
                      help="кількість примірників (типово 3)")  # fmt: skip
    _add_mail_commands(command, prn_sub, document_args)
    for name, help_text in (
        ("agenda", "порядок денний засідання виконкому (на погодження міському голові)"),
        ("protocol", "проєкт протоколу засідання виконкому"),
        ("drafts", "проєкти рішень засідання з візами"),
        ("decisions", "перелік рішень, прийнятих на засіданні"),
    ):
        meeting = command(prn_sub, name, help_text)
        meeting.add_argument("--date", dest="meeting_date", type=date_arg, required=True,
                             metavar="ДД.ММ.РРРР", help="дата засідання")  # fmt: skip
        meeting.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf",
                             help="куди записати")  # fmt: skip
    journal = command(prn_sub, "journal", "журнал реєстрації за період")
    journal.add_argument("register", nargs="?", choices=registers, default="incoming",
                         metavar="реєстр", help="incoming — вхідні (типово)")  # fmt: skip
    journal.add_argument("--from", dest="date_from", type=date_arg, metavar="ДД.ММ.РРРР",
                         help="початок періоду (типово 1 січня поточного року)")  # fmt: skip
    journal.add_argument("--to", dest="date_to", type=date_arg, metavar="ДД.ММ.РРРР",
                         help="кінець періоду (типово сьогодні)")  # fmt: skip
    journal.add_argument(
        "--series", default="", metavar="СЕРІЯ",
        help="реєстр із серіями (розпорядження): main — основна діяльність, "
        "personnel — кадрові; без неї — кожна серія окремо",
    )  # fmt: skip
    journal.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf",
                         help="куди записати")  # fmt: skip
    _add_certificate_command(command, prn_sub)
    from app.cli.awards import certificate_args

    certificate_args(command(prn_sub, "certificates", "грамоти, подяки, вітальні адреси "
                             "(PDF) для вибірки — те саме, що awards certificates"))  # fmt: skip


def _add_certificate_command(command: CommandMaker, prn_sub: Any) -> None:
    cert = command(prn_sub, "household-certificate", "довідка з погосподарської книги")
    cert.add_argument("--district", required=True, metavar="ОКРУГ",
                      help="старостинський округ: назва або код")  # fmt: skip
    cert.add_argument("--account", required=True, type=positive_int, metavar="N",
                      help="номер особового рахунку")  # fmt: skip
    cert.add_argument("--book", type=positive_int, metavar="N",
                      help="номер книги (якщо рахунок є в кількох книгах)")  # fmt: skip
    cert.add_argument("--kind", required=True, metavar="ВИД",
                      help="residents — склад зареєстрованих осіб, land — земельні ділянки, "
                      "osg — ведення особистого селянського господарства")  # fmt: skip
    cert.add_argument("--applicant", default="", metavar="ПІБ", help="кому видано")
    cert.add_argument("--purpose", default="", metavar="ТЕКСТ", help="для подання куди")
    cert.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")


def _add_mail_commands(
    command: CommandMaker,
    prn_sub: Any,
    document_args: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Envelopes and labels for one outgoing document or for a period; the distribution list."""

    def mail_args(p: argparse.ArgumentParser) -> None:
        which = p.add_mutually_exclusive_group()
        which.add_argument("--number", metavar="НОМЕР", help="вихідний номер, напр. 12/01-12")
        which.add_argument("--id", dest="doc_id", type=int, metavar="ID", help="код документа")
        which.add_argument("--from", dest="date_from", type=date_arg, metavar="ДД.ММ.РРРР",
                           help="усі вихідні, зареєстровані від цієї дати")  # fmt: skip
        p.add_argument("--to", dest="date_to", type=date_arg, metavar="ДД.ММ.РРРР",
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


def _series(register: RegisterSpec, typed: str) -> str:
    """The series code a typed name names («personnel», «кадрові», «-к»); "" for none."""
    if not typed:
        return ""
    if not register.series:
        raise CliError(f"Реєстр «{register.title}» не має серій")
    from app.registers.fields import FieldError, FieldKind

    field = next(f for f in register.fields if f.kind == FieldKind.SERIES)
    try:
        return str(field.parse(typed) or "")
    except FieldError as exc:
        raise CliError(exc.message) from exc


def _document_id(db: Database, args: argparse.Namespace) -> int:
    if args.doc_id is not None:
        return int(args.doc_id)
    from app.services.imports import find_document_id

    year = args.year or date.today().year
    found = find_document_id(db, spec(args.register), args.number, year)
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


def cmd_print(db: Database, args: argparse.Namespace) -> int:
    try:
        from app.services import printouts
    except ImportError as exc:  # pragma: no cover - while printing is being written
        raise CliError(f"Друк недоступний: {exc}") from exc
    what = args.print_command
    if what == "certificates":  # the awards' batch: one implementation (app/cli/awards.py)
        from app.cli.awards import certificates

        return certificates(db, args)
    if what in ("agenda", "protocol", "drafts", "decisions"):
        from app.services.meeting_printouts import meeting_pdf
        from app.services.meetings import MeetingError

        try:
            data = meeting_pdf(db, what, args.meeting_date, user())
        except MeetingError as exc:
            raise CliError(str(exc)) from exc
    elif what == "household-certificate":
        from app.services import household_certificates as certs
        from app.services.household_view import find_object

        object_id = find_object(db, args.district, args.account, user(), args.book)
        issued = certs.issue(
            db, object_id, args.kind, applicant=args.applicant, purpose=args.purpose, user=user()
        )
        data = certs.certificate_pdf(issued)
        print(f"Довідка № {issued.number}")
    elif what == "journal":
        today = date.today()
        date_from = args.date_from or date(today.year, 1, 1)
        date_to = args.date_to or today
        register = spec(args.register)
        series = _series(register, args.series)
        data = printouts.journal_pdf(db, register, date_from, date_to, user(), series=series)
    elif what in ("envelopes", "labels"):
        from app.services import mail_printouts

        ids = _mail_documents(db, args)
        if what == "envelopes":
            data = mail_printouts.batch_envelopes_pdf(db, ids, args.size, user=user())
        else:
            data = mail_printouts.batch_labels_pdf(db, ids, args.skip, args.layout, user())
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
        data = printouts.print_document(db, function, doc_id, user(), **options)
    write(args.output, data)
    print(f"Записано: {args.output}")
    return 0


GROUP = command_group(add_parsers, {"print": cmd_print})
