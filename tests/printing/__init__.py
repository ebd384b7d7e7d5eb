"""Tests of app.printing: PDFs are read back with pypdf. Shared sample data lives here."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any, NamedTuple

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing import fonts
from app.printing.data import (
    CardControl,
    JournalColumn,
    JournalData,
    ProgressNote,
    RegistrationCardData,
    Resolution,
    TermChange,
    official_name,
)

MM = 72 / 25.4

DPS = "Головне управління Державної податкової служби у Хмельницькій області"
SUMMARY = (
    "Про надання інформації щодо стану погашення податкового боргу комунальними "
    "підприємствами Шепетівської міської ради станом на 01.03.2026 та заходів, вжитих для "
    "його зменшення, з розбивкою за видами платежів і строками виникнення заборгованості"
)
TASK = (
    "Розглянути, узагальнити інформацію комунальних підприємств та підготувати проєкт "
    "відповіді за підписом міського голови."
)


def read_pdf(source: bytes | io.BytesIO | str) -> PdfReader:
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    elif isinstance(source, io.BytesIO):
        source.seek(0)
    return PdfReader(source)


def page_texts(source: bytes | io.BytesIO | str) -> list[str]:
    """Each page's text with whitespace runs collapsed (line breaks depend on wrapping)."""
    return [" ".join(p.extract_text().split()) for p in read_pdf(source).pages]


class Drawn(NamedTuple):
    """One piece of text drawn on a page: x and y in points from the bottom left."""

    text: str
    x: float
    y: float
    size: float
    font: str  # the face's name without the subset prefix: «LiberationSerif-Bold»

    def right(self) -> float:
        """Where the text ends: measured with the face it was drawn in."""
        fonts.register_fonts()
        return self.x + stringWidth(self.text, self.font, self.size)


def text_positions(source: bytes | io.BytesIO | str, index: int = 0) -> list[Drawn]:
    """Every piece of text drawn on a page, for pages drawn string by string (stamps,
    envelopes, labels)."""
    found: list[Drawn] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1] if font else ""
            found.append(Drawn(text.strip(), tm[4], tm[5], size, name))

    read_pdf(source).pages[index].extract_text(visitor_text=visit)
    return found


def page_size_mm(source: bytes | io.BytesIO | str, index: int = 0) -> tuple[float, float]:
    box = read_pdf(source).pages[index].mediabox
    return round(float(box.width) / MM, 1), round(float(box.height) / MM, 1)


def sample_resolution() -> Resolution:
    return Resolution(
        executors=["Коваль О. П.", "Мельнику І. І.", "Шевчук Г. М."],
        task=TASK,
        author_position="Міський голова",
        author_name=official_name("Віктор", "Бондар"),
        resolution_date=date(2026, 3, 6),
        due_date=date(2026, 4, 3),
    )


def sample_card(control: CardControl | None = None) -> RegistrationCardData:
    return RegistrationCardData(
        organisation="Виконавчий комітет Шепетівської міської ради",
        reg_number="345/01-12",
        reg_date=date(2026, 3, 5),
        correspondent=DPS,
        correspondent_number="12345/6/22-01-04-02",
        correspondent_date=date(2026, 3, 2),
        kind="Лист",
        summary=SUMMARY,
        sheets=3,
        case_index="01-12",
        resolutions=[sample_resolution()],
        control=control,
    )


def sample_control() -> CardControl:
    return CardControl(
        due_date=date(2026, 4, 17),
        term_changes=[
            TermChange(
                date(2026, 3, 31),
                date(2026, 4, 3),
                date(2026, 4, 17),
                "Обґрунтований запит виконавця",
                "Віктор БОНДАР",
            )
        ],
        progress=[ProgressNote(date(2026, 3, 20), "Відповіді отримано від 3 з 7 підприємств.")],
    )


JOURNAL_COLUMNS = [
    JournalColumn("Реєстр. індекс", 0.8, "center"),
    JournalColumn("Дата надходження", 0.95, "center"),
    JournalColumn("Кореспондент", 2.0),
    JournalColumn("Короткий зміст", 3.2),
    JournalColumn("Резолюція або кому надіслано", 1.8),
    JournalColumn("Термін виконання", 0.8, "center"),
]


def sample_journal(rows: int) -> JournalData:
    start = date(2026, 1, 2)
    data = []
    for i in range(1, rows + 1):
        day = start + timedelta(days=(i - 1) * 88 // max(rows, 1))
        data.append(
            [
                f"{i}/01-12",
                day.strftime("%d.%m.%Y"),
                DPS if i % 2 else "Мельник Іван Іванович, вул. Героїв Небесної Сотні, 12",
                SUMMARY if i % 3 == 0 else "Про надання копій рішень виконавчого комітету",
                "Коваль О. П., Мельнику І. І. Розглянути, підготувати відповідь",
                (day + timedelta(days=30)).strftime("%d.%m.%Y"),
            ]
        )
    return JournalData(
        title="Журнал реєстрації вхідних документів",
        organisation="Виконавчий комітет Шепетівської міської ради",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 3, 31),
        columns=JOURNAL_COLUMNS,
        rows=data,
    )
