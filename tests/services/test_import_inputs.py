"""Issue 9: no import file can exhaust memory, plant bad text, or move the counter unasked.

Every refusal is a Ukrainian sentence naming the row and the column, and the database is left
as it was (on both engines where it is written).
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.registers import INCOMING
from app.services.imports import ImportFileError, import_file
from app.services.register_view import RegisterView, ViewQuery
from db.models import Document, RegisterCounter

HEADER = ["№", "Дата реєстрації", "Кореспондент", "Короткий зміст", "Аркушів"]
DAY = "02.03.2026"
TODAY = date(2026, 3, 10)


def _count(db) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(Document)).scalar_one()


def _xlsx(path: Path, rows: list[list[object]], extra=None) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in [HEADER, *rows]:
        ws.append(row)
    if extra:
        extra(ws)
    wb.save(path)
    return path


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join([";".join(HEADER), *lines]).encode(encoding))
    return path


def _problems(result) -> list[str]:
    return [str(p) for p in result.problems]


# --- spreadsheets that claim to be huge -------------------------------------------------------


@pytest.mark.parametrize("cell", ["XFD1048576", "XFD1", "XFD20000", "A600000"])
def test_a_far_away_cell_is_refused_quickly_in_little_memory(db, tmp_path, cell):
    path = _xlsx(
        tmp_path / "far.xlsx",
        [[1, DAY, "Луцька РДА", "Про дороги", 1]],
        lambda ws: ws.__setitem__(cell, "x"),
    )
    assert path.stat().st_size < 20_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ImportFileError, match="завеликий") as caught:
            import_file(db, INCOMING, path, today=TODAY)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert cell in str(caught.value) or "рядок" in str(caught.value)
    assert peak < 50 * 2**20 and time.perf_counter() - started < 20
    assert _count(db) == 0


def test_a_formatted_but_empty_far_cell_is_no_reason_to_refuse(db, tmp_path):
    from openpyxl.styles import Font

    def style(ws):
        ws["XFD1048576"].font = Font(bold=True)  # formatting only, no value

    path = _xlsx(tmp_path / "styled.xlsx", [[1, DAY, "Луцька РДА", "Про дороги", 1]], style)
    result = import_file(db, INCOMING, path, today=TODAY)
    assert result.ok and result.imported == 1


def _swelled(path: Path, placeholder: str, text: str) -> Path:
    """The workbook with `placeholder` replaced in its XML (Excel and openpyxl themselves
    write at most 32,767 characters into a cell; a crafted file holds what it likes)."""
    import zipfile

    swollen = path.with_name("swollen.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(swollen, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data.replace(placeholder.encode(), text.encode()))
    return swollen


def test_a_long_summary_from_excel_is_refused_by_row_and_column(db, tmp_path):
    plain = _xlsx(tmp_path / "long.xlsx", [[1, DAY, "Луцька РДА", "ЗАМІНИТИ", 1]])
    path = _swelled(plain, "ЗАМІНИТИ", "з" * 2_600_000)
    result = import_file(db, INCOMING, path, today=TODAY)
    [problem] = _problems(result)
    assert problem.startswith("рядок 2, стовпець «Короткий зміст»")
    assert "не більше 4000 знаків" in problem and "2600000" in problem
    assert _count(db) == 0


# --- CSV cells -----------------------------------------------------------------------------


def test_a_five_megabyte_csv_cell_is_a_problem_of_its_row_and_column(db, tmp_path):
    path = _csv(tmp_path / "big.csv", [f"1;{DAY};Луцька РДА;{'ж' * 5_000_000};1"])
    result = import_file(db, INCOMING, path, today=TODAY)
    [problem] = _problems(result)
    assert problem.startswith("рядок 2, стовпець «Короткий зміст»: «Короткий зміст»: не більше")
    assert _count(db) == 0


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\x7f"])
def test_control_characters_are_refused_not_stored(db, tmp_path, bad):
    path = _csv(tmp_path / "ctl.csv", [f"1;{DAY};Луцька{bad} РДА;Про дороги;1"])
    result = import_file(db, INCOMING, path, today=TODAY)
    [problem] = _problems(result)
    assert problem.startswith("рядок 2, стовпець «Кореспондент»") and "службовий символ" in problem
    assert _count(db) == 0


def test_a_nul_in_a_search_finds_nothing_instead_of_failing(db):
    from tests import factories

    factories.incoming(db, date(2026, 3, 2), "Про дороги")
    for words in ("доро\x00ги", "\x00", "дороги\x00"):
        view = RegisterView(db, ViewQuery(register="incoming", search=words))
        assert len(view.all_rows()) <= 1  # no «unterminated string»


def test_a_superscript_in_a_number_field_is_a_ukrainian_problem(db, tmp_path):
    path = _csv(tmp_path / "sup.csv", [f"1;{DAY};Луцька РДА;Про дороги;²"])
    result = import_file(db, INCOMING, path, today=TODAY)
    [problem] = _problems(result)
    assert problem.startswith("рядок 2, стовпець «Аркушів»") and "цифрами 0–9" in problem


def test_an_unreadable_byte_names_its_row_and_column(db, tmp_path):
    lines = [f"1;{DAY};Луцька РДА;Про дороги;1", f"2;{DAY};Рівненська ОДА;Про мости;1"]
    data = "\n".join([";".join(HEADER), *lines]).encode("cp1251")
    data = data.replace("мости".encode("cp1251"), b"\x98\x98")  # no letter in any encoding
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as caught:
        import_file(db, INCOMING, path, today=TODAY)
    text = str(caught.value)
    assert text.startswith("рядок 3, стовпець «Короткий зміст»") and "UTF-8" in text
    assert "codec" not in text and _count(db) == 0


# --- numbers that jump ----------------------------------------------------------------------


def _counter(db, year: int = 2026) -> int | None:
    with db.read() as s:
        return s.execute(
            select(RegisterCounter.last_seq).where(RegisterCounter.year == year)
        ).scalar()


def test_a_number_far_past_the_counter_needs_confirmation(db, tmp_path):
    path = _csv(tmp_path / "jump.csv", [f"10000000;{DAY};Луцька РДА;Про дороги;1"])
    result = import_file(db, INCOMING, path, today=TODAY)
    [problem] = _problems(result)
    assert problem.startswith("рядок 2, стовпець «№»") and "пропущено 9999999 номерів" in problem
    assert "--allow-gaps" in problem
    assert _count(db) == 0 and _counter(db) is None
    confirmed = import_file(db, INCOMING, path, today=TODAY, allow_gaps=True)
    assert confirmed.imported == 1 and _counter(db) == 10_000_000


def test_a_gap_inside_the_file_is_named(db, tmp_path):
    lines = [f"{n};{DAY};Луцька РДА;Лист {n};1" for n in (1, 2, 5, 6)]
    result = import_file(db, INCOMING, _csv(tmp_path / "gap.csv", lines), today=TODAY)
    [problem] = _problems(result)
    assert problem.startswith("рядок 4, стовпець «№»") and "(3–4)" in problem


def test_a_file_that_continues_the_series_needs_no_confirmation(db, tmp_path):
    from tests import factories

    factories.incoming(db, date(2026, 3, 2))  # № 1 registered in the program
    lines = [f"{n};{DAY};Луцька РДА;Лист {n};1" for n in (3, 2, 4)]
    result = import_file(db, INCOMING, _csv(tmp_path / "next.csv", lines), today=TODAY)
    assert result.ok and result.imported == 3 and _counter(db) == 4
