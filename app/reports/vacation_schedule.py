"""«Графік відпусток» for a calendar year, as HR prints it for approval.

ч. 4 ст. 79 КЗпП and ч. 10 ст. 10 ЗУ «Про відпустки» (504/96-ВР): the order of vacations is set
by schedules the employer approves in agreement with the trade union body and brings to every
employee's notice; the employee is told in writing of the start of the vacation at least two
weeks before the date the schedule sets ✅ (hrliga.com, kadrovik.ua; Держпраці's explanation on
sud.ua). No form is set by law (poradnica.com.ua, uteka.ua); the columns are the usual ones
(department, post, name, personnel number, kind, calendar days, dates, note) ⚠️ from HR
practice. Approval «не пізніше 5 січня» is a 1984 model rule, not a law: not enforced.

The schedule lists everyone in service at some time of the year, by department and name; the
annual vacations (основна, додаткова) of the service history that start within the year are
its dates — HR enters the planned ones as entries of the history; a person without one gets an
empty line to fill in by hand.
"""

from __future__ import annotations

from datetime import date

from app.domain import personnel as rules
from app.domain.dates import format_date
from app.domain.roles import Actor
from app.reports.tables import ReportPeriod, TableReport
from app.services import personnel as hr
from db.queries import personnel as q
from db.session import Database

ANNUAL = ("щорічна основна", "щорічна додаткова")
COLUMNS = (
    "№ з/п",
    "Структурний підрозділ",
    "Посада",
    "Прізвище, ім'я, по батькові",
    "Таб. №",
    "Вид відпустки",
    "Календарних днів",
    "Дата (з — по)",
    "Примітка",
)


def vacation_schedule(db: Database, user: str | Actor, year: int) -> TableReport:
    """The schedule of `year` (HR only: it names people)."""
    hr.require_read(user)
    start, end = date(year, 1, 1), date(year, 12, 31)
    with db.read() as s:
        people = q.in_service_during(s, start, end)
        vacations: dict[int, list[tuple[str, date | None, date | None]]] = {}
        for e in q.events_between(s, start, end, rules.VACATION, ANNUAL):
            vacations.setdefault(e.staff_id, []).append((e.detail, e.event_date, e.end_date))
    rows: list[list[object]] = []
    for person in people:
        name = " ".join(p for p in (person.surname, person.given_name, person.patronymic) if p)
        common = [person.department_name or "", person.position or "", name,
                  person.personnel_number or ""]  # fmt: skip
        mine = vacations.get(person.id) or [("", None, None)]
        for kind, first, last in mine:
            if first is None:
                rows.append([len(rows) + 1, *common, "", "", "", ""])
                continue
            days = (last - first).days + 1 if last else ""
            dates = f"{format_date(first)} — {format_date(last)}" if last else format_date(first)
            rows.append([len(rows) + 1, *common, kind, days, dates, ""])
    return TableReport(
        title=f"Графік відпусток на {year} рік",
        period=ReportPeriod(start, end),
        columns=COLUMNS,
        rows=rows,
        notes=(
            "Погоджено з виборним органом первинної профспілкової організації (профспілковим "
            "представником): ____________________",
            "Черговість відпусток визначає графік, затверджений роботодавцем і доведений до "
            "відома всіх працівників (ч. 4 ст. 79 КЗпП, ч. 10 ст. 10 ЗУ «Про відпустки»); про "
            "дату початку відпустки працівника повідомляють письмово не пізніше ніж за два "
            "тижні.",
            "Дати — записи послужних списків «Відпустка» (щорічна основна, додаткова) цього "
            "року; порожні рядки заповнюють від руки.",
        ),
        widths=(0.5, 1.8, 1.8, 2.2, 0.7, 1.3, 0.9, 1.7, 1.1),
    )
