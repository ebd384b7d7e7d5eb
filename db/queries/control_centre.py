"""Queries of the control centre, the period report and the reminders: counted in SQL.

Every figure is a GROUP BY over (department, lead executor), never rows counted in Python, so the
answer costs the same on 1,000 and on 1,000,000 documents:

* open controls are read through the partial index `ix_document_open_control`
  (`on_control AND done_date IS NULL`): the condition below is written exactly so that both
  engines prove the index usable;
* controls done in a period go through `ix_document_done` (`done_date`, partial
  `WHERE done_date IS NOT NULL`), which migration 0002 adds.

Cancelled documents are never counted. All registers are counted together (the `document` table
holds them all); a register is named here only by the caller's `scope`: the registers (and the
series of each) the user may read, None for all of them. Query functions take a Session and never
commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session

from db.models import Department, Document

#: The states of the control centre, as the queries know them (the service gives them labels).
OPEN_STATES = ("overdue", "due_today", "due_soon", "on_control")
DONE_STATES = ("done", "done_late")

#: What a document is about: its summary, else its title (a decision or an order registered
#: with a title only), so a listing's «Короткий зміст» is never blank.
SUMMARY_OR_TITLE = func.coalesce(func.nullif(Document.summary, ""), Document.title).label("summary")

LISTING_COLUMNS = (
    Document.id,
    Document.register,
    Document.reg_number,
    Document.reg_date,
    Document.correspondent_name,
    SUMMARY_OR_TITLE,
    Document.lead_executor_name,
    Document.department_id,
    Document.due_date,
    Document.done_date,
    Document.final_due,  # with interim reports: the term of execution beyond the next report
)


#: The registers a user may read, each with the series he may read there (None: all its
#: series); None: every register (no condition at all, the plans as before).
Scope = Mapping[str, tuple[str, ...] | None] | None


def in_scope(scope: Scope) -> ColumnElement[bool]:
    """Documents of the registers (and series) in `scope`: `register IN (…)` for the registers
    read whole, plus `register = … AND series IN (…)` for those read by series."""
    if scope is None:
        return true()
    whole = [code for code, series in scope.items() if series is None]
    parts: list[ColumnElement[bool]] = [Document.register.in_(whole)] if whole else []
    parts += [
        and_(Document.register == code, Document.series.in_(series))
        for code, series in scope.items()
        if series
    ]
    return or_(*parts) if parts else false()


def _open() -> ColumnElement[bool]:
    """On control and not done: the predicate of the partial index of open controls."""
    return and_(
        Document.on_control == true(),
        Document.done_date.is_(None),
        Document.due_date.is_not(None),
        Document.cancelled == false(),
    )


def _controlled() -> ColumnElement[bool]:
    """Ever on control with a term, not cancelled (done ones keep `on_control`)."""
    return and_(
        Document.on_control == true(),
        Document.due_date.is_not(None),
        Document.cancelled == false(),
    )


def _done_between(start: date, end: date) -> ColumnElement[bool]:
    """Removed from control in [start, end]; `IS NOT NULL` spelt out for the partial index."""
    return and_(
        Document.done_date.is_not(None),
        Document.done_date >= start,
        Document.done_date <= end,
        _controlled(),
    )


def _tally(condition: ColumnElement[bool]) -> Any:
    return func.sum(case((condition, 1), else_=0))


def _grouped(*figures: Any) -> Select[Any]:
    """Rows of (department id, lead executor id, lead executor name, *figures) per group."""
    return select(
        Document.department_id,
        Document.lead_executor_id,
        func.max(Document.lead_executor_name),
        *figures,
    ).group_by(Document.department_id, Document.lead_executor_id)


def _as_ints(rows: Any) -> list[tuple[Any, ...]]:
    return [
        (dept, executor, name or "", *(int(v or 0) for v in rest))
        for dept, executor, name, *rest in rows
    ]


def open_counts(
    session: Session, today: date, soon_limit: date, scope: Scope = None
) -> list[tuple[Any, ...]]:
    """Per group: (dept, executor, name, overdue, due today, due by `soon_limit`, all open)."""
    due = Document.due_date
    stmt = _grouped(
        _tally(due < today),
        _tally(due == today),
        _tally(and_(due >= today, due <= soon_limit)),
        func.count(),
    ).where(_open(), in_scope(scope))
    return _as_ints(session.execute(stmt))


def done_counts(
    session: Session, start: date, end: date, scope: Scope = None
) -> list[tuple[Any, ...]]:
    """Per group: (dept, executor, name, done on time, done late) among those done in
    [start, end]; on time means removed on or before the term."""
    stmt = _grouped(
        _tally(Document.done_date <= Document.due_date),
        _tally(Document.done_date > Document.due_date),
    ).where(_done_between(start, end), in_scope(scope))
    return _as_ints(session.execute(stmt))


def unfinished_counts(
    session: Session, date_from: date, date_to: date, cutoff: date, scope: Scope = None
) -> list[tuple[Any, ...]]:
    """Per group: (dept, executor, name, overdue, pending) at the end of a period.

    Among documents registered by `date_to` and not done by then: overdue — the term fell in
    [date_from, cutoff); pending — the term is `cutoff` or later (not yet reached).

    «Not done by `date_to`» is two sets read through two indexes: still open today (the partial
    index of open controls) and done after `date_to` (the index of done dates); an OR of the two
    would read the whole table.
    """
    due = Document.due_date
    figures = (_tally(and_(due >= date_from, due < cutoff)), _tally(due >= cutoff))
    common = (Document.reg_date <= date_to, due >= min(date_from, cutoff), in_scope(scope))
    still_open = _grouped(*figures).where(_open(), *common)
    done_after = _grouped(*figures).where(
        Document.done_date.is_not(None), Document.done_date > date_to, _controlled(), *common
    )
    return _as_ints(session.execute(still_open)) + _as_ints(session.execute(done_after))


def department_names(session: Session) -> dict[int, str]:
    return {
        dept_id: name for dept_id, name in session.execute(select(Department.id, Department.name))
    }


def _state_condition(
    state: str, today: date, soon_limit: date, month_start: date
) -> ColumnElement[bool]:
    due = Document.due_date
    if state == "overdue":
        return and_(_open(), due < today)
    if state == "due_today":
        return and_(_open(), due == today)
    if state == "due_soon":
        return and_(_open(), due >= today, due <= soon_limit)
    if state == "on_control":
        return _open()
    if state == "done":
        return and_(_done_between(month_start, today), Document.done_date <= due)
    if state == "done_late":
        return and_(_done_between(month_start, today), Document.done_date > due)
    raise ValueError(f"unknown control centre state {state!r}")


def _group_conditions(
    department_id: int | None, executor_id: int | None, level: str
) -> list[ColumnElement[bool]]:
    """`level` "all": every group; "department": one department (None: without one);
    "executor": one lead executor within that department (None: without an executor)."""
    cond: list[ColumnElement[bool]] = []
    if level in ("department", "executor"):
        column = Document.department_id
        cond.append(column.is_(None) if department_id is None else column == department_id)
    if level == "executor":
        column = Document.lead_executor_id
        cond.append(column.is_(None) if executor_id is None else column == executor_id)
    return cond


def cell(
    session: Session,
    *,
    state: str,
    level: str,
    department_id: int | None,
    executor_id: int | None,
    today: date,
    soon_limit: date,
    month_start: date,
    limit: int,
    scope: Scope = None,
) -> tuple[int, list[Any]]:
    """(how many, the first `limit` rows) of one cell of the control centre.

    Open documents come by term (the most urgent first), done ones by the date they were done
    (the latest first)."""
    where = [
        _state_condition(state, today, soon_limit, month_start),
        *_group_conditions(department_id, executor_id, level),
        in_scope(scope),
    ]
    total = session.execute(select(func.count()).select_from(Document).where(*where)).scalar_one()
    order = (
        (Document.due_date, Document.id)
        if state in OPEN_STATES
        else (Document.done_date.desc(), Document.id.desc())
    )
    rows = session.execute(select(*LISTING_COLUMNS).where(*where).order_by(*order).limit(limit))
    return int(total), list(rows)


def reminder_rows(session: Session, limit_date: date, scope: Scope = None) -> list[Any]:
    """Open documents due by `limit_date` (overdue ones included), by lead executor (those
    without one too, so the caller can count them) and then by term."""
    stmt = (
        select(*LISTING_COLUMNS, Document.lead_executor_id)
        .where(_open(), Document.due_date <= limit_date, in_scope(scope))
        .order_by(Document.lead_executor_id, Document.due_date, Document.id)
    )
    return list(session.execute(stmt))
