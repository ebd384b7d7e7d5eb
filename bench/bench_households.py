"""Household books at scale: the first screen, search, the completeness table, and the
exchange of a district's changes (export in the copy, import at the centre), on SQLite.

    python bench/bench_households.py [OBJECTS] [--years 5] [--changed 5000] [--dir DIR]

OBJECTS (default 30,000) are spread over five districts, each object with a family and the
yearly sections of `--years` years (the demo's generator). Each timing is the best of three
runs of the service the window or the CLI calls.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, update

from app.domain.roles import Actor
from app.reports.households import completeness
from app.reports.tables import ReportPeriod
from app.services import household_exchange as ex
from app.services.demo.households import generate
from app.services.household_view import HouseholdView
from app.services.register_view import ViewQuery
from db.exchange import transaction_usn
from db.migrate import upgrade
from db.models import HouseholdMember, HouseholdObject, HouseholdYear
from db.session import Database

DISTRICTS = (
    ("ПР", "Прилуцький", "Олена Савчук", ("Прилуки", "Дачне", "Сирники")),
    ("ЗБ", "Заборольський", "Іван Ткачук", ("Забороль", "Антонівка", "Шепель")),
    ("КН", "Княгининівський", "Марія Гнатюк", ("Княгинінок", "Милуші", "Сапогове")),
    ("ЖД", "Жидичинський", "Петро Мороз", ("Жидичин", "Кульчин", "Клепачів")),
    ("БГ", "Боголюбський", "Ганна Лисенко", ("Боголюби", "Тарасове", "Зміїнець")),
)
PASSWORD = "bench-password-2026"
SYSTEM = Actor.system_user("bench")


def best(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("objects", nargs="?", type=int, default=30_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--changed", type=int, default=5_000)
    parser.add_argument("--dir", default="")
    args = parser.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="hh-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    centre_path = folder / "centre.sqlite"
    for old in folder.glob("*.sqlite*"):
        old.unlink()
    centre = Database(str(centre_path))
    upgrade(centre.engine)
    today = date(2026, 10, 1)
    years = tuple(range(today.year - args.years + 1, today.year + 1))
    started = time.perf_counter()
    counts = generate(
        centre,
        random.Random(2026),
        objects_per_district=args.objects // len(DISTRICTS),
        districts=DISTRICTS,
        years=years,
        today=today,
    )
    with centre.read() as s:
        yearly = s.execute(select(func.count()).select_from(HouseholdYear)).scalar_one()
    print(
        f"built {counts['objects']} objects, {counts['members']} members, {yearly} yearly "
        f"sections, {counts['events']} events in {time.perf_counter() - started:.1f} s"
    )

    def first_screen() -> int:
        view = HouseholdView(centre, ViewQuery("household", sort="account", descending=False))
        view.count()
        return len(view.page(0, 60))

    ms, _ = best(first_screen)
    print(f"first screen (count + 60 rows): {ms:.1f} ms")
    for text in ("мельник", "мар'янівська", "ковальчук олена", "1234"):

        def search(text: str = text) -> int:
            view = HouseholdView(centre, ViewQuery("household", search=text, descending=False))
            total = view.count()
            view.page(0, 60)
            return total

        ms, found = best(search)
        print(f"search «{text}» (count + 60 rows): {ms:.1f} ms, found {found}")
    period = ReportPeriod(date(today.year, 1, 1), date(today.year, 12, 31))
    ms, table = best(lambda: completeness(centre, SYSTEM, period))
    print(f"completeness table, {len(table.columns) - 1} districts, a year: {ms:.1f} ms")

    copy_path = folder / "district.sqlite"
    started = time.perf_counter()
    ex.make_copy(centre, "ПР", copy_path)
    print(f"district copy: {time.perf_counter() - started:.2f} s")
    copy = Database(str(copy_path))
    with copy.write() as s:  # a season's work: this many objects and their families changed
        usn = transaction_usn(s)
        ids = list(s.scalars(select(HouseholdObject.id).limit(args.changed)))
        s.execute(update(HouseholdObject).where(HouseholdObject.id.in_(ids)).values(usn=usn))
        s.execute(update(HouseholdMember).where(HouseholdMember.object_id.in_(ids)).values(usn=usn))
    started = time.perf_counter()
    data, result = ex.export_changes(copy, PASSWORD)
    export_s = time.perf_counter() - started
    print(
        f"export of {len(ids)} changed objects ({result.rows} rows, {len(data) // 1024} KiB): "
        f"{export_s:.2f} s"
    )
    started = time.perf_counter()
    imported = ex.import_changes(centre, data, PASSWORD)
    print(f"import at the centre ({imported.rows} rows): {time.perf_counter() - started:.2f} s")
    copy.dispose()
    centre.dispose()


if __name__ == "__main__":
    main()
