"""People's names as the regulation and ДСТУ 4163:2020 want them written.

A resolution names executors in the dative case (regulation 9.5): «Мельнику І. І.», but «Коваль
О. П.» for a woman, because Ukrainian declines a consonant-final surname only for men. A signature
block is «Власне ім'я ПРІЗВИЩЕ». Declension comes from the ``shevchenko`` package; if it fails on an
unusual name we print the nominative rather than refuse to print the document.

The rules (Український правопис 2019, § 142 «Відмінювання прізвищ»), and who applies them:

- A man's surname declines as a noun of its declension: Ткаченко → Ткаченка, Ткаченку;
  Мельник → Мельника, Мельнику (shevchenko).
- A woman's surname on a consonant or on -о does not decline: «у Ткаченко Марії Іванівни»,
  «Коваль Олені Петрівні» (shevchenko); one on -а declines as a feminine noun (Скрипці).
- Adjectival surnames decline as adjectives of their gender: Ковальський → Ковальського,
  Ковальському; Ковальська → Ковальської, Ковальській (shevchenko).
- A double surname declines in each part by these rules: Квітки-Основ'яненка; a woman's
  Косач-Квітці keeps «Косач» (shevchenko).
- § 142 п. 3: a man's surname on -ів/-їв keeps the original о/е/є of its suffix in the other
  cases: Іванів → Іванова, Іванову; Ковалів → Ковалева; Андріїв → Андрієва (shevchenko gives
  «Іваніва», so `_surname_part` corrects it). After a soft consonant (коваль, гриць) the vowel is
  е; after -л- of a name on -ло (Михайло, Павло, Данило) it is о: Михайлів → Михайлова.
- A surname that is a noun declines as that noun does, and nouns on -ар split between the hard
  group (маляр, -а; столяр, -а) and the soft one (бондар, -я) by the dictionary, not by a rule:
  shevchenko takes some soft ones for hard («Бондару»), so the soft ones it misses are listed
  (`_SOFT_AR`, each checked in the Словник української мови: бондар, -я; писар, -я; шинкар, -я;
  лихвар, -я; друкар, -я; лікар, -я) and declined as Кобзар/Коваль: Бондаря, Бондарю, Бондарем,
  Бондареві.
- § 142 п. 1 declines a surname as its common noun, a fleeting vowel too (Заєць → Зайця,
  Журавель → Журавля, Бусел → Бусла, which shevchenko knows). The nouns whose change it does not
  know are listed (`_FLEETING`, each as the Словник української мови has it: швець, шевця; жнець,
  женця; чернець, ченця; гонець, гінця; козел, козла; котел, котла; посол, посла; осел, осла;
  овес, вівса): Швець → Шевця, Шевцю, Шевцем, with shevchenko's endings on the noun's stem.
- Foreign surnames on -о (and on -е, -і, -у, which shevchenko already keeps) do not decline:
  «Гюго», «Руссо», «Пікассо». A Ukrainian man's surname on -о is one on -ко (Ткаченко, Бойко),
  -ло (Гуцало) or -ьо (Іваньо); any other ending on -о is taken for a foreign one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Literal

__all__ = [
    "Gender",
    "GrammaticalCase",
    "PersonName",
    "dative_short",
    "dative_surname",
    "detect_gender",
    "full_name",
    "full_name_in_case",
    "genitive_full",
    "genitive_short",
    "initials",
    "name_parts_in_case",
    "parse_full_name",
    "short_name",
    "signature_form",
    "signature_name",
]

GrammaticalCase = Literal[
    "nominative", "genitive", "dative", "accusative", "ablative", "locative", "vocative"
]


class Gender(StrEnum):
    MALE = "m"
    FEMALE = "f"

    @property
    def label(self) -> str:
        return "чоловіча" if self is Gender.MALE else "жіноча"


@dataclass(frozen=True)
class PersonName:
    """A person's name in the nominative; the patronymic may be empty (foreigners, some forms)."""

    surname: str
    given_name: str
    patronymic: str
    gender: Gender


def _initial(part: str) -> str:
    """«Олена» → «О.», and «Анна-Марія» → «А.-М.» (each part of a double name keeps its letter)."""
    pieces = [piece.strip() for piece in part.strip().split("-")]
    return "-".join(f"{piece[0].upper()}." for piece in pieces if piece)


def initials(p: PersonName) -> str:
    """«О. П.»; just «О.» when there is no patronymic, «» when there is no given name either."""
    return " ".join(i for i in (_initial(p.given_name), _initial(p.patronymic)) if i)


def _join(surname: str, rest: str) -> str:
    return f"{surname} {rest}" if rest else surname


def short_name(p: PersonName) -> str:
    """«Коваль О. П.» — how names appear in registers and on the РКК card."""
    return _join(p.surname.strip(), initials(p))


def full_name(p: PersonName) -> str:
    """«Коваль Олена Петрівна» (surname first, as in registers and personnel files)."""
    parts = (p.surname, p.given_name, p.patronymic)
    return " ".join(part.strip() for part in parts if part.strip())


@lru_cache(maxsize=4096)
def _inflect(
    case: str, surname: str, given_name: str, patronymic: str, gender: Gender
) -> tuple[str, str, str]:
    """Inflect all three parts; cached because a register page repeats the same executors.
    (`shevchenko` is imported here, on the first name declined: the window's first screen
    declines none, and the package costs the start 30 ms and a megabyte.)"""
    import shevchenko

    try:
        result = shevchenko.in_case(
            case,
            {
                "gender": "masculine" if gender is Gender.MALE else "feminine",
                "given_name": given_name,
                "patronymic_name": patronymic,
                "family_name": surname,
            },
        )
        return (
            str(result.get("family_name") or surname),
            str(result.get("given_name") or given_name),
            str(result.get("patronymic_name") or patronymic),
        )
    except Exception:
        # Never block printing a resolution because of a rare name: nominative is readable.
        return surname, given_name, patronymic


# § 142 п. 3: the suffix -ів/-їв of a man's surname in the other cases (the vowel is added).
_IV_ENDINGS = {
    "genitive": "а",
    "dative": "у",
    "accusative": "а",
    "ablative": "им",
    "locative": "ові",
    "vocative": "е",
}
_SOFT_BEFORE_IV = "лйьчшщжц"
# Men's names on -ло whose surnames in -лів keep a hard л: Михайлів → Михайлова.
_HARD_L_NAMES = ("михайл", "павл", "данил", "гаврил", "кирил", "самійл", "мусл")
_UKRAINIAN_O_ENDINGS = ("ко", "ло", "ьо")
# Surnames that are soft-group nouns on -ар which shevchenko declines as hard (module doc).
_SOFT_AR = frozenset({"бондар", "писар", "шинкар", "лихвар", "друкар", "лікар"})
_SOFT_AR_ENDINGS = {
    "genitive": "я",
    "dative": "ю",
    "accusative": "я",
    "ablative": "ем",
    "locative": "еві",
    "vocative": "ю",
}


#: Surnames that are nouns with a fleeting or changed vowel shevchenko misses (module doc): the
#: stem shevchenko declines → the noun's own stem in the other cases.
_FLEETING = {
    "швець": ("швец", "шевц"),
    "жнець": ("жнец", "женц"),
    "чернець": ("чернец", "ченц"),
    "гонець": ("гонц", "гінц"),
    "козел": ("козел", "козл"),
    "котел": ("котел", "котл"),
    "посол": ("посол", "посл"),
    "осел": ("осел", "осл"),
    "овес": ("овес", "вівс"),
}


def _with_stem(typed: str, declined: str, stems: tuple[str, str], case: str) -> str:
    """`declined` with shevchenko's stem replaced by the noun's, in the typed letters' case (a
    part shevchenko left undeclined stays so). A hard stem's vocative ends in -е as the noun's:
    козле, котле (shevchenko's «Козелу» follows the wrong stem)."""
    old, new = stems
    if not declined.casefold().startswith(old) or declined.casefold() == typed.casefold():
        return declined
    ending = declined[len(old) :]
    if case == "vocative" and not new.endswith("ц"):
        ending = "е"
    if typed.isupper():
        new, ending = new.upper(), ending.upper()
    elif typed[:1].isupper():
        new = new[:1].upper() + new[1:]
    return new + ending


def _surname_part(typed: str, declined: str, case: str) -> str:
    """One part of a man's surname in `case` with the corrections of § 142 (module doc)."""
    low = typed.casefold()
    if low in _FLEETING and case != "nominative":
        if declined.casefold() == low:  # left as typed in a double surname («Швець-Кравця»)
            declined = _inflect(case, typed, "Іван", "", Gender.MALE)[0]
        return _with_stem(typed, declined, _FLEETING[low], case)
    if low.endswith("о") and not low.endswith(_UKRAINIAN_O_ENDINGS) and len(low) > 2:
        return typed  # a foreign surname on -о: Гюго, Руссо
    if low in _SOFT_AR and case in _SOFT_AR_ENDINGS:
        ending = _SOFT_AR_ENDINGS[case]
        return typed + (ending.upper() if typed.isupper() else ending)
    if case not in _IV_ENDINGS:
        return declined
    if low.endswith("їв"):
        suffix = "єв" + _IV_ENDINGS[case]
    elif low.endswith("ів") and len(low) > 3:
        stem = low[:-2]
        soft = low[-3] in _SOFT_BEFORE_IV and not stem.startswith(_HARD_L_NAMES)
        suffix = ("е" if soft else "о") + "в" + _IV_ENDINGS[case]
    else:
        return declined
    return typed[:-2] + (suffix.upper() if typed.isupper() else suffix)


def _parts_in_case(p: PersonName, case: GrammaticalCase) -> tuple[str, str, str]:
    surname, given, patronymic = p.surname.strip(), p.given_name.strip(), p.patronymic.strip()
    if not surname and not given and not patronymic:
        return "", "", ""
    if case == "nominative":
        return surname, given, patronymic
    declined, given_in_case, patronymic_in_case = _inflect(
        case, surname, given, patronymic, p.gender
    )
    if p.gender is Gender.MALE and surname:
        typed, out = surname.split("-"), declined.split("-")
        if len(typed) == len(out):
            declined = "-".join(_surname_part(t, o, case) for t, o in zip(typed, out, strict=True))
    return declined, given_in_case, patronymic_in_case


def name_parts_in_case(p: PersonName, case: GrammaticalCase) -> tuple[str, str, str]:
    """(surname, given name, patronymic) in `case` (orders write the surname in capitals)."""
    return _parts_in_case(p, case)


def dative_surname(p: PersonName) -> str:
    """«Мельнику», «Ковальській», but «Коваль» for a woman (regulation 9.5)."""
    return _parts_in_case(p, "dative")[0]


def dative_short(p: PersonName) -> str:
    """The executor in a resolution: «Мельнику І. І.», «Коваль О. П.»."""
    return _join(dative_surname(p), initials(p))


def full_name_in_case(p: PersonName, case: GrammaticalCase) -> str:
    """«Коваль Олені Петрівні» — for certificates and orders that name the person in full."""
    return " ".join(part for part in _parts_in_case(p, case) if part)


def genitive_full(p: PersonName) -> str:
    """«у Ткаченка Михайла Андрійовича», «у Ткаченко Марії Іванівни» (§ 142: a woman's surname
    on -о or a consonant does not decline)."""
    return full_name_in_case(p, "genitive")


def genitive_short(p: PersonName) -> str:
    """«Ткаченка М. А.», «Коваль О. П.» — a register's «у кого» with initials."""
    return _join(_parts_in_case(p, "genitive")[0], initials(p))


def signature_name(p: PersonName) -> str:
    """«Олена КОВАЛЬ» — the signature block per ДСТУ 4163:2020 (Власне ім'я ПРІЗВИЩЕ)."""
    given = p.given_name.strip()
    surname = p.surname.strip().upper()
    return f"{given} {surname}" if given else surname


def signature_form(name: str) -> str:
    """A name as typed in the organisation's details («Ольга Кравчук», «Ольга КРАВЧУК») in the
    signature block's form «Ольга КРАВЧУК» (ДСТУ 4163:2020): the last word is the surname."""
    words = name.split()
    if not words:
        return ""
    return " ".join([*words[:-1], words[-1].upper()])


_FEMALE_PATRONYMIC_ENDINGS = ("івна", "ївна", "овна", "евна", "ічна", "инична")
_MALE_PATRONYMIC_ENDINGS = ("ович", "евич", "йович", "ич", "іч")


def detect_gender(given_name: str, patronymic: str) -> Gender | None:
    """Guess the gender for a new record; None when unsure, so the clerk is asked.

    The patronymic is decisive (-ович → male, -івна/-ївна → female). Without one, the
    ``shevchenko`` classifier looks at the given name; ambiguous names (Саша) may still be wrong,
    which is why the form shows the guess for the clerk to confirm.
    """
    pat = patronymic.strip().casefold()
    if pat.endswith(_FEMALE_PATRONYMIC_ENDINGS):
        return Gender.FEMALE
    if pat.endswith(_MALE_PATRONYMIC_ENDINGS):
        return Gender.MALE
    import shevchenko

    detector = getattr(shevchenko, "detect_gender", None)
    if detector is None or not (given_name.strip() or pat):
        return None
    try:
        guess = detector({"given_name": given_name.strip(), "patronymic_name": patronymic.strip()})
    except Exception:
        return None
    if guess == "masculine":
        return Gender.MALE
    if guess == "feminine":
        return Gender.FEMALE
    return None


def parse_full_name(text: str, gender: Gender | None = None) -> PersonName:
    """Split «Коваль Олена Петрівна» (surname first) into a :class:`PersonName`.

    Used by imports and quick-entry fields. Raises ``ValueError`` with a Ukrainian message when
    the text is empty or the gender cannot be determined and was not given.
    """
    words = text.split()
    if not words:
        raise ValueError("Вкажіть прізвище, ім'я та по батькові")
    surname = words[0]
    given = words[1] if len(words) > 1 else ""
    patronymic = " ".join(words[2:])
    found = gender or detect_gender(given, patronymic)
    if found is None:
        raise ValueError(f"Не вдалося визначити стать для «{text.strip()}»: вкажіть її")
    return PersonName(surname=surname, given_name=given, patronymic=patronymic, gender=found)
