"""The PDF of a statistical report (app.services.report_files): breakdown rows indented as on
screen, and a table that breaks across pages without a row or the total left alone."""

from __future__ import annotations

from datetime import date

from app.reports.tables import ReportPeriod, TableReport
from app.services.report_files import report_pdf

from . import page_texts, read_pdf, text_positions

PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 11, 30))
NOTES = (
    "Запити враховано за датою надходження; строк — за контролем запиту.",
    "ЗМІ окремо не виділено: ст. 12 не визначає їх окремим видом запитувача.",
    "Результати враховано за статтею, яку називає їх текст.",
    "Плата за копії — нараховано за граничними нормами ПКМУ № 740.",
)


def _report(rows: list[list[object]], notes: tuple[str, ...] = NOTES) -> TableReport:
    return TableReport(
        "Статистика запитів", PERIOD, ("Показник", "Стаття", "2026"), rows, notes, (5, 2, 1)
    )


def test_breakdown_rows_are_indented_by_their_level() -> None:
    pdf = report_pdf(
        _report(
            [
                ["Надійшло запитів — усього", "", 15],
                ["  з них: від фізичних осіб", "ст. 12", 8],
                ["    у т. ч. пенсіонерів", "", 3],
                ["Розглянуто в строк", "ст. 20", 10],
            ]
        )
    )
    x = {d.text: d.x for d in text_positions(pdf)}
    assert x["Надійшло запитів — усього"] == x["Розглянуто в строк"]
    assert x["з них: від фізичних осіб"] >= x["Надійшло запитів — усього"] + 5
    assert x["у т. ч. пенсіонерів"] >= x["з них: від фізичних осіб"] + 5


def test_an_indented_label_that_wraps_keeps_its_indent() -> None:
    long = "повідомлено про продовження строку розгляду із запізненням або не повідомлено " * 3
    pdf = report_pdf(_report([["Усього", "", 1], [f"  {long.strip()}", "ст. 20", 1]]))
    drawn = text_positions(pdf)
    lines = [d for d in drawn if d.text in long and len(d.text) > 10]
    first = next(d.x for d in drawn if d.text == "Усього")
    assert len({d.y for d in lines}) >= 2  # the label wraps
    assert all(d.x >= first + 5 for d in lines)


def _rows_by_page(pdf: bytes, labels: list[str]) -> list[list[str]]:
    texts = [" " + t + " " for t in page_texts(pdf)]
    return [[label for label in labels if f" {label} " in text] for text in texts]


def _labels(n: int) -> list[str]:
    return [f"Рядок{i:03d}" for i in range(1, n)] + ["Усього"]


def _pdf(n: int) -> bytes:
    return report_pdf(_report([[label, "ст. 1", i] for i, label in enumerate(_labels(n))]))


def test_rows_that_fit_the_first_page_stay_there_and_the_notes_go_on() -> None:
    capacity = len(_rows_by_page(_pdf(80), _labels(80))[0])
    pdf = _pdf(capacity)  # the rows fill the first page; the notes do not fit under them
    pages = _rows_by_page(pdf, _labels(capacity))
    assert len(pages[0]) == capacity
    texts = page_texts(pdf)
    assert NOTES[-1].split(";")[0] in texts[-1]
    # A page of notes alone has no column header over nothing.
    assert len(texts) == 2 and "Показник" not in texts[1]


def test_no_page_holds_the_total_alone() -> None:
    capacity = len(_rows_by_page(_pdf(80), _labels(80))[0])
    for n in (capacity + 1, capacity + 2):
        pdf = _pdf(n)
        labels = _labels(n)
        pages = [p for p in _rows_by_page(pdf, labels) if p]
        assert sum(len(p) for p in pages) == n
        assert all(len(p) >= 2 for p in pages), [len(p) for p in pages]
        assert labels[-2] in pages[-1] and "Усього" in pages[-1]
        assert "Показник" in page_texts(pdf)[1]


def test_a_heading_is_kept_with_the_first_row_under_it() -> None:
    capacity = len(_rows_by_page(_pdf(80), _labels(80))[0])
    rows: list[list[object]] = [[f"Рядок{i:03d}", "ст. 1", i] for i in range(1, capacity)]
    rows += [["За видом запитувача:", "", ""], ["  від фізичних осіб", "", 1]]
    rows += [["  від юридичних осіб", "", 1], ["  інші", "", 1], ["Усього", "", 3]]
    pages = [" ".join(p.extract_text().split()) for p in read_pdf(report_pdf(_report(rows))).pages]
    heading = next(i for i, t in enumerate(pages) if "За видом запитувача:" in t)
    assert "від фізичних осіб" in pages[heading]


def test_a_report_of_one_row_is_not_called_empty() -> None:
    text = " ".join(page_texts(report_pdf(_report([["Усього", "", 1]]))))
    assert "Усього" in text
    assert "Записів немає" not in text


def test_a_control_report_of_one_document_is_not_called_empty() -> None:
    import io

    from app.printing.control_report import print_control_report
    from app.printing.data import ControlReportData, ControlReportRow

    row = ControlReportRow("12/01-12", date(2026, 3, 5), "ОДА", "Про дороги", "Коваль О. П.",
                           date(2026, 4, 3), "На контролі")  # fmt: skip
    buffer = io.BytesIO()
    print_control_report(ControlReportData("Виконком", date(2026, 3, 20), [row]), buffer)
    text = " ".join(page_texts(buffer.getvalue()))
    assert "Про дороги" in text and "Документів на контролі немає" not in text
