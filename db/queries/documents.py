"""Queries over the document table: filtering, sorting and paging in SQL, never in Python.

Query functions take a Session and never commit. Paging never uses a deep OFFSET: a page in the
second half of the ordering is read from the other end (the reversed order with a small offset),
so the first and the last screen of a 1,000,000-row register cost the same.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    column,
    exists,
    func,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.orm import Session

from db.models import Document, Resolution, ResolutionExecutor, Staff
from db.queries.control_centre import Scope, in_scope
from db.queries.plain_documents import (
    CORE_KEYS,
    DEFAULT_SORT,
    NULLABLE_SORT_KEYS,
    SORT_COLUMNS,
)

S = TypeVar("S", bound=Select)  # type: ignore[type-arg]

#: What every row of every document register carries, whatever its columns: painting (state,
#: cancelled, urgent), the tooltip and the actions read these.
CORE_COLUMNS = tuple(getattr(Document, key) for key in CORE_KEYS)
#: The columns of the correspondence registers (kept for callers that read every one of them).
ROW_COLUMNS = (
    *CORE_COLUMNS,
    Document.ext_number,
    Document.ext_date,
    Document.kind,
    Document.case_index,
    Document.title,
    Document.signatory_name,
    Document.copies,
    Document.send_method,
    Document.sent_date,
    Document.reply_numbers,
)

#: The sorts by their keys (their columns named in db/queries/plain_documents.SORT_COLUMNS, which
#: the first screen's plain SQL orders by too).
SORTS: dict[str, tuple[Any, ...]] = {
    key: tuple(getattr(Document, name) for name in names) for key, names in SORT_COLUMNS.items()
}


@dataclass(frozen=True)
class DocumentFilter:
    """What a register view shows. Control states need `today` and `soon_limit` (computed from
    the working calendar by the caller, which the database layer does not know).

    `detail` is the register's detail table (joined when a column, sort or filter needs it),
    `columns` the row's keys beyond the core, `equals` the spec's own filters as (column,
    value), `series` the series the user may see (None: every series)."""

    register: str
    detail: Any = None
    columns: tuple[str, ...] = ()
    equals: tuple[tuple[str, Any], ...] = ()
    series: tuple[str, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None
    executor_id: int | None = None
    department_id: int | None = None
    state: str | None = None  # on_control, overdue, due_soon, done, done_late
    today: date | None = None
    soon_limit: date | None = None
    fts_query: str | None = None  # an FTS5 MATCH expression (SQLite)
    ts_terms: tuple[str, ...] = ()  # ready tsquery terms such as "луцьк:*" (PostgreSQL)


def _conditions(session: Session, flt: DocumentFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Document.register == flt.register]
    if flt.series is not None:
        cond.append(Document.series.in_(flt.series))
    for key, value in flt.equals:
        cond.append(column_of(flt.detail, key) == value)
    if flt.date_from:
        cond.append(Document.reg_date >= flt.date_from)
    if flt.date_to:
        cond.append(Document.reg_date <= flt.date_to)
    if flt.executor_id:
        cond.append(
            or_(
                Document.lead_executor_id == flt.executor_id,
                exists()
                .where(Resolution.document_id == Document.id)
                .where(ResolutionExecutor.resolution_id == Resolution.id)
                .where(ResolutionExecutor.staff_id == flt.executor_id),
            )
        )
    if flt.department_id:
        cond.append(
            or_(
                Document.department_id == flt.department_id,
                exists()
                .where(Resolution.document_id == Document.id)
                .where(ResolutionExecutor.resolution_id == Resolution.id)
                .where(Staff.id == ResolutionExecutor.staff_id)
                .where(Staff.department_id == flt.department_id),
            )
        )
    if flt.state:
        cond.extend(_state_conditions(flt))
    search = _search_condition(session, flt)
    if search is not None:
        cond.append(search)
    return cond


def _state_conditions(flt: DocumentFilter) -> list[ColumnElement[bool]]:
    today = flt.today or date.today()
    soon = flt.soon_limit or today
    open_ = and_(Document.on_control == true(), Document.done_date.is_(None))
    if flt.state == "on_control":
        return [open_]
    if flt.state == "overdue":
        return [open_, Document.due_date < today]
    if flt.state == "due_soon":
        return [open_, Document.due_date >= today, Document.due_date <= soon]
    if flt.state == "done":
        return [Document.done_date.is_not(None), Document.done_date <= Document.due_date]
    if flt.state == "done_late":
        return [Document.done_date.is_not(None), Document.done_date > Document.due_date]
    raise ValueError(f"unknown control state {flt.state!r}")


def _search_condition(session: Session, flt: DocumentFilter) -> ColumnElement[bool] | None:
    if session.get_bind().dialect.name == "sqlite":
        if not flt.fts_query:
            return None
        matches = text("SELECT rowid FROM document_fts WHERE document_fts MATCH :fts").bindparams(
            fts=flt.fts_query
        )
        ids = matches.columns(column("rowid", Integer))
        if _dense(session, flt.fts_query):
            # A word 150,000 of 1,000,000 orders contain: looked up one by one and sorted, the
            # first page took 300 ms. «id + 0» keeps SQLite from looking the matches up by id,
            # so it walks the register's sort index keeping rows whose id is among the matches
            # and stops at the page: 17 ms. A rare word keeps the lookups (cheaper there).
            return (Document.id + 0).in_(ids)
        return Document.id.in_(ids)
    if not flt.ts_terms:
        return None
    query = " & ".join(flt.ts_terms)
    return func.to_tsvector(text("'simple'"), Document.search_text).op("@@")(
        func.to_tsquery(text("'simple'"), query)
    )


def column_of(detail: Any, key: str) -> Any:
    """The SQL column of a row key: `document`'s, else the detail table's."""
    if hasattr(Document, key):
        return getattr(Document, key)
    if detail is not None and hasattr(detail, key):
        return getattr(detail, key)
    raise KeyError(key)


def sort_columns(detail: Any, sort: str) -> tuple[Any, ...] | None:
    """The columns a sort key orders by: a core sort, else a column of `document` or of the
    detail table with the id as the tie-break (None: no such sort)."""
    if sort in SORTS:
        return SORTS[sort]
    try:
        return (column_of(detail, sort), Document.id)
    except KeyError:
        return None


def _needs_detail(flt: DocumentFilter, keys: list[str]) -> bool:
    if flt.detail is None:
        return False
    return any(not hasattr(Document, k) and hasattr(flt.detail, k) for k in keys)


def _select(flt: DocumentFilter, sort: str | None, *columns: Any, rows: bool = False) -> Select:  # type: ignore[type-arg]
    """`columns` from `document`, joined to the detail table only when a filter, the sort or
    (`rows`) a shown column needs it: counting a 1,000,000-row register never joins."""
    keys = (
        [c for c, _ in flt.equals] + ([sort] if sort else []) + (list(flt.columns) if rows else [])
    )
    stmt = select(*columns).select_from(Document)
    if _needs_detail(flt, keys):
        stmt = stmt.outerjoin(flt.detail, flt.detail.document_id == Document.id)
    return stmt


def _row_columns(flt: DocumentFilter) -> list[Any]:
    core = {c.key for c in CORE_COLUMNS}
    extra = [column_of(flt.detail, k).label(k) for k in flt.columns if k not in core]
    return [*CORE_COLUMNS, *extra]


# Columns that may be empty (NULLABLE_SORT_KEYS, besides the nullable ones). A sort by one of them
# shows the filled values first and the empty ones after them in both directions (a clerk sorting
# by «Термін» wants the nearest terms on top, not the documents without a term). It is read as two
# parts, each served by the column's index (register, column, id) — «IS NOT NULL» then «IS NULL»
# — instead of one ORDER BY that would sort a 1,000,000-row register for every page (`_parts`).
_NULLABLE_SORT_KEYS = NULLABLE_SORT_KEYS


def _nullable(key: Any) -> bool:
    return key.key in _NULLABLE_SORT_KEYS or bool(getattr(key, "nullable", False))


def _ordered(stmt: S, sort: str, descending: bool, detail: Any = None) -> S:
    keys = sort_columns(detail, sort) or SORTS[DEFAULT_SORT]
    clauses = []
    for key in keys:
        clause = key.desc() if descending else key.asc()
        if _nullable(key):  # within a part, the same order on both engines
            clause = clause.nulls_last() if descending else clause.nulls_first()
        clauses.append(clause)
    return stmt.order_by(*clauses)


def _parts(stmt: S, sort: str, descending: bool, detail: Any = None) -> list[S]:
    """The ordering of `stmt` as parts read one after the other: the rows with a value of a
    nullable first sort column (in the order asked), then those without it (by the tie-breaks);
    one part for any other sort. Reversing the direction reverses the parts as well, so reading
    from the far end (`fetch_page` with `total`) meets the same rows in reverse."""
    keys = sort_columns(detail, sort) or SORTS[DEFAULT_SORT]
    if not _nullable(keys[0]):
        return [_ordered(stmt, sort, descending, detail)]
    filled = _ordered(stmt.where(keys[0].is_not(None)), sort, descending, detail)
    empty = _ordered(stmt.where(keys[0].is_(None)), sort, descending, detail)
    return [filled, empty]


def _window(session: Session, parts: list[Any], offset: int, limit: int | None) -> list[Any]:
    """Rows [offset, offset+limit) of `parts` read one after the other. A part is counted only
    when the window starts beyond it (a page deep in the empty terms)."""
    rows: list[Any] = []
    for part in parts:
        wanted = None if limit is None else limit - len(rows)
        if wanted is not None and wanted <= 0:
            break
        got = list(session.execute(part.offset(offset).limit(wanted)).all())
        if got:
            rows += got
            offset = 0
        elif offset:
            size = session.execute(
                select(func.count()).select_from(part.order_by(None).subquery())
            ).scalar_one()
            offset = max(0, offset - int(size))
    return rows


def count(session: Session, flt: DocumentFilter) -> int:
    stmt = _select(flt, None, func.count()).where(*_conditions(session, flt))
    return int(session.execute(stmt).scalar_one())


#: A search matching at least this many documents walks the register's sort index and stops at
#: the page (the matches are dense); fewer are looked up one by one and sorted (they are few).
DENSE_MATCHES = 2000
_DENSE = text(
    "SELECT count(*) FROM (SELECT rowid FROM document_fts WHERE document_fts MATCH :fts LIMIT :n)"
)


def _dense(session: Session, fts_query: str) -> bool:
    """SQLite: does the search match many documents? Counted up to DENSE_MATCHES only, which
    costs well under a millisecond."""
    found = session.execute(_DENSE, {"fts": fts_query, "n": DENSE_MATCHES}).scalar_one()
    return bool(found >= DENSE_MATCHES)


def fetch_page(
    session: Session,
    flt: DocumentFilter,
    sort: str,
    descending: bool,
    offset: int,
    limit: int | None,
    total: int | None = None,
) -> list[Any]:
    """Rows [offset, offset+limit) of the ordering (limit None: to the end); reads from the
    nearer end when `total` is known, so jumping to the last row is as cheap as the first."""
    base = _select(flt, sort, *_row_columns(flt), rows=True).where(*_conditions(session, flt))
    if total is not None and limit is not None and offset > total // 2:
        end = min(total, offset + limit)
        back_offset = total - end
        parts = _parts(base, sort, not descending, flt.detail)[::-1]
        return list(reversed(_window(session, parts, back_offset, end - offset)))
    return _window(session, _parts(base, sort, descending, flt.detail), offset, limit)


#: Ids read from the cursor at a time by `fetch_ids`.
IDS_BATCH = 10_000


def fetch_ids(session: Session, flt: DocumentFilter, sort: str, descending: bool) -> array[int]:
    """The ids of the whole ordering (for random access deep in a large view; an export), packed
    8 bytes an id. Streamed from the cursor on the session's connection: read through the ORM
    session, the million ids of the big register were buffered as rows first (150 MB at the
    peak, 1.6 s); streamed, 8 MB and 1.0 s."""
    base = _select(flt, sort, Document.id).where(*_conditions(session, flt))
    ids: array[int] = array("q")
    connection = session.connection()
    for part in _parts(base, sort, descending, flt.detail):
        ids.extend(connection.execute(part.execution_options(yield_per=IDS_BATCH)).scalars())
    return ids


def fetch_rows_by_ids(
    session: Session, ids: list[int], flt: DocumentFilter | None = None
) -> list[Any]:
    """Rows for `ids`, in the order of `ids` (the columns of `flt`'s register)."""
    if not ids:
        return []
    stmt: Any
    if flt is None:
        stmt = select(*ROW_COLUMNS)
    else:
        stmt = select(*_row_columns(flt)).select_from(Document)
        if flt.detail is not None:
            stmt = stmt.outerjoin(flt.detail, flt.detail.document_id == Document.id)
    rows = {r.id: r for r in session.execute(stmt.where(Document.id.in_(ids)))}
    return [rows[i] for i in ids if i in rows]


def open_control_counts(
    session: Session, today: date, soon_limit: date, scope: Scope = None
) -> dict[str, tuple[int, int, int]]:
    """Per register: (overdue, due today, due by `soon_limit`) among open controls.

    One pass over the partial index of open controls, which covers (register, due_date)."""
    open_ = and_(Document.on_control == true(), Document.done_date.is_(None))

    def tally(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, 1), else_=0))

    stmt = (
        select(
            Document.register,
            tally(Document.due_date < today),
            tally(Document.due_date == today),
            tally(and_(Document.due_date >= today, Document.due_date <= soon_limit)),
        )
        .where(
            open_,
            Document.due_date.is_not(None),
            Document.due_date <= soon_limit,
            in_scope(scope),
        )
        .group_by(Document.register)
    )
    return {reg: (int(a or 0), int(b or 0), int(c or 0)) for reg, a, b, c in session.execute(stmt)}


def became_overdue(
    session: Session, since: date, today: date, limit: int = 20, scope: Scope = None
) -> list[Any]:
    """Open documents whose term passed between `since` (inclusive) and `today` (exclusive),
    of the registers in `scope` (None: all)."""
    open_ = and_(Document.on_control == true(), Document.done_date.is_(None))
    stmt = (
        select(Document.id, Document.register, Document.reg_number, Document.due_date)
        .where(open_, Document.due_date >= since, Document.due_date < today, in_scope(scope))
        .order_by(Document.due_date)
        .limit(limit)
    )
    return list(session.execute(stmt).all())
