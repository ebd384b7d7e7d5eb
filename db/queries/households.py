"""Queries over the objects of household accounting: the tab's rows, search, the counts.

Query functions take a Session and never commit. Search goes through the full-text index of
`hh_object.search_text` (FTS5 on SQLite, a 'simple' tsvector on PostgreSQL): the text is
normalised by app.domain.text when written and when searched, so case and apostrophes fold
the same on both engines (ARCHITECTURE.md, traps).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, column, func, select, text
from sqlalchemy.orm import Session

from db.models import District, HouseholdEvent, HouseholdObject, HouseholdYear, Settlement

ROW = (
    HouseholdObject.id,
    HouseholdObject.book_number,
    HouseholdObject.account,
    HouseholdObject.kind,
    HouseholdObject.street,
    HouseholdObject.house,
    HouseholdObject.flat,
    HouseholdObject.head_name,
    HouseholdObject.district_id,
    District.name.label("district_name"),
    Settlement.name.label("settlement_name"),
    Settlement.kind.label("settlement_kind"),
)
SORTS: dict[str, tuple[Any, ...]] = {
    "account": (HouseholdObject.district_id, HouseholdObject.book_number, HouseholdObject.account),
    "head": (HouseholdObject.head_sort, HouseholdObject.id),
    "address": (HouseholdObject.street, HouseholdObject.house, HouseholdObject.id),
}


@dataclass(frozen=True)
class ObjectFilter:
    #: None: every district; else only these (a starosta's one district).
    district_ids: tuple[int, ...] | None = None
    district_id: int | None = None  # the filter bar's choice
    kind: str | None = None
    fts_query: str | None = None  # SQLite FTS5 MATCH
    ts_query: str | None = None  # PostgreSQL to_tsquery('simple', …)
    #: The January check: objects with no confirmed yearly section for this year.
    unconfirmed_year: int | None = None


def _conditions(s: Session, flt: ObjectFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if flt.district_ids is not None:
        cond.append(HouseholdObject.district_id.in_(flt.district_ids or (-1,)))
    if flt.district_id is not None:
        cond.append(HouseholdObject.district_id == flt.district_id)
    if flt.kind:
        cond.append(HouseholdObject.kind == flt.kind)
    if flt.unconfirmed_year is not None:
        confirmed = select(HouseholdYear.object_id).where(
            HouseholdYear.year == flt.unconfirmed_year, HouseholdYear.confirmed_on.is_not(None)
        )
        cond.append(HouseholdObject.id.not_in(confirmed))
    if s.get_bind().dialect.name == "sqlite":
        if flt.fts_query:
            matches = text(
                "SELECT rowid FROM hh_object_fts WHERE hh_object_fts MATCH :fts"
            ).bindparams(fts=flt.fts_query)
            cond.append(HouseholdObject.id.in_(matches.columns(column("rowid", Integer))))
    elif flt.ts_query:
        cond.append(
            func.to_tsvector(text("'simple'"), HouseholdObject.search_text).op("@@")(
                func.to_tsquery(text("'simple'"), flt.ts_query)
            )
        )
    return cond


def _base(*columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(HouseholdObject)
        .join(District, District.id == HouseholdObject.district_id)
        .outerjoin(Settlement, Settlement.id == HouseholdObject.settlement_id)
    )


def count(s: Session, flt: ObjectFilter) -> int:
    stmt = select(func.count()).select_from(HouseholdObject).where(*_conditions(s, flt))
    return int(s.execute(stmt).scalar_one())


def _order(sort: str, descending: bool) -> list[Any]:
    keys = SORTS.get(sort, SORTS["account"])
    return [k.desc() if descending else k.asc() for k in keys]


def page(
    s: Session, flt: ObjectFilter, sort: str, descending: bool, offset: int, limit: int | None
) -> list[Any]:
    stmt = (
        _base(*ROW)
        .where(*_conditions(s, flt))
        .order_by(*_order(sort, descending))
        .offset(offset)
        .limit(limit)
    )
    return list(s.execute(stmt).all())


def ids(s: Session, flt: ObjectFilter, sort: str, descending: bool) -> list[int]:
    stmt = (
        select(HouseholdObject.id).where(*_conditions(s, flt)).order_by(*_order(sort, descending))
    )
    return list(s.execute(stmt).scalars())


def rows_by_ids(s: Session, wanted: list[int]) -> list[Any]:
    if not wanted:
        return []
    found = {r.id: r for r in s.execute(_base(*ROW).where(HouseholdObject.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found]


def event_counts(
    s: Session, date_from: date, date_to: date, district_ids: tuple[int, ...] | None
) -> dict[tuple[int, str], int]:
    """(district id, event kind) → how many distinct objects had such work in the period.

    An object visited twice in the period is one household visited: the table counts
    households (objects), each row on its own — not subsets of one another."""
    stmt = (
        select(
            HouseholdEvent.district_id,
            HouseholdEvent.kind,
            func.count(HouseholdEvent.object_id.distinct()),
        )
        .where(HouseholdEvent.day >= date_from, HouseholdEvent.day <= date_to)
        .group_by(HouseholdEvent.district_id, HouseholdEvent.kind)
    )
    if district_ids is not None:
        stmt = stmt.where(HouseholdEvent.district_id.in_(district_ids or (-1,)))
    return {(int(d), str(k)): int(n) for d, k, n in s.execute(stmt)}
