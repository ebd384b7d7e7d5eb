"""The mayor's orders: two series numbered apart from 1 each year (4.13–4.14), suffixes as
settings, numbers seen in real councils accepted on import, copies to executors within 3
working days (4.16), «втратило чинність», control with the order's own term, the archive
(4.17), and HR's right to the personnel series only."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import roles
from app.domain.orders import archive_year, copies_due, copies_state
from app.domain.roles import Actor, PermissionDenied
from app.registers import ORDERS
from app.registers.fields import FieldErrors
from app.services import control, documents, imports, settings
from app.services.calendar import load_calendar
from app.services.control_centre import overview
from app.services.details import get_document
from app.services.orders_archive import due_for_archive
from app.services.register_view import RegisterView, ViewQuery

HR = Actor("hr", frozenset({roles.HR}))
CLERK = Actor("clerk", frozenset({roles.CLERK}))


def order(db, series: str, day: date, title: str = "Про відпустку", user="", **raw):
    values = ORDERS.parse({"series": series, "title": title, **raw})
    return documents.register_document(db, ORDERS, values, reg_date=day, user=user)


def test_series_are_numbered_apart_and_anew_each_year(db):
    numbers = [
        order(db, "main", date(2025, 12, 30)).reg_number,
        order(db, "personnel", date(2025, 12, 30)).reg_number,
        order(db, "personnel", date(2025, 12, 31)).reg_number,
        order(db, "main", date(2026, 1, 2)).reg_number,
        order(db, "personnel", date(2026, 1, 2)).reg_number,
    ]
    assert numbers == ["1-р", "1-к", "2-к", "1-р", "1-к"]


def test_the_suffix_of_a_series_is_a_setting(db):
    settings.set_number_format(db, ORDERS, "{n}-ос", series="personnel")
    assert order(db, "personnel", date(2026, 3, 2)).reg_number == "1-ос"
    assert order(db, "main", date(2026, 3, 2)).reg_number == "1-р"


def test_the_series_never_changes_after_registration(db):
    reg = order(db, "main", date(2026, 3, 2))
    values = ORDERS.parse({"series": "personnel", "title": "Про відпустку"})
    with pytest.raises(Exception, match="Серія входить до реєстраційного номера 1-р"):
        documents.update_document(db, ORDERS, reg.id, values, 1)


def test_numbers_of_real_councils_import_as_written(db, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        "№;Дата;Заголовок\n"
        "165-ра;02.03.2026;Про відзнаки\n"
        "14-к;03.03.2026;Про прийняття на роботу\n"
        "931-1;04.03.2026;Про заходи\n"
        "24/119;05.03.2026;Про комісію\n"
        "119;06.03.2026;Про інше\n",
        encoding="utf-8",
    )
    result = imports.import_file(db, ORDERS, path)  # a journal of numbers that skip
    assert {p.row for p in result.problems} == {2, 3, 4, 5, 6}
    assert all("--allow-gaps" in p.message for p in result.problems)
    result = imports.import_file(db, ORDERS, path, allow_gaps=True)  # the clerk confirms
    assert result.problems == ()
    rows = RegisterView(db, ViewQuery("orders", sort="number", descending=False)).all_rows()
    found = {(r.reg_number, r.series) for r in rows}
    assert found == {
        ("165-ра", "main"),
        ("14-к", "personnel"),
        ("931-1", "main"),
        ("24/119", "main"),
        ("119", "main"),
    }
    # the series continue after the imported numbers
    assert order(db, "personnel", date(2026, 3, 10)).reg_number == "15-к"
    assert order(db, "main", date(2026, 3, 10)).reg_number == "932-р"


def test_an_imported_number_taken_in_its_series_is_refused_by_row_and_column(db, tmp_path):
    order(db, "personnel", date(2026, 3, 2))  # 1-к
    path = tmp_path / "orders.csv"
    path.write_text("№;Дата;Заголовок\n1-р;03.03.2026;Про те\n1-к;03.03.2026;Про се\n", "utf-8")
    result = imports.import_file(db, ORDERS, path)
    assert [(p.row, p.column) for p in result.problems] == [(3, "№")]
    assert "уже зареєстровано" in result.problems[0].message
    assert RegisterView(db, ViewQuery("orders")).count() == 1  # nothing imported


def test_copies_are_due_within_three_working_days_and_late_ones_are_flagged():
    from app.domain.calendar import WorkingCalendar

    cal = WorkingCalendar()
    friday = date(2026, 3, 6)
    due = copies_due(friday, cal)
    assert due == date(2026, 3, 11)  # Mon 9 (a working day in 2026), Tue 10, Wed 11
    state = copies_state([date(2026, 3, 10), date(2026, 3, 12), None], due, today=date(2026, 3, 13))
    assert state.late and state.pending == 1
    assert state.text == "видано 2 з 3; із запізненням 1; не видано вчасно 1 (до 11.03.2026)"
    assert not copies_state([None], due, today=due).late  # the last day has not passed


def test_the_copies_of_an_order_are_stored_and_their_state_shown(db):
    reg = order(
        db,
        "main",
        date(2026, 3, 2),
        copies_to=[{"executor": "Мельник І. І.", "handed_date": "09.03.2026"}],
    )
    due = copies_due(date(2026, 3, 2), load_calendar(db))
    [row] = RegisterView(db, ViewQuery("orders")).all_rows()
    assert row.id == reg.id
    assert row.copies_text == "Мельник І. І. | 09.03.2026"
    assert row.copies_state.startswith("видано 1 з 1; із запізненням 1") == (date(2026, 3, 9) > due)


def test_an_order_that_cancels_another_marks_it_as_no_longer_in_force(db):
    first = order(db, "main", date(2026, 3, 2), "Про робочу групу")
    order(db, "main", date(2026, 3, 5), "Про визнання таким, що втратило чинність", cancels="1-р")
    detail = get_document(db, first.id)
    assert detail.values["lost_force"] == "втратило чинність: розп. № 2-р від 05.03.2026"


def test_an_order_goes_on_control_with_the_term_it_states(db):
    reg = order(db, "main", date(2026, 3, 2), "Про заходи", lead_executor="Мельник І. І.")
    with pytest.raises(control.ControlError, match="Вкажіть термін виконання"):
        control.put_on_control(db, reg.id)
    assert control.put_on_control(db, reg.id, term=date(2026, 3, 21)) == date(2026, 3, 20)
    assert overview(db, date(2026, 3, 23)).totals.overdue == 1  # the control centre counts it


def test_orders_are_due_for_the_archive_after_five_years_in_the_department(db):
    assert archive_year(2020) == 2026
    order(db, "personnel", date(2020, 5, 4))
    order(db, "personnel", date(2020, 5, 5))
    order(db, "main", date(2021, 5, 5))
    batches = due_for_archive(db, date(2026, 12, 2))
    assert [(b.year, b.series, b.count, b.first_number, b.last_number) for b in batches] == [
        (2020, "з кадрових питань", 2, "1-к", "2-к")
    ]


def test_hr_reads_and_writes_personnel_orders_only(db):
    order(db, "main", date(2026, 3, 2))
    reg = order(db, "personnel", date(2026, 3, 2), user=HR)
    assert reg.reg_number == "1-к"
    with pytest.raises(PermissionDenied):
        order(db, "main", date(2026, 3, 3), user=HR)
    rows = RegisterView(db, ViewQuery("orders"), user=HR).all_rows()
    assert [r.reg_number for r in rows] == ["1-к"]
    with pytest.raises(PermissionDenied):
        get_document(db, 1 if reg.id != 1 else 2, user=HR)
    assert RegisterView(db, ViewQuery("orders"), user=CLERK).count() == 2


def test_copies_not_handed_become_late_when_their_day_passes_without_a_save(db):
    order(db, "main", date(2026, 3, 2), copies_to=[{"executor": "Мельник І. І."}])
    due = copies_due(date(2026, 3, 2), load_calendar(db))
    [then] = RegisterView(db, ViewQuery("orders"), today=due).all_rows()
    assert "не видано вчасно" not in then.copies_state
    [now] = RegisterView(db, ViewQuery("orders"), today=date(2026, 3, 20)).all_rows()
    assert now.copies_state.endswith(f"не видано вчасно 1 (до {due:%d.%m.%Y})")


def test_a_cancelled_order_of_an_earlier_year_is_named_with_its_date(db):
    old = order(db, "main", date(2025, 3, 12), "Про комісію")  # 1-р of 2025
    order(db, "main", date(2026, 1, 5), "Про нараду")  # 1-р of 2026
    order(db, "main", date(2026, 3, 5), "Про визнання таким, що втратило чинність",
          cancels="1-р від 12.03.2025")  # fmt: skip
    assert get_document(db, old.id).values["lost_force"].startswith("втратило чинність")
    [newer] = [
        r for r in RegisterView(db, ViewQuery("orders")).all_rows() if r.title == "Про нараду"
    ]
    assert newer.lost_force == ""


def test_a_third_series_exists_once_an_administrator_adds_it(db):
    with pytest.raises(FieldErrors, match="її додає адміністратор"):
        order(db, "administrative", date(2026, 3, 2))
    with pytest.raises(PermissionDenied):
        settings.set_series_enabled(db, ORDERS, "administrative", True, CLERK)
    settings.set_series_enabled(db, ORDERS, "administrative", True)
    assert order(db, "administrative", date(2026, 3, 2)).reg_number == "1-аг"
    assert order(db, "main", date(2026, 3, 2)).reg_number == "1-р"


def test_an_order_that_cancels_another_is_no_answer_to_it(db):
    from app.services.replies import links_of

    first = order(db, "main", date(2026, 3, 2), "Про робочу групу")
    order(db, "main", date(2026, 3, 5), "Про визнання таким, що втратило чинність", cancels="1-р")
    links = links_of(db, first.id)
    assert links.answers == () and links.answered == ()
