"""Regulation 10.2 (at most four addressees on a document) and postal codes (10.10.3)."""

from __future__ import annotations

import pytest

from app.domain.addressees import (
    MAX_ADDRESSEES_ON_DOCUMENT,
    addressee_block,
    copies_for_distribution,
    needs_distribution_list,
)
from app.domain.correspondence import postal_code_problem
from app.domain.plural import count_phrase, plural

NAMES = [f"Адресат {i}" for i in range(1, 8)]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "адресатів"),
        (1, "адресат"),
        (2, "адресати"),
        (4, "адресати"),
        (5, "адресатів"),
        (11, "адресатів"),
        (12, "адресатів"),
        (14, "адресатів"),
        (21, "адресат"),
        (22, "адресати"),
        (25, "адресатів"),
        (101, "адресат"),
        (111, "адресатів"),
        (112, "адресатів"),
        (122, "адресати"),
    ],
)
def test_plural_forms(n: int, expected: str) -> None:
    assert plural(n, "адресат", "адресати", "адресатів") == expected
    assert count_phrase(n, "адресат", "адресати", "адресатів") == f"{n} {expected}"


def test_four_addressees_fit_on_the_document_five_do_not() -> None:
    assert MAX_ADDRESSEES_ON_DOCUMENT == 4
    assert not needs_distribution_list(4)
    assert needs_distribution_list(5)
    assert addressee_block(NAMES[:4]) == NAMES[:4]
    assert addressee_block(NAMES[:5]) == ["Згідно зі списком розсилки (5 адресатів)"]


@pytest.mark.parametrize(
    ("count", "phrase"),
    [(21, "21 адресат"), (22, "22 адресати"), (25, "25 адресатів"), (111, "111 адресатів")],
)
def test_reference_to_the_list_counts_in_the_right_form(count: int, phrase: str) -> None:
    names = [f"Адресат {i}" for i in range(count)]
    assert addressee_block(names) == [f"Згідно зі списком розсилки ({phrase})"]


def test_blank_names_are_not_addressees() -> None:
    names = [" Шепетівська РДА ", "", "   ", *NAMES[:3]]
    assert addressee_block(names) == ["Шепетівська РДА", *NAMES[:3]]
    assert not needs_distribution_list(len(addressee_block(names)))


def test_each_copy_names_one_addressee_when_there_is_a_list() -> None:
    assert copies_for_distribution(NAMES[:5]) == [[n] for n in NAMES[:5]]


def test_up_to_four_every_copy_shows_all_names() -> None:
    assert copies_for_distribution(NAMES[:3]) == [NAMES[:3]] * 3
    assert copies_for_distribution([]) == []


@pytest.mark.parametrize("code", ["30400", " 29000 ", "01001"])
def test_good_postal_codes(code: str) -> None:
    assert postal_code_problem(code) is None


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("", "не вказано поштовий індекс"),
        ("  ", "не вказано поштовий індекс"),
        ("3040", "п'яти цифр"),
        ("304000", "п'яти цифр"),
        ("30 400", "п'яти цифр"),
        ("3040А", "п'яти цифр"),
        ("٣٠٤٠٠", "п'яти цифр"),  # Arabic-Indic digits are digits to \d, not to a postman
    ],
)
def test_bad_postal_codes(code: str, fragment: str) -> None:
    problem = postal_code_problem(code)
    assert problem is not None and fragment in problem
