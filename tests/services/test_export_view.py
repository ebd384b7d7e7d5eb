"""Exporting a register view: the tab's filter, search and sort, cell by cell, on both engines;
progress, cancelling and failures never leave a half-written file under the user's name."""

from __future__ import annotations

import csv
import errno
import os
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.registers import INCOMING, Column
from app.services import control, exports
from app.services.exports import ExportCancelled, ExportError, export_view, rows_text, sort_key
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

TODAY = date(2026, 3, 20)  # a Friday: «due soon» runs to Wednesday 25.03


@pytest.fixture
def office(db):
    """Six letters of March 2026: two overdue, one due soon, one on control, two not."""
    factories.staff(db)
    terms = {
        "Про стан укриттів": date(2026, 3, 10),  # overdue
        "Про ремонт доріг": date(2026, 3, 12),  # overdue
        "Про опалення": date(2026, 3, 23),  # due soon
        "Про укриття в школах": date(2026, 4, 15),  # on control
        "Про свята": None,
        "Про прибирання": None,
    }
    for day, (summary, term) in enumerate(terms.items(), start=2):
        doc = factories.incoming(
            db, date(2026, 3, day), summary=summary, ext_number=f"01-{day}/7",
            ext_date=f"0{day - 1}.03.2026", case_index="01-12",
        )  # fmt: skip
        if term:
            control.put_on_control(db, doc.id, term=term, today=date(2026, 3, day))
    return db


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own (the SQLite file lives in out)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _view(**kw: object) -> ViewQuery:
    return ViewQuery(INCOMING.code, **kw)  # type: ignore[arg-type]


def _numbers(path: Path) -> list[str]:
    ws = load_workbook(path).active
    return [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]


def test_xlsx_is_the_view_cell_by_cell(office, out):
    view = _view(sort="due_date", descending=True)
    path = out / "view.xlsx"
    assert export_view(office, INCOMING, view, path, today=TODAY) == 6
    rows = RegisterView(office, view, today=TODAY).all_rows()
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == [c.title for c in INCOMING.columns]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:L7"
    assert ws.max_row == 7
    for letter, dim in ws.column_dimensions.items():
        assert dim.width > 8.43, letter  # wider than Excel's default column
    summary = ws.column_dimensions["G"].width
    assert summary >= len("Про укриття в школах") + 2
    for row, cells in zip(rows, ws.iter_rows(min_row=2), strict=True):
        for column, cell in zip(INCOMING.columns, cells, strict=True):
            value = getattr(row, column.key)
            if isinstance(value, date):
                assert isinstance(cell.value, datetime), column.key
                assert cell.value.date() == value
                assert cell.number_format == "DD.MM.YYYY"
            else:
                assert cell.value == (row.display(column.key) or None), column.key
    # due dates newest first, the documents without a term (empty = smallest) last
    assert [r[8] for r in ws.iter_rows(min_row=2, values_only=True)][:4] == [
        datetime(2026, 4, 15), datetime(2026, 3, 23), datetime(2026, 3, 12), datetime(2026, 3, 10)
    ]  # fmt: skip


def test_state_filter_and_descending_sort_give_exactly_those_rows(office, out):
    path = out / "overdue.xlsx"
    view = _view(state="overdue", sort="due_date", descending=False)
    assert export_view(office, INCOMING, view, path, today=TODAY) == 2
    assert _numbers(path) == ["1/01-12", "2/01-12"]
    view = replace(view, descending=True)
    export_view(office, INCOMING, view, path, today=TODAY)
    assert _numbers(path) == ["2/01-12", "1/01-12"]
    states = {r[9] for r in load_workbook(path).active.iter_rows(min_row=2, values_only=True)}
    assert states == {"Прострочено"}


def test_search_period_and_csv(office, out):
    path = out / "search.csv"
    view = _view(search="укритт", date_to=date(2026, 3, 31), sort="number", descending=True)
    assert export_view(office, INCOMING, view, path, today=TODAY) == 2
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [c.title for c in INCOMING.columns]
    expected = RegisterView(office, view, today=TODAY).all_rows()
    assert [r[0] for r in rows[1:]] == ["4/01-12", "1/01-12"]
    assert rows[1:] == [[r.display(c.key) for c in INCOMING.columns] for r in expected]
    assert rows[2][1] == "02.03.2026" and rows[2][9] == "Прострочено"
    view = _view(search="укритт", date_from=date(2026, 3, 3))
    assert export_view(office, INCOMING, view, path, today=TODAY) == 1


def test_any_spec_its_columns_and_whole_numbers(office, out):
    spec = replace(
        INCOMING,
        columns=(Column("id", "Код"), Column("reg_date", "Дата"), Column("state_label", "Стан")),
    )
    path = out / "other.xlsx"
    export_view(office, spec, _view(sort="number", descending=False), path, today=TODAY)
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == ["Код", "Дата", "Стан"]
    first = [c.value for c in ws[2]]
    assert isinstance(first[0], int) and ws["A2"].data_type == "n"
    assert first[1:] == [datetime(2026, 3, 2), "Прострочено"]
    assert ws.auto_filter.ref == "A1:C7"


def test_progress_reports_pages_and_cancel_leaves_nothing(office, out, monkeypatch):
    monkeypatch.setattr(exports, "PAGE_SIZE", 2)
    calls: list[tuple[int, int]] = []
    path = out / "all.xlsx"
    export_view(office, INCOMING, _view(), path, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 6), (2, 6), (4, 6), (6, 6)]

    for fmt in ("xlsx", "csv"):
        target = out / f"cancelled.{fmt}"
        with pytest.raises(ExportCancelled, match="скасовано"):
            export_view(office, INCOMING, _view(), target, progress=lambda d, t: d < 4)
        assert not target.exists()
    path.write_bytes(b"the old file")
    with pytest.raises(ExportCancelled):
        export_view(office, INCOMING, _view(), path, progress=lambda d, t: d == 0)
    assert path.read_bytes() == b"the old file"
    assert sorted(p.name for p in out.iterdir()) == ["all.xlsx"]


def test_a_failure_midway_keeps_the_old_file(office, out, monkeypatch):
    monkeypatch.setattr(exports, "PAGE_SIZE", 2)
    path = out / "register.csv"
    path.write_text("старий файл", encoding="utf-8")
    pages = RegisterView.rows_by_ids

    def failing(self, ids):
        if ids[0] != self.ids()[0]:
            raise RuntimeError("the database went away")
        return pages(self, ids)

    monkeypatch.setattr(RegisterView, "rows_by_ids", failing)
    with pytest.raises(RuntimeError):
        export_view(office, INCOMING, _view(), path)
    assert path.read_text(encoding="utf-8") == "старий файл"
    assert [p.name for p in out.iterdir()] == ["register.csv"]


def test_unwritable_paths_give_ukrainian_messages(office, out, monkeypatch):
    with pytest.raises(ExportError, match=r"Не вдається записати .* немає такої теки"):
        export_view(office, INCOMING, _view(), out / "no" / "such.xlsx")
    (out / "folder.xlsx").mkdir()
    with pytest.raises(ExportError, match="це тека, а не файл"):
        export_view(office, INCOMING, _view(), out / "folder.xlsx")

    # Windows refuses to replace a file open in Excel: the old file stays, nothing is left over
    path = out / "open-in-excel.xlsx"
    path.write_bytes(b"opened elsewhere")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="немає дозволу на запис"):
        export_view(office, INCOMING, _view(), path)
    assert path.read_bytes() == b"opened elsewhere"
    assert sorted(p.name for p in out.iterdir()) == ["folder.xlsx", "open-in-excel.xlsx"]


def test_more_rows_than_a_sheet_holds_go_to_csv(office, out, monkeypatch):
    monkeypatch.setattr(exports, "MAX_DATA_ROWS", 5)
    with pytest.raises(ExportError, match=r"не більше 5 рядків, а відібрано 6 рядків.*CSV"):
        export_view(office, INCOMING, _view(), out / "big.xlsx")
    assert not (out / "big.xlsx").exists()
    assert export_view(office, INCOMING, _view(), out / "big.csv") == 6


def test_sort_names_period_and_words(office, out):
    assert sort_key(INCOMING, "due_date") == "due_date"
    assert sort_key(INCOMING, "reg_number") == "number"  # a column's key names its sort too
    with pytest.raises(ExportError, match="Невідоме сортування «state_label»: можливо number"):
        sort_key(INCOMING, "state_label")
    with pytest.raises(ExportError, match="пізніший"):
        export_view(
            office, INCOMING, _view(date_from=date(2026, 3, 9), date_to=date(2026, 3, 1)),
            out / "x.csv",
        )  # fmt: skip
    words = [rows_text(n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 111, 1234)]
    assert words == [
        "1 рядок", "2 рядки", "5 рядків", "11 рядків", "12 рядків", "21 рядок", "22 рядки",
        "25 рядків", "111 рядків", "1\u00a0234 рядки",
    ]  # fmt: skip
