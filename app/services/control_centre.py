"""The control centre (контрольний центр): everything on control, across all registers, today.

For each executive body and each lead executor it counts, as of today:

* **overdue** — open (on control, not done) with the term before today;
* **due today** — open with the term today;
* **due soon** — open with the term from today to `ControlThresholds.soon_limit` (3 working
  days ahead, regulation 11.6), today included: the same set as the register's filter
  «Термін ≤ 3 роб. дні» and the state «Термін спливає»;
* **on control** — every open document (the three above are part of it);
* **done this month on time / late** — removed from control between the first of this month
  and today, on or before the term / after it.

Cancelled documents are left out, and so is every document of a register (or series) the user
may not read (`app.services.access.control_scope`): a reader never sees a citizen's appeal. The
counts are GROUP BY queries over the partial index of open controls and the index of done
dates, so the overview of 1,000,000 documents takes a few tens of
milliseconds (bench/bench_control_centre.py). A cell (a group × a state) lists its documents for
the click-through: the register, number, date, correspondent, summary, executor, term, state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.deadlines import ControlState, ControlThresholds
from app.domain.interim import term_label
from app.domain.roles import Actor, actor_of
from app.registers import REGISTERS
from app.reports.grouping import ALL, Figures, Group, GroupedFigures, build
from app.services.access import control_scope
from app.services.calendar import load_calendar
from db.queries import control_centre as q
from db.session import Database

#: A cell lists at most this many documents (the count says how many there are in all).
CELL_LIMIT = 1000

_LABELS = {
    "overdue": ("Прострочено", "Прострочено"),
    "due_today": ("Термін сьогодні", "Термін сьогодні"),
    "due_soon": ("Термін ≤ 3 роб. дні", "Термін спливає протягом 3 робочих днів"),
    "on_control": ("На контролі", "На контролі (усі невиконані)"),
    "done": ("Виконано вчасно", "Виконано вчасно цього місяця"),
    "done_late": ("Із запізненням", "Виконано із запізненням цього місяця"),
}


class CentreState(StrEnum):
    """A column of the control centre; the value is what db/queries/control_centre knows."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    ON_CONTROL = "on_control"
    DONE = "done"
    DONE_LATE = "done_late"

    @property
    def label(self) -> str:
        """The column title."""
        return _LABELS[self.value][0]

    @property
    def description(self) -> str:
        """What the column counts, for a tooltip."""
        return _LABELS[self.value][1]


@dataclass(frozen=True)
class ControlCounts(Figures):
    overdue: int = 0
    due_today: int = 0
    due_soon: int = 0
    on_control: int = 0
    done: int = 0
    done_late: int = 0

    def get(self, state: CentreState) -> int:
        return int(getattr(self, state.value))


@dataclass(frozen=True)
class Overview:
    today: date
    soon_limit: date
    month_start: date
    figures: GroupedFigures[ControlCounts]

    @property
    def totals(self) -> ControlCounts:
        return self.figures.total


@dataclass(frozen=True)
class CellDocument:
    id: int
    register: str
    register_title: str
    reg_number: str
    reg_date: date
    correspondent: str
    summary: str
    executor: str
    due_date: date
    done_date: date | None
    state: ControlState
    final_due: date | None = None  # with interim reports: due_date is the next report

    @property
    def state_label(self) -> str:
        return self.state.label

    @property
    def term_text(self) -> str:
        """The term as the lists print it: an interim report named so, with the final term."""
        return term_label(self.due_date, None if self.done_date else self.final_due)

    @property
    def term_short(self) -> str:
        """The same for a list's narrow column: «31.03.2026 (проміжний)»."""
        return term_label(self.due_date, None if self.done_date else self.final_due, short=True)


@dataclass(frozen=True)
class CellListing:
    group: Group
    state: CentreState
    total: int  # how many documents the cell counts; `documents` holds at most CELL_LIMIT
    documents: tuple[CellDocument, ...]


def _thresholds(db: Database, today: date | None) -> ControlThresholds:
    return ControlThresholds.for_day(today or date.today(), load_calendar(db))


def overview(db: Database, today: date | None = None, *, user: str | Actor = "") -> Overview:
    """The counts of every department and lead executor as of `today` (default: today), over
    the registers `user` may read (a plain login: the system, all of them)."""
    thresholds = _thresholds(db, today)
    day = thresholds.today
    month_start = day.replace(day=1)
    scope = control_scope(user)
    with db.read() as s:
        open_rows = q.open_counts(s, day, thresholds.soon_limit, scope)
        done_rows = q.done_counts(s, month_start, day, scope)
        names = q.department_names(s)
    rows = [
        (dept, executor, name, ControlCounts(overdue, today_, soon, open_))
        for dept, executor, name, overdue, today_, soon, open_ in open_rows
    ]
    rows += [
        (dept, executor, name, ControlCounts(done=on_time, done_late=late))
        for dept, executor, name, on_time, late in done_rows
    ]
    return Overview(day, thresholds.soon_limit, month_start, build(rows, names, ControlCounts()))


def register_title(code: str) -> str:
    """The register's title from its spec («Вхідні»); the code of a register not declared."""
    spec = REGISTERS.get(code)
    return spec.title if spec else code


def cell_document(row: Any, thresholds: ControlThresholds) -> CellDocument:
    """A row of `db.queries.control_centre.LISTING_COLUMNS` with its state on that day."""
    return CellDocument(
        id=row.id,
        register=row.register,
        register_title=register_title(row.register),
        reg_number=row.reg_number,
        reg_date=row.reg_date,
        correspondent=row.correspondent_name,
        summary=row.summary,
        executor=row.lead_executor_name,
        due_date=row.due_date,
        done_date=row.done_date,
        state=thresholds.state(row.due_date, row.done_date),
        final_due=row.final_due,
    )


def cell_documents(
    db: Database,
    group: Group = ALL,
    state: CentreState = CentreState.ON_CONTROL,
    today: date | None = None,
    limit: int = CELL_LIMIT,
    *,
    user: str | Actor = "",
) -> CellListing:
    """The documents of one cell that `user` may read: open ones by term (most urgent first),
    done ones latest first; at most `limit` of them, with the count of all."""
    thresholds = _thresholds(db, today)
    scope = control_scope(user)
    with db.read() as s:
        total, rows = q.cell(
            s,
            state=state.value,
            level=group.level,
            department_id=group.department_id,
            executor_id=group.executor_id,
            today=thresholds.today,
            soon_limit=thresholds.soon_limit,
            month_start=thresholds.today.replace(day=1),
            limit=limit,
            scope=scope,
        )
    documents = tuple(cell_document(r, thresholds) for r in rows)
    return CellListing(group, state, total, documents)


# --- HR reminders: their own section of the centre, for those with the personnel right -------


@dataclass(frozen=True)
class HrReminder:
    """Something HR must do by `due` about one person (probation, contract, seniority …)."""

    staff_id: int
    name: str  # «Ткачук М. І.»
    due: date
    kind: str
    text: str
    overdue: bool

    @property
    def state_label(self) -> str:
        return "Прострочено" if self.overdue else ""


@dataclass(frozen=True)
class HrReminders:
    today: date
    items: tuple[HrReminder, ...]  # soonest first, overdue ones at the top

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.items if r.overdue)


def hr_reminders(
    db: Database, today: date | None = None, *, user: str | Actor = ""
) -> HrReminders | None:
    """The personnel reminders due within a month, overdue ones included, for a user with the
    personnel right; None for anyone else (the centre then has no such section, and no refusal
    is shown). They are people's dates, not documents: never part of the documents' counts."""
    from app.services import personnel as hr

    actor = actor_of(user)
    if not hr.may_read(actor):
        return None
    day = today or date.today()
    items = tuple(
        HrReminder(r.staff_id, r.name, r.due, r.kind, r.text, r.due < day)
        for r in hr.reminders(db, actor, on=day).items
    )
    return HrReminders(day, items)
