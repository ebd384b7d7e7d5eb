"""The household books' tab and the object's card in real widgets (offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.domain.roles import STAROSTA, Actor
from app.services import household_view as hv
from app.services.dialog_support import sign_in
from tests.households_data import build
from ui.dialogs.household_card import HouseholdCard, MemberDialog, _cell
from ui.registers.household_tab import HouseholdTab


def _tab(qtbot, db) -> HouseholdTab:
    tab = HouseholdTab(db)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    return tab


def test_the_tab_lists_and_searches_objects(qtbot, sqlite_db):
    books = build(sqlite_db)
    tab = _tab(qtbot, sqlite_db)
    assert tab.model.rowCount() == 3
    assert not tab.filter_bar.department.isVisible()
    heads = {tab.model.index(r, 2).data() for r in range(3)}
    assert "Д’яченко Мар’яна Ігорівна" in heads
    tab.filter_bar.search.setText("дʼяченко")
    tab.filter_bar._on_search_now()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() == 1)
    assert tab.model.document_id(0) == books.maryana


def test_a_starosta_sees_only_the_district(qtbot, sqlite_db):
    build(sqlite_db)
    sign_in(Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР"))
    tab = _tab(qtbot, sqlite_db)
    assert tab.model.rowCount() == 2
    assert {tab.model.index(r, 0).data() for r in range(2)} == {"Прилуцький"}


def test_the_card_adds_a_member_records_a_death_and_a_year(qtbot, sqlite_db, monkeypatch):
    books = build(sqlite_db)
    card = HouseholdCard(sqlite_db, books.petrenko, False)
    qtbot.addWidget(card)
    assert card.members.rowCount() == 2
    assert card.head_label.text() == "Петренко Микола Іванович"

    def fill(dialog: MemberDialog) -> int:
        dialog.surname.setText("Петренко")
        dialog.given.setText("Олег")
        dialog.birth.setText("02.01.1990")
        dialog.relation.setText("син")
        dialog._on_accept()
        return dialog.result()

    monkeypatch.setattr(MemberDialog, "exec", fill)
    card._on_add_member()
    assert card.members.rowCount() == 3
    # The head dies: dated, kept, greyed.
    row = next(r for r in range(3) if card.members.item(r, 0).text().startswith("Петренко Микола"))
    card.members.selectRow(row)
    card.left_date.setText("10.03.2026")
    card._on_member_left("died")
    assert card.message.text() == ""
    assert card.members.rowCount() == 3
    died = next(r for r in range(3) if card.members.item(r, 6).text() == "помер 10.03.2026")
    assert card.members.item(died, 0).foreground().color() == Qt.GlobalColor.gray
    # The yearly sections, as of 1 January.
    card.year.setValue(2026)
    table = card.section_tables["land"]
    table.item(0, 1).setText("0,45")
    card.section_tables["livestock"].item(6, 1).setText("abc")
    card._on_save_year(False)
    assert "не число" in card.message.text()
    card.section_tables["livestock"].item(6, 1).setText("25")
    card._on_save_year(True)
    assert card.message.text() == ""
    stored = hv.load_card(sqlite_db, books.petrenko, log=False).year(2026)
    assert str(stored.holdings["land"]["osg"]) in ("0.45", "0.4500")
    assert stored.holdings["livestock"]["poultry"] == 25
    assert stored.confirmed_on == date.today()
    # The next year starts from this one's data, not yet confirmed.
    card.year.setValue(2027)
    assert "не підтверджено за цей рік (показано дані станом на 1 січня 2026" in (
        card.confirmed.text()
    )
    assert _cell(card.section_tables["livestock"], 6, 1).text() == "25"
    # Work on the object.
    card.event_kind.setCurrentIndex(card.event_kind.findData("visit"))
    card.event_day.setText("05.02.2026")
    card._on_add_event()
    assert card.events.rowCount() == 1 and card.events.item(0, 1).text() == "обхід"


def test_a_new_object_from_the_card(qtbot, sqlite_db):
    build(sqlite_db)
    card = HouseholdCard(sqlite_db, None, False)
    qtbot.addWidget(card)
    assert not card.tabs.isTabEnabled(1)
    card.district.setCurrentIndex(card.district.findText("Заборольський"))
    card.kind.setCurrentIndex(card.kind.findData("land"))
    card.street.setText("урочище Гай")
    card._on_save_title()
    assert card.object_id is not None and card.message.text() == ""
    assert card.tabs.isTabEnabled(1)
    assert hv.load_card(sqlite_db, card.object_id, log=False).account == 2


def test_a_starosta_card_refuses_another_district(qtbot, sqlite_db):
    books = build(sqlite_db)
    sign_in(Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР"))
    card = HouseholdCard(sqlite_db, books.petrenko, False)
    qtbot.addWidget(card)
    assert [card.district.itemText(i) for i in range(card.district.count())] == ["Прилуцький"]


def test_the_card_issues_a_certificate(qtbot, sqlite_db, monkeypatch):
    books = build(sqlite_db)
    card = HouseholdCard(sqlite_db, books.kovalchuk, False)
    qtbot.addWidget(card)
    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr(card, "show_pdf", lambda title, pdf: shown.append((title, pdf)))
    card.tabs.setCurrentIndex(card.tabs.count() - 1)
    card.cert_kind.setCurrentIndex(card.cert_kind.findData("residents"))
    card.cert_purpose.setText("за місцем вимоги")
    card._on_issue()
    assert card.message.text() == ""
    assert shown and shown[0][0].startswith("Довідка № ПР-1/") and shown[0][1][:4] == b"%PDF"
    assert card.certificates.rowCount() == 1


def test_the_card_prints_the_book_page(qtbot, sqlite_db, monkeypatch):
    import io

    from pypdf import PdfReader

    from ui import tasks

    books = build(sqlite_db)
    card = HouseholdCard(sqlite_db, books.petrenko, False)
    qtbot.addWidget(card)
    assert card.print_page.isEnabled()
    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr(card, "show_pdf", lambda title, pdf: shown.append((title, pdf)))
    card.print_page.click()
    qtbot.waitUntil(lambda: tasks.pending() == 0 and bool(shown), timeout=20000)
    title, pdf = shown[0]
    assert title == "ПОГОСПОДАРСЬКА КНИГА № 1 на 2026–2030 роки, особовий рахунок № 1"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Петренко Ганна Петрівна дружина ж 01.07.1964" in text
    assert card.print_page.isEnabled()
    new = HouseholdCard(sqlite_db, None, False)
    qtbot.addWidget(new)
    assert not new.print_page.isEnabled()


def _exchange_pair(sqlite_db, tmp_path):
    from app.services import household_exchange as ex
    from db.session import Database

    books = build(sqlite_db)
    ex.make_copy(sqlite_db, "ПР", tmp_path / "pr.sqlite")
    return books, Database(str(tmp_path / "pr.sqlite"))


def _finish(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)


def test_the_exchange_dialog_round(qtbot, sqlite_db, tmp_path):
    from app.services import households as hh
    from ui.dialogs.household_exchange import ExchangeDialog

    books, copy = _exchange_pair(sqlite_db, tmp_path)
    hh.add_event(copy, books.petrenko, "visit", date(2026, 2, 1))
    in_copy = ExchangeDialog(copy)
    qtbot.addWidget(in_copy)
    assert "ПР" in in_copy.findChildren(type(in_copy.outcome))[0].text()
    in_copy.password.setText("short")
    in_copy.export_to(str(tmp_path / "x.dlvx"))
    _finish(qtbot, in_copy)
    assert "щонайменше" in in_copy.message.text()
    assert not (tmp_path / "x.dlvx").exists()
    in_copy.password.setText("пароль-старости")
    with qtbot.waitSignal(in_copy.finished_work, timeout=20000) as signal:
        in_copy.export_to(str(tmp_path / "pr.dlvx"))
    assert signal.args == [True] and "записано" in in_copy.outcome.text()
    at_centre = ExchangeDialog(sqlite_db)
    qtbot.addWidget(at_centre)
    at_centre.password.setText("інший-пароль")
    at_centre.import_from(str(tmp_path / "pr.dlvx"))
    _finish(qtbot, at_centre)
    assert at_centre.message.text() == ("Неправильний пароль файлу обміну. Базу даних не змінено.")
    assert not at_centre.imported
    at_centre.password.setText("пароль-старости")
    at_centre.import_from(str(tmp_path / "pr.dlvx"))
    _finish(qtbot, at_centre)
    assert at_centre.imported and at_centre.message.text() == ""
    assert "записів 1" in at_centre.outcome.text()
    at_centre.import_from(str(tmp_path / "nothing.dlvx"))
    _finish(qtbot, at_centre)
    assert at_centre.message.text() == "Файлу «nothing.dlvx» немає. Базу даних не змінено."
    copy.dispose()


def test_the_exchange_runs_on_a_worker_and_the_window_stays_responsive(
    qtbot, sqlite_db, tmp_path, monkeypatch
):
    """While the file is applied the GUI thread keeps serving events; the bar shows the stage,
    the buttons wait, the window does not close under the running import."""
    import threading

    from PySide6.QtCore import QTimer

    from app.services import household_exchange as ex
    from app.services import households as hh
    from ui.dialogs.household_exchange import ExchangeDialog

    books, copy = _exchange_pair(sqlite_db, tmp_path)
    hh.add_event(copy, books.petrenko, "visit", date(2026, 2, 1))
    data, _ = ex.export_changes(copy, "пароль-старости")
    (tmp_path / "pr.dlvx").write_bytes(data)
    release, entered = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []
    real = ex.prepare_import

    def slow(db, blob, password, progress=None):
        threads.append(threading.current_thread())
        progress(15, "Розшифрування…")
        entered.set()
        assert release.wait(20)
        return real(db, blob, password, progress)

    monkeypatch.setattr(ex, "prepare_import", slow)
    dialog = ExchangeDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("пароль-старости")
    dialog.import_from(str(tmp_path / "pr.dlvx"))
    assert entered.wait(20)
    ticks: list[int] = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1] and dialog.stage.text() == "Розшифрування…")
    assert dialog.running and dialog.progress.isVisible() and dialog.progress.value() == 15
    assert not dialog.import_button.isEnabled() and not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    release.set()
    _finish(qtbot, dialog)
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.imported and "записів 1" in dialog.outcome.text()
    assert dialog.import_button.isEnabled() and not dialog.progress.isVisible()
    copy.dispose()


def test_a_failed_import_in_the_window_changes_nothing(qtbot, sqlite_db, tmp_path):
    """A file that breaks on its last table is refused whole: the rows before it are not kept."""
    from sqlalchemy import func, select

    from app.services import household_exchange as ex
    from app.services import households as hh
    from db.models import HouseholdEvent, HouseholdMember
    from ui.dialogs.household_exchange import ExchangeDialog

    books, copy = _exchange_pair(sqlite_db, tmp_path)
    card_members = hh.MemberInfo(None, "Петренко", "Олег", "Миколайович", "m", relation="син")
    hh.add_member(copy, books.petrenko, card_members)
    hh.add_event(copy, books.petrenko, "visit", date(2026, 2, 1))
    data, _ = ex.export_changes(copy, "пароль-старости")
    header = {k: v for k, v in ex.read_header(data).items() if k not in ("sha256", "length")}
    _h, body = ex.unseal(data, "пароль-старости")
    assert body["tables"]["hh_member"] and body["tables"]["hh_event"]
    body["tables"]["hh_event"][0]["day"] = "31.02.2026"
    (tmp_path / "bad.dlvx").write_bytes(ex.seal(header, body, "пароль-старости"))

    def counts() -> tuple[int, int]:
        with sqlite_db.read() as s:
            return (
                s.execute(select(func.count()).select_from(HouseholdMember)).scalar_one(),
                s.execute(select(func.count()).select_from(HouseholdEvent)).scalar_one(),
            )

    before = counts()
    dialog = ExchangeDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.password.setText("пароль-старости")
    dialog.import_from(str(tmp_path / "bad.dlvx"))
    _finish(qtbot, dialog)
    assert dialog.message.text() == (
        "Таблиця «hh_event», рядок 1: поле «day» має неправильне значення. Базу даних не змінено."
    )
    assert counts() == before and not dialog.imported
    copy.dispose()


def _conflicting_file(sqlite_db, tmp_path):
    from app.services import household_exchange as ex
    from tests.services.test_household_conflicts import _both_sides_change

    books, copy = _exchange_pair(sqlite_db, tmp_path)
    _both_sides_change(sqlite_db, copy, books)
    data, _ = ex.export_changes(copy, "пароль-старости")
    (tmp_path / "pr.dlvx").write_bytes(data)
    return books, copy, data


def test_the_conflict_screen_shows_both_versions_and_waits_for_a_decision(
    qtbot, sqlite_db, tmp_path
):
    from app.services import household_conflicts as hc
    from app.services import household_exchange as ex
    from ui.dialogs.household_conflicts import ConflictDialog

    _books, copy, data = _conflicting_file(sqlite_db, tmp_path)
    plan = ex.prepare_import(sqlite_db, data, "пароль-старости")
    dialog = ConflictDialog(plan.conflicts, "центр", "копія округу ПР")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.records.count() == 1
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Поле", "Наше — центр", "Їхнє — копія округу ПР"]
    assert dialog.differing_cells() == [
        ("Вулиця", "вул. Тараса Шевченка", "вул. Шевченка"),
        ("Будинок", "12", "12а"),
        ("Площа, га / кількість", "0.5", "0.45"),
    ]
    same = [
        dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
        if dialog.table.item(r, 1) is not None
    ]
    assert "Прилуки" in same  # the unchanged fields are shown too, not highlighted
    assert not dialog.apply_button.isEnabled() and "Не вирішено: 1 з 1" in dialog.left.text()
    dialog.keep_ours.click()
    assert dialog.apply_button.isEnabled()
    assert dialog.decisions() == {plan.conflicts[0].key: hc.KEEP_OURS}
    assert "залишено наше" in dialog.records.item(0).text()
    dialog.all_theirs.click()
    assert dialog.decisions() == {plan.conflicts[0].key: hc.TAKE_THEIRS}
    assert dialog.take_theirs.isChecked() and not dialog.keep_ours.isChecked()
    copy.dispose()


def test_the_exchange_window_applies_a_conflicting_file_only_when_decided(
    qtbot, sqlite_db, tmp_path, monkeypatch
):
    from app.services import household_conflicts as hc
    from db.models import HouseholdObject
    from ui.dialogs.household_exchange import ExchangeDialog

    books, copy, _data = _conflicting_file(sqlite_db, tmp_path)

    def street() -> str:
        with sqlite_db.read() as s:
            return s.get(HouseholdObject, books.petrenko).street

    dialog = ExchangeDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.password.setText("пароль-старости")
    asked = []
    monkeypatch.setattr(dialog, "resolve", lambda plan: asked.append(plan) or None)
    dialog.import_from(str(tmp_path / "pr.dlvx"))
    _finish(qtbot, dialog)
    assert len(asked) == 1 and len(asked[0].conflicts) == 1
    assert dialog.outcome.text() == "Файл не застосовано: нічого не змінено."
    assert street() == "вул. Тараса Шевченка" and not dialog.imported
    monkeypatch.setattr(
        dialog, "resolve", lambda plan: {c.key: hc.TAKE_THEIRS for c in plan.conflicts}
    )
    dialog.import_from(str(tmp_path / "pr.dlvx"))
    qtbot.waitUntil(lambda: dialog.imported, timeout=20000)
    _finish(qtbot, dialog)
    assert "розбіжностей вирішено: 1" in dialog.outcome.text()
    assert street() == "вул. Шевченка"
    copy.dispose()


def test_districts_and_books_from_the_window(qtbot, sqlite_db):
    from app.services import households as hh
    from ui.dialogs.household_districts import DistrictsDialog

    dialog = DistrictsDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.code.setText("БГ")
    dialog.name.setText("Боголюбський")
    dialog.starosta.setText("Ганна Лисенко")
    dialog.settlements.setText("Боголюби, Тарасове")
    dialog._on_save()
    assert dialog.message.text() == "" and dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    dialog._on_open_book()
    assert dialog.message.text() == ""
    assert "Книга № 1 (2026–2030)" in dialog.books_label.text()
    dialog.book_number.setValue(1)
    dialog._on_open_book()
    assert "уже є" in dialog.message.text()
    district = hh.list_districts(sqlite_db)[0]
    assert [n for _i, n in district.settlements] == ["Боголюби", "Тарасове"]
    # A starosta opens books of their district but cannot change the reference list.
    sign_in(Actor("lysenko", frozenset({STAROSTA}), "Ганна Лисенко", district="БГ"))
    mine = DistrictsDialog(sqlite_db)
    qtbot.addWidget(mine)
    assert not mine.save_button.isEnabled() and mine.open_button.isEnabled()


def test_the_reports_in_the_window(qtbot, sqlite_db, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from app.services import households as hh
    from ui.dialogs.household_report import HouseholdReportDialog

    books = build(sqlite_db)
    hh.add_event(sqlite_db, books.maryana, "visit", date.today())
    tab = _tab(qtbot, sqlite_db)
    shown: list[HouseholdReportDialog] = []
    monkeypatch.setattr(HouseholdReportDialog, "exec", lambda self: shown.append(self) or 0)
    from ui.dialogs.period import PeriodDialog

    monkeypatch.setattr(PeriodDialog, "exec", lambda self: PeriodDialog.DialogCode.Accepted)
    tab.ask_completeness()
    dialog = shown[-1]
    assert dialog.table.horizontalHeaderItem(1).text() == "Заборольський"
    assert dialog.table.item(0, 1).text() == "1"
    out = tmp_path / "повнота.xlsx"
    assert dialog.save_to(str(out))
    assert load_workbook(out).active.cell(2, 2).value == 1
    tab.ask_form6()
    assert shown[-1].table.item(0, 0).text() == "Кількість об'єктів погосподарського обліку"


def test_certificate_templates_from_the_window(qtbot, sqlite_db):
    from app.services import household_certificates as certs
    from ui.dialogs.household_templates import TemplatesDialog

    books = build(sqlite_db)
    dialog = TemplatesDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("land"))
    assert "{земля}" in dialog.body.toPlainText()
    dialog.body.setPlainText("Земля: {земля}; {прізвище}")
    dialog._on_save()
    assert "Невідомі поля шаблону: прізвище" in dialog.message.text()
    dialog.title.setText("про землю в користуванні")
    dialog.body.setPlainText("Земля об'єкта {адреса}: {земля}")
    dialog._on_save()
    assert dialog.message.text() == ""
    assert dialog.kind.currentText() == "про землю в користуванні"
    issued = certs.issue(sqlite_db, books.petrenko, "land", day=date(2026, 3, 1))
    assert issued.title == "ДОВІДКА про землю в користуванні"
    assert issued.body.startswith("Земля об'єкта с. Прилуки")
    sign_in(Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР"))
    mine = TemplatesDialog(sqlite_db)
    qtbot.addWidget(mine)
    assert not mine.save_button.isEnabled()
