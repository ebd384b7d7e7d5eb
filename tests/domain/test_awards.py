"""Awards' rules (regulation 28, next-registers.md §5.1) and the names on certificates in the
case the template needs (Правопис 2019 § 142)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import awards as rules
from app.domain.certificate_text import (
    Recipient,
    fill_template,
    name_in_case,
    unknown_placeholders,
    vocative_address,
)

KINDS = {k.title: k for k in rules.DEFAULT_KINDS}
THANKS, HONORARY = KINDS["Подяка"], KINDS["Почесна грамота"]


def past(kind: str, day: date, order: str = "12-р") -> rules.PastAward:
    return rules.PastAward(kind, day, order, "1")


def test_a_petition_less_than_a_week_before_the_ceremony_is_flagged():
    assert rules.petition_late(THANKS, date(2026, 8, 18), date(2026, 8, 24))
    assert not rules.petition_late(THANKS, date(2026, 8, 17), date(2026, 8, 24))
    distinction = KINDS["Почесна відзнака міського голови"]
    assert rules.petition_late(distinction, date(2026, 8, 1), date(2026, 8, 24))  # 28.4: a month
    warnings = rules.petition_warnings(
        THANKS, rules.PERSON, date(2026, 8, 20), date(2026, 8, 24), 5, [], date(2026, 8, 20)
    )
    assert len(warnings) == 1 and "менш ніж за 7 днів" in warnings[0]


def test_the_ladder_wants_a_lower_award_first_and_years_between():
    on = date(2026, 8, 24)
    none = rules.petition_warnings(HONORARY, rules.PERSON, None, on, 10, [], on)
    assert any("лише після «Подяка» або «Грамота»" in w for w in none)
    recent = [past("Подяка", date(2025, 8, 20))]
    soon = rules.petition_warnings(HONORARY, rules.PERSON, None, on, 10, recent, on)
    assert any("не раніше ніж через 3 р." in w for w in soon)
    old = [past("Подяка", date(2022, 8, 20))]
    assert rules.petition_warnings(HONORARY, rules.PERSON, None, on, 10, old, on) == []


def test_minimum_years_and_the_repeat_interval_are_warnings():
    on = date(2026, 8, 24)
    short = rules.petition_warnings(THANKS, rules.PERSON, None, on, 0, [], on)
    assert any("Стаж роботи 0 р." in w for w in short)
    again = [past("Подяка", date(2025, 3, 1))]
    repeat = rules.petition_warnings(THANKS, rules.PERSON, None, on, 5, again, on)
    assert any("повторно — не раніше ніж через 2 р." in w for w in repeat)
    # the years rule is for persons; a collective has none
    assert rules.petition_warnings(THANKS, rules.COLLECTIVE, None, on, 0, [], on) == []


def test_a_kind_only_for_persons_warns_for_a_collective():
    kind = KINDS["Почесна відзнака міського голови"]
    on = date(2026, 8, 24)
    found = rules.petition_warnings(kind, rules.COLLECTIVE, None, on, None, [], on)
    assert any("отримувач — колектив" in w for w in found)


@pytest.mark.parametrize(
    ("name", "sex", "dative"),
    [
        ("Мельник Іван Іванович", "m", "Мельнику Івану Івановичу"),
        ("Коваль Олена Петрівна", "f", "Коваль Олені Петрівні"),  # feminine on a consonant
        ("Шевченко Ілля Миколайович", "m", "Шевченку Іллі Миколайовичу"),  # -ко, Ілля
        ("Бойко Любов Іллівна", "f", "Бойко Любові Іллівні"),  # feminine -ко, Любов
        ("Кравчук Микола Петрович", "m", "Кравчуку Миколі Петровичу"),  # -ук, Микола
        ("Кравчук Ганна Петрівна", "f", "Кравчук Ганні Петрівні"),  # feminine -ук
        ("Іванів Петро Іванович", "m", "Іванову Петру Івановичу"),  # -ів: і → о
        ("Ковалів Андрій Петрович", "m", "Ковалеву Андрію Петровичу"),  # -ів after л: і → е
        ("Іванів Марія Петрівна", "f", "Іванів Марії Петрівні"),  # feminine -ів
        ("Скрипка Ольга Іванівна", "f", "Скрипці Ользі Іванівні"),  # к → ц, г → з
        ("Косач-Квітка Анна Петрівна", "f", "Косач-Квітці Анні Петрівні"),  # double surname
    ],
)
def test_the_dative_on_a_thanks(name, sex, dative):
    assert name_in_case(Recipient(rules.PERSON, name, sex), "dative") == dative


def test_the_nominative_after_nagorodzhuietsia():
    assert name_in_case(Recipient(rules.PERSON, "Мельник Іван Іванович", "m"), "nominative") == (
        "Мельник Іван Іванович"
    )
    team = Recipient(rules.COLLECTIVE, "Колектив КП «Водоканал»")
    assert name_in_case(team, "nominative") == "колектив КП «Водоканал»"  # a common noun


@pytest.mark.parametrize(
    ("name", "dative"),
    [
        ("Колектив ОСББ «Світанок»", "колективу ОСББ «Світанок»"),
        ("Трудовий колектив КП «Водоканал»", "трудовому колективу КП «Водоканал»"),
        ("Працівники ЖЕК № 3", "працівникам ЖЕК № 3"),
        ("ОСББ «Світанок»", "ОСББ «Світанок»"),  # an abbreviation does not decline
    ],
)
def test_a_thanks_to_a_collective_names_it_in_the_dative(name, dative):
    team = Recipient(rules.COLLECTIVE, name)
    lines = fill_template(THANKS.template, team, "dative", "за сумлінну працю", "День міста")
    assert lines[:2] == ["Оголошується", dative]


def test_a_greeting_to_a_collective():
    team = Recipient(rules.COLLECTIVE, "Колектив ОСББ «Світанок»")
    address = KINDS["Вітальна адреса"].template
    lines = fill_template(address, team, "vocative", "сумлінну працю", "День міста")
    assert lines[0] == "Шановний колективе ОСББ «Світанок»!"
    staff = Recipient(rules.COLLECTIVE, "Працівники ЖЕК № 3")
    assert vocative_address(staff) == ("Шановні", "працівники ЖЕК № 3")


def test_the_vocative_of_a_greeting_address():
    assert vocative_address(Recipient(rules.PERSON, "Мельник Іван Іванович", "m")) == (
        "Шановний",
        "Іване Івановичу",
    )
    assert vocative_address(Recipient(rules.PERSON, "Коваль Олена Петрівна", "f")) == (
        "Шановна",
        "Олено Петрівно",
    )
    lines = fill_template(
        KINDS["Вітальна адреса"].template,
        Recipient(rules.PERSON, "Бойко Любов Іллівна", "f"),
        "vocative",
        "багаторічну сумлінну працю",
        "Ювілей (день народження)",
    )
    assert lines[0] == "Шановна Любове Іллівно!"


def test_a_clerks_correction_wins_and_is_used_verbatim():
    r = Recipient(rules.PERSON, "Черних Лука Кузьмич", "m", name_override="Черниху Луці Кузьмичу")
    assert name_in_case(r, "dative") == "Черниху Луці Кузьмичу"


def test_the_template_fills_its_placeholders_and_drops_empty_lines():
    r = Recipient(rules.PERSON, "Мельник Іван Іванович", "m", "слюсар", "")
    lines = fill_template(
        THANKS.template, r, "dative", "за сумлінну працю.", "День Незалежності України"
    )
    assert lines == [
        "Оголошується",
        "Мельнику Івану Івановичу",
        "слюсар",
        "за сумлінну працю",
        "з нагоди Дня Незалежності України",
    ]
    assert unknown_placeholders("{ім'я} {посада} {прізвисько}") == ["прізвисько"]


def test_occasions_read_after_z_nahody():
    assert rules.occasion_phrase("День медичного працівника") == "з нагоди Дня медичного працівника"
    assert rules.occasion_phrase("Міжнародний жіночий день") == (
        "з нагоди Міжнародного жіночого дня"
    )
    assert rules.occasion_phrase("") == ""


def test_a_collective_name_the_program_cannot_decline_is_a_warning():
    found = rules.name_warnings(THANKS, rules.COLLECTIVE, "Барвінок")
    assert len(found) == 1 and "«Ім'я на грамоті»" in found[0]
    assert rules.name_warnings(THANKS, rules.COLLECTIVE, "Колектив ОСББ «Світанок»") == []
    assert rules.name_warnings(THANKS, rules.COLLECTIVE, "Барвінок", "ансамблю «Барвінок»") == []
    assert rules.name_warnings(HONORARY, rules.COLLECTIVE, "Барвінок") == []  # nominative
    assert rules.name_warnings(THANKS, rules.PERSON, "Барвінок Іван", sex="m") == []


def test_a_person_the_certificate_cannot_decline_is_a_warning():
    # the clerk left «особа» for a collective
    found = rules.name_warnings(THANKS, rules.PERSON, "Колектив ОСББ «Світанок»")
    assert len(found) == 1 and "виберіть «колектив»" in found[0]
    # no sex given and none told by the name: the name would print as written
    unsure = rules.name_warnings(THANKS, rules.PERSON, "Сміт Алекс")
    assert len(unsure) == 1 and "Вкажіть стать" in unsure[0]
    assert rules.name_warnings(THANKS, rules.PERSON, "Сміт Алекс", sex="f") == []
    # the patronymic tells the sex; a surname that is also a noun («Рада») is a person
    assert rules.name_warnings(THANKS, rules.PERSON, "Рада Іван Петрович") == []
    assert rules.name_warnings(HONORARY, rules.PERSON, "Сміт Алекс") == []  # nominative


def test_a_verb_agrees_with_a_collective_named_in_the_plural():
    staff = Recipient(rules.COLLECTIVE, "Працівники ЖЕК № 3")
    lines = fill_template(HONORARY.template, staff, "nominative", "за сумлінну працю", "")
    assert lines[:2] == ["Нагороджуються", "працівники ЖЕК № 3"]
    team = Recipient(rules.COLLECTIVE, "Колектив ОСББ «Світанок»")
    lines = fill_template(HONORARY.template, team, "nominative", "за сумлінну працю", "")
    assert lines[:2] == ["Нагороджується", "колектив ОСББ «Світанок»"]
    # in the dative the subject is the thanks: «Оголошується (подяка) працівникам …»
    lines = fill_template(THANKS.template, staff, "dative", "за сумлінну працю", "")
    assert lines[:2] == ["Оголошується", "працівникам ЖЕК № 3"]
