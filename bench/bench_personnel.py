"""Personnel figures on a large database: 10,000 employees with 300,000 history events
(issue 13's figures).

    python bench/bench_personnel.py /tmp/dilovod-personnel.sqlite          # builds it if missing
    python bench/bench_personnel.py /tmp/dilovod-personnel.sqlite --people 2000

Prints: the register's first screen (count + first page of 200), the first screen searched by
a surname, a personal card (the card's values with the audit entry, the history, seniority),
the HR report for a year, and the reminders scan. Each figure is the median of several runs
after one warm-up. The database is built through the driver (executemany), not the services.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain import personnel as rules
from app.domain.text import uk_sort_key
from app.reports.personnel import build_report
from app.reports.tables import ReportPeriod
from app.services import personnel as hr
from app.services.personnel_reminders import refresh_all
from app.services.register_view import ViewQuery
from db.migrate import upgrade
from db.session import Database

SURNAMES = ("Коваль", "Мельник", "Шевченко", "Бондар", "Ткачук", "Кравчук", "Олійник", "Гнатюк")
GIVEN = ("Олена", "Іван", "Марія", "Петро", "Ярина", "Андрій", "Оксана", "Богдан")
KINDS = (
    (rules.VACATION, 40),
    (rules.MATERIAL_AID, 15),
    (rules.TRIP, 8),
    (rules.EVALUATION, 10),
    (rules.TRAINING, 6),
    (rules.RANK, 5),
    (rules.SENIORITY, 4),
    (rules.TRANSFER, 3),
    (rules.UNPAID_LEAVE, 3),
    (rules.CONTRACT, 2),
    (rules.INTERNSHIP, 2),
    (rules.PROBATION, 2),
)
TODAY = date(2026, 12, 1)
GENERAL = "за загальним трудовим законодавством"


def build(path: str, people: int, per_person: int) -> None:
    db = Database(path)
    upgrade(db.engine)
    rng = random.Random(13)
    names, weights = zip(*KINDS, strict=True)
    lists = {kind: hr.choice_list(db, kind) for kind in rules.EVENT_KINDS}
    started = time.perf_counter()
    raw = db.engine.raw_connection()
    cur = raw.cursor()
    stamp = "2026-12-01 00:00:00"
    cur.execute(
        "INSERT INTO department (id, name, index_code, active, uuid, created_at, updated_at,"
        " changed_by, usn) VALUES (1, 'Відділ кадрів', '02', 1, ?, ?, ?, '', 0)",
        (uuid.uuid4().hex, stamp, stamp),
    )
    staff, files, events = [], [], []
    event_id = 0
    for i in range(1, people + 1):
        surname, given = rng.choice(SURNAMES) + str(i), rng.choice(GIVEN)
        active = rng.random() > 0.1
        staff.append(
            (i, surname, given, "Іванович", "m", "спеціаліст", 1, "", "",
             uk_sort_key(f"{surname} {given}")[:150], int(active),
             uuid.uuid4().hex, stamp, stamp, "", 0)
        )  # fmt: skip
        hired = TODAY - timedelta(days=rng.randint(100, 8000))
        files.append(
            (i, str(i), date(1980, 1, 1).isoformat(), "", "", "", "", 6, 13,
             hired.isoformat(), None, uuid.uuid4().hex, stamp, stamp, "", 0)
        )  # fmt: skip
        event_id += 1
        events.append(
            (event_id, i, rules.HIRE, hired.isoformat(), None, GENERAL, "спеціаліст", 1, 6, 13,
             None, None, None, "", None, "",
             uuid.uuid4().hex, stamp, stamp, "", 0)
        )  # fmt: skip
        kinds = rng.choices(names, weights, k=per_person - 2)
        # Everyone trained within the last 4 years (a department that keeps its 5-year rule),
        # and has the bonus of the last threshold reached (set when it was reached).
        trained = max(hired, TODAY - timedelta(days=rng.randint(30, 1400)))
        event_id += 1
        events.append(
            (event_id, i, rules.TRAINING, trained.isoformat(), trained.isoformat(), "семінар",
             "", None, None, None, None, None, None, "", None, "",
             uuid.uuid4().hex, stamp, stamp, "", 0)
        )  # fmt: skip
        reached_all = [t for t in rules.THRESHOLDS if rules.add_years(hired, t) <= TODAY]
        if reached_all:
            kinds[0] = rules.SENIORITY
        for n, kind in enumerate(kinds):
            reached = reached_all
            day = hired + timedelta(days=rng.randint(1, max(2, (TODAY - hired).days)))
            if n == 0 and reached_all:
                day = rules.add_years(hired, reached_all[-1])
            end = (
                (day + timedelta(days=rng.randint(3, 40))).isoformat()
                if kind in rules.WITH_END
                else None
            )
            if kind == rules.SENIORITY:  # the bonus of the threshold reached by then
                reached = [t for t in rules.THRESHOLDS if rules.add_years(hired, t) <= day]
                kind = rules.SENIORITY if reached else rules.VACATION
            detail = rng.choice(lists[kind]) if lists.get(kind) else ""
            amount = reached[-1] if kind == rules.SENIORITY else None
            event_id += 1
            events.append(
                (event_id, i, kind, day.isoformat(), end, detail, "", None, None, None, amount,
                 None, None, "", None, "", uuid.uuid4().hex, stamp, stamp, "", 0)
            )  # fmt: skip
    cur.executemany(
        "INSERT INTO staff (id, surname, given_name, patronymic, gender, position, department_id,"
        " phone, dative_override, sort_key, active, uuid, created_at, updated_at, changed_by, usn)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        staff,
    )
    cur.executemany(
        "INSERT INTO personnel_file (staff_id, personnel_number, birth_date, email, address,"
        " education, notes, category, rank, hired_date, dismissed_date, uuid, created_at,"
        " updated_at, changed_by, usn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        files,
    )
    cur.executemany(
        "INSERT INTO personnel_event (id, staff_id, kind, event_date, end_date, detail, post,"
        " department_id, category, rank, amount, percent, order_id, order_number, order_date,"
        " notes, uuid, created_at, updated_at, changed_by, usn)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        events,
    )
    raw.commit()
    raw.close()
    refresh_all(db)  # the reminders' state of every file, as the services keep it
    db.dispose()
    print(f"built {people} people, {len(events)} events in {time.perf_counter() - started:.1f} s")


def measure(label: str, fn: Callable[[], object], target_ms: float, runs: int = 5) -> None:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    verdict = "  OK" if median < target_ms else f"  OVER {target_ms:g} ms"
    print(f"{label:<44} {median:8.1f} ms  (min {min(times):.1f}, max {max(times):.1f}){verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=30, help="events per person")
    args = parser.parse_args()
    if not Path(args.path).exists():
        build(args.path, args.people, args.events)
    db = Database(args.path)

    def first_screen(search: str = "") -> None:
        view = hr.PersonnelView(db, ViewQuery("personnel", search=search), "hr")
        view.count()
        view.page(0, 200)

    def card() -> None:
        hr.card_values(db, 5000, "hr")
        hr.history(db, 5000, "hr")
        hr.seniority_of(db, 5000, TODAY)

    year = ReportPeriod(date(2025, 1, 1), date(2025, 12, 31))
    measure("first screen (count + 200 rows)", first_screen, 150)
    measure("first screen, search «ткачук»", lambda: first_screen("ткачук"), 150)
    measure("personal card (values, history, seniority)", card, 100)
    measure("HR report for a year", lambda: build_report(db, "hr", year), 1000)
    found = len(hr.reminders(db, "hr", TODAY).items)
    measure(f"reminders scan ({found} reminders)", lambda: hr.reminders(db, "hr", TODAY), 50)
    db.dispose()


if __name__ == "__main__":
    main()
