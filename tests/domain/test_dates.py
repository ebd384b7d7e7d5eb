"""parse_date / format_date: what a clerk types in a date field."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.dates import (
    DateError,
    format_date,
    format_date_long,
    parse_date,
    parse_optional_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.03.2026", date(2026, 3, 5)),
        ("5.3.2026", date(2026, 3, 5)),
        ("05.03.26", date(2026, 3, 5)),
        (" 05.03.2026 ", date(2026, 3, 5)),
        ("05. 03. 2026", date(2026, 3, 5)),
        ("29.02.2024", date(2024, 2, 29)),
        ("31.12.1935", date(1935, 12, 31)),
    ],
)
def test_parse_date_accepts(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "abc", "2026-03-05", "05/03/2026", "05.03.202", "05.03", "5.3.2026р"]
)
def test_parse_date_rejects_format(text: str) -> None:
    with pytest.raises(DateError, match=r"ДД\.ММ\.РРРР"):
        parse_date(text)


def test_parse_date_impossible_day() -> None:
    with pytest.raises(DateError) as info:
        parse_date("31.02.2026")
    assert str(info.value) == "Такої дати не існує: 31.02.2026"


def test_parse_date_not_leap_year() -> None:
    with pytest.raises(DateError, match=r"Такої дати не існує: 29\.02\.2026"):
        parse_date("29.2.2026")


def test_parse_date_bad_month_explained() -> None:
    with pytest.raises(DateError, match="місяць має бути від 01 до 12"):
        parse_date("05.13.2026")


def test_parse_date_implausible_year() -> None:
    with pytest.raises(DateError, match="рік"):
        parse_date("05.03.0226")


def test_date_error_is_value_error() -> None:
    assert issubclass(DateError, ValueError)


def test_parse_optional_date() -> None:
    assert parse_optional_date("") is None
    assert parse_optional_date(None) is None
    assert parse_optional_date(" 1.1.2026") == date(2026, 1, 1)


def test_format_date() -> None:
    assert format_date(date(2026, 3, 5)) == "05.03.2026"
    assert format_date(None) == ""


def test_format_round_trip() -> None:
    d = date(2025, 12, 26)
    assert parse_date(format_date(d)) == d


def test_format_date_long() -> None:
    assert format_date_long(date(2026, 3, 5)) == "05 березня 2026 року"
    assert format_date_long(date(2025, 12, 1)) == "01 грудня 2025 року"
    assert format_date_long(None) == ""
