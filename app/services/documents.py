"""Registering documents and reading or changing one document, for any register.

Everything a register needs is in its `RegisterSpec`; nothing here is specific to incoming mail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.numbering import NumberFormatError, format_number, split_written
from app.domain.roles import Actor, actor_of, write
from app.registers.base import RegisterSpec
from app.registers.fields import FieldError, FieldErrors, FieldKind, check_values
from app.services import audit, field_storage, settings
from app.services.access import may_write, require_write
from app.services.calendar import load_calendar
from app.services.changes import FieldChange, by_whom, changed_fields
from app.services.errors import DocumentError
from app.services.numbering import last_seq, next_seq, raise_counter
from db.models import Attachment, ControlEvent, Document
from db.session import Database

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


class ConflictError(DocumentError):
    """Someone else saved this document since it was opened: who, when (UTC) and, when the
    values the clerk opened are known, what that person changed (`changes`)."""

    def __init__(
        self,
        message: str,
        changes: Sequence[FieldChange] = (),
        changed_by: str = "",
        changed_at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.changes = tuple(changes)
        self.changed_by = changed_by
        self.changed_at = changed_at


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    mime: str
    size: int


@dataclass(frozen=True)
class Registered:
    """What registering gave: the id, the number and the date (and any warnings shown)."""

    id: int
    reg_number: str
    reg_date: date
    seq: int


@dataclass(frozen=True)
class NewAttachment:
    filename: str
    data: bytes

    @classmethod
    def from_path(cls, path: str | Path) -> NewAttachment:
        p = Path(path)
        if p.suffix.lower() not in ATTACHMENT_TYPES:
            raise DocumentError(f"Файл «{p.name}»: можна додати лише PDF або зображення")
        data = p.read_bytes()
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise DocumentError(f"Файл «{p.name}» завеликий (понад 50 МБ)")
        return cls(p.name, data)


#: Storing field values (a module attribute, so a test can slow it down to provoke a conflict).
_apply_values = field_storage.apply_values


@dataclass(frozen=True)
class Registration:
    """One document to register: parsed field values and the registration date.

    `seq` and `number` keep the running number and the number as written in a journal kept
    before the program (imports): the number is stored as it was on paper, and the series
    continues after `seq`. Without them the next number of the series is given. A `number`
    without `seq` is typed in the card of a register that keeps numbers as written: a
    sub-number of a number already given («931-1», an amendment), checked by `_typed_number`.
    """

    values: Mapping[str, Any]
    reg_date: date
    seq: int | None = None
    number: str | None = None
    attachments: tuple[NewAttachment, ...] = ()
    # Documents this one answers whose control it ends (a choice the clerk made), and who ends it.
    close_controls: tuple[int, ...] = ()
    closed_by: str = ""


def register_document(
    db: Database,
    spec: RegisterSpec,
    values: Mapping[str, Any],
    *,
    reg_date: date | None = None,
    attachments: list[NewAttachment] | tuple[NewAttachment, ...] = (),
    user: str | Actor = "",
    explicit_seq: int | None = None,
) -> Registered:
    """Register a document: the next number of the series for the year of `reg_date`.

    `values` are already parsed (spec.parse). `explicit_seq` keeps a running number from a
    journal kept before the program; the series then continues after it.
    """
    item = Registration(values, reg_date or date.today(), explicit_seq, None, tuple(attachments))
    return register_many(db, spec, [item], user)[0]


def register_many(
    db: Database, spec: RegisterSpec, items: Sequence[Registration], user: str | Actor = ""
) -> list[Registered]:
    """Register several documents in ONE transaction: all of them or none (imports).

    Refused (PermissionDenied) unless the actor may write to the register; every document gets
    a «create» entry of the audit trail in the same transaction.
    """
    actor = actor_of(user)
    if not may_write(spec, actor):
        actor.require(write(spec.code))
    today = date.today()
    if any(item.reg_date > today for item in items):
        raise FieldErrors(
            [FieldError("reg_date", "Дата реєстрації не може бути пізнішою за сьогоднішню")]
        )
    formats = series_formats(db, spec)
    check_registrations(db, spec, items, actor)
    calendar = load_calendar(db)
    with db.write() as s:
        s.info["calendar"] = calendar  # for the spec's after_store (working-day rules)
        return [_register(s, spec, formats, item, actor) for item in items]


def check_registrations(
    db: Database, spec: RegisterSpec, items: Sequence[Registration], actor: Actor
) -> None:
    """What registering `items` asks before anything is written (imports ask it too): the
    right to each one's series, the fields' limits, and series the register has."""
    for item in items:
        series = spec.series_of(item.values)
        if not may_write(spec, actor, series):
            actor.require(write(spec.code))
        check_values(spec.fields, item.values)  # the form's and the import's limits, always
        if not settings.series_enabled(db, spec, series):
            title = spec.series_named(series).title
            raise FieldErrors(
                [
                    FieldError(
                        "series",
                        f"Серії «{title}» у реєстрі ще немає: її додає адміністратор "
                        "(Довідники ▸ Налаштування)",
                    )
                ]
            )


def _series_codes(spec: RegisterSpec) -> list[str]:
    return [s.code for s in spec.series] or [""]


def _register(
    s: Session, spec: RegisterSpec, formats: Mapping[str, str], item: Registration, actor: Actor
) -> Registered:
    user = actor.login
    day = item.reg_date
    series = spec.series_of(item.values)
    if item.seq is None and item.number:
        number = _with_suffix(spec, item.number, formats[series], day.year, series)
        seq = _typed_number(s, spec, number, day.year, series, formats[series])
        item = replace(item, number=number)
    elif item.seq is None:
        seq = next_seq(s, spec.code, day.year, series)
    else:
        seq = item.seq
        raise_counter(s, spec.code, day.year, seq, series)
    doc = new_document(s, spec, formats, item, seq, user)
    number = doc.reg_number
    for attachment in item.attachments:
        _add_attachment(s, doc.id, attachment, user)
    audit.add(s, actor, audit.CREATE, doc=doc)
    if item.close_controls:
        _close_answered(s, spec, doc, item, actor)
    return Registered(doc.id, number, day, seq)


#: The key under which the card shows a problem with a number typed by hand.
NUMBER_KEY = "reg_number"


def _refuse(message: str) -> FieldErrors:
    return FieldErrors([FieldError(NUMBER_KEY, message)])


def _series_tail(fmt: str, year: int) -> str:
    """What a series' format puts after the running number («{n}-р» → «-р»); "" when the
    format does not begin with the running number (then the number is kept as typed)."""
    plain = format_number(fmt, 1, year=year)
    return plain[1:] if plain.startswith("1") and not plain[1:2].isdigit() else ""


def _with_suffix(spec: RegisterSpec, typed: str, fmt: str, year: int, series: str) -> str:
    """A number typed in the card of a register with series, ending as its series' numbers do:
    «12-1» in orders' main activity is «12-1-р» (typed with the suffix, it is not doubled); a
    suffix of another series is refused. A register without series keeps it as typed."""
    typed = "".join(typed.split())
    if not spec.series:
        return typed
    tail = _series_tail(fmt, year)
    if tail and typed.casefold().endswith(tail.casefold()):
        typed = typed[: -len(tail)]
    for other in spec.series:
        if other.code != series and other.suffix and typed.casefold().endswith(other.suffix):
            raise _refuse(
                f"«{other.suffix}» — суфікс серії «{other.title}»: номер цієї серії "
                f"закінчується на «{tail or spec.series_named(series).suffix}»; вкажіть "
                "лише номер і підномер (наприклад, 12-1)"
            )
    return typed + tail


def _typed_number(
    s: Session, spec: RegisterSpec, number: str, year: int, series: str, fmt: str = "{n}"
) -> int:
    """The running number of a number typed in the card: only in a register that keeps numbers
    as written, only a number already given or its sub-number (the next one the program gives
    itself: no gaps), and never one already registered that year."""
    refuse = _refuse

    if not spec.written_numbers:
        raise refuse("У цьому реєстрі номер дає програма")
    number = "".join(number.split())
    try:
        seq, sub = split_written(number)
    except NumberFormatError as exc:
        raise refuse(str(exc)) from None
    last = last_seq(s, spec.code, year, series)
    if seq > last:
        given = f"останній — {last}" if last else "у цьому році номерів ще не надано"
        tail = _series_tail(fmt, year) if spec.series else ""
        example = f" (наприклад, {last}-1{tail})" if last else ""
        raise refuse(
            f"Номер {seq} за {year} рік ще не надано ({given}): вручну вказують лише підномер "
            f"уже наданого номера{example}; наступний номер програма дасть сама"
        )
    taken = s.execute(
        select(Document.reg_number).where(
            Document.register == spec.code,
            Document.series == series,
            Document.year == year,
            Document.seq == seq,
            Document.sub == sub,
        )
    ).scalar()
    if taken is not None:
        raise refuse(f"Номер «{number}» за {year} рік уже зареєстровано ({taken})")
    return seq


def written_sub(spec: RegisterSpec, number: str) -> str:
    """The sub-number key of a number kept as written («931-1» → «000001»); "" for a number
    the format made, and in registers whose numbers' tails are case indexes (incoming)."""
    if not (spec.written_numbers or spec.series):
        return ""
    try:
        return split_written(number)[1]
    except NumberFormatError:
        return ""


def new_document(
    s: Session,
    spec: RegisterSpec,
    formats: Mapping[str, str],
    item: Registration,
    seq: int,
    user: str,
    register: str = "",
) -> Document:
    """The document of `item` with running number `seq`, its values stored, added and flushed
    (no counter, no audit: the caller's). `register` files it under another code — an import
    stages its rows so (app/services/imports/staging.py)."""
    day = item.reg_date
    series = spec.series_of(item.values)
    written = "".join((item.number or "").split())
    number = written or format_number(
        formats[series], seq, index=item.values.get("case_index") or "", year=day.year
    )
    doc = Document(
        register=register or spec.code,
        series=series,
        year=day.year,
        seq=seq,
        sub=written_sub(spec, written) if written else "",
        reg_number=number,
        reg_date=day,
        changed_by=user,
    )
    _apply_values(s, spec, doc, item.values, user)
    s.add(doc)
    s.flush()
    return doc


def series_formats(db: Database, spec: RegisterSpec) -> dict[str, str]:
    """The number format of each series of `spec` ("" for a register without series)."""
    return {code: settings.number_format(db, spec, code) for code in _series_codes(spec)}


def _close_answered(
    s: Session, spec: RegisterSpec, doc: Document, item: Registration, user: Actor
) -> None:
    """End the control of answered documents with this answer as the basis (9.13: a letter or
    an answer is a basis), in the answer's own transaction: both happen or neither."""
    from app.domain.dates import format_date
    from app.services.control import close_control

    answered = set(field_storage.linked_ids(s, doc.id))
    basis = f"{spec.number_label} {doc.reg_number} від {format_date(doc.reg_date)}"
    for target_id in item.close_controls:
        if target_id not in answered:
            raise DocumentError("Зняти з контролю можна лише документ, на який дано відповідь")
        close_control(s, target_id, basis, doc.reg_date, item.closed_by or user.name, user)


def _add_attachment(s: Session, doc_id: int, item: NewAttachment, user: str) -> None:
    suffix = Path(item.filename).suffix.lower()
    s.add(
        Attachment(
            document_id=doc_id,
            filename=item.filename,
            mime=ATTACHMENT_TYPES.get(suffix, "application/octet-stream"),
            size=len(item.data),
            data=item.data,
            changed_by=user,
        )
    )


def add_attachment(db: Database, doc_id: int, item: NewAttachment, user: str | Actor = "") -> None:
    actor = actor_of(user)
    with db.write() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise DocumentError("Документ не знайдено")
        require_write(actor, doc.register, doc.series)
        _add_attachment(s, doc_id, item, actor.login)
        audit.add(s, actor, audit.UPDATE, doc=doc, details={"файли": [item.filename]})


def list_attachments(db: Database, doc_id: int) -> list[AttachmentInfo]:
    with db.read() as s:
        stmt = select(Attachment.id, Attachment.filename, Attachment.mime, Attachment.size).where(
            Attachment.document_id == doc_id
        )
        return [AttachmentInfo(*r) for r in s.execute(stmt)]


def attachment_data(db: Database, attachment_id: int) -> tuple[str, bytes]:
    with db.read() as s:
        row = s.get(Attachment, attachment_id)
        if row is None:
            raise DocumentError("Файл не знайдено")
        return row.filename, row.data


def update_document(
    db: Database,
    spec: RegisterSpec,
    doc_id: int,
    values: Mapping[str, Any],
    expected_version: int,
    user: str | Actor = "",
    attachments: Sequence[NewAttachment] = (),
    opened: Mapping[str, Any] | None = None,
) -> int:
    """Save changed fields and new scans together; refuses when someone else saved the
    document meanwhile (the row is locked while checking, so two saves cannot both pass).
    `opened` are the values the clerk's card started from: the refusal then says what the
    other person changed.

    The registration number and date never change, so neither does a case index that is part
    of the number. Returns the new version. The audit entry lists each changed field, old → new.
    """
    actor = actor_of(user)
    check_values(spec.fields, values)
    user = actor.login
    calendar = load_calendar(db)
    with db.write() as s:
        s.info["calendar"] = calendar
        doc = s.get(Document, doc_id, with_for_update=True)
        if doc is None or doc.register != spec.code:
            raise DocumentError("Документ не знайдено")
        if not may_write(spec, actor, doc.series):
            actor.require(write(spec.code))
        if spec.series and spec.series_of(values) != doc.series and _names_series(spec, values):
            raise FieldErrors(
                [
                    FieldError(
                        "series",
                        f"Серія входить до реєстраційного номера {doc.reg_number} "
                        "і після реєстрації не змінюється",
                    )
                ]
            )
        if doc.version != expected_version:
            raise _conflict(s, spec, doc, opened)
        old_index, new_index = doc.case_index or "", values.get("case_index", doc.case_index) or ""
        if old_index and new_index != old_index and old_index in doc.reg_number:
            raise FieldErrors(
                [
                    FieldError(
                        "case_index",
                        f"Індекс справи входить до реєстраційного номера {doc.reg_number} "
                        "і після реєстрації не змінюється",
                    )
                ]
            )
        before = field_storage.stored_values(s, spec, doc)
        _apply_values(s, spec, doc, values, user)
        s.flush()
        diff = changed_fields(spec, before, field_storage.stored_values(s, spec, doc))
        details: dict[str, Any] = {c.label: [c.before, c.after] for c in diff}
        for attachment in attachments:
            _add_attachment(s, doc.id, attachment, user)
        if attachments:
            details["Файли"] = ["", "; ".join(a.filename for a in attachments)]
        doc.version += 1
        doc.changed_by = user
        audit.add(s, actor, audit.UPDATE, doc=doc, details=details)
        return doc.version


def _names_series(spec: RegisterSpec, values: Mapping[str, Any]) -> bool:
    return any(f.kind == FieldKind.SERIES and f.key in values for f in spec.fields)


def _conflict(
    s: Session, spec: RegisterSpec, doc: Document, opened: Mapping[str, Any] | None
) -> ConflictError:
    """The refusal of a save that came second: who saved first, when, and what they changed."""
    changes = []
    if opened is not None:
        changes = changed_fields(spec, opened, field_storage.stored_values(s, spec, doc))
    who = by_whom(doc.changed_by, doc.updated_at)
    lines = [f"Документ {doc.reg_number} {who}, поки вашу картку було відкрито."]
    lines += [change.describe() for change in changes]
    lines.append("Ваші зміни не збережено; перегляньте їх і збережіть знову.")
    message = "\n".join(lines)
    return ConflictError(message, changes, doc.changed_by, doc.updated_at)


def cancel_document(db: Database, doc_id: int, reason: str, user: str | Actor = "") -> None:
    """Cancel (анулювати) a registered document: it keeps its number; nothing is deleted.

    An open control ends with it (recorded as a «cancel» entry of the history).
    """
    if not reason.strip():
        raise DocumentError("Вкажіть причину анулювання")
    actor = actor_of(user)
    user = actor.login
    with db.write() as s:
        doc = s.get(Document, doc_id, with_for_update=True)
        if doc is None:
            raise DocumentError("Документ не знайдено")
        require_write(actor, doc.register, doc.series)
        if doc.cancelled:
            raise DocumentError(f"Документ {doc.reg_number} уже анульовано")
        if doc.on_control and doc.done_date is None:
            # A cancelled document is nobody's task: it leaves control, and the history says why.
            s.add(
                ControlEvent(
                    document_id=doc.id,
                    kind="cancel",
                    event_date=date.today(),
                    old_term=doc.due_date,
                    text=reason.strip(),
                    changed_by=user,
                )
            )
            doc.on_control = False
        doc.cancelled, doc.cancel_reason = True, reason.strip()
        doc.version += 1
        doc.changed_by = user
        audit.add(s, actor, audit.CANCEL, doc=doc, details={"причина": reason.strip()})
