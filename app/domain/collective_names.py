"""A collective's or an organisation's name in a grammatical case: «Оголошується подяка
колективу ОСББ «Світанок»», «Інших відзнак у трудового колективу КП «Водоканал» немає».

Regulation 28.9 awards collectives (трудові колективи, військові підрозділи, ОСН) as well as
persons; their names are word groups, not anthroponyms, so shevchenko does not decline them.
The rule of Ukrainian grammar for a word group «[означення] головне слово [залежні слова]»: only
the head noun and the adjectives that agree with it change case; what depends on the head keeps
its form — a genitive complement («колектив відділу освіти» → «колективу відділу освіти»), a
number, and a proper name in quotes after its generic word («колектив ОСББ «Світанок»» →
«колективу ОСББ «Світанок»», as «у газеті «Урядовий кур'єр»»: with the generic word before it
the name in quotes stays in the nominative). Abbreviations read letter by letter (ОСББ, КНП,
ТОВ) do not decline (Український правопис, «Велика літера в складноскорочених назвах», the
note: only those read as a word — «з БАМу» — take endings), so a name that begins with one, or
with a quote, is correct as written in any case.

The head nouns the program knows are listed below with their cases (a collective of people —
колектив, працівники, команда — or an organisation — відділ, школа, управління); the adjectives
before the head decline as adjectives of the head's gender and number (hard and soft groups:
трудовий → трудового, трудовому; середня → середньої, середній; медичні → медичних, медичним).
A name whose head the program does not know is left as written, and the card warns the clerk
(app.domain.awards.name_warnings), who may type the form himself.

A collective of people is a common noun in running text: «колективу …», «працівникам …» are
written in lower case whatever the card says; an organisation's name keeps its capitals
(«Шепетівській ЗОШ № 1»).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "collective_address",
    "collective_declines",
    "collective_in_case",
    "is_plural",
    "looks_like_collective",
]

Number = Literal["m", "f", "n", "pl"]
_APOSTROPHES = "’ʼ`"


@dataclass(frozen=True)
class _Head:
    number: Number  # the gender, or "pl"
    genitive: str
    dative: str
    vocative: str
    people: bool  # a collective of people (addressed, written in lower case)


def _people(number: Number, genitive: str, dative: str, vocative: str = "") -> _Head:
    return _Head(number, genitive, dative, vocative, True)


def _org(number: Number, genitive: str, dative: str) -> _Head:
    return _Head(number, genitive, dative, "", False)


def _plural(genitive: str, dative: str) -> _Head:
    return _Head("pl", genitive, dative, "", True)


_HEADS: dict[str, _Head] = {
    # collectives of people (28.9: трудові колективи, підрозділи)
    "колектив": _people("m", "колективу", "колективу", "колективе"),
    "команда": _people("f", "команди", "команді", "командо"),
    "бригада": _people("f", "бригади", "бригаді", "бригадо"),
    "екіпаж": _people("m", "екіпажу", "екіпажу", "екіпаже"),
    "хор": _people("m", "хору", "хору", "хоре"),
    "ансамбль": _people("m", "ансамблю", "ансамблю", "ансамблю"),
    "оркестр": _people("m", "оркестру", "оркестру", "оркестре"),
    "гурт": _people("m", "гурту", "гурту", "гурте"),
    "загін": _people("m", "загону", "загону", "загоне"),
    "підрозділ": _people("m", "підрозділу", "підрозділу", "підрозділе"),
    "родина": _people("f", "родини", "родині", "родино"),
    "сім'я": _people("f", "сім'ї", "сім'ї", "сім'є"),
    "працівники": _plural("працівників", "працівникам"),
    "члени": _plural("членів", "членам"),
    "учасники": _plural("учасників", "учасникам"),
    "волонтери": _plural("волонтерів", "волонтерам"),
    "вихованці": _plural("вихованців", "вихованцям"),
    "учні": _plural("учнів", "учням"),
    "студенти": _plural("студентів", "студентам"),
    "спортсмени": _plural("спортсменів", "спортсменам"),
    "військовослужбовці": _plural("військовослужбовців", "військовослужбовцям"),
    "медики": _plural("медиків", "медикам"),
    "педагоги": _plural("педагогів", "педагогам"),
    "лікарі": _plural("лікарів", "лікарям"),
    "учителі": _plural("учителів", "учителям"),
    "вчителі": _plural("вчителів", "вчителям"),
    "рятувальники": _plural("рятувальників", "рятувальникам"),
    "ветерани": _plural("ветеранів", "ветеранам"),
    "захисники": _plural("захисників", "захисникам"),
    "мешканці": _plural("мешканців", "мешканцям"),
    "жителі": _plural("жителів", "жителям"),
    "депутати": _plural("депутатів", "депутатам"),
    "фахівці": _plural("фахівців", "фахівцям"),
    # organisations
    "відділ": _org("m", "відділу", "відділу"),
    "управління": _org("n", "управління", "управлінню"),
    "департамент": _org("m", "департаменту", "департаменту"),
    "центр": _org("m", "центру", "центру"),
    "заклад": _org("m", "закладу", "закладу"),
    "ліцей": _org("m", "ліцею", "ліцею"),
    "гімназія": _org("f", "гімназії", "гімназії"),
    "школа": _org("f", "школи", "школі"),
    "лікарня": _org("f", "лікарні", "лікарні"),
    "амбулаторія": _org("f", "амбулаторії", "амбулаторії"),
    "поліклініка": _org("f", "поліклініки", "поліклініці"),
    "бібліотека": _org("f", "бібліотеки", "бібліотеці"),
    "будинок": _org("m", "будинку", "будинку"),
    "палац": _org("m", "палацу", "палацу"),
    "клуб": _org("m", "клубу", "клубу"),
    "садок": _org("m", "садка", "садку"),
    "комітет": _org("m", "комітету", "комітету"),
    "виконком": _org("m", "виконкому", "виконкому"),
    "служба": _org("f", "служби", "службі"),
    "частина": _org("f", "частини", "частині"),
    "товариство": _org("n", "товариства", "товариству"),
    "об'єднання": _org("n", "об'єднання", "об'єднанню"),
    "спілка": _org("f", "спілки", "спілці"),
    "асоціація": _org("f", "асоціації", "асоціації"),
    "підприємство": _org("n", "підприємства", "підприємству"),
    "установа": _org("f", "установи", "установі"),
    "організація": _org("f", "організації", "організації"),
    "громада": _org("f", "громади", "громаді"),
    "рада": _org("f", "ради", "раді"),
    "комбінат": _org("m", "комбінату", "комбінату"),
    "завод": _org("m", "заводу", "заводу"),
    "фабрика": _org("f", "фабрики", "фабриці"),
    "господарство": _org("n", "господарства", "господарству"),
    "кооператив": _org("m", "кооперативу", "кооперативу"),
    "відділення": _org("n", "відділення", "відділенню"),
    "сектор": _org("m", "сектору", "сектору"),
    "апарат": _org("m", "апарату", "апарату"),
    "штаб": _org("m", "штабу", "штабу"),
    "батальйон": _org("m", "батальйону", "батальйону"),
    "рота": _org("f", "роти", "роті"),
    "полк": _org("m", "полку", "полку"),
    "станція": _org("f", "станції", "станції"),
    "редакція": _org("f", "редакції", "редакції"),
    "театр": _org("m", "театру", "театру"),
    "музей": _org("m", "музею", "музею"),
    "університет": _org("m", "університету", "університету"),
    "коледж": _org("m", "коледжу", "коледжу"),
    "інститут": _org("m", "інституту", "інституту"),
    "училище": _org("n", "училища", "училищу"),
    "академія": _org("f", "академії", "академії"),
    "адміністрація": _org("f", "адміністрації", "адміністрації"),
    "інспекція": _org("f", "інспекції", "інспекції"),
    "лабораторія": _org("f", "лабораторії", "лабораторії"),
    "фонд": _org("m", "фонду", "фонду"),
    "комплекс": _org("m", "комплексу", "комплексу"),
    "аптека": _org("f", "аптеки", "аптеці"),
    "студія": _org("f", "студії", "студії"),
    "майстерня": _org("f", "майстерні", "майстерні"),
    "видавництво": _org("n", "видавництва", "видавництву"),
    "компанія": _org("f", "компанії", "компанії"),
    "фірма": _org("f", "фірми", "фірмі"),
    "ферма": _org("f", "ферми", "фермі"),
    "агенція": _org("f", "агенції", "агенції"),
    "суд": _org("m", "суду", "суду"),
    "прокуратура": _org("f", "прокуратури", "прокуратурі"),
    "поліція": _org("f", "поліції", "поліції"),
}

# The nominative endings of an adjective agreeing with a head, and its (genitive, dative):
# hard and soft groups (трудовий, середній; медична, середня; комунальне, середнє; медичні).
_ADJECTIVE: dict[Number, tuple[tuple[str, str, str], ...]] = {
    "m": (("ій", "ього", "ьому"), ("ий", "ого", "ому")),
    "f": (("я", "ьої", "ій"), ("а", "ої", "ій")),
    "n": (("є", "ього", "ьому"), ("е", "ого", "ому")),
    "pl": (("ї", "їх", "їм"), ("і", "их", "им")),
}
_MAX_ADJECTIVES = 3


def _key(word: str) -> str:
    text = word.casefold()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "'")
    return text


def _apostrophe_of(word: str) -> str:
    return next((c for c in word if c in _APOSTROPHES + "'"), "'")


def _adjective(word: str, number: Number, case: str) -> str | None:
    """`word` (the last part of a hyphenated one declines) in `case`, or None when it does not
    look like an adjective agreeing with a head of `number`."""
    if word.isupper() and len(word) > 1:  # an abbreviation
        return None
    first, dash, last = word.rpartition("-")
    low = last.casefold()
    for ending, genitive, dative in _ADJECTIVE[number]:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            if case == "nominative" or case == "vocative":
                return word
            new = genitive if case == "genitive" else dative
            return f"{first}{dash}{last[: -len(ending)]}{new}"
    return None


@dataclass(frozen=True)
class _Phrase:
    head: _Head
    words: tuple[str, ...]  # the adjectives and the head in `case`
    tail: str  # what follows the head, as written


def _phrase(name: str, case: str) -> _Phrase | None:
    words = name.split()
    for i, word in enumerate(words[: _MAX_ADJECTIVES + 1]):
        head = _HEADS.get(_key(word))
        if head is None:
            continue
        adjectives = [_adjective(w, head.number, case) for w in words[:i]]
        if any(a is None for a in adjectives):
            return None
        form = {"genitive": head.genitive, "dative": head.dative}.get(case)
        if case == "vocative":
            form = head.vocative or word
        declined = (form or word).replace("'", _apostrophe_of(word))
        if word[:1].isupper() and not head.people:
            declined = declined[:1].upper() + declined[1:]
        out = [a for a in adjectives if a is not None] + [declined]
        if head.people:
            out[0] = out[0][:1].lower() + out[0][1:]
        return _Phrase(head, tuple(out), " ".join(words[i + 1 :]))
    return None


def _as_written(name: str) -> bool:
    """A name correct in any case as it stands: it begins with a quote or an abbreviation."""
    first = name.split()[0] if name.split() else ""
    letters = [c for c in first if c.isalpha()]
    return bool(first) and (first[0] in "«\"„'" or (len(letters) > 1 and first.isupper()))


def collective_declines(name: str) -> bool:
    """Whether the program puts `name` in a case by the rule (a head it knows, or a name that
    is the same in every case); False: it is printed as written and the clerk should look."""
    return not name.strip() or _as_written(name) or _phrase(name, "dative") is not None


def looks_like_collective(name: str) -> bool:
    """Whether `name` begins as a collective's or an organisation's does (a head noun the
    program knows, after any adjectives): «Колектив …», «Працівники …», «Середня школа …»."""
    return _phrase(name, "nominative") is not None


def is_plural(name: str) -> bool:
    """Whether the collective is named in the plural («Працівники …»): a verb whose subject it
    is agrees — «Нагороджуються працівники ЖЕК № 3»."""
    found = _phrase(name, "nominative")
    return found is not None and found.head.number == "pl"


def collective_in_case(name: str, case: str) -> str:
    """`name` in `case` (nominative, genitive, dative, vocative): «Колектив ОСББ «Світанок»» →
    «колективу ОСББ «Світанок»»; «Трудовий колектив КП «Водоканал»» → «трудовому колективу КП
    «Водоканал»»; «Працівники ЖЕК № 3» → «працівникам ЖЕК № 3»; a name the program cannot
    decline (module doc) as written."""
    found = _phrase(name, case)
    if found is None:
        return " ".join(name.split())
    return " ".join([*found.words, found.tail]).strip()


def collective_address(name: str) -> tuple[str, str]:
    """The greeting of a Вітальна адреса: («Шановний», «колективе ОСББ «Світанок»»),
    («Шановні», «працівники ЖЕК № 3»); an organisation is greeted through its collective
    («Шановний», «колективе відділу освіти»); a name the program cannot decline as «Шановні
    колеги»."""
    found = _phrase(name, "vocative")
    if found is not None and found.head.people:
        greeting = {"m": "Шановний", "f": "Шановна", "n": "Шановне", "pl": "Шановні"}
        return greeting[found.head.number], " ".join([*found.words, found.tail]).strip()
    if found is not None or (name.strip() and _as_written(name)):
        return "Шановний", f"колективе {collective_in_case(name, 'genitive')}"
    return "Шановні", "колеги"
