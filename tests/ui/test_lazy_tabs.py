"""The window starts with only the tab on screen built (issue 10: a faster start); every other
tab — the control centre, each register from the registry, an entity register a module
contributes — is built in its place when first shown or asked for."""

from __future__ import annotations

import sys

from app.domain import roles
from app.domain.roles import Actor
from app.services.dialog_support import sign_in
from ui.main_window import CONTROL_CODE, MainWindow, _Unbuilt
from ui.registers import registry
from ui.registers.register_tab import RegisterTab


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_only_the_tab_on_screen_is_built_at_start(qtbot, office_db):
    window = _window(qtbot, office_db)
    codes = [e.code for e in registry.entries()]
    assert list(window.tab_entries) == codes  # every entry of the registry is there, by code
    assert list(window.register_tabs.built()) == [codes[0]]  # the first register, on screen
    assert not window.other_tabs.built()
    assert window.tabs.currentWidget() is window.register_tabs.built()[codes[0]]
    unbuilt = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert sum(isinstance(w, _Unbuilt) for w in unbuilt) == len(codes)  # the others, control
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[1:] == [e.title for e in registry.entries()]


def test_a_tab_is_built_in_its_place_when_shown(qtbot, office_db):
    window = _window(qtbot, office_db)
    for entry in registry.entries()[1:]:  # every later tab, contributed ones of any kind too
        index = window.tab_index(entry.code)
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        assert not isinstance(tab, _Unbuilt), entry.code
        kind = window.register_tabs if isinstance(tab, RegisterTab) else window.other_tabs
        assert kind.built()[entry.code] is tab
        assert window.tabs.indexOf(tab) == index
        assert window.tabs.tabText(index).startswith(entry.title)
        if isinstance(tab, RegisterTab):
            qtbot.waitUntil(lambda t=tab: not t.model.loading)
    window.tabs.setCurrentIndex(window.tab_index(CONTROL_CODE))
    assert window.tabs.currentWidget() is window.control_tab
    assert not any(isinstance(window.tabs.widget(i), _Unbuilt) for i in range(window.tabs.count()))


def test_asking_for_a_tab_builds_it_without_switching(qtbot, office_db):
    window = _window(qtbot, office_db)
    shown = window.tabs.currentWidget()
    orders = window.register_tabs["orders"]
    assert isinstance(orders, RegisterTab)
    assert window.tabs.currentWidget() is shown
    assert window.tabs.indexOf(orders) == window.tab_index("orders")
    assert "nothing" not in window.register_tabs
    try:
        window.register_tabs["nothing"]
    except KeyError:
        pass
    else:
        raise AssertionError("an unknown register has no tab")


def test_a_readers_lazily_built_tab_offers_no_registration(qtbot, office_db):
    sign_in(Actor("reader", frozenset({roles.READER}), "Іван Читач"))
    window = _window(qtbot, office_db)
    outgoing = window.register_tabs["outgoing"]  # built after the roles were applied
    assert not outgoing.register_action.isVisible()
    assert window.tabs.isTabVisible(window.tab_index("outgoing"))
    assert not window.tabs.isTabVisible(window.tab_index("staff"))  # not his, never built


PROBE = """
import sys
from app.services.database import open_database
from ui.main_window import MainWindow, _application
app = _application()
window = MainWindow(open_database(sys.argv[1]).db)
window.show()
app.processEvents()
# the first page of rows, then a second of what starts after it (the overdue scan, the watcher)
from PySide6.QtCore import QEventLoop, QTimer
tab = window.current_tab()
wait = QEventLoop()
if tab is not None and tab.model.loading:
    tab.model.loaded.connect(wait.quit)
    QTimer.singleShot(30000, wait.quit)
    wait.exec()
QTimer.singleShot(1000, wait.quit)
wait.exec()
heavy = ("reportlab", "openpyxl", "xlsxwriter", "pyphen", "alembic", "ui.control_centre.tab",
         "ui.dialogs.document_form", "ui.preview",
         # other registers' tabs and what they bring: built when first shown, not at start
         "ui.registers.meetings_tab", "ui.registers.staff_tab", "ui.registers.personnel_tab",
         "ui.registers.household_tab", "ui.registers.awards_tab", "ui.dialogs.personnel_card",
         "app.services.meetings", "app.services.personnel", "app.services.households",
         "app.services.awards", "app.reports.households",
         # the dialogs' helpers and the control service (the user comes from signed_in)
         "app.services.dialog_support", "app.services.control",
         # other registers' tables (db.models loads a model's module on first use) and, on
         # SQLite, SQLAlchemy's PostgreSQL dialect
         "db.models.appeals", "db.models.meetings", "db.models.households",
         "db.models.personnel", "db.models.awards", "db.models.orders",
         "sqlalchemy.dialects.postgresql",
         # name declension: no name is declined on the first screen
         "shevchenko")
print(" ".join(m for m in heavy if m in sys.modules) or "none")
"""


def test_the_start_imports_no_dialog_and_no_printing(office_db, tmp_path):
    """What the first screen does not need stays unimported: each costs start-up time and
    memory (a fresh process, as the clerk starts the program)."""
    out = _run_probe(PROBE, office_db, tmp_path)
    assert out.split() == ["none"]


def _run_probe(probe: str, db, folder) -> str:  # type: ignore[no-untyped-def]
    """What `probe` prints, run in a fresh process (as the clerk starts the program) over
    `db`'s file."""
    import os
    import subprocess

    from db.session import sqlite_path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DILOVOD_HOME=str(folder))
    return subprocess.run(
        [sys.executable, "-c", probe, str(sqlite_path(db.url))],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


FIRST_SCREEN_PROBE = """
import sys
from app.services.database import open_database
from ui.main_window import MainWindow, _application
from ui.models.register_model import RegisterModel
seen = []
apply = RegisterModel._apply
def recording(self, *args, **kwargs):
    seen.append("sqlalchemy" in sys.modules)  # the first page read, nothing after it begun
    apply(self, *args, **kwargs)
RegisterModel._apply = recording
app = _application()
window = MainWindow(open_database(sys.argv[1]).db)
window.show()
from PySide6.QtCore import QEventLoop, QTimer
tab = window.current_tab()
wait = QEventLoop()
QTimer.singleShot(30000, wait.quit)
QTimer.singleShot(0, lambda: wait.quit() if seen else None)
tab.model.loaded.connect(lambda: QTimer.singleShot(50, wait.quit))
wait.exec()
rows = tab.model.rowCount()
print("sqlalchemy" if seen[0] else "none", rows, tab.model.row_data(0).reg_number if rows else "")
"""


def test_the_first_screen_of_a_local_file_needs_no_sqlalchemy(office_db, tmp_path):
    """On a SQLite file the window shows its first screen — the organisation's name, the
    calendar's terms, the register's count and first page — before SQLAlchemy is loaded (a
    third of the start); the background loads it right after (issue 10)."""
    from datetime import date

    from app.services.register_view import RegisterView, ViewQuery
    from tests import factories

    factories.incoming(office_db, date.today(), summary="Про перший екран")
    newest = RegisterView(office_db, ViewQuery("incoming")).page(0, 1)[0]
    office_db.dispose()
    out = _run_probe(FIRST_SCREEN_PROBE, office_db, tmp_path)
    imported, rows, first = out.split()
    assert imported == "none"
    assert int(rows) >= 1 and first == newest.reg_number
