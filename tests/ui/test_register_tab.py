"""The register tab and the main window: colours, counts in titles, sorting, filtering."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialog

from app.registers import INCOMING
from app.services import control
from tests import factories
from ui.main_window import MainWindow
from ui.registers.register_tab import RegisterTab


def _overdue(db, days_ago: int = 5) -> int:
    reg = factories.incoming(db, date.today() - timedelta(days=40), "Про прострочене")
    control.put_on_control(db, reg.id, term=date.today() - timedelta(days=days_ago))
    return reg.id


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.monitor.summary is not None)
    qtbot.waitUntil(lambda: not window.current_tab().model.loading)
    return window


def test_overdue_row_is_red_and_the_tab_title_counts_it(qtbot, filled_db):
    doc_id = _overdue(filled_db)
    window = _window(qtbot, filled_db)
    # the control centre, then only real registers (no placeholders)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Контроль (1)",
        "Вхідні (1)",
        "Вихідні",
        "Розпорядження",
        "Рішення виконкому",
        "Нагородження",
        "Звернення громадян",
        "Запити на інформацію",
        "Засідання виконкому",
        "Працівники",
        "Особові справи",
        "Погосподарські книги",
    ]
    assert window.overdue_label.text() == "Прострочено: 1 · Термін сьогодні: 0"
    assert window.windowTitle() == "Діловод — Шепетівська міська рада"
    tab = window.current_tab()
    tab.select_document(doc_id)
    qtbot.waitUntil(lambda: tab.current_id() == doc_id)
    row = tab.table.currentIndex().row()
    brush = tab.model.index(row, 2).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == "#f8d7da"
    assert tab.extend_action.isEnabled() and not tab.put_action.isEnabled()


def test_a_change_is_rechecked_and_the_title_follows(qtbot, filled_db):
    window = _window(qtbot, filled_db)
    assert window.tabs.tabText(1) == "Вхідні"
    _overdue(filled_db)
    tab = window.current_tab()
    tab.document_changed()  # what every dialog's accept leads to
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Вхідні (1)", timeout=3000)


def test_sort_by_clicking_a_header(qtbot, filled_db):
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    header = tab.table.horizontalHeader()
    column = [c.key for c in INCOMING.columns].index("correspondent_name")

    def click(section: int) -> None:
        pos = QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)
        with qtbot.waitSignal(tab.model.loaded):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    click(column)
    first = tab.model.row_data(0).correspondent_name
    assert tab.model.query.sort == "correspondent"
    click(column)
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert tab.model.query.descending == descending
    assert tab.model.row_data(0).correspondent_name != first
    assert header.sortIndicatorSection() == column

    unsortable = [c.sort for c in INCOMING.columns].index(None)
    pos = QPoint(header.sectionViewportPosition(unsortable) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert header.sortIndicatorSection() == column and tab.model.query.sort == "correspondent"


def test_filter_by_control_state_and_period(qtbot, keyboard, filled_db):
    _overdue(filled_db)
    _overdue(filled_db, days_ago=10)
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.count_label.text() == "Знайдено: 302")
    states = tab.filter_bar.state
    states.setCurrentIndex(states.findText("Прострочені"))
    qtbot.waitUntil(lambda: tab.count_label.text() == "Знайдено: 2")
    assert all(tab.model.row_data(r).state.value == "overdue" for r in range(2))
    states.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.count_label.text() == "Знайдено: 302")

    day = date.today() - timedelta(days=150)  # the first day of the sample: two letters
    tab.filter_bar.date_from.setFocus()
    keyboard.type(day.strftime("%d%m%Y"))
    tab.filter_bar.date_to.setFocus()  # leaving the field completes «ДДММРРРР»
    keyboard.type(day.strftime("%d.%m.%Y"))
    qtbot.waitUntil(lambda: tab.count_label.text() == "Знайдено: 2")
    assert tab.filter_bar.date_from.text() == day.strftime("%d.%m.%Y")
    tab.filter_bar.clear_button.click()
    qtbot.waitUntil(lambda: tab.count_label.text() == "Знайдено: 302")


def test_main_window_opens_and_closes_and_keeps_its_geometry(qtbot, office_db):
    window = _window(qtbot, office_db)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Файл", "&Довідники", "&Адміністрування", "Дові&дка"]
    assert window.current_tab().count_label.text() == "Знайдено: 0"
    window.resize(1000, 600)
    window.close()
    store = QSettings("Dilovod", "Dilovod")
    assert store.value("main/geometry") is not None
    assert store.value("registers/incoming/header") is not None


def _loaded_tab(qtbot, db) -> RegisterTab:
    tab = RegisterTab(db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.current_id() is not None)
    return tab


def test_enter_on_the_table_opens_the_selected_document(qtbot, keyboard, filled_db, monkeypatch):
    opened = []

    class FakeForm(QDialog):
        def __init__(self, db, spec, doc_id=None, parent=None) -> None:
            super().__init__(parent)
            self.saved = _Saved()
            opened.append((spec.code, doc_id))

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr("ui.dialogs.document_form.DocumentForm", FakeForm)
    tab = _loaded_tab(qtbot, filled_db)
    tab.table.setFocus()
    keyboard.press(Qt.Key.Key_Down)
    second = tab.current_id()
    keyboard.press(Qt.Key.Key_Return)
    assert opened == [("incoming", second)]
    rect = tab.table.visualRect(tab.model.index(0, 3))
    # a real double click: press and release, then the second press arrives as a double click
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 2 and opened[-1] == ("incoming", tab.model.row_data(0).id)


class _Saved:
    def connect(self, _slot) -> None:
        pass


def test_put_on_control_refreshes_the_row_and_rechecks(qtbot, filled_db, monkeypatch):
    calls = []

    class FakePutOnControl(QDialog):
        def __init__(self, db, doc_id, parent=None) -> None:
            super().__init__(parent)
            self.db, self.doc_id = db, doc_id

        def exec(self) -> int:
            control.put_on_control(self.db, self.doc_id, term=date.today() - timedelta(days=1))
            calls.append(self.doc_id)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.dialogs.control.PutOnControlDialog", FakePutOnControl)
    tab = _loaded_tab(qtbot, filled_db)
    doc_id = tab.current_id()
    assert tab.put_action.isEnabled() and not tab.remove_action.isEnabled()
    with qtbot.waitSignal(tab.changed):
        tab.put_action.trigger()
    assert calls == [doc_id]
    qtbot.waitUntil(lambda: tab.current_row().state.value == "overdue")
    assert tab.current_id() == doc_id  # the selection is kept
    assert tab.remove_action.isEnabled() and not tab.put_action.isEnabled()


def test_print_makes_the_pdf_in_the_background_and_previews_it(qtbot, filled_db, monkeypatch):
    import app.services.printouts as printouts

    made, shown = [], []
    monkeypatch.setattr(
        printouts, "stamp_pdf", lambda db, doc_id: made.append(doc_id) or b"%PDF-1.4 stamp"
    )

    class FakePreview(QDialog):
        def __init__(self, pdf, title, parent=None) -> None:
            super().__init__(parent)
            shown.append((pdf, title))

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.preview.PdfPreviewDialog", FakePreview)
    tab = _loaded_tab(qtbot, filled_db)
    row = tab.current_row()
    stamp = next(a for a in tab.doc_print_actions if a.text() == "Штамп реєстрації")
    stamp.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert made == [row.id]
    assert shown == [(b"%PDF-1.4 stamp", f"Штамп реєстрації — Вх. № {row.reg_number}")]
    assert tab.count_label.text() == "Знайдено: 300"


def test_journal_for_a_period_from_the_file_menu(qtbot, filled_db, monkeypatch):
    import app.services.printouts as printouts
    from ui.dialogs.period import PeriodDialog

    asked, shown = [], []
    monkeypatch.setattr(
        printouts,
        "journal_pdf",
        lambda db, spec, start, end, user="", series="": (
            asked.append((spec.code, start, end)) or b"%PDF journal"
        ),
    )
    monkeypatch.setattr(PeriodDialog, "exec", lambda self: QDialog.DialogCode.Accepted)

    class FakePreview(QDialog):
        def __init__(self, pdf, title, parent=None) -> None:
            super().__init__(parent)
            shown.append(title)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr("ui.preview.PdfPreviewDialog", FakePreview)
    window = _window(qtbot, filled_db)
    window.print_journal_action.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    today = date.today()
    assert asked == [("incoming", today.replace(day=1), today)]
    assert shown == ["Журнал реєстрації вхідних документів"]


def test_department_pickers_show_the_name_first_sorted_by_name(qtbot, keyboard, office_db):
    from app.services.reference import DepartmentInfo, save_department
    from ui.dialogs.reference_forms import CaseFileForm
    from ui.dialogs.reference_staff import StaffForm

    long_name = "Управління соціального захисту населення та у справах ветеранів війни"
    save_department(office_db, DepartmentInfo(None, long_name, "02-03"))
    save_department(office_db, DepartmentInfo(None, "Відділ освіти", "00-01"))
    expected = [
        "Відділ освіти (00-01)",
        "Загальний відділ (01-12)",
        "Управління праці (05-01)",
        f"{long_name} (02-03)",
    ]

    tab = RegisterTab(office_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    combo = tab.filter_bar.department
    # The lists are read once the first page is in (issue 10: the first screen has no ORM).
    qtbot.waitUntil(lambda: tab.filter_bar.reference_loaded)
    assert [combo.itemText(i) for i in range(1, combo.count())] == expected
    # A letter of the name jumps to it (the code first made «З» find nothing).
    combo.setFocus()
    keyboard.type("З")
    assert combo.currentText() == "Загальний відділ (01-12)"
    assert "Загальний відділ (01-12)" in combo.toolTip()
    # Wide enough for a usual name; a long one is cut in the middle, whole in the list.
    assert combo.minimumSizeHint().width() >= combo.fontMetrics().horizontalAdvance("x" * 16)
    assert combo.view().textElideMode() == Qt.TextElideMode.ElideMiddle
    assert combo.view().minimumWidth() >= combo.view().fontMetrics().horizontalAdvance(long_name)

    for form in (StaffForm(office_db), CaseFileForm(office_db)):
        qtbot.addWidget(form)
        picker = form.department
        assert [picker.itemText(i) for i in range(1, picker.count())] == expected


def _click_header(qtbot, tab, section: int) -> None:
    header = tab.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)
    with qtbot.waitSignal(tab.model.loaded):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: tab.model.row_data(0) is not None)


def test_sorting_by_a_header_starts_from_the_top(qtbot, filled_db):
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.resize(900, 400)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    middle = tab.model.index(150, 0)
    qtbot.waitUntil(lambda: tab.model.row_data(150) is not None)
    tab.table.setCurrentIndex(middle)
    tab.table.scrollTo(middle)
    assert tab.table.verticalScrollBar().value() > 0

    _click_header(qtbot, tab, [c.key for c in INCOMING.columns].index("correspondent_name"))
    assert tab.table.currentIndex().row() == 0
    assert tab.table.verticalScrollBar().value() == 0


def test_sorting_keeps_a_just_registered_document_in_view(qtbot, filled_db, monkeypatch):
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.resize(900, 400)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    doc = factories.incoming(filled_db, date.today(), correspondent="Ясинуватська громада")
    tab._on_registered(doc.id)  # as the registration card's «saved» does
    qtbot.waitUntil(lambda: tab.current_id() == doc.id)

    _click_header(qtbot, tab, [c.key for c in INCOMING.columns].index("correspondent_name"))
    qtbot.waitUntil(lambda: tab.current_id() == doc.id)
    row = tab.table.currentIndex().row()
    assert row > 0
    assert tab.table.viewport().rect().intersects(tab.table.visualRect(tab.model.index(row, 0)))
