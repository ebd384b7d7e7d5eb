"""Personnel files on both engines: one person with the staff list, the history keeping it
right, orders linked by number, the rules refusing what the law does not allow, reminders."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import personnel as rules
from app.domain.roles import HR, READER, Actor, PermissionDenied
from app.services import personnel as hr
from app.services.reference import get_staff, list_staff
from app.services.register_view import ViewQuery
from tests.personnel.helpers import hire, new_file, office, order


def test_a_new_file_is_a_person_of_the_staff_list_not_a_second_list(db):
    office(db)
    staff_id = new_file(db)
    people = [p.surname for p in list_staff(db)]
    assert people.count("Ткачук") == 1
    assert not get_staff(db, staff_id).active  # not in service before the appointment
    hire(db, staff_id, date(2025, 3, 3))
    person = get_staff(db, staff_id)
    assert person.active and person.position == "головний спеціаліст"
    rows = hr.PersonnelView(db, ViewQuery("personnel", search="ткачук"), "hr").all_rows()
    assert [(r.personnel_number, r.category, r.rank, r.state_label) for r in rows] == [
        ("101", 6, 13, "працює")
    ]
    # Every person of the staff list is in the register, a file or not yet.
    assert hr.PersonnelView(db, ViewQuery("personnel"), "hr").count() == 4


def test_the_history_links_each_entry_to_its_personnel_order(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2025, 3, 3))
    number = order(db, date(2025, 7, 1), "відпустка")
    hr.save_event(
        db, staff_id,
        hr.EventInput("vacation", date(2025, 7, 7), date(2025, 7, 30), "щорічна основна",
                      amount=24, order_number=number.split("-")[0], order_date=date(2025, 7, 1)),
        "hr",
    )  # fmt: skip
    entries = hr.history(db, staff_id, "hr")
    assert [e.kind for e in entries] == ["hire", "vacation"]
    assert entries[1].order_number == number and entries[1].order_id is not None
    with pytest.raises(rules.PersonnelError, match="№ 999"):
        hr.save_event(
            db, staff_id, hr.EventInput("trip", date(2025, 8, 1), order_number="999"), "hr"
        )


def test_dismissal_takes_the_person_off_the_executors_list_with_its_ground(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2024, 3, 1))
    hr.save_event(
        db, staff_id,
        hr.EventInput("dismissal", date(2025, 6, 30), detail="ст. 38 КЗпП (власне бажання)"),
        "hr",
    )  # fmt: skip
    assert not get_staff(db, staff_id).active
    row = hr.PersonnelView(db, ViewQuery("personnel", extra=(("active", "0"),)), "hr").all_rows()
    assert [r.state_label for r in row if r.id == staff_id] == ["звільнено 30.06.2025"]
    assert row[0].state_label != "Анульовано"


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            hr.EventInput("probation", date(2025, 1, 1), date(2025, 5, 1), "до 3 місяців"),
            "3 місяців",
        ),
        (hr.EventInput("internship", date(2025, 1, 1), date(2025, 3, 15)), "2 місяців"),
        (hr.EventInput("transfer", date(2025, 1, 1), category=7, rank=5), "Ранг 5"),
        (hr.EventInput("contract", date(2025, 1, 1)), "дату закінчення"),
        (
            hr.EventInput("vacation", date(2025, 7, 1), date(2025, 7, 31), "щорічна основна"),
            "24",
        ),
    ],
)
def test_the_rules_refuse_what_the_law_does_not_allow(db, event, message):
    office(db)
    staff_id = new_file(db)
    with pytest.raises(rules.PersonnelError, match=message):
        hr.save_event(db, staff_id, event, "hr")


def test_only_hr_sees_files_and_every_opening_is_audited(db):
    from app.services import audit

    office(db)
    staff_id = new_file(db)
    reader = Actor("reader", frozenset({READER}))
    with pytest.raises(PermissionDenied):
        hr.card_values(db, staff_id, reader)
    with pytest.raises(PermissionDenied):
        hr.PersonnelView(db, ViewQuery("personnel"), Actor("clerk", frozenset({"clerk"})))
    officer = Actor("kadry", frozenset({HR}))
    assert hr.card_values(db, staff_id, officer)["personnel_number"] == "101"
    rows = audit.entries(db, "admin", audit.AuditQuery(limit=20))
    assert any(r.action == audit.OPEN and r.record_kind == "personnel" for r in rows)


def test_reminders_name_probation_contract_seniority_and_attestation(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2022, 3, 10))
    hr.save_prior(db, staff_id, [hr.PriorPeriod(date(2019, 3, 20), date(2022, 3, 1), "ОДА")], "hr")
    hr.save_event(
        db, staff_id,
        hr.EventInput("contract", date(2025, 1, 1), date(2026, 1, 31), "вперше укладений"),
        "hr",
    )  # fmt: skip
    found = hr.reminders(db, "hr", on=date(2025, 12, 1)).of(staff_id)
    kinds = {r.kind for r in found}
    assert {"contract", "seniority"} <= kinds, found
    contract = next(r for r in found if r.kind == "contract")
    assert contract.due == date(2025, 11, 30)  # 2 months before the end (26.4)
    assert all(r.name == "Ткачук М. І." for r in found)
    s = hr.seniority_of(db, staff_id, date(2025, 12, 1))
    assert s.years == 6 and s.next_threshold == 10


def test_the_report_counts_persons_by_basis_and_ground_and_orders_by_kind(db):
    from app.reports.personnel import build_report, rows_behind
    from app.reports.tables import ReportPeriod

    office(db)
    first, second = new_file(db, "1", "Ткачук"), new_file(db, "2", "Олійник", "m")
    hire(db, first, date(2025, 2, 3))
    hire(db, second, date(2025, 2, 4), basis="за загальним трудовим законодавством")
    hr.save_event(
        db, second, hr.EventInput("dismissal", date(2025, 9, 1), detail="ст. 38 КЗпП"), "hr"
    )
    hr.save_event(db, first, hr.EventInput("seniority", date(2025, 5, 1), amount=3), "hr")
    hr.save_event(db, first, hr.EventInput("evaluation", date(2025, 1, 20), detail="висока"), "hr")
    period = ReportPeriod(date(2025, 1, 1), date(2025, 9, 30))
    result = build_report(db, "hr", period)
    rows = {label.strip(" •"): value for label, value in result.table.rows}
    assert rows["Призначено/прийнято"] == 2
    assert rows["як переможець конкурсу"] == 1
    assert rows["за загальним трудовим законодавством"] == 1
    assert rows["Звільнено"] == 1 and rows["за власним бажанням (ст. 38)"] == 1
    assert rows["3 роки"] == 1 and rows["висока"] == 1
    assert rows["Підготовлено розпоряджень з кадрових питань"] == 2  # the two hiring orders
    assert rows["прийняття/призначення"] == 2
    # The appeals register exists (issue 12): none registered in the period, and no note.
    assert rows["Розглянуто звернень громадян"] == 0
    assert not any("реєстру ще немає" in n for n in result.table.notes)
    labels = [label for label, _ in result.table.rows]
    source = result.sources[labels.index("    • за власним бажанням (ст. 38)")]
    assert source is not None
    behind = rows_behind(db, "hr", period, source)
    assert [(r[1], r[3]) for r in behind] == [("Олійник Петро Іванович", "ст. 38 КЗпП")]
    # The seniority percentage came from the ladder: 3 years → 10 %.
    assert [e.percent for e in hr.history(db, first, "hr") if e.kind == "seniority"] == [10]


def test_the_report_command_writes_the_file(tmp_path, capsys):
    import csv

    from app.cli import main
    from db.session import Database

    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    database = Database(path)
    office(database)
    hire(database, new_file(database), date(2025, 2, 3))
    database.dispose()
    out = tmp_path / "hr.csv"
    args = ["--db", path, "report", "personnel", "--from", "01.01.2025", "--to", "30.09.2025"]
    assert main([*args, "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert ["Призначено/прийнято", "1"] in rows


def test_the_personal_card_prints_the_history_and_is_audited(db):
    import io

    from pypdf import PdfReader

    from app.services import audit
    from app.services.personnel_printouts import card_pdf

    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2024, 3, 1))
    hr.save_event(
        db, staff_id,
        hr.EventInput("vacation", date(2025, 7, 7), date(2025, 7, 20), "щорічна основна"),
        "hr",
    )  # fmt: skip
    pdf = card_pdf(db, staff_id, "hr", on=date(2025, 12, 1))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "ОСОБОВА КАРТКА" in text and "Ткачук Марія Іванівна" in text
    assert "як переможець конкурсу" in text and "щорічна основна" in text
    assert "1 р. 9 міс." in text  # seniority on 01.12.2025 since 01.03.2024
    rows = audit.entries(db, "admin", audit.AuditQuery(limit=5))
    assert rows[0].action == audit.PRINT and rows[0].record_kind == "personnel"


def test_awards_of_the_register_show_on_the_card_and_in_the_report(db):
    import io

    from pypdf import PdfReader

    from app.reports.personnel import build_report
    from app.reports.tables import ReportPeriod
    from app.services import awards
    from app.services.personnel_printouts import card_pdf
    from tests.services.test_awards import order as award_order
    from tests.services.test_awards import petition

    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2024, 3, 1))
    given = petition(db, "Ткачук Марія Іванівна")
    awards.grant(db, [given.id], award_order(db, date(2026, 8, 20)).reg_number)
    assert [a.kind for a in awards.awards_of_employee(db, staff_id)] == ["Подяка"]
    pdf = card_pdf(db, staff_id, "hr", on=date(2026, 9, 1))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Подяка" in text and "День Незалежності України" in text
    report = build_report(db, "hr", ReportPeriod(date(2026, 1, 1), date(2026, 9, 30)))
    rows = {label.strip(" •"): value for label, value in report.table.rows}
    assert rows["Відзначено (нагородних матеріалів)"] == 1 and rows["Подяка"] == 1
