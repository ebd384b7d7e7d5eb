"""What the demo's orders on main activity («-р») are about: kinds with their shares, and titles
in proper officialese, each with the executive body that prepares it.

Titles tied to the calendar come in their season: a holiday's order a few weeks before it, the
plan of work for a half-year at its end, the nomenclature of cases in December; the rest at any
time. The regulation's meetings of the executive committee (third Thursday of the month, 6.2)
are convened by an order naming the day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.services.demo.data import DEPARTMENTS_GENITIVE, TOPICS

#: Main-activity kinds (app/domain/orders.MAIN_KINDS) and their shares, per cent.
MAIN_SHARES = {
    "організаційні питання": 21.0,
    "скликання засідання виконавчого комітету": 4.5,  # 1.5 when the regular ones are planned
    "утворення комісії, робочої групи": 15.0,
    "проведення заходів": 15.0,
    "затвердження положень, інструкцій, планів": 12.0,
    "фінансові та бюджетні питання": 14.0,
    "господарські питання": 11.0,
    "зупинення дії рішення виконавчого комітету": 0.4,
    "інше": 7.1,
}
#: Kinds whose orders give tasks with a term (the ones that may go on control).
WITH_TASKS = frozenset(
    {
        "організаційні питання",
        "утворення комісії, робочої групи",
        "проведення заходів",
        "затвердження положень, інструкцій, планів",
        "господарські питання",
    }
)
SESSION = "Про скликання {n} сесії Шепетівської міської ради VIII скликання"
MEETING = "Про скликання засідання виконавчого комітету міської ради"
EXTRAORDINARY = "Про скликання позачергового засідання виконавчого комітету"
# Titles that are not signed every year, whatever their kind's share.
RARE = frozenset(
    {
        "Про затвердження Інструкції з діловодства у виконавчому комітеті міської ради",
        "Про розподіл обов'язків між посадовими особами виконавчого комітету",
        "Про затвердження Порядку використання службових автомобілів",
        "Про делегування повноважень щодо підписання документів",
    }
)

# (title, index code of the body that prepares it, months it is signed in; () = any month)
Template = tuple[str, str, tuple[int, ...]]
MAIN_TITLES: dict[str, tuple[Template, ...]] = {
    "організаційні питання": (
        (SESSION, "01-12", ()),
        ("Про чергування відповідальних працівників у вихідні та святкові дні", "01-12", ()),
        ("Про організацію роботи зі зверненнями громадян", "01-12", ()),
        ("Про забезпечення оприлюднення публічної інформації на офіційному вебсайті", "01-12", ()),
        ("Про заходи щодо виконання {ref}", "01-12", ()),
        ("Про заходи щодо виконання {ref}", "01-12", ()),
        (
            "Про організацію оповіщення працівників у разі загрози надзвичайної ситуації",
            "12-05",
            (),
        ),
        ("Про уповноваження посадових осіб на складання протоколів", "02-05", ()),
        ("Про організацію військового обліку у виконавчих органах міської ради", "17-03", ()),
        ("Про підготовку до опалювального сезону {y1} років", "08-02", (5, 6, 7, 8)),
        ("Про розподіл обов'язків між посадовими особами виконавчого комітету", "01-12", (1, 2)),
        ("Про режим роботи виконавчих органів міської ради в період воєнного стану", "17-03", ()),
    ),
    "скликання засідання виконавчого комітету": (
        (MEETING, "01-12", ()),
        (MEETING, "01-12", ()),
        (MEETING, "01-12", ()),
        (EXTRAORDINARY, "01-12", ()),
    ),
    "утворення комісії, робочої групи": (
        ("Про утворення робочої групи з питань {topic}", "", ()),
        ("Про утворення робочої групи з питань {topic}", "", ()),
        ("Про утворення комісії з питань {topic}", "", ()),
        ("Про внесення змін до складу робочої групи з питань {topic}", "", ()),
        ("Про утворення комісії з приймання-передачі майна комунальної власності", "14-04", ()),
        ("Про утворення комісії з обстеження зелених насаджень", "08-02", (3, 4, 9, 10)),
        ("Про утворення комісії з проведення річної інвентаризації", "14-04", (10, 11)),
        (
            "Про утворення робочої групи з розроблення проєкту бюджету на {next_year} рік",
            "03-10",
            (8, 9, 10),
        ),
    ),
    "проведення заходів": (
        ("Про підготовку та відзначення Дня Соборності України", "10-08", (1,)),
        (
            "Про відзначення Дня вшанування учасників бойових дій на території інших держав",
            "10-08",
            (2,),
        ),
        ("Про проведення заходів з нагоди Дня Героїв Небесної Сотні", "10-08", (2,)),
        ("Про відзначення Шевченківських днів", "10-08", (2, 3)),
        (
            "Про проведення толоки з благоустрою та санітарного очищення території громади",
            "08-02",
            (3, 4),
        ),
        (
            "Про відзначення Дня пам'яті та перемоги над нацизмом у Другій світовій війні",
            "10-08",
            (4, 5),
        ),
        ("Про організацію відпочинку та оздоровлення дітей влітку {year} року", "06-03", (4, 5)),
        ("Про проведення заходів з нагоди Дня Конституції України", "10-08", (6,)),
        ("Про відзначення Дня Української Державності", "10-08", (7,)),
        (
            "Про відзначення Дня Державного Прапора та {anniv}-ї річниці незалежності України",
            "10-08",
            (7, 8),
        ),
        ("Про підготовку закладів освіти до нового {y1} навчального року", "06-03", (6, 7)),
        ("Про проведення заходів з нагоди Дня міста", "10-08", (8, 9)),
        ("Про відзначення Дня захисників і захисниць України", "16-01", (9, 10)),
        ("Про вшанування пам'яті жертв голодоморів", "10-08", (11,)),
        ("Про відзначення Дня Збройних Сил України", "12-05", (11, 12)),
        ("Про проведення новорічних та різдвяних свят", "10-08", (11, 12)),
        (
            "Про проведення спортивних змагань серед команд підприємств та установ громади",
            "16-01",
            (),
        ),
        ("Про проведення навчання з питань цивільного захисту", "12-05", ()),
        ("Про проведення загальноміської акції «Серце до серця»", "05-01", ()),
    ),
    "затвердження положень, інструкцій, планів": (
        (
            "Про затвердження плану роботи виконавчого комітету на {half} півріччя {hy} року",
            "01-12",
            (6, 12),
        ),
        (
            "Про затвердження номенклатури справ виконавчого комітету на {next_year} рік",
            "01-12",
            (11, 12),
        ),
        (
            "Про затвердження Інструкції з діловодства у виконавчому комітеті міської ради",
            "01-12",
            (),
        ),
        ("Про затвердження плану заходів щодо запобігання корупції на {year} рік", "02-05", (1, 2)),
        ("Про затвердження графіка особистого прийому громадян посадовими особами", "01-12", (1,)),
        ("Про затвердження Положення про {dept}", "", ()),
        ("Про затвердження посадових інструкцій працівників {dept_gen}", "17-03", ()),
        (
            "Про затвердження плану основних заходів цивільного захисту на {year} рік",
            "12-05",
            (1, 2),
        ),
        ("Про затвердження плану навчання посадових осіб на {year} рік", "17-03", (1, 2)),
        ("Про затвердження Порядку використання службових автомобілів", "14-04", ()),
        ("Про затвердження плану заходів з енергозбереження", "08-02", (9, 10)),
    ),
    "фінансові та бюджетні питання": (
        (
            "Про виділення коштів з резервного фонду бюджету міської територіальної громади",
            "03-10",
            (),
        ),
        (
            "Про виділення коштів з резервного фонду бюджету міської територіальної громади",
            "03-10",
            (),
        ),
        (
            "Про внесення змін до розпису бюджету міської територіальної громади на {year} рік",
            "03-10",
            (),
        ),
        ("Про затвердження паспортів бюджетних програм на {year} рік", "03-10", (1, 2)),
        (
            "Про затвердження кошторису видатків на проведення заходів з нагоди Дня міста",
            "14-04",
            (8, 9),
        ),
        ("Про перерозподіл бюджетних призначень", "03-10", ()),
        ("Про затвердження тимчасового розпису бюджету на січень {next_year} року", "03-10", (12,)),
    ),
    "господарські питання": (
        ("Про проведення річної інвентаризації активів і зобов'язань", "14-04", (10, 11)),
        ("Про списання основних засобів", "14-04", ()),
        ("Про закріплення службового автомобіля", "14-04", ()),
        ("Про забезпечення пожежної безпеки в адміністративних приміщеннях", "12-05", ()),
        (
            "Про економне використання енергоресурсів в адміністративних будівлях",
            "08-02",
            (9, 10, 11),
        ),
        ("Про організацію роботи в осінньо-зимовий період {y1} років", "08-02", (9, 10)),
        ("Про передачу майна на баланс комунального підприємства «Шепетівкатепло»", "14-04", ()),
        ("Про проведення поточного ремонту приміщень адміністративної будівлі", "14-04", ()),
    ),
    "зупинення дії рішення виконавчого комітету": (
        (
            "Про зупинення дії рішення виконавчого комітету міської ради від {past} № {dn}",
            "02-05",
            (),
        ),
    ),
    "інше": (
        ("Про надання дозволу на використання символіки громади", "02-05", ()),
        ("Про проведення службового розслідування", "02-05", ()),
        ("Про делегування повноважень щодо підписання документів", "02-05", ()),
    ),
}
# Bodies whose Положення is approved: the accusative after «про».
DEPARTMENTS_ACCUSATIVE = {
    "01-12": "загальний відділ",
    "02-05": "юридичний відділ",
    "10-08": "відділ культури і туризму",
    "11-03": "службу у справах дітей",
    "15-06": "центр надання адміністративних послуг",
    "16-01": "відділ у справах молоді та спорту",
}


@dataclass(frozen=True)
class MainTitle:
    title: str
    summary: str
    department: str  # index code of the body that prepares it
    needs_ref: bool = False  # «Про заходи щодо виконання {ref}»: an incoming order it executes


def main_title(rng: random.Random, kind: str, day: date, planned: bool = False) -> MainTitle:
    """A title of `kind` for an order signed on `day`, in its season when it has one. With
    `planned`, the regular meetings and the sessions are planned apart (`regular`): only the
    extraordinary ones are drawn here."""
    options = [
        t
        for t in MAIN_TITLES[kind]
        if (not t[2] or day.month in t[2]) and not (planned and t[0] in (SESSION, MEETING))
    ]
    weights = [0.1 if t in RARE else 4 if months else 1 for t, _dept, months in options]
    template, dept, _months = rng.choices(options, weights=weights)[0]
    topic, topic_dept = rng.choice(TOPICS)
    own = rng.choice(tuple(DEPARTMENTS_ACCUSATIVE))
    values = {
        "year": day.year,
        "next_year": day.year + 1,
        "y1": f"{day.year}/{day.year + 1}",
        "half": "І" if day.month == 12 else "ІІ",
        "hy": day.year + 1 if day.month == 12 else day.year,
        "anniv": day.year - 1991,
        "topic": topic,
        "dept": DEPARTMENTS_ACCUSATIVE[own],
        "dept_gen": DEPARTMENTS_GENITIVE[own],
        "past": format_date(day - timedelta(days=rng.randint(3, 20))),
        "dn": rng.randint(40, 450),
        "n": "{n}",  # the session's number: given in date order once all orders are planned
        "ref": "{ref}",  # the incoming order executed: known once incoming mail is registered
    }
    title = template.format(**values)
    dept = dept or (topic_dept if "{topic}" in template else own)
    return MainTitle(title, _summary(rng, title, kind, day), dept, "{ref}" in template)


def regular(calendar: WorkingCalendar, days: list[date]) -> list[tuple[str, MainTitle, date]]:
    """(kind, title, day of signing) of the regular orders of `days`' year: each month's meeting
    of the executive committee convened six working days before its third Thursday (6.2), and
    a session of the council about every six weeks (numbered later, in date order)."""
    first, last = days[0], days[-1]
    result = []
    for month in range(first.month, last.month + 1):
        meeting = _third_thursday(first.year, month)
        signed = meeting
        for _ in range(6):
            signed = calendar.previous_working_day(signed - timedelta(days=1))
        if first <= signed <= last:
            summary = f"Скликати засідання виконавчого комітету {format_date(meeting)} о 14:00"
            title = MainTitle(MEETING, summary, "01-12")
            result.append(("скликання засідання виконавчого комітету", title, signed))
    session = date(first.year, 1, 20)
    while session <= last:
        signed = calendar.previous_working_day(session)
        if signed >= first:
            title = MainTitle(SESSION, "Скликати чергову сесію міської ради", "01-12")
            result.append(("організаційні питання", title, signed))
        session += timedelta(days=42 + (session.toordinal() % 5))
    return result


def _third_thursday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 14)


def meeting_day(day: date) -> date:
    """The meeting an order signed on `day` convenes: the third Thursday of the month, or of the
    next month when that one is less than 5 days away (6.2)."""
    for months in (0, 1, 2):
        year, month = day.year + (day.month - 1 + months) // 12, (day.month - 1 + months) % 12 + 1
        third = _third_thursday(year, month)
        if (third - day).days >= 5:
            return third
    raise AssertionError("unreachable")


def _summary(rng: random.Random, title: str, kind: str, day: date) -> str:
    if kind == "скликання засідання виконавчого комітету":
        if "позачергового" in title:
            at = format_date(day + timedelta(days=rng.randint(1, 3)))
            return f"Скликати позачергове засідання виконавчого комітету {at} о 10:00"
        at = format_date(meeting_day(day))
        return f"Скликати чергове засідання виконавчого комітету {at} о 14:00 у залі засідань"
    if kind == "фінансові та бюджетні питання":
        return f"Сума: {rng.randint(5, 900) * 1000:,} грн".replace(",", " ")
    if kind == "зупинення дії рішення виконавчого комітету":
        return "Зупинити дію рішення та внести питання на розгляд сесії міської ради (п. 6.16)"
    return ""
