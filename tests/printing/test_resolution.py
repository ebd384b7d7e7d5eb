from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from app.printing import ResolutionSlipData, official_name, print_resolution_slip

from . import TASK, page_size_mm, page_texts, sample_resolution


def _slip(**changes: object) -> ResolutionSlipData:
    slip = ResolutionSlipData(
        sample_resolution(),
        "345/01-12",
        date(2026, 3, 5),
        organisation="Виконавчий комітет Шепетівської міської ради",
    )
    return replace(slip, **changes)  # type: ignore[arg-type]


def test_slip_has_every_element_of_a_resolution() -> None:
    out = io.BytesIO()
    print_resolution_slip(_slip(), out)
    [text] = page_texts(out)
    for expected in (
        "До вх. № 345/01-12 від 05.03.2026",
        "Коваль О. П.",
        "Мельнику І. І.",
        "Шевчук Г. М.",
        "Термін: 03.04.2026",
        "Міський голова",
        "Віктор БОНДАР",
        "06.03.2026",
    ):
        assert expected in text
    assert text.index("Коваль О. П.") < text.index("Мельнику І. І.")  # lead executor first
    assert "підготувати проєкт відповіді" in text


def test_a5_landscape_by_default_a6_on_request() -> None:
    a5, a6 = io.BytesIO(), io.BytesIO()
    print_resolution_slip(_slip(), a5)
    print_resolution_slip(_slip(), a6, paper="A6")
    assert page_size_mm(a5) == (210.0, 148.0)
    assert page_size_mm(a6) == (148.0, 105.0)


def test_long_task_stays_on_one_page() -> None:
    res = replace(
        sample_resolution(),
        executors=["Ткачук Л. А."] * 8,
        task=" ".join([TASK] * 8),
        due_date=None,
    )
    out = io.BytesIO()
    print_resolution_slip(_slip(resolution=res), out, paper="A6")
    texts = page_texts(out)
    assert len(texts) == 1
    assert "Термін" not in texts[0]
    assert "Віктор БОНДАР" in texts[0]


def test_official_name() -> None:
    assert official_name("Віктор", "Бондар") == "Віктор БОНДАР"
