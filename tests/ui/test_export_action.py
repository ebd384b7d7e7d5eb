"""«Експорт…» on a register tab: the view on screen goes to the file the clerk picked."""

from __future__ import annotations

import csv
import threading
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from app.registers import INCOMING
from app.services import exports
from app.services.register_view import RegisterView
from app.services.table_files import rows_text
from ui.main_window import MainWindow
from ui.registers import export_action
from ui.registers.register_tab import RegisterTab


@pytest.fixture
def tab(qtbot, filled_db) -> RegisterTab:
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.total > 0)
    return tab


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own (the SQLite file lives in out)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def save_as(monkeypatch):
    """QFileDialog answers with the file (and the filter) the test sets; records what it got."""
    asked: dict[str, object] = {}

    def answer(parent, caption, directory, filters, selected):
        asked.update(directory=directory, filters=filters, selected=selected)
        return asked.get("answer", ("", ""))

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def _filter(qtbot, tab: RegisterTab, search: str) -> None:
    tab.filter_bar.search.setText(search)
    tab.filter_bar._on_search_now()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.query.search == search)


def test_the_view_with_its_search_and_sort_goes_to_xlsx(qtbot, tab, save_as, wait_tasks, out):
    _filter(qtbot, tab, "Кореспондент 3")
    tab.model.sort(0, Qt.SortOrder.AscendingOrder)  # by number, oldest first
    qtbot.waitUntil(lambda: not tab.model.loading and not tab.model.query.descending)
    path = out / "вибірка.xlsx"
    save_as["answer"] = (str(path), export_action.XLSX_FILTER)
    assert tab.export_action in tab.table.actions()  # the context menu offers it too
    tab.export_action.trigger()
    wait_tasks()

    expected = RegisterView(tab.db, tab.model.query).all_rows()
    count = len(expected)
    assert count == tab.model.total and 0 < count < 300
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == [c.title for c in INCOMING.columns]
    numbers = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert numbers == [r.reg_number for r in expected]
    assert ws["B2"].value.date() == expected[0].reg_date
    assert ws["B2"].number_format == "DD.MM.YYYY"
    assert tab.exporter.last_message == f"Експортовано {rows_text(count)} у «{path}»"
    assert tab.export_action.isEnabled()
    name = Path(str(save_as["directory"])).name
    assert name == f"Вхідні_{date.today().isoformat()}.xlsx"
    assert save_as["selected"] == export_action.XLSX_FILTER
    # the next export starts in the folder of this one
    assert Path(tab.exporter.default_path()).parent == out


def test_a_name_without_extension_and_the_csv_filter(qtbot, tab, save_as, wait_tasks, out):
    save_as["answer"] = (str(out / "журнал"), export_action.CSV_FILTER)
    tab.export_action.trigger()
    wait_tasks()
    rows = list(csv.reader((out / "журнал.csv").read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == 301 and rows[0][0] == "Вх. №"
    assert tab.exporter.last_message.startswith("Експортовано 300 рядків")


def test_cancel_leaves_no_file(qtbot, tab, save_as, wait_tasks, out, monkeypatch):
    monkeypatch.setattr(exports, "PAGE_SIZE", 20)
    gate = threading.Event()
    ids = RegisterView.ids

    def slow_ids(self):  # the export waits here until the clerk has pressed «Скасувати»
        gate.wait(5)
        return ids(self)

    monkeypatch.setattr(RegisterView, "ids", slow_ids)
    path = out / "скасовано.xlsx"
    save_as["answer"] = (str(path), export_action.XLSX_FILTER)
    tab.export_action.trigger()
    dialog = tab.exporter.progress_dialog
    assert dialog is not None and not tab.export_action.isEnabled()
    dialog.findChild(QPushButton).click()  # «Скасувати»
    gate.set()
    wait_tasks()
    assert list(out.iterdir()) == []
    assert tab.exporter.last_message == "Експорт скасовано; файл не записано"
    assert tab.exporter.progress_dialog is None and tab.export_action.isEnabled()


def test_a_folder_that_does_not_exist_is_a_ukrainian_message(
    tab, save_as, wait_tasks, out, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    save_as["answer"] = (str(out / "немає" / "x.xlsx"), export_action.XLSX_FILTER)
    tab.export_action.trigger()
    wait_tasks()
    assert len(shown) == 1 and "немає такої теки" in shown[0]
    assert tab.export_action.isEnabled()
    save_as["answer"] = ("", "")  # the clerk closed the file dialog: nothing happens
    tab.export_action.trigger()
    wait_tasks()
    assert len(shown) == 1


def test_the_file_menu_exports_the_current_tab(qtbot, filled_db, save_as, wait_tasks, out):
    window = MainWindow(filled_db)
    qtbot.addWidget(window)
    window.show()
    tab = window.current_tab()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.total > 0)
    path = out / "з меню.xlsx"
    save_as["answer"] = (str(path), export_action.XLSX_FILTER)
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    window.export_action.trigger()
    wait_tasks()
    assert load_workbook(path).active.max_row == 301
    assert window.statusBar().currentMessage() == f"Експортовано 300 рядків у «{path}»"
