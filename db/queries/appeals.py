"""Queries of the appeals and information-request registers: take a Session, never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session

from db.models import (
    AppealApplicant,
    AppealDetail,
    AppealTopic,
    ControlEvent,
    Document,
    InfoRequestDetail,
)


def earlier_appeals(
    s: Session,
    name_keys: Sequence[str],
    topics: Sequence[str],
    since: date,
    until: date,
    exclude: int | None,
) -> list[tuple[str, date]]:
    """Appeals registered from `since` to `until` by an author of the same (normalised) full
    name with at least one topic in common, oldest first: (number, date)."""
    rows = earlier_appeal_rows(s, name_keys, topics, since, until, exclude)
    return [(r.reg_number, r.reg_date) for r in rows]


def earlier_appeal_rows(
    s: Session,
    name_keys: Sequence[str],
    topics: Sequence[str],
    since: date,
    until: date,
    exclude: int | None,
) -> list[Any]:
    """Earlier appeals of the same author on an overlapping topic (see `earlier_appeals`),
    with the author, the summary and the result: an index on the name and on the topic
    keeps this a few milliseconds at any size."""
    if not name_keys or not topics:
        return []
    same_topic = exists().where(
        AppealTopic.document_id == Document.id, AppealTopic.topic.in_(list(topics))
    )
    # First the authors' appeals by the name index (a handful, whatever the register's size),
    # then only those: a planner left to choose scans the year by date instead.
    ids_stmt = select(AppealApplicant.document_id).where(
        AppealApplicant.name_key.in_(list(name_keys))
    )
    ids = list(dict.fromkeys(s.execute(ids_stmt.limit(1000)).scalars()))
    if not ids:
        return []
    stmt = (
        select(
            Document.id,
            Document.reg_number,
            Document.reg_date,
            Document.summary,
            AppealDetail.author_name,
            AppealDetail.result,
        )
        .join(AppealDetail, AppealDetail.document_id == Document.id)
        .where(
            Document.id.in_(ids),
            Document.register == "appeals",
            Document.cancelled.is_(False),
            Document.reg_date >= since,
            Document.reg_date <= until,
            same_topic,
        )
        .order_by(Document.reg_date, Document.id)
        .limit(20)
    )
    if exclude is not None:
        stmt = stmt.where(Document.id != exclude)
    return list(s.execute(stmt))


def was_extended(s: Session, doc_id: int) -> bool:
    stmt = select(ControlEvent.id).where(
        ControlEvent.document_id == doc_id, ControlEvent.kind == "extend"
    )
    return s.execute(stmt.limit(1)).first() is not None


def closed_by_result(s: Session, doc_id: int) -> bool:
    """The document's last control entry is a removal by its recorded result."""
    stmt = (
        select(ControlEvent.kind, ControlEvent.basis)
        .where(ControlEvent.document_id == doc_id)
        .order_by(ControlEvent.id.desc())
        .limit(1)
    )
    last = s.execute(stmt).first()
    return last is not None and last.kind == "remove" and last.basis.startswith("Результат:")


def _period(stmt: Any, date_from: date, date_to: date) -> Any:
    return stmt.where(
        Document.register == "appeals",
        Document.cancelled.is_(False),
        Document.reg_date >= date_from,
        Document.reg_date <= date_to,
    )


def count_by_detail(s: Session, column: str, date_from: date, date_to: date) -> dict[str, int]:
    """Appeals of the period by a column of `appeal_detail` (received way, sign, result…)."""
    col = getattr(AppealDetail, column)
    stmt = select(col, func.count()).select_from(Document)
    stmt = stmt.join(AppealDetail, AppealDetail.document_id == Document.id)
    stmt = _period(stmt, date_from, date_to).group_by(col)
    return {str(k or ""): int(n) for k, n in s.execute(stmt)}


def count_by_flag(s: Session, date_from: date, date_to: date) -> dict[str, int]:
    """All appeals of the period; privileged; extended; answered after their term."""
    privileged = func.sum(case((AppealDetail.privileged.is_(True), 1), else_=0))
    late = func.sum(
        case(
            (
                and_(Document.done_date.is_not(None), Document.done_date > Document.due_date),
                1,
            ),
            else_=0,
        )
    )
    stmt = select(func.count(), privileged, late).select_from(Document)
    stmt = stmt.join(AppealDetail, AppealDetail.document_id == Document.id)
    total, priv, done_late = s.execute(_period(stmt, date_from, date_to)).one()
    return {"total": int(total or 0), "privileged": int(priv or 0), "late": int(done_late or 0)}


def count_by_category(s: Session, date_from: date, date_to: date) -> dict[str, int]:
    """Appeals of the period with at least one author of each category."""
    stmt = select(AppealApplicant.category, func.count(func.distinct(Document.id)))
    stmt = stmt.select_from(Document).join(
        AppealApplicant, AppealApplicant.document_id == Document.id
    )
    stmt = _period(stmt, date_from, date_to).group_by(AppealApplicant.category)
    return {str(k or ""): int(n) for k, n in s.execute(stmt)}


def count_by_topic(s: Session, date_from: date, date_to: date) -> dict[str, int]:
    """Questions raised in the period's appeals, by topic (an appeal may raise several)."""
    stmt = select(AppealTopic.topic, func.count()).select_from(Document)
    stmt = stmt.join(AppealTopic, AppealTopic.document_id == Document.id)
    stmt = _period(stmt, date_from, date_to).group_by(AppealTopic.topic)
    return {str(k or ""): int(n) for k, n in s.execute(stmt)}


# --- information requests' statistics -----------------------------------------------------


def _request_period(stmt: Any, date_from: date, date_to: date) -> Any:
    return stmt.join(InfoRequestDetail, InfoRequestDetail.document_id == Document.id).where(
        Document.register == "info_requests",
        Document.cancelled.is_(False),
        Document.reg_date >= date_from,
        Document.reg_date <= date_to,
    )


def count_requests_by(s: Session, column: str, date_from: date, date_to: date) -> dict[str, int]:
    """Requests received in the period by a column of `info_request_detail` (the requester's
    kind, the way received, the result)."""
    col = getattr(InfoRequestDetail, column)
    stmt = select(col, func.count()).select_from(Document)
    stmt = _request_period(stmt, date_from, date_to).group_by(col)
    return {str(k or ""): int(n) for k, n in s.execute(stmt)}


def request_flags(s: Session, date_from: date, date_to: date) -> dict[str, int]:
    """Requests received in the period: all; urgent; extended (a control entry «extend»);
    told of the extension late or not at all; answered within the term, after it; still
    without a result; with copies charged for."""
    extended = exists().where(
        ControlEvent.document_id == Document.id, ControlEvent.kind == "extend"
    )

    def count(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    stmt = select(
        func.count(),
        count(Document.urgent.is_(True)),
        count(extended),
        count(InfoRequestDetail.notice_late.is_(True)),
        count(and_(Document.done_date.is_not(None), Document.done_date <= Document.due_date)),
        count(and_(Document.done_date.is_not(None), Document.done_date > Document.due_date)),
        count(Document.done_date.is_(None)),
        count(InfoRequestDetail.copy_cost != ""),
    ).select_from(Document)
    row = s.execute(_request_period(stmt, date_from, date_to)).one()
    keys = ("total", "urgent", "extended", "notice_late", "in_term", "late", "open", "charged")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def request_copy_costs(s: Session, date_from: date, date_to: date) -> list[str]:
    """The copying fees (as the card shows them, «33,30 грн») of the period's requests."""
    stmt = select(InfoRequestDetail.copy_cost).select_from(Document)
    stmt = _request_period(stmt, date_from, date_to).where(InfoRequestDetail.copy_cost != "")
    return [str(v) for v in s.execute(stmt).scalars()]
