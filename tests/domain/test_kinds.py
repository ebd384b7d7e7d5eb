"""Document kinds and the 9.2 «not registered» warning."""

from __future__ import annotations

import pytest

from app.domain.kinds import (
    DOCUMENT_KINDS,
    NOT_REGISTERED,
    REGISTERED_KINDS,
    is_not_registered,
    registration_warning,
)


def test_kinds_lists() -> None:
    for kind in ("Лист", "Телеграма", "Факс", "Електронний лист", "Телефонограма", "Запит"):
        assert kind in REGISTERED_KINDS
    for kind in ("Скарга (від організації)", "Постанова", "Розпорядження", "Доручення"):
        assert kind in DOCUMENT_KINDS
    assert "Протокол" in DOCUMENT_KINDS
    assert set(NOT_REGISTERED) <= set(DOCUMENT_KINDS)
    assert len(set(DOCUMENT_KINDS)) == len(DOCUMENT_KINDS)
    assert not set(REGISTERED_KINDS) & set(NOT_REGISTERED)


@pytest.mark.parametrize("kind", NOT_REGISTERED)
def test_every_not_registered_kind_warns(kind: str) -> None:
    warning = registration_warning(kind)
    assert warning is not None
    assert warning.startswith("Згідно з п. 9.2 Регламенту")
    assert "не реєструються" in warning
    assert f"«{kind}»" in warning


def test_kind_matching_ignores_case_and_spaces() -> None:
    assert is_not_registered("  запрошення ")
    assert is_not_registered("ФОРМА СТАТИСТИЧНОЇ ЗВІТНОСТІ")
    assert not is_not_registered("Лист")


@pytest.mark.parametrize("kind", REGISTERED_KINDS)
def test_registered_kinds_do_not_warn(kind: str) -> None:
    assert registration_warning(kind, "Про ремонт дороги по вул. Шевченка") is None


@pytest.mark.parametrize(
    ("summary", "what"),
    [
        ("Запрошення на семінар з питань діловодства", "запрошення"),
        ("Запрошуємо взяти участь у форумі", "запрошення"),
        ("Привітання з Днем місцевого самоврядування", "привітання"),
        ("ВІТАННЯ з ювілеєм", "привітання"),
        ("Вітальний лист голови ОДА", "привітання"),
        ("Рекламна пропозиція друкарні", "рекламні повідомлення"),
        ("Прейскурант на послуги", "прейскуранти"),
    ],
)
def test_summary_keywords_warn(summary: str, what: str) -> None:
    warning = registration_warning("Лист", summary)
    assert warning is not None
    assert f"Регламенту {what} не реєструються" in warning


@pytest.mark.parametrize(
    "summary",
    ["", "Про надання інформації", "Привітне обслуговування у ЦНАП", "Скарга на перезапрошення"],
)
def test_summary_without_keywords(summary: str) -> None:
    assert registration_warning("Лист", summary) is None


def test_a_letter_about_outdoor_advertising_is_an_ordinary_letter() -> None:
    # Regulating adverts is council business; only the adverts themselves are not registered.
    assert registration_warning("Лист", "Про розміщення зовнішньої реклами на вул. Героїв") is None
    assert registration_warning("Лист", "Про демонтаж рекламних засобів") is None
    assert registration_warning("Лист", "Рекламне повідомлення про послуги друку") is not None
