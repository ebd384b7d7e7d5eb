"""The appeals' printouts as PDF bytes: the registration-control card and the notice of
extension to the author (`printouts.print_document` checks the reader's rights and audits).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from app.domain.dates import format_date
from app.registers.appeals import APPEALS
from app.registers.fields import FieldKind
from app.services.details import DocumentDetail, load_document
from app.services.errors import DocumentError
from app.services.organisation import OrganisationInfo, get_organisation
from db.session import Database

#: The card's rows after the authors: (field key, caption).
CARD_FIELDS = (
    ("received_way", "Форма надходження"),
    ("received_by", "Прийняв на особистому прийомі"),
    ("sign", "Ознака надходження"),
    ("appeal_type", "Вид"),
    ("subject", "Суб'єкт"),
    ("form", "Тип (форма)"),
    ("summary", "Короткий зміст"),
    ("topics", "Тематика питань"),
    ("earlier", "Попередні звернення"),
    ("decision", "Рішення щодо розгляду"),
    ("forwarded_to", "Надіслано за належністю"),
    ("forwarded_date", "Дата пересилання"),
    ("result", "Результат розгляду"),
    ("result_date", "Дата результату"),
    ("answer", "Відповідь (вих. №)"),
    ("case_index", "Справа"),
)


def _organisation(db: Database) -> OrganisationInfo:
    org = get_organisation(db)
    if org is None:
        raise DocumentError("Спершу заповніть дані організації (Довідники → Організація)")
    return org


def _appeal(db: Database, doc_id: int) -> DocumentDetail:
    detail = load_document(db, doc_id)
    if detail.register != APPEALS.code:
        raise DocumentError("Це не звернення громадян")
    return detail


def author_lines(values: dict[str, object]) -> list[str]:
    """Each author: full name, address, phone, category and social status, one a line."""
    lines = []
    for row in values.get("applicants") or ():  # type: ignore[attr-defined]
        name = " ".join(str(row.get(k) or "") for k in ("surname", "given_name", "patronymic"))
        extra = [str(row.get(k) or "") for k in ("address", "phone", "email")]
        kinds = [str(row.get(k) or "") for k in ("category", "social_status")]
        lines.append("; ".join(p for p in (" ".join(name.split()), *extra, *kinds) if p.strip()))
    return lines


def _render(printer: Any, data: Any) -> bytes:
    buffer = io.BytesIO()
    printer(data, buffer)
    return buffer.getvalue()


def appeal_card_pdf(db: Database, doc_id: int) -> bytes:
    """The registration-control card of one appeal."""
    from app.printing.appeals import AppealCardData, print_appeal_card

    detail = _appeal(db, doc_id)
    org = _organisation(db)
    v = detail.values
    rows = []
    for key, caption in CARD_FIELDS:
        spec = APPEALS.field(key)
        value = v.get(key)
        if spec.kind == FieldKind.TABLE:
            text = "; ".join(
                " ".join(str(x) for x in row.values() if x)
                for row in value or ()  # type: ignore[attr-defined]
            )
        else:
            text = spec.text(value) if value not in (None, "", ()) else ""
        if key == "urgent":
            continue
        rows.append((caption, text))
    term = format_date(detail.due_date) if detail.due_date else ""
    rule = APPEALS.term.describe(bool(v.get("urgent")))
    rows.insert(7, ("Строк розгляду", f"{term} ({rule})" if term else ""))
    resolutions = [
        f"{format_date(r.resolution_date)} {r.author.short if r.author else ''}: {r.task} — "
        f"{', '.join(e.short for e in r.executors)}"
        + (f", до {format_date(r.term)}" if r.term else "")
        for r in detail.resolutions
    ]
    control = [
        f"{format_date(e.event_date)} — {e.label}"
        + (f": до {format_date(e.new_term)}" if e.new_term else "")
        + (f" ({e.text})" if e.text else "")
        + (f"; підстава: {e.basis}" if e.basis else "")
        for e in detail.control_events
    ]
    card = AppealCardData(
        organisation=org.full_name,
        reg_number=detail.reg_number,
        reg_date=detail.reg_date,
        authors=author_lines(v),
        rows=rows,
        resolutions=resolutions,
        control=control,
    )
    return _render(print_appeal_card, card)


def appeal_extension_pdf(db: Database, doc_id: int, today: date | None = None) -> bytes:
    """The notice to the first author that the term was extended (the last extension)."""
    from app.printing.appeals import ExtensionNoticeData, print_extension_notice

    detail = _appeal(db, doc_id)
    org = _organisation(db)
    extensions = [e for e in detail.control_events if e.kind == "extend" and e.new_term]
    if not extensions or detail.due_date is None:
        raise DocumentError(
            "Строк розгляду цього звернення не продовжено: спершу продовжте його "
            "(«Продовжити строк…», Ctrl+Shift+K), зазначивши причину"
        )
    last = extensions[-1]
    authors = list(detail.values.get("applicants") or ())  # type: ignore[call-overload]
    first = authors[0] if authors else {}
    name = " ".join(str(first.get(k) or "") for k in ("surname", "given_name", "patronymic"))
    notice = ExtensionNoticeData(
        organisation=org.full_name,
        address=org.address,
        author=" ".join(name.split()) or "Автору звернення",
        author_address=str(first.get("address") or ""),
        reg_number=detail.reg_number,
        reg_date=detail.reg_date,
        summary=str(detail.values.get("summary") or "").rstrip("."),
        new_term=detail.due_date,
        reason=(last.text or "Питання потребує додаткового вивчення").rstrip("."),
        signatory_position=org.mayor_position,
        signatory_name=org.mayor_name,
        today=today or date.today(),
    )
    return _render(print_extension_notice, notice)
