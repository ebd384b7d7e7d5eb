"""The help window: F1 opens the page of the tab on screen; links between pages are followed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from ui import help as help_module
from ui import screen
from ui.help import HelpWindow, open_help
from ui.main_window import MainWindow
from ui.registers.register_tab import RegisterTab
from ui.screen import LAPTOP_CLIENT


def _link_point(window: HelpWindow, href: str) -> QPoint:
    """Where on the browser's viewport the link to `href` is drawn."""
    document = window.browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                window.browser.setTextCursor(cursor)
                window.browser.ensureCursorVisible()
                return window.browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def _click_link(qtbot, window: HelpWindow, href: str) -> None:
    point = _link_point(window, href)
    viewport = window.browser.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)


def _show_tab(qtbot, window: MainWindow, tab) -> None:
    """Switch to a tab and let it settle (it fits its columns on the next turn of the loop)."""
    window.tabs.setCurrentWidget(tab)
    if isinstance(tab, RegisterTab):
        model = tab.model
        qtbot.waitUntil(lambda: not model.loading)
    qtbot.wait(20)


def _help_windows() -> list[HelpWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow)]


def test_f1_on_the_orders_tab_opens_the_orders_page(qtbot, office_db):
    window = MainWindow(office_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # F1 is a window shortcut: the window must be the active one
    qtbot.waitUntil(window.isActiveWindow)
    _show_tab(qtbot, window, window.register_tabs["orders"])
    assert window.help_action.text() == "Посібник користувача"
    assert window.help_action.shortcut().toString() == "F1"
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in _help_windows()))
    (help_window,) = _help_windows()
    assert help_window.page == "orders.md"
    assert "Розпорядження міського голови" in help_window.windowTitle()
    assert "втратило чинність" in help_window.browser.toPlainText()

    # The same window, now at the control centre's page.
    _show_tab(qtbot, window, window.control_tab)
    window.help_action.trigger()
    assert _help_windows() == [help_window]
    assert help_window.page == "control.md"
    _show_tab(qtbot, window, window.register_tabs["staff"])
    window.help_action.trigger()
    assert help_window.page == "staff.md"
    help_window.close()
    qtbot.wait(20)


def test_clicking_a_link_goes_to_the_page_and_its_heading(qtbot):
    window = open_help(None, "incoming")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.page == "incoming.md"
    assert not window.back_button.isEnabled()

    _click_link(qtbot, window, "control.md#постановка-на-контроль")
    assert window.page == "control.md"
    assert window.windowTitle() == "Довідка — Контроль виконання"
    # Scrolled to the heading: it is at the top of the view.
    top = window.browser.cursorForPosition(QPoint(5, 5)).block().text()
    assert window.browser.verticalScrollBar().value() > 0
    assert top in ("Постановка на контроль", "")  # the heading, or the gap above it
    heading = window.browser.document().find("Постановка на контроль")
    assert window.browser.cursorRect(heading).top() < window.browser.viewport().height() // 2

    window.back_button.click()
    assert window.page == "incoming.md"
    window.contents_button.click()
    assert window.page == "index.md"
    assert window.back_button.isEnabled()
    _click_link(qtbot, window, "backups.md")
    assert window.page == "backups.md"
    assert window.browser.verticalScrollBar().value() == 0


def test_an_anchor_on_the_same_page(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show_page("index.md")
    window.browser.anchorClicked.emit(help_module.QUrl("#клавіші"))
    assert window.page == "index.md"


def test_an_unknown_topic_opens_the_contents_and_the_window_fits_the_laptop(qtbot, monkeypatch):
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 without a 40-px taskbar
    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: laptop)
    window = open_help(None, None)
    qtbot.addWidget(window)
    assert window.page == "index.md"
    assert window.windowTitle() == "Довідка — Посібник користувача «Діловод»"
    for size in (window.minimumSizeHint(), window.minimumSize(), window.size()):
        assert size.width() <= LAPTOP_CLIENT.width()
        assert size.height() <= LAPTOP_CLIENT.height()
    window.show_page("missing.md")
    assert window.page == "index.md"
