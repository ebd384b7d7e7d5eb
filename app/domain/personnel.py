"""The rules of personnel files (особові справи) of local self-government officials.

Sources (shared/domain/next-registers.md §4, the regulation's sections 14–27 and 30):

- Categories of posts 1–7 (ЗУ «Про службу в органах місцевого самоврядування» ст. 14) and the
  15 ranks, three to a category (ст. 15): category c → ranks 2c+1, 2c, 2c-1 (lower = higher).
- Probation up to 3 months, in some cases up to 6 (regulation 21.1, КЗпП ст. 27); internship up
  to 2 months (22.1).
- Seniority bonus (ст. 21–22 of the Law, пп. 4 п. 3 ПКМУ № 268): thresholds of 3, 5, 10, 15, 20
  and 25 years; the percentages are an editable ladder (`DEFAULT_LADDER`).
- Attestation once in 4 years (ст. 17, ПКМУ № 1440); annual evaluation in between (24.3).
- Qualification raising at least once in 5 years (regulation 25).
- Contracts with heads of communal enterprises: warn 2 months before expiry (26.4).
- Under martial law: annual leave may be limited to 24 calendar days (ЗУ № 2136-IX ст. 12, a
  setting); appointees without a competition (ЗУ № 389-VIII ч. 7 ст. 10 as amended by № 2259-IX)
  need a competition announced within 6 months after martial law ends.
- The personnel reserve is reviewed every December (23.4).

Kept free of the database: the services hand the events in and get dates and texts back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.dates import format_date

# Kinds of service-history events: code → title (the card's list and the report's rows).
HIRE = "hire"
TRANSFER = "transfer"
CONTRACT = "contract"
HEAD_CONTRACT = "head_contract"
PROBATION = "probation"
INTERNSHIP = "internship"
RANK = "rank"
SENIORITY = "seniority"
EVALUATION = "evaluation"
ATTESTATION = "attestation"
RESERVE = "reserve"
VACATION = "vacation"
UNPAID_LEAVE = "unpaid_leave"
TRIP = "trip"
MATERIAL_AID = "material_aid"
SUSPENSION = "suspension"
MILITARY = "military"
TRAINING = "training"
AWARD = "award"
PENALTY = "penalty"
DISMISSAL = "dismissal"

EVENT_KINDS: dict[str, str] = {
    HIRE: "Призначення/прийняття",
    TRANSFER: "Переведення",
    CONTRACT: "Строковий трудовий договір",
    HEAD_CONTRACT: "Контракт з керівником",
    PROBATION: "Випробування",
    INTERNSHIP: "Стажування",
    RANK: "Присвоєння рангу",
    SENIORITY: "Надбавка за вислугу років",
    EVALUATION: "Щорічна оцінка",
    ATTESTATION: "Атестація",
    RESERVE: "Кадровий резерв",
    VACATION: "Відпустка",
    UNPAID_LEAVE: "Відпустка без збереження заробітної плати",
    TRIP: "Відрядження",
    MATERIAL_AID: "Матеріальна допомога",
    SUSPENSION: "Призупинення трудового договору",
    MILITARY: "Увільнення у зв'язку з військовою службою",
    TRAINING: "Навчання, підвищення кваліфікації",
    AWARD: "Відзнака",
    PENALTY: "Стягнення",
    DISMISSAL: "Звільнення",
}

#: The personnel order's kind (app/domain/orders.PERSONNEL_KINDS) an event is made by.
ORDER_KIND_OF: dict[str, str] = {
    HIRE: "прийняття/призначення",
    TRANSFER: "переведення",
    DISMISSAL: "звільнення",
    VACATION: "відпустка",
    UNPAID_LEAVE: "відпустка без збереження заробітної плати",
    TRIP: "відрядження",
    MATERIAL_AID: "матеріальна допомога",
    AWARD: "нагородження",
}

#: Bases of appointment ([HR] table 1; an administrator edits the list: «personnel.list.hire»).
HIRE_BASES = (
    "як переможець конкурсу",
    "по переводу з державної установи",
    "з кадрового резерву за рекомендацією конкурсної комісії",
    "за загальним трудовим законодавством",
    "без конкурсу в умовах воєнного стану",
)
#: The basis that puts the martial-law competition rule on control.
MARTIAL_BASIS = "без конкурсу в умовах воєнного стану"
#: Kinds of transfer within the executive bodies ([HR] table 1; fixed by the report's rows).
TRANSFER_KINDS = ("на вищу посаду", "в межах категорії посад", "на нижчу посаду (за згодою)")
#: Fixed-term contracts and contracts with heads: the first one, or an additional agreement.
CONTRACT_KINDS = ("вперше укладений", "додаткова угода")
INTERNSHIP_KINDS = ("в рамках кадрового резерву", "з подальшим переведенням на посаду", "інше")
PROBATION_KINDS = ("до 3 місяців", "до 6 місяців (окремі випадки)")
EVALUATION_RESULTS = ("висока", "добра", "задовільна", "незадовільна")
ATTESTATION_RESULTS = ("відповідає", "відповідає за певних умов", "не відповідає")
RESERVE_KINDS = ("зараховано", "виключено", "переглянуто")
#: Grounds of dismissal as law and item (next-registers.md §4.2); an administrator edits them.
DISMISSAL_GROUNDS = (
    "п. 1 ст. 36 КЗпП (угода сторін)",
    "п. 2 ст. 36 КЗпП (закінчення строку договору)",
    "п. 5 ст. 36 КЗпП (переведення в іншу установу)",
    "п. 8-3 ст. 36 КЗпП (відсутність понад 4 місяці)",
    "ст. 38 КЗпП (власне бажання)",
    "п. 1 ст. 40 КЗпП (скорочення штату)",
    "п. 2 ст. 40 КЗпП (невідповідність посаді)",
    "інша підстава",
)
#: How the report names the rows of the grounds it shows ([HR] table 1), by the ground's prefix.
REPORT_GROUNDS = (
    ("за угодою сторін (п. 1 ст. 36)", "п. 1 ст. 36"),
    ("за власним бажанням (ст. 38)", "ст. 38"),
    ("за переведенням в іншу установу (п. 5 ст. 36)", "п. 5 ст. 36"),
    ("за скороченням штату (п. 1 ст. 40)", "п. 1 ст. 40"),
    ("у зв'язку із закінченням строкового трудового договору (п. 2 ст. 36)", "п. 2 ст. 36"),
)
VACATION_KINDS = (
    "щорічна основна",
    "щорічна додаткова",
    "соціальна",
    "навчальна",
    "для догляду за дитиною",
)
PENALTY_KINDS = ("догана", "звільнення")
TRIP_KINDS = ("в межах України", "за кордон")
#: The lists an administrator edits (setting key suffix → defaults).
EDITABLE_LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    HIRE: ("Підстави призначення", HIRE_BASES),
    DISMISSAL: ("Підстави звільнення", DISMISSAL_GROUNDS),
    VACATION: ("Види відпусток", VACATION_KINDS),
}
#: The fixed lists of the other kinds (what the report's rows count).
FIXED_LISTS: dict[str, tuple[str, ...]] = {
    TRANSFER: TRANSFER_KINDS,
    CONTRACT: CONTRACT_KINDS,
    HEAD_CONTRACT: CONTRACT_KINDS,
    INTERNSHIP: INTERNSHIP_KINDS,
    PROBATION: PROBATION_KINDS,
    EVALUATION: EVALUATION_RESULTS,
    ATTESTATION: ATTESTATION_RESULTS,
    RESERVE: RESERVE_KINDS,
    PENALTY: PENALTY_KINDS,
    TRIP: TRIP_KINDS,
}
#: What the «detail» of each kind is called on the card.
DETAIL_LABELS: dict[str, str] = {
    HIRE: "Підстава",
    TRANSFER: "Вид переведення",
    CONTRACT: "Вид",
    HEAD_CONTRACT: "Вид",
    PROBATION: "Строк",
    INTERNSHIP: "Вид стажування",
    EVALUATION: "Оцінка",
    ATTESTATION: "Результат",
    RESERVE: "Рішення",
    VACATION: "Вид відпустки",
    TRIP: "Куди",
    PENALTY: "Вид стягнення",
    DISMISSAL: "Підстава (стаття)",
    TRAINING: "Програма, заклад",
    AWARD: "Відзнака",
    MATERIAL_AID: "Мета",
}
#: Kinds whose event has an end date (a period or a term on control).
WITH_END = frozenset(
    {
        CONTRACT,
        HEAD_CONTRACT,
        PROBATION,
        INTERNSHIP,
        VACATION,
        UNPAID_LEAVE,
        TRIP,
        SUSPENSION,
        MILITARY,
        TRAINING,
    }
)
#: Kinds that set the post (and department and category).
WITH_POST = frozenset({HIRE, TRANSFER})

CATEGORIES = tuple(range(1, 8))
#: Seniority thresholds in years and the default percentages (editable: «personnel.ladder»).
THRESHOLDS = (3, 5, 10, 15, 20, 25)
DEFAULT_LADDER: dict[int, int] = {3: 10, 5: 15, 10: 20, 15: 25, 20: 30, 25: 40}
#: ЗУ № 2136-IX ст. 12: annual leave under martial law may be limited to this many days.
MARTIAL_VACATION_CAP = 24
PROBATION_MONTHS, PROBATION_MONTHS_LONG, INTERNSHIP_MONTHS = 3, 6, 2
ATTESTATION_YEARS, TRAINING_YEARS = 4, 5
CONTRACT_WARN_MONTHS = 2
#: ЗУ № 389-VIII ч. 7 ст. 10: the competition within 6 months after martial law ends.
COMPETITION_MONTHS = 6


class PersonnelError(ValueError):
    """An event or a file that breaks a rule; the message is for the HR officer."""


def ranks_of(category: int) -> tuple[int, ...]:
    """The ranks a post of `category` allows (ст. 15): category 7 → 15, 14, 13."""
    if category not in CATEGORIES:
        raise PersonnelError(f"Категорія посади — від 1 до 7 (зараз: {category})")
    return (2 * category + 1, 2 * category, 2 * category - 1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of a shorter month)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


@dataclass(frozen=True)
class Period:
    """A period of service (both ends included); `end` None: still going on."""

    start: date
    end: date | None = None


def service_days(periods: Iterable[Period], on: date) -> int:
    """Days of service up to `on`, overlapping periods counted once."""
    spans = sorted(
        (p.start, min(p.end or on, on))
        for p in periods
        if p.start <= on and (p.end or on) >= p.start
    )
    total, current_start, current_end = 0, None, None
    for start, end in spans:
        if current_end is not None and start <= current_end + timedelta(days=1):
            current_end = max(current_end, end)
            continue
        if current_start is not None and current_end is not None:
            total += (current_end - current_start).days + 1
        current_start, current_end = start, end
    if current_start is not None and current_end is not None:
        total += (current_end - current_start).days + 1
    return total


@dataclass(frozen=True)
class Seniority:
    """Years, months and days of service; the threshold reached and the next one with its date."""

    years: int
    months: int
    days: int
    reached: int | None
    next_threshold: int | None
    next_date: date | None

    @property
    def text(self) -> str:
        return f"{self.years} р. {self.months} міс. {self.days} дн."


def seniority(periods: Sequence[Period], on: date) -> Seniority:
    """The service counted for the bonus as of `on`: the union of the periods (previous service
    that counts, and the service here since hiring), as a calendar span ending on `on`; the
    threshold reached and the day the next one is reached if the current period goes on."""
    total = service_days(periods, on)
    # The same length of service as one unbroken span ending on `on` (both ends counted): a
    # service begun on 01.01.2015 reaches 10 years on 01.01.2025.
    start = on - timedelta(days=max(total - 1, 0))
    years = 0
    while add_years(start, years + 1) <= on:
        years += 1
    months = 0
    anchor = add_years(start, years)
    while add_months(anchor, months + 1) <= on:
        months += 1
    days = (on - add_months(anchor, months)).days
    reached = max((t for t in THRESHOLDS if years >= t), default=None)
    following = next((t for t in THRESHOLDS if t > years), None)
    going_on = any(p.end is None or p.end >= on for p in periods)
    next_date = add_years(start, following) if following is not None and going_on else None
    return Seniority(years, months, days, reached, following, next_date)


def ladder_percent(ladder: Mapping[int, int], threshold: int | None) -> int:
    """The bonus in per cent for a reached threshold (0 below 3 years)."""
    return int(ladder.get(threshold, 0)) if threshold is not None else 0


def parse_ladder(text: str) -> dict[int, int]:
    """«3:10; 5:15; …» (years:per cent) → {3: 10, 5: 15, …}; the thresholds must be the law's."""
    ladder: dict[int, int] = {}
    for part in text.replace("\n", ";").split(";"):
        if not part.strip():
            continue
        years, sep, percent = part.partition(":")
        try:
            y, p = int(years.strip()), int(percent.strip())
        except ValueError:
            raise PersonnelError(
                f"Шкала надбавок: «{part.strip()}» — очікується «роки:відсоток»"
            ) from None
        if not sep or y not in THRESHOLDS or not 0 <= p <= 100:
            raise PersonnelError(
                f"Шкала надбавок: «{part.strip()}» — пороги 3, 5, 10, 15, 20, 25 років, 0–100 %"
            )
        ladder[y] = p
    return ladder or dict(DEFAULT_LADDER)


def ladder_text(ladder: Mapping[int, int]) -> str:
    return "; ".join(f"{y}:{p}" for y, p in sorted(ladder.items()))


@dataclass(frozen=True)
class Event:
    """A service-history event as the rules see it."""

    kind: str
    day: date
    end: date | None = None
    detail: str = ""
    category: int | None = None
    rank: int | None = None
    amount: int | None = None  # days of a vacation, per cent of a bonus, threshold in years


def check_event(event: Event, martial_law: bool = False, cap: int = MARTIAL_VACATION_CAP) -> None:
    """Refuse an event that breaks a rule (PersonnelError, in Ukrainian)."""
    if event.kind not in EVENT_KINDS:
        raise PersonnelError(f"Невідомий вид запису: {event.kind}")
    if event.end is not None and event.end < event.day:
        raise PersonnelError("Дата закінчення раніша за дату початку")
    if event.kind in (CONTRACT, HEAD_CONTRACT, PROBATION, INTERNSHIP) and event.end is None:
        raise PersonnelError(f"{EVENT_KINDS[event.kind]}: вкажіть дату закінчення")
    if event.kind == PROBATION and event.end is not None:
        months = PROBATION_MONTHS_LONG if "6" in event.detail else PROBATION_MONTHS
        if event.end > add_months(event.day, months):
            raise PersonnelError(f"Випробування — не довше {months} місяців (п. 21.1 Регламенту)")
    if (
        event.kind == INTERNSHIP
        and event.end is not None
        and event.end > add_months(event.day, INTERNSHIP_MONTHS)
    ):
        raise PersonnelError("Стажування — не довше 2 місяців (п. 22.1 Регламенту)")
    if event.kind in WITH_POST and event.category is None:
        raise PersonnelError("Вкажіть категорію посади (1–7)")
    if event.category is not None:
        allowed = ranks_of(event.category)
        if event.rank is not None and event.rank not in allowed:
            raise PersonnelError(
                f"Ранг {event.rank} не відповідає {event.category}-й категорії посади "
                f"(можливі: {', '.join(map(str, sorted(allowed)))}; ст. 15 Закону)"
            )
    if event.kind == RANK and event.rank is None:
        raise PersonnelError("Вкажіть ранг (1–15)")
    if event.rank is not None and not 1 <= event.rank <= 15:
        raise PersonnelError("Ранг — від 1 до 15")
    if event.kind == SENIORITY and event.amount not in THRESHOLDS:
        raise PersonnelError("Надбавка за вислугу: поріг 3, 5, 10, 15, 20 або 25 років")
    if event.kind == VACATION and martial_law and event.detail == "щорічна основна":
        days = event.amount or ((event.end - event.day).days + 1 if event.end else 0)
        if days > cap:
            raise PersonnelError(
                f"В умовах воєнного стану щорічна основна відпустка обмежена {cap} "
                "календарними днями (ст. 12 Закону № 2136-IX)"
            )


@dataclass(frozen=True)
class Reminder:
    """Something HR must do by `due`: what and about whom (the service fills the name)."""

    due: date
    kind: str
    text: str
    staff_id: int = 0
    name: str = ""

    @property
    def label(self) -> str:
        return f"{format_date(self.due)} — {self.name}: {self.text}" if self.name else self.text


#: Martial law in Ukraine since (Указ Президента № 64/2022); its end is a calendar setting.
MARTIAL_LAW_START = date(2022, 2, 24)


def martial_law_on(day: date, end: date | None) -> bool:
    """Martial law was in force on `day` (`end`: its last day; None while it lasts)."""
    return day >= MARTIAL_LAW_START and (end is None or day <= end)


#: The end of martial law as the calendar setting gives it: None while it is in force.
MARTIAL_IN_FORCE: date | None = None
#: How far ahead the reminders look, days.
HORIZON_DAYS = 31


@dataclass(frozen=True)
class FileState:
    """What the reminders need of one person's history, derived on every change and kept in
    the file (so the scan of 10,000 people reads one row each, not their 300,000 events).

    `service_start`: the day from which the service counted for the bonus, as one unbroken
    span, runs (previous service and earlier spans here moved back before the last hiring)."""

    hired: date
    service_start: date
    trial_end: date | None = None
    trial_kind: str = ""
    contract_end: date | None = None
    contract_kind: str = ""
    attestation_due: date | None = None
    training_due: date | None = None
    martial_hire: bool = False
    seniority_granted: int = 0
    reserve_state: str = ""
    reserve_reviewed: date | None = None


def derive_state(events: Sequence[Event], periods: Sequence[Period]) -> FileState | None:
    """The state of a person's file from the history (None before the first appointment)."""
    ordered = sorted(events, key=lambda e: e.day)
    hires = [e for e in ordered if e.kind == HIRE]
    if not hires:
        return None
    hired = hires[-1]
    since = [e for e in ordered if e.day >= hired.day]
    trials = [e for e in since if e.kind in (PROBATION, INTERNSHIP) and e.end is not None]
    trial = max(trials, key=lambda e: e.end or e.day) if trials else None
    contracts = [e for e in ordered if e.kind in (CONTRACT, HEAD_CONTRACT) and e.end is not None]
    contract = max(contracts, key=lambda e: e.end or e.day) if contracts else None
    attested = max([e.day for e in ordered if e.kind == ATTESTATION] + [hired.day])
    trained = max([e.end or e.day for e in ordered if e.kind == TRAINING] + [hired.day])
    reserve = [e for e in ordered if e.kind == RESERVE]
    before = service_days(periods, hired.day)
    return FileState(
        hired=hired.day,
        service_start=hired.day - timedelta(days=max(before - 1, 0)),
        trial_end=trial.end if trial else None,
        trial_kind=trial.kind if trial else "",
        contract_end=contract.end if contract else None,
        contract_kind=contract.kind if contract else "",
        attestation_due=add_years(attested, ATTESTATION_YEARS),
        training_due=add_years(trained, TRAINING_YEARS),
        martial_hire=hired.detail == MARTIAL_BASIS,
        seniority_granted=max((e.amount or 0 for e in ordered if e.kind == SENIORITY), default=0),
        reserve_state=reserve[-1].detail if reserve else "",
        reserve_reviewed=reserve[-1].day if reserve else None,
    )


def years_between(start: date, on: date) -> int:
    """Whole years from `start` to `on` (29 February counts from 28 February in other years)."""
    years = on.year - start.year
    if years > 0 and add_years(start, years) > on:
        years -= 1
    return max(years, 0)


def state_reminders(
    staff_id: int,
    st: FileState,
    on: date,
    martial_law_end: date | None = MARTIAL_IN_FORCE,
    horizon: int = HORIZON_DAYS,
) -> list[Reminder]:
    """What is due for one employee still in service, from `on` up to `horizon` days ahead
    (overdue items included): probation and internship ends (22.1, 21.1), contract expiry
    2 months ahead (26.4), the next seniority threshold and a bonus not set for one reached
    (ст. 22 of the Law), attestation once in 4 years (ст. 17), training once in 5 years, the
    competition within 6 months after martial law (№ 389-VIII ч. 7 ст. 10), the reserve
    review in December (23.4)."""
    limit = on + timedelta(days=horizon)
    found: list[Reminder] = []
    if st.trial_end is not None and on - timedelta(days=7) <= st.trial_end <= limit:
        what = "випробування" if st.trial_kind == PROBATION else "стажування"
        text = f"закінчується {what} {format_date(st.trial_end)}"
        found.append(Reminder(st.trial_end, st.trial_kind, text, staff_id))
    if st.contract_end is not None and st.contract_end >= on - timedelta(days=30):
        warn = add_months(st.contract_end, -CONTRACT_WARN_MONTHS)
        if warn <= limit:
            kind = st.contract_kind or CONTRACT
            text = f"спливає {EVENT_KINDS[kind].lower()}: {format_date(st.contract_end)}"
            found.append(Reminder(warn, kind, text, staff_id))
    years = years_between(st.service_start, on)
    following = next((t for t in THRESHOLDS if t > years), None)
    if following is not None:
        due = add_years(st.service_start, following)
        if due <= limit:
            text = f"вислуга {following} років — надбавка"
            found.append(Reminder(due, SENIORITY, text, staff_id))
    reached = max((t for t in THRESHOLDS if t <= years), default=None)
    if reached is not None and st.seniority_granted < reached:
        text = f"досягнуто {reached} років вислуги — надбавку не встановлено"
        found.append(Reminder(on, SENIORITY, text, staff_id))
    # Attestation schedules are suspended under martial law (розпорядження of the councils, e.g.
    # Lutsk 24.02.2022 № 14-ра; [HR] §2): no reminder until it ends.
    martial = martial_law_on(on, martial_law_end)
    if st.attestation_due is not None and st.attestation_due <= limit and not martial:
        text = f"атестація (раз на 4 роки) — {format_date(st.attestation_due)}"
        found.append(Reminder(st.attestation_due, ATTESTATION, text, staff_id))
    if st.training_due is not None and st.training_due <= limit:
        text = "підвищення кваліфікації: понад 5 років без навчання"
        found.append(Reminder(st.training_due, TRAINING, text, staff_id))
    if martial_law_end is not None and st.martial_hire:
        due = add_months(martial_law_end, COMPETITION_MONTHS)
        if due <= limit:
            text = "призначено без конкурсу (воєнний стан): конкурс — до " + format_date(due)
            found.append(Reminder(due, "competition", text, staff_id))
    reviewed = st.reserve_reviewed
    in_reserve = st.reserve_state and st.reserve_state != "виключено"
    if in_reserve and on.month == 12 and (reviewed is None or reviewed < date(on.year, 12, 1)):
        text = "перегляд кадрового резерву (грудень)"
        found.append(Reminder(date(on.year, 12, 31), RESERVE, text, staff_id))
    return found


def reminders(
    staff_id: int,
    events: Sequence[Event],
    periods: Sequence[Period],
    on: date,
    martial_law_end: date | None = MARTIAL_IN_FORCE,
    horizon: int = HORIZON_DAYS,
) -> list[Reminder]:
    """The reminders of one person from the history itself (`state_reminders` of its state)."""
    st = derive_state(events, periods)
    return [] if st is None else state_reminders(staff_id, st, on, martial_law_end, horizon)
