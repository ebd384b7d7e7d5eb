"""The control centre shows only what the signed-in user may read, wherever its data goes: the
counts, a cell's list, the overdue scan behind the timer and the tray, the довідка, the
reminders to executors, the control report. Appeals are personal data: a reader, HR or an
administrator never sees one; HR sees the personnel orders (series «-к») and no other order.
On both engines."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.reports.access import may_take_reports, require_reports
from app.reports.control import control_report
from app.reports.execution import execution_report
from app.reports.grouping import ALL
from app.reports.reminders import reminders
from app.services.control_centre import CentreState, cell_documents, overview
from app.services.overdue import scan
from tests import control_data
from tests.control_data import APPEAL_SUMMARY

TODAY = date(2026, 3, 18)

ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))
CLERK = Actor("clerk", frozenset({roles.CLERK}))
HR = Actor("hr", frozenset({roles.HR}))
READER = Actor("reader", frozenset({roles.READER}))
STAROSTA = Actor("starosta", frozenset({roles.STAROSTA}), district="ПР")
CLERK_AND_HR = Actor("both", frozenset({roles.CLERK, roles.HR}))

#: What each one may see on control, by register (orders by series).
SEES = {
    "admin": set(),
    "clerk": {"incoming", "appeals", "orders/main", "orders/personnel", "decisions"},
    "hr": {"orders/personnel"},
    "reader": {"incoming", "orders/main", "orders/personnel", "decisions"},
    "starosta": set(),
    "both": {"incoming", "appeals", "orders/main", "orders/personnel", "decisions"},
}
USERS = (ADMIN, CLERK, HR, READER, STAROSTA, CLERK_AND_HR)


@pytest.fixture
def five(db):
    return control_data.five_registers(db)


def _keys(five, doc_ids) -> set[str]:
    return {five[i] for i in doc_ids}


@pytest.mark.parametrize("user", USERS, ids=lambda u: u.login)
def test_counts_and_lists_hold_only_readable_registers(db, five, user):
    expected = SEES[user.login]
    totals = overview(db, TODAY, user=user).totals
    assert (totals.overdue, totals.on_control) == (len(expected), len(expected))
    for state in (CentreState.OVERDUE, CentreState.ON_CONTROL):
        cell = cell_documents(db, ALL, state, TODAY, user=user)
        assert cell.total == len(expected)
        assert _keys(five, (d.id for d in cell.documents)) == expected
        if "appeals" not in expected:
            assert all(APPEAL_SUMMARY not in d.summary for d in cell.documents)


@pytest.mark.parametrize("user", USERS, ids=lambda u: u.login)
def test_the_overdue_scan_counts_and_announces_only_readable_ones(db, five, user):
    expected = SEES[user.login]
    summary = scan(db, today=TODAY, since=date(2026, 3, 9), user=user)
    assert summary.overdue == len(expected)
    assert set(summary.by_register) == {key.split("/")[0] for key in expected}
    assert _keys(five, (n.id for n in summary.newly_overdue)) == expected


@pytest.mark.parametrize("user", USERS, ids=lambda u: u.login)
def test_reports_and_reminders_hold_only_readable_registers(db, five, user):
    expected = SEES[user.login]
    if not expected:  # nothing to report on: refused, as the command line refuses it
        assert not may_take_reports(user)
        with pytest.raises(PermissionDenied):
            require_reports(user)
        return
    assert may_take_reports(user)
    require_reports(user)
    report = execution_report(db, date(2026, 3, 1), date(2026, 3, 31), TODAY, user=user)
    assert report.total.overdue == len(expected)
    assert report.covered == ("" if user.login in ("clerk", "both") else report.covered)
    sheets = reminders(db, 3, TODAY, user=user).sheets
    listed = [d for sheet in sheets for d in sheet.documents]
    assert _keys(five, (d.id for d in listed)) == expected
    lines = control_report(db, TODAY, user=user).lines
    assert _keys(five, (line.document_id for line in lines)) == expected
    if "appeals" not in expected:
        texts = [d.summary for d in listed] + [line.summary for line in lines]
        assert all(APPEAL_SUMMARY not in t for t in texts)


def test_a_partial_report_says_which_registers_it_covers(db, five):
    full = execution_report(db, date(2026, 3, 1), date(2026, 3, 31), TODAY, user=CLERK)
    assert full.covered == ""  # every register: nothing to say
    hr = execution_report(db, date(2026, 3, 1), date(2026, 3, 31), TODAY, user=HR)
    assert hr.covered == "Розпорядження (з кадрових питань)"
    reader = execution_report(db, date(2026, 3, 1), date(2026, 3, 31), TODAY, user=READER)
    assert reader.covered == "Вхідні, Вихідні, Розпорядження, Рішення виконкому"


def test_the_system_user_and_a_plain_login_see_everything(db, five):
    assert overview(db, TODAY).totals.overdue == 5
    assert overview(db, TODAY, user="оператор").totals.overdue == 5


def test_the_printed_partial_dovidka_names_its_registers(db, five):
    import io

    from pypdf import PdfReader

    from app.reports.execution import report_pdf

    hr = execution_report(db, date(2026, 3, 1), date(2026, 3, 31), TODAY, user=HR)
    text = " ".join(PdfReader(io.BytesIO(report_pdf(hr))).pages[0].extract_text().split())
    assert "лише реєстри: Розпорядження (з кадрових питань)" in text
    full = execution_report(db, date(2026, 3, 1), date(2026, 3, 31), TODAY, user=CLERK)
    assert "лише реєстри" not in PdfReader(io.BytesIO(report_pdf(full))).pages[0].extract_text()
