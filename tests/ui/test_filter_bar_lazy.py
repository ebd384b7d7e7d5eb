"""The filter bar's executor and department lists are read after the first page (issue 10).

The first screen comes up without SQLAlchemy: the bar is built with «Усі» alone in each list,
its sizes already final, and the lists are read once the register's first page has loaded —
or earlier, when a clerk opens or types into a list still unfilled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.registers import INCOMING
from app.services.reference import StaffInfo, list_staff, save_staff
from ui.registers.filter_bar import FilterBar
from ui.registers.register_tab import RegisterTab


def _texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_lists_are_filled_after_the_first_page_not_before(qtbot, office_db):
    staff = [s.short for s in list_staff(office_db, active_only=True)]
    assert staff
    tab = RegisterTab(office_db, INCOMING)
    qtbot.addWidget(tab)
    bar = tab.filter_bar
    # Built: «Усі» alone (a valid filter), nothing read yet.
    assert not bar.reference_loaded
    for combo in (bar.executor, bar.department):
        assert _texts(combo) == ["Усі"] and combo.currentData() is None
    sizes = [c.minimumSizeHint().width() for c in (bar.executor, bar.department, bar.state)]
    tab.show()
    qtbot.waitUntil(lambda: bar.reference_loaded)
    assert not tab.model.loading  # read after the first page, not instead of it
    assert _texts(bar.executor) == ["Усі", *staff]
    assert bar.department.count() > 1
    # The layout does not move when the lists arrive: the sizes were set at construction.
    assert [c.minimumSizeHint().width() for c in (bar.executor, bar.department, bar.state)] == (
        sizes
    )


def test_a_chosen_executor_survives_reload_reference(qtbot, office_db):
    tab = RegisterTab(office_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    bar = tab.filter_bar
    qtbot.waitUntil(lambda: bar.reference_loaded)
    chosen = list_staff(office_db, active_only=True)[-1]
    bar.executor.setCurrentIndex(bar.executor.findData(chosen.id))
    save_staff(office_db, StaffInfo(None, "Шевчук", "Тарас", "Григорович"))
    bar.reload_reference()  # what the window does after the references change
    assert bar.executor.currentData() == chosen.id
    assert bar.executor.findText("Шевчук Т. Г.") > 0
    assert bar.apply(tab.model.query).executor_id == chosen.id


def test_a_list_used_before_it_is_filled_fills_itself(qtbot, office_db):
    parent = QWidget()
    qtbot.addWidget(parent)
    bar = FilterBar(office_db, parent=parent)
    parent.show()
    assert not bar.reference_loaded
    bar.executor.showPopup()  # the clerk opens the list at once
    assert bar.reference_loaded
    assert bar.executor.count() == 1 + len(list_staff(office_db, active_only=True))
    bar.executor.hidePopup()

    other = FilterBar(office_db, parent=parent)
    other.show()
    other.department.setFocus()
    qtbot.keyClick(other.department, Qt.Key.Key_Down)  # or picks an item by keyboard
    assert other.reference_loaded
    assert other.department.currentIndex() == 1


def test_an_entity_tab_gets_its_department_list(qtbot, office_db):
    from ui.registers.staff_tab import build_tab

    parent = QWidget()
    qtbot.addWidget(parent)
    tab = build_tab(office_db, parent)
    tab.show()
    bar = tab.filter_bar  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bar.reference_loaded)
    assert bar.department.count() > 1
