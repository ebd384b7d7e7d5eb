from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from app.printing import (
    ControlStampData,
    RegistrationStampData,
    print_control_stamp,
    print_document_stamps,
    print_registration_stamp,
)

from . import page_size_mm, page_texts, read_pdf, text_positions

STAMP = RegistrationStampData("Шепетівська міська рада", "345/01-12", date(2026, 3, 5), sheets=3)
CONTROL = ControlStampData(date(2026, 4, 5))


def _text_positions(source: io.BytesIO) -> dict[str, tuple[float, float]]:
    """Where each text line starts, in points from the bottom left."""
    return {d.text: (d.x, d.y) for d in text_positions(source)}


def test_page_stamp_has_number_date_and_sheets() -> None:
    out = io.BytesIO()
    print_registration_stamp(STAMP, out)
    [text] = page_texts(out)
    assert "Шепетівська міська рада" in text
    assert "Вх. № 345/01-12" in text
    assert "від 05.03.2026" in text
    assert "Аркушів: 3" in text
    assert page_size_mm(out) == (210.0, 297.0)


def test_page_stamp_sits_bottom_right_and_moves_with_offsets() -> None:
    plain, moved = io.BytesIO(), io.BytesIO()
    print_registration_stamp(STAMP, plain)
    print_registration_stamp(STAMP, moved, offset_x_mm=5, offset_y_mm=3)
    x0, y0 = _text_positions(plain)["Вх. № 345/01-12"]
    x1, y1 = _text_positions(moved)["Вх. № 345/01-12"]
    assert x0 > 105 * 72 / 25.4  # right half of A4
    assert y0 < 40 * 72 / 25.4  # bottom margin
    assert x1 - x0 == pytest.approx(5 * 72 / 25.4, abs=0.1)
    assert y0 - y1 == pytest.approx(3 * 72 / 25.4, abs=0.1)  # positive y moves down


def test_label_mode_uses_label_size() -> None:
    out = io.BytesIO()
    print_registration_stamp(STAMP, out, mode="label", label_size_mm=(70, 37))
    assert page_size_mm(out) == (70.0, 37.0)
    [text] = page_texts(out)
    assert "Вх. № 345/01-12" in text and "від 05.03.2026" in text


def test_label_with_long_name_on_small_label_still_prints_everything() -> None:
    out = io.BytesIO()
    stamp = RegistrationStampData(
        "Виконавчий комітет Шепетівської міської ради Хмельницької області",
        "12345/01-12",
        date(2026, 3, 5),
        sheets=12,
    )
    print_registration_stamp(stamp, out, mode="label", label_size_mm=(50, 25))
    assert page_size_mm(out) == (50.0, 25.0)
    [text] = page_texts(out)
    assert "12345/01-12" in text and "Аркушів: 12" in text


def test_control_stamp_layouts() -> None:
    two, one = io.BytesIO(), io.BytesIO()
    print_control_stamp(CONTROL, two)
    print_control_stamp(CONTROL, one, layout="one_line")
    assert "КОНТРОЛЬ термін 05.04.2026" in page_texts(two)[0]
    assert "Контроль до 05.04.2026" in page_texts(one)[0]
    x, y = _text_positions(two)["КОНТРОЛЬ"]
    assert x > 105 * 72 / 25.4 and y > 260 * 72 / 25.4  # top right


def test_both_stamps_on_one_page(tmp_path: Path) -> None:
    path = tmp_path / "stamps.pdf"
    print_document_stamps(STAMP, CONTROL, path, offset_x_mm=-2.5)
    reader = read_pdf(str(path))
    assert len(reader.pages) == 1
    text = page_texts(str(path))[0]
    assert "КОНТРОЛЬ" in text and "05.04.2026" in text and "Вх. № 345/01-12" in text


def test_nothing_to_print_and_absurd_offsets_are_refused() -> None:
    with pytest.raises(ValueError):
        print_document_stamps(None, None, io.BytesIO())
    with pytest.raises(ValueError):
        print_registration_stamp(STAMP, io.BytesIO(), offset_x_mm=200)
    with pytest.raises(ValueError):
        print_registration_stamp(STAMP, io.BytesIO(), mode="sticker")  # type: ignore[arg-type]
