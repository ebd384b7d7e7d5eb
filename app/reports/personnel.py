"""The HR department's report for a period, in the layout of a real one (Lutsk, 9 months of
2022; shared/domain/next-registers.md §1.2): section 1's table — appointed by basis, transferred
by kind, fixed-term contracts, dismissed by ground, internships, seniority bonuses by threshold,
ranks, contracts with heads — the counters of its prose (personnel orders by kind, main-activity
orders, appeals, incoming letters and information requests handled), and section 2's annual
evaluation.

Persons and orders are counted separately (the report itself has 72 persons dismissed by 76
orders): table rows count entries of the service history dated within the period, the prose
counts orders of the orders register signed within it. Each row keeps what it counted
(`RowSource`), so the window opens the records behind a figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.domain import personnel as rules
from app.domain.orders import MAIN, PERSONNEL, PERSONNEL_KINDS
from app.domain.roles import Actor, actor_of
from app.registers import REGISTERS
from app.reports.tables import ReportPeriod, TableReport
from app.services import personnel as hr
from app.services import settings
from db.queries import personnel as q
from db.session import Database

TITLE = "Звіт про роботу кадрової служби"
COLUMNS = ("Показник", "Кількість")
SUB = "    • "  # a breakdown row under its total, as the original's bullet list


@dataclass(frozen=True)
class RowSource:
    """What a row counted: entries of the history of `kinds` (with a detail among `details`,
    or a threshold among `amounts`; all when empty)."""

    kinds: tuple[str, ...]
    details: tuple[str, ...] = ()
    amounts: tuple[int, ...] = ()


@dataclass
class PersonnelReport:
    table: TableReport
    sources: list[RowSource | None] = field(default_factory=list)


class _Builder:
    def __init__(self, counts: list[Any]) -> None:
        self.rows: list[tuple[str, Any]] = []
        self.sources: list[RowSource | None] = []
        self.events: Counter[tuple[str, str]] = Counter()
        self.amounts: Counter[tuple[str, int]] = Counter()
        for kind, detail, amount, events, _persons in counts:
            self.events[(kind, detail or "")] += events
            if amount is not None:
                self.amounts[(kind, amount)] += events

    def add(self, label: str, value: Any, source: RowSource | None = None) -> None:
        self.rows.append((label, value))
        self.sources.append(source)

    def total(self, kind: str) -> int:
        return sum(n for (k, _), n in self.events.items() if k == kind)

    def details(self, kind: str) -> list[str]:
        return [d for (k, d) in self.events if k == kind]

    def by_detail(self, label: str, kind: str, options: list[str] | tuple[str, ...]) -> None:
        """A total and a row per option, then the values typed outside the list («інше»)."""
        self.add(label, self.total(kind), RowSource((kind,)))
        for option in options:
            self.add(f"{SUB}{option}", self.events[(kind, option)], RowSource((kind,), (option,)))
        rest = [d for d in self.details(kind) if d not in options]
        if rest:
            count = sum(self.events[(kind, d)] for d in rest)
            self.add(f"{SUB}інше", count, RowSource((kind,), tuple(rest)))


def _dismissals(b: _Builder) -> None:
    kind = rules.DISMISSAL
    b.add("Звільнено", b.total(kind), RowSource((kind,)))
    matched: set[str] = set()
    for label, code in rules.REPORT_GROUNDS:
        details = [d for d in b.details(kind) if d == code or d.startswith(code + " ")]
        matched.update(details)
        count = sum(b.events[(kind, d)] for d in details)
        b.add(f"{SUB}{label}", count, RowSource((kind,), tuple(details) or ("-",)))
    rest = [d for d in b.details(kind) if d not in matched]
    b.add(
        f"{SUB}інша підстава",
        sum(b.events[(kind, d)] for d in rest),
        RowSource((kind,), tuple(rest) or ("-",)),
    )


def _seniority(b: _Builder) -> None:
    kind = rules.SENIORITY
    b.add("Встановлено надбавки за вислугу років", b.total(kind), RowSource((kind,)))
    for years in rules.THRESHOLDS:
        label = "25 років і більше" if years == 25 else f"{years} {_years_word(years)}"
        b.add(f"{SUB}{label}", b.amounts[(kind, years)], RowSource((kind,), (), (years,)))


def _years_word(n: int) -> str:
    return "роки" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "років"


def _orders(b: _Builder, db: Database, period: ReportPeriod, notes: list[str]) -> None:
    assert period.date_from is not None
    with db.read() as s:
        personnel = dict(q.order_counts(s, "orders", period.date_from, period.date_to, PERSONNEL))
        main = dict(q.order_counts(s, "orders", period.date_from, period.date_to, MAIN))
    b.add("Підготовлено розпоряджень з кадрових питань", sum(personnel.values()))
    known = [k for k in PERSONNEL_KINDS if k != "інше"]
    for kind in known:
        b.add(f"{SUB}{kind}", personnel.get(kind, 0))
    other = sum(n for k, n in personnel.items() if k not in known)
    b.add(f"{SUB}інші", other)
    b.add("Розпоряджень з основної діяльності", sum(main.values()))


def _register_count(
    b: _Builder, db: Database, period: ReportPeriod, code: str, label: str, notes: list[str]
) -> None:
    """Documents of another register (appeals, information requests) within the period, of
    the HR department when it is named in the settings; 0 with a note while the register does
    not exist yet."""
    assert period.date_from is not None
    if code not in REGISTERS:
        b.add(label, 0)
        notes.append(f"«{label}»: реєстру ще немає в програмі, показано 0.")
        return
    b.add(label, _documents(db, code, period))


def _documents(db: Database, code: str, period: ReportPeriod) -> int:
    from sqlalchemy import func, select

    from db.models import Department, Document

    assert period.date_from is not None
    department = settings.get_setting(db, hr.HR_DEPARTMENT, "").strip()
    stmt = (
        select(func.count())
        .select_from(Document)
        .where(Document.register == code, Document.cancelled.is_(False))
        .where(Document.reg_date.between(period.date_from, period.date_to))
    )
    if department:
        stmt = stmt.join(Department, Department.id == Document.department_id).where(
            Department.name == department
        )
    with db.read() as s:
        return int(s.execute(stmt).scalar_one())


def _awards(b: _Builder, db: Database, actor: Actor, period: ReportPeriod) -> None:
    """Section 6: awards granted in the period by kind (the awards register,
    app/services/awards.statistics), to persons and to collectives."""
    from app.services import awards

    assert period.date_from is not None
    stats = awards.statistics(db, period.date_from, period.date_to, actor)
    b.add("6. Нагородження", "")
    b.add("Відзначено (нагородних матеріалів)", stats.total)
    for kind, count in stats.by_kind:
        b.add(f"{SUB}{kind}", count)
    b.add(f"{SUB}особам", stats.persons)
    b.add(f"{SUB}колективам", stats.collectives)


def build_report(db: Database, user: str | Actor, period: ReportPeriod) -> PersonnelReport:
    """The report for `period` (both ends included); HR only (PermissionDenied otherwise)."""
    actor = actor_of(user)
    if not hr.may_read(actor):
        actor.require("register.personnel.read")
    assert period.date_from is not None
    with db.read() as s:
        counts = q.event_counts(s, period.date_from, period.date_to)
    b = _Builder(counts)
    notes: list[str] = []
    b.add("1. Кадрова робота", "")
    b.by_detail("Призначено/прийнято", rules.HIRE, hr.choice_list(db, rules.HIRE))
    b.by_detail("Переведено в межах виконавчих органів ради", rules.TRANSFER, rules.TRANSFER_KINDS)
    b.by_detail("Укладено строкових трудових договорів", rules.CONTRACT, rules.CONTRACT_KINDS)
    _dismissals(b)
    b.by_detail("Стажування пройшли", rules.INTERNSHIP, rules.INTERNSHIP_KINDS)
    _seniority(b)
    b.add("Присвоєно рангів", b.total(rules.RANK), RowSource((rules.RANK,)))
    b.by_detail("Укладено контрактів з керівниками", rules.HEAD_CONTRACT, rules.CONTRACT_KINDS)
    b.add("Надано відпусток (записів)", b.total(rules.VACATION), RowSource((rules.VACATION,)))
    b.add(
        "Надано відпусток без збереження заробітної плати (записів)",
        b.total(rules.UNPAID_LEAVE),
        RowSource((rules.UNPAID_LEAVE,)),
    )
    b.by_detail("Службові відрядження (записів)", rules.TRIP, rules.TRIP_KINDS)
    b.add(
        "Увільнено у зв'язку з військовою службою",
        b.total(rules.MILITARY),
        RowSource((rules.MILITARY,)),
    )
    b.add(
        "Призупинено дію трудового договору (ст. 13 Закону № 2136-IX)",
        b.total(rules.SUSPENSION),
        RowSource((rules.SUSPENSION,)),
    )
    b.add(
        "Пройшли навчання, підвищення кваліфікації",
        b.total(rules.TRAINING),
        RowSource((rules.TRAINING,)),
    )
    _orders(b, db, period, notes)
    _register_count(b, db, period, "appeals", "Розглянуто звернень громадян", notes)
    b.add("Опрацьовано листів вхідної кореспонденції", _documents(db, "incoming", period))
    _register_count(b, db, period, "info_requests", "Надано відповідей на публічні запити", notes)
    b.add("2. Щорічна оцінка та атестація", "")
    b.by_detail("Пройшли щорічну оцінку", rules.EVALUATION, rules.EVALUATION_RESULTS)
    b.by_detail("Пройшли атестацію", rules.ATTESTATION, rules.ATTESTATION_RESULTS)
    _awards(b, db, actor, period)
    department = settings.get_setting(db, hr.HR_DEPARTMENT, "").strip()
    notes.append(
        "Особи та розпорядження лічаться окремо: рядки розділу 1 — записи послужних списків "
        "за датою події, розпорядження — за датою підписання."
    )
    if department:
        notes.append(f"Листи та звернення — ті, виконавцем яких є «{department}».")
    else:
        notes.append(
            "Листи та звернення — усі за період (кадрову службу не вказано в налаштуваннях)."
        )
    table = TableReport(
        title=TITLE,
        period=period,
        columns=COLUMNS,
        rows=[list(r) for r in b.rows],
        notes=tuple(notes),
        widths=(5.0, 1.0),
    )
    return PersonnelReport(table, b.sources)


def build(db: Database, user: Actor, period: ReportPeriod) -> TableReport:
    """The report as the shared `report` command and the window's save write it."""
    return build_report(db, user, period).table


def rows_behind(
    db: Database, user: str | Actor, period: ReportPeriod, source: RowSource
) -> list[tuple[Any, ...]]:
    """The entries a row counted: (date, name, kind, detail, order number, person's id)."""
    actor = actor_of(user)
    if not hr.may_read(actor):
        actor.require("register.personnel.read")
    assert period.date_from is not None
    with db.read() as s:
        rows = q.event_rows(s, period.date_from, period.date_to, source.kinds, source.details)
    found = []
    for r in rows:
        if source.amounts and r.amount not in source.amounts:
            continue
        name = " ".join(p for p in (r.surname, r.given_name, r.patronymic) if p)
        kind = rules.EVENT_KINDS.get(r.kind, r.kind)
        found.append((r.event_date, name, kind, r.detail, r.order_number, r.staff_id))
    return found
