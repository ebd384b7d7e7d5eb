"""The register of awards: petitions registered on the platform, the checks against earlier
awards, granting by one order, an employee's awards, statistics and certificates (regulation
28; HR report section 6). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import awards as rules
from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers import AWARDS, ORDERS
from app.registers.fields import FieldErrors
from app.services import awards, documents
from app.services.details import load_document
from app.services.field_storage import storage_problems
from app.services.printouts import print_selection
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

CLERK = Actor("clerk", frozenset({roles.CLERK}))


def order(db, day: date, title: str = "Про нагородження"):
    values = ORDERS.parse({"series": "main", "title": title, "kind": "нагородження"})
    return documents.register_document(db, ORDERS, values, reg_date=day)


def petition(db, recipient: str = "Мельник Іван Іванович", day: date = date(2026, 8, 10), **raw):
    values = {
        "kind": "Подяка",
        "recipient": recipient,
        "position": "слюсар",
        "workplace": "КП «Водоканал»",
        "years_of_work": "5",
        "summary": "за сумлінну працю",
        "occasion": "День Незалежності України",
        "petition_date": "10.08.2026",
        "ceremony_date": "24.08.2026",
        "petitioner": "КП «Водоканал»",
    }
    values.update(raw)
    return documents.register_document(db, AWARDS, AWARDS.parse(values), reg_date=day)


def test_every_field_of_the_awards_spec_resolves_to_storage():
    assert storage_problems(AWARDS) == []


def test_a_petition_is_stored_with_its_own_fields_and_the_sex_guessed(db):
    r = petition(db, "Коваль Олена Петрівна", petition_date="20.08.2026")
    values = load_document(db, r.id).values
    assert values["sex"] == "жіноча"
    assert values["recipient_type"] == rules.PERSON
    assert values["workplace"] == "КП «Водоканал»"
    assert values["petitioner"] == "КП «Водоканал»"
    assert values["state"] == "подання, запізно (п. 28.10)"


def test_one_order_grants_many_and_the_history_then_warns(db):
    o = order(db, date(2026, 8, 20))
    ids = [petition(db, f"Мельник Іван Іванович{n}").id for n in ("", "", "")]
    ids[1] = petition(db, "Коваль Олена Петрівна").id
    ids[2] = petition(db, "Бойко Любов Іллівна").id
    assert awards.grant(db, ids, o.reg_number) == 3
    assert awards.grant(db, ids, o.reg_number) == 0  # already granted: nothing changes
    values = load_document(db, ids[0]).values
    assert values["granted_by"] == (o.reg_number,)
    assert values["state"] == f"нагороджено, розп. № {o.reg_number}"
    assert awards.select_awards(db, order=o.reg_number) == sorted(ids)
    check = awards.petition_check(
        db, AWARDS.parse({"kind": "Подяка", "recipient": "мельник  іван іванович",
                          "summary": "x", "ceremony_date": "01.09.2026"}),
        today=date(2026, 9, 1),
    )  # fmt: skip
    assert any("повторно — не раніше ніж через 2 р." in w for w in check.warnings)
    assert "20.08.2026 — Подяка, розп. № 1-р" in check.texts[-1]


def test_an_unknown_order_grants_nothing(db):
    r = petition(db)
    with pytest.raises(FieldErrors, match="Не знайдено документ № 99-р"):
        awards.grant(db, [r.id], "99-р")
    assert load_document(db, r.id).values["granted_by"] == ()


def test_a_pending_petition_is_listed_but_not_counted_by_the_rules(db):
    petition(db)
    check = awards.petition_check(db, AWARDS.parse({"kind": "Подяка", "recipient":
                                  "Мельник Іван Іванович", "summary": "x"}))  # fmt: skip
    assert check.warnings == ()
    assert "без розпорядження (подання)" in check.texts[-1]


def test_an_employees_awards_for_the_personnel_file(db):
    people = factories.staff(db)
    o = order(db, date(2026, 8, 20))
    mine = petition(db, "Мельник Іван Іванович")
    petition(db, "Мельник Петро Іванович")
    awards.grant(db, [mine.id], o.reg_number)
    found = awards.awards_of_employee(db, people["melnyk"].id)
    assert [(a.number, a.kind, a.award_date, a.order) for a in found] == [
        (mine.reg_number, "Подяка", date(2026, 8, 20), o.reg_number)
    ]


def test_statistics_of_a_period_as_the_hr_report_counts(db):
    o = order(db, date(2026, 8, 20))
    ids = [petition(db, f"Особа{n} Іван Іванович").id for n in range(3)]
    ids.append(petition(db, "Колектив КП «Водоканал»", recipient_type="колектив").id)
    ids.append(petition(db, "Коваль Олена Петрівна", kind="Вітальна адреса",
                         occasion="Ювілей (день народження)").id)  # fmt: skip
    petition(db, "Не нагороджений Іван Іванович")
    awards.grant(db, ids, o.reg_number)
    stats = awards.statistics(db, date(2026, 1, 1), date(2026, 9, 30))
    assert stats.total == 5
    assert dict(stats.by_kind) == {"Подяка": 4, "Вітальна адреса": 1}
    assert (stats.persons, stats.collectives) == (4, 1)
    assert dict(stats.by_occasion)["День Незалежності України"] == 4
    assert (stats.petitions, stats.pending) == (6, 1)
    assert awards.statistics(db, date(2025, 1, 1), date(2025, 12, 31)).total == 0


def test_kinds_and_occasions_are_editable_reference_lists(db):
    found = awards.kinds(db)
    assert [k.title for k in found][:2] == ["Почесна відзнака міського голови", "Почесна грамота"]
    from dataclasses import replace

    changed = [replace(k, repeat_years=5) if k.title == "Подяка" else k for k in found]
    awards.save_kinds(db, changed)
    assert awards.kind_named(awards.kinds(db), "Подяка").repeat_years == 5
    with pytest.raises(PermissionDenied):
        awards.save_kinds(db, changed, CLERK)
    awards.save_occasions(db, [("День рятівника", "17.09"), ("День Незалежності України", "24.08")])
    assert awards.occasions(db) == [
        ("День рятівника", "17.09"),
        ("День Незалежності України", "24.08"),
    ]
    awards.save_occasions(db, [("День рятівника", "17.09")])  # one left out: inactive
    assert awards.occasions(db) == [("День рятівника", "17.09")]


def test_the_register_shows_awards_in_its_table(db):
    petition(db)
    rows = RegisterView(db, ViewQuery("awards")).page(0, 10)
    assert rows[0].display("recipient") == "Мельник Іван Іванович"
    assert rows[0].display("occasion") == "День Незалежності України"


def test_certificates_of_a_batch_name_each_recipient_in_the_templates_case(db):
    factories.organisation(db)
    o = order(db, date(2026, 8, 20))
    ids = [
        petition(db, "Мельник Іван Іванович").id,
        petition(db, "Коваль Олена Петрівна", kind="Почесна грамота").id,
        petition(db, "Бойко Любов Іллівна", kind="Вітальна адреса").id,
    ]
    awards.grant(db, ids, o.reg_number)
    pdf = PdfReader(io.BytesIO(print_selection(db, "award_certificates_pdf", ids)))
    pages = [" ".join(p.extract_text().split()) for p in pdf.pages]
    assert len(pages) == 3
    assert "ПОДЯКА" in pages[0] and "Мельнику Івану Івановичу" in pages[0]
    assert "Нагороджується Коваль Олена Петрівна" in pages[1]
    assert "Шановна Любове Іллівно!" in pages[2]
    for page in pages:
        assert "Віктор БОНДАР" in page
        assert f"від 20.08.2026 № {o.reg_number}" in page
    rest = PdfReader(io.BytesIO(print_selection(db, "award_certificates_pdf", ids, start=3)))
    assert len(rest.pages) == 1 and "Любове" in rest.pages[0].extract_text()


def test_an_award_to_an_employee_with_a_file_is_recorded_in_it_once(db):
    """28.17: the personnel file gets a «Відзнака» entry; no file is opened for anybody."""
    from app.domain import personnel as hr_rules
    from app.services import personnel
    from tests.personnel.helpers import new_file

    factories.organisation(db)
    staff_id = new_file(db, surname="Ткачук", gender="f")
    o = order(db, date(2026, 8, 20))
    mine = petition(db, "Ткачук Марія Іванівна").id
    stranger = petition(db, "Мельник Іван Іванович").id
    awards.grant(db, [mine, stranger], o.reg_number)
    awards.grant(db, [mine], f"{o.reg_number} від 20.08.2026")  # again: nothing doubles
    entries = [e for e in personnel.history(db, staff_id) if e.kind == hr_rules.AWARD]
    assert [(e.day, e.detail) for e in entries] == [
        (date(2026, 8, 20), f"Подяка (розп. № {o.reg_number} від 20.08.2026)")
    ]
    assert [a.doc_id for a in awards.awards_of_employee(db, staff_id)] == [mine]


def test_the_registers_hint_names_the_recipient_in_the_genitive(db):
    """«Інших відзнак у Ткаченка Михайла Андрійовича немає» — a man's surname on -о declines,
    a woman's does not; a collective's head noun declines (колектив → колективу)."""
    man = petition(db, "Ткаченко Михайло Андрійович").id
    woman = petition(db, "Ткаченко Марія Іванівна").id
    team = petition(db, "Колектив ОСББ «Світанок»", recipient_type=rules.COLLECTIVE).id
    assert awards.history_hint(db, man) == "Інших відзнак у Ткаченка Михайла Андрійовича немає"
    assert awards.history_hint(db, woman) == "Інших відзнак у Ткаченко Марії Іванівни немає"
    assert awards.history_hint(db, team) == "Інших відзнак у колективу ОСББ «Світанок» немає"
    again = petition(db, "Колектив ОСББ «Світанок»", recipient_type=rules.COLLECTIVE).id
    awards.grant(db, [team], order(db, date(2026, 8, 20)).reg_number)
    hint = awards.history_hint(db, again)
    assert hint.startswith("Інші відзнаки колективу ОСББ «Світанок»: 20.08.2026 — Подяка")
    assert awards.history_hint(db, -1) == ""


def test_a_collective_name_the_program_cannot_decline_is_flagged_on_the_card(db):
    values = {"kind": "Подяка", "recipient": "Барвінок", "recipient_type": rules.COLLECTIVE}
    assert any("«Ім'я на грамоті»" in w for w in awards.petition_check(db, values).warnings)
    values["recipient"] = "Колектив ОСББ «Світанок»"
    assert awards.petition_check(db, values).warnings == ()


def test_a_thanks_to_a_man_a_woman_and_a_collective_in_the_dative(db):
    """The certificates' text read back: «Оголошується колективу ОСББ «Світанок»», never
    «Оголошується Колектив …»; a woman's surname on -о as written."""
    factories.organisation(db)
    o = order(db, date(2026, 8, 20))
    ids = [
        petition(db, "Ткаченко Михайло Андрійович").id,
        petition(db, "Ткаченко Марія Іванівна").id,
        petition(db, "Колектив ОСББ «Світанок»", recipient_type=rules.COLLECTIVE, position="",
                 workplace="").id,
        petition(db, "Працівники ЖЕК № 3", recipient_type=rules.COLLECTIVE,
                 kind="Вітальна адреса").id,
    ]  # fmt: skip
    awards.grant(db, ids, o.reg_number)
    pdf = PdfReader(io.BytesIO(print_selection(db, "award_certificates_pdf", ids)))
    pages = [" ".join(p.extract_text().split()) for p in pdf.pages]
    assert "Оголошується Ткаченку Михайлу Андрійовичу" in pages[0]
    assert "Оголошується Ткаченко Марії Іванівні" in pages[1]
    assert "Оголошується колективу ОСББ «Світанок»" in pages[2]
    assert "Колектив" not in pages[2]
    assert "Шановні працівники ЖЕК № 3!" in pages[3]
