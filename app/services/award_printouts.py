"""Award certificates for a selection, as PDF bytes: one order, one occasion, one ceremony
(197 for one Independence Day in the HR report) — the kind's template, the recipient's name in
the case the template needs, the mayor's signature block, the granting order.

`award_certificates_pdf(db, ids, start=1, limit=None)` is a selection printout
(`printouts.print_selection` checks the rights and audits it); `start` continues a batch from
certificate N after a paper jam, `limit` gives the preview's first pages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain import awards as rules
from app.domain.certificate_text import Recipient, fill_template, name_in_case, vocative_address
from app.domain.dates import format_date
from app.domain.places import place_of_issue
from app.services.awards import kind_named, kinds_in, sex_code
from app.services.errors import DocumentError
from app.services.organisation import get_organisation
from db.models import AwardDetail, Document
from db.session import Database

if TYPE_CHECKING:
    from app.printing.certificates import Certificate

CHUNK = 500


def signer_name(mayor_name: str) -> str:
    """«Віктор БОНДАР» from «Віктор Бондар» (ДСТУ 4163:2020: Власне ім'я ПРІЗВИЩЕ)."""
    words = mayor_name.split()
    if len(words) < 2:
        return mayor_name.strip().upper()
    return f"{words[0]} {' '.join(words[1:]).upper()}"


def certificates(db: Database, ids: Sequence[int]) -> list[Certificate]:
    """The certificates of the awards `ids`, in that order."""
    from app.printing.certificates import Certificate  # reportlab: only when printing

    org = get_organisation(db)
    position = (org.mayor_position if org else "") or "Міський голова"
    signer = signer_name(org.mayor_name if org else "")
    organisation = (org.short_name if org else "") or ""
    place = place_of_issue(org.address, org.short_name, org.full_name) if org else ""
    rows: dict[int, tuple[Document, AwardDetail, Document | None]] = {}
    with db.read() as s:
        found_kinds = kinds_in(s)
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            stmt = (
                select(Document, AwardDetail)
                .join(AwardDetail, AwardDetail.document_id == Document.id)
                .where(Document.id.in_(chunk))
            )
            pairs = [(d, a) for d, a in s.execute(stmt)]
            order_ids = {d.order_id for _, d in pairs if d.order_id}
            orders = {
                o.id: o
                for o in s.execute(select(Document).where(Document.id.in_(order_ids))).scalars()
            }
            for doc, detail in pairs:
                rows[doc.id] = (doc, detail, orders.get(detail.order_id or 0))
        s.expunge_all()
    missing = [i for i in wanted if i not in rows]
    if missing:
        raise DocumentError("Серед вибраних є документи, що не є нагородженнями")
    out = []
    for doc_id in wanted:
        doc, detail, order = rows[doc_id]
        kind = kind_named(found_kinds, doc.kind) or rules.AwardKind(
            "", doc.kind, doc.kind.upper(), template=rules.DEFAULT_KINDS[2].template
        )
        recipient = Recipient(
            detail.recipient_type,
            detail.recipient,
            sex_code(detail.sex),
            detail.position,
            detail.workplace,
            detail.name_override,
        )
        lines = fill_template(
            kind.template, recipient, kind.name_case, doc.summary, detail.occasion
        )
        case = kind.name_case if kind.name_case in rules.NAME_CASES else "nominative"
        name = name_in_case(recipient, case)  # type: ignore[arg-type]
        greeting = " ".join(vocative_address(recipient))
        named = [i for i, line in enumerate(lines) if name in line or greeting in line]
        order_text = (
            f"Розпорядження міського голови від {format_date(order.reg_date)} № {order.reg_number}"
            if order is not None
            else ""
        )
        year = (detail.ceremony_date or (order.reg_date if order else None) or doc.reg_date).year
        out.append(
            Certificate(
                heading=kind.heading or kind.title.upper(),
                lines=tuple(lines),
                name_index=named[0] if named else -1,
                signer_position=position,
                signer_name=signer,
                order=order_text,
                organisation=organisation,
                place_year=f"{place} — {year}" if place else str(year),
            )
        )
    return out


def award_certificates_pdf(
    db: Database,
    ids: Sequence[int],
    start: int = 1,
    limit: int | None = None,
    preprinted: bool = False,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> bytes:
    """The certificates of `ids` from the `start`-th (1-based), at most `limit` of them."""
    if start < 1 or start > max(len(ids), 1):
        raise DocumentError(f"Немає грамоти № {start}: вибрано {len(ids)}")
    chosen = list(ids)[start - 1 :]
    if limit is not None:
        chosen = chosen[:limit]
    from app.printing.certificates import Layout, write_certificates

    items = certificates(db, chosen)
    buf = io.BytesIO()
    layout = Layout(preprinted, offset_x_mm, offset_y_mm)
    write_certificates(items, buf, layout, title=f"Нагородження ({len(items)}), {date.today():%Y}")
    return buf.getvalue()
