"""Demo data: a living executive committee for a newcomer, a demonstration or a benchmark.

`fill_demo` writes an organisation, its executive bodies with index codes, staff of both
genders, correspondents a city council really hears from, a nomenclature of cases for each year,
and a few thousand incoming documents over the last years (relative to today) with resolutions,
control terms, extensions and removals — so every register state (on control, due soon,
overdue, done, done late) is there to look at.

It goes through the same rules as a clerk: documents are registered by `register_many` (numbers
from the register's counter, search text, correspondents), in batches of one transaction each;
resolutions and control are written in one session with the control service's own helpers (the
lead executor is the first executor, the denormalised executor columns are set by `_set_lead`)
and terms come from `default_term` / `adjust_term` on the database's working calendar.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.deadlines import ControlState, ControlThresholds, adjust_term, default_term
from app.registers import INCOMING
from app.services import control, documents
from app.services.calendar import load_calendar
from app.services.organisation import OrganisationInfo, get_organisation, save_organisation
from app.services.reference import (
    CaseFileInfo,
    CorrespondentInfo,
    DepartmentInfo,
    StaffInfo,
    save_case_file,
    save_correspondent,
    save_department,
    save_staff,
)
from db.models import (
    CaseFile,
    Correspondent,
    Department,
    Document,
    Resolution,
    ResolutionExecutor,
    Staff,
)
from db.session import Database

USER = "demo"
BATCH = 500

ORGANISATION = OrganisationInfo(
    full_name="Виконавчий комітет Шепетівської міської ради",
    short_name="Шепетівська міська рада",
    address="вул. Островського, 4, м. Шепетівка, Хмельницька обл., 30400",
    edrpou="04060772",
    mayor_name="Андрій Савчук",
    manager_name="Ольга Кравчук",
)

DEPARTMENTS = (
    ("01-12", "Загальний відділ"),
    ("02-05", "Юридичний відділ"),
    ("03-10", "Фінансове управління"),
    ("04-07", "Управління економіки"),
    ("05-01", "Управління праці та соціального захисту населення"),
    ("06-03", "Управління освіти"),
    ("07-04", "Відділ охорони здоров'я"),
    ("08-02", "Управління житлово-комунального господарства"),
    ("09-06", "Відділ містобудування та архітектури"),
    ("10-08", "Відділ культури і туризму"),
    ("11-03", "Служба у справах дітей"),
    ("12-05", "Відділ з питань надзвичайних ситуацій та цивільного захисту населення"),
    ("13-02", "Відділ земельних ресурсів"),
    ("14-04", "Відділ бухгалтерського обліку та звітності"),
    ("15-06", "Центр надання адміністративних послуг"),
    ("16-01", "Відділ у справах молоді та спорту"),
)

# (surname, given name, patronymic, gender, position) of the leadership; they author resolutions.
LEADERSHIP = (
    ("Савчук", "Андрій", "Миколайович", "m", "Міський голова"),
    ("Гуменюк", "Олег", "Васильович", "m", "Перший заступник міського голови"),
    ("Дячук", "Наталія", "Петрівна", "f", "Заступник міського голови"),
    ("Марчук", "Сергій", "Анатолійович", "m", "Заступник міського голови"),
    ("Левчук", "Оксана", "Іванівна", "f", "Секретар міської ради"),
    ("Кравчук", "Ольга", "Миколаївна", "f", "Керуючий справами виконавчого комітету"),
)
SURNAMES = (
    "Мельник", "Шевчук", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
    "Поліщук", "Лисенко", "Мороз", "Савченко", "Руденко", "Павлюк", "Гнатюк", "Романюк",
    "Климчук", "Ковальчук", "Собко", "Яремчук", "Приходько", "Вознюк", "Кушнір", "Данилюк",
    "Федорук", "Остапчук", "Сидорчук", "Зінчук", "Паламарчук", "Ярошенко", "Стасюк",
)  # fmt: skip
GENDERED_SURNAMES = (
    ("Ковальський", "Ковальська"),
    ("Вишневський", "Вишневська"),
    ("Лозинський", "Лозинська"),
    ("Городецький", "Городецька"),
    ("Білецький", "Білецька"),
    ("Заболотний", "Заболотна"),
)
MALE_NAMES = (
    "Олександр", "Сергій", "Василь", "Микола", "Іван", "Петро", "Андрій", "Віталій", "Юрій",
    "Богдан", "Ярослав", "Володимир", "Олег", "Дмитро", "Тарас", "Роман", "Віктор", "Анатолій",
    "Михайло", "Степан",
)  # fmt: skip
FEMALE_NAMES = (
    "Олена", "Наталія", "Оксана", "Тетяна", "Ірина", "Людмила", "Галина", "Світлана",
    "Валентина", "Юлія", "Марія", "Ганна", "Лариса", "Алла", "Інна", "Вікторія", "Катерина",
    "Надія", "Любов", "Софія",
)  # fmt: skip
# Father's name → (male patronymic, female patronymic)
PATRONYMICS = {
    "Олександр": ("Олександрович", "Олександрівна"),
    "Сергій": ("Сергійович", "Сергіївна"),
    "Василь": ("Васильович", "Василівна"),
    "Микола": ("Миколайович", "Миколаївна"),
    "Іван": ("Іванович", "Іванівна"),
    "Петро": ("Петрович", "Петрівна"),
    "Андрій": ("Андрійович", "Андріївна"),
    "Юрій": ("Юрійович", "Юріївна"),
    "Богдан": ("Богданович", "Богданівна"),
    "Володимир": ("Володимирович", "Володимирівна"),
    "Олег": ("Олегович", "Олегівна"),
    "Дмитро": ("Дмитрович", "Дмитрівна"),
    "Роман": ("Романович", "Романівна"),
    "Віктор": ("Вікторович", "Вікторівна"),
    "Анатолій": ("Анатолійович", "Анатоліївна"),
    "Михайло": ("Михайлович", "Михайлівна"),
    "Степан": ("Степанович", "Степанівна"),
}
SPECIALIST_POSITIONS = ("Головний спеціаліст", "Провідний спеціаліст", "Заступник начальника")

STATE_BODIES = (
    "Хмельницька обласна державна адміністрація",
    "Хмельницька обласна військова адміністрація",
    "Хмельницька обласна рада",
    "Шепетівська районна державна адміністрація",
    "Шепетівська районна рада",
    "ГУ ДПС у Хмельницькій області",
    "Головне управління Пенсійного фонду України в Хмельницькій області",
    "Головне управління Національної поліції в Хмельницькій області",
    "Шепетівський районний відділ поліції ГУНП в Хмельницькій області",
    "Головне управління ДСНС України у Хмельницькій області",
    "Головне управління Держгеокадастру у Хмельницькій області",
    "Головне управління Держпродспоживслужби в Хмельницькій області",
    "Управління Державної казначейської служби України у Шепетівському районі",
    "Шепетівський районний територіальний центр комплектування та соціальної підтримки",
    "Хмельницький обласний центр зайнятості",
    "Департамент соціального захисту населення Хмельницької ОДА",
    "Департамент освіти і науки Хмельницької ОДА",
    "Департамент охорони здоров'я Хмельницької ОДА",
    "Департамент з питань цивільного захисту населення Хмельницької ОДА",
    "Департамент фінансів Хмельницької ОДА",
    "Департамент агропромислового розвитку, екології та природних ресурсів Хмельницької ОДА",
    "Служба автомобільних доріг у Хмельницькій області",
    "Управління Держаудитслужби в Хмельницькій області",
    "Управління Держпраці у Хмельницькій області",
    "Хмельницьке міжрегіональне управління Міністерства юстиції",
    "Міністерство розвитку громад та територій України",
    "Міністерство соціальної політики України",
    "Міністерство фінансів України",
    "Міністерство освіти і науки України",
    "Секретаріат Уповноваженого Верховної Ради України з прав людини",
    "Шепетівський міськрайонний суд Хмельницької області",
    "Шепетівський відділ державної виконавчої служби",
    "Військова частина А1234",
    "Асоціація міст України",
    "Хмельницький обласний центр екстреної медичної допомоги",
    "Регіональний сервісний центр ГСЦ МВС у Хмельницькій області",
)
PROSECUTORS = ("Шепетівська окружна прокуратура", "Хмельницька обласна прокуратура")
COUNCILS = (
    "Судилківська сільська рада", "Берездівська сільська рада", "Плесенська сільська рада",
    "Миролюбненська сільська рада", "Поляхівська сільська рада", "Городнявська сільська рада",
    "Пліщинська сільська рада", "Ганнопільська сільська рада", "Михайлюцька сільська рада",
    "Улашанівська сільська рада", "Ленковецька сільська рада", "Жилинецька сільська рада",
    "Грицівська селищна рада", "Білогірська селищна рада", "Теофіпольська селищна рада",
    "Ізяславська міська рада", "Полонська міська рада", "Славутська міська рада",
    "Нетішинська міська рада", "Старокостянтинівська міська рада",
)  # fmt: skip
COMPANIES = (
    "ТОВ «Шепетівкабуд»", "ТОВ «Подільський шляхбуд»", "ТОВ «Агрофірма Случ»",
    "ТОВ «Еко-Сервіс Поділля»", "ТОВ «Будпостач-Шепетівка»", "ТОВ «Теплосервіс Плюс»",
    "ТОВ «Хмельницькдорсервіс»", "ТОВ «Світло міста»", "ТОВ «Зелене місто»",
    "ТОВ «Інвест-Проект Поділля»", "ТОВ «Шепетівський комбікормовий завод»",
    "ТОВ «Поділля-Агроінвест»", "ТОВ «Ліфтсервіс»", "ТОВ «Енергоаудит Груп»",
    "ТОВ «Медтехніка-Захід»", "ТОВ «Дорожник Поділля»", "ТОВ «Автотранс-Шепетівка»",
    "ТОВ «Газорозподільні мережі України»", "ПП «Ремстрой»", "ПП «Вікна-Двері Поділля»",
    "АТ «Хмельницькобленерго»", "АТ «Ощадбанк»", "АТ КБ «ПриватБанк»", "АТ «Укрпошта»",
    "КП «Шепетівкаводоканал»", "КП «Шепетівкатеплокомуненерго»",
    "КНП «Шепетівська багатопрофільна лікарня»", "КП «Шепетівська ЖЕК № 1»",
    "ГО «Спілка ветеранів АТО Шепетівщини»", "ГО «Шепетівська міська організація інвалідів»",
    "ОСББ «Героїв Крут, 12»", "ОСББ «Затишок»", "Шепетівський ліцей № 1",
    "Шепетівський фаховий коледж", "Релігійна громада парафії Святого Миколая",
)  # fmt: skip
STREETS = (
    "вул. Героїв Небесної Сотні", "вул. Михайла Грушевського", "вул. Тараса Шевченка",
    "вул. Лесі Українки", "вул. Судилківська", "вул. Героїв Крут", "вул. Старокостянтинівське шосе",
    "вул. Заводська", "вул. Вишнева", "вул. Івана Франка", "вул. Квіткова",
    "вул. Січових Стрільців", "вул. Миру", "вул. Залізнична", "вул. Андрія Шептицького",
    "пров. Шкільний", "вул. Соборна", "вул. Пилипа Орлика",
)  # fmt: skip

# Topics in the genitive, each with the index code of the executive body that answers it.
TOPICS = (
    ("розрахунків за спожиті енергоносії", "08-02"),
    ("підготовки житлового фонду до опалювального сезону", "08-02"),
    ("ремонту доріг комунальної власності", "08-02"),
    ("вивезення твердих побутових відходів", "08-02"),
    ("благоустрою населених пунктів громади", "08-02"),
    ("утримання мереж вуличного освітлення", "08-02"),
    ("забезпечення житлом внутрішньо переміщених осіб", "05-01"),
    ("виплати допомоги сім'ям з дітьми", "05-01"),
    ("погашення заборгованості із заробітної плати", "05-01"),
    ("легалізації найманої праці", "05-01"),
    ("надання соціальних послуг особам з інвалідністю", "05-01"),
    ("використання коштів освітньої субвенції", "06-03"),
    ("організації харчування в закладах освіти", "06-03"),
    ("підвезення учнів до закладів освіти", "06-03"),
    ("оздоровлення дітей пільгових категорій", "11-03"),
    ("влаштування дітей-сиріт до сімейних форм виховання", "11-03"),
    ("стану укриттів цивільного захисту", "12-05"),
    ("оповіщення населення про загрозу надзвичайних ситуацій", "12-05"),
    ("пожежної безпеки в закладах освіти", "12-05"),
    ("виконання місцевого бюджету", "03-10"),
    ("надходжень плати за землю до місцевого бюджету", "03-10"),
    ("погашення податкового боргу комунальними підприємствами", "03-10"),
    ("реалізації програми соціально-економічного розвитку громади", "04-07"),
    ("цін на продукти харчування", "04-07"),
    ("проведення публічних закупівель", "04-07"),
    ("інвентаризації земель комунальної власності", "13-02"),
    ("розірвання договорів оренди землі", "13-02"),
    ("розміщення тимчасових споруд", "09-06"),
    ("видачі містобудівних умов та обмежень", "09-06"),
    ("найменування та перейменування вулиць", "09-06"),
    ("роботи Центру надання адміністративних послуг", "15-06"),
    ("реєстрації місця проживання", "15-06"),
    ("вшанування пам'яті загиблих захисників України", "10-08"),
    ("охорони об'єктів культурної спадщини", "10-08"),
    ("вакцинації населення", "07-04"),
    ("забезпечення лікарськими засобами пільгових категорій громадян", "07-04"),
    ("розвитку фізичної культури і спорту", "16-01"),
    ("національно-патріотичного виховання молоді", "16-01"),
    ("розгляду звернень громадян", "01-12"),
    ("доступу до публічної інформації", "01-12"),
    ("військового обліку працівників", "01-12"),
    ("правового забезпечення діяльності виконавчих органів", "02-05"),
    ("ведення бухгалтерського обліку в бюджетних установах", "14-04"),
)
STATE_TEMPLATES = (
    "Про надання інформації щодо {t}",
    "Щодо {t}",
    "Про стан {t}",
    "Про виконання доручення щодо {t}",
    "Про проведення моніторингу {t}",
)
PROSECUTOR_TEMPLATES = (
    "Про надання копій документів щодо {t}",
    "Вимога про надання інформації щодо {t}",
    "Про усунення порушень законодавства щодо {t}",
)
COUNCIL_SUMMARIES = (
    ("Про укладення договору про співробітництво територіальних громад", "04-07"),
    ("Про передачу майна до комунальної власності", "02-05"),
    ("Про надання міжбюджетного трансферту", "03-10"),
    ("Про спільне утримання місцевої дороги", "08-02"),
    ("Про організацію підвезення учнів", "06-03"),
)
COMPANY_SUMMARIES = (
    ("Про ремонт доріг по {s}", "08-02"),
    ("Про погодження розміщення тимчасової споруди по {s}", "09-06"),
    ("Щодо оренди нежитлового приміщення по {s}", "04-07"),
    ("Про планове відключення електроенергії по {s}", "08-02"),
    ("Щодо тарифів на теплову енергію", "08-02"),
    ("Про погодження схеми організації дорожнього руху по {s}", "08-02"),
    ("Пропозиція щодо енергоаудиту будівель закладів освіти", "06-03"),
    ("Про надання дозволу на порушення об'єктів благоустрою по {s}", "08-02"),
)
CITIZEN_SUMMARIES = (
    ("Про надання матеріальної допомоги на лікування", "05-01"),
    ("Щодо ремонту покрівлі житлового будинку по {s}, {n}", "08-02"),
    ("Про встановлення вуличного освітлення по {s}", "08-02"),
    ("Про ремонт доріг по {s}", "08-02"),
    ("Щодо зрізання аварійних дерев по {s}", "08-02"),
    ("Про взяття на квартирний облік", "05-01"),
    ("Про виділення земельної ділянки для ведення особистого селянського господарства", "13-02"),
    ("Щодо вивезення сміття з прибудинкової території по {s}, {n}", "08-02"),
    ("Про надання статусу дитини, яка постраждала внаслідок воєнних дій", "11-03"),
    ("Про влаштування дитини до закладу дошкільної освіти", "06-03"),
)
TASKS = (
    "Розглянути та підготувати відповідь",
    "Для опрацювання та надання інформації",
    "Опрацювати, вжити заходів, про результати поінформувати",
    "Підготувати проєкт відповіді за підписом міського голови",
    "Розглянути в межах компетенції та надати відповідь заявнику",
    "Для виконання. Інформацію надати до загального відділу",
)
INFO_TASK = "До відома та керівництва в роботі"
EXTENSION_REASONS = (
    "Потрібен висновок юридичного відділу",
    "Очікується відповідь від обласної державної адміністрації",
    "Необхідне додаткове обстеження на місці",
    "Потрібне погодження на засіданні виконавчого комітету",
)
PROGRESS_NOTES = (
    "Направлено запит до виконавця, інформація готується",
    "Проведено обстеження, готується відповідь",
    "Питання винесено на розгляд наради при міському голові",
)


class DemoError(ValueError):
    """Demo data cannot be written here; a Ukrainian message."""


@dataclass(frozen=True)
class DemoResult:
    departments: int
    staff: int
    correspondents: int
    case_files: int
    documents: int
    on_control: int
    overdue: int
    due_soon: int
    done_late: int
    date_from: date
    date_to: date
    seconds: float


@dataclass
class _Plan:
    """One document to register, and what happens to it afterwards."""

    day: date
    values: dict
    department: str  # index code of the lead executor's body
    kind_of_sender: str
    doc_id: int = 0


Progress = Callable[[str], None]


def fill_demo(
    db: Database,
    documents_count: int = 3000,
    years: int = 2,
    seed: int | None = None,
    force: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Fill `db` with demo data; refuses a database that has documents unless `force`."""
    if documents_count < 0:
        raise DemoError("Кількість документів не може бути від'ємною")
    if not 1 <= years <= 10:
        raise DemoError("Кількість років — від 1 до 10")
    started = time.perf_counter()
    say = progress or (lambda _text: None)
    with db.read() as s:
        existing = s.execute(select(func.count()).select_from(Document)).scalar_one()
    if existing and not force:
        raise DemoError(
            f"У базі даних уже є документи ({existing}). Демонстраційні дані додаються лише "
            "до порожньої бази; щоб усе одно додати їх, вкажіть --force."
        )
    rng = random.Random(seed)
    end = today or date.today()
    start = end - timedelta(days=365 * years - 1)
    calendar = load_calendar(db)

    if get_organisation(db) is None:
        save_organisation(db, ORGANISATION, USER)
    say("Довідники: виконавчі органи, працівники, кореспонденти, номенклатура справ…")
    departments = _departments(db)
    staff = _staff(db, rng, departments)
    correspondents = _correspondents(db, rng)
    cases = _case_files(db, departments, range(start.year, end.year + 1))

    plans = _plan_documents(rng, calendar, start, end, documents_count, correspondents)
    for offset in range(0, len(plans), BATCH):
        batch = plans[offset : offset + BATCH]
        registered = documents.register_many(
            db, INCOMING, [(p.values, p.day, None) for p in batch], user=USER
        )
        for plan, reg in zip(batch, registered, strict=True):
            plan.doc_id = reg.id
        say(f"Зареєстровано документів: {offset + len(batch)} з {len(plans)}")
    counts = _resolutions_and_control(db, rng, calendar, end, plans, staff)
    return DemoResult(
        departments=len(departments),
        staff=sum(len(v) for v in staff.values()),
        correspondents=len(correspondents),
        case_files=cases,
        documents=len(plans),
        date_from=start,
        date_to=end,
        seconds=time.perf_counter() - started,
        **counts,
    )


# --- reference data ------------------------------------------------------------------------


def _departments(db: Database) -> dict[str, int]:
    """Index code → department id; existing bodies with the same code are reused."""
    with db.read() as s:
        found = {code: i for i, code in s.execute(select(Department.id, Department.index_code))}
    for code, name in DEPARTMENTS:
        if code not in found:
            found[code] = save_department(db, DepartmentInfo(None, name, code), USER).id or 0
    return {code: found[code] for code, _ in DEPARTMENTS}


def _person(rng: random.Random, used: set[tuple[str, str]]) -> tuple[str, str, str, str]:
    while True:
        gender = rng.choice("mf")
        if rng.random() < 0.2:
            male, female = rng.choice(GENDERED_SURNAMES)
            surname = male if gender == "m" else female
        else:
            surname = rng.choice(SURNAMES)
        given = rng.choice(MALE_NAMES if gender == "m" else FEMALE_NAMES)
        male_pat, female_pat = PATRONYMICS[rng.choice(tuple(PATRONYMICS))]
        if (surname, given) not in used:
            used.add((surname, given))
            return surname, given, male_pat if gender == "m" else female_pat, gender


def _staff(db: Database, rng: random.Random, departments: dict[str, int]) -> dict[str, list[int]]:
    """Staff ids by department code ("" for the leadership, the mayor first); the head of each
    body first. Reuses people already in the database under the same body."""
    with db.read() as s:
        rows = s.execute(
            select(Staff.id, Staff.department_id, Staff.surname, Staff.given_name)
            .where(Staff.active.is_(True))
            .order_by(Staff.id)
        ).all()
    code_of = {dept_id: code for code, dept_id in departments.items()}
    by_code: dict[str, list[int]] = {}
    used = set()
    for staff_id, dept_id, surname, given in rows:
        by_code.setdefault(code_of.get(dept_id, "") if dept_id else "", []).append(staff_id)
        used.add((surname, given))
    if not by_code.get(""):
        by_code[""] = []
        for surname, given, patronymic, gender, position in LEADERSHIP:
            used.add((surname, given))
            info = StaffInfo(None, surname, given, patronymic, gender, position)
            by_code[""].append(save_staff(db, info, USER).id or 0)
    for i, (code, name) in enumerate(DEPARTMENTS):
        if by_code.get(code):
            continue
        head = "Начальник управління" if name.startswith("Управління") else "Начальник відділу"
        if name.startswith(("Служба", "Центр")):
            head = "Начальник служби" if name.startswith("Служба") else "Начальник центру"
        positions = [head, *rng.sample(SPECIALIST_POSITIONS, 1 if i % 3 else 2)]
        by_code[code] = []
        for position in positions:
            surname, given, patronymic, gender = _person(rng, used)
            info = StaffInfo(
                None,
                surname,
                given,
                patronymic,
                gender,
                position,
                departments[code],
                phone=f"(03840) {rng.randint(2, 9)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            )
            by_code[code].append(save_staff(db, info, USER).id or 0)
    return by_code


def _correspondents(db: Database, rng: random.Random) -> list[tuple[str, str]]:
    """(name, kind of sender) for every correspondent; existing ones are kept as they are."""
    wanted = [(n, "state") for n in STATE_BODIES]
    wanted += [(n, "prosecutor") for n in PROSECUTORS]
    wanted += [(n, "council") for n in COUNCILS]
    wanted += [(n, "company") for n in COMPANIES]
    used: set[tuple[str, str]] = set()
    citizens = []
    for _ in range(55):
        surname, given, patronymic, _gender = _person(rng, used)
        address = f"{rng.choice(STREETS)}, {rng.randint(1, 120)}, м. Шепетівка"
        citizens.append((f"{surname} {given} {patronymic}", address))
    wanted += [(n, "citizen") for n, _ in citizens]
    addresses = dict(citizens)
    with db.read() as s:
        existing = set(s.execute(select(Correspondent.name)).scalars())
    for name, _kind in wanted:
        if name not in existing:
            info = CorrespondentInfo(None, name, address=addresses.get(name, ""))
            save_correspondent(db, info, USER)
    return wanted


def _case_files(db: Database, departments: dict[str, int], years: range) -> int:
    """Each body's cases for each year: its correspondence (the index the numbers carry), its
    orders' copies and its reports."""
    titles = (
        "Листування з органами державної влади та іншими установами з основної діяльності",
        "Копії розпоряджень міського голови з основної діяльності",
        "Звіти, інформації про виконання документів, що перебувають на контролі",
    )
    retentions = ("5 р. ЕПК", "Доки не мине потреба", "5 р.")
    with db.read() as s:
        have = {(y, i) for y, i in s.execute(select(CaseFile.year, CaseFile.index))}
    created = 0
    for year in years:
        for code, dept_id in departments.items():
            prefix, _, number = code.partition("-")
            for k, (title, retention) in enumerate(zip(titles, retentions, strict=True)):
                index = code if k == 0 else f"{prefix}-{int(number) + k:02d}"
                if (year, index) in have:
                    continue
                info = CaseFileInfo(None, index, title, retention, year, dept_id)
                save_case_file(db, info, USER)
                created += 1
    return created


# --- documents -----------------------------------------------------------------------------


def _working_days(calendar: WorkingCalendar, start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if calendar.is_working_day(d):
            days.append(d)
        d += timedelta(days=1)
    return days


def _plan_documents(
    rng: random.Random,
    calendar: WorkingCalendar,
    start: date,
    end: date,
    count: int,
    correspondents: list[tuple[str, str]],
) -> list[_Plan]:
    days = _working_days(calendar, start, end)
    if not days:
        raise DemoError("У вибраному періоді немає робочих днів")
    # Mail is heavier early in the week and lighter in summer: weights keep the journal lively.
    weights = [
        (1.3 if d.weekday() == 0 else 1.0) * (0.7 if d.month in (7, 8) else 1.0) for d in days
    ]
    chosen = rng.choices(days, weights=weights, k=count)
    recent = days[-10:]
    for i in range(min(count, max(3, count // 60))):  # a few fresh ones: terms that are near
        chosen[i] = rng.choice(recent)
    chosen.sort()
    senders = {kind: [n for n, k in correspondents if k == kind] for _, kind in correspondents}
    kinds_of_sender = ("state", "prosecutor", "council", "company", "citizen")
    sender_weights = (0.45, 0.06, 0.12, 0.15, 0.22)
    plans = []
    for day in chosen:
        sender_kind = rng.choices(kinds_of_sender, weights=sender_weights)[0]
        name = rng.choice(senders[sender_kind])
        summary, dept, kind = _summary(rng, sender_kind)
        urgent = kind in ("Телефонограма", "Доручення") or rng.random() < 0.03
        ext_date = calendar.previous_working_day(day - timedelta(days=rng.randint(0, 6)))
        raw = {
            "correspondent": name,
            "ext_number": _ext_number(rng, sender_kind, day),
            "ext_date": ext_date if sender_kind != "citizen" else None,
            "kind": kind,
            "summary": summary,
            "sheets": rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 7, 12)),
            "case_index": dept,
            "urgent": urgent,
            "notes": "Надійшло електронною поштою" if kind == "Електронний лист" else "",
        }
        plans.append(_Plan(day, INCOMING.parse(raw), dept, sender_kind))
    return plans


def _summary(rng: random.Random, sender_kind: str) -> tuple[str, str, str]:
    """(summary, index code of the body that answers, kind of document)."""
    street = rng.choice(STREETS)
    if sender_kind == "state":
        topic, dept = rng.choice(TOPICS)
        kind = rng.choices(
            ("Лист", "Електронний лист", "Доручення", "Запит", "Телефонограма", "Розпорядження"),
            weights=(55, 15, 10, 10, 5, 5),
        )[0]
        return rng.choice(STATE_TEMPLATES).format(t=topic), dept, kind
    if sender_kind == "prosecutor":
        topic, _dept = rng.choice(TOPICS)
        kind = rng.choice(("Запит", "Лист", "Подання", "Протест прокурора"))
        if kind == "Протест прокурора":
            summary = f"Протест на рішення виконавчого комітету № {rng.randint(10, 400)}"
            return summary, "02-05", kind
        return rng.choice(PROSECUTOR_TEMPLATES).format(t=topic), "02-05", kind
    if sender_kind == "council":
        summary, dept = rng.choice(COUNCIL_SUMMARIES)
        return summary, dept, "Лист"
    if sender_kind == "company":
        summary, dept = rng.choice(COMPANY_SUMMARIES)
        kind = rng.choice(("Лист", "Лист", "Клопотання", "Електронний лист"))
        return summary.format(s=street), dept, kind
    summary, dept = rng.choice(CITIZEN_SUMMARIES)
    if rng.random() < 0.08:
        topic, dept = rng.choice(TOPICS)
        return f"Запит на інформацію щодо {topic}", "01-12", "Запит на публічну інформацію"
    return summary.format(s=street, n=rng.randint(1, 120)), dept, "Лист"


def _ext_number(rng: random.Random, sender_kind: str, day: date) -> str:
    if sender_kind == "citizen":
        return ""
    if sender_kind == "prosecutor":
        return f"{rng.choice((15, 31, 58))}-{rng.randint(100, 9999)}вих-{day.year % 100:02d}"
    if sender_kind == "state":
        return f"{rng.randint(1, 12):02d}-{rng.randint(1, 40):02d}/{rng.randint(100, 9999)}"
    return str(rng.randint(1, 900))


# --- resolutions and control ---------------------------------------------------------------


def _forced_overdue(plans: list[_Plan], today: date, rng: random.Random) -> int | None:
    """One old document that stays open past its term, so even a tiny demo shows an overdue."""
    recent = [i for i, p in enumerate(plans) if 45 < (today - p.day).days <= 120]
    old = recent or [i for i, p in enumerate(plans) if (today - p.day).days > 45]
    return rng.choice(old) if old else None


def _resolutions_and_control(
    db: Database,
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    plans: list[_Plan],
    staff: dict[str, list[int]],
) -> dict[str, int]:
    """Resolutions for nearly every document, control for most, in one session."""
    thresholds = ControlThresholds.for_day(today, calendar)
    leaders = staff[""]
    authors = leaders[:4] + leaders[-1:]  # the mayor, the deputies, the manager of affairs
    all_staff = [i for ids in staff.values() for i in ids]
    executors_pool = [i for i in all_staff if i not in leaders]
    forced = _forced_overdue(plans, today, rng)
    # The newest document is always due within 3 working days, so even a tiny demo has one.
    soon = len(plans) - 1 if plans and (today - plans[-1].day).days <= 14 else None
    states: list[ControlState] = []
    with db.write() as s:
        # Load the people and the documents once and hold them (the identity map keeps only
        # referenced objects): _set_lead and the updates then cost no query per document.
        people = s.execute(select(Staff).where(Staff.id.in_(all_staff))).scalars().all()
        docs: dict[int, Document] = {}
        ids = [p.doc_id for p in plans]
        for start in range(0, len(ids), BATCH):
            stmt = select(Document).where(Document.id.in_(ids[start : start + BATCH]))
            docs.update((d.id, d) for d in s.execute(stmt).scalars())
        for i, plan in enumerate(plans):
            doc = docs[plan.doc_id]
            fresh = (today - plan.day).days <= 14
            if i != forced and not fresh and rng.random() < 0.03:
                continue  # no resolution yet: the management has not seen it
            on_control = i == forced or fresh or rng.random() < 0.78
            res_day = min(
                today, calendar.next_working_day(plan.day + timedelta(days=rng.choice((0, 0, 1))))
            )
            executors = [rng.choice(staff.get(plan.department) or executors_pool)]
            for _ in range(rng.choices((0, 1, 2), weights=(60, 30, 10))[0]):
                other = rng.choice(executors_pool)
                if other not in executors:
                    executors.append(other)
            term = (
                _explicit_term(rng, calendar, today, plan, fresh, i == soon) if on_control else None
            )
            res = Resolution(
                document_id=doc.id,
                author_id=rng.choice(authors),
                task=rng.choice(TASKS) if on_control else INFO_TASK,
                term=term,
                resolution_date=res_day,
                changed_by=USER,
            )
            res.executors = [
                ResolutionExecutor(position=n, staff_id=sid) for n, sid in enumerate(executors)
            ]
            s.add(res)
            control._set_lead(s, doc, executors[0])
            if not on_control:
                continue
            due = term or default_term(doc.reg_date, doc.urgent, calendar)
            control._event(s, doc, "set", res_day, USER, new_term=due)
            doc.on_control, doc.due_date = True, due
            if i in (forced, soon):
                states.append(thresholds.state(due, None))
                continue
            due = _maybe_extend(s, rng, calendar, today, doc, res_day, due)
            done = _outcome(rng, calendar, today, res_day, due)
            if done is not None:
                control._event(
                    s, doc, "remove", done, USER, old_term=due, basis=_basis(rng, done, plan),
                    person=MANAGER,
                )  # fmt: skip
                doc.done_date = done
            states.append(thresholds.state(due, done))
        del people
    return {
        "on_control": len(states),
        "overdue": states.count(ControlState.OVERDUE),
        "due_soon": states.count(ControlState.DUE_SOON),
        "done_late": states.count(ControlState.DONE_LATE),
    }


MANAGER = "Керуючий справами виконавчого комітету Ольга КРАВЧУК"
MAYOR = "Міський голова Андрій САВЧУК"


def _explicit_term(
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    plan: _Plan,
    fresh: bool,
    due_soon: bool = False,
) -> date | None:
    """A term the resolution names; None means the default of 9.11."""
    if due_soon or (fresh and rng.random() < 0.3):  # due within the next 3 working days
        base = calendar.previous_working_day(today)
        low = 0 if base == today else 1
        return calendar.add_working_days(base, rng.randint(low, 3))
    if plan.kind_of_sender == "prosecutor" or rng.random() < 0.1:
        return adjust_term(plan.day + timedelta(days=rng.choice((5, 10, 15, 20))), calendar)
    return None


def _maybe_extend(
    s: Session,
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    doc: Document,
    res_day: date,
    due: date,
) -> date:
    """Now and then the term is extended on the executor's request (9.12), with a reason."""
    if rng.random() >= 0.07:
        return due
    asked = calendar.previous_working_day(due - timedelta(days=rng.randint(3, 7)))
    if asked < res_day or asked > today:
        return due
    new_due = adjust_term(due + timedelta(days=rng.randint(14, 30)), calendar)
    control._event(
        s, doc, "extend", asked, USER, old_term=due, new_term=new_due,
        text=rng.choice(EXTENSION_REASONS), person=MAYOR,
    )  # fmt: skip
    if (new_due - asked).days > 20 and asked + timedelta(days=10) <= today:
        note_day = calendar.next_working_day(asked + timedelta(days=10))
        if note_day <= today:
            control._event(s, doc, "progress", note_day, USER, text=rng.choice(PROGRESS_NOTES))
    doc.due_date = new_due
    return new_due


def _random_working_day(
    rng: random.Random, calendar: WorkingCalendar, low: date, high: date
) -> date | None:
    days = _working_days(calendar, low, high)
    return rng.choice(days) if days else None


def _outcome(
    rng: random.Random, calendar: WorkingCalendar, today: date, res_day: date, due: date
) -> date | None:
    """The day of removal from control, or None while it stays on control."""
    if due < today:
        if (today - due).days <= 90 and rng.random() < 0.1:
            return None  # overdue: recent ones; older ones have been chased and closed by now
        if rng.random() < 0.1:  # done late
            late = calendar.add_working_days(due, rng.randint(1, 8))
            return late if late <= today else None
        low = max(res_day, due - timedelta(days=12))
        return _random_working_day(rng, calendar, low, due) or due
    if rng.random() < 0.3:  # done early
        return _random_working_day(rng, calendar, res_day, today - timedelta(days=1))
    return None


def _basis(rng: random.Random, done: date, plan: _Plan) -> str:
    """The document that shows the task was done (9.13): never a promise."""
    day = format_date(done)
    n = rng.randint(100, 4000)
    return rng.choice(
        (
            f"Лист-відповідь від {day} № {n}/{plan.department}",
            f"Інформацію надано листом від {day} № {n}/{plan.department}",
            f"Рішення виконавчого комітету від {day} № {rng.randint(1, 450)}",
            f"Розпорядження міського голови від {day} № {rng.randint(1, 300)}-р",
        )
    )
