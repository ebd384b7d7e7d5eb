"""Address labels: sheets of 24 or 14, filled row by row, ``skip`` for a used sheet."""

from __future__ import annotations

import pytest

from app.printing import LABEL_LAYOUTS, MailPiece, labels_pdf
from app.printing.labels import PAD_X, PAD_Y, label_origin

from . import MM, page_size_mm, page_texts, read_pdf, text_positions
from .mail_data import LONG, PERSON, SENDER, numbered


def _label_of(layout: str, x: float, y: float) -> int:
    """Which label (0-based, row by row) the point (x, y) on a sheet falls in."""
    sheet = LABEL_LAYOUTS[layout]
    for index in range(sheet.per_sheet):
        left, bottom = label_origin(sheet, index)
        if left <= x <= left + sheet.width * MM and bottom <= y <= bottom + sheet.height * MM:
            return index
    raise AssertionError(f"({x:.1f}, {y:.1f}) is on no label")


def _names_on_labels(pdf: bytes, page: int, layout: str) -> dict[str, int]:
    return {
        d.text: _label_of(layout, d.x, d.y)
        for d in text_positions(pdf, page)
        if d.text.startswith("Адресат")
    }


@pytest.mark.parametrize(
    ("count", "layout", "pages"),
    [(30, "3x8", 2), (24, "3x8", 1), (25, "3x8", 2), (14, "2x7", 1), (15, "2x7", 2)],
)
def test_sheets_needed(count: int, layout: str, pages: int) -> None:
    pdf = labels_pdf(numbered(count), layout=layout)
    assert len(read_pdf(pdf).pages) == pages
    assert page_size_mm(pdf) == (210.0, 297.0)
    texts = page_texts(pdf)
    assert sum(t.count("Адресат") for t in texts) == count


@pytest.mark.parametrize("layout", ["3x8", "2x7"])
def test_labels_fill_rows_left_to_right(layout: str) -> None:
    per_sheet = LABEL_LAYOUTS[layout].per_sheet
    pdf = labels_pdf(numbered(per_sheet + 2), layout=layout)
    assert _names_on_labels(pdf, 0, layout) == {f"Адресат {i + 1:02d}": i for i in range(per_sheet)}
    assert _names_on_labels(pdf, 1, layout) == {
        f"Адресат {per_sheet + 1:02d}": 0,
        f"Адресат {per_sheet + 2:02d}": 1,
    }


def test_skip_leaves_the_first_labels_of_the_first_sheet_empty() -> None:
    pdf = labels_pdf(numbered(30), skip=5)
    first = _names_on_labels(pdf, 0, "3x8")
    assert first == {f"Адресат {i + 1:02d}": i + 5 for i in range(19)}
    assert _names_on_labels(pdf, 1, "3x8") == {f"Адресат {i:02d}": i - 20 for i in range(20, 31)}


def test_2x7_sheet_has_its_margins() -> None:
    sheet = LABEL_LAYOUTS["2x7"]
    x, y = label_origin(sheet, 0)
    assert x == pytest.approx(4.65 * MM)
    assert 297 * MM - (y + sheet.height * MM) == pytest.approx(15.15 * MM)
    x, _ = label_origin(sheet, 1)
    assert x + sheet.width * MM == pytest.approx((210 - 4.65) * MM)
    _, y = label_origin(sheet, 13)
    assert y == pytest.approx(15.15 * MM)


def test_sender_line_and_registered_mark() -> None:
    pdf = labels_pdf([MailPiece(PERSON, registered=True), MailPiece(PERSON)], sender=SENDER)
    [text] = page_texts(pdf)
    assert text.count("Рекомендоване") == 1
    assert text.count("Виконавчий комітет Шепетівської міської ради") == 2
    assert text.count("Ґудзь Євгенії Їжаківні") == 2
    assert text.count("30433") == 2
    ys = {d.text.split(",")[0]: d.y for d in text_positions(pdf) if _label_of("3x8", d.x, d.y) == 0}
    # Top to bottom: sender, recipient, postal code.
    assert ys["Виконавчий комітет Шепетівської міської ради"] > ys["Ґудзь Євгенії Їжаківні"]
    assert ys["Ґудзь Євгенії Їжаківні"] > ys["30433"]


@pytest.mark.parametrize("layout", ["3x8", "2x7"])
def test_long_address_shrinks_and_stays_on_its_label(layout: str) -> None:
    pdf = labels_pdf([MailPiece(LONG, registered=True)] * 3, sender=LONG, layout=layout)
    sheet = LABEL_LAYOUTS[layout]
    found = text_positions(pdf)
    assert any(d.text == "30455" for d in found)  # the postal code survives the cut
    assert any(d.text.endswith("…") for d in found)  # the cut is visible
    for d in found:
        left, bottom = label_origin(sheet, _label_of(layout, d.x, d.y))
        assert d.x >= left + PAD_X - 0.01, d
        assert d.right() <= left + sheet.width * MM - PAD_X + 0.01, d
        assert d.y >= bottom + PAD_Y * 0.5, d  # descenders stay on the label too
        assert d.y + d.size * 0.9 <= bottom + sheet.height * MM - PAD_Y + 0.01, d  # capitals


def test_bad_arguments_are_refused_in_ukrainian() -> None:
    with pytest.raises(ValueError, match="Допустимі: 3x8, 2x7"):
        labels_pdf(numbered(1), layout="4x10")
    with pytest.raises(ValueError, match="пропустити можна від 0 до 23"):
        labels_pdf(numbered(1), skip=24)
    with pytest.raises(ValueError, match="від 0 до 13"):
        labels_pdf(numbered(1), skip=-1, layout="2x7")
    with pytest.raises(ValueError, match="Немає жодного адресата"):
        labels_pdf([])
