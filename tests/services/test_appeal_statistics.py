"""The appeals' statistics: this period beside the same period a year before, by classifier
number, on screen (TableReport) and through `report appeals` as CSV, XLSX and PDF."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.reports.appeals import appeals_report
from app.reports.tables import ReportPeriod
from app.services.report_files import write_report
from tests import factories

HR = Actor("hr", frozenset({roles.HR}))


def _row(table, label: str) -> list[object]:
    return next(list(r) for r in table.rows if r[0].strip() == label)


def test_a_quarter_is_counted_beside_the_same_quarter_a_year_before(db):
    factories.appeal(db, date(2025, 2, 10))
    factories.appeal(db, date(2026, 1, 15), surname="Коваль", subject="Колективне",
                     applicants=[{"surname": "Коваль"}, {"surname": "Мельник",
                                 "category": "Учасник бойових дій"}])  # fmt: skip
    factories.appeal(
        db,
        date(2026, 3, 31),
        surname="Бойко",
        received_way="На особистому прийомі",
        form="Усне",
        sign="Повторне",
        topics=[{"topic": "Житлова політика"}, {"topic": "Комунальне господарство"}],
        result="Дано роз'яснення",
        result_date=date(2026, 3, 31),
    )
    factories.appeal(db, date(2026, 4, 1), surname="Поза періодом")
    table = appeals_report(db, "", ReportPeriod(date(2026, 1, 1), date(2026, 3, 31)))
    assert table.columns[2:] == ("з 01.01.2025 по 31.03.2025", "з 01.01.2026 по 31.03.2026")
    assert _row(table, "Надійшло звернень — усього")[2:] == [1, 2]
    assert _row(table, "у т. ч. на особистому прийомі")[1:] == ["1.2", 0, 1]
    assert _row(table, "дано роз'яснення")[2:] == [0, 1]
    assert _row(table, "Повторних")[2:] == [0, 1]
    assert _row(table, "Колективних")[2:] == [0, 1]
    assert _row(table, "від учасників війни, осіб з інвалідністю внаслідок війни, УБД")[3] == 1
    assert _row(table, "Від осіб, що мають пільги (першочерговий розгляд)")[3] == 1
    assert _row(table, "Кількість питань, порушених у зверненнях — усього")[2:] == [1, 3]
    assert _row(table, "Житлова політика")[2:] == [1, 2]


def test_only_who_reads_appeals_gets_their_statistics(db):
    with pytest.raises(PermissionDenied):
        appeals_report(db, HR, ReportPeriod(date(2026, 1, 1), date(2026, 3, 31)))


def test_the_report_is_written_as_csv_and_pdf(db, tmp_path):
    factories.appeal(db, date(2026, 2, 2))
    table = appeals_report(db, "", ReportPeriod(date(2026, 1, 1), date(2026, 12, 31)))
    write_report(table, tmp_path / "s.csv", "Шепетівська міська рада")
    text = (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert any(r and r[0] == "Надійшло звернень — усього" for r in rows)
    write_report(table, tmp_path / "s.pdf", "Шепетівська міська рада")
    pdf = " ".join(p.extract_text() for p in PdfReader(tmp_path / "s.pdf").pages)
    assert "Статистика звернень громадян" in pdf and "Житлова політика" in pdf
