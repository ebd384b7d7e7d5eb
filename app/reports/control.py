"""The control report: every document on control as of a date, with its term and state then.

«As of a date» is answered from the control history (`control_event`), not from the current
columns: a document removed from control last week was on control a month ago, and its term then
may have been extended since. The history is replayed by a pure function (`status_as_of`), so
the rule is tested without a database; `control_report` only reads the rows it needs.

A document counts as on control on day D when it was taken on control on or before D and not
removed on or before D: «as of D» is the end of that day, so the report lists open controls only
(on control, due soon, overdue) and its total never counts a finished document. Cancelled
documents are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select

from app.domain.deadlines import ControlState, ControlThresholds
from app.domain.interim import term_label
from app.domain.roles import Actor
from app.registers import REGISTERS
from app.services.access import control_scope
from app.services.calendar import load_calendar
from app.services.organisation import get_organisation
from db.models import ControlEvent, Document
from db.models import ControlReport as ReportDate
from db.queries.control_centre import SUMMARY_OR_TITLE, Scope, in_scope
from db.session import Database

if TYPE_CHECKING:
    from app.printing.data import ControlReportData

_OPENING = ("set", "reopen")
#: Entries that change the term of an open control: an extension, and the interim reports'
#: dates set or a report given (the next report, or the final term, is the term then).
_TERM_CHANGES = ("extend", "schedule", "report")
_CHUNK = 500


@dataclass(frozen=True)
class ControlFact:
    """One entry of a control history, as much of it as the report needs."""

    kind: str  # set, extend, progress, remove, reopen
    event_date: date
    new_term: date | None = None


@dataclass(frozen=True)
class StatusOn:
    """A document's control on one day: since when, the term then, and removal on that day."""

    taken_on: date
    due_date: date
    done_date: date | None  # only ever the day itself: removed that day


def status_as_of(facts: Iterable[ControlFact], on_date: date) -> StatusOn | None:
    """Replay a document's history (in the order it was written) up to `on_date`.

    None when the document was not on control that day.
    """
    taken: date | None = None
    term: date | None = None
    done: date | None = None
    for fact in facts:
        if fact.event_date > on_date:
            continue
        if fact.kind in _OPENING:  # a second "set" while open changes the term, not the start
            taken, term, done = taken or fact.event_date, fact.new_term or term, None
        elif fact.kind in _TERM_CHANGES and taken is not None and fact.new_term is not None:
            term = fact.new_term
        elif fact.kind == "remove" and taken is not None:
            # «As of a date» is the end of that day: removed that day is no longer on control.
            taken, done = None, None
    if taken is None or term is None:
        return None
    return StatusOn(taken, term, done)


@dataclass(frozen=True)
class ControlReportLine:
    document_id: int
    register: str
    register_title: str
    reg_number: str
    reg_date: date
    correspondent: str
    summary: str
    lead_executor: str
    taken_on: date
    due_date: date
    done_date: date | None
    state: ControlState
    # With interim reports on that day: the term of execution beyond the report (`due_date`).
    final_due: date | None = None

    @property
    def state_label(self) -> str:
        return self.state.label

    @property
    def term_text(self) -> str:
        """The term as printed: an interim report named so, with the final term."""
        return term_label(self.due_date, self.final_due)

    @property
    def overdue(self) -> bool:
        return self.state is ControlState.OVERDUE


@dataclass(frozen=True)
class ControlReport:
    on_date: date
    organisation: str
    lines: tuple[ControlReportLine, ...]

    def count(self, state: ControlState) -> int:
        return sum(1 for line in self.lines if line.state is state)

    @property
    def overdue(self) -> int:
        return self.count(ControlState.OVERDUE)

    def summary_lines(self) -> list[str]:
        """Totals by state, for the end of the printed report and the command line."""
        counts = Counter(line.state for line in self.lines)
        order = (
            ControlState.ON_CONTROL,
            ControlState.DUE_SOON,
            ControlState.OVERDUE,
            ControlState.DONE,
            ControlState.DONE_LATE,
        )
        parts = [f"{state.label.lower()} — {counts[state]}" for state in order if counts[state]]
        return [f"За станом: {', '.join(parts)}."] if parts else []


def _facts(db: Database, on_date: date) -> dict[int, list[ControlFact]]:
    """Every control event up to `on_date` of every document not cancelled, in written order."""
    stmt = (
        select(
            ControlEvent.document_id,
            ControlEvent.kind,
            ControlEvent.event_date,
            ControlEvent.new_term,
        )
        .join(Document, Document.id == ControlEvent.document_id)
        .where(
            ControlEvent.event_date <= on_date,
            ControlEvent.kind != "progress",
            Document.cancelled.is_(False),
        )
        .order_by(ControlEvent.document_id, ControlEvent.id)  # the order they were written
    )
    facts: dict[int, list[ControlFact]] = {}
    with db.read() as s:
        for doc_id, kind, day, new_term in s.execute(stmt):
            facts.setdefault(doc_id, []).append(ControlFact(kind, day, new_term))
    return facts


def _without_history(db: Database, on_date: date) -> dict[int, StatusOn]:
    """Documents on control with no history at all (written before the history was kept, or by
    an outside tool): judged by their current columns, taken on control when registered."""
    no_events = ~exists().where(ControlEvent.document_id == Document.id)
    stmt = select(Document.id, Document.reg_date, Document.due_date, Document.done_date).where(
        Document.on_control.is_(True),
        Document.cancelled.is_(False),
        Document.due_date.is_not(None),
        Document.reg_date <= on_date,
        no_events,
    )
    found: dict[int, StatusOn] = {}
    with db.read() as s:
        for doc_id, reg_date, due, done in s.execute(stmt):
            if due is None or (done is not None and done <= on_date):
                continue
            found[doc_id] = StatusOn(reg_date, due, None)
    return found


_DOC_COLUMNS = (
    Document.id,
    Document.register,
    Document.reg_number,
    Document.reg_date,
    Document.correspondent_name,
    SUMMARY_OR_TITLE,  # a decision registered with a title only is not blank
    Document.lead_executor_name,
    func.coalesce(Document.final_due, Document.due_date),  # the term of execution now
)


def _documents(db: Database, ids: Sequence[int], scope: Scope = None) -> dict[int, tuple]:
    """The rows of `ids` that are in `scope` (the registers the user may read)."""
    rows: dict[int, tuple] = {}
    with db.read() as s:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            stmt = select(*_DOC_COLUMNS).where(Document.id.in_(chunk), in_scope(scope))
            for row in s.execute(stmt):
                rows[row.id] = tuple(row)
    return rows


def _report_dates(db: Database, ids: Sequence[int]) -> dict[int, set[date]]:
    """The interim report dates of `ids` (app/services/interim_reports.py)."""
    found: dict[int, set[date]] = {}
    with db.read() as s:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            stmt = select(ReportDate.document_id, ReportDate.due).where(
                ReportDate.document_id.in_(chunk)
            )
            for doc_id, due in s.execute(stmt):
                found.setdefault(doc_id, set()).add(due)
    return found


def control_report(db: Database, on_date: date, *, user: str | Actor = "") -> ControlReport:
    """Every document on control on `on_date`, across the registers `user` may read, ordered
    by term."""
    statuses = {
        doc_id: status
        for doc_id, facts in _facts(db, on_date).items()
        if (status := status_as_of(facts, on_date)) is not None
    }
    statuses.update(_without_history(db, on_date))
    thresholds = ControlThresholds.for_day(on_date, load_calendar(db))
    docs = _documents(db, sorted(statuses), control_scope(user))
    reported = _report_dates(db, list(docs))
    lines = []
    for doc_id, status in statuses.items():
        if doc_id not in docs:
            continue
        _, register, number, reg_date, correspondent, summary, lead, final = docs[doc_id]
        # The term that day was an interim report when it is one of the document's report
        # dates (never the final term: app/domain/interim.checked_dates).
        interim = status.due_date in reported.get(doc_id, ())
        spec = REGISTERS.get(register)
        lines.append(
            ControlReportLine(
                document_id=doc_id,
                register=register,
                register_title=spec.title if spec else register,
                reg_number=number,
                reg_date=reg_date,
                correspondent=correspondent,
                summary=summary,
                lead_executor=lead,
                taken_on=status.taken_on,
                due_date=status.due_date,
                done_date=status.done_date,
                state=thresholds.state(status.due_date, status.done_date),
                final_due=final if interim else None,
            )
        )
    lines.sort(key=lambda x: (x.due_date, x.reg_date, x.document_id))
    org = get_organisation(db)
    return ControlReport(on_date, org.full_name if org else "", tuple(lines))


def printable(report: ControlReport) -> ControlReportData:
    """The report as app.printing's control report takes it (overdue rows print in bold)."""
    from app.printing.data import ControlReportData, ControlReportRow

    rows = [
        ControlReportRow(
            number=line.reg_number,
            reg_date=line.reg_date,
            correspondent=line.correspondent,
            summary=line.summary,
            lead_executor=line.lead_executor,
            due_date=line.due_date,
            term=line.term_text,
            state=line.state_label,
            overdue=line.overdue,
        )
        for line in report.lines
    ]
    return ControlReportData(
        organisation=report.organisation,
        as_of=report.on_date,
        rows=rows,
        closing_lines=report.summary_lines(),
    )


__all__ = [
    "ControlFact",
    "ControlReport",
    "ControlReportLine",
    "StatusOn",
    "control_report",
    "printable",
    "status_as_of",
]
