"""Statistics of public-information requests for a period against the same period a year before.

What is counted, each with the article of ЗУ «Про доступ до публічної інформації» (2939-VI)
that gives the category (no official form of this report exists — councils publish such figures
in their own reports; the layout follows the appeals' report, app/reports/appeals.py):

* requests received, by **kind of requester** — ст. 12 ч. 1 п. 1: «фізичні, юридичні особи,
  об'єднання громадян без статусу юридичної особи» ✅ (protocol.ua reprint of ст. 12). The law
  has no separate kind for the media (ЗМІ): a journalist asks as a natural person, an editorial
  office as a legal entity, so there is no «ЗМІ» row; a kind stored beyond the three (an import)
  gets its own row rather than being lost;
* by **way received** — the register's list «Запити: спосіб надходження» (editable; not set by
  the law);
* **terms** of ст. 20 ✅: urgent (48 hours, ч. 2), extended to 20 working days (ч. 4) and the
  extensions the requester was told of late or not at all; answered within the term, after it,
  not yet answered — by the request's control (the result's date against the term);
* **results** by ground of ст. 22 ч. 1 пп. 1–4 ✅ (refusal), ч. 6 (відстрочка) ✅, ч. 3
  (forwarding to the proper holder) ❓ — the part number is from knowledge, the brief marks it
  unverified. Results are read by the article their text names («… (ст. 22 ч. 1 п. 2)»), so an
  administrator's renamed item still counts; one naming no article counts as «інший
  результат»;
* **copies for a fee** (ст. 21, beyond 10 pages): the requests and the sum the cards computed
  (what was charged, not what was paid — payments are not recorded).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from app.domain import appeal_classifier as cls
from app.domain.roles import Actor, actor_of, read
from app.registers.info_requests import REQUESTER_KINDS
from app.reports.appeals import this_and_last_year
from app.reports.tables import ReportPeriod, TableReport
from app.services.classifier import ensure_defaults, titles_in_order
from db.queries import appeals as q
from db.session import Database

TITLE = "Статистика запитів на публічну інформацію"
LAW = "ЗУ «Про доступ до публічної інформації»"

#: ст. 12 ч. 1 п. 1: the kinds of requester, as the report names them.
KIND_LABELS = (
    "від фізичних осіб",
    "від юридичних осіб",
    "від об'єднань громадян без статусу юридичної особи",
)
#: ст. 22 ч. 1: the grounds of refusal, by item.
REFUSAL_GROUNDS = (
    ("1", "розпорядник не володіє і не зобов'язаний володіти інформацією"),
    ("2", "інформація з обмеженим доступом"),
    ("3", "не оплачено фактичні витрати на копіювання (ст. 21)"),
    ("4", "запит не відповідає вимогам ч. 5 ст. 19"),
)
_ARTICLE = re.compile(r"ст\.\s*22\s*ч\.\s*(\d+)(?:\s*п\.\s*(\d+))?")


def result_kind(result: str) -> str:
    """What a result is, by the article its text names: «given», «refused:N» (ст. 22 ч. 1
    п. N), «refused» (a refusal naming no item), «deferred» (ч. 6), «forwarded» (ч. 3),
    «open» (no result), «other»."""
    text = result.strip()
    if not text:
        return "open"
    match = _ARTICLE.search(text)
    if match:
        part, item = match.group(1), match.group(2)
        if part == "1":
            return f"refused:{item}" if item else "refused"
        if part == "6":
            return "deferred"
        if part == "3":
            return "forwarded"
    lowered = text.lower()
    if lowered.startswith("відмов"):
        return "refused"
    if lowered.startswith("відстроч"):
        return "deferred"
    if lowered.startswith("надіслано"):
        return "forwarded"
    if lowered.startswith("інформацію надано") or lowered.startswith("надано"):
        return "given"
    return "other"


def _money(text: str) -> Decimal:
    """«33,30 грн» → 33.30 (a card's copying fee; anything else counts as nothing)."""
    try:
        return Decimal(text.replace("грн", "").replace(" ", "").replace(",", ".").strip())
    except InvalidOperation:
        return Decimal("0")


@dataclass(frozen=True)
class Figures:
    flags: dict[str, int]
    kinds: dict[str, int]
    ways: dict[str, int]
    results: dict[str, int]
    charged: Decimal


def figures(db: Database, date_from: date, date_to: date) -> Figures:
    """Every count of one period, in one read transaction."""
    with db.read() as s:
        results: dict[str, int] = {}
        for text, n in q.count_requests_by(s, "result", date_from, date_to).items():
            kind = result_kind(text)
            results[kind] = results.get(kind, 0) + n
        costs = q.request_copy_costs(s, date_from, date_to)
        return Figures(
            flags=q.request_flags(s, date_from, date_to),
            kinds=q.count_requests_by(s, "requester_kind", date_from, date_to),
            ways=q.count_requests_by(s, "received_way", date_from, date_to),
            results=results,
            charged=sum((_money(c) for c in costs), Decimal("0")),
        )


def _rows(db: Database, now: Figures, before: Figures) -> list[list[object]]:
    rows: list[list[object]] = []

    def both(label: str, ref: str, pick: Callable[[Figures], object]) -> None:
        rows.append([label, ref, pick(before), pick(now)])

    def flag(key: str) -> Callable[[Figures], int]:
        return lambda f: f.flags[key]

    def kind(title: str) -> Callable[[Figures], int]:
        return lambda f: f.kinds.get(title, 0)

    def way(title: str) -> Callable[[Figures], int]:
        return lambda f: f.ways.get(title, 0)

    def result(key: str) -> Callable[[Figures], int]:
        return lambda f: f.results.get(key, 0)

    both("Надійшло запитів — усього", "", flag("total"))
    rows.append(["За видом запитувача:", "", "", ""])
    for title, label in zip(REQUESTER_KINDS, KIND_LABELS, strict=True):
        both(f"  {label}", "ст. 12 ч. 1 п. 1", kind(title))
    others = sorted({k for f in (now, before) for k in f.kinds if k and k not in REQUESTER_KINDS})
    for title in others:
        both(f"  {title}", "", kind(title))
    both("  вид не вказано", "", kind(""))
    rows.append(["За способом надходження:", "", "", ""])
    for title in titles_in_order(db, cls.REQUEST_RECEIVED, now.ways, before.ways):
        both(f"  {title[:1].lower()}{title[1:]}", "", way(title))
    if now.ways.get("") or before.ways.get(""):  # required on the card: only old imports
        both("  спосіб не вказано", "", way(""))
    both("Термінових — 48 годин", "ст. 20 ч. 2", flag("urgent"))
    both("Строк продовжено до 20 робочих днів", "ст. 20 ч. 4", flag("extended"))
    both("  повідомлено про продовження із запізненням або не повідомлено", "ст. 20 ч. 4",
         flag("notice_late"))  # fmt: skip
    both("Розглянуто в строк", "ст. 20", flag("in_term"))
    both("Розглянуто з порушенням строку", "ст. 20", flag("late"))
    both("Ще не розглянуто", "", flag("open"))
    rows.append(["Результати розгляду:", "", "", ""])
    both("  Інформацію надано", "", result("given"))
    refusals = ("refused", *(f"refused:{n}" for n, _ in REFUSAL_GROUNDS))
    both("  Відмовлено — усього", "ст. 22 ч. 1",
         lambda f: sum(f.results.get(k, 0) for k in refusals))  # fmt: skip
    for number, label in REFUSAL_GROUNDS:
        both(f"    {label}", f"ст. 22 ч. 1 п. {number}", result(f"refused:{number}"))
    both("    підставу не вказано", "ст. 22 ч. 1", result("refused"))
    both("  Надіслано належному розпоряднику", "ст. 22 ч. 3", result("forwarded"))
    both("  Відстрочено", "ст. 22 ч. 6", result("deferred"))
    both("  Інший результат", "", result("other"))
    both("Копії понад 10 сторінок за плату — запитів", "ст. 21", flag("charged"))
    both("  нараховано, грн", "", lambda f: f"{f.charged:.2f}".replace(".", ","))
    return rows


def info_requests_report(db: Database, user: str | Actor, period: ReportPeriod) -> TableReport:
    """The statistics of `period` beside the same period a year before (PermissionDenied
    unless the actor may read the information requests' register)."""
    actor = actor_of(user)
    actor.require(read("info_requests"))
    ensure_defaults(db)
    period, before = this_and_last_year(period)
    assert period.date_from is not None and before.date_from is not None
    now_figures = figures(db, period.date_from, period.date_to)
    before_figures = figures(db, before.date_from, before.date_to)
    return TableReport(
        title=TITLE,
        period=period,
        columns=("Показник", f"Стаття {LAW}", before.text, period.text),
        rows=_rows(db, now_figures, before_figures),
        notes=(
            "Запити враховано за датою надходження; строк — за контролем запиту (дата "
            "результату порівняно з терміном, зокрема продовженим).",
            "ЗМІ окремо не виділено: ст. 12 не визначає їх окремим видом запитувача "
            "(журналіст — фізична особа, редакція — юридична).",
            "Результати враховано за статтею, яку називає їх текст; пересилання (ст. 22 ч. 3) "
            "— номер частини не звірено з офіційним текстом закону.",
            "Плата за копії — нараховано за граничними нормами ПКМУ № 740 (ред. 2020), не "
            "сплачено: оплати програма не обліковує.",
        ),
        widths=(4.6, 1.4, 1.5, 1.5),
    )
