"""Awards (відзнаки): the kinds and their rules, the occasions, and the checks on a petition.

Sources: the regulation's section 28 (Шепетівка, 2011) and the brief's §5.1 (typical councils'
«Положення про відзнаки»). There is no national model, and the rules differ by council, so the
kinds are a reference list an administrator edits (app/services/awards.py keeps it), and every
rule below produces a warning, never a ban (next-registers.md §5.1).

- 28.4: a petition for the Почесна відзнака міського голови comes a month before the ceremony;
  28.10: for a Почесна грамота, Грамота or Подяка at least a week before.
- 28.9: awards go to persons and to collectives (трудові колективи, військові підрозділи, ОСН).
- 28.11: the same award may be repeated for new merits; councils often set an interval
  (Умань: a Подяка again not sooner than 2 years later).
- The ladder (Горішні Плавні): a Почесна грамота only for those earlier given a Подяка, and not
  sooner than 3 years after the last award.
- The minimum years of work (Умань: a Подяка, as a rule, after at least 1 year in the
  collective).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.collective_names import collective_declines, looks_like_collective
from app.domain.dates import format_date
from app.domain.names import detect_gender
from app.domain.plural import plural

PERSON, COLLECTIVE = "особа", "колектив"
RECIPIENT_TYPES = {PERSON: "особа", COLLECTIVE: "колектив"}
SEXES = {"m": "чоловіча", "f": "жіноча"}

#: The grammatical case the recipient's name takes where the template says {ім'я}.
NAME_CASES = {
    "nominative": "називний («нагороджується Мельник Іван Іванович»)",
    "dative": "давальний («оголошується подяка Мельнику Івану Івановичу»)",
    "vocative": "кличний («Шановний Іване Івановичу!»)",
}


@dataclass(frozen=True)
class AwardKind:
    """A kind of award and its rules (all editable; 0 switches a rule off).

    `ladder`: titles of kinds one of which the recipient must have had before (a Почесна
    грамота after a Подяка or a Грамота), `ladder_years` at least that long ago;
    `repeat_years`: the same kind again not sooner; `min_years`: the years of work a person
    should have; `lead_days`: how long before the ceremony the petition comes.
    """

    code: str
    title: str
    heading: str  # the certificate's heading: «ПОДЯКА»
    to_persons: bool = True
    to_collectives: bool = True
    lead_days: int = 7
    min_years: int = 0
    repeat_years: int = 0
    ladder: tuple[str, ...] = ()
    ladder_years: int = 0
    name_case: str = "nominative"
    template: str = ""
    active: bool = True
    position: int = 0

    def may_go_to(self, recipient_type: str) -> bool:
        return self.to_collectives if recipient_type == COLLECTIVE else self.to_persons


# Placeholders a template may use; {ім'я} is the recipient's name in the kind's case.
PLACEHOLDERS = {
    "ім'я": "ім'я отримувача у відмінку, який потрібен шаблону (або назва колективу)",
    "звертання": "«Шановний» / «Шановна» за статтю (для вітальної адреси)",
    "ім'я_по_батькові": "ім'я та по батькові у кличному відмінку («Іване Івановичу»)",
    "посада": "посада отримувача",
    "місце_роботи": "місце роботи отримувача",
    "заслуги": "за що (текст подання)",
    "привід": "привід нагородження («з нагоди Дня Незалежності України»)",
}

_THANKS = "Оголошується\n{ім'я}\n{посада} {місце_роботи}\nза {заслуги}\n{привід}"

DEFAULT_KINDS: tuple[AwardKind, ...] = (
    AwardKind(
        "distinction",
        "Почесна відзнака міського голови",
        "ПОЧЕСНА ВІДЗНАКА\nМІСЬКОГО ГОЛОВИ",
        to_collectives=False,
        lead_days=30,
        min_years=5,
        ladder=("Почесна грамота",),
        ladder_years=3,
        template="{ім'я}\n{посада} {місце_роботи}\nнагороджується Почесною відзнакою міського "
        "голови\nза {заслуги}\n{привід}",
        position=1,
    ),
    AwardKind(
        "honorary",
        "Почесна грамота",
        "ПОЧЕСНА ГРАМОТА",
        min_years=3,
        ladder=("Подяка", "Грамота"),
        ladder_years=3,
        template="Нагороджується\n{ім'я}\n{посада} {місце_роботи}\nза {заслуги}\n{привід}",
        position=2,
    ),
    AwardKind(
        "diploma",
        "Грамота",
        "ГРАМОТА",
        min_years=1,
        repeat_years=2,
        template="Нагороджується\n{ім'я}\n{посада} {місце_роботи}\nза {заслуги}\n{привід}",
        position=3,
    ),
    AwardKind(
        "thanks",
        "Подяка",
        "ПОДЯКА",
        min_years=1,
        repeat_years=2,
        name_case="dative",
        template=_THANKS,
        position=4,
    ),
    AwardKind(
        "address",
        "Вітальна адреса",
        "ВІТАЛЬНА АДРЕСА",
        name_case="vocative",
        template="{звертання} {ім'я_по_батькові}!\nЩиро вітаю Вас {привід}!\n"
        "Дякую за {заслуги}.\nБажаю міцного здоров'я, щастя, миру та нових звершень!",
        position=5,
    ),
)

DEFAULT_OCCASIONS: tuple[tuple[str, str], ...] = (
    # (title, the day as ДД.ММ; "" for an occasion without a fixed day: a jubilee)
    ("День Соборності України", "22.01"),
    ("Міжнародний жіночий день", "08.03"),
    ("День місцевого самоврядування", "07.12"),
    ("День Конституції України", "28.06"),
    ("День медичного працівника", "3-тя неділя червня"),
    ("День Державного Прапора України", "23.08"),
    ("День Незалежності України", "24.08"),
    ("День знань", "01.09"),
    ("День працівника освіти", "1-ша неділя жовтня"),
    ("День захисників і захисниць України", "01.10"),
    ("День працівників житлово-комунального господарства", "3-тя неділя березня"),
    ("День міста", ""),
    ("Ювілей (день народження)", ""),
    ("Ювілей підприємства", ""),
    ("Професійне свято", ""),
)

#: How the certificate words an occasion after its text: «з нагоди Дня Незалежності України».
OCCASION_PREFIX = "з нагоди"


@dataclass(frozen=True)
class PastAward:
    """An award the recipient already has (or a petition still without an order)."""

    kind: str
    day: date  # the order's date; the ceremony date while there is no order
    order: str  # «45-р від 12.03.2025»; "" while there is none
    number: str  # the award's number in the register


def awards_between(day: date, later: date) -> float:
    return (later - day).days / 365.25


def petition_late(kind: AwardKind | None, petition: date | None, ceremony: date | None) -> bool:
    """28.4/28.10: a petition comes at least `lead_days` before the ceremony."""
    if petition is None or ceremony is None:
        return False
    lead = kind.lead_days if kind is not None else 7
    return lead > 0 and (ceremony - petition).days < lead


def petition_warnings(
    kind: AwardKind | None,
    recipient_type: str,
    petition: date | None,
    ceremony: date | None,
    years_of_work: int | None,
    history: Sequence[PastAward],
    today: date,
) -> list[str]:
    """Every rule the petition does not meet, as warnings to show (never bans, §5.1)."""
    if kind is None:
        return []
    found: list[str] = []
    who = RECIPIENT_TYPES.get(recipient_type, recipient_type)
    if not kind.may_go_to(recipient_type):
        found.append(f"«{kind.title}» не присуджується: отримувач — {who}.")
    if petition_late(kind, petition, ceremony):
        assert petition is not None and ceremony is not None
        found.append(
            f"Подання від {format_date(petition)} надійшло менш ніж за {kind.lead_days} "
            f"{plural(kind.lead_days, 'день', 'дні', 'днів')} до вручення "
            f"({format_date(ceremony)}) (п. 28.4, 28.10)."
        )
    on = ceremony or today
    short = years_of_work is not None and years_of_work < kind.min_years
    if recipient_type == PERSON and kind.min_years and short:
        found.append(
            f"Стаж роботи {years_of_work} р.: для «{kind.title}» потрібно щонайменше "
            f"{kind.min_years} р."
        )
    same = [a for a in history if a.kind == kind.title and a.day <= on]
    if kind.repeat_years and same:
        last = max(same, key=lambda a: a.day)
        if awards_between(last.day, on) < kind.repeat_years:
            found.append(
                f"«{kind.title}» вже вручено {format_date(last.day)}"
                f"{_order_text(last)}: повторно — не раніше ніж через {kind.repeat_years} р."
            )
    if kind.ladder:
        lower = [a for a in history if a.kind in kind.ladder and a.day <= on]
        names = " або ".join(f"«{t}»" for t in kind.ladder)
        if not lower:
            found.append(f"«{kind.title}» — лише після {names}; раніше їх не вручали.")
        elif kind.ladder_years:
            last = max(lower, key=lambda a: a.day)
            if awards_between(last.day, on) < kind.ladder_years:
                found.append(
                    f"«{kind.title}» — не раніше ніж через {kind.ladder_years} р. після "
                    f"останньої відзнаки ({last.kind}, {format_date(last.day)})."
                )
    return found


def name_warnings(
    kind: AwardKind | None, recipient_type: str, name: str, override: str = "", sex: str = ""
) -> list[str]:
    """What would print the recipient's name wrong on the kind's certificate, as warnings:

    - a collective's name the program cannot put in the kind's case (app.domain
      .collective_names: a head noun it does not know) is printed as written;
    - a person whose sex is neither given (`sex`: "m"/"f") nor told by the patronymic is
      printed as written (§ 142 declines a surname by the person's sex);
    - a «person» whose name begins as a collective's («Колектив …», «Працівники …») and has no
      patronymic: most likely the clerk left «Кого нагороджують» at «особа».
    The clerk may look at the certificate or type the form in «Ім'я на грамоті»."""
    if kind is None or override.strip() or kind.name_case == "nominative" or not name.strip():
        return []
    shown = " ".join(name.split())
    fix = "Перевірте грамоту або впишіть правильну форму в поле «Ім'я на грамоті»."
    if recipient_type == COLLECTIVE:
        if collective_declines(name):
            return []
        return [f"Назву «{shown}» програма не відмінює: на грамоті її буде надруковано як є. {fix}"]
    words = name.split()
    if sex in ("m", "f") or detect_gender(" ".join(words[1:2]), " ".join(words[2:])):
        return []
    if looks_like_collective(name):
        return [f"«{shown}» схоже на колектив: у полі «Кого нагороджують» виберіть «колектив»."]
    return [
        f"Стать отримувача «{shown}» не вказано, і за по батькові її не визначено: ім'я буде "
        f"надруковано як є, не відмінюючи. Вкажіть стать. {fix}"
    ]


def _order_text(award: PastAward) -> str:
    return f" (розпорядження № {award.order})" if award.order else ""


def history_lines(history: Iterable[PastAward]) -> list[str]:
    """The recipient's earlier awards, newest first, as the card's note lists them."""
    lines = []
    for a in sorted(history, key=lambda a: a.day, reverse=True):
        order = f", розп. № {a.order}" if a.order else ", без розпорядження (подання)"
        lines.append(f"{format_date(a.day)} — {a.kind}{order}")
    return lines


def occasion_phrase(occasion: str) -> str:
    """«з нагоди Дня Незалежності України» from «День Незалежності України» (the genitive of
    the usual first words; anything else is kept after «з нагоди»)."""
    text = occasion.strip()
    if not text:
        return ""
    if text.lower().startswith(("з нагоди", "до ", "у зв'язку", "за ")):
        return text
    first, _, rest = text.partition(" ")
    genitive = {
        "День": "Дня",
        "Міжнародний": "Міжнародного",
        "Ювілей": "ювілею",
        "Професійне": "професійного",
    }.get(first)
    if genitive is None:
        return f"{OCCASION_PREFIX} {text}"
    if first == "Міжнародний" and rest.startswith("жіночий день"):
        rest = "жіночого дня" + rest[len("жіночий день") :]
    if first == "Професійне" and rest.startswith("свято"):
        rest = "свята" + rest[len("свято") :]
    return f"{OCCASION_PREFIX} {genitive} {rest}".strip()
