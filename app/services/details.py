"""One document seen whole: its fields, resolutions, control history and attachments.

This is what the form, the resolution slip, the registration card and the stamps are built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain.deadlines import ControlState, ControlThresholds
from app.domain.roles import Actor, actor_of
from app.registers import REGISTERS, RegisterSpec
from app.services import audit
from app.services.access import require_read
from app.services.calendar import load_calendar
from app.services.documents import AttachmentInfo, DocumentError, list_attachments
from app.services.field_storage import stored_values
from app.services.reference import StaffInfo
from db.models import ControlEvent, Document, Resolution, ResolutionExecutor, Staff
from db.session import Database


@dataclass(frozen=True)
class ResolutionView:
    id: int
    parent_id: int | None
    author: StaffInfo | None
    executors: tuple[StaffInfo, ...]
    task: str
    term: date | None
    resolution_date: date


@dataclass(frozen=True)
class ControlEventView:
    kind: str
    event_date: date
    old_term: date | None
    new_term: date | None
    text: str
    basis: str
    person: str

    @property
    def label(self) -> str:
        return {
            "set": "Взято на контроль",
            "extend": "Термін змінено",
            "progress": "Хід виконання",
            "schedule": "Строки проміжних звітів",
            "report": "Проміжний звіт",
            "remove": "Знято з контролю",
            "reopen": "Повторно взято на контроль",
            "cancel": "Знято з контролю: документ анульовано",
        }.get(self.kind, self.kind)


@dataclass(frozen=True)
class DocumentDetail:
    id: int
    register: str
    reg_number: str
    reg_date: date
    seq: int
    version: int
    values: dict[str, object]
    on_control: bool
    due_date: date | None
    done_date: date | None
    state: ControlState
    lead_executor: str
    # Who sent it or to whom it goes, as the table shows it (the correspondent, the addressees).
    correspondent: str
    cancelled: bool
    cancel_reason: str
    resolutions: tuple[ResolutionView, ...]
    control_events: tuple[ControlEventView, ...]
    attachments: tuple[AttachmentInfo, ...]
    series: str = ""
    # With interim reports: the final term (`due_date` is then the next report).
    final_due: date | None = None


def _staff(row: Staff | None) -> StaffInfo | None:
    if row is None:
        return None
    return StaffInfo(**{name: getattr(row, name) for name in StaffInfo.__dataclass_fields__})


def get_document(
    db: Database,
    doc_id: int,
    today: date | None = None,
    spec: RegisterSpec | None = None,
    user: str | Actor = "",
) -> DocumentDetail:
    """The document as its card opens it, for `user`: refused (PermissionDenied) unless the
    user may read its register, and recorded in the audit trail («open») when the register
    holds personal data — here, so that no caller can forget it. A plain `user` string is the
    system (the CLI, the older tests).
    """
    detail = load_document(db, doc_id, today, spec)
    actor = actor_of(user)
    require_read(actor, detail.register, detail.series)
    audit.record_open(db, actor, spec or REGISTERS[detail.register], doc_id)
    return detail


def load_document(
    db: Database, doc_id: int, today: date | None = None, spec: RegisterSpec | None = None
) -> DocumentDetail:
    """The document whole; its fields as `spec` (default: its register's) declares them.

    No permission check and no audit: for services that checked the actor already (printouts).
    """
    thresholds = ControlThresholds.for_day(today or date.today(), load_calendar(db))
    with db.read() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise DocumentError("Документ не знайдено")
        values = stored_values(s, spec or REGISTERS[doc.register], doc)
        staff = {
            r.id: r
            for r in s.execute(
                select(Staff).where(
                    Staff.id.in_(
                        select(ResolutionExecutor.staff_id)
                        .join(Resolution)
                        .where(Resolution.document_id == doc_id)
                        .union(select(Resolution.author_id).where(Resolution.document_id == doc_id))
                    )
                )
            ).scalars()
        }
        resolutions = tuple(
            ResolutionView(
                id=r.id,
                parent_id=r.parent_id,
                author=_staff(staff.get(r.author_id or 0)),
                executors=tuple(x for e in r.executors if (x := _staff(staff.get(e.staff_id)))),
                task=r.task,
                term=r.term,
                resolution_date=r.resolution_date,
            )
            for r in doc.resolutions
        )
        events = tuple(
            ControlEventView(
                e.kind, e.event_date, e.old_term, e.new_term, e.text, e.basis, e.person
            )
            for e in s.execute(
                select(ControlEvent)
                .where(ControlEvent.document_id == doc_id)
                .order_by(ControlEvent.id)
            ).scalars()
        )
        state = thresholds.state(doc.due_date, doc.done_date, doc.on_control)
        detail = DocumentDetail(
            id=doc.id,
            register=doc.register,
            reg_number=doc.reg_number,
            reg_date=doc.reg_date,
            seq=doc.seq,
            version=doc.version,
            values=values,
            on_control=doc.on_control,
            due_date=doc.due_date,
            done_date=doc.done_date,
            state=state,
            lead_executor=doc.lead_executor_name,
            correspondent=doc.correspondent_name,
            cancelled=doc.cancelled,
            cancel_reason=doc.cancel_reason,
            resolutions=resolutions,
            control_events=events,
            attachments=(),
            series=doc.series,
            final_due=doc.final_due,
        )
    return _with_attachments(detail, tuple(list_attachments(db, doc_id)))


def _with_attachments(detail: DocumentDetail, items: tuple[AttachmentInfo, ...]) -> DocumentDetail:
    from dataclasses import replace

    return replace(detail, attachments=items)
