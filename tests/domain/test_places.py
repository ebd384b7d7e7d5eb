"""The place of issue on a blank, derived from the organisation's address or name."""

from __future__ import annotations

import pytest

from app.domain.places import place_of_issue


@pytest.mark.parametrize(
    ("address", "short_name", "expected"),
    [
        ("вул. Островського, 4, м. Шепетівка, 30400", "Шепетівська міська рада", "м. Шепетівка"),
        ("30400, Хмельницька обл., м.Шепетівка, вул. Островського, 4", "", "м. Шепетівка"),
        ("вул. Шевченка, 1, с. Плужне, Шепетівський р-н, 30130", "", "с. Плужне"),
        ("вул. Миру, 2, смт Понінка", "", "смт Понінка"),
        ("вул. Миру, 2, селище міського типу Понінка", "", "смт Понінка"),
        ("вул. Миру, 2, селище Понінка", "", "сел. Понінка"),
        ("вул. Миру, 2, село Плужне", "", "с. Плужне"),
        ("вул. Миру, 2, місто Нетішин", "", "м. Нетішин"),
        ("вул. Соборна, 5, м. Кам'янець-Подільський", "", "м. Кам'янець-Подільський"),
        # No marker in the address: the name that shares its stem with the council's name.
        ("Шепетівка, вул. Островського, 4", "Шепетівська міська рада", "м. Шепетівка"),
        ("вул. Лесі Українки, 1, Луцьк, 43000", "Луцька міська рада", "м. Луцьк"),
        ("вул. Шевченка, 1, Плужне", "Плужненська сільська рада", "с. Плужне"),
        ("вул. Садова, 1, Київ, 01001", "Київська міська рада", "м. Київ"),
    ],
)
def test_the_place_comes_from_the_address(address: str, short_name: str, expected: str) -> None:
    assert place_of_issue(address, short_name) == expected


def test_the_full_name_is_read_when_the_short_one_says_nothing() -> None:
    full = "Виконавчий комітет Полонської міської ради"
    assert place_of_issue("вул. Шевченка, 1, Полонне", "Рада", full) == "м. Полонне"
    assert place_of_issue("", "", "Виконавчий комітет міста Славута") == "м. Славута"


@pytest.mark.parametrize(
    ("address", "short_name"),
    [
        ("вул. Свободи, 4", "Шепетівська міська рада"),  # the adjective alone is not a name
        ("", "Шепетівська міська рада"),
        ("вул. Селянська, 5, Сокиряни", ""),  # no marker and no council name to compare
        ("вул. Селищна, 5", "Виконавчий комітет"),  # street names are not markers
    ],
)
def test_nothing_is_guessed_without_a_name_in_the_address(address: str, short_name: str) -> None:
    assert place_of_issue(address, short_name) == ""
