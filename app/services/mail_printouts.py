"""Envelopes, address labels and the distribution list of outgoing documents, as PDF bytes.

The addressees are read as they were registered (the address copied onto the document), the
sender is the organisation. With more than four addressees the document itself refers to the
distribution list (10.2), so the list and one envelope per addressee are what the clerk prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.correspondence import Addressee, is_postal
from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of, read
from app.registers.outgoing import OUTGOING
from app.services import audit, field_storage
from app.services.documents import DocumentError
from app.services.organisation import get_organisation
from db.models import Document, Staff
from db.session import Database

if TYPE_CHECKING:
    from app.printing.mail import DistributionListData, MailPiece, PostalAddress


def _sender(db: Database) -> PostalAddress:
    from app.printing.mail import PostalAddress

    org = get_organisation(db)
    if org is None:
        raise DocumentError("Спершу заповніть дані організації (Довідники → Організація)")
    return PostalAddress(org.full_name, org.address, org.postal_code)


def _outgoing(db: Database, doc_ids: Sequence[int]) -> list[tuple[Document, tuple[Addressee, ...]]]:
    with db.read() as s:
        found = []
        for doc_id in doc_ids:
            doc = s.get(Document, doc_id)
            if doc is None or doc.register != OUTGOING.code:
                raise DocumentError("Вихідний документ не знайдено")
            found.append((doc, field_storage.addressees_of(s, doc.id)))
        s.expunge_all()
    return found


def mail_pieces(db: Database, doc_ids: Sequence[int], post_only: bool = False) -> list[MailPiece]:
    """One piece per addressee with a postal address, of every document, in order.

    `post_only` (a day's post): letters sent another way (e-mail, the e-document exchange, by
    hand) are left out; a letter whose way of sending is not chosen yet stays in.
    """
    from app.printing.mail import MailPiece, PostalAddress

    pieces = []
    for doc, addressees in _outgoing(db, doc_ids):
        if post_only and doc.send_method and not is_postal(doc.send_method):
            continue
        reference = f"{OUTGOING.number_label} {doc.reg_number} від {format_date(doc.reg_date)}"
        registered = "рекоменд" in doc.send_method.casefold()
        for item in addressees:
            if item.address.strip() or item.postal_code.strip():
                recipient = PostalAddress(item.name, item.address, item.postal_code)
                pieces.append(MailPiece(recipient, reference, registered))
    if not pieces:
        raise DocumentError(
            "Немає адресатів із поштовою адресою: заповніть адресу та індекс у картці документа"
        )
    return pieces


def envelopes_pdf(db: Database, doc_id: int, size: str = "DL") -> bytes:
    from app.printing.mail import envelopes_pdf as render

    return render(_sender(db), mail_pieces(db, [doc_id]), size)


def labels_pdf(db: Database, doc_id: int, skip: int = 0, layout: str = "3x8") -> bytes:
    from app.printing.mail import labels_pdf as render

    # The addressee only: on a 37 mm label the sender would be too small to read.
    return render(mail_pieces(db, [doc_id]), skip=skip, layout=layout)


def sent_in_period(
    db: Database, date_from: date, date_to: date, only_unsent: bool = False
) -> list[int]:
    """The outgoing documents registered in the period (not cancelled), oldest first."""
    stmt = (
        select(Document.id)
        .where(
            Document.register == OUTGOING.code,
            Document.reg_date >= date_from,
            Document.reg_date <= date_to,
            Document.cancelled.is_(False),
        )
        .order_by(Document.reg_date, Document.seq)
    )
    if only_unsent:
        stmt = stmt.where(Document.sent_date.is_(None))
    with db.read() as s:
        return list(s.execute(stmt).scalars())


def _audited(db: Database, user: str | Actor, what: str, doc_ids: Sequence[int]) -> Actor:
    """Check the actor may see outgoing mail; record the batch print (one entry per batch)."""
    actor = actor_of(user)
    actor.require(read(OUTGOING.code))
    details = {"що": what, "документів": len(doc_ids)}
    audit.log(db, actor, audit.PRINT, register=OUTGOING.code, details=details)
    return actor


def batch_envelopes_pdf(
    db: Database, doc_ids: Sequence[int], size: str = "DL", user: str | Actor = ""
) -> bytes:
    """Envelopes for many documents at once (the day's post), in registration order."""
    from app.printing.mail import envelopes_pdf as render

    data = render(_sender(db), mail_pieces(db, doc_ids, post_only=True), size)
    _audited(db, user, "конверти", doc_ids)
    return data


def batch_labels_pdf(
    db: Database,
    doc_ids: Sequence[int],
    skip: int = 0,
    layout: str = "3x8",
    user: str | Actor = "",
) -> bytes:
    from app.printing.mail import labels_pdf as render

    data = render(mail_pieces(db, doc_ids, post_only=True), skip=skip, layout=layout)
    _audited(db, user, "наліпки", doc_ids)
    return data


def distribution_data(db: Database, doc_id: int) -> DistributionListData:
    from app.printing.mail import DistributionEntry, DistributionListData, PostalAddress

    ((doc, addressees),) = _outgoing(db, [doc_id])
    org = get_organisation(db)
    entries = tuple(
        DistributionEntry(
            PostalAddress(a.name, a.address, a.postal_code),
            doc.send_method or ("Пошта" if a.address else ""),
            a.email,
        )
        for a in addressees
    )
    executor = " ".join(x for x in (doc.lead_executor_name, doc.executor_phone) if x)
    return DistributionListData(
        organisation=org.full_name if org else "",
        reg_number=doc.reg_number,
        reg_date=doc.reg_date,
        title=doc.title or doc.summary,
        signatory=_signatory(db, doc),
        entries=entries,
        compiled_by=executor,
    )


def _signatory(db: Database, doc: Document) -> str:
    """«Міський голова Віктор БОНДАР» from the staff list, else the name as typed."""
    if doc.signatory_id is None:
        return doc.signatory_name
    from app.services.reference import StaffInfo

    with db.read() as s:
        staff = s.get(Staff, doc.signatory_id)
        if staff is None:
            return doc.signatory_name
        info = StaffInfo(None, staff.surname, staff.given_name, staff.patronymic, staff.gender)
        return f"{staff.position} {info.signature}".strip()


def distribution_list_pdf(db: Database, doc_id: int) -> bytes:
    from app.printing.mail import distribution_list_pdf as render

    return render(distribution_data(db, doc_id))


__all__ = [
    "batch_envelopes_pdf",
    "batch_labels_pdf",
    "distribution_data",
    "distribution_list_pdf",
    "envelopes_pdf",
    "labels_pdf",
    "mail_pieces",
    "sent_in_period",
]
