"""The personnel tab in the real widgets: HR opens a file, hires, sends on vacation and
dismisses through the card; the table, the reminders and the report follow; a reader never
sees the tab; the staff tab says «звільнено», not «Анульовано»."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from app.domain import roles
from app.domain.roles import Actor
from app.reports.tables import ReportPeriod
from app.services import personnel as hr
from app.services.dialog_support import sign_in
from app.services.register_view import ViewQuery
from tests.personnel.helpers import hire, new_file, office, order

HR = Actor("kadry", frozenset({roles.HR}))


@pytest.fixture
def hr_db(sqlite_db):
    office(sqlite_db)
    return sqlite_db


def _tab(qtbot, db):
    from ui.registers.personnel_tab import PersonnelTab

    tab = PersonnelTab(db)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.model.loading)
    return tab


def test_hr_opens_a_file_hires_sends_on_vacation_and_dismisses(qtbot, hr_db):
    from ui.dialogs.personnel_card import PersonnelCard
    from ui.dialogs.personnel_event import EventDialog

    sign_in(HR)
    tab = _tab(qtbot, hr_db)
    assert tab.model.total == 3  # the staff list's people, files or not yet
    card = tab.card(None)
    assert isinstance(card, PersonnelCard)
    qtbot.addWidget(card)
    for key, value in {
        "personnel_number": "77",
        "surname": "Гнатюк",
        "given_name": "Ярина",
        "patronymic": "Олегівна",
        "birth_date": "01.02.1995",
    }.items():
        card.editors[key].set_value(value)
    card.editors["gender"].set_value("f")
    card._on_save()
    assert card.staff_id is not None and card.pages.currentIndex() == 1
    staff_id = card.staff_id
    number = order(hr_db, date(2025, 3, 3))
    dialog = EventDialog(hr_db, staff_id, None, card)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("hire"))
    dialog.day.setText("03.03.2025")
    dialog.detail.setCurrentText("як переможець конкурсу")
    dialog.post.setText("головний спеціаліст")
    dialog.department.setCurrentIndex(dialog.department.findText("Загальний відділ"))
    dialog.category.setValue(6)
    dialog.rank.setValue(5)  # not of the 6th category: refused, kept on the dialog
    dialog.order_number.setText(number)
    dialog.order_date.setText("03.03.2025")
    dialog._on_save()
    assert "Ранг 5" in dialog.error.text()
    dialog.rank.setValue(13)
    with qtbot.waitSignal(dialog.saved):
        dialog._on_save()
    card._load()
    assert card.history.rowCount() == 1
    assert card.history.item(0, 3).text() == f"№ {number} від 03.03.2025"
    vacation = EventDialog(hr_db, staff_id, None, card)
    qtbot.addWidget(vacation)
    vacation.kind.setCurrentIndex(vacation.kind.findData("vacation"))
    assert not vacation.post.isVisibleTo(vacation) and vacation.end.isVisibleTo(vacation)
    vacation.day.setText("07.07.2025")
    vacation.end.setText("20.07.2025")
    vacation.detail.setCurrentText("щорічна основна")
    with qtbot.waitSignal(vacation.saved):
        vacation._on_save()
    hr.save_event(
        hr_db, staff_id, hr.EventInput("dismissal", date(2025, 10, 1), detail="ст. 38 КЗпП"), HR
    )
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.total == 4)
    rows = [tab.model.row_data(r) for r in range(tab.model.total)]
    gnatiuk = next(r for r in rows if r.id == staff_id)
    col = [c.key for c in tab.spec.columns].index("state_label")
    row = rows.index(gnatiuk)
    assert tab.model.index(row, col).data(Qt.ItemDataRole.DisplayRole) == "звільнено 01.10.2025"


def test_a_reader_and_a_clerk_never_see_the_tab(qtbot, hr_db):
    from ui.registers.registry import entries

    entry = next(e for e in entries() if e.code == "personnel")
    assert entry.may_see(HR)
    assert not entry.may_see(Actor("clerk", frozenset({roles.CLERK})))
    assert not entry.may_see(Actor("reader", frozenset({roles.READER})))


def test_reminders_and_the_report_open_from_the_tab(qtbot, hr_db):
    from ui.dialogs.personnel_views import RemindersDialog, ReportDialog, build_report

    sign_in(HR)
    staff_id = new_file(hr_db)
    today = date.today()
    hire(hr_db, staff_id, today - timedelta(days=40))
    hr.save_event(
        hr_db, staff_id,
        hr.EventInput("probation", today - timedelta(days=40), today + timedelta(days=10),
                      "до 3 місяців"),
        HR,
    )  # fmt: skip
    opened: list[int] = []
    reminders = RemindersDialog(hr_db, opened.append)
    qtbot.addWidget(reminders)
    assert reminders.table.rowCount() >= 1
    assert "випробування" in reminders.table.item(0, 2).text()
    reminders.table.doubleClicked.emit(reminders.table.model().index(0, 0))
    assert opened == [staff_id]
    report = build_report(hr_db, ReportPeriod(date(today.year - 1, 1, 1), today))
    dialog = ReportDialog(hr_db, report)
    qtbot.addWidget(dialog)
    labels = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    row = labels.index("Призначено/прийнято")
    assert dialog.table.item(row, 1).text() == "1"
    behind = dialog.show_behind(row)
    assert behind is not None
    qtbot.addWidget(behind)
    assert [r[1] for r in dialog.behind(row)] == ["Ткачук Марія Іванівна"]


def test_the_staff_tab_says_left_not_cancelled(qtbot, hr_db):
    """The bug: «Стан» showed «Анульовано» for people who left."""
    from app.registers.staff import STAFF
    from app.services import staff_register
    from ui.models.register_model import RegisterModel

    people = staff_register.StaffView(hr_db, hr.ViewQuery("staff"), "hr").all_rows()
    left = people[0]
    values = staff_register.card_values(hr_db, left.id)
    staff_register.save_person(hr_db, left.id, {**values, "active": False}, "hr")
    model = RegisterModel(
        hr_db, STAFF, source=lambda d, q, u: staff_register.StaffView(d, q, user=u),
        may_read=staff_register.may_read,
    )  # fmt: skip
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    col = [c.key for c in STAFF.columns].index("state_label")
    shown = {model.row_data(r).id: model.index(r, col).data() for r in range(model.rowCount())}
    assert shown[left.id] == "звільнено"
    assert set(shown.values()) == {"звільнено", "працює"}


def test_the_personnel_dialogs_fit_the_laptop(qtbot, hr_db, monkeypatch):
    from PySide6.QtCore import QRect

    from ui import screen
    from ui.dialogs.personnel_card import PersonnelCard
    from ui.dialogs.personnel_event import EventDialog
    from ui.screen import LAPTOP_CLIENT

    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: QRect(0, 0, 1366, 728))
    staff_id = new_file(hr_db)
    hire(hr_db, staff_id, date(2025, 3, 3))
    values = hr.card_values(hr_db, staff_id, "hr")
    sign_in(HR)
    tab = _tab(qtbot, hr_db)
    for dialog in (
        PersonnelCard(hr_db, staff_id, values, False),
        EventDialog(hr_db, staff_id, hr.history(hr_db, staff_id, "hr")[0]),
        tab.import_dialog(),
    ):
        qtbot.addWidget(dialog)
        for size in (dialog.minimumSizeHint(), dialog.minimumSize(), dialog.sizeHint()):
            assert size.width() <= LAPTOP_CLIENT.width(), (type(dialog).__name__, size)
            assert size.height() <= LAPTOP_CLIENT.height(), (type(dialog).__name__, size)


def test_the_administrator_edits_the_lists_hr_picks_from(qtbot, hr_db):
    from ui.dialogs.reference import ReferenceDialog

    dialog = ReferenceDialog(hr_db)
    qtbot.addWidget(dialog)
    page = dialog.personnel
    assert dialog.tabs.isTabEnabled(dialog.tabs.indexOf(page))
    page.lists["dismissal"].setPlainText("п. 1 ст. 36 КЗпП (угода сторін)\nст. 41 КЗпП\n")
    page.ladder.setText("3:10; 5:15; 10:20; 15:25; 20:30; 25:50")
    page.cap.setValue(20)
    page._on_save()
    assert page.error.text() == ""
    assert hr.choice_list(hr_db, "dismissal") == ["п. 1 ст. 36 КЗпП (угода сторін)", "ст. 41 КЗпП"]
    assert hr.ladder(hr_db)[25] == 50 and hr.vacation_cap(hr_db) == 20
    page.ladder.setText("4:10")
    page._on_save()
    assert "пороги" in page.error.text()


def test_the_card_drafts_the_order_naming_the_person_in_the_right_case(qtbot, hr_db):
    from ui.dialogs.personnel_card import PersonnelCard

    staff_id = new_file(hr_db, "5", "Мельник", "m")
    hire(hr_db, staff_id, date(2025, 3, 3))
    hr.save_event(
        hr_db, staff_id,
        hr.EventInput("vacation", date(2025, 7, 7), date(2025, 7, 20), "щорічна основна"),
        HR,
    )  # fmt: skip
    card = PersonnelCard(hr_db, staff_id, hr.card_values(hr_db, staff_id, "hr"), False)
    qtbot.addWidget(card)
    card.history.selectRow(1)
    dialog = card._on_draft()
    assert dialog is not None
    qtbot.addWidget(dialog)
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert text.startswith("Про надання відпустки Мельнику П. І.")
    assert "Надати МЕЛЬНИКУ Петру Івановичу щорічну основну відпустку тривалістю 14" in text


def test_the_card_lists_the_persons_awards_for_a_user_who_may_read_them(qtbot, hr_db):
    """28.17: the «Відзнаки» page lists the awards register's entries of the person (date,
    kind, basis), read only; a user without the awards register does not get the page."""
    from app.registers import AWARDS
    from app.services import awards, documents
    from ui.dialogs.personnel_card import PersonnelCard

    staff_id = new_file(hr_db)  # Ткачук Марія Іванівна
    ids = []
    for kind in ("Подяка", "Почесна грамота"):
        raw = {"kind": kind, "recipient": "Ткачук Марія Іванівна", "summary": "за сумлінну працю",
               "occasion": "День Незалежності України"}  # fmt: skip
        doc = documents.register_document(
            hr_db, AWARDS, AWARDS.parse(raw), reg_date=date(2026, 8, 10)
        )
        ids.append(doc.id)
    granting = order(hr_db, date(2026, 8, 20), "нагородження")
    awards.grant(hr_db, ids[:1], granting)
    sign_in(HR)
    try:
        card = PersonnelCard(hr_db, staff_id, hr.card_values(hr_db, staff_id, "hr"), False)
        qtbot.addWidget(card)
        titles = [card.pages.tabText(i) for i in range(card.pages.count())]
        assert "Відзнаки" in titles and card.pages.isTabEnabled(titles.index("Відзнаки"))
        assert card.awards is not None and card.awards.rowCount() == 2
        rows = [[card.awards.item(r, c).text() for c in range(3)] for r in range(2)]
        assert rows[0] == ["20.08.2026", "Подяка", f"Розпорядження № {granting} від 20.08.2026"]
        assert rows[1][0] == "—" and rows[1][1] == "Почесна грамота"
        assert rows[1][2].endswith("(ще без розпорядження)")
        assert card.awards.editTriggers() == card.awards.EditTrigger.NoEditTriggers
        sign_in(Actor("clerk", frozenset({roles.CLERK})))
        other = PersonnelCard(hr_db, None, None, True)
        qtbot.addWidget(other)
        assert other.awards is None
        assert "Відзнаки" not in [other.pages.tabText(i) for i in range(other.pages.count())]
    finally:
        sign_in(None)


IMPORT_HEADER = (
    "Табельний номер;Прізвище;Ім'я;По батькові;Стать;Вид запису;Дата;Підстава;Посада;"
    "Виконавчий орган;Категорія;Ранг\n"
)


def test_hr_imports_a_file_from_the_tab_after_seeing_its_problems(qtbot, hr_db, tmp_path):
    sign_in(HR)
    tab = _tab(qtbot, hr_db)
    assert tab.import_action.text() == "Імпорт з таблиці…"
    bad = tmp_path / "kadry.csv"
    bad.write_text(
        IMPORT_HEADER
        + "801;Гнатюк;Ярина;;ж;Призначення;01.03.2024;;спеціаліст;Загальний відділ;7;15\n"
        + "802;Олійник;Петро;;ч;Призначення;31.02.2024;;спеціаліст;Загальний відділ;7;15\n",
        encoding="utf-8-sig",
    )
    dialog = tab.import_dialog()
    qtbot.addWidget(dialog)
    dialog.check_file(str(bad))
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.problems.rowCount() >= 1
    cells = [dialog.problems.item(0, c).text() for c in range(3)]
    assert cells[:2] == ["3", "Дата"]
    assert "Базу даних не змінено" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert hr.PersonnelView(hr_db, ViewQuery("personnel", search="гнатюк"), "hr").all_rows() == []

    good = tmp_path / "kadry2.csv"
    good.write_text(bad.read_text(encoding="utf-8-sig").replace("31.02.2024", "28.02.2024"),
                    encoding="utf-8-sig")  # fmt: skip
    dialog.check_file(str(good))
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.problems.rowCount() == 0 and dialog.error.text() == ""
    assert "Перевірено записів: 2" in dialog.status.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.imported is not None
    assert "з них нових: 2" in dialog.status.text()
    rows = hr.PersonnelView(hr_db, ViewQuery("personnel", search="олійник"), "hr").all_rows()
    assert [r.personnel_number for r in rows] == ["802"]


def test_an_unreadable_file_is_named_in_the_import_dialog(qtbot, hr_db, tmp_path):
    sign_in(HR)
    tab = _tab(qtbot, hr_db)
    dialog = tab.import_dialog()
    qtbot.addWidget(dialog)
    dialog.check_file(str(tmp_path / "немає.csv"))
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.error.text().startswith("Файл не імпортовано")
    assert not dialog.import_button.isEnabled()


def test_the_vacation_schedule_is_previewed_from_the_tab(qtbot, hr_db, monkeypatch):
    import io

    from pypdf import PdfReader

    from ui import preview

    sign_in(HR)
    staff_id = new_file(hr_db)
    hire(hr_db, staff_id, date(2025, 3, 3))
    shown: list[bytes] = []
    monkeypatch.setattr(preview.PdfPreviewDialog, "exec", lambda self: shown.append(self._pdf))
    tab = _tab(qtbot, hr_db)
    assert tab.vacations_action.text() == "Графік відпусток…"
    tab.print_vacations(2026)
    qtbot.waitUntil(lambda: bool(shown))
    text = PdfReader(io.BytesIO(shown[0])).pages[0].extract_text()
    assert "Графік відпусток на 2026 рік" in text and "Ткачук Марія Іванівна" in text


def test_the_card_previews_the_inventory_of_the_file(qtbot, hr_db, monkeypatch):
    import io

    from pypdf import PdfReader

    from ui import preview
    from ui.dialogs.personnel_card import PersonnelCard

    sign_in(HR)
    staff_id = new_file(hr_db)
    hire(hr_db, staff_id, date(2025, 3, 3))
    shown: list[bytes] = []
    monkeypatch.setattr(preview.PdfPreviewDialog, "exec", lambda self: shown.append(self._pdf))
    card = PersonnelCard(hr_db, staff_id, hr.card_values(hr_db, staff_id, "hr"), False)
    qtbot.addWidget(card)
    assert card.inventory_button.isEnabled()
    card.inventory_button.click()
    text = PdfReader(io.BytesIO(shown[0])).pages[0].extract_text()
    assert "Внутрішній опис документів особової справи № 101" in text
    assert "Копія розпорядження" in text
