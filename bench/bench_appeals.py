"""The appeals' figures: the year's statistics and the repeat check on saving, at size.

    python bench/bench_appeals.py [N] [YEARS]

Builds a temporary SQLite database with N appeals (default 10,000) spread over YEARS years
(default 2) — a detail row, one or two authors and one or two topics each, a third with a
result — through SQLAlchemy Core inserts, then times:

* `appeals_report` for the last full year beside the year before (the issue: < 1 s);
* `likely_repeats` for a new appeal of an author who wrote before (the issue: < 50 ms);
* `info_requests_report` over N // 10 information requests (a tenth of them extended, most
  answered, some charged for copies) for the year beside the year before.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from app.domain import appeal_classifier as cls
from app.domain.text import normalize_search, uk_sort_key
from app.reports.appeals import appeals_report
from app.reports.info_requests import info_requests_report
from app.reports.tables import ReportPeriod
from app.services.appeals import likely_repeats
from app.services.classifier import ensure_defaults
from db.migrate import upgrade
from db.models import (
    AppealApplicant,
    AppealDetail,
    AppealTopic,
    ControlEvent,
    Document,
    InfoRequestDetail,
)
from db.session import Database, make_engine

SURNAMES = ["Мельник", "Коваленко", "Бондаренко", "Ткаченко", "Шевченко", "Кравченко", "Ґонта"]
NAMES = ["Олена", "Іван", "Марія", "Петро", "Ганна", "Василь", "Тетяна", "Андрій"]


def build(db: Database, n: int, years: int, end: date) -> None:
    rnd = random.Random(12)
    titles = {k: [i.title for i in v] for k, v in cls.DEFAULTS.items()}
    start = end - timedelta(days=365 * years)
    days = sorted(start + timedelta(days=rnd.randrange(365 * years)) for _ in range(n))
    seq: dict[int, int] = {}
    docs, details, authors, topics = [], [], [], []
    for doc_id, day in enumerate(days, start=1):
        seq[day.year] = seq.get(day.year, 0) + 1
        docs.append(
            dict(
                id=doc_id,
                register="appeals",
                series="",
                year=day.year,
                seq=seq[day.year],
                reg_number=str(seq[day.year]),
                reg_date=day,
                summary="Про ремонт даху",
                on_control=True,
                due_date=day + timedelta(days=30),
                done_date=day + timedelta(days=rnd.randint(5, 40)) if rnd.random() < 0.7 else None,
            )
        )
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(NAMES)} {rnd.randint(1, 2000)}"
        details.append(
            dict(
                document_id=doc_id,
                received_way=rnd.choice(titles[cls.RECEIVED]),
                sign=rnd.choice(titles[cls.SIGN][:2]),
                appeal_type=rnd.choice(titles[cls.TYPE]),
                subject=rnd.choice(titles[cls.SUBJECT][:2]),
                form="Лист",
                author_name=name,
                author_sort=uk_sort_key(name)[:80],
                result=rnd.choice(titles[cls.RESULT]) if rnd.random() < 0.7 else "",
            )
        )
        for position in range(1, rnd.choice((2, 1, 1, 1)) + 1):
            authors.append(
                dict(
                    document_id=doc_id,
                    position=position,
                    surname=name.split()[0],
                    given_name=name.split()[1],
                    category=rnd.choice(titles[cls.CATEGORY]),
                    name_key=normalize_search(name),
                )
            )
        for position, topic in enumerate(rnd.sample(titles[cls.TOPIC], rnd.choice((1, 2))), 1):
            topics.append(dict(document_id=doc_id, position=position, topic=topic))
    with db.write() as s:
        for model, rows in (
            (Document, docs),
            (AppealDetail, details),
            (AppealApplicant, authors),
            (AppealTopic, topics),
        ):
            for i in range(0, len(rows), 5000):
                s.execute(insert(model), rows[i : i + 5000])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")


def build_requests(db: Database, n: int, years: int, end: date, first_id: int) -> None:
    """`n` information requests with their details; a tenth extended (a control entry)."""
    rnd = random.Random(13)
    titles = {k: [i.title for i in v] for k, v in cls.DEFAULTS.items()}
    kinds = ["Фізична особа", "Юридична особа", "Об'єднання громадян без статусу юридичної особи"]
    start = end - timedelta(days=365 * years)
    days = sorted(start + timedelta(days=rnd.randrange(365 * years)) for _ in range(n))
    docs, details, events = [], [], []
    for doc_id, day in enumerate(days, start=first_id):
        done = day + timedelta(days=rnd.randint(1, 12)) if rnd.random() < 0.8 else None
        docs.append(
            dict(
                id=doc_id, register="info_requests", series="", year=day.year, seq=doc_id,
                reg_number=f"{doc_id}-ПІ", reg_date=day, summary="Копії рішень",
                on_control=True, due_date=day + timedelta(days=7), done_date=done,
            )
        )  # fmt: skip
        pages = rnd.choice((0, 0, 0, 5, 14, 30))
        details.append(
            dict(
                document_id=doc_id, requester="Запитувач", requester_kind=rnd.choice(kinds),
                received_way=rnd.choice(titles[cls.REQUEST_RECEIVED]),
                result=rnd.choice(titles[cls.REQUEST_RESULT]) if done else "",
                result_date=done, pages=pages,
                copy_cost=f"{(pages - 10) * 6.66:.2f} грн".replace(".", ",") if pages > 10 else "",
            )
        )  # fmt: skip
        if rnd.random() < 0.1:
            events.append(dict(document_id=doc_id, kind="extend", event_date=day))
    with db.write() as s:
        for model, rows in ((Document, docs), (InfoRequestDetail, details), (ControlEvent, events)):
            for i in range(0, len(rows), 5000):
                s.execute(insert(model), rows[i : i + 5000])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")


def best(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    end = date(2026, 12, 31)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "appeals.sqlite"
        engine = make_engine(str(path))
        upgrade(engine)
        engine.dispose()
        db = Database(path)
        ensure_defaults(db)
        started = time.perf_counter()
        build(db, n, years, end)
        print(f"{n} звернень за {years} р.: побудовано за {time.perf_counter() - started:.1f} с")
        year = ReportPeriod(date(2026, 1, 1), date(2026, 12, 31))
        report = best(lambda: appeals_report(db, "", year))
        print(f"статистика за рік поруч із попереднім: {report * 1000:.0f} мс")
        values = {
            "applicants": [{"surname": "Мельник", "given_name": "Олена 17"}],
            "topics": [{"topic": "Житлова політика"}],
        }
        repeat = best(lambda: likely_repeats(db, values, date(2026, 12, 30)), runs=20)
        print(f"перевірка на повторність під час реєстрації: {repeat * 1000:.1f} мс")
        requests = max(n // 10, 1)
        build_requests(db, requests, years, end, n + 1)
        stat = best(lambda: info_requests_report(db, "", year))
        print(f"статистика {requests} запитів на інформацію за рік: {stat * 1000:.0f} мс")
        db.engine.dispose()


if __name__ == "__main__":
    main()
