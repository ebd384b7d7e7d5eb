"""Statistics of citizens' appeals for a period against the same period a year before.

Regulation 31.13.2: the appeals unit sums up the written and oral appeals for every month,
quarter, half-year and year. The layout is the one in production use in councils' reports
(next-registers.md §3.3, the Kyiv 1551 report «за рік чи півріччя»): the number of appeals and
how they came (classifier 1.x), the results (9.x), repeated (2.2) and collective (5.2), by
category of author (7.x, grouped as in the report), and the questions raised by topic (II).
Items are counted by their classifier number, so a renamed item still counts with its number;
every figure is one grouped SQL query per period (a year of 200,000 appeals in well under a
second on an index of the registration date).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from app.domain import appeal_classifier as cls
from app.domain.roles import Actor, actor_of, read
from app.reports.tables import ReportPeriod, TableReport
from app.services.classifier import ensure_defaults, titles_in_order
from db.queries import appeals as q
from db.queries import classifier as classifier_q
from db.session import Database

TITLE = "Статистика звернень громадян"

#: Groups of authors' categories as the report names them (classifier 7.x).
CATEGORY_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("від учасників війни, осіб з інвалідністю внаслідок війни, УБД", ("7.1", "7.3", "7.4", "7.5")),
    ("від осіб з інвалідністю I–III групи", ("7.7", "7.8", "7.9")),
    ("від ветеранів праці", ("7.6",)),
    ("від дітей війни", ("7.2",)),
    ("від членів багатодітних сімей, одиноких матерів, матерів-героїнь", ("7.11", "7.12", "7.13")),
    ("від учасників ліквідації аварії на ЧАЕС та потерпілих", ("7.14", "7.15")),
    ("від внутрішньо переміщених осіб", ("7.20",)),
)


@dataclass(frozen=True)
class Figures:
    """What one period counts, by classifier number (or title where an item has none)."""

    flags: dict[str, int]
    received: dict[str, int]
    sign: dict[str, int]
    subject: dict[str, int]
    result: dict[str, int]
    category: dict[str, int]
    topic: dict[str, int]


def _by_code(counts: dict[str, int], codes: dict[str, str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for title, n in counts.items():
        key = codes.get(title) or title
        result[key] = result.get(key, 0) + n
    return result


def figures(db: Database, date_from: date, date_to: date) -> Figures:
    """Every count of one period, in one read transaction."""
    with db.read() as s:
        codes = {name: classifier_q.codes_by_title(s, name) for name in cls.DEFAULTS}
        return Figures(
            flags=q.count_by_flag(s, date_from, date_to),
            received=_by_code(
                q.count_by_detail(s, "received_way", date_from, date_to), codes[cls.RECEIVED]
            ),
            sign=_by_code(q.count_by_detail(s, "sign", date_from, date_to), codes[cls.SIGN]),
            subject=_by_code(
                q.count_by_detail(s, "subject", date_from, date_to), codes[cls.SUBJECT]
            ),
            result=_by_code(q.count_by_detail(s, "result", date_from, date_to), codes[cls.RESULT]),
            category=_by_code(q.count_by_category(s, date_from, date_to), codes[cls.CATEGORY]),
            topic=q.count_by_topic(s, date_from, date_to),
        )


def _sum(counts: dict[str, int], keys: Iterable[str]) -> int:
    return sum(counts.get(k, 0) for k in keys)


def _count(name: str, keys: tuple[str, ...]) -> Callable[[Figures], int]:
    """The sum of `keys` in the counts `name` of a period's figures."""

    def pick(f: Figures) -> int:
        return _sum(getattr(f, name), keys)

    return pick


def previous_year(period: ReportPeriod) -> ReportPeriod:
    """The same period a year before (29 February → 28 February)."""
    start = period.date_from or period.date_to
    return ReportPeriod(start - relativedelta(years=1), period.date_to - relativedelta(years=1))


def this_and_last_year(period: ReportPeriod) -> tuple[ReportPeriod, ReportPeriod]:
    """The period a statistics table compares (no start: from 1 January of its end's year) and
    the same period a year before, both with a start."""
    start = period.date_from or date(period.date_to.year, 1, 1)
    return ReportPeriod(start, period.date_to), previous_year(ReportPeriod(start, period.date_to))


def _rows(db: Database, now: Figures, before: Figures) -> list[list[object]]:
    rows: list[list[object]] = []

    def both(label: str, item: str, pick: Callable[[Figures], int]) -> None:
        rows.append([label, item, pick(before), pick(now)])

    both("Надійшло звернень — усього", "", lambda f: f.flags["total"])
    for code, title in (
        ("1.1", "поштою (електронною поштою)"),
        ("1.1.1", "засобами телефонного зв'язку"),
        ("1.2", "на особистому прийомі"),
        ("1.3", "через уповноважену особу"),
        ("1.4", "через органи влади"),
        ("1.5", "через засоби масової інформації"),
        ("1.6", "від інших органів, установ, організацій"),
    ):
        both(f"  у т. ч. {title}", code, _count("received", (code,)))
    both("Результати розгляду: вирішено позитивно", "9.1", lambda f: f.result.get("9.1", 0))
    both("  відмовлено у задоволенні", "9.2", lambda f: f.result.get("9.2", 0))
    both("  дано роз'яснення", "9.3", lambda f: f.result.get("9.3", 0))
    both("  інше", "9.4–9.6", lambda f: _sum(f.result, cls.OTHER_RESULTS))
    both("  ще на розгляді (без результату)", "", lambda f: f.result.get("", 0))
    both("Повторних", "2.2", lambda f: f.sign.get("2.2", 0))
    both("Дублетних", "2.3", lambda f: f.sign.get("2.3", 0))
    both("Колективних", "5.2", lambda f: f.subject.get("5.2", 0))
    both("Анонімних", "5.3", lambda f: f.subject.get("5.3", 0))
    both("Від осіб, що мають пільги (першочерговий розгляд)", "", lambda f: f.flags["privileged"])
    for label, codes in CATEGORY_GROUPS:
        both(f"  {label}", ", ".join(codes), _count("category", codes))
    both("Розглянуто з порушенням строку", "", lambda f: f.flags["late"])
    both("Кількість питань, порушених у зверненнях — усього", "II", lambda f: sum(f.topic.values()))
    for topic in titles_in_order(db, cls.TOPIC, now.topic, before.topic):
        both(f"  {topic}", "", _count("topic", (topic,)))
    return rows


def appeals_report(db: Database, user: str | Actor, period: ReportPeriod) -> TableReport:
    """The statistics of `period` beside the same period a year before (PermissionDenied
    unless the actor may read the appeals register)."""
    actor = actor_of(user)
    actor.require(read("appeals"))
    ensure_defaults(db)
    period, before = this_and_last_year(period)
    assert period.date_from is not None and before.date_from is not None
    now_figures = figures(db, period.date_from, period.date_to)
    before_figures = figures(db, before.date_from, before.date_to)
    return TableReport(
        title=TITLE,
        period=period,
        columns=("Показник", "Пункт класифікатора", before.text, period.text),
        rows=_rows(db, now_figures, before_figures),
        notes=(
            "Класифікатор звернень — ПКМУ від 24.09.2008 № 858 (пункти в редакції, яку веде "
            "адміністратор); узагальнення за п. 31.13.2 Регламенту.",
            "Категорії авторів: звернення з кількома авторами різних категорій враховано в "
            "кожній з них; питань може бути більше, ніж звернень.",
        ),
        widths=(5.0, 1.3, 1.6, 1.6),
    )
