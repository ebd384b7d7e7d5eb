"""What the office prints, as PDF bytes: documents mapped to app.printing's dataclasses.

The UI previews these bytes and sends them to a printer; the CLI writes them to a file. reportlab
is imported only here, inside the functions, so starting the program does not pay for it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain.roles import Actor, actor_of
from app.registers import REGISTERS
from app.registers.base import RegisterSpec
from app.registers.entity import EntitySpec
from app.services import audit, record_code, settings
from app.services.access import require_read
from app.services.details import DocumentDetail, ResolutionView, load_document
from app.services.documents import DocumentError
from app.services.organisation import OrganisationInfo, get_organisation
from app.services.register_view import RegisterView, RowSource, ViewQuery
from db.models import Document

if TYPE_CHECKING:
    from app.printing import data as pd


def _render(printer: Callable[..., None], *args: Any, **kwargs: Any) -> bytes:
    buffer = io.BytesIO()
    printer(*args, buffer, **kwargs)
    return buffer.getvalue()


def _organisation(db: Any) -> OrganisationInfo:
    org = get_organisation(db)
    if org is None:
        raise DocumentError("Спершу заповніть дані організації (Довідники → Організація)")
    return org


def _registration(
    detail: DocumentDetail, org: OrganisationInfo, code: str = ""
) -> pd.RegistrationStampData:
    from app.printing.data import RegistrationStampData

    sheets = detail.values.get("sheets")
    return RegistrationStampData(
        organisation=org.short_name,
        reg_number=detail.reg_number,
        reg_date=detail.reg_date,
        sheets=sheets if isinstance(sheets, int) else None,
        number_prefix=REGISTERS[detail.register].number_label,
        code=code,
    )


def stamp_pdf(db: Any, doc_id: int, with_control: bool = True) -> bytes:
    """The registration stamp (and the «Контроль» stamp when the document is on control),
    placed by this office's printer offsets, on the page or on a label."""
    from app.printing.data import ControlStampData
    from app.printing.stamps import print_document_stamps, print_registration_stamp

    detail = load_document(db, doc_id)
    org = _organisation(db)
    offsets = settings.print_settings(db)
    registration = _registration(detail, org, record_code.code_of(db, doc_id))
    position = {"offset_x_mm": offsets.offset_x_mm, "offset_y_mm": offsets.offset_y_mm}
    if offsets.stamp_mode == "label":
        return _render(print_registration_stamp, registration, mode="label", **position)
    control = None
    if with_control and detail.on_control and detail.done_date is None and detail.due_date:
        control = ControlStampData(detail.due_date)
    return _render(print_document_stamps, registration, control, **position)


def control_stamp_pdf(db: Any, doc_id: int) -> bytes:
    from app.printing.data import ControlStampData
    from app.printing.stamps import print_control_stamp

    detail = load_document(db, doc_id)
    if not detail.on_control or detail.due_date is None or detail.done_date is not None:
        raise DocumentError(f"Документ {detail.reg_number} не перебуває на контролі")
    offsets = settings.print_settings(db)
    return _render(
        print_control_stamp,
        ControlStampData(detail.due_date),
        offset_x_mm=offsets.offset_x_mm,
        offset_y_mm=offsets.offset_y_mm,
    )


def _resolution(
    res: ResolutionView, org: OrganisationInfo, *, dative: bool = True
) -> pd.Resolution:
    """A resolution for print: the slip addresses executors in the dative («Мельнику І. І.»),
    the card lists them in the nominative («Мельник І. І.»)."""
    from app.printing.data import Resolution

    author = res.author
    return Resolution(
        executors=[e.dative if dative else e.short for e in res.executors],
        task=res.task,
        author_position=author.position if author else org.mayor_position,
        author_name=author.signature if author else "",
        resolution_date=res.resolution_date,
        due_date=res.term,
    )


def _as_signed(resolution: pd.Resolution, detail: DocumentDetail) -> pd.Resolution:
    """A resolution's term as signed: its own, else — no term written in it — the term the
    document was put on control with (9.11's default), never a later extension. The slip is
    the resolution as signed; the РКК shows it so in the resolution and the term in force, with
    its history, under «Контроль»."""
    if resolution.due_date is not None:
        return resolution
    taken = next(
        (e.new_term for e in reversed(detail.control_events) if e.kind in ("set", "reopen")),
        detail.due_date,
    )
    if taken is None:
        return resolution
    from dataclasses import replace

    return replace(resolution, due_date=taken)


def resolution_slip_pdf(db: Any, doc_id: int, resolution_id: int | None = None) -> bytes:
    """The resolution slip of the latest resolution (or the one named)."""
    from app.printing.data import ResolutionSlipData
    from app.printing.resolution import print_resolution_slip

    detail = load_document(db, doc_id)
    if not detail.resolutions:
        raise DocumentError(f"Документ {detail.reg_number} ще не має резолюції")
    chosen = detail.resolutions[-1]
    if resolution_id is not None:
        chosen = next((r for r in detail.resolutions if r.id == resolution_id), chosen)
    org = _organisation(db)
    resolution = _as_signed(_resolution(chosen, org), detail)
    slip = ResolutionSlipData(
        resolution=resolution,
        doc_number=detail.reg_number,
        doc_date=detail.reg_date,
        organisation=org.full_name,
        doc_prefix=f"До {REGISTERS[detail.register].number_label[0].lower()}"
        f"{REGISTERS[detail.register].number_label[1:]}",
    )
    return _render(print_resolution_slip, slip)


def _card_control(detail: DocumentDetail) -> pd.CardControl | None:
    from app.printing.data import CardControl, ControlRemoval, ProgressNote, TermChange

    if not detail.on_control or detail.due_date is None:
        return None
    changes = [
        TermChange(e.event_date, e.old_term, e.new_term, e.text, e.person)
        for e in detail.control_events
        if e.kind == "extend" and e.old_term and e.new_term
    ]
    progress = [
        ProgressNote(e.event_date, e.text if e.kind == "progress" else f"Проміжний звіт: {e.text}")
        for e in detail.control_events
        if e.kind in ("progress", "report")
    ]
    removal = None
    removals = [e for e in detail.control_events if e.kind == "remove"]
    if detail.done_date and removals:
        last = removals[-1]
        removal = ControlRemoval(last.event_date, last.basis, last.person)
    # the card's term is the term of execution: with interim reports, the final one
    return CardControl(detail.final_due or detail.due_date, changes, progress, removal)


def card_pdf(db: Any, doc_id: int, copies: int = 3) -> bytes:
    """The registration-control card (РКК), usually in three copies."""
    from app.printing.card import print_registration_card
    from app.printing.data import RegistrationCardData

    detail = load_document(db, doc_id)
    org = _organisation(db)
    v = detail.values
    card = RegistrationCardData(
        organisation=org.full_name,
        reg_number=detail.reg_number,
        reg_date=detail.reg_date,
        correspondent=str(v.get("correspondent") or ""),
        correspondent_number=str(v.get("ext_number") or ""),
        correspondent_date=v.get("ext_date") if isinstance(v.get("ext_date"), date) else None,  # type: ignore[arg-type]
        kind=str(v.get("kind") or ""),
        summary=str(v.get("summary") or ""),
        sheets=v.get("sheets") if isinstance(v.get("sheets"), int) else None,  # type: ignore[arg-type]
        case_index=str(v.get("case_index") or ""),
        resolutions=[
            _as_signed(_resolution(r, org, dative=False), detail) for r in detail.resolutions
        ],
        control=_card_control(detail),
        code=record_code.code_of(db, doc_id),
    )
    return _render(print_registration_card, card, copies=copies)


def journal_data(
    db: Any,
    spec: RegisterSpec,
    date_from: date,
    date_to: date,
    series: str = "",
    user: str | Actor = "",
) -> pd.JournalData:
    """The register for a period, in registration order, as the printed journal shows it; a
    register with series prints one series (`series`) or all of them, each in its own order
    (4.13: the series are registered separately)."""
    from app.printing.data import JournalColumn, JournalData

    if date_to < date_from:
        raise DocumentError("Кінець періоду раніший за початок")
    org = _organisation(db)
    extra = (("series", series),) if series else ()
    sort = "series_number" if spec.series and not series else "number"
    query = ViewQuery(
        spec.code, date_from=date_from, date_to=date_to, sort=sort, descending=False, extra=extra
    )
    view = RegisterView(db, query, user=user)
    columns = [c for c in spec.columns if c.journal_weight > 0]
    rows = [[row.display(c.key) for c in columns] for row in view.all_rows()]
    title = spec.journal_title
    if series:
        title += " " + spec.series_named(series).title
    return JournalData(
        title=title,
        organisation=org.full_name,
        period_from=date_from,
        period_to=date_to,
        columns=[JournalColumn(c.title, c.journal_weight) for c in columns],
        rows=rows,
    )


def journal_pdf(
    db: Any,
    spec: RegisterSpec,
    date_from: date,
    date_to: date,
    user: str | Actor = "",
    series: str = "",
) -> bytes:
    """The printed journal for a period; audited as a print of the register."""
    from app.printing.journal import print_journal

    actor = actor_of(user)
    require_read(actor, spec.code)
    data = _render(print_journal, journal_data(db, spec, date_from, date_to, series, user=actor))
    details = {"що": spec.journal_title, "період": [date_from, date_to]}
    audit.log(db, actor, audit.PRINT, register=spec.code, details=details)
    return data


def list_pdf(db: Any, spec: EntitySpec, source: RowSource, user: str | Actor = "") -> bytes:
    """An entity register's view (the staff list with its filters and sort) as a printed list,
    landscape A4 with the header on every page; audited as a print of the register."""
    from app.printing.data import JournalColumn
    from app.printing.tables import TableDocument, render_table_document

    actor = actor_of(user)
    org = _organisation(db)
    columns = [c for c in spec.columns if c.journal_weight > 0]
    rows = [[row.display(c.key) for c in columns] for row in source.all_rows()]
    today = f"станом на {date.today():%d.%m.%Y}"
    document = TableDocument(
        organisation=org.full_name,
        title=spec.list_title,
        subtitle=today,
        columns=[JournalColumn(c.title, c.journal_weight) for c in columns],
        rows=rows,
        pdf_title=f"{spec.list_title} {today}",
    )
    data = _render(render_table_document, document)
    audit.log(db, actor, audit.PRINT, register=spec.code, details={"що": spec.list_title})
    return data


#: Printouts of a register as a whole (`Printout.scope == "register"`), by function name.
REGISTER_PRINTOUTS = ("orders_archive_pdf", "decisions_archive_pdf")


def orders_archive_pdf(db: Any, user: str | Actor = "") -> bytes:
    from app.services.orders_archive import archive_list_pdf

    return archive_list_pdf(db, user)


def decisions_archive_pdf(db: Any, user: str | Actor = "") -> bytes:
    from app.services.decisions_archive import archive_list_pdf

    return archive_list_pdf(db, user)


def print_register(db: Any, function: str, user: str | Actor = "", **options: Any) -> bytes:
    """A printout of a register as a whole by its function's name (a spec's Printout with
    scope "register"); the function checks the rights and audits the print."""
    if function not in REGISTER_PRINTOUTS:
        raise ValueError(f"unknown printout {function!r}")
    return bytes(globals()[function](db, user, **options))


def print_document(
    db: Any, function: str, doc_id: int, user: str | Actor = "", **options: Any
) -> bytes:
    """A printout of one document by its function's name (a spec's `Printout.function`),
    refused unless the actor may see the document's register, and audited once made."""
    if function not in __all__ or function == "journal_pdf":
        raise ValueError(f"unknown printout {function!r}")
    actor = actor_of(user)
    doc = load_document(db, doc_id)
    require_read(actor, doc.register, doc.series)
    data = bytes(globals()[function](db, doc_id, **options))
    audit.log(db, actor, audit.PRINT, doc_id=doc_id, details={"що": function})
    return data


def _selected(db: Any, ids: Sequence[int]) -> list[tuple[int, str, str, str]]:
    """(id, register, series, number) of each selected document, in the order given."""
    from sqlalchemy import select

    wanted = list(dict.fromkeys(ids))
    found: dict[int, tuple[int, str, str, str]] = {}
    with db.read() as s:
        for start in range(0, len(wanted), 500):
            stmt = select(Document.id, Document.register, Document.series, Document.reg_number)
            rows = s.execute(stmt.where(Document.id.in_(wanted[start : start + 500])))
            found.update((r[0], (r[0], r[1], r[2], r[3])) for r in rows)
    if len(found) < len(wanted):
        raise DocumentError("Документ не знайдено (можливо, його щойно вилучено)")
    return [found[i] for i in wanted]


def print_selection(
    db: Any, function: str, ids: Sequence[int], user: str | Actor = "", **options: Any
) -> bytes:
    """A printout of the documents selected in a register's table, in the table's order, by
    its function's name (a spec's `Printout.function` with scope "selection").

    Refused unless the actor may read the documents' register — its own right, or the right
    to the series of every document chosen (app.services.access; HR: personnel orders only);
    audited once, with the numbers printed."""
    printer = SELECTION_PRINTOUTS.get(function)
    if printer is None:
        raise ValueError(f"unknown selection printout {function!r}")
    chosen = _selected(db, ids)
    if not chosen:
        raise DocumentError("Не вибрано жодного документа")
    registers = {register for _, register, _, _ in chosen}
    if len(registers) > 1:
        raise DocumentError("Вибрано документи різних реєстрів: друкуйте кожен реєстр окремо")
    spec = REGISTERS[registers.pop()]
    actor = actor_of(user)
    for series in dict.fromkeys(series for _, _, series, _ in chosen):
        require_read(actor, spec.code, series or None)
    data = bytes(printer(db, [doc_id for doc_id, *_ in chosen], **options))
    numbers = [number for *_, number in chosen]
    details = {"що": function, "документів": len(numbers), "номери": ", ".join(numbers)}
    doc_id = chosen[0][0] if len(chosen) == 1 else None
    audit.log(db, actor, audit.PRINT, doc_id=doc_id, register=spec.code, details=details)
    return data


# The appeals' printouts: the registration-control card and the notice of extension.
from app.services.appeal_printouts import (  # noqa: E402
    appeal_card_pdf,
    appeal_extension_pdf,
)

# The awards' certificates, printed in batches for a selection.
from app.services.award_printouts import award_certificates_pdf  # noqa: E402

# The decisions' extracts, certified by the general department (6.18).
from app.services.extract_printouts import decision_extracts_pdf  # noqa: E402

# The outgoing register's printouts, offered by its spec's «Друк» menu under these names.
from app.services.mail_printouts import (  # noqa: E402
    distribution_list_pdf,
    envelopes_pdf,
    labels_pdf,
)

# The orders' printouts: the heading of one order, the register of copies of a selection.
from app.services.order_printouts import (  # noqa: E402
    order_copies_register_pdf,
    order_heading_pdf,
)

#: Printouts of a selection (`Printout.scope == "selection"`): f(db, ids, **options).
SELECTION_PRINTOUTS: dict[str, Callable[..., bytes]] = {
    "order_copies_register_pdf": order_copies_register_pdf,
    "award_certificates_pdf": award_certificates_pdf,
}

__all__ = [
    "appeal_card_pdf",
    "appeal_extension_pdf",
    "card_pdf",
    "control_stamp_pdf",
    "decision_extracts_pdf",
    "distribution_list_pdf",
    "envelopes_pdf",
    "journal_pdf",
    "labels_pdf",
    "order_heading_pdf",
    "resolution_slip_pdf",
    "stamp_pdf",
]
