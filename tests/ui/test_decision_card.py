"""The decisions card: an amendment registered by hand as a sub-number («2-1») of a decision
already numbered, a number already taken refused under the number's row with everything typed
kept, and the next running number given when the row is left empty."""

from __future__ import annotations

from datetime import date, timedelta

from app.registers import DECISIONS
from app.services import documents
from app.services.register_view import RegisterView, ViewQuery
from ui.dialogs.document_fields import REG_NUMBER
from ui.dialogs.document_form import DocumentForm

DAY = date.today() - timedelta(days=1)


def _numbers(db) -> list[str]:
    view = RegisterView(db, ViewQuery("decisions", sort="number", descending=False))
    return [r.reg_number for r in view.all_rows()]


def _card(qtbot, db) -> DocumentForm:
    form = DocumentForm(db, DECISIONS)
    qtbot.addWidget(form)
    form.show()
    return form


def test_an_amendment_gets_a_sub_number_typed_in_the_card(qtbot, office_db):
    for title in ("Про тарифи", "Про бюджет"):
        documents.register_document(
            office_db, DECISIONS, DECISIONS.parse({"title": title}), reg_date=DAY
        )
    form = _card(qtbot, office_db)
    assert form.fields.reg_number is not None
    form.editors["title"].set_value("Про зміни до рішення № 2")
    form.fields.reg_number.setText("2 - 1")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.registered.reg_number == "2-1"
    assert "Рішення № 2-1" in form.result_label.text()

    form._on_next()
    assert form.fields.reg_number.text() == ""  # the next card starts without it
    form.editors["title"].set_value("Про інше")
    form.fields.reg_number.setText("2/1")  # the same sub-number, written otherwise
    form.save_button.click()
    qtbot.waitUntil(lambda: form.errors[REG_NUMBER].isVisible())
    assert (
        form.errors[REG_NUMBER].text() == f"Номер «2/1» за {DAY.year} рік уже зареєстровано (2-1)"
    )
    assert form.registered is None
    assert form.editors["title"].value() == "Про інше"  # nothing typed is lost

    form.fields.reg_number.clear()
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.registered.reg_number == "3"
    assert _numbers(office_db) == ["1", "2", "2-1", "3"]


def test_the_number_row_is_only_on_a_new_card_of_a_register_with_written_numbers(qtbot, office_db):
    from app.registers import INCOMING

    incoming = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(incoming)
    assert incoming.fields.reg_number is None
    done = documents.register_document(
        office_db, DECISIONS, DECISIONS.parse({"title": "Про тарифи"}), reg_date=DAY
    )
    opened = DocumentForm(office_db, DECISIONS, done.id)
    qtbot.addWidget(opened)
    assert opened.fields.reg_number is None


def test_an_order_card_takes_a_sub_number_and_adds_the_series_suffix(qtbot, office_db):
    from app.registers import ORDERS

    values = ORDERS.parse({"series": "main", "title": "Про підготовку до зими"})
    documents.register_document(office_db, ORDERS, values, reg_date=DAY)
    form = DocumentForm(office_db, ORDERS)
    qtbot.addWidget(form)
    form.show()
    assert form.fields.reg_number is not None
    assert "-р" in form.fields.reg_number.toolTip()  # the suffix is the program's to add
    form.editors["title"].set_value("Про внесення змін до розпорядження № 1-р")
    form.fields.reg_number.setText("1-1")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.registered.reg_number == "1-1-р"
