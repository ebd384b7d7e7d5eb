"""Small points of issue 10 the clerk saw: the sort arrow, «Про програму», the bold legend."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionHeader

from app.about import database_text, version
from app.registers import INCOMING
from ui.registers.columns import SortArrowStyle
from ui.registers.register_tab import URGENT_LEGEND, RegisterTab


def _arrow(style: QStyle, indicator: QStyleOptionHeader.SortIndicator) -> QImage:
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionHeader()
    option.rect = QRect(0, 0, 24, 24)
    option.sortIndicator = indicator
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
    painter.end()
    return image


def test_the_newest_on_top_shows_a_down_arrow(qtbot, filled_db):
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    fusion = QStyleFactory.create("Fusion")
    ours = SortArrowStyle("Fusion")
    assert _arrow(ours, up) == _arrow(fusion, down)
    assert _arrow(ours, down) == _arrow(fusion, up)
    assert _arrow(fusion, up) != _arrow(fusion, down)
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    header = tab.table.horizontalHeader()
    assert isinstance(header.style(), SortArrowStyle)
    # Newest first is a descending order: Qt gives the header «SortUp», drawn here as ▼.
    assert tab.model.query.descending
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_about_names_the_version_and_the_database_in_words():
    assert version()
    assert database_text("sqlite:////home/clerk/dilovod.sqlite") == (
        "файл /home/clerk/dilovod.sqlite"
    )
    text = database_text("postgresql+psycopg://dilovod:secret@10.0.0.5:5432/dilovod")
    assert text == "сервер PostgreSQL 10.0.0.5:5432, база dilovod, користувач dilovod"
    assert "secret" not in text and "://" not in text


def test_the_tab_says_what_bold_means(qtbot, filled_db):
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.legend.text() == URGENT_LEGEND and tab.legend.isVisible()
    assert "Терміново" in URGENT_LEGEND


def test_menus_name_the_open_key_as_it_is_labelled(qtbot, filled_db):
    """The row menu read «Відкрити — Return»: Qt names the main key «Return»; the key on the
    keyboard says «Enter», and both keys still open the card."""
    from PySide6.QtGui import QKeySequence

    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    native = QKeySequence.SequenceFormat.NativeText
    assert tab.open_action.shortcut().toString(native) == "Enter"
    keys = {k.toString(native) for k in tab.open_action.shortcuts()}
    assert keys == {"Enter", "Return"}


def test_the_bold_legend_only_where_terminovo_exists(qtbot, sqlite_db):
    """«Номер жирним — Терміново» means nothing for people, households or orders: only
    registers with the «Терміново» mark show it; in appeals the same flag says «15 days»."""
    from app.registers import APPEALS, ORDERS, OUTGOING
    from ui.registers.household_tab import HouseholdTab
    from ui.registers.personnel_tab import PersonnelTab
    from ui.registers.staff_tab import build_tab as staff_tab

    shown, texts = {}, {}
    for make in (
        lambda: RegisterTab(sqlite_db, INCOMING),
        lambda: RegisterTab(sqlite_db, OUTGOING),
        lambda: RegisterTab(sqlite_db, ORDERS),
        lambda: RegisterTab(sqlite_db, APPEALS),
        lambda: PersonnelTab(sqlite_db),
        lambda: HouseholdTab(sqlite_db),
        lambda: staff_tab(sqlite_db, None),
    ):
        tab = make()
        qtbot.addWidget(tab)
        tab.show()
        shown[tab.spec.code] = tab.legend.isVisible()
        texts[tab.spec.code] = tab.legend.text()
    assert shown == {
        "incoming": True,
        "outgoing": True,
        "orders": False,
        "appeals": True,
        "personnel": False,
        "household": False,
        "staff": False,
    }
    assert texts["incoming"] == texts["outgoing"] == URGENT_LEGEND
    assert "Терміново" not in texts["appeals"]
    assert "Не потребує додаткового вивчення" in texts["appeals"]


def test_interim_reports_only_where_the_regulation_sets_the_term(qtbot, sqlite_db):
    """The regulation's «проміжні строки інформування» (пп. 3.4, 4.7, 9.12) belong to its
    long controls; an appeal's or an information request's term comes from a law (15–45 days,
    5–20 working days) and has none: no «Проміжні звіти…» on those tabs."""
    from app.registers import APPEALS, DECISIONS, INFO_REQUESTS, ORDERS

    shown = {}
    for spec in (INCOMING, ORDERS, DECISIONS, APPEALS, INFO_REQUESTS):
        tab = RegisterTab(sqlite_db, spec)
        qtbot.addWidget(tab)
        titles = [a.text() for a in tab.toolbar.actions()]
        shown[spec.code] = "Проміжні звіти…" in titles
        assert spec.interim_reports == shown[spec.code]
    assert shown == {
        "incoming": True,
        "orders": True,
        "decisions": True,
        "appeals": False,
        "info_requests": False,
    }
