"""HR reminders and seniority: the state each file keeps for them, and the scan.

Every change of a person's history derives its `FileState` (app/domain/personnel.py: the
service start for the bonus, the end of probation, internship and contract, the attestation and
training due dates …) and keeps it in `personnel_file`; the scan then reads one row a person,
filtered in SQL to those with something due within the horizon — 10,000 people in a few
milliseconds (bench/bench_personnel.py) instead of their 300,000 events.

A file records which edition of the rules derived its state (`state_version`). Files written
before the state was kept (schema 0009) have 0, and so does every file whenever STATE_VERSION is
raised (a rule of derive_state changed): the scan derives those first, so no file waits for an
edit to get its reminders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from app.domain import personnel as rules
from app.domain.names import Gender, PersonName, short_name
from app.domain.roles import Actor
from app.services import settings
from db.models import PersonnelEvent, PersonnelFile, Staff
from db.queries import personnel as q
from db.session import Database


def service_periods(
    events: list[tuple[str, date]], prior: list[tuple[date, date]]
) -> list[rules.Period]:
    """Periods counted for seniority: previous service that counts, and each span here from an
    appointment to the next dismissal (or still going on). `events`: (kind, date) by date."""
    periods = [rules.Period(a, b) for a, b in prior]
    start: date | None = None
    for kind, day in events:
        if kind == rules.HIRE and start is None:
            start = day
        elif kind == rules.DISMISSAL and start is not None:
            periods.append(rules.Period(start, day))
            start = None
    if start is not None:
        periods.append(rules.Period(start, None))
    return periods


#: Raise when app/domain/personnel.derive_state changes: every file is derived again at the
#: next scan (`refresh_stale`).
STATE_VERSION = 1


def _rule_event(e: PersonnelEvent) -> rules.Event:
    return rules.Event(e.kind, e.event_date, e.end_date, e.detail, e.category, e.rank, e.amount)


def store_state(
    file: PersonnelFile, events: list[PersonnelEvent], prior: list[tuple[date, date]]
) -> None:
    """Derive the reminders' state from the history (events by date) and keep it in the file."""
    periods = service_periods([(e.kind, e.event_date) for e in events], prior)
    st = rules.derive_state([_rule_event(e) for e in events], periods)
    file.service_start = st.service_start if st else None
    file.trial_end = st.trial_end if st else None
    file.trial_kind = st.trial_kind if st else ""
    file.contract_end = st.contract_end if st else None
    file.contract_kind = st.contract_kind if st else ""
    file.attestation_due = st.attestation_due if st else None
    file.training_due = st.training_due if st else None
    file.martial_hire = bool(st and st.martial_hire)
    file.seniority_granted = st.seniority_granted if st else 0
    file.reserve_state = st.reserve_state[:30] if st else ""
    file.reserve_reviewed = st.reserve_reviewed if st else None
    file.state_version = STATE_VERSION


def seniority_of(db: Database, staff_id: int, on: date | None = None) -> rules.Seniority:
    on = on or date.today()
    with db.read() as s:
        events = [(e.kind, e.event_date) for e in q.events_of(s, staff_id)]
        prior = [(p.date_from, p.date_to) for p in q.prior_of(s, staff_id) if p.counts]
    return rules.seniority(service_periods(events, prior), on)


@dataclass(frozen=True)
class Reminders:
    items: list[rules.Reminder] = field(default_factory=list)

    def of(self, staff_id: int) -> list[rules.Reminder]:
        return [r for r in self.items if r.staff_id == staff_id]


def _due_condition(on: date, limit: date, martial_end: date | None) -> ColumnElement[bool]:
    """Files with something due by `limit` (a superset of what `state_reminders` names; the
    domain function decides)."""
    f = PersonnelFile
    seniority: list[ColumnElement[bool]] = [
        # the next threshold is reached within the horizon …
        f.service_start.between(
            rules.add_years(on, -t) - timedelta(days=1), rules.add_years(limit, -t)
        )
        for t in rules.THRESHOLDS
    ]
    # … or one reached has no bonus set yet
    seniority += [
        and_(f.service_start <= rules.add_years(on, -t), f.seniority_granted < t)
        for t in rules.THRESHOLDS
    ]
    competition: ColumnElement[bool] = false()
    if martial_end is not None and rules.add_months(martial_end, rules.COMPETITION_MONTHS) <= limit:
        competition = f.martial_hire.is_(True)
    reserve = (
        and_(f.reserve_state != "", f.reserve_state != "виключено") if on.month == 12 else false()
    )
    attestation = false() if rules.martial_law_on(on, martial_end) else f.attestation_due <= limit
    return or_(
        f.trial_end.between(on - timedelta(days=7), limit),
        f.contract_end.between(on - timedelta(days=30), rules.add_months(limit, 2)),
        attestation,
        f.training_due <= limit,
        competition,
        reserve,
        *seniority,
    )


def reminders(
    db: Database,
    user: str | Actor = "",
    on: date | None = None,
    horizon: int = rules.HORIZON_DAYS,
) -> Reminders:
    """What HR must do within `horizon` days (overdue included), for everyone in service,
    soonest first."""
    from app.services.personnel import require_read

    require_read(user)
    refresh_stale(db)
    on = on or date.today()
    limit = on + timedelta(days=horizon)
    end = settings.martial_law_end(db)
    f = PersonnelFile
    stmt = (
        select(
            f.staff_id, f.hired_date, f.service_start, f.trial_end, f.trial_kind, f.contract_end,
            f.contract_kind, f.attestation_due, f.training_due, f.martial_hire,
            f.seniority_granted, f.reserve_state, f.reserve_reviewed,
            Staff.surname, Staff.given_name, Staff.patronymic, Staff.gender,
        )
        .join(Staff, Staff.id == f.staff_id)
        .where(Staff.active.is_(True), f.service_start.is_not(None), true())
        .where(_due_condition(on, limit, end))
    )  # fmt: skip
    with db.read() as s:
        rows = s.execute(stmt).all()
    found: list[rules.Reminder] = []
    for r in rows:
        st = rules.FileState(
            r.hired_date, r.service_start, r.trial_end, r.trial_kind, r.contract_end,
            r.contract_kind, r.attestation_due, r.training_due, r.martial_hire,
            r.seniority_granted, r.reserve_state, r.reserve_reviewed,
        )  # fmt: skip
        name = short_name(PersonName(r.surname, r.given_name, r.patronymic, Gender(r.gender)))
        for item in rules.state_reminders(r.staff_id, st, on, end, horizon):
            found.append(rules.Reminder(item.due, item.kind, item.text, r.staff_id, name))
    found.sort(key=lambda x: (x.due, x.name))
    return Reminders(found)


def refresh_stale(db: Database, batch: int = 2000) -> int:
    """Derive the state of the files derived by an older edition of the rules, or never (the
    files of a database upgraded from before 0009); returns how many. One indexed-free count of
    a small table when there are none."""
    from app.services.personnel import refresh_derived

    stale = select(PersonnelFile.staff_id).where(PersonnelFile.state_version < STATE_VERSION)
    with db.read() as s:
        ids = list(s.execute(stale.order_by(PersonnelFile.staff_id)).scalars())
    for i in range(0, len(ids), batch):
        with db.write() as s:
            for staff_id in ids[i : i + batch]:
                refresh_derived(s, staff_id)
    return len(ids)


def refresh_all(db: Database, batch: int = 2000) -> int:
    """Derive the state of every file again (after a bulk import, or for files written before
    the state was kept); returns how many files were refreshed."""
    from app.services.personnel import refresh_derived

    with db.read() as s:
        ids = list(
            s.execute(select(PersonnelFile.staff_id).order_by(PersonnelFile.staff_id)).scalars()
        )
    for i in range(0, len(ids), batch):
        with db.write() as s:
            for staff_id in ids[i : i + batch]:
                refresh_derived(s, staff_id)
    return len(ids)
