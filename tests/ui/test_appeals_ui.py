"""The «Звернення громадян» card driven as a clerk would: classifier lists offered, authors and
topics typed into their tables, registered on control with the term of ст. 20."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QTableWidgetItem

from app.registers import APPEALS, INFO_REQUESTS
from app.services.register_view import RegisterView, ViewQuery
from ui.dialogs.document_form import DocumentForm


def _choose(qtbot, form, key: str, text: str) -> None:
    combo = form.editors[key].widget
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(lambda: combo.findText(text) >= 0)
    combo.setCurrentIndex(combo.findText(text))


def test_the_card_registers_an_appeal_on_control(qtbot, office_db):
    form = DocumentForm(office_db, APPEALS)
    qtbot.addWidget(form)
    form.show()
    authors = form.editors["applicants"].widget
    authors.setItem(0, 0, QTableWidgetItem("Петренко"))  # type: ignore[attr-defined]
    authors.setItem(0, 1, QTableWidgetItem("Ганна"))  # type: ignore[attr-defined]
    authors.setItem(0, 6, QTableWidgetItem("Учасник бойових дій"))  # type: ignore[attr-defined]
    _choose(qtbot, form, "received_way", "На особистому прийомі")
    _choose(qtbot, form, "sign", "Первинне")
    _choose(qtbot, form, "appeal_type", "Скарга")
    _choose(qtbot, form, "subject", "Індивідуальне")
    _choose(qtbot, form, "form", "Усне")
    form.editors["summary"].set_value("Про освітлення вулиці")
    topics = form.editors["topics"].widget
    topics.setItem(0, 0, QTableWidgetItem("Комунальне господарство"))  # type: ignore[attr-defined]
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    [row] = RegisterView(office_db, ViewQuery("appeals")).all_rows()
    assert row.author_name == "Петренко Г."
    assert row.privileged is True
    assert row.on_control and row.due_date is not None
    assert row.topics_text == "Комунальне господарство"


def test_a_value_outside_the_classifier_keeps_the_card(qtbot, office_db):
    form = DocumentForm(office_db, INFO_REQUESTS)
    qtbot.addWidget(form)
    form.show()
    form.editors["requester"].set_value("Іваненко Петро")
    form.editors["received_way"].set_value("Голубиною поштою")
    form.editors["summary"].set_value("Бюджет міста на 2026 рік")
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(form.fields.errors["received_way"].text()))
    assert "класифікатор" in form.fields.errors["received_way"].text()
    assert form.registered is None
    form._modified = False


def test_the_statistics_are_shown_for_a_quarter_and_saved(qtbot, office_db, tmp_path):
    from datetime import date

    from pypdf import PdfReader

    from app.reports.appeals import appeals_report
    from tests import factories
    from ui.dialogs.table_report import TableReportDialog

    factories.appeal(office_db, date(2026, 2, 2))
    dialog = TableReportDialog(office_db, "Статистика", appeals_report)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)  # квартал
    dialog.date_from.set_date(date(2026, 2, 15))
    dialog.kind.setCurrentIndex(0)  # місяць: лютий
    assert (dialog.date_from.text(), dialog.date_to.text()) == ("01.02.2026", "28.02.2026")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.model.item(0, 0).text() == "Надійшло звернень — усього"
    assert dialog.model.item(0, 3).text() == "1"
    path = tmp_path / "stat.pdf"
    dialog.save_to(str(path))
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Збережено"))
    assert "Статистика звернень громадян" in PdfReader(path).pages[0].extract_text()


def test_an_administrator_ends_an_item_and_adds_its_new_wording(qtbot, office_db):
    from datetime import date

    from app.services.classifier import titles_on
    from ui.dialogs.reference_classifier import ClassifierTab

    tab = ClassifierTab(office_db)
    qtbot.addWidget(tab)
    tab.lists.setCurrentIndex(tab.lists.findData("type"))
    assert tab.model.rowCount() == 3
    tab.table.selectRow(2)  # Скарга
    assert tab.title.text() == "Скарга"
    tab.valid_to.set_date(date(2024, 5, 31))
    tab.save_button.click()
    assert tab.error.text() == ""
    tab.new_button.click()
    tab.code.setText("3.3")
    tab.title.setText("Скарга (оскарження рішення)")
    tab.valid_from.set_date(date(2024, 6, 1))
    tab.save_button.click()
    assert tab.error.text() == ""
    assert "Скарга" in titles_on(office_db, "type", date(2024, 5, 31))
    assert titles_on(office_db, "type", date(2024, 6, 1))[-1] == "Скарга (оскарження рішення)"
    assert "Скарга" not in titles_on(office_db, "type", date(2024, 6, 1))


def test_the_subsistence_minimum_for_copying_is_set_in_the_settings_tab(qtbot, office_db):
    from datetime import date

    from app.services import documents
    from app.services.details import get_document
    from ui.dialogs.reference_settings import SettingsTab

    tab = SettingsTab(office_db)
    qtbot.addWidget(tab)
    assert tab.subsistence.value() == 3328
    tab.subsistence.setValue(3028)
    tab.save_button.click()
    assert tab.status.text() == "Налаштування збережено."
    raw = {"requester": "Іван Петренко", "received_way": "Поштою", "summary": "Копії", "pages": 11}
    done = documents.register_document(
        office_db, INFO_REQUESTS, INFO_REQUESTS.parse(raw), reg_date=date(2026, 3, 4)
    )
    assert get_document(office_db, done.id).values["copy_cost"] == "6,06 грн"


def test_the_information_requests_tab_offers_its_statistics(qtbot, office_db, monkeypatch):
    from datetime import date

    from app.services import documents
    from ui.dialogs import table_report
    from ui.registers.register_tab import RegisterTab

    raw = {"requester": "Іван Петренко", "requester_kind": "Фізична особа",
           "received_way": "Поштою", "summary": "Копії рішень"}  # fmt: skip
    documents.register_document(
        office_db, INFO_REQUESTS, INFO_REQUESTS.parse(raw), reg_date=date.today()
    )
    tab = RegisterTab(office_db, INFO_REQUESTS)
    qtbot.addWidget(tab)
    action = tab.document_actions.statistics_action
    assert action is not None and action.text() == "Статистика за період…"
    shown: list[table_report.TableReportDialog] = []

    def fake_exec(dialog):
        dialog.show_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
        shown.append(dialog)
        return 0

    monkeypatch.setattr(table_report.TableReportDialog, "exec", fake_exec)
    action.trigger()
    [dialog] = shown
    assert dialog.model.item(0, 0).text() == "Надійшло запитів — усього"
    assert dialog.model.item(0, 3).text() == "1"
