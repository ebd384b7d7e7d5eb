"""The «Розпорядження» tab and card driven as a clerk and an HR officer would, and every
register's table model (the orders and the staff list included) through Qt's model checks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidgetItem

from app.domain import roles
from app.domain.roles import Actor
from app.registers import ORDERS, REGISTERS
from app.registers.staff import STAFF
from app.services import documents, staff_register
from app.services.dialog_support import sign_in
from app.services.register_view import RegisterView, ViewQuery
from ui.dialogs.document_form import DocumentForm
from ui.models.register_model import RegisterModel
from ui.registers.register_tab import RegisterTab
from ui.registers.staff_tab import build_tab as build_staff_tab

HR = Actor("hr", frozenset({roles.HR}))


def _orders(db, *series_days):
    for series, day in series_days:
        values = ORDERS.parse({"series": series, "title": f"Про питання {day:%d.%m}"})
        documents.register_document(db, ORDERS, values, reg_date=day)


def test_the_card_registers_a_personnel_order_with_its_copies(qtbot, office_db):
    form = DocumentForm(office_db, ORDERS)
    qtbot.addWidget(form)
    form.show()
    captions = [w.text() for w in form.findChildren(QLabel) if w.buddy() is not None]
    # «Номер»: empty for the next one, or a sub-number of one given (test_decision_card.py)
    assert captions[:5] == ["Дата підписання *:", "Номер:", "Серія:", "Вид:", "Заголовок *:"]
    assert "Чинність:" not in captions  # computed, shown once the order exists
    series = form.editors["series"].widget
    assert isinstance(series, QComboBox)
    series.setCurrentIndex(series.findData("personnel"))
    form.editors["kind"].set_value("відпустка")
    form.editors["title"].set_value("Про надання відпустки Мельнику І. І.")
    table = form.editors["copies_to"].widget
    table.setItem(0, 0, QTableWidgetItem("Мельник І. І."))  # type: ignore[attr-defined]
    table.setItem(0, 1, QTableWidgetItem(date.today().strftime("%d.%m.%Y")))  # type: ignore[attr-defined]
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    today = date.today().strftime("%d.%m.%Y")
    assert form.result_label.text() == f"Зареєстровано: Розп. № 1-к від {today}"
    [row] = RegisterView(office_db, ViewQuery("orders")).all_rows()
    assert row.series == "personnel" and row.copies_text == f"Мельник І. І. | {today}"


def test_a_wrong_date_in_the_copies_keeps_the_card_and_names_the_row(qtbot, office_db):
    form = DocumentForm(office_db, ORDERS)
    qtbot.addWidget(form)
    form.show()
    form.editors["title"].set_value("Про заходи")
    table = form.editors["copies_to"].widget
    table.setItem(0, 0, QTableWidgetItem("Коваль О. П."))  # type: ignore[attr-defined]
    table.setItem(0, 1, QTableWidgetItem("31.02.2026"))  # type: ignore[attr-defined]
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(form.fields.errors["copies_to"].text()))
    assert "рядок 1" in form.fields.errors["copies_to"].text()
    assert form.registered is None
    assert form.editors["title"].value() == "Про заходи"  # nothing typed is lost
    form._modified = False  # closed at the end of the test without the «Закрити форму?» question


def test_hr_registers_only_in_the_personnel_series(qtbot, office_db):
    sign_in(HR)
    form = DocumentForm(office_db, ORDERS)
    qtbot.addWidget(form)
    series = form.editors["series"].widget
    assert isinstance(series, QComboBox)
    assert [series.itemData(i) for i in range(series.count())] == ["personnel"]


def test_the_tab_filters_by_series(qtbot, office_db):
    _orders(office_db, ("main", date(2026, 3, 2)), ("personnel", date(2026, 3, 2)))
    tab = RegisterTab(office_db, ORDERS)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.total == 2)
    combo = tab.filter_bar.extra["series"]
    combo.setCurrentIndex(combo.findData("personnel"))
    qtbot.waitUntil(lambda: tab.model.total == 1)
    assert tab.model.row_data(0).reg_number == "1-к"
    titles = [a.text() for a in tab.doc_print_actions]
    assert "Реєстр видачі копій (вибрані)" in titles


def test_several_rows_are_selected_for_a_batch_in_the_tables_order(qtbot, office_db):
    _orders(office_db, *(("main", date(2026, 3, d)) for d in (2, 3, 4)))
    tab = RegisterTab(office_db, ORDERS)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.total == 3)
    tab.table.selectRow(0)
    tab.table.selectionModel().select(
        tab.model.index(2, 0),
        tab.table.selectionModel().SelectionFlag.Select
        | tab.table.selectionModel().SelectionFlag.Rows,
    )
    numbers = [tab.model.row_data(r).reg_number for r in (0, 2)]
    ids = tab.selected_ids()
    with office_db.read() as s:
        from db.models import Document

        assert [s.get(Document, i).reg_number for i in ids] == numbers


def test_hr_keeps_the_staff_list_in_its_tab(qtbot, office_db, wait_tasks):
    sign_in(HR)
    tab = build_staff_tab(office_db, None)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.total == 3)
    names = [tab.model.row_data(r).full_name for r in range(3)]
    assert names == ["Бондар Віктор Петрович", "Коваль Олена Петрівна", "Мельник Іван Іванович"]
    assert tab.register_action.isVisible()  # HR may add people (QAction's own visibility)
    person = STAFF.parse(
        {"surname": "Ґонта", "given_name": "Їржі", "gender": "m", "position": "Інспектор"}
    )
    staff_register.save_person(office_db, None, person, HR)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.total == 4)
    tab.filter_bar.search.setText("ґонт")
    tab.filter_bar.search.returnPressed.emit()
    qtbot.waitUntil(lambda: tab.model.total == 1)
    assert tab.model.row_data(0).full_name == "Ґонта Їржі"


def test_a_reader_may_not_add_people_and_the_service_refuses_too(qtbot, office_db):
    from app.domain.roles import PermissionDenied

    reader = Actor("reader", frozenset({roles.CLERK}))
    sign_in(reader)
    assert not staff_register.may_read(reader)
    person = STAFF.parse({"surname": "Ґонта", "given_name": "Їржі", "gender": "m"})
    with pytest.raises(PermissionDenied, match="Працівники"):
        staff_register.save_person(office_db, None, person, reader)


@pytest.mark.parametrize("code", [*sorted(REGISTERS), "staff"])
def test_every_register_model_passes_qt_model_checks(qtbot, qtmodeltester, office_db, code):
    from tests import factories

    factories.incoming(office_db, date(2026, 3, 2))
    _orders(office_db, ("main", date(2026, 3, 2)), ("personnel", date(2026, 3, 3)))
    if code == "staff":
        model = RegisterModel(
            office_db,
            STAFF,
            source=lambda d, q, u: staff_register.StaffView(d, q, user=u),
            may_read=staff_register.may_read,
        )
    else:
        model = RegisterModel(office_db, REGISTERS[code])
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    qtmodeltester.check(model)
    for column in range(model.columnCount()):  # every cell paints without an error
        model.index(0, column).data(Qt.ItemDataRole.DisplayRole)
        model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)


def test_the_card_offers_the_third_series_once_an_administrator_added_it(qtbot, office_db):
    from app.services import settings

    def offered() -> list[str]:
        form = DocumentForm(office_db, ORDERS)
        qtbot.addWidget(form)
        combo = form.editors["series"].widget
        assert isinstance(combo, QComboBox)
        return [combo.itemData(i) for i in range(combo.count())]

    assert offered() == ["main", "personnel"]
    settings.set_series_enabled(office_db, ORDERS, "administrative", True)
    assert offered() == ["main", "personnel", "administrative"]
