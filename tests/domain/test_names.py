"""Names in resolutions (dative, regulation 9.5) and signature blocks (ДСТУ 4163:2020)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shevchenko

from app.domain import names
from app.domain.names import (
    Gender,
    PersonName,
    dative_short,
    dative_surname,
    detect_gender,
    full_name,
    full_name_in_case,
    initials,
    parse_full_name,
    short_name,
    signature_name,
)

KOVAL = PersonName("Коваль", "Олена", "Петрівна", Gender.FEMALE)
MELNYK = PersonName("Мельник", "Іван", "Іванович", Gender.MALE)
KOVALSKA = PersonName("Ковальська", "Марія", "Іванівна", Gender.FEMALE)
SHEVCHENKO = PersonName("Шевченко", "Петро", "Олегович", Gender.MALE)


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (KOVAL, "Коваль О. П."),
        (MELNYK, "Мельнику І. І."),
        (KOVALSKA, "Ковальській М. І."),
        (SHEVCHENKO, "Шевченку П. О."),
    ],
)
def test_dative_short(person: PersonName, expected: str) -> None:
    assert dative_short(person) == expected


def test_dative_surname() -> None:
    assert dative_surname(KOVAL) == "Коваль"
    assert dative_surname(MELNYK) == "Мельнику"
    assert dative_surname(PersonName("Бондар", "Ольга", "Петрівна", Gender.FEMALE)) == "Бондар"
    assert dative_surname(PersonName("Бондар", "Сергій", "", Gender.MALE)) == "Бондарю"  # -я group


def test_short_name_and_initials() -> None:
    assert initials(KOVAL) == "О. П."
    assert short_name(KOVAL) == "Коваль О. П."
    assert short_name(MELNYK) == "Мельник І. І."


def test_empty_patronymic() -> None:
    boiko = PersonName("Бойко", "Ігор", "", Gender.MALE)
    assert initials(boiko) == "І."
    assert short_name(boiko) == "Бойко І."
    assert dative_short(boiko) == "Бойку І."
    assert full_name(boiko) == "Бойко Ігор"


def test_only_surname() -> None:
    p = PersonName("Грищенко", "", "", Gender.MALE)
    assert initials(p) == ""
    assert short_name(p) == "Грищенко"
    assert dative_short(p) == "Грищенку"
    assert signature_name(p) == "ГРИЩЕНКО"


def test_empty_name() -> None:
    p = PersonName("", "", "", Gender.FEMALE)
    assert dative_short(p) == ""
    assert short_name(p) == ""


def test_hyphenated_surnames() -> None:
    woman = PersonName("Петренко-Коваль", "Анна", "Василівна", Gender.FEMALE)
    man = PersonName("Гончар-Білий", "Іван", "", Gender.MALE)
    assert dative_short(woman) == "Петренко-Коваль А. В."
    assert dative_short(man) == "Гончару-Білому І."
    assert signature_name(woman) == "Анна ПЕТРЕНКО-КОВАЛЬ"


def test_double_given_name_initials() -> None:
    p = PersonName("Коваль", "Анна-Марія", "Петрівна", Gender.FEMALE)
    assert initials(p) == "А.-М. П."


def test_apostrophe_kept() -> None:
    p = PersonName("Дем’янчук", "Василь", "Петрович", Gender.MALE)
    assert dative_short(p) == "Дем’янчуку В. П."
    assert signature_name(p) == "Василь ДЕМ’ЯНЧУК"


def test_signature_name() -> None:
    assert signature_name(KOVAL) == "Олена КОВАЛЬ"
    assert signature_name(SHEVCHENKO) == "Петро ШЕВЧЕНКО"


def test_full_name_in_case() -> None:
    assert full_name(KOVAL) == "Коваль Олена Петрівна"
    assert full_name_in_case(KOVAL, "dative") == "Коваль Олені Петрівні"
    assert full_name_in_case(MELNYK, "dative") == "Мельнику Івану Івановичу"
    assert full_name_in_case(MELNYK, "genitive") == "Мельника Івана Івановича"
    assert full_name_in_case(MELNYK, "nominative") == "Мельник Іван Іванович"


@pytest.fixture
def broken_shevchenko(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def boom(*args: object, **kwargs: object) -> dict[str, str]:
        raise shevchenko.InputValidationError("broken")

    names._inflect.cache_clear()
    monkeypatch.setattr(shevchenko, "in_case", boom)
    yield
    names._inflect.cache_clear()


@pytest.mark.usefixtures("broken_shevchenko")
def test_falls_back_to_nominative() -> None:
    assert dative_surname(MELNYK) == "Мельник"
    assert dative_short(MELNYK) == "Мельник І. І."


@pytest.mark.parametrize(
    ("given", "patronymic", "expected"),
    [
        ("Іван", "Іванович", Gender.MALE),
        ("Олена", "Петрівна", Gender.FEMALE),
        ("Ганна", "Андріївна", Gender.FEMALE),
        ("Саша", "Олександрович", Gender.MALE),  # the patronymic decides
        ("Саша", "Олександрівна", Gender.FEMALE),
        ("Олена", "", Gender.FEMALE),  # shevchenko's classifier
        ("Петро", "", Gender.MALE),
        ("", "", None),
    ],
)
def test_detect_gender(given: str, patronymic: str, expected: Gender | None) -> None:
    assert detect_gender(given, patronymic) is expected


def test_detect_gender_without_library_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(shevchenko, "detect_gender")
    assert detect_gender("Олена", "") is None
    assert detect_gender("Олена", "Петрівна") is Gender.FEMALE


def test_parse_full_name() -> None:
    assert parse_full_name("  Коваль Олена Петрівна ") == KOVAL
    boiko = PersonName("Бойко", "Ігор", "", Gender.MALE)
    assert parse_full_name("Бойко Ігор", Gender.MALE) == boiko
    with pytest.raises(ValueError, match="Вкажіть"):
        parse_full_name("  ")


def test_gender_values() -> None:
    assert Gender("m") is Gender.MALE
    assert Gender.FEMALE.value == "f"
    assert Gender.FEMALE.label == "жіноча"


@pytest.mark.parametrize(
    ("person", "genitive", "dative"),
    [
        # § 142: a man's surname on -о declines, a woman's does not
        (
            PersonName("Ткаченко", "Михайло", "Андрійович", Gender.MALE),
            "Ткаченка Михайла Андрійовича",
            "Ткаченку Михайлу Андрійовичу",
        ),
        (
            PersonName("Ткаченко", "Марія", "Іванівна", Gender.FEMALE),
            "Ткаченко Марії Іванівни",
            "Ткаченко Марії Іванівні",
        ),
        # a consonant: declines for a man only
        (MELNYK, "Мельника Івана Івановича", "Мельнику Івану Івановичу"),
        (KOVAL, "Коваль Олени Петрівни", "Коваль Олені Петрівні"),
        # adjectival surnames decline as adjectives of either gender
        (
            PersonName("Ковальський", "Петро", "Іванович", Gender.MALE),
            "Ковальського Петра Івановича",
            "Ковальському Петру Івановичу",
        ),
        (KOVALSKA, "Ковальської Марії Іванівни", "Ковальській Марії Іванівні"),
        (
            PersonName("Стецька", "Ольга", "Іванівна", Gender.FEMALE),
            "Стецької Ольги Іванівни",
            "Стецькій Ользі Іванівні",
        ),
        # double surnames: each part by its own rule
        (
            PersonName("Квітка-Основ'яненко", "Григорій", "Федорович", Gender.MALE),
            "Квітки-Основ'яненка Григорія Федоровича",
            "Квітці-Основ'яненку Григорію Федоровичу",
        ),
        (
            PersonName("Ткаченко-Шевчук", "Марія", "Іванівна", Gender.FEMALE),
            "Ткаченко-Шевчук Марії Іванівни",
            "Ткаченко-Шевчук Марії Іванівні",
        ),
        (
            PersonName("Нечуй-Левицький", "Іван", "Семенович", Gender.MALE),
            "Нечуя-Левицького Івана Семеновича",
            "Нечую-Левицькому Івану Семеновичу",
        ),
        # § 142 п. 3: -ів/-їв keeps о/е/є in the other cases (a woman's does not decline)
        (
            PersonName("Іванів", "Петро", "Іванович", Gender.MALE),
            "Іванова Петра Івановича",
            "Іванову Петру Івановичу",
        ),
        (
            PersonName("Михайлів", "Петро", "Іванович", Gender.MALE),
            "Михайлова Петра Івановича",
            "Михайлову Петру Івановичу",
        ),
        (
            PersonName("Андріїв", "Петро", "Іванович", Gender.MALE),
            "Андрієва Петра Івановича",
            "Андрієву Петру Івановичу",
        ),
        (
            PersonName("Петренко-Іванів", "Іван", "Іванович", Gender.MALE),
            "Петренка-Іванова Івана Івановича",
            "Петренку-Іванову Івану Івановичу",
        ),
        (
            PersonName("Іванів", "Марія", "Петрівна", Gender.FEMALE),
            "Іванів Марії Петрівни",
            "Іванів Марії Петрівні",
        ),
        # foreign: a man's on a consonant declines; on -о, -е, -у and a woman's do not
        (PersonName("Сміт", "Джон", "", Gender.MALE), "Сміта Джона", "Сміту Джону"),
        (PersonName("Сміт", "Мері", "", Gender.FEMALE), "Сміт Мері", "Сміт Мері"),
        (PersonName("Гюго", "Віктор", "", Gender.MALE), "Гюго Віктора", "Гюго Віктору"),
        (PersonName("Ґете", "Йоганн", "", Gender.MALE), "Ґете Йоганна", "Ґете Йоганну"),
        (PersonName("Шоу", "Бернард", "", Gender.MALE), "Шоу Бернарда", "Шоу Бернарду"),
        # Ukrainian -ло and -ьо do decline
        (
            PersonName("Гуцало", "Євген", "Пилипович", Gender.MALE),
            "Гуцала Євгена Пилиповича",
            "Гуцалу Євгену Пилиповичу",
        ),
    ],
)
def test_genitive_and_dative_in_full(person: PersonName, genitive: str, dative: str) -> None:
    assert names.genitive_full(person) == genitive
    assert full_name_in_case(person, "dative") == dative


def test_genitive_short() -> None:
    man = PersonName("Ткаченко", "Михайло", "Андрійович", Gender.MALE)
    assert names.genitive_short(man) == "Ткаченка М. А."
    assert names.genitive_short(KOVAL) == "Коваль О. П."
    assert dative_short(PersonName("Іванів", "Петро", "", Gender.MALE)) == "Іванову П."


def test_a_surname_typed_in_capitals_stays_in_capitals() -> None:
    man = PersonName("ІВАНІВ", "Петро", "Іванович", Gender.MALE)
    assert names.genitive_full(man) == "ІВАНОВА Петра Івановича"
    assert dative_surname(PersonName("ТКАЧЕНКО", "Михайло", "", Gender.MALE)) == "ТКАЧЕНКУ"


@pytest.mark.parametrize(
    ("surname", "genitive", "dative", "ablative"),
    [
        ("Бондар", "Бондаря", "Бондарю", "Бондарем"),  # СУМ: бондар, -я (soft group)
        ("Писар", "Писаря", "Писарю", "Писарем"),
        ("Шинкар", "Шинкаря", "Шинкарю", "Шинкарем"),
        ("Кобзар", "Кобзаря", "Кобзарю", "Кобзарем"),  # shevchenko knew this one
        ("Маляр", "Маляра", "Маляру", "Малярем"),  # маляр, -а: not a soft-group noun
        ("Бондаренко", "Бондаренка", "Бондаренку", "Бондаренком"),  # not on -ар
    ],
)
def test_soft_surnames_on_ar(surname: str, genitive: str, dative: str, ablative: str) -> None:
    """A surname that is a noun on -ар declines as that noun: Бондар → Бондаря, Бондарю (the
    mayor «Бондар» was addressed «Бондару»); a woman's Бондар stays as typed."""
    man = PersonName(surname, "Іван", "Петрович", Gender.MALE)
    assert full_name_in_case(man, "genitive").split()[0] == genitive
    assert dative_surname(man) == dative
    assert full_name_in_case(man, "ablative").split()[0] == ablative
    assert dative_surname(PersonName(surname.upper(), "І", "П", Gender.MALE)) == dative.upper()
    woman = PersonName(surname, "Олена", "Петрівна", Gender.FEMALE)
    assert dative_surname(woman) == surname


@pytest.mark.parametrize(
    ("surname", "genitive", "dative", "ablative", "vocative"),
    [
        # Правопис 2019 § 142: as the common noun (СУМ: швець, шевця; жнець, женця; чернець,
        # ченця; гонець, гінця; козел, козла; посол, посла)
        ("Швець", "Шевця", "Шевцю", "Шевцем", "Шевцю"),
        ("Жнець", "Женця", "Женцю", "Женцем", "Женцю"),
        ("Чернець", "Ченця", "Ченцю", "Ченцем", "Ченцю"),
        ("Гонець", "Гінця", "Гінцю", "Гінцем", "Гінцю"),
        ("Козел", "Козла", "Козлу", "Козлом", "Козле"),
        ("Посол", "Посла", "Послу", "Послом", "После"),
        # § 142's own examples, which shevchenko declines itself
        ("Заєць", "Зайця", "Зайцю", "Зайцем", None),
        ("Журавель", "Журавля", "Журавлеві", "Журавлем", None),
        ("Бусел", "Бусла", "Буслові", "Буслом", None),
        ("Кравець", "Кравця", "Кравцю", "Кравцем", "Кравцю"),  # no vowel to change
    ],
)
def test_a_surname_declines_as_its_noun_with_a_fleeting_vowel(
    surname: str, genitive: str, dative: str, ablative: str, vocative: str | None
) -> None:
    man = PersonName(surname, "Іван", "Петрович", Gender.MALE)
    assert full_name_in_case(man, "genitive").split()[0] == genitive
    assert dative_surname(man) == dative
    assert full_name_in_case(man, "ablative").split()[0] == ablative
    if vocative:
        assert full_name_in_case(man, "vocative").split()[0] == vocative
    assert dative_surname(PersonName(surname.upper(), "І", "П", Gender.MALE)) == dative.upper()
    woman = PersonName(surname, "Олена", "Петрівна", Gender.FEMALE)
    assert dative_surname(woman) == surname  # a woman's surname on a consonant: as typed


def test_each_part_of_a_double_surname_declines_as_its_noun() -> None:
    """§ 142: a double surname declines in each part (Квітки-Основ'яненка); shevchenko left
    «Швець» as typed before another part («Швець-Кравця»)."""
    first = PersonName("Швець-Кравець", "Іван", "Петрович", Gender.MALE)
    second = PersonName("Кравець-Швець", "Іван", "Петрович", Gender.MALE)
    assert full_name_in_case(first, "genitive").split()[0] == "Шевця-Кравця"
    assert dative_surname(first) == "Шевцю-Кравцю"
    assert dative_surname(second) == "Кравцю-Шевцю"
    assert dative_surname(PersonName("Швець-Кравець", "Олена", "", Gender.FEMALE)) == (
        "Швець-Кравець"
    )
