"""What a register tab shows: counts and pages of rows, filtered and sorted in SQL.

The table model asks for a page at a time; rows come back as frozen dataclasses with the control
state already worked out against the working calendar, so the UI only paints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from app.domain.dates import format_date
from app.domain.deadlines import ControlState, ControlThresholds
from app.domain.roles import Actor, actor_of
from app.domain.text import fts5_query, tsquery_terms
from app.registers import REGISTERS, RegisterSpec
from app.services.access import readable_series, require_read
from app.services.calendar import load_calendar
from db.queries.plain_documents import DEFAULT_SORT, first_page
from db.session import Database

if TYPE_CHECKING:
    from db.queries import documents as q


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
    sort: str = DEFAULT_SORT
    descending: bool = True
    # The spec's own filters (RegisterSpec.filters) as (key, chosen value) pairs.
    extra: tuple[tuple[str, Any], ...] = ()


class DocumentRow:
    """One row of a register's table: the core every register has (number, date, control,
    cancellation) and the values of the spec's columns, read as attributes or by `display`.

    The same class serves every document register: its values are whatever columns its spec
    declares (of `document` or of its detail table), so no register adds a field here.
    """

    __slots__ = ("_values", "state")

    def __init__(self, values: Mapping[str, Any], state: ControlState = ControlState.NONE) -> None:
        self._values = dict(values)
        self.state = state

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(key) from None

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DocumentRow)
            and self._values == other._values
            and self.state == other.state
        )

    def __hash__(self) -> int:
        return hash(self._values.get("id"))

    def __repr__(self) -> str:
        return f"DocumentRow({self._values!r}, state={self.state!r})"

    @property
    def values(self) -> Mapping[str, Any]:
        return self._values

    @property
    def state_label(self) -> str:
        """An entity register's row names its own state («працює», «звільнено»): a person who
        left is greyed like a cancelled record, but is not «Анульовано»."""
        own = self._values.get("state_label")
        if own is not None:
            return str(own)
        return "Анульовано" if self._values.get("cancelled") else self.state.label

    def value(self, key: str) -> Any:
        return self.state_label if key == "state_label" else self._values.get(key)

    def display(self, key: str) -> str:
        """The text of column `key` as shown in the table and the printed journal."""
        value = self.value(key)
        if isinstance(value, bool):
            return "так" if value else ""
        if isinstance(value, date):
            return format_date(value)
        return "" if value is None else str(value)


def to_filter(
    view: ViewQuery, thresholds: ControlThresholds, actor: Actor | None = None
) -> q.DocumentFilter:
    """The database filter for a view; control states are judged against `thresholds`; the
    spec gives the row's columns, its detail table and its own filters; a user who may read
    only some series of the register sees only those."""
    from db.queries import documents as q

    spec = REGISTERS.get(view.register)
    detail = spec.detail if spec else None
    columns = row_keys(spec)
    chosen = dict(view.extra)
    equals = tuple(
        (f.column, chosen[f.key]) for f in (spec.filters if spec else ()) if chosen.get(f.key)
    )
    return q.DocumentFilter(
        register=view.register,
        detail=detail,
        columns=columns,
        equals=equals,
        series=readable_series(spec, actor) if spec and actor else None,
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


def row_keys(spec: RegisterSpec | None) -> tuple[str, ...]:
    """The keys a row of `spec`'s register carries beyond the core: its columns' and the ones
    its actions read (`row_keys`)."""
    if spec is None:
        return ()
    shown = tuple(c.key for c in spec.columns if c.key not in ("state_label", "series_title"))
    return shown + spec.row_keys


def _row(
    raw: Mapping[str, Any], thresholds: ControlThresholds, spec: RegisterSpec | None = None
) -> DocumentRow:
    """A row of the table from a row's values by key (the control state judged by today's
    thresholds, the spec's presentation applied)."""
    state = thresholds.state(raw["due_date"], raw["done_date"], raw["on_control"])
    if spec is None or (spec.present is None and not spec.series):
        return DocumentRow(raw, state)
    values = dict(raw)
    if spec.series:  # the series as the clerk names it (the code is the program's)
        titles = {s.code: s.title for s in spec.series}
        values["series_title"] = titles.get(values.get("series") or "", values.get("series"))
    if spec.present is not None:
        spec.present(values, thresholds.today)
    return DocumentRow(values, state)


class RowSource(Protocol):
    """Where a register's table, export and printed list read rows: a document register's
    `RegisterView`, or an entity register's own view (the staff list). Pages are read on demand;
    the id vector lets the table find a record deep in a large view."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int, total: int | None = None) -> list[DocumentRow]: ...

    def ids(self) -> Sequence[int]: ...

    def rows_by_ids(self, ids: list[int]) -> list[DocumentRow]: ...

    def all_rows(self, limit: int | None = None) -> list[DocumentRow]: ...


class RegisterView:
    """One open view of a register: keeps the filter and thresholds so paging is cheap.

    Refused (PermissionDenied) unless `user` may read the register; a plain string is the
    system (the CLI, printouts and exports that checked their own permission)."""

    def __init__(
        self, db: Database, view: ViewQuery, today: date | None = None, user: str | Actor = ""
    ) -> None:
        self.actor = actor_of(user)
        require_read(self.actor, view.register)
        self.db = db
        self.view = view
        self.thresholds = ControlThresholds.for_day(today or date.today(), load_calendar(db))
        self.spec = REGISTERS.get(view.register)

    @cached_property
    def filter(self) -> q.DocumentFilter:
        return to_filter(self.view, self.thresholds, self.actor)

    def count(self) -> int:
        from db.queries import documents as q

        with self.db.read() as s:
            return q.count(s, self.filter)

    def page(self, offset: int, limit: int, total: int | None = None) -> list[DocumentRow]:
        from db.queries import documents as q

        with self.db.read() as s:
            raws = q.fetch_page(
                s, self.filter, self.view.sort, self.view.descending, offset, limit, total
            )
        return [_row(r._mapping, self.thresholds, self.spec) for r in raws]

    def ids(self) -> Sequence[int]:
        from db.queries import documents as q

        with self.db.read() as s:
            return q.fetch_ids(s, self.filter, self.view.sort, self.view.descending)

    def rows_by_ids(self, ids: list[int]) -> list[DocumentRow]:
        from db.queries import documents as q

        with self.db.read() as s:
            rows = q.fetch_rows_by_ids(s, ids, self.filter)
            return [_row(r._mapping, self.thresholds, self.spec) for r in rows]

    def all_rows(self, limit: int | None = None) -> list[DocumentRow]:
        """Every row of the view in order (for printing and export)."""
        from db.queries import documents as q

        with self.db.read() as s:
            raws = q.fetch_page(s, self.filter, self.view.sort, self.view.descending, 0, limit)
        return [_row(r._mapping, self.thresholds, self.spec) for r in raws]


def _plain(view: ViewQuery) -> bool:
    """A view with no filter but its register (what a tab opens with)."""
    return view == ViewQuery(view.register, sort=view.sort, descending=view.descending)


class FirstScreenView(RegisterView):
    """A register view whose count and first page are read in plain SQL on a SQLite file
    (db/queries/plain_documents.py), so a tab's first screen needs no SQLAlchemy: the window
    shows it before loading SQLAlchemy (issue 10). The register model reads every load of an
    unfiltered view this way (the start, a refresh, a click on a column), so the plain SQL must
    stay SQLAlchemy's row for row: tests/db/test_plain_documents.py. Later pages, the id vector,
    every row (export, printing) and a view that is not plain are read the usual way."""

    def __init__(
        self,
        db: Database,
        view: ViewQuery,
        today: date | None = None,
        user: str | Actor = "",
        first_rows: int = 200,
    ) -> None:
        super().__init__(db, view, today, user)
        self._first_rows = first_rows
        self._first_read = False
        self._first_page: tuple[int, list[DocumentRow]] | None = None

    @property
    def _first(self) -> tuple[int, list[DocumentRow]] | None:
        """(count, first rows) in plain SQL, read when first asked for; None: not a plain view."""
        if not self._first_read:
            self._first_read = True
            self._first_page = self._read_first()
        return self._first_page

    def _read_first(self) -> tuple[int, list[DocumentRow]] | None:
        spec, view = self.spec, self.view
        if self.db.sqlite_file is None or spec is None or not _plain(view):
            return None
        with self.db.plain() as read:
            found = first_page(
                read,
                view.register,
                row_keys(spec),
                series=readable_series(spec, self.actor),
                detail_model=spec.detail_model,
                sort=view.sort,
                descending=view.descending,
                limit=self._first_rows,
            )
        if found is None:
            return None
        return found.total, [_row(values, self.thresholds, spec) for values in found.rows]

    def count(self) -> int:
        first = self._first
        return first[0] if first is not None else super().count()

    def page(self, offset: int, limit: int, total: int | None = None) -> list[DocumentRow]:
        first = self._first if offset == 0 else None
        if first is not None and (limit <= len(first[1]) or len(first[1]) == first[0]):
            return first[1][:limit]
        return super().page(offset, limit, total)
