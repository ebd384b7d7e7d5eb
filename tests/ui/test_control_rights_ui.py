"""The window's control centre, overdue monitor, status bar and tab bar for users of several
roles: nothing of a register the signed-in user may not read (tests/control_data.py's five
documents, overdue on 18.03.2026)."""

from __future__ import annotations

import pytest

from app.domain import roles
from app.domain.roles import Actor
from app.services.dialog_support import sign_in
from tests import control_data
from tests.control_data import APPEAL_SUMMARY, TODAY
from ui.control_centre.models import DOCUMENT_ROLE
from ui.control_centre.tab import ControlCentreTab
from ui.main_window import CONTROL_CODE, MainWindow
from ui.overdue_timer import OverdueMonitor

READER = Actor("reader", frozenset({roles.READER}))
HR = Actor("hr", frozenset({roles.HR}))
ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))
CLERK = Actor("clerk", frozenset({roles.CLERK}))


@pytest.fixture
def five(sqlite_db):
    return control_data.five_registers(sqlite_db)


def _tab(qtbot, db) -> ControlCentreTab:
    tab = ControlCentreTab(db)
    tab.today = TODAY
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.listing is not None and not tab.loading)
    return tab


@pytest.mark.parametrize(
    ("user", "listed"),
    [
        (CLERK, {"incoming", "appeals", "orders/main", "orders/personnel", "decisions"}),
        (READER, {"incoming", "orders/main", "orders/personnel", "decisions"}),
        (HR, {"orders/personnel"}),
    ],
    ids=lambda v: v.login if isinstance(v, Actor) else "",
)
def test_the_tab_counts_and_lists_only_readable_registers(qtbot, sqlite_db, five, user, listed):
    sign_in(user)
    tab = _tab(qtbot, sqlite_db)
    overdue = next(iter(tab.total_buttons.values()))
    assert overdue.text() == f"Прострочено: {len(listed)}"
    model = tab.cell_model
    docs = [model.index(r, 0).data(DOCUMENT_ROLE) for r in range(model.rowCount())]
    assert {five[d.id] for d in docs} == listed
    shown = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(9)]
    assert (APPEAL_SUMMARY in shown) == ("appeals" in listed)


def test_the_monitor_counts_only_readable_registers(qtbot, sqlite_db, five):
    sign_in(READER)
    monitor = OverdueMonitor(sqlite_db)
    with qtbot.waitSignal(monitor.summary_changed) as signal:
        monitor.start()
    monitor.stop()
    summary = signal.args[0]
    assert summary.overdue == 4 and "appeals" not in summary.by_register


@pytest.mark.parametrize(
    ("user", "centre", "overdue"),
    [(ADMIN, False, None), (HR, True, 1), (READER, True, 4), (CLERK, True, 5)],
    ids=lambda v: v.login if isinstance(v, Actor) else "",
)
def test_the_window_shows_the_centre_and_the_counts_by_the_users_rights(
    qtbot, sqlite_db, five, user, centre, overdue
):
    sign_in(user)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.monitor.summary is not None)
    assert window.tabs.isTabVisible(window.tab_index(CONTROL_CODE)) is centre
    assert window.overdue_label.isVisible() is centre
    if overdue is not None:
        assert window.overdue_label.text().startswith(f"Прострочено: {overdue} ")
        title = window.tabs.tabText(window.tab_index("appeals"))
        assert title == ("Звернення громадян (1)" if user is CLERK else "Звернення громадян")
    window.close()


def test_the_register_column_shows_whole_register_titles(qtbot, sqlite_db, five):
    """«Рішення виконкому» was cut to «Рішенн…» in a 70-pixel column."""
    from app.registers import REGISTERS

    tab = _tab(qtbot, sqlite_db)
    metrics = tab.table.fontMetrics()
    widest = max(metrics.horizontalAdvance(s.title) for s in REGISTERS.values() if s.controllable)
    assert tab.table.horizontalHeader().sectionSize(0) >= widest + 8
