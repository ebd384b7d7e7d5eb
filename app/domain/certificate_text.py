"""The text of an award certificate: a kind's template with the recipient put in.

The recipient's name takes the case the template's wording needs (app.domain.awards.NAME_CASES):
the dative after «оголошується подяка» («Мельнику Івану Івановичу», «Коваль Олені Петрівні»),
the nominative after «нагороджується», the vocative in a Вітальна адреса («Шановний Іване
Івановичу!»). Declension comes from the `shevchenko` package through app.domain.names; masculine
surnames in -ів/-їв, which it gets wrong («Іваніву»), follow Правопис 2019 § 142 (і → о/е:
Іванів → Іванову, Ковалів → Ковалеву). A clerk's correction of a form (`name_override`) is kept
per award and wins over any declension.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.awards import COLLECTIVE, occasion_phrase
from app.domain.names import Gender, GrammaticalCase, PersonName, full_name_in_case

_PLACEHOLDER = re.compile(r"\{([^{}\n]+)\}")
_IV_ENDINGS = {
    "genitive": "а",
    "dative": "у",
    "accusative": "а",
    "ablative": "им",
    "locative": "ові",
    "vocative": "е",
}
_SOFT_BEFORE_IV = "лйьчшщжц"


@dataclass(frozen=True)
class Recipient:
    recipient_type: str  # awards.PERSON or awards.COLLECTIVE
    name: str  # «Мельник Іван Іванович» (surname first) or the collective's name
    sex: str = ""  # "m" / "f" for a person
    position: str = ""
    workplace: str = ""
    name_override: str = ""  # the clerk's corrected form, used verbatim for {ім'я}

    @property
    def person(self) -> PersonName | None:
        if self.recipient_type == COLLECTIVE or self.sex not in ("m", "f"):
            return None
        words = self.name.split()
        if not words:
            return None
        return PersonName(words[0], " ".join(words[1:2]), " ".join(words[2:]), Gender(self.sex))


def _fix_iv(part: str, case: str) -> str | None:
    """A masculine surname in -ів/-їв in an oblique case (Правопис § 142): Іванів → Іванову."""
    if part.endswith("їв"):
        return part[:-2] + "єв" + _IV_ENDINGS[case]
    if part.endswith("ів") and len(part) > 3:
        vowel = "е" if part[-3] in _SOFT_BEFORE_IV else "о"
        return part[:-2] + vowel + "в" + _IV_ENDINGS[case]
    return None


def surname_in_case(person: PersonName, declined: str, case: GrammaticalCase) -> str:
    if person.gender is not Gender.MALE or case == "nominative" or case not in _IV_ENDINGS:
        return declined
    typed = person.surname.strip().split("-")
    out = declined.split("-")
    if len(typed) != len(out):
        return declined
    return "-".join(_fix_iv(t, case) or o for t, o in zip(typed, out, strict=True))


def name_in_case(r: Recipient, case: GrammaticalCase) -> str:
    """The recipient's full name (surname first) in `case`; a collective's name as written."""
    if r.name_override.strip():
        return r.name_override.strip()
    person = r.person
    if person is None:
        return " ".join(r.name.split())
    words = full_name_in_case(person, case).split(" ", 1)
    surname = surname_in_case(person, words[0], case)
    return " ".join([surname, *words[1:]])


def vocative_address(r: Recipient) -> tuple[str, str]:
    """(«Шановний» / «Шановна» / «Шановні», «Іване Івановичу») for a greeting."""
    person = r.person
    if person is None:
        return "Шановні", f"колеги {r.name.strip()}".strip() if r.name.strip() else "колеги"
    if r.name_override.strip():
        name = r.name_override.strip()
    else:
        parts = full_name_in_case(person, "vocative").split(" ")
        name = " ".join(parts[1:]) if len(parts) > 1 else parts[0]
    return ("Шановний" if person.gender is Gender.MALE else "Шановна"), name


def fill_template(template: str, r: Recipient, case: str, merits: str, occasion: str) -> list[str]:
    """The certificate's lines: placeholders replaced, lines left empty by them dropped."""
    if case not in ("nominative", "dative", "vocative"):
        case = "nominative"
    greeting, vocative = vocative_address(r)
    values = {
        "ім'я": name_in_case(r, case),  # type: ignore[arg-type]
        "звертання": greeting,
        "ім'я_по_батькові": vocative,
        "посада": r.position.strip(),
        "місце_роботи": r.workplace.strip(),
        "заслуги": merits.strip().removeprefix("за ").rstrip("."),
        "привід": occasion_phrase(occasion),
    }
    lines = []
    for line in template.replace("\r\n", "\n").split("\n"):
        had = bool(_PLACEHOLDER.search(line))
        text = _PLACEHOLDER.sub(lambda m: values.get(m[1].strip(), m[0]), line)
        text = " ".join(text.split())
        if had and not text.strip(" .,!"):
            continue
        if text == "за":
            continue
        lines.append(text)
    return lines


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders a template names that the program does not fill (an editor's typo)."""
    from app.domain.awards import PLACEHOLDERS

    return [m[1] for m in _PLACEHOLDER.finditer(template) if m[1].strip() not in PLACEHOLDERS]
