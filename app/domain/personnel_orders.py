"""Draft texts of the common personnel orders (розпорядження «-к») for an entry of the history:
hiring, transfer, vacation, unpaid leave, business trip, dismissal — the title and the operative
paragraph, the person named in the case the verb asks for, the surname in capitals as orders
write it: «Надати МЕЛЬНИКУ Івану Івановичу, головному спеціалісту …, щорічну основну відпустку
…», «Звільнити КОВАЛЬ Олену Петрівну … за угодою сторін, п. 1 ст. 36 КЗпП України».

A draft for the HR officer to edit, not a form fixed by law; the case of each name comes from
app/domain/names.py (shevchenko), and a name it cannot decline stays in the nominative.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain import personnel as rules
from app.domain.names import GrammaticalCase, PersonName
from app.domain.names import name_parts_in_case as _parts_in_case

#: Kinds a draft exists for: (title's noun phrase, verb, the case the verb governs).
DRAFTS: dict[str, tuple[str, str, GrammaticalCase]] = {
    rules.HIRE: ("Про призначення", "Призначити", "accusative"),
    rules.TRANSFER: ("Про переведення", "Перевести", "accusative"),
    rules.VACATION: ("Про надання відпустки", "Надати", "dative"),
    rules.UNPAID_LEAVE: (
        "Про надання відпустки без збереження заробітної плати",
        "Надати",
        "dative",
    ),
    rules.TRIP: ("Про відрядження", "Відрядити", "accusative"),
    rules.DISMISSAL: ("Про звільнення", "Звільнити", "accusative"),
}


@dataclass(frozen=True)
class OrderDraft:
    title: str
    text: str


def name_in_case(person: PersonName, case: GrammaticalCase) -> str:
    """«МЕЛЬНИКУ Івану Івановичу»: the surname in capitals, as orders name people."""
    surname, given, patronymic = _parts_in_case(person, case)
    return " ".join(p for p in (surname.upper(), given, patronymic) if p)


#: Nouns that head a post or a body, in the genitive (the rest: «-а» added, as «спеціаліста»).
_NOUNS = {
    "відділ": "відділу",
    "сектор": "сектору",
    "центр": "центру",
    "апарат": "апарату",
    "управління": "управління",
    "департамент": "департаменту",
    "служба": "служби",
    "секретар": "секретаря",
    "голова": "голови",
    "староста": "старости",
}


def genitive_phrase(text: str) -> str:
    """«Головний спеціаліст» → «головного спеціаліста», «Загальний відділ» → «загального
    відділу»: the adjectives before the head noun and the noun itself; what follows it
    («відділу …», «І категорії») is already in the genitive and stays."""
    words = text.strip().split()
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower() if i == 0 or word[:1].islower() else word
        if low.endswith("ий"):
            out.append(low[:-2] + "ого")
        elif low.endswith("ій") and low not in _NOUNS:
            out.append(low[:-2] + "ього")
        elif low.endswith("а") and low not in _NOUNS and i + 1 < len(words):
            out.append(low[:-1] + "ої")  # «Районна служба»: «районної»
        else:
            if low in _NOUNS:
                out.append(_NOUNS[low])
            elif low[-1:].isalpha() and low[-1] not in "аяоеиіуюь":
                out.append(low + "а")
            else:
                out.append(low)
            out.extend(words[i + 1 :])
            break
    return " ".join(out)


def vacation_words(kind: str) -> str:
    """«щорічна основна» → «щорічну основну відпустку»; «для догляду за дитиною» →
    «відпустку для догляду за дитиною»."""
    words = kind.split()
    if words and all(w.endswith("а") for w in words):
        return " ".join(w[:-1] + "у" for w in words) + " відпустку"
    return f"відпустку {kind}".strip()


def _title_name(person: PersonName) -> str:
    """The title names the person in the genitive or dative short: «Мельника І. І.»."""
    surname = _parts_in_case(person, "genitive")[0]
    initials = " ".join(f"{p[0]}." for p in (person.given_name, person.patronymic) if p)
    return f"{surname} {initials}".strip()


def draft(
    kind: str,
    person: PersonName,
    *,
    day: str,
    end: str = "",
    detail: str = "",
    post: str = "",
    department: str = "",
    days: int | None = None,
) -> OrderDraft:
    """The draft of the order making an entry of `kind` (KeyError for a kind without one)."""
    heading, verb, case = DRAFTS[kind]
    who = name_in_case(person, case)
    where = " ".join(genitive_phrase(p) for p in (post, department) if p)
    if kind == rules.HIRE:
        text = f"{verb} {who} з {day} на посаду {where}"
        if detail:
            text += f" ({detail})"
        title = f"{heading} {_title_name(person)}"
    elif kind == rules.TRANSFER:
        text = f"{verb} {who} з {day} на посаду {where}"
        title = f"{heading} {_title_name(person)}"
    elif kind in (rules.VACATION, rules.UNPAID_LEAVE):
        what = vacation_words(detail or "щорічна основна")
        if kind == rules.UNPAID_LEAVE:
            what = "відпустку без збереження заробітної плати"
        length = f" тривалістю {days} календарних днів" if days else ""
        period = f" з {day}" + (f" по {end}" if end else "")
        text = f"{verb} {who} {what}{length}{period}"
        dative = _parts_in_case(person, "dative")[0]
        initials = " ".join(f"{p[0]}." for p in (person.given_name, person.patronymic) if p)
        title = f"{heading} {dative} {initials}".strip()
    elif kind == rules.TRIP:
        text = f"{verb} {who} {detail or 'в межах України'} з {day}" + (f" по {end}" if end else "")
        title = f"{heading} {_title_name(person)}"
    else:  # dismissal
        ground = f", {detail}" if detail else ""
        text = f"{verb} {who} {day}{ground}"
        title = f"{heading} {_title_name(person)}"
    return OrderDraft(title, text.rstrip() + ".")
