"""The «Нагородження» tab driven as the HR officer would: a petition entered on its card sees
the warnings and the recipient's earlier awards, the selected petitions are granted by one
order and their certificates printed; the kinds' dialog saves an edited rule; every awards
dialog fits the 1366×768 laptop."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.registers import AWARDS, ORDERS
from app.services import awards, documents
from app.services.details import load_document
from tests.ui.test_screen_fit import _fits
from ui import screen
from ui.dialogs.award_dialogs import AwardKindsDialog, CertificatesDialog
from ui.dialogs.document_form import DocumentForm
from ui.dialogs.table_report import TableReportDialog
from ui.registers.awards_tab import AwardsTab


@pytest.fixture
def warnings_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every warning box is read and answered «Зареєструвати все одно»."""
    seen: list[str] = []

    def exec_(box: QMessageBox) -> int:
        seen.append(box.text())
        return 0

    def clicked(box: QMessageBox):  # type: ignore[no-untyped-def]
        return next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        )

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", clicked)
    return seen


def _order(db, day: date):
    values = ORDERS.parse({"series": "main", "title": "Про нагородження"})
    return documents.register_document(db, ORDERS, values, reg_date=day)


def _petition(db, recipient: str, day: date):
    raw = {"kind": "Подяка", "recipient": recipient, "summary": "за сумлінну працю",
           "occasion": "День Незалежності України", "years_of_work": "4"}  # fmt: skip
    return documents.register_document(db, AWARDS, AWARDS.parse(raw), reg_date=day)


def test_a_petition_on_the_card_shows_the_rules_and_earlier_awards(qtbot, office_db, warnings_seen):
    earlier = _petition(office_db, "Мельник Іван Іванович", date(2025, 8, 1))
    awards.grant(office_db, [earlier.id], _order(office_db, date(2025, 8, 20)).reg_number)
    form = DocumentForm(office_db, AWARDS)
    qtbot.addWidget(form)
    form.show()
    form.editors["kind"].set_value("Подяка")
    form.editors["recipient"].set_value("Мельник Іван Іванович")
    form.editors["summary"].set_value("за сумлінну працю")
    form.editors["petition_date"].set_value(date.today().strftime("%d.%m.%Y"))
    form.editors["ceremony_date"].set_value(date.today().strftime("%d.%m.%Y"))
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    text = "\n".join(warnings_seen)
    assert "менш ніж за 7 днів до вручення" in text
    assert "повторно — не раніше ніж через 2 р." in text
    assert "20.08.2025 — Подяка, розп. № 1-р" in text
    values = load_document(office_db, form.registered.id).values
    assert values["sex"] == "чоловіча"


def test_the_tab_grants_the_selection_by_one_order_and_prints_it(qtbot, office_db, monkeypatch):
    ids = [_petition(office_db, n, date(2026, 8, 10)).id
           for n in ("Мельник Іван Іванович", "Коваль Олена Петрівна")]  # fmt: skip
    number = _order(office_db, date(2026, 8, 20)).reg_number
    tab = AwardsTab(office_db)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() == 2)
    tab.select_document(ids[0])
    qtbot.waitUntil(lambda: tab.history.text() != "")
    assert tab.history.text() == "Інших відзнак у Мельника Івана Івановича немає"
    tab.table.selectAll()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (number, True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    tab.grant_action.trigger()
    assert [load_document(office_db, i).values["granted_by"] for i in ids] == [(number,)] * 2
    later = _petition(office_db, "Коваль Олена Петрівна", date(2026, 9, 1))
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() == 3)
    tab.select_document(later.id)
    qtbot.waitUntil(lambda: "Інші відзнаки" in tab.history.text())
    assert tab.history.text().startswith("Інші відзнаки Коваль Олени Петрівни: 20.08.2026")
    assert f"Подяка, розп. № {number}" in tab.history.text()
    dialog = CertificatesDialog(2)
    qtbot.addWidget(dialog)
    dialog.start.setValue(2)
    dialog.preview.setChecked(True)
    assert dialog.options() == {"start": 2, "limit": 3}


def test_the_kinds_dialog_saves_an_edited_rule(qtbot, office_db, monkeypatch):
    dialog = AwardKindsDialog(office_db)
    qtbot.addWidget(dialog)
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    dialog.list.setCurrentRow(titles.index("Подяка"))
    dialog.repeat_years.setValue(4)
    dialog.occasions.setPlainText("День рятівника; 17.09")
    dialog._on_save()
    assert dialog.result() == 1
    assert awards.kind_named(awards.kinds(office_db), "Подяка").repeat_years == 4
    assert awards.occasions(office_db) == [("День рятівника", "17.09")]
    broken = AwardKindsDialog(office_db)
    qtbot.addWidget(broken)
    broken.template.setPlainText("{ім'я} {прізвисько}")
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: seen.append(text))
    broken._on_save()
    assert seen and "{прізвисько}" in seen[0]


def test_the_awards_dialogs_fit_the_laptop(qtbot, office_db, monkeypatch):
    area = QRect(0, 0, 1366, 728)
    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: area)
    for dialog in (DocumentForm(office_db, AWARDS), AwardKindsDialog(office_db),
                   CertificatesDialog(200)):  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(dialog)
        assert dialog.height() <= area.height() - 32, type(dialog).__name__
        dialog.close()


def test_the_statistics_button_opens_the_registers_report_dialog(qtbot, office_db, monkeypatch,
                                                                 tmp_path):  # fmt: skip
    """«Статистика…» is the generic table report (app/reports/awards.py), shown and saved."""
    from pypdf import PdfReader

    ids = [_petition(office_db, "Мельник Іван Іванович", date(2026, 8, 10)).id]
    awards.grant(office_db, ids, _order(office_db, date(2026, 8, 20)).reg_number)
    opened: list[TableReportDialog] = []

    def exec_(dialog: TableReportDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(TableReportDialog, "exec", exec_)
    monkeypatch.setattr(TableReportDialog, "deleteLater", lambda self: None)
    tab = AwardsTab(office_db)
    qtbot.addWidget(tab)
    tab.stats_action.trigger()
    assert len(opened) == 1
    dialog = opened[0]
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(3)  # рік
    dialog.date_from.set_date(date(2026, 1, 1))
    dialog.date_to.set_date(date(2026, 12, 31))
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    rows = {dialog.model.item(r, 0).text(): dialog.model.item(r, 1).text()
            for r in range(dialog.model.rowCount())}  # fmt: skip
    assert rows["Подяка"] == "1" and rows["Усього нагороджено"] == "1"
    path = tmp_path / "awards.pdf"
    dialog.save_to(str(path))
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Збережено"))
    assert "Нагородження відзнаками" in PdfReader(path).pages[0].extract_text()


def test_the_filter_bar_offers_only_what_awards_have(qtbot, office_db):
    """Awards have no executor and no department: no «Виконавець»/«Орган» filters there, while
    the incoming letters keep them."""
    from PySide6.QtWidgets import QLabel

    from app.registers import INCOMING
    from ui.registers.register_tab import RegisterTab

    def shown_labels(tab) -> set[str]:
        bar = tab.filter_bar
        return {w.text() for w in bar.findChildren(QLabel) if w.isVisibleTo(bar)}

    awards_tab = AwardsTab(office_db)
    qtbot.addWidget(awards_tab)
    awards_tab.show()
    labels = shown_labels(awards_tab)
    assert "Виконавець" not in labels and "Орган" not in labels
    assert not awards_tab.filter_bar.executor.isVisibleTo(awards_tab.filter_bar)
    assert not awards_tab.filter_bar.department.isVisibleTo(awards_tab.filter_bar)
    assert "Період з" in labels
    incoming = RegisterTab(office_db, INCOMING)
    qtbot.addWidget(incoming)
    incoming.show()
    assert {"Період з", "Виконавець", "Орган", "Контроль"} <= shown_labels(incoming)
