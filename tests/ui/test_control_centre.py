"""The «Контроль» tab on the data set of tests/control_data.py, as of Wednesday 18.03.2026."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.reports.execution import execution_report
from app.services import control
from tests import control_data
from tests.control_data import TODAY
from ui.control_centre.figures import FiguresDialog
from ui.control_centre.models import DOCUMENT_ROLE
from ui.control_centre.tab import ControlCentreTab
from ui.main_window import MainWindow


@pytest.fixture
def known(sqlite_db):
    return control_data.build(sqlite_db)


def _tab(qtbot, db) -> ControlCentreTab:
    tab = ControlCentreTab(db)
    tab.today = TODAY
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.listing is not None and not tab.loading)
    return tab


def _listed(tab, known) -> list[int]:
    model = tab.cell_model
    return known.numbers(model.index(r, 0).data(DOCUMENT_ROLE).id for r in range(model.rowCount()))


def _counts(tab, row: int, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [tab.model.index(row, c, parent).data() for c in range(tab.model.columnCount())]


def _click(qtbot, view, index, double: bool = False) -> None:
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:  # a double-click starts with a press that makes the row current
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    click(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_the_counts_and_the_overdue_list_first(qtbot, qtmodeltester, sqlite_db, known):
    tab = _tab(qtbot, sqlite_db)
    texts = [button.text() for button in tab.total_buttons.values()]
    assert texts == [
        "Прострочено: 3",
        "Термін сьогодні: 1",
        "Термін ≤ 3 роб. дні: 3",
        "На контролі: 7",
        "Виконано вчасно: 2",
        "Із запізненням: 2",
    ]
    assert tab.as_of.text() == "Станом на 18.03.2026"
    assert tab.model.headerData(5, Qt.Orientation.Horizontal) == "Виконано вчасно\nз 01.03"
    assert _counts(tab, 0) == ["Загальний відділ", "1", "1", "2", "4", "1", "1"]
    assert _counts(tab, 0, tab.model.index(0, 0))[0] == "Мельник І. І."
    assert _counts(tab, 1) == ["Управління праці", "1", "0", "1", "2", "1", "1"]
    assert _counts(tab, 2)[:2] == ["Виконавчий орган не визначено", "1"]
    # Opened on the overdue ones of every department, the most urgent first.
    assert tab.total_buttons[next(iter(tab.total_buttons))].isChecked()
    assert _listed(tab, known) == [1, 12, 9]
    assert tab.caption.text().startswith("Прострочено — усі виконавчі органи: 3.")
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.cell_model)


def test_a_click_on_a_cell_lists_its_documents(qtbot, sqlite_db, known):
    tab = _tab(qtbot, sqlite_db)
    labour = tab.model.index(1, 0)
    koval_soon = tab.model.index(0, 3, labour)  # Коваль × «Термін ≤ 3 роб. дні»
    _click(qtbot, tab.tree, koval_soon)
    qtbot.waitUntil(lambda: not tab.loading and _listed(tab, known) == [10])
    assert tab.caption.text().startswith(
        "Термін спливає протягом 3 робочих днів — Коваль О. П.: 1."
    )
    assert not any(button.isChecked() for button in tab.total_buttons.values())
    row = [tab.cell_model.index(0, c).data() for c in range(tab.cell_model.columnCount())]
    assert row[:3] == ["Вхідні", tab.cell_model.documents[0].reg_number, "02.03.2026"]
    assert row[6:] == ["20.03.2026", "", "Термін спливає"]
    # The name of a line lists everything open on it.
    _click(qtbot, tab.tree, tab.model.index(0, 0))
    qtbot.waitUntil(lambda: not tab.loading and _listed(tab, known) == [1, 2, 3, 4])
    # A total lists every department's.
    late = list(tab.total_buttons.values())[-1]
    qtbot.mouseClick(late, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.loading and _listed(tab, known) == [6, 14])
    assert late.isChecked()


def test_a_document_opens_in_its_register_tab(qtbot, sqlite_db, known, monkeypatch):
    opened: list[int] = []

    class FakeForm(QDialog):
        def __init__(self, db, spec, doc_id, parent=None) -> None:
            super().__init__(parent)
            opened.append(doc_id)
            self.saved = self.finished  # any signal: the tab connects to it

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    import ui.dialogs.document_form

    monkeypatch.setattr(ui.dialogs.document_form, "DocumentForm", FakeForm)
    window = MainWindow(sqlite_db)
    window.control_tab.today = TODAY
    qtbot.addWidget(window)
    window.show()
    incoming = window.register_tabs["incoming"]
    assert window.tabs.widget(0) is window.control_tab and window.tabs.currentWidget() is incoming
    qtbot.waitUntil(lambda: not incoming.model.loading and window.monitor.summary is not None)
    window.tabs.setCurrentWidget(window.control_tab)
    tab = window.control_tab
    qtbot.waitUntil(lambda: tab.listing is not None and not tab.loading)
    assert window.tabs.tabText(0) == "Контроль (7)"  # overdue by the real today

    _click(qtbot, tab.table, tab.cell_model.index(1, 4), double=True)  # document 12
    qtbot.waitUntil(lambda: opened == [known.ids[12]])
    assert window.tabs.currentWidget() is incoming and incoming.current_id() == known.ids[12]

    # Hidden by the clerk's search: the register shows the document's day instead.
    window.tabs.setCurrentWidget(tab)
    incoming.filter_bar.search.setText("нічого такого")
    incoming.filter_bar.search.returnPressed.emit()
    qtbot.waitUntil(lambda: incoming.model.total == 0 and not incoming.model.loading)
    tab.table.setCurrentIndex(tab.cell_model.index(0, 0))  # document 1, registered 16.02
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened[-1] == known.ids[1], timeout=3000)
    assert incoming.current_id() == known.ids[1]
    assert (
        incoming.filter_bar.date_from.text() == incoming.filter_bar.date_to.text() == "16.02.2026"
    )
    assert incoming.filter_bar.search.text() == ""


def test_a_change_in_a_register_refreshes_the_counts(qtbot, sqlite_db, known):
    window = MainWindow(sqlite_db)
    window.control_tab.today = TODAY
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.control_tab)
    tab = window.control_tab
    qtbot.waitUntil(lambda: tab.listing is not None and not tab.loading)
    control.remove_from_control(sqlite_db, known.ids[9], "Лист", date(2026, 3, 17), "Кравчук О. М.")
    window.register_tabs["incoming"].document_changed()  # what every dialog's accept leads to
    button = tab.total_buttons[next(iter(tab.total_buttons))]
    qtbot.waitUntil(lambda: button.text() == "Прострочено: 2", timeout=3000)
    assert list(tab.total_buttons.values())[-1].text() == "Із запізненням: 3"
    # The overdue list is re-read too.
    qtbot.waitUntil(lambda: not tab.loading and _listed(tab, known) == [1, 12])


def test_the_reports_run_in_the_background(qtbot, sqlite_db, known, monkeypatch, wait_tasks):
    tab = _tab(qtbot, sqlite_db)
    reports = tab.reports
    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr(reports, "show_pdf", lambda pdf, title: shown.append((title, pdf)))
    monkeypatch.setattr(reports, "ask_period", lambda *_: (date(2026, 3, 1), date(2026, 3, 31)))
    monkeypatch.setattr(reports, "ask_days", lambda: 3)
    reports.report_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0][0] == "Довідка про стан виконання документів"
    assert shown[0][1].startswith(b"%PDF")
    assert reports.reminders_action.isEnabled()
    reports.reminders_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1][0] == "Нагадування виконавцям" and shown[1][1].startswith(b"%PDF")
    assert tab.caption.text() == "Без головного виконавця (нагадати нікому): 1"
    wait_tasks()


def test_the_executors_figures_table_exports(qtbot, sqlite_db, known, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    import ui.control_centre.figures as figures

    report = execution_report(sqlite_db, date(2026, 3, 1), date(2026, 3, 31), TODAY)
    dialog = FiguresDialog(report)
    qtbot.addWidget(dialog)
    rows = [
        [dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())]
        for r in range(dialog.model.rowCount())
    ]
    assert rows[0] == ["Мельник І. І.", "Загальний відділ", "1", "1", "1", "33,3"]
    assert "частка вчасно: 28,6 %" in dialog.totals.text()
    said: list[str] = []
    monkeypatch.setattr(figures.QMessageBox, "information", lambda _p, _t, text: said.append(text))
    path = tmp_path / "показники.xlsx"
    dialog.export_to(str(path))
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].startswith("Записано рядків: 3")
    sheet = load_workbook(path).active
    assert sheet["A2"].value == "Мельник І. І." and sheet["F4"].value == 0.0
