"""Список розсилки: A4 portrait, header on every page, numbered pages only when there are
several, the count, the signature and the executor at the end."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.printing import distribution_list_pdf
from app.printing.distribution import split_signatory

from . import page_size_mm, page_texts
from .mail_data import distribution

HEADER = "№ з/п Адресат Адреса / e-mail Поштовий індекс Спосіб надсилання"


@pytest.fixture(scope="module")
def long_list() -> list[str]:
    pdf = distribution_list_pdf(distribution(60))
    assert page_size_mm(pdf) == (210.0, 297.0)  # A4 portrait
    return page_texts(pdf)


def test_heading_names_the_document(long_list: list[str]) -> None:
    first = long_list[0]
    assert "Виконавчий комітет Шепетівської міської ради" in first
    assert "Список розсилки" in first
    assert "до вих. № 15/01-12 від 20.11.2026" in first
    assert "Про підготовку об'єктів житлово-комунального господарства" in first
    assert all("Список розсилки" not in t for t in long_list[1:])


def test_header_and_page_numbers_on_every_page(long_list: list[str]) -> None:
    total = len(long_list)
    assert total >= 3
    for number, text in enumerate(long_list, start=1):
        assert HEADER in text, number
        assert f"Сторінка {number} з {total}" in text


def test_every_addressee_once_in_order_with_address_email_and_method(
    long_list: list[str],
) -> None:
    text = " ".join(long_list)
    assert [int(n) for n in re.findall(r"Адресат (\d\d)", text)] == list(range(1, 61))
    assert "Адресат 01 вул. Шевченка, 5, кв. 12 с. Плесна" in text  # address split in lines
    assert "info1@example.gov.ua" in text and "info5@example.gov.ua" in text
    for method in ("Пошта", "Електронна пошта", "СЕВ ОВВ", "Нарочно"):
        assert method in text


def test_total_signature_and_executor_close_the_list_with_its_last_row(
    long_list: list[str],
) -> None:
    last = long_list[-1]
    assert "Усього адресатів: 60." in last
    assert re.search(r"Міський голова .*Олена КОВАЛЬ", last)
    assert "Оксана Петренко, (03840) 4-12-34" in last
    assert "Адресат 60" in last  # a signature never stands alone on a page
    assert all("Усього адресатів" not in t for t in long_list[:-1])


def test_a_short_list_is_one_unnumbered_page() -> None:
    [text] = page_texts(distribution_list_pdf(distribution(6)))
    assert HEADER in text
    assert "Усього адресатів: 6." in text
    assert "Сторінка" not in text


def test_without_signatory_or_executor() -> None:
    data = replace(distribution(5), signatory="", compiled_by="", title="")
    [text] = page_texts(distribution_list_pdf(data))
    assert "Усього адресатів: 5." in text
    assert "Міський голова" not in text
    assert text.count("до вих. № 15/01-12 від 20.11.2026") == 1


@pytest.mark.parametrize(
    ("signatory", "expected"),
    [
        ("Міський голова Олена КОВАЛЬ", ("Міський голова", "Олена КОВАЛЬ")),
        (
            "Керуючий справами виконавчого комітету Ольга МАРЧУК",
            ("Керуючий справами виконавчого комітету", "Ольга МАРЧУК"),
        ),
        ("Олена КОВАЛЬ", ("", "Олена КОВАЛЬ")),
        ("Міський голова", ("Міський голова", "")),
        ("  ", ("", "")),
    ],
)
def test_split_signatory(signatory: str, expected: tuple[str, str]) -> None:
    assert split_signatory(signatory) == expected
