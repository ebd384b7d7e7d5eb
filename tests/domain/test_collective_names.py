"""A collective's or an organisation's name in a case: only the head of the word group (and the
adjectives agreeing with it) changes; quoted names, numbers, abbreviations and genitive
complements stay as written (app/domain/collective_names.py)."""

from __future__ import annotations

import pytest

from app.domain.collective_names import (
    collective_address,
    collective_declines,
    collective_in_case,
)


@pytest.mark.parametrize(
    ("name", "genitive", "dative"),
    [
        ("Колектив ОСББ «Світанок»", "колективу ОСББ «Світанок»", "колективу ОСББ «Світанок»"),
        (
            "Трудовий колектив КП «Водоканал»",
            "трудового колективу КП «Водоканал»",
            "трудовому колективу КП «Водоканал»",
        ),
        (
            "Педагогічний колектив Шепетівського ліцею № 1",
            "педагогічного колективу Шепетівського ліцею № 1",
            "педагогічному колективу Шепетівського ліцею № 1",
        ),
        ("Працівники ЖЕК № 3", "працівників ЖЕК № 3", "працівникам ЖЕК № 3"),
        (
            "Медичні працівники КНП «Лікарня»",  # a plural adjective agrees
            "медичних працівників КНП «Лікарня»",
            "медичним працівникам КНП «Лікарня»",
        ),
        ("Команда «Барси»", "команди «Барси»", "команді «Барси»"),  # feminine
        ("Сім’я Коваленків", "сім’ї Коваленків", "сім’ї Коваленків"),  # the apostrophe kept
        # an organisation keeps its capitals; adjectives hard and soft
        (
            "Відділ освіти міської ради",
            "Відділу освіти міської ради",
            "Відділу освіти міської ради",
        ),
        ("Середня школа № 2", "Середньої школи № 2", "Середній школі № 2"),
        (
            "Комунальне підприємство «Водоканал»",
            "Комунального підприємства «Водоканал»",
            "Комунальному підприємству «Водоканал»",
        ),
        ("Управління праці", "Управління праці", "Управлінню праці"),
        # the same in every case: an abbreviation, a quoted name
        ("ОСББ «Світанок»", "ОСББ «Світанок»", "ОСББ «Світанок»"),
        ("«Барвінок»", "«Барвінок»", "«Барвінок»"),
    ],
)
def test_only_the_head_declines(name: str, genitive: str, dative: str) -> None:
    assert collective_in_case(name, "genitive") == genitive
    assert collective_in_case(name, "dative") == dative
    assert collective_declines(name)


def test_a_name_without_a_known_head_is_left_as_written_and_flagged() -> None:
    assert collective_in_case("Барвінок  Шепетівка", "dative") == "Барвінок Шепетівка"
    assert not collective_declines("Барвінок")
    # an abbreviation before the head: not an adjective, so nothing is declined
    assert collective_in_case("КП колектив", "dative") == "КП колектив"


def test_the_greeting_of_a_collective() -> None:
    assert collective_address("Колектив ОСББ «Світанок»") == (
        "Шановний",
        "колективе ОСББ «Світанок»",
    )
    assert collective_address("Трудовий колектив КП «Водоканал»") == (
        "Шановний",
        "трудовий колективе КП «Водоканал»",  # the adjective's vocative is its nominative
    )
    assert collective_address("Працівники ЖЕК № 3") == ("Шановні", "працівники ЖЕК № 3")
    assert collective_address("Команда «Барси»") == ("Шановна", "командо «Барси»")
    # an organisation is greeted through its collective
    assert collective_address("ОСББ «Світанок»") == ("Шановний", "колективе ОСББ «Світанок»")
    assert collective_address("Середня школа № 2") == (
        "Шановний",
        "колективе Середньої школи № 2",
    )
    assert collective_address("Барвінок") == ("Шановні", "колеги")
