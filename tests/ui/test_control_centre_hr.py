"""The control centre's HR section in real widgets: HR sees the personnel reminders as their own
section (a button beside the documents' totals, their own list), a double click opens the
person's card; a clerk never sees them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.domain import roles
from app.domain.roles import Actor
from app.services import personnel as hr
from app.services.dialog_support import sign_in
from tests.personnel.helpers import hire, new_file, office
from ui.control_centre.hr_section import REMINDER_ROLE
from ui.control_centre.tab import ControlCentreTab

ON = date(2025, 12, 1)
HR = Actor("hr", frozenset({roles.HR}), "Ольга Кадрова")
CLERK = Actor("clerk", frozenset({roles.CLERK}))


@pytest.fixture
def contract_ending(sqlite_db):
    office(sqlite_db)
    staff_id = new_file(sqlite_db)
    hire(sqlite_db, staff_id, date(2022, 3, 10))
    hr.save_event(
        sqlite_db,
        staff_id,
        hr.EventInput("contract", date(2025, 1, 1), date(2026, 1, 31), "вперше укладений"),
        "hr",
    )
    return staff_id


def _tab(qtbot, db) -> ControlCentreTab:
    tab = ControlCentreTab(db)
    tab.today = ON
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.overview is not None and not tab.loading)
    return tab


def test_hr_sees_the_reminders_first_when_nothing_is_on_control(qtbot, sqlite_db, contract_ending):
    sign_in(HR)
    tab = _tab(qtbot, sqlite_db)
    assert tab.hr_button.isVisible()
    assert tab.hr_button.text().startswith("Кадрові нагадування: ")
    assert "прострочено 1" in tab.hr_button.text()
    assert tab.hr_shown and tab.lists.currentWidget() is tab.hr_table
    assert not tab.tree.isVisible()  # no document on control: the reminders take the room
    rows = tab.hr_model.rowCount()
    texts = [[tab.hr_model.index(r, c).data() for c in range(4)] for r in range(rows)]
    contract = next(t for t in texts if t[2].startswith("спливає"))
    assert contract[:2] == ["30.11.2025", "Ткачук М. І."] and contract[3] == "Прострочено"
    assert tab.caption.text().startswith("Кадрові нагадування протягом місяця і прострочені: ")
    # the documents' counts are the documents' only
    assert next(iter(tab.total_buttons.values())).text() == "Прострочено: 0"
    with qtbot.waitSignal(tab.person_requested) as asked:
        tab.hr_table.setCurrentIndex(tab.hr_model.index(0, 1))
        qtbot.keyClick(tab.hr_table, Qt.Key.Key_Return)
    assert asked.args == [tab.hr_model.index(0, 0).data(REMINDER_ROLE).staff_id]
    # a state's button goes back to the documents; the HR button comes back to the reminders
    tab.total_buttons[next(iter(tab.total_buttons))].click()
    assert not tab.hr_shown and tab.lists.currentWidget() is tab.table
    assert not tab.hr_button.isChecked()
    tab.hr_button.click()
    assert tab.hr_shown and tab.hr_button.isChecked()


def test_a_clerk_never_sees_hr_reminders(qtbot, sqlite_db, contract_ending):
    sign_in(CLERK)
    tab = _tab(qtbot, sqlite_db)
    assert tab.hr is None and not tab.hr_button.isVisible() and not tab.hr_shown
    assert tab.tree.isVisible()
    assert tab.hr_model.rowCount() == 0


def test_a_double_click_opens_the_persons_card_from_the_window(
    qtbot, sqlite_db, contract_ending, monkeypatch
):
    from ui.dialogs.personnel_card import PersonnelCard
    from ui.main_window import CONTROL_CODE, MainWindow

    opened: list[int | None] = []
    monkeypatch.setattr(PersonnelCard, "exec", lambda card: opened.append(card.staff_id) or 0)
    sign_in(HR)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.isTabVisible(window.tab_index(CONTROL_CODE))
    window.tabs.setCurrentIndex(window.tab_index(CONTROL_CODE))
    tab = window.control_tab
    tab.today = ON
    tab.refresh()
    qtbot.waitUntil(lambda: tab.hr is not None and not tab.loading)
    tab.person_requested.emit(contract_ending)
    assert opened == [contract_ending]
    assert window.tabs.currentWidget() is tab  # the card opened over the centre
    window.close()


@pytest.mark.parametrize(("user", "told"), [(HR, True), (CLERK, False)], ids=["hr", "clerk"])
def test_reminders_that_cannot_be_read_are_said_to_hr_only(
    qtbot, sqlite_db, monkeypatch, user, told
):
    import ui.control_centre.tab as tab_module

    def broken(*_args, **_kw):
        raise RuntimeError("no such column: personnel_file.state_version")

    monkeypatch.setattr(tab_module, "hr_reminders", broken)
    sign_in(user)
    tab = _tab(qtbot, sqlite_db)
    assert tab.hr_button.isVisible() is told
    if told:
        assert tab.hr_button.text() == "Кадрові нагадування: не вдалося прочитати"
