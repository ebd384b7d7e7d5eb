"""`python -m app awards …`: what the HR officer does with the register of awards beyond
registering petitions (import, export and the journal are the registers' common commands:
`import awards FILE`, `export awards FILE`, `print journal awards`).

    awards certificates --order 145-р | --occasion ТЕКСТ [--year Р] | --ceremony ДД.ММ.РРРР
                        [--start N] [--limit K] [--preprinted] -o ФАЙЛ.pdf
                        (also `print certificates …`: the same arguments, the same code)
    awards grant --order 145-р --numbers 1,2,5-9 [--year Р]   one order grants many (28.5)
    awards stats [--from ДД.ММ.РРРР] [--to ДД.ММ.РРРР]        the HR report's section 6
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, date_arg, positive_int, user, write
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    awards = command(sub, "awards", "нагородження: грамоти пакетом, розпорядження, статистика")
    what = awards.add_subparsers(dest="awards_command", required=True, metavar="ДІЯ")
    certificate_args(
        command(what, "certificates", "грамоти, подяки, вітальні адреси (PDF) для вибірки")
    )
    grant = command(what, "grant", "нагородити розпорядженням (одне розпорядження — багато)")
    grant.add_argument("--order", required=True, metavar="НОМЕР", help="напр. 145-р")
    grant.add_argument("--numbers", required=True, metavar="1,2,5-9",
                       help="номери в реєстрі нагороджень")  # fmt: skip
    grant.add_argument("--year", type=int, metavar="РІК", help="рік внесення подань")
    stats = command(what, "stats", "статистика нагороджень за період (за видами, приводами)")
    stats.add_argument("--from", dest="date_from", type=date_arg, metavar="ДД.ММ.РРРР",
                       help="початок (типово 1 січня)")  # fmt: skip
    stats.add_argument("--to", dest="date_to", type=date_arg, metavar="ДД.ММ.РРРР",
                       help="кінець (типово сьогодні)")  # fmt: skip


def certificate_args(certs: argparse.ArgumentParser) -> None:
    """The selection and the options of a batch of certificates (`awards certificates` and its
    alias `print certificates`)."""
    which = certs.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--order", metavar="НОМЕР", help="усі нагородження розпорядження, напр. 145-р"
    )
    which.add_argument("--occasion", metavar="ПРИВІД", help="напр. «День Незалежності України»")
    which.add_argument("--ceremony", type=date_arg, metavar="ДД.ММ.РРРР", help="дата вручення")
    certs.add_argument("--year", type=int, metavar="РІК", help="рік (для --occasion)")
    certs.add_argument("--start", type=positive_int, default=1, metavar="N",
                       help="почати з N-ї грамоти (після зминання паперу)")  # fmt: skip
    certs.add_argument("--limit", type=positive_int, metavar="K", help="не більше K грамот")
    certs.add_argument("--preprinted", action="store_true",
                       help="лише текст (друк на готових бланках, зі зсувом принтера)")  # fmt: skip
    certs.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.pdf", help="куди записати")


def cmd_awards(db: Database, args: argparse.Namespace) -> int:
    if args.awards_command == "certificates":
        return certificates(db, args)
    if args.awards_command == "grant":
        return _grant(db, args)
    return _stats(db, args)


def certificates(db: Database, args: argparse.Namespace) -> int:
    """Print the certificates of the selection (`certificate_args`) to `args.output`."""
    from app.services import awards
    from app.services.printouts import print_selection

    ids = awards.select_awards(
        db,
        order=args.order or "",
        occasion=args.occasion or "",
        ceremony=args.ceremony,
        year=args.year or (date.today().year if args.occasion else None),
        user=user(),
    )
    if not ids:
        raise CliError("Нагороджень за цією вибіркою немає")
    options: dict[str, Any] = {"start": args.start, "limit": args.limit}
    if args.preprinted:
        from app.services.settings import print_settings

        offsets = print_settings(db)
        options.update(
            preprinted=True, offset_x_mm=offsets.offset_x_mm, offset_y_mm=offsets.offset_y_mm
        )
    data = print_selection(db, "award_certificates_pdf", ids, user(), **options)
    write(args.output, data)
    shown = min(len(ids) - args.start + 1, args.limit or len(ids))
    print(f"Записано: {args.output} ({shown} з {len(ids)}, починаючи з № {args.start})")
    return 0


def _numbers(text: str) -> list[int]:
    found: list[int] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        low, dash, high = part.partition("-")
        try:
            first, last = int(low), int(high) if dash else int(low)
        except ValueError as exc:
            raise CliError(f"Незрозумілий номер «{part}»: пишіть 1,2,5-9") from exc
        found.extend(range(first, last + 1))
    return found


def _grant(db: Database, args: argparse.Namespace) -> int:
    from app.registers import AWARDS
    from app.services import awards
    from app.services.imports import find_document_id

    year = args.year or date.today().year
    ids = []
    for n in _numbers(args.numbers):
        doc_id = find_document_id(db, AWARDS, str(n), year)
        if doc_id is None:
            raise CliError(f"Нагородження № {n} за {year} рік не знайдено")
        ids.append(doc_id)
    changed = awards.grant(db, ids, args.order, user())
    print(f"Розпорядженням № {args.order} нагороджено: {changed} (вибрано {len(ids)})")
    return 0


def _stats(db: Database, args: argparse.Namespace) -> int:
    """The report of `report awards` (app/reports/awards.py) printed as lines, not a file."""
    from app.reports.awards import build
    from app.reports.tables import ReportPeriod, cell_text

    end = args.date_to or date.today()
    start = args.date_from or date(end.year, 1, 1)
    report = build(db, user(), ReportPeriod(start, end))
    print(f"{report.title} {report.period.text}")
    persons, collectives = (c.lower() for c in report.columns[2:4])
    for row in report.rows:
        label, total, to_persons, to_collectives = (cell_text(c) for c in row)
        split = f" ({persons} {to_persons}, {collectives} {to_collectives})" if to_persons else ""
        print(f"  {label}: {total}{split}")
    for note in report.notes:
        print(note)
    return 0


GROUP = command_group(add_parsers, {"awards": cmd_awards})
