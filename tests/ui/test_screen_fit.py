"""Everything fits the office laptop: 1366×768 with a taskbar (ui/screen.py's LAPTOP_CLIENT).

A window or dialog whose minimum size is larger than that has buttons nobody can reach; one
that opens larger than the screen (the preview used to open at 900×820) hides them too.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from app.registers import INCOMING, OUTGOING
from app.services import control
from tests import factories
from ui import screen
from ui.main_window import MainWindow
from ui.screen import LAPTOP_CLIENT


def _fits(widget: QWidget) -> None:
    for size in (widget.minimumSizeHint(), widget.minimumSize()):
        assert size.width() <= LAPTOP_CLIENT.width(), (type(widget).__name__, size)
        assert size.height() <= LAPTOP_CLIENT.height(), (type(widget).__name__, size)


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> QRect:
    """The screen as a 1366×768 laptop with a 40-px taskbar leaves it (the offscreen platform's
    own screen is 800×800)."""
    area = QRect(0, 0, 1366, 728)
    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: area)
    return area


@pytest.fixture
def documents_db(office_db):
    today = date.today()
    incoming = factories.incoming(office_db, today, urgent=True)
    control.put_on_control(office_db, incoming.id, today + timedelta(days=10), today=today)
    outgoing = factories.outgoing(office_db, today)
    return office_db, incoming.id, outgoing.id


def test_the_main_window_fits_the_laptop(qtbot, filled_db):
    window = MainWindow(filled_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.current_tab().model.loading)
    _fits(window)
    # Every tab, built (each is built when first shown or asked for).
    for tab in [window.control_tab, *(window.register_tabs[c] for c in window.register_tabs)]:
        _fits(tab)
    for i in range(window.tabs.count()):
        _fits(window.tabs.widget(i))


def test_every_dialog_fits_the_laptop(qtbot, documents_db, laptop):
    from ui.dialogs import audit_log, backup, cancel, connection, period, reference, send, users
    from ui.dialogs import control as control_dialogs
    from ui.dialogs.document_form import DocumentForm
    from ui.dialogs.resolution import ResolutionDialog
    from ui.preview import PdfPreviewDialog

    db, incoming_id, outgoing_id = documents_db
    today = date.today()
    dialogs: list[QDialog] = [
        DocumentForm(db, INCOMING, None),
        DocumentForm(db, INCOMING, incoming_id),
        DocumentForm(db, OUTGOING, None),
        DocumentForm(db, OUTGOING, outgoing_id),
        ResolutionDialog(db, incoming_id),
        control_dialogs.ExtendTermDialog(db, incoming_id),
        control_dialogs.ProgressDialog(db, incoming_id),
        control_dialogs.RemoveFromControlDialog(db, incoming_id),
        send.SendDialog(db, outgoing_id),
        cancel.CancelDialog(db, incoming_id),
        reference.ReferenceDialog(db),
        users.UsersDialog(db),
        audit_log.AuditLogDialog(db),
        connection.ConnectionDialog(),
        backup.BackupDialog(db, lambda: None),
        period.PeriodDialog(INCOMING.journal_title, today, today),
        PdfPreviewDialog(b"", "Штамп"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(dialog)
        # Opened no larger than the laptop leaves for it.
        assert dialog.width() <= laptop.width(), type(dialog).__name__
        assert dialog.height() <= laptop.height() - 32, type(dialog).__name__
        dialog.close()


def test_the_preview_keeps_its_buttons_on_the_laptop_screen(qtbot, laptop):
    from ui.preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(b"", "Журнал")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.height() <= laptop.height() - 32
    for button in dialog.findChildren(QPushButton):
        if button.text() in ("Друкувати…", "Зберегти PDF…", "Закрити"):
            corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
            assert dialog.rect().contains(corner - QPoint(1, 1)), button.text()


def test_the_appeals_dialogs_fit_the_laptop(qtbot, office_db, laptop):
    from app.registers import APPEALS, INFO_REQUESTS
    from ui.dialogs.document_form import DocumentForm
    from ui.dialogs.reception import ReceptionForm

    appeal = factories.appeal(office_db, date.today())
    dialogs: list[QDialog] = [
        DocumentForm(office_db, APPEALS, None),
        DocumentForm(office_db, APPEALS, appeal.id),
        DocumentForm(office_db, INFO_REQUESTS, None),
        ReceptionForm(office_db),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(dialog)
        assert dialog.height() <= laptop.height() - 32, type(dialog).__name__
        dialog.close()


def test_the_household_card_fits_the_laptop(qtbot, sqlite_db, laptop):
    from app.domain.roles import Actor
    from app.reports.households import completeness
    from app.reports.tables import ReportPeriod
    from app.services import household_conflicts as hc
    from tests.households_data import build
    from ui.dialogs.household_card import HouseholdCard, MemberDialog
    from ui.dialogs.household_conflicts import ConflictDialog
    from ui.dialogs.household_districts import DistrictsDialog
    from ui.dialogs.household_exchange import ExchangeDialog
    from ui.dialogs.household_report import HouseholdReportDialog
    from ui.dialogs.household_templates import TemplatesDialog

    books = build(sqlite_db)
    fields = tuple(
        hc.FieldDiff(f"Поле {n}", "наше " * 20, "їхнє " * 20, n % 2 == 0) for n in range(13)
    )
    rows = tuple(hc.RowDiff("hh_member", f"Член домогосподарства {n}", fields) for n in range(4))
    many = tuple(
        hc.Conflict(str(n), f"Кн. 1, о/р {n}: вул. Довга-предовга, {n}", rows) for n in range(60)
    )
    dialogs = (
        ConflictDialog(many, "центр", "копія округу Прилуцький"),
        HouseholdCard(sqlite_db, books.petrenko, False),
        MemberDialog(),
        ExchangeDialog(sqlite_db),
        DistrictsDialog(sqlite_db),
        TemplatesDialog(sqlite_db),
        HouseholdReportDialog(
            sqlite_db,
            completeness(
                sqlite_db, Actor.system_user(), ReportPeriod(date(2026, 1, 1), date.today())
            ),
        ),
    )
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(dialog)
        assert dialog.height() <= laptop.height() - 32, type(dialog).__name__
        dialog.close()
