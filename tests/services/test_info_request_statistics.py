"""The statistics of public-information requests for a period beside the same period a year
before: by kind of requester (ст. 12), by way received, the terms of ст. 20 (in term, late,
urgent, extended), the results by ground of ст. 22 and the copying fee (ст. 21) — on screen
(TableReport), through the register's `statistics` hook and `report info_requests`."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers import INFO_REQUESTS
from app.reports.info_requests import info_requests_report
from app.reports.tables import ReportPeriod
from app.services import control, documents
from app.services.details import get_document
from app.services.report_files import write_report

HR = Actor("hr", frozenset({roles.HR}))
Q1 = ReportPeriod(date(2026, 1, 1), date(2026, 3, 31))


def _request(db, day: date, **extra):
    raw = {
        "requester": "Петренко Іван",
        "requester_kind": "Фізична особа",
        "received_way": "Поштою",
        "summary": "Копії рішень виконкому",
        **extra,
    }
    return documents.register_document(db, INFO_REQUESTS, INFO_REQUESTS.parse(raw), reg_date=day)


def _result(db, doc_id: int, result: str, day: date, **extra) -> None:
    doc = get_document(db, doc_id)
    values = dict(doc.values, result=result, result_date=day, **extra)
    documents.update_document(db, INFO_REQUESTS, doc_id, INFO_REQUESTS.parse(values), doc.version)


def _row(table, label: str) -> list[object]:
    found = [list(r) for r in table.rows if str(r[0]).strip() == label]
    assert found, f"no row «{label}» in {[r[0] for r in table.rows]}"
    return found[0]


@pytest.fixture
def quarter(db):
    # Thursday 05.03.2026: the term is the 5th working day after, 12.03.2026.
    given = _request(db, date(2026, 3, 5), requester="ГО «Прозорість»",
                     requester_kind="Об'єднання громадян без статусу юридичної особи",
                     received_way="Електронною поштою", pages=15)  # fmt: skip
    _result(db, given.id, "Інформацію надано", date(2026, 3, 11))
    refused = _request(db, date(2026, 2, 2))
    _result(db, refused.id, "Відмовлено: інформація з обмеженим доступом (ст. 22 ч. 1 п. 2)",
            date(2026, 2, 20))  # fmt: skip
    forwarded = _request(db, date(2026, 1, 12), requester="ТОВ «Ромашка»",
                         requester_kind="Юридична особа", received_way="Особисто")  # fmt: skip
    control.extend_term(db, forwarded.id, date(2026, 2, 6), "великий обсяг",
                        today=date(2026, 1, 13))  # fmt: skip
    _result(db, forwarded.id, "Надіслано належному розпоряднику (ст. 22 ч. 3)", date(2026, 1, 14),
            forwarded_to="Головне управління ДПС")  # fmt: skip
    _request(db, date(2026, 3, 30), urgent=True)
    _request(db, date(2025, 2, 3))
    _request(db, date(2026, 4, 1))
    return db


def test_a_quarter_is_counted_by_requester_way_term_and_result(quarter):
    table = info_requests_report(quarter, "", Q1)
    assert table.columns[2:] == ("з 01.01.2025 по 31.03.2025", "з 01.01.2026 по 31.03.2026")
    assert _row(table, "Надійшло запитів — усього")[2:] == [1, 4]
    assert _row(table, "від фізичних осіб")[1:] == ["ст. 12 ч. 1 п. 1", 1, 2]
    assert _row(table, "від юридичних осіб")[2:] == [0, 1]
    assert _row(table, "від об'єднань громадян без статусу юридичної особи")[2:] == [0, 1]
    assert _row(table, "поштою")[2:] == [1, 2]
    assert _row(table, "електронною поштою")[2:] == [0, 1]
    assert _row(table, "особисто")[2:] == [0, 1]
    assert _row(table, "Термінових — 48 годин")[1:] == ["ст. 20 ч. 2", 0, 1]
    assert _row(table, "Строк продовжено до 20 робочих днів")[1:] == ["ст. 20 ч. 4", 0, 1]
    assert _row(table, "Розглянуто в строк")[2:] == [0, 2]
    assert _row(table, "Розглянуто з порушенням строку")[2:] == [0, 1]
    assert _row(table, "Ще не розглянуто")[2:] == [1, 1]
    assert _row(table, "Інформацію надано")[2:] == [0, 1]
    assert _row(table, "Відмовлено — усього")[1:] == ["ст. 22 ч. 1", 0, 1]
    assert _row(table, "інформація з обмеженим доступом")[1:] == ["ст. 22 ч. 1 п. 2", 0, 1]
    assert _row(table, "розпорядник не володіє і не зобов'язаний володіти інформацією")[3] == 0
    assert _row(table, "Надіслано належному розпоряднику")[1:] == ["ст. 22 ч. 3", 0, 1]
    assert _row(table, "Відстрочено")[1:] == ["ст. 22 ч. 6", 0, 0]
    assert _row(table, "Копії понад 10 сторінок за плату — запитів")[2:] == [0, 1]
    assert _row(table, "нараховано, грн")[2:] == ["0,00", "33,30"]


def test_the_register_offers_its_statistics_and_only_to_who_reads_it(quarter):
    assert INFO_REQUESTS.statistics == "app.reports.info_requests:info_requests_report"
    with pytest.raises(PermissionDenied):
        info_requests_report(quarter, HR, Q1)


def test_a_renamed_result_still_counts_by_its_article(db):
    from app.domain import appeal_classifier as cls
    from app.services.classifier import ClassifierEntry, save_item

    renamed = "Відмова — не оплачено копіювання (ст. 22 ч. 1 п. 3)"
    save_item(db, ClassifierEntry(None, cls.REQUEST_RESULT, "", renamed))
    done = _request(db, date(2026, 3, 2))
    _result(db, done.id, renamed, date(2026, 3, 3))
    table = info_requests_report(db, "", Q1)
    assert _row(table, "не оплачено фактичні витрати на копіювання (ст. 21)")[3] == 1
    assert _row(table, "Відмовлено — усього")[3] == 1


def test_the_report_is_written_as_pdf(quarter, tmp_path):
    table = info_requests_report(quarter, "", Q1)
    write_report(table, tmp_path / "r.pdf", "Шепетівська міська рада")
    pdf = " ".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "Статистика запитів на публічну інформацію" in pdf
    assert "Надіслано належному розпоряднику" in pdf and "ст. 22" in pdf
