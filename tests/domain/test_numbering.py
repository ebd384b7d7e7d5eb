"""Registration number formats."""

from __future__ import annotations

import pytest

from app.domain.numbering import (
    NumberFormatError,
    format_number,
    number_pattern,
    split_written,
    validate_format,
)


@pytest.mark.parametrize(
    ("fmt", "n", "index", "year", "expected"),
    [
        ("{n}/{index}", 345, "01-12", 2026, "345/01-12"),
        ("{index}/{n}", 345, "01-12", 2026, "01-12/345"),
        ("{n}/{index}", 345, "", 2026, "345"),
        ("{index}/{n}", 345, "", 2026, "345"),
        ("{n}/{index}", 345, "  ", 2026, "345"),
        ("{n}", 7, "01-12", 2026, "7"),
        ("{n}-р", 17, "", 2026, "17-р"),
        ("{n}/{index}/{yy}", 3, "02-05", 2026, "3/02-05/26"),
        ("{n}/{index}/{yy}", 3, "", 2026, "3/26"),
        ("Вх-{index}/{n}", 3, "", 2026, "Вх-3"),
        ("{year}-{n:04d}", 12, "", 2025, "2025-0012"),
        ("{n}/{yy}", 1, "", 2005, "1/05"),
        ("{{{n}}}", 5, "", 2026, "{5}"),
    ],
)
def test_format_number(fmt: str, n: int, index: str, year: int, expected: str) -> None:
    validate_format(fmt)
    assert format_number(fmt, n, index, year) == expected


def test_format_number_defaults() -> None:
    assert format_number("{n}/{index}", 345) == "345"
    assert format_number("{n}/{yy}", 1) == "1/26"


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("{index}", "має містити поле {n}"),
        ("", "Вкажіть формат"),
        ("   ", "Вкажіть формат"),
        ("{n}/{idx}", "Невідоме поле {idx}"),
        ("{n}/{0}", "Невідоме поле {0}"),
        ("{n}/{}", "Невідоме поле {}"),
        ("{n}/{index", "фігурні дужки"),
        ("{n}}", "фігурні дужки"),
        ("{n!r}", "перетворення"),
        ("{n:zz}", "Неправильне оформлення"),
    ],
)
def test_validate_format_errors(fmt: str, message: str) -> None:
    with pytest.raises(NumberFormatError) as info:
        validate_format(fmt)
    assert message in str(info.value)


def test_format_number_rejects_bad_format() -> None:
    with pytest.raises(NumberFormatError):
        format_number("{n}/{bad}", 1)


def test_number_format_error_is_value_error() -> None:
    assert issubclass(NumberFormatError, ValueError)


def test_number_pattern() -> None:
    pattern = number_pattern("{n}/{index}", "01-12")
    match = pattern.fullmatch("345/01-12")
    assert match is not None and int(match.group("n")) == 345
    assert pattern.fullmatch("345/01-13") is None
    padded = number_pattern("{year}-{n:04d}", year=2025).fullmatch("2025-0012")
    assert padded is not None and int(padded.group("n")) == 12


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("931", (931, "")),
        ("931-1", (931, "000001")),
        ("931/1", (931, "000001")),  # the same sub-number, however separated
        ("24/119", (24, "000119")),
        ("931-1а", (931, "000001а")),
        ("931-2-1", (931, "000002-000001")),
        ("165-ра", (165, "")),  # a series' suffix names no sub-number
        ("14-к", (14, "")),
        (" 7 ", (7, "")),
    ],
)
def test_written_number_splits_into_running_number_and_sub_number(written, expected) -> None:
    assert split_written(written) == expected


def test_sub_numbers_sort_numerically_after_their_number() -> None:
    numbers = ["932", "931-10", "931-2", "931", "24/119", "931-1"]
    ordered = sorted(numbers, key=split_written)
    assert ordered == ["24/119", "931", "931-1", "931-2", "931-10", "932"]


@pytest.mark.parametrize("written", ["", "-1", "а931", "931-" + "1" * 50])
def test_a_written_number_that_is_no_number_is_refused(written) -> None:
    with pytest.raises(NumberFormatError):
        split_written(written)
