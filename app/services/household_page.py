"""A household's page of the погосподарська книга as it stands, for print (issue 15, gap 3).

The page follows the card's parts as next-registers.md §2.2 names them (⚠️ from a reprint of the
instruction, наказ Держстату від 11.04.2016 № 56): the title part (book, account, type, address,
head), section I — the members with their relation to the head, sex, birth date, registration,
arrival and leaving; section II — the dwelling; III — land; IV — livestock, poultry and bees;
V — machinery, each «станом на 1 січня» of the cycle's years; «Додаткові відомості». The exact
printed layout of the 2016 form was not retrieved (❓): this is the record as the program holds
it, not a facsimile of the blank. Printing it is a disclosure of personal data, so it is
audited like a certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain import households as dom
from app.domain.roles import Actor
from app.services import audit
from app.services.household_view import MemberRow, ObjectCard, load_card
from app.services.households import CODE, KIND, scope
from db.models import District
from db.session import Database

PAGE_NOTE = (
    "Погосподарський облік не передбачає реєстраційних дій і не має правових наслідків; "
    "сторінку надруковано з електронної книги в тому вигляді, в якому запис ведеться."
)


@dataclass(frozen=True)
class Table:
    """A section as a grid: header row, then rows of text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class BookPage:
    organisation: str
    district: str
    book_title: str
    account: str
    title_part: tuple[tuple[str, str], ...]
    members: Table
    dwelling: Table | None
    sections: tuple[tuple[str, Table | None], ...]  # III–V: title, table (None: no data)
    notes: tuple[str, ...]
    signer_position: str
    signer_name: str
    printed_on: date
    note: str = PAGE_NOTE


def _date(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def _amount(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _member_row(n: int, m: MemberRow) -> tuple[str, ...]:
    relation = "голова" if m.is_head else m.relation
    registration = dom.REGISTRATIONS.get(m.registration, m.registration)
    if m.registered_on:
        registration += f" з {_date(m.registered_on)}"
    moved = []
    if m.arrived_on:
        moved.append(f"прибув(ла) {_date(m.arrived_on)}")
    if m.left_on:
        moved.append(f"{dom.LEFT_REASONS.get(m.left_reason, 'вибув(ла)')} {_date(m.left_on)}")
    if m.note:
        moved.append(m.note)
    return (
        str(n),
        m.full_name,
        relation,
        dom.SEXES.get(m.sex, m.sex),
        _date(m.birth_date),
        registration,
        "; ".join(moved),
    )


def page_of(card: ObjectCard, organisation: str, day: date) -> BookPage:
    """The page from a loaded card (pure: no database)."""
    last = card.cycle_start + dom.CYCLE_YEARS - 1
    years = sorted(y for y in card.years if card.cycle_start <= y <= last) or sorted(card.years)
    members = Table(
        (
            "№",
            "Прізвище, ім'я, по батькові",
            "Відношення до голови",
            "Стать",
            "Дата народження",
            "Реєстрація місця проживання",
            "Прибуття, вибуття",
        ),
        tuple(_member_row(n, m) for n, m in enumerate(card.members, start=1)),
    )
    head = ("Показник", *(f"на 01.01.{y}" for y in years))
    dwelling_lines = (
        ("Житло", lambda y: y.dwelling_kind),
        ("Рік побудови", lambda y: str(y.built_year or "")),
        ("Матеріал стін", lambda y: y.wall_material),
        ("Загальна площа, м²", lambda y: _amount(y.total_area)),
        ("Житлова площа, м²", lambda y: _amount(y.living_area)),
        ("Кількість кімнат", lambda y: str(y.rooms or "")),
    )
    dwelling_rows = tuple(
        (title, *(get(card.years[y]) for y in years))
        for title, get in dwelling_lines
        if any(get(card.years[y]) for y in years)
    )
    sections: list[tuple[str, Table | None]] = []
    numbers = {"land": "III", "livestock": "IV", "machinery": "V"}
    for section, kinds in dom.SECTIONS.items():
        rows = []
        for kind, title in kinds.items():
            values = [card.years[y].holdings.get(section, {}).get(kind) for y in years]
            if any(values):
                rows.append((title, *(_amount(v) for v in values)))
        caption = f"Розділ {numbers[section]}. {dom.SECTION_TITLES[section]} (станом на 1 січня)"
        sections.append((caption, Table(head, tuple(rows)) if rows else None))
    notes = []
    if card.note:
        notes.append(card.note)
    for y in years:
        info = card.years[y]
        if info.notes:
            notes.append(f"{y}: {info.notes}")
        if info.confirmed_on:
            who = f" ({info.confirmed_by})" if info.confirmed_by else ""
            notes.append(f"Відомості на 01.01.{y} перевірено {_date(info.confirmed_on)}{who}")
    title_part = (
        ("Тип об'єкта", dom.OBJECT_KINDS.get(card.kind, card.kind)),
        ("Адреса", card.address),
        ("Голова домогосподарства", card.head_name or "—"),
        ("Старостинський округ", card.district_name),
    )
    return BookPage(
        organisation=organisation,
        district=f"{card.district_name} старостинський округ",
        book_title=f"ПОГОСПОДАРСЬКА КНИГА № {card.book_number} на "
        f"{dom.cycle_text(card.cycle_start)} роки",
        account=f"Особовий рахунок № {card.account}",
        title_part=title_part,
        members=members,
        dwelling=Table(head, dwelling_rows) if dwelling_rows else None,
        sections=tuple(sections),
        notes=tuple(notes),
        signer_position="",
        signer_name="",
        printed_on=day,
    )


def book_page(db: Database, object_id: int, user: str | Actor = "") -> BookPage:
    """The page of an object the user may read, with the district's starosta as the signer;
    the print is audited."""
    from dataclasses import replace

    from app.printing.data import official_name
    from app.services.organisation import get_organisation

    sc = scope(user)
    card = load_card(db, object_id, sc.actor, log=False)
    org = get_organisation(db)
    page = page_of(card, org.full_name if org else "", date.today())
    with db.write() as s:
        district = s.get(District, card.district_id)
        assert district is not None
        parts = district.starosta_name.split()
        signer = official_name(parts[0], parts[-1]) if len(parts) >= 2 else district.starosta_name
        position = (
            f"{district.starosta_position or 'Староста'} {dom.genitive_adjective(district.name)} "
            "старостинського округу"
        )
        audit.add(
            s,
            sc.actor,
            audit.PRINT,
            record=(KIND, card.uuid, f"Кн. {card.book_number}, о/р {card.account}"),
            register=CODE,
            details={"друк": "сторінка погосподарської книги"},
        )
    return replace(page, signer_position=position, signer_name=signer)


def book_page_pdf(page: BookPage) -> bytes:
    from app.printing.household_page import render_book_page

    return render_book_page(page)
