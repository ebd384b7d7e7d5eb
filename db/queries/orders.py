"""Queries over the orders register beyond its table: the years and series kept in the
department (for the transfer to the archive)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Document


def by_year_and_series(
    s: Session, register: str, last_year: int, series: tuple[str, ...] | None
) -> list[Any]:
    """(year, series, count, first and last number) of the years up to `last_year`; the
    first and last number by the running number within the year and series."""
    stmt = (
        select(
            Document.year,
            Document.series,
            func.count().label("total"),
            func.min(Document.seq).label("first_seq"),
            func.max(Document.seq).label("last_seq"),
        )
        .where(Document.register == register, Document.year <= last_year)
        .group_by(Document.year, Document.series)
        .order_by(Document.year, Document.series)
    )
    if series is not None:
        stmt = stmt.where(Document.series.in_(series))
    rows = []
    for row in s.execute(stmt):
        # in number order: a sub-number («931-1») comes after its number, so the first of the
        # first running number and the last of the last are the range's ends
        ends = s.execute(
            select(Document.seq, Document.reg_number)
            .where(
                Document.register == register,
                Document.year == row.year,
                Document.series == row.series,
                Document.seq.in_((row.first_seq, row.last_seq)),
            )
            .order_by(Document.seq, Document.sub)
        ).all()
        first = next((n for seq, n in ends if seq == row.first_seq), str(row.first_seq))
        last = next((n for seq, n in reversed(ends) if seq == row.last_seq), str(row.last_seq))
        rows.append(_Row(row.year, row.series, int(row.total), first, last))
    return rows


class _Row:
    __slots__ = ("count", "first_number", "last_number", "series", "year")

    def __init__(self, year: int, series: str, count: int, first: str, last: str) -> None:
        self.year, self.series, self.count = year, series, count
        self.first_number, self.last_number = first, last
