"""Queries over the classifier lists (`classifier_item`): take a Session, never commit."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import ClassifierItem


def count_items(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(ClassifierItem)).scalar_one())


def items(s: Session, list_code: str, day: date | None = None) -> list[ClassifierItem]:
    """The items of a list in their order; `day`: only those in effect that day."""
    stmt = select(ClassifierItem).where(ClassifierItem.list_code == list_code)
    if day is not None:
        stmt = stmt.where(
            or_(ClassifierItem.valid_from.is_(None), ClassifierItem.valid_from <= day),
            or_(ClassifierItem.valid_to.is_(None), ClassifierItem.valid_to >= day),
        )
    stmt = stmt.order_by(ClassifierItem.position, ClassifierItem.id)
    return list(s.execute(stmt).scalars())


def codes_by_title(s: Session, list_code: str) -> dict[str, str]:
    """Every title a list ever had → its classifier number (statistics count old appeals)."""
    stmt = select(ClassifierItem.title, ClassifierItem.code).where(
        ClassifierItem.list_code == list_code
    )
    return {title: code for title, code in s.execute(stmt)}


def privileged_titles(s: Session, list_code: str) -> set[str]:
    stmt = select(ClassifierItem.title).where(
        ClassifierItem.list_code == list_code, ClassifierItem.privileged.is_(True)
    )
    return set(s.execute(stmt).scalars())
