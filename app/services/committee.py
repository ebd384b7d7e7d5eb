"""The membership of the executive committee: a reference list with dates.

The total membership on a day (members whose term covers it) is what the quorum (6.1) and the
majority of a vote (6.14) are counted against — not the members present.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.roles import Actor, actor_of, write
from app.services import access, audit
from db.models import CommitteeMember
from db.session import Database

MEETINGS = "decisions"  # meetings and decisions are one work: the decisions register's rights


@dataclass(frozen=True)
class MemberInfo:
    id: int
    full_name: str
    position: str
    member_from: date
    member_to: date | None

    def serves_on(self, day: date) -> bool:
        return self.member_from <= day and (self.member_to is None or day <= self.member_to)


class MembershipError(ValueError):
    """A member's record cannot be saved; the message is ready to show."""


def require_write(actor: Actor) -> None:
    from app.registers import DECISIONS

    if not access.may_write(DECISIONS, actor):
        actor.require(write(MEETINGS))


def require_read(actor: Actor) -> None:
    access.require_read(actor, MEETINGS)


def _info(m: CommitteeMember) -> MemberInfo:
    return MemberInfo(m.id, m.full_name, m.position, m.member_from, m.member_to)


def members_on(s: Session, day: date) -> list[MemberInfo]:
    """Who is a member on `day`, in the order they were entered (the mayor first)."""
    stmt = (
        select(CommitteeMember)
        .where(
            CommitteeMember.member_from <= day,
            or_(CommitteeMember.member_to.is_(None), CommitteeMember.member_to >= day),
        )
        .order_by(CommitteeMember.id)
    )
    return [_info(m) for m in s.execute(stmt).scalars()]


def list_members(db: Database, on: date | None = None, user: str | Actor = "") -> list[MemberInfo]:
    """Every member ever entered, or those serving `on` a day."""
    require_read(actor_of(user))
    with db.read() as s:
        if on is not None:
            return members_on(s, on)
        rows = s.execute(select(CommitteeMember).order_by(CommitteeMember.id)).scalars()
        return [_info(m) for m in rows]


def save_member(
    db: Database,
    member_id: int | None,
    full_name: str,
    position: str,
    member_from: date,
    member_to: date | None = None,
    user: str | Actor = "",
) -> int:
    """Add or change a member (the council's decision on the membership gives the dates)."""
    actor = actor_of(user)
    require_write(actor)
    name = " ".join(full_name.split())
    if not name:
        raise MembershipError("Вкажіть прізвище, ім'я та по батькові члена виконкому")
    if member_to is not None and member_to < member_from:
        raise MembershipError("Кінець повноважень не може бути раніше за їх початок")
    with db.write() as s:
        member = s.get(CommitteeMember, member_id) if member_id is not None else None
        if member is None:
            member = CommitteeMember(full_name=name, member_from=member_from)
            s.add(member)
        member.full_name, member.position = name[:150], position.strip()[:200]
        member.member_from, member.member_to = member_from, member_to
        member.changed_by = actor.login
        s.flush()
        audit.add(
            s,
            actor,
            audit.REFERENCE,
            record=("committee_member", member.uuid, name),
            register=MEETINGS,
            details={"Член виконкому": name, "Посада": position},
        )
        return member.id
