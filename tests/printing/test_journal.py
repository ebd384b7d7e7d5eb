from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest

from app.printing import JournalColumn, print_journal

from . import DPS, page_size_mm, page_texts, read_pdf, sample_journal

HEADER = "Реєстр. індекс Дата надходження Кореспондент Короткий зміст"


@pytest.fixture(scope="module")
def big_journal() -> list[str]:
    out = io.BytesIO()
    print_journal(sample_journal(1000), out)
    assert page_size_mm(out) == (297.0, 210.0)  # A4 landscape
    return page_texts(out)


def test_header_and_page_numbers_on_every_page(big_journal: list[str]) -> None:
    total = len(big_journal)
    assert total > 20
    for number, text in enumerate(big_journal, start=1):
        assert HEADER in text, number
        assert f"Сторінка {number} з {total}" in text


def test_title_block_only_on_first_page(big_journal: list[str]) -> None:
    first = big_journal[0]
    assert "Виконавчий комітет Шепетівської міської ради" in first
    assert "Журнал реєстрації вхідних документів" in first
    assert "з 01.01.2026 по 31.03.2026" in first
    assert "Сторінка 1 з" in first
    assert all("Журнал реєстрації" not in t for t in big_journal[1:])


def test_every_row_printed_once_in_order(big_journal: list[str]) -> None:
    numbers = [int(m) for t in big_journal for m in re.findall(r"(?<![\d/])(\d+)/01-12", t)]
    assert numbers == list(range(1, 1001))


def test_long_text_is_wrapped_not_lost(big_journal: list[str]) -> None:
    text = " ".join(big_journal)
    assert DPS in text
    assert "з розбивкою за видами платежів і строками виникнення заборгованості" in text


def test_paths_and_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    print_journal(replace(sample_journal(0)), path)
    [text] = page_texts(str(path))
    assert "За цей період записів немає." in text
    assert "Сторінка 1 з 1" in text


def test_cell_too_long_for_a_page_continues_on_the_next_page() -> None:
    """Issue 9: a long text continues onto the next page (it was cut with «…»)."""
    journal = sample_journal(3)
    rows = [list(r) for r in journal.rows]
    rows[1][3] = "Дуже довгий зміст документа без кінця. " * 600
    out = io.BytesIO()
    print_journal(replace(journal, rows=rows), out)
    texts = page_texts(out)
    text = " ".join(texts)
    assert "…" not in text and len(texts) > 1
    assert text.count("кінця.") == 600
    assert "3/01-12" in text


def test_word_wider_than_its_column_is_broken() -> None:
    journal = replace(
        sample_journal(1),
        columns=[JournalColumn("№", 0.3), JournalColumn("Зміст", 10)],
        rows=[["12345678901234567890/01-12-2026-ДОДАТКОВИЙ", "Коротко"]],
    )
    out = io.BytesIO()
    print_journal(journal, out)
    [text] = page_texts(out)
    assert "Коротко" in text
    assert len(read_pdf(out).pages) == 1


def test_row_with_wrong_number_of_cells_is_refused() -> None:
    journal = replace(sample_journal(1), rows=[["1/01-12"]])
    with pytest.raises(ValueError, match="Рядок 1"):
        print_journal(journal, io.BytesIO())


def test_initials_and_numbers_are_not_torn_from_their_words() -> None:
    from app.printing.fonts import REGULAR, register_fonts
    from app.printing.wrapping import LineBreaker

    register_fonts()
    breaker = LineBreaker(9)
    avail = breaker.width("Бондаренку В. С., Коваль", REGULAR)
    lines = breaker.wrap("Бондаренку В. С., Коваль О. П. Розглянути, № 345/01-12", REGULAR, avail)
    assert lines[0] == "Бондаренку В. С.,"
    assert "Коваль О. П." in lines[1]
    assert any("№ 345/01-12" in line for line in lines)
    assert all("\u00a0" not in line for line in lines)
