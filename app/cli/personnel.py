"""`import personnel FILE`: employees and their service history from a spreadsheet (the
`import` command dispatches here; app/services/personnel_import.py does the work)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.cli.common import user

if TYPE_CHECKING:
    from db.session import Database


def import_personnel(db: Database, args: argparse.Namespace) -> int:
    from app.services.personnel_import import import_personnel as run

    result = run(db, args.file, user(), dry_run=args.dry_run)
    if result.problems:
        bad_rows = len({p.row for p in result.problems})
        print(
            f"Файл не імпортовано: помилок — {len(result.problems)} у {bad_rows} рядках. "
            "Базу даних не змінено.",
            file=sys.stderr,
        )
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Виправте файл і запустіть імпорт ще раз.", file=sys.stderr)
        return 1
    if result.dry_run:
        print(
            f"Перевірено записів: {result.rows} ({result.people} працівників). Помилок немає. "
            "(Пробний запуск: базу даних не змінено.)"
        )
        return 0
    print(
        f"Імпортовано записів послужних списків: {result.events}; працівників: "
        f"{result.people}, з них нових: {result.new_people}."
    )
    return 0
