"""A register's first screen in plain SQL: the count and the first page of a plain view, read
through `Database.plain()` on a SQLite file before SQLAlchemy is loaded (issue 10: importing it
was a third of the window's start).

A plain view is what a register tab opens with: no filter but the register and the series the
user may read, sorted by a key whose first column is never empty. Its SQL is the one
db/queries/documents.py builds for it — the same columns (the core every row carries, then the
spec's, from `document` or its detail table), the same WHERE and ORDER BY with the same
tie-breaks — so the next pages, read through SQLAlchemy, continue it row for row
(tests/db/test_plain_documents.py compares the two for every register and sort). Anything else
(a filter, a search, a sort by a column that may be empty, a column neither table has or of a
type not read plain) is not a plain view: `first_page` returns None and the caller reads it the
usual way.

Column names and types come from SQLite itself (PRAGMA table_info), values are made what
SQLAlchemy's types make of them (db/plain.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from db.plain import converter
from db.session import PlainReader

#: What every row of every document register carries (db/queries/documents.CORE_COLUMNS).
CORE_KEYS = (
    "id",
    "reg_number",
    "reg_date",
    "series",
    "correspondent_name",
    "summary",
    "lead_executor_name",
    "due_date",
    "done_date",
    "on_control",
    "urgent",
    "cancelled",
)

#: Sort keys → the `document` columns they order by (db/queries/documents.SORTS).
SORT_COLUMNS: dict[str, tuple[str, ...]] = {
    # `sub` after the running number: 931, 931-1, 932 (sub-numbers kept as written).
    "number": ("year", "seq", "sub"),
    "series_number": ("series", "year", "seq", "sub"),
    "reg_date": ("reg_date", "seq", "sub"),
    "correspondent": ("correspondent_sort", "id"),
    "ext_number": ("ext_number", "id"),
    "kind": ("kind", "id"),
    "summary": ("summary_sort", "id"),
    "executor": ("lead_executor_sort", "id"),
    "due_date": ("due_date", "id"),
    "sent_date": ("sent_date", "id"),
}
DEFAULT_SORT = "reg_date"

#: Columns that may be empty, whatever their declaration: a sort by one of them is read in two
#: parts (db/queries/documents._parts), which a plain view does not do.
NULLABLE_SORT_KEYS = frozenset({"due_date", "sent_date"})


@dataclass(frozen=True)
class _Column:
    table: str
    name: str
    nullable: bool
    read: Callable[[Any], Any] | None  # None: a type not read plain (db/plain.converter)


def _columns(read: PlainReader, table: str) -> dict[str, _Column]:
    rows = read(f"PRAGMA table_info({table})", None)  # cid, name, type, notnull, default, pk
    return {
        name: _Column(table, name, not notnull and not pk, converter(kind or ""))
        for _cid, name, kind, notnull, _default, pk in rows
    }


def _nullable(column: _Column) -> bool:
    return column.nullable or column.name in NULLABLE_SORT_KEYS


def detail_table(model_name: str) -> str:
    """The table of a detail model named in a spec («OrderDetail» → «order_detail»), as every
    detail model of db/models names its table (tests/db/test_plain_documents.py checks)."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in model_name).lstrip("_")


@dataclass(frozen=True)
class FirstPage:
    """A plain view's count and its first rows, each row its values by key."""

    total: int
    rows: list[dict[str, Any]]


def first_page(
    read: PlainReader,
    register: str,
    keys: Sequence[str],
    *,
    series: Sequence[str] | None = None,
    detail_model: str = "",
    sort: str = DEFAULT_SORT,
    descending: bool = True,
    limit: int = 200,
) -> FirstPage | None:
    """The count and the first `limit` rows of a plain view (None: not a plain view).

    `keys`: the row's keys beyond CORE_KEYS; `series`: the series the user may read (None:
    every one); `detail_model`: the register's detail model («OrderDetail»), if it has one."""
    document = _columns(read, "document")
    detail = _columns(read, detail_table(detail_model)) if detail_model else {}

    def column(key: str) -> _Column | None:
        return document.get(key) or detail.get(key)

    shown = [*CORE_KEYS, *(k for k in dict.fromkeys(keys) if k not in CORE_KEYS)]
    by_sort = column(sort)
    if sort in SORT_COLUMNS:
        order = [document[name] for name in SORT_COLUMNS[sort]]
    elif by_sort is not None:
        order = [by_sort, document["id"]]
    else:
        order = [document[name] for name in SORT_COLUMNS[DEFAULT_SORT]]
    found = [column(k) for k in shown]
    columns = [c for c in found if c is not None]
    readers = [c.read for c in columns if c.read is not None]
    if len(readers) < len(shown) or _nullable(order[0]):
        return None  # a column neither table has, of a type not read plain; a two-part sort
    where, params = "document.register = :register", {"register": register}
    if series is not None:
        if not series:
            return FirstPage(0, [])
        marks = ", ".join(f":s{i}" for i in range(len(series)))
        where += f" AND document.series IN ({marks})"
        params.update({f"s{i}": s for i, s in enumerate(series)})
    total = int(read(f"SELECT count(*) FROM document WHERE {where}", params)[0][0])
    if not total:
        return FirstPage(0, [])
    joined = any(c.table != "document" for c in (*columns, *order))
    source = "document"
    if joined:
        table = detail_table(detail_model)
        source += f" LEFT OUTER JOIN {table} ON {table}.document_id = document.id"
    direction = "DESC" if descending else "ASC"
    nulls = "NULLS LAST" if descending else "NULLS FIRST"
    ordering = ", ".join(
        f"{c.table}.{c.name} {direction}" + (f" {nulls}" if _nullable(c) else "") for c in order
    )
    selected = ", ".join(f"{c.table}.{c.name}" for c in columns)
    sql = f"SELECT {selected} FROM {source} WHERE {where} ORDER BY {ordering} LIMIT :limit"
    raws = read(sql, {**params, "limit": limit})
    return FirstPage(
        total,
        [
            {k: convert(v) for k, convert, v in zip(shown, readers, raw, strict=True)}
            for raw in raws
        ],
    )
