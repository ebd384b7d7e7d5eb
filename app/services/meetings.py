"""Meetings of the executive committee: the plan, the agenda, the meeting itself, the protocol.

Rules (app/domain/meetings.py): the plan is the third Thursday of each month at 14:00 (6.2),
extraordinary meetings are added by hand; each meeting shows its deadlines (publication 10
working days before — ЗУ «Про доступ до публічної інформації» ст. 15 ч. 3, Закон № 890-IX;
submission 5 days, 5.8; agreement 3 days, 5.2; sending 2 days, 5.3). Drafts missing a visa or
submitted late are flagged, never refused (5.9: the mayor decides). At the meeting the members
present are recorded; without a quorum (6.1) nothing is voted; an item is adopted when a
majority of the TOTAL membership votes for it (6.14), and then becomes a decision of the
«decisions» register, numbered from 1 each calendar year and dated the day of the meeting
(6.18). The protocol gets the next number of its calendar year when the meeting is held (6.21)
and is flagged when not signed within 15 days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import meetings as rules
from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.services import audit
from app.services.calendar import load_calendar
from app.services.committee import MEETINGS, MemberInfo, members_on, require_read, require_write
from db.models import AgendaItem, AgendaVisa, DecisionDetail, Document, Meeting, MeetingAttendance
from db.session import Database

DEFAULT_PLACE = "зала засідань, кімната № 308"  # 6.3


class MeetingError(ValueError):
    """What the clerk asked cannot be done; the message is ready to show."""


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    day: date
    start_time: str
    extraordinary: bool
    place: str
    chair: str
    held: bool
    protocol_number: str
    protocol_signed: date | None
    items: int
    deadlines: rules.MeetingDeadlines
    protocol_due: date

    @property
    def title(self) -> str:
        kind = "Позачергове засідання" if self.extraordinary else "Засідання"
        return f"{kind} {format_date(self.day)} о {self.start_time}"

    def protocol_late(self, today: date) -> bool:
        """6.21: not signed within 15 days of the meeting."""
        if not self.held:
            return False
        signed = self.protocol_signed
        return (signed or today) > self.protocol_due


@dataclass(frozen=True)
class ItemInput:
    """What the clerk types for an agenda item (a draft decision, 3.4–3.5)."""

    title: str
    department: str = ""
    reporter: str = ""
    invitees: str = ""
    submitted: date | None = None
    published: date | None = None
    financial: bool = False
    restricted: bool = False
    regulatory: bool = False
    added_at_meeting: bool = False
    speakers: str = ""
    proposals: str = ""


@dataclass(frozen=True)
class ItemInfo:
    id: int
    position: int
    data: ItemInput
    visas: tuple[rules.Visa, ...]
    votes: tuple[int | None, int | None, int | None, int | None]
    outcome: str
    decision_id: int | None
    decision_number: str
    flags: tuple[str, ...]

    @property
    def outcome_text(self) -> str:
        return rules.OUTCOMES.get(self.outcome, self.outcome)

    @property
    def votes_text(self) -> str:
        if self.votes[0] is None:
            return ""
        return "за {} / проти {} / утр. {} / не голос. {}".format(*(v or 0 for v in self.votes))


@dataclass(frozen=True)
class MeetingView:
    meeting: MeetingInfo
    items: list[ItemInfo]
    members: list[MemberInfo]  # the membership on the day of the meeting
    present: frozenset[int] = field(default_factory=frozenset)

    @property
    def total(self) -> int:
        return len(self.members)

    @property
    def quorum(self) -> bool:
        return rules.has_quorum(self.total, len(self.present))


# --- reading -------------------------------------------------------------------------------


def _meeting_info(s: Session, m: Meeting, calendar: WorkingCalendar) -> MeetingInfo:
    count = s.execute(
        select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == m.id)
    ).scalar_one()
    return MeetingInfo(
        m.id,
        m.meeting_date,
        m.start_time,
        m.extraordinary,
        m.place,
        m.chair,
        m.held,
        m.protocol_number,
        m.protocol_signed,
        int(count),
        rules.deadlines(m.meeting_date, calendar),
        rules.protocol_due(m.meeting_date, calendar),
    )


def list_meetings(db: Database, year: int, user: str | Actor = "") -> list[MeetingInfo]:
    """The meetings of a year in date order."""
    require_read(actor_of(user))
    calendar = load_calendar(db)
    with db.read() as s:
        stmt = (
            select(Meeting)
            .where(Meeting.meeting_date >= date(year, 1, 1))
            .where(Meeting.meeting_date <= date(year, 12, 31))
            .order_by(Meeting.meeting_date, Meeting.start_time)
        )
        return [_meeting_info(s, m, calendar) for m in s.execute(stmt).scalars()]


def meeting_on(db: Database, day: date) -> int | None:
    """The meeting held (or planned) on `day`; the first one when there are two."""
    with db.read() as s:
        stmt = select(Meeting.id).where(Meeting.meeting_date == day).order_by(Meeting.start_time)
        found = s.execute(stmt.limit(1)).scalar()
        return int(found) if found is not None else None


def _visas(s: Session, item_ids: Sequence[int]) -> dict[int, list[rules.Visa]]:
    found: dict[int, list[rules.Visa]] = {i: [] for i in item_ids}
    if not item_ids:
        return found
    stmt = (
        select(AgendaVisa)
        .where(AgendaVisa.item_id.in_(item_ids))
        .order_by(AgendaVisa.item_id, AgendaVisa.position)
    )
    for v in s.execute(stmt).scalars():
        found[v.item_id].append(rules.Visa(v.role, v.person, v.visa_date, v.verdict, v.remarks))
    return found


def open_meeting(db: Database, meeting_id: int, user: str | Actor = "") -> MeetingView:
    """A meeting with its agenda (in order), each item's visas and flags, and who is present."""
    require_read(actor_of(user))
    calendar = load_calendar(db)
    with db.read() as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise MeetingError("Засідання не знайдено (можливо, його вилучено)")
        info = _meeting_info(s, m, calendar)
        rows = list(
            s.execute(
                select(AgendaItem, Document.reg_number)
                .outerjoin(Document, Document.id == AgendaItem.decision_id)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position, AgendaItem.id)
            )
        )
        visas = _visas(s, [item.id for item, _ in rows])
        items = []
        for item, number in rows:
            data = _input_of(item)
            item_visas = tuple(visas[item.id])
            flags: tuple[str, ...] = ()
            if item.outcome != rules.WITHDRAWN:
                flags = tuple(
                    rules.item_flags(
                        item_visas,
                        item.financial,
                        item.submitted,
                        item.published,
                        item.restricted,
                        m.meeting_date,
                        calendar,
                        m.extraordinary or item.added_at_meeting,
                    )
                )
            votes = (item.votes_for, item.votes_against, item.votes_abstained, item.votes_not_voted)
            items.append(
                ItemInfo(
                    item.id,
                    item.position,
                    data,
                    item_visas,
                    votes,
                    item.outcome,
                    item.decision_id,
                    number or "",
                    flags,
                )
            )
        members = members_on(s, m.meeting_date)
        present = frozenset(
            s.execute(
                select(MeetingAttendance.member_id).where(
                    MeetingAttendance.meeting_id == meeting_id, MeetingAttendance.present
                )
            ).scalars()
        )
    return MeetingView(info, items, members, present)


def _input_of(item: AgendaItem) -> ItemInput:
    return ItemInput(
        item.title,
        item.department,
        item.reporter,
        item.invitees,
        item.submitted,
        item.published,
        item.financial,
        item.restricted,
        item.regulatory,
        item.added_at_meeting,
        item.speakers,
        item.proposals,
    )


# --- the plan ------------------------------------------------------------------------------


def _record(m: Meeting) -> audit.Record:
    return ("meeting", m.uuid, f"Засідання виконкому {format_date(m.meeting_date)}")


def plan_year(db: Database, year: int, user: str | Actor = "", place: str = DEFAULT_PLACE) -> int:
    """Add the regular meetings of `year` (third Thursdays at 14:00, 6.2) that are not in the
    plan yet; a month that already has a regular meeting keeps it (moved by hand). Returns how
    many were added."""
    actor = actor_of(user)
    require_write(actor)
    with db.write() as s:
        stmt = select(Meeting.meeting_date).where(
            Meeting.meeting_date >= date(year, 1, 1),
            Meeting.meeting_date <= date(year, 12, 31),
            Meeting.extraordinary.is_(False),
        )
        months = {d.month for d in s.execute(stmt).scalars()}
        added = 0
        for day in rules.year_plan(year):
            if day.month in months:
                continue
            m = Meeting(meeting_date=day, start_time=rules.REGULAR_TIME, place=place)
            m.changed_by = actor.login
            s.add(m)
            s.flush()
            audit.add(s, actor, audit.CREATE, record=_record(m), register=MEETINGS)
            added += 1
        return added


def add_meeting(
    db: Database,
    day: date,
    start_time: str = rules.REGULAR_TIME,
    extraordinary: bool = True,
    place: str = DEFAULT_PLACE,
    chair: str = "",
    user: str | Actor = "",
) -> int:
    """An extraordinary meeting (6.2: called by the mayor; its agenda may be formed the same
    day) or a regular one moved by hand."""
    actor = actor_of(user)
    require_write(actor)
    _check_time(start_time)
    with db.write() as s:
        taken = select(Meeting.id).where(
            Meeting.meeting_date == day, Meeting.start_time == start_time
        )
        if s.execute(taken).first() is not None:
            raise MeetingError(f"На {format_date(day)} о {start_time} засідання вже є в плані")
        m = Meeting(
            meeting_date=day,
            start_time=start_time,
            extraordinary=extraordinary,
            place=place,
            chair=chair,
            changed_by=actor.login,
        )
        s.add(m)
        s.flush()
        audit.add(s, actor, audit.CREATE, record=_record(m), register=MEETINGS)
        return m.id


def _check_time(text: str) -> None:
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise MeetingError(f"Час «{text}» не розпізнано: потрібно ГГ:ХХ, наприклад 14:00")


def update_meeting(
    db: Database,
    meeting_id: int,
    *,
    day: date | None = None,
    start_time: str | None = None,
    place: str | None = None,
    chair: str | None = None,
    protocol_signed: date | None = None,
    user: str | Actor = "",
) -> None:
    """Move a meeting, name its chair and place, record the day its protocol was signed."""
    actor = actor_of(user)
    require_write(actor)
    if start_time is not None:
        _check_time(start_time)
    with db.write() as s:
        m = _meeting(s, meeting_id)
        if day is not None and day != m.meeting_date:
            if m.held:
                raise MeetingError("Засідання вже відбулося: його дату змінити не можна")
            m.meeting_date = day
        if start_time is not None:
            m.start_time = start_time
        if place is not None:
            m.place = place.strip()[:200]
        if chair is not None:
            m.chair = chair.strip()[:150]
        if protocol_signed is not None:
            if not m.held:
                raise MeetingError("Протокол підписують після засідання")
            if protocol_signed < m.meeting_date:
                raise MeetingError("Протокол не може бути підписано раніше за засідання")
            m.protocol_signed = protocol_signed
        m.changed_by = actor.login
        audit.add(s, actor, audit.UPDATE, record=_record(m), register=MEETINGS)


def _meeting(s: Session, meeting_id: int) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None:
        raise MeetingError("Засідання не знайдено (можливо, його вилучено)")
    return m


# --- the agenda ----------------------------------------------------------------------------


def save_item(
    db: Database,
    meeting_id: int,
    data: ItemInput,
    item_id: int | None = None,
    user: str | Actor = "",
) -> int:
    """Add a draft to the end of the agenda, or change one; returns its id."""
    actor = actor_of(user)
    require_write(actor)
    title = " ".join(data.title.split())
    if not title:
        raise MeetingError("Вкажіть назву проєкту рішення")
    with db.write() as s:
        m = _meeting(s, meeting_id)
        if item_id is None:
            last = s.execute(
                select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
            ).scalar()
            item = AgendaItem(meeting_id=meeting_id, position=int(last or 0) + 1, title=title)
            s.add(item)
        else:
            item = _item(s, item_id)
        item.title, item.department = title[:500], data.department.strip()[:300]
        item.reporter, item.invitees = data.reporter.strip()[:150], data.invitees.strip()[:500]
        item.submitted, item.published = data.submitted, data.published
        item.financial, item.restricted = data.financial, data.restricted
        item.regulatory = data.regulatory
        item.added_at_meeting = data.added_at_meeting or (item_id is None and m.held)
        item.speakers, item.proposals = data.speakers.strip(), data.proposals.strip()
        item.changed_by = actor.login
        s.flush()
        audit.add(s, actor, audit.UPDATE, record=_record(m), register=MEETINGS, details=title)
        return item.id


def _item(s: Session, item_id: int) -> AgendaItem:
    item = s.get(AgendaItem, item_id)
    if item is None:
        raise MeetingError("Питання порядку денного не знайдено")
    return item


def set_visas(
    db: Database, item_id: int, visas: Sequence[rules.Visa], user: str | Actor = ""
) -> None:
    """The visas of a draft (3.9), replacing those recorded before."""
    actor = actor_of(user)
    require_write(actor)
    for v in visas:
        if v.role not in rules.VISA_ROLES:
            raise MeetingError(f"Невідома віза «{v.role}»")
        if v.verdict not in rules.VERDICTS:
            raise MeetingError(f"Невідома відмітка візи «{v.verdict}»")
    with db.write() as s:
        item = _item(s, item_id)
        for old in s.execute(select(AgendaVisa).where(AgendaVisa.item_id == item_id)).scalars():
            s.delete(old)
        s.flush()
        for position, v in enumerate(visas, start=1):
            s.add(
                AgendaVisa(
                    item_id=item_id,
                    position=position,
                    role=v.role,
                    person=v.person.strip()[:150],
                    visa_date=v.day,
                    verdict=v.verdict,
                    remarks=v.remarks.strip(),
                    changed_by=actor.login,
                )
            )
        m = _meeting(s, item.meeting_id)
        audit.add(s, actor, audit.UPDATE, record=_record(m), register=MEETINGS, details="візи")


def move_item(db: Database, item_id: int, to_position: int, user: str | Actor = "") -> None:
    """Put an item at `to_position` (1-based) of its agenda; the others close up (6.8.2)."""
    actor = actor_of(user)
    require_write(actor)
    with db.write() as s:
        item = _item(s, item_id)
        rows = list(
            s.execute(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == item.meeting_id)
                .order_by(AgendaItem.position, AgendaItem.id)
            ).scalars()
        )
        rows.remove(item)
        rows.insert(max(0, min(to_position - 1, len(rows))), item)
        for position, row in enumerate(rows, start=1):
            if row.position != position:
                row.position, row.changed_by = position, actor.login


def withdraw_item(db: Database, item_id: int, user: str | Actor = "") -> None:
    """Withdraw a draft from consideration («знято з розгляду»); it stays on the list."""
    _set_outcome(db, item_id, rules.WITHDRAWN, user)


def postpone_item(db: Database, item_id: int, user: str | Actor = "") -> None:
    """Postpone an item to a later meeting («перенесено»)."""
    _set_outcome(db, item_id, rules.POSTPONED, user)


def _set_outcome(db: Database, item_id: int, outcome: str, user: str | Actor) -> None:
    actor = actor_of(user)
    require_write(actor)
    with db.write() as s:
        item = _item(s, item_id)
        if item.decision_id is not None:
            raise MeetingError("За цим питанням уже прийнято рішення")
        item.outcome, item.changed_by = outcome, actor.login
        m = _meeting(s, item.meeting_id)
        audit.add(
            s,
            actor,
            audit.UPDATE,
            record=_record(m),
            register=MEETINGS,
            details=f"{item.title}: {rules.OUTCOMES[outcome]}",
        )


# --- the meeting ---------------------------------------------------------------------------


def set_attendance(
    db: Database, meeting_id: int, present: Sequence[int], user: str | Actor = ""
) -> str:
    """Record who is present; the meeting is held from now on and its protocol gets the next
    number of its calendar year (6.21). Returns the protocol's number."""
    actor = actor_of(user)
    require_write(actor)
    with db.write() as s:
        m = _meeting(s, meeting_id)
        if m.meeting_date > date.today():
            raise MeetingError("Засідання ще не настало: присутніх відмічають на засіданні")
        members = {mi.id for mi in members_on(s, m.meeting_date)}
        wanted = set(present)
        if wanted - members:
            raise MeetingError("Серед присутніх є особа, що не є членом виконкому на цю дату")
        rows = {
            a.member_id: a
            for a in s.execute(
                select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id)
            ).scalars()
        }
        for member_id in members:
            row = rows.get(member_id)
            if row is None:
                row = MeetingAttendance(meeting_id=meeting_id, member_id=member_id)
                s.add(row)
            row.present, row.changed_by = member_id in wanted, actor.login
        m.held = True
        if m.protocol_seq is None:
            year = m.meeting_date.year
            last = s.execute(
                select(func.max(Meeting.protocol_seq)).where(Meeting.protocol_year == year)
            ).scalar()
            m.protocol_year, m.protocol_seq = year, int(last or 0) + 1
            m.protocol_number = rules.protocol_number(m.protocol_seq)
        m.changed_by = actor.login
        audit.add(
            s,
            actor,
            audit.UPDATE,
            record=_record(m),
            register=MEETINGS,
            details=f"присутні: {len(wanted)} з {len(members)}",
        )
        return m.protocol_number


@dataclass(frozen=True)
class VoteResult:
    outcome: str
    decision_id: int | None
    decision_number: str


def record_vote(
    db: Database,
    item_id: int,
    votes_for: int,
    against: int = 0,
    abstained: int = 0,
    not_voted: int | None = None,
    user: str | Actor = "",
) -> VoteResult:
    """The vote on an item (6.14). Refused without a quorum (6.1) or with more votes than
    members present. Adopted when more than half of the TOTAL membership voted for; an adopted
    item becomes a decision: the next number of its year, dated the day of the meeting (6.18),
    linked to its meeting, protocol and draft."""
    from app.registers import DECISIONS
    from app.services import documents

    actor = actor_of(user)
    require_write(actor)
    calendar = load_calendar(db)
    formats = documents.series_formats(db, DECISIONS)
    with db.write() as s:
        s.info["calendar"] = calendar
        item = _item(s, item_id)
        m = _meeting(s, item.meeting_id)
        if not m.held:
            raise MeetingError("Спершу відмітьте присутніх членів виконкому")
        total = len(members_on(s, m.meeting_date))
        present = s.execute(
            select(func.count())
            .select_from(MeetingAttendance)
            .where(MeetingAttendance.meeting_id == m.id, MeetingAttendance.present)
        ).scalar_one()
        if not rules.has_quorum(total, present):
            raise MeetingError(
                f"Засідання неправомочне (п. 6.1): присутні {present} з {total}, "
                f"потрібно щонайменше {rules.quorum_needed(total)}"
            )
        if item.decision_id is not None:
            raise MeetingError("За цим питанням уже прийнято рішення")
        cast = (votes_for, against, abstained)
        if not_voted is None:
            not_voted = max(int(present) - sum(cast), 0)
        try:
            rules.check_votes(int(present), (*cast, not_voted))
        except rules.VoteError as exc:
            raise MeetingError(str(exc)) from exc
        item.votes_for, item.votes_against = votes_for, against
        item.votes_abstained, item.votes_not_voted = abstained, not_voted
        item.outcome = rules.vote_outcome(total, votes_for)
        item.changed_by = actor.login
        number = ""
        if item.outcome == rules.ADOPTED:
            doc = _register_decision(s, formats, item, m, actor)
            item.decision_id, number = doc.id, doc.reg_number
        audit.add(
            s,
            actor,
            audit.UPDATE,
            record=_record(m),
            register=MEETINGS,
            details=f"{item.title}: {rules.OUTCOMES[item.outcome]} ({votes_for} за з {total})",
        )
        return VoteResult(item.outcome, item.decision_id, number)


def _register_decision(
    s: Session, formats: dict[str, str], item: AgendaItem, m: Meeting, actor: Actor
) -> Document:
    from app.registers import DECISIONS
    from app.services import documents
    from app.services.numbering import next_seq

    values = DECISIONS.parse(
        {
            "title": item.title[:300],
            # The item's words are what the decision is about: the card, the search and the
            # control centre's «Короткий зміст» show them (the whole title, if over 300).
            "summary": item.title,
            "department": item.department,
            "protocol_number": m.protocol_number,
            "regulatory": item.regulatory,
        }
    )
    registration = documents.Registration(values, m.meeting_date)
    seq = next_seq(s, DECISIONS.code, m.meeting_date.year)
    doc = documents.new_document(s, DECISIONS, formats, registration, seq, actor.login)
    detail = s.get(DecisionDetail, doc.id)
    assert detail is not None
    detail.meeting_id, detail.item_id = m.id, item.id
    audit.add(s, actor, audit.CREATE, doc=doc)
    return doc
