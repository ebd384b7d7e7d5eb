"""The orders' printouts as services: who may print them, what the audit trail keeps, and that
every printout the orders' spec offers exists under its name and scope."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers.orders import ORDERS
from app.services import audit, printouts
from app.services.documents import DocumentError
from app.services.order_printouts import order_copies_register_period_pdf
from tests import factories
from tests.printing import page_texts
from tests.printing.test_order_prints import order

D = date
CLERK = Actor("clerk", frozenset({roles.CLERK}))
HR = Actor("hr", frozenset({roles.HR}))
READER = Actor("reader", frozenset({roles.READER}))
ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))
STAROSTA = Actor("starosta", frozenset({roles.STAROSTA}), district="Плужне")
SELECTION = "order_copies_register_pdf"


@pytest.fixture
def two(db):
    """A main-activity order with a copy and a personnel order."""
    factories.organisation(db)
    main = order(
        db, D(2026, 11, 2), "Про утворення комісії", copies=(("Коваль О. П.", "03.11.2026"),)
    )
    personnel = order(db, D(2026, 11, 3), "Про відпустку Мельника І. І.", series="-к")
    return main, personnel


def prints(db) -> list[audit.AuditRow]:
    return audit.entries(db, "", audit.AuditQuery(action=audit.PRINT))


def test_every_printout_of_the_spec_is_offered_under_its_scope():
    for printout in ORDERS.printouts:
        if printout.scope == "selection":
            assert printout.function in printouts.SELECTION_PRINTOUTS
            assert printout.function not in printouts.__all__  # not callable with one id
        elif printout.scope == "register":
            assert printout.function in printouts.REGISTER_PRINTOUTS
        else:
            assert printout.function in printouts.__all__


@pytest.mark.parametrize("who", [CLERK, READER])
def test_who_reads_orders_prints_a_selection_audited_once(db, two, who):
    main, personnel = two
    pdf = printouts.print_selection(db, SELECTION, [main.id, personnel.id], user=who)
    assert "1-р від 02.11.2026" in page_texts(pdf)[0]
    (entry,) = prints(db)
    assert entry.login == who.login and entry.register == "orders"
    assert entry.document_id is None  # a batch: the numbers are in the details
    assert "що: Реєстр видачі копій (вибрані)" in entry.details_text  # the menu's words
    assert "документів: 2" in entry.details_text and "номери: 1-р, 1-к" in entry.details_text


def test_a_selection_of_one_order_is_recorded_against_it(db, two):
    main, _ = two
    printouts.print_selection(db, SELECTION, [main.id], user=CLERK)
    (entry,) = prints(db)
    assert entry.document_id == main.id and entry.reg_number == "1-р"


@pytest.mark.parametrize("who", [ADMIN, STAROSTA])
def test_who_may_not_read_orders_is_refused_and_nothing_is_recorded(db, two, who):
    main, personnel = two
    with pytest.raises(PermissionDenied, match="Недостатньо прав"):
        printouts.print_selection(db, SELECTION, [main.id, personnel.id], user=who)
    with pytest.raises(PermissionDenied):
        printouts.print_document(db, "order_heading_pdf", main.id, user=who)
    with pytest.raises(PermissionDenied):
        order_copies_register_period_pdf(db, D(2026, 11, 1), D(2026, 11, 30), user=who)
    assert prints(db) == []


def test_hr_prints_personnel_orders_only(db, two):
    main, personnel = two
    pdf = printouts.print_selection(db, SELECTION, [personnel.id], user=HR)
    assert "1-к від 03.11.2026" in page_texts(pdf)[0]
    with pytest.raises(PermissionDenied):
        printouts.print_selection(db, SELECTION, [personnel.id, main.id], user=HR)
    heading = printouts.print_document(db, "order_heading_pdf", personnel.id, user=HR)
    assert "№ 1-к" in page_texts(heading)[0]
    with pytest.raises(PermissionDenied):
        printouts.print_document(db, "order_heading_pdf", main.id, user=HR)
    (text,) = page_texts(
        order_copies_register_period_pdf(db, D(2026, 11, 1), D(2026, 11, 30), user=HR)
    )
    assert "розпорядження з кадрових питань; з 01.11.2026 по 30.11.2026" in text
    assert "1-к від 03.11.2026" in text and "1-р" not in text
    with pytest.raises(PermissionDenied):
        order_copies_register_period_pdf(db, D(2026, 11, 1), D(2026, 11, 30), "main", user=HR)
    assert [e.login for e in prints(db)] == ["hr", "hr", "hr"]


def test_the_heading_is_a_printout_of_one_document_audited(db, two):
    main, _ = two
    pdf = printouts.print_document(db, "order_heading_pdf", main.id, user=CLERK)
    assert "№ 1-р" in page_texts(pdf)[0]
    (entry,) = prints(db)
    assert entry.document_id == main.id and "Бланк: заголовна частина" in entry.details_text


def test_the_period_register_is_audited_with_its_period(db, two):
    order_copies_register_period_pdf(db, D(2026, 11, 1), D(2026, 11, 30), "-р", user=CLERK)
    (entry,) = prints(db)
    assert entry.register == "orders"
    assert "період: з 01.11.2026 по 30.11.2026" in entry.details_text
    assert "серія: main" in entry.details_text and "розпоряджень: 1" in entry.details_text


def test_what_cannot_be_printed_is_explained(db, two):
    main, _ = two
    incoming = factories.incoming(db, D(2026, 11, 2))
    with pytest.raises(ValueError, match="unknown selection printout"):
        printouts.print_selection(db, "card_pdf", [main.id])
    with pytest.raises(ValueError, match="unknown printout"):
        printouts.print_document(db, SELECTION, main.id)  # a selection printout, not one id
    with pytest.raises(DocumentError, match="різних реєстрів"):
        printouts.print_selection(db, SELECTION, [main.id, incoming.id])
    with pytest.raises(DocumentError, match="Не вибрано"):
        printouts.print_selection(db, SELECTION, [])
    with pytest.raises(DocumentError, match="не знайдено"):
        printouts.print_selection(db, SELECTION, [main.id, 10_000])
    with pytest.raises(DocumentError, match="Розпорядження не знайдено"):
        printouts.print_document(db, "order_heading_pdf", incoming.id)
    with pytest.raises(DocumentError, match="Невідома серія"):
        order_copies_register_period_pdf(db, D(2026, 11, 1), D(2026, 11, 30), "-x")
    with pytest.raises(DocumentError, match="Кінець періоду"):
        order_copies_register_period_pdf(db, D(2026, 11, 30), D(2026, 11, 1))
    assert prints(db) == []


def test_without_the_organisation_nothing_is_printed(db):
    reg = order(db, D(2026, 11, 2), "Про утворення комісії")
    with pytest.raises(DocumentError, match="дані організації"):
        printouts.print_document(db, "order_heading_pdf", reg.id)
    with pytest.raises(DocumentError, match="дані організації"):
        printouts.print_selection(db, SELECTION, [reg.id])
