"""The mayor's orders' printouts, as PDF bytes: the heading of the order's blank and the register
of copies handed to the executors (regulation 4.16: within 3 working days of signing).

`order_heading_pdf` acts on one order (`printouts.print_document` checks and audits it),
`order_copies_register_pdf` on a selection (`printouts.print_selection`);
`order_copies_register_period_pdf` checks the actor and audits itself, like the journal.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.dates import format_date
from app.domain.orders import copies_due
from app.domain.places import place_of_issue
from app.domain.roles import Actor, actor_of
from app.registers.fields import FieldError
from app.registers.orders import ORDERS
from app.services import audit
from app.services.access import readable_series, require_read
from app.services.calendar import load_calendar
from app.services.errors import DocumentError
from app.services.organisation import OrganisationInfo, get_organisation
from db.models import Document, OrderCopy
from db.session import Database

if TYPE_CHECKING:
    from app.printing.order_data import CopiesRegisterData, OrderCopies, OrderHeadingData

#: Ids read per query (SQLite limits the parameters of one statement).
CHUNK = 500


def _organisation(db: Database) -> OrganisationInfo:
    org = get_organisation(db)
    if org is None:
        raise DocumentError("Спершу заповніть дані організації (Довідники → Організація)")
    return org


def _order(db: Database, doc_id: int) -> Document:
    with db.read() as s:
        doc = s.get(Document, doc_id)
        if doc is None or doc.register != ORDERS.code:
            raise DocumentError("Розпорядження не знайдено")
        s.expunge(doc)
    return doc


def order_heading_data(db: Database, doc_id: int) -> OrderHeadingData:
    """The heading of the order's blank; the place comes from the organisation's address
    (app.domain.places explains how)."""
    from app.printing.order_data import OrderHeadingData

    doc = _order(db, doc_id)
    org = _organisation(db)
    return OrderHeadingData(
        organisation=org.full_name,
        number=doc.reg_number,
        signed=doc.reg_date,
        title=doc.title,
        place=place_of_issue(org.address, org.short_name, org.full_name),
    )


def order_heading_pdf(db: Database, doc_id: int) -> bytes:
    """The heading block of the order for the clerk's template (A4 portrait, ДСТУ 4163:2020)."""
    from app.printing.orders import print_order_heading

    out = io.BytesIO()
    print_order_heading(order_heading_data(db, doc_id), out)
    return out.getvalue()


def copies_of(db: Database, doc_ids: Sequence[int]) -> list[OrderCopies]:
    """The orders `doc_ids` in that order, each with its copies as entered; a copy handed
    after signing + 3 working days (the working calendar) is marked late."""
    from app.printing.order_data import HandedCopy, OrderCopies

    ids = list(dict.fromkeys(doc_ids))
    docs: dict[int, Document] = {}
    copies: dict[int, list[OrderCopy]] = {}
    with db.read() as s:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            found = s.execute(
                select(Document).where(Document.id.in_(chunk), Document.register == ORDERS.code)
            ).scalars()
            docs.update((d.id, d) for d in found)
            rows = s.execute(
                select(OrderCopy)
                .where(OrderCopy.document_id.in_(chunk))
                .order_by(OrderCopy.document_id, OrderCopy.position)
            ).scalars()
            for row in rows:
                copies.setdefault(row.document_id, []).append(row)
        s.expunge_all()
    missing = [i for i in ids if i not in docs]
    if missing:
        raise DocumentError("Розпорядження не знайдено (можливо, його щойно вилучено)")
    calendar = load_calendar(db)
    result = []
    for doc_id in ids:
        doc = docs[doc_id]
        due = copies_due(doc.reg_date, calendar)
        handed = [
            HandedCopy(
                executor=c.executor_name,
                handed=c.handed_date,
                late=c.handed_date is not None and c.handed_date > due,
            )
            for c in copies.get(doc_id, [])
        ]
        result.append(OrderCopies(doc.reg_number, doc.reg_date, doc.title, handed, doc.cancelled))
    return result


def _register_pdf(db: Database, subtitle: str, orders: list[OrderCopies]) -> bytes:
    from app.printing.order_data import CopiesRegisterData
    from app.printing.orders import print_copies_register

    data: CopiesRegisterData = CopiesRegisterData(
        organisation=_organisation(db).full_name, subtitle=subtitle, orders=orders
    )
    out = io.BytesIO()
    print_copies_register(data, out)
    return out.getvalue()


def order_copies_register_pdf(db: Database, ids: Sequence[int]) -> bytes:
    """The register of copies of the orders chosen in the table, in the table's order."""
    if not ids:
        raise DocumentError("Не вибрано жодного розпорядження")
    return _register_pdf(db, "вибрані розпорядження", copies_of(db, ids))


def _series(code: str | None) -> str | None:
    """A series given by its code («personnel»), its suffix («-к») or one of its names: the
    names the orders' series field accepts on the card and in an import."""
    if code is None or not code.strip():
        return None
    try:
        return str(ORDERS.field("series").parse(code))
    except FieldError:
        raise DocumentError(f"Невідома серія розпоряджень «{code}»") from None


def orders_in_period(
    db: Database, date_from: date, date_to: date, series: Sequence[str] | None = None
) -> list[int]:
    """Orders signed in the period (not cancelled), by date and number; `series` limits them."""
    stmt = (
        select(Document.id)
        .where(
            Document.register == ORDERS.code,
            Document.reg_date >= date_from,
            Document.reg_date <= date_to,
            Document.cancelled.is_(False),
        )
        .order_by(Document.reg_date, Document.series, Document.seq)
    )
    if series is not None:
        stmt = stmt.where(Document.series.in_(list(series)))
    with db.read() as s:
        return list(s.execute(stmt).scalars())


def order_copies_register_period_pdf(
    db: Database,
    date_from: date,
    date_to: date,
    series: str | None = None,
    user: str | Actor = "",
) -> bytes:
    """The register of copies of the orders signed in a period (of one series, or of every
    series the actor may read: HR sees personnel orders only); audited as a print."""
    if date_to < date_from:
        raise DocumentError("Кінець періоду раніший за початок")
    actor = actor_of(user)
    code = _series(series)
    require_read(actor, ORDERS.code, code)
    chosen = (code,) if code is not None else readable_series(ORDERS, actor)
    period = f"з {format_date(date_from)} по {format_date(date_to)}"
    titles = [s.title for s in ORDERS.series if chosen is not None and s.code in chosen]
    subtitle = f"розпорядження {', '.join(titles)}; {period}" if titles else period
    orders = copies_of(db, orders_in_period(db, date_from, date_to, chosen))
    data = _register_pdf(db, subtitle, orders)
    details = {
        "що": "order_copies_register_pdf",
        "період": [date_from, date_to],
        "серія": ", ".join(chosen or ()) or "усі",
        "розпоряджень": len(orders),
    }
    audit.log(db, actor, audit.PRINT, register=ORDERS.code, details=details)
    return data
