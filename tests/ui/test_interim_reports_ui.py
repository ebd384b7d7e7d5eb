"""The interim reports' dialogs (pytest-qt, offscreen): report dates filled quarterly up to the
final term and saved, the next report recorded (the term moves on), a wrong date kept with its
message, the register tab's action, and both dialogs fit 1366×768."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from app.registers import DECISIONS
from app.services import control, documents
from app.services import interim_reports as reports
from app.services.details import get_document
from tests import factories
from tests.ui.test_dialogs import type_text, wait_saved
from ui.dialogs.interim_reports import InterimReportsDialog, ReportDatesDialog
from ui.screen import LAPTOP_CLIENT

ADOPTED = date(2026, 3, 19)
FINAL = date(2026, 12, 31)


def _decision_on_control(db) -> int:
    factories.organisation(db)
    values = DECISIONS.parse({"title": "Про програму благоустрою на 2026 рік"})
    doc = documents.register_document(db, DECISIONS, values, reg_date=ADOPTED)
    control.put_on_control(db, doc.id, term=FINAL, today=ADOPTED)
    return doc.id


def test_dates_filled_quarterly_then_a_report_moves_the_term(qtbot, sqlite_db):
    doc_id = _decision_on_control(sqlite_db)
    dialog = ReportDatesDialog(sqlite_db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fill_buttons[3].click()
    assert dialog.dates.text() == "31.03.2026, 30.06.2026, 30.09.2026"
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.new_due_date == date(2026, 3, 31)

    recorder = InterimReportsDialog(sqlite_db, doc_id)
    qtbot.addWidget(recorder)
    recorder.show()
    assert "31.12.2026" in recorder.final_label.text()
    assert "31.03.2026" in recorder.next_label.text()
    assert recorder.reports.count() == 3
    recorder.accept()  # no content: refused, kept open
    wait_saved(qtbot, recorder)
    assert recorder.isVisible()
    assert "Напишіть" in recorder.field_error(recorder.note).text()
    recorder.day.setText("30.03.2026")
    type_text(recorder.note, "Звіт за I квартал")
    recorder.accept()
    wait_saved(qtbot, recorder)
    assert recorder.result() == QDialog.DialogCode.Accepted
    assert recorder.new_due_date == date(2026, 6, 30)
    assert get_document(sqlite_db, doc_id).due_date == date(2026, 6, 30)


def test_a_date_after_the_final_term_is_refused_and_kept(qtbot, sqlite_db):
    doc_id = _decision_on_control(sqlite_db)
    dialog = ReportDatesDialog(sqlite_db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.dates.setText("30.06.2026, 15.01.2027")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "остаточний термін" in dialog.field_error(dialog.dates).text()
    assert dialog.dates.text() == "30.06.2026, 15.01.2027"
    dialog.dates.setText("30.06.2026, 31.13.2026")
    dialog.accept()
    assert "«31.13.2026»" in dialog.field_error(dialog.dates).text()
    assert reports.schedule(sqlite_db, doc_id).pending == ()


def test_without_dates_the_recorder_says_where_to_set_them(qtbot, sqlite_db):
    doc_id = _decision_on_control(sqlite_db)
    dialog = InterimReportsDialog(sqlite_db, doc_id)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "Строки звітів" in dialog.next_label.text()


def test_the_dialogs_fit_the_laptop(qtbot, sqlite_db):
    doc_id = _decision_on_control(sqlite_db)
    reports.set_report_dates(sqlite_db, doc_id, [date(2026, m, 28) for m in range(4, 12)])
    for dialog in (InterimReportsDialog(sqlite_db, doc_id), ReportDatesDialog(sqlite_db, doc_id)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.width() <= LAPTOP_CLIENT.width(), type(dialog).__name__
        assert dialog.height() <= LAPTOP_CLIENT.height() - 32, type(dialog).__name__


def test_the_extension_dialog_names_the_final_term_beside_the_next_report(qtbot, sqlite_db):
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.control import ExtendTermDialog

    doc_id = _decision_on_control(sqlite_db)
    reports.set_report_dates(sqlite_db, doc_id, [date(2026, 6, 30)])
    dialog = ExtendTermDialog(sqlite_db, doc_id)
    qtbot.addWidget(dialog)
    shown = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Остаточний термін:" in shown and "<b>31.12.2026</b>" in shown
    assert "Наступний проміжний звіт:" in shown and "<b>30.06.2026</b>" in shown


def test_putting_on_control_for_long_names_the_interim_reports(qtbot, sqlite_db):
    from datetime import timedelta

    from ui.dialogs.control import PutOnControlDialog

    factories.organisation(sqlite_db)
    values = DECISIONS.parse({"title": "Про програму"})
    doc = documents.register_document(sqlite_db, DECISIONS, values, reg_date=date.today())
    dialog = PutOnControlDialog(sqlite_db, doc.id)
    qtbot.addWidget(dialog)
    from app.domain.dates import format_date

    dialog.term.setText(format_date(date.today() + timedelta(days=30)))
    assert "Проміжні звіти" not in dialog.hint.text()
    dialog.term.setText(format_date(date.today() + timedelta(days=200)))
    assert "Проміжні звіти" in dialog.hint.text()


def test_the_cards_history_names_the_next_report_and_the_final_term(sqlite_db):
    from ui.dialogs.document_history import history_html

    doc_id = _decision_on_control(sqlite_db)
    reports.set_report_dates(sqlite_db, doc_id, [date(2026, 6, 30)])
    html = history_html(get_document(sqlite_db, doc_id))
    assert "наступний проміжний звіт 30.06.2026; остаточний термін 31.12.2026" in html
    assert "Строки проміжних звітів" in html


def test_the_centre_list_names_an_interim_report_in_its_term_column(qtbot):
    from PySide6.QtCore import Qt

    from app.domain.deadlines import ControlState
    from app.services.control_centre import CellDocument
    from ui.control_centre.models import CELL_COLUMNS, CellModel

    doc = CellDocument(
        1, "decisions", "Рішення", "12", date(2026, 3, 19), "", "Про програму", "Мельник І. І.",
        date(2026, 3, 31), None, ControlState.DUE_SOON, final_due=date(2026, 12, 31),
    )  # fmt: skip
    model = CellModel()
    model.set_documents((doc,))
    term = model.index(0, CELL_COLUMNS.index("Термін"))
    assert term.data() == "31.03.2026 (проміжний)"
    tip = term.data(Qt.ItemDataRole.ToolTipRole)
    assert "Термін: 31.03.2026 (проміжний звіт; кінцевий 31.12.2026)" in tip
