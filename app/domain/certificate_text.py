"""The text of an award certificate: a kind's template with the recipient put in.

The recipient's name takes the case the template's wording needs (app.domain.awards.NAME_CASES):
the dative after «Оголошується (подяка)» («Мельнику Івану Івановичу», «Коваль Олені Петрівні»,
«колективу ОСББ «Світанок»»), the nominative after «Нагороджується», the vocative in a Вітальна
адреса («Шановний Іване Івановичу!», «Шановний колективе …!»). A person's name is declined by
app.domain.names (shevchenko and Правопис 2019 § 142), a collective's or an organisation's by
app.domain.collective_names (only the head of the word group changes); in the nominative a
collective named in the plural is the subject, and the template's verb agrees with it
(«Нагороджуються працівники ЖЕК № 3»). A clerk's correction of a form (`name_override`) is
kept per award and wins over any declension on the certificate; it is in the template's case
only, so other texts (the register's hint, in the genitive) decline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.awards import COLLECTIVE, occasion_phrase
from app.domain.collective_names import collective_address, collective_in_case, is_plural
from app.domain.names import Gender, GrammaticalCase, PersonName, full_name_in_case

_PLACEHOLDER = re.compile(r"\{([^{}\n]+)\}")
# A reflexive verb in the 3rd person singular (нагороджується, відзначається) and its plural.
_VERB_SINGULAR = re.compile(r"\b(\w+)ється\b")


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


def recipient_in_case(r: Recipient, case: GrammaticalCase) -> str:
    """The recipient's name (a person's surname first) in `case` by the rules, whatever the
    clerk corrected: «Ткаченка Михайла Андрійовича», «Ткаченко Марії Іванівни», «колективу ОСББ
    «Світанок»». A person whose sex is unknown is named as written."""
    if r.recipient_type == COLLECTIVE:
        return collective_in_case(r.name, case)
    person = r.person
    if person is None:
        return " ".join(r.name.split())
    return full_name_in_case(person, case)


def name_in_case(r: Recipient, case: GrammaticalCase) -> str:
    """The name on the certificate: the clerk's correction, else `recipient_in_case`."""
    if r.name_override.strip():
        return r.name_override.strip()
    return recipient_in_case(r, case)


def vocative_address(r: Recipient) -> tuple[str, str]:
    """(«Шановний» / «Шановна», «Іване Івановичу») for a greeting; a collective's from
    app.domain.collective_names («Шановний», «колективе ОСББ «Світанок»»)."""
    if r.recipient_type == COLLECTIVE:
        greeting, name = collective_address(r.name)
        return greeting, r.name_override.strip() or name
    person = r.person
    if person is None:
        return "Шановні", "колеги"
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
    # In the nominative the recipient is the subject: «Нагороджуються працівники ЖЕК № 3».
    plural = case == "nominative" and r.recipient_type == COLLECTIVE and is_plural(r.name)
    lines = []
    for line in template.replace("\r\n", "\n").split("\n"):
        had = bool(_PLACEHOLDER.search(line))
        if plural:
            line = _VERB_SINGULAR.sub(r"\1ються", line)
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
