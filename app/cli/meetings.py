"""`python -m app meetings …`: the executive committee's meetings (the decisions themselves are
a register: `import decisions FILE`, `export decisions FILE`, `print journal decisions`).

    meetings plan --year РРРР [-o ФАЙЛ.csv]   the year's plan with its deadlines (adds the
                                              third Thursdays not yet planned)
    meetings archive [--on ДД.ММ.РРРР] [-o ФАЙЛ.pdf]   decisions and protocols due for the archive
    meetings regulatory --year РРРР [-o ФАЙЛ.pdf]   trackings of regulatory acts due that year
    print agenda --date ДД.ММ.РРРР -o ФАЙЛ.pdf     (app/cli/printing.py)
    print protocol --date ДД.ММ.РРРР -o ФАЙЛ.pdf
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.common import date_arg, user
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    meetings = command(sub, "meetings", "засідання виконкому: план на рік зі строками")
    what = meetings.add_subparsers(dest="meetings_command", required=True, metavar="ДІЯ")
    plan = command(what, "plan", "план засідань на рік (третій четвер о 14:00) зі строками")
    plan.add_argument("--year", type=int, metavar="РРРР", help="рік (типово — поточний)")
    plan.add_argument("-o", "--output", metavar="ФАЙЛ.csv", help="записати план у CSV")
    archive = command(what, "archive", "рішення і протоколи до передачі в архів (пп. 6.19, 6.22)")
    archive.add_argument("--on", type=date_arg, metavar="ДД.ММ.РРРР", help="станом на")
    archive.add_argument("-o", "--output", metavar="ФАЙЛ.pdf", help="надрукувати у PDF")
    reg = command(what, "regulatory", "план-графік відстеження регуляторних актів на рік")
    reg.add_argument("--year", type=int, metavar="РРРР", help="рік (типово — поточний)")
    reg.add_argument("-o", "--output", metavar="ФАЙЛ.pdf", help="надрукувати у PDF")


def cmd_meetings(db: Database, args: argparse.Namespace) -> int:
    from app.services import meeting_printouts, meetings

    year = getattr(args, "year", None) or date.today().year
    if args.meetings_command == "regulatory":
        return _regulatory(db, year, args.output)
    if args.meetings_command == "archive":
        return _archive(db, args.on, args.output)
    added = meetings.plan_year(db, year, user())
    if added:
        print(f"Додано до плану засідань {year} року: {added}")
    if args.output:
        n = meeting_printouts.write_plan_csv(db, year, args.output, user())
        print(f"Записано: {args.output} (засідань: {n})")
    else:
        for row in meeting_printouts.plan_rows(db, year, user()):
            print(
                f"{row[0]} {row[1]}  {row[2]:<12} оприлюднення до {row[4]}, "
                f"подання до {row[5]}, погодження до {row[6]}, надсилання до {row[7]}"
            )
    return 0


def _archive(db: Database, on: date | None, output: str | None) -> int:
    from app.cli.common import write
    from app.services import decisions_archive

    if output:
        write(output, decisions_archive.archive_list_pdf(db, user(), on))
        print(f"Записано: {output}")
        return 0
    batches = decisions_archive.due_for_archive(db, on, user())
    for b in batches:
        print(f"{b.year}  {b.what:<20} {b.count:>5}  № {b.first_number} — № {b.last_number}")
    if not batches:
        print("Рішень і протоколів до передачі в архів немає")
    return 0


def _regulatory(db: Database, year: int, output: str | None) -> int:
    from app.cli.common import write
    from app.domain.dates import format_date
    from app.services import regulatory

    if output:
        write(output, regulatory.plan_pdf(db, year, user()))
        print(f"Записано: {output}")
        return 0
    today = date.today()
    rows = regulatory.trackings(db, year, user())
    for r in rows:
        print(
            f"№ {r.number} від {format_date(r.adopted)}  {r.title_of_tracking:<14} "
            f"до {format_date(r.due)}  {r.state(today):<12} {r.title}"
        )
    if not rows:
        print(f"Відстежень регуляторних актів у {year} році немає")
    return 0


GROUP = command_group(add_parsers, {"meetings": cmd_meetings})
