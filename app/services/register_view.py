"""What a register tab shows: counts and pages of rows, filtered and sorted in SQL.

The table model asks for a page at a time; rows come back as frozen dataclasses with the control
state already worked out against the working calendar, so the UI only paints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.dates import format_date
from app.domain.deadlines import ControlState, ControlThresholds
from app.domain.roles import Actor, actor_of, read
from app.domain.text import fts5_query, tsquery_terms
from app.services.calendar import load_calendar
from db.queries import documents as q
from db.session import Database


@dataclass(frozen=True)
class ViewQuery:
    """A register view as the clerk set it: filters, full-text search and sort."""

    register: str
    date_from: date | None = None
    date_to: date | None = None
    executor_id: int | None = None
    department_id: int | None = None
    state: str | None = None
    search: str = ""
    sort: str = q.DEFAULT_SORT
    descending: bool = True


@dataclass(frozen=True)
class DocumentRow:
    """One row of a register's table: the columns of every register (each shows its own)."""

    id: int
    reg_number: str
    reg_date: date
    correspondent_name: str
    ext_number: str
    ext_date: date | None
    kind: str
    summary: str
    lead_executor_name: str
    due_date: date | None
    done_date: date | None
    case_index: str
    on_control: bool
    urgent: bool
    cancelled: bool
    title: str
    signatory_name: str
    copies: int | None
    send_method: str
    sent_date: date | None
    reply_numbers: str
    state: ControlState

    @property
    def state_label(self) -> str:
        return "Анульовано" if self.cancelled else self.state.label

    def display(self, key: str) -> str:
        """The text of column `key` as shown in the table and the printed journal."""
        value = getattr(self, key)
        if isinstance(value, date):
            return format_date(value)
        return "" if value is None else str(value)


def to_filter(view: ViewQuery, thresholds: ControlThresholds) -> q.DocumentFilter:
    """The database filter for a view; control states are judged against `thresholds`."""
    return q.DocumentFilter(
        register=view.register,
        date_from=view.date_from,
        date_to=view.date_to,
        executor_id=view.executor_id,
        department_id=view.department_id,
        state=view.state,
        today=thresholds.today,
        soon_limit=thresholds.soon_limit,
        fts_query=fts5_query(view.search) if view.search.strip() else None,
        ts_terms=tuple(tsquery_terms(view.search)) if view.search.strip() else (),
    )


def _row(raw: Any, thresholds: ControlThresholds) -> DocumentRow:
    state = thresholds.state(raw.due_date, raw.done_date, raw.on_control)
    return DocumentRow(**raw._mapping, state=state)


class RegisterView:
    """One open view of a register: keeps the filter and thresholds so paging is cheap.

    Refused (PermissionDenied) unless `user` may read the register; a plain string is the
    system (the CLI, printouts and exports that checked their own permission)."""

    def __init__(
        self, db: Database, view: ViewQuery, today: date | None = None, user: str | Actor = ""
    ) -> None:
        actor_of(user).require(read(view.register))
        self.db = db
        self.view = view
        self.thresholds = ControlThresholds.for_day(today or date.today(), load_calendar(db))
        self.filter = to_filter(view, self.thresholds)

    def count(self) -> int:
        with self.db.read() as s:
            return q.count(s, self.filter)

    def page(self, offset: int, limit: int, total: int | None = None) -> list[DocumentRow]:
        with self.db.read() as s:
            raws = q.fetch_page(
                s, self.filter, self.view.sort, self.view.descending, offset, limit, total
            )
        return [_row(r, self.thresholds) for r in raws]

    def ids(self) -> list[int]:
        with self.db.read() as s:
            return q.fetch_ids(s, self.filter, self.view.sort, self.view.descending)

    def rows_by_ids(self, ids: list[int]) -> list[DocumentRow]:
        with self.db.read() as s:
            return [_row(r, self.thresholds) for r in q.fetch_rows_by_ids(s, ids)]

    def all_rows(self, limit: int | None = None) -> list[DocumentRow]:
        """Every row of the view in order (for printing and export)."""
        with self.db.read() as s:
            raws = q.fetch_page(s, self.filter, self.view.sort, self.view.descending, 0, limit)
        return [_row(r, self.thresholds) for r in raws]
