"""Certificates (довідки) issued from the household books.

Rules and sources (next-registers.md §2.3):

* Kinds are editable templates with placeholders (the content of such certificates is defined
  by each council: «надається на підставі індивідуального рішення кожного органу місцевого
  самоврядування»); the program ships the usual three and the centre may change them.
* Each certificate names its basis: «дані погосподарської книги № … за 2026–2030 рр., особовий
  рахунок № …»; household accounting «не передбачає реєстраційних дій і не несе правових
  наслідків» (instruction of 2010), so the certificate is informational, and says so.
* Numbered in its district's series within the year («ПР-17/2026»): a district copy and the
  centre issue in different series, so numbers never collide.
* Signed by the starosta: «Посада — підпис — Власне ім'я ПРІЗВИЩЕ» (ДСТУ 4163:2020).
* Issuing one is audited: it discloses personal data (ЗУ «Про захист персональних даних»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.domain import households as dom
from app.domain.roles import REFERENCE_WRITE, Actor, actor_of
from app.services import audit
from app.services.household_view import ObjectCard, load_card
from app.services.households import (
    CODE,
    HouseholdError,
    district_for_write,
    refuse_in_copy,
    scope,
)
from db.models import CertificateTemplate, District, HouseholdCertificate
from db.session import Database

CERTIFICATE = "household_certificate"  # the audit trail's record kind

#: The templates the program ships: kind → (title, body). Placeholders in braces.
DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    "residents": (
        "про склад зареєстрованих осіб та належність домоволодіння",
        "Видана {заявник} про те, що за адресою: {адреса} знаходиться об'єкт погосподарського "
        "обліку ({тип}), головою якого є {голова}.\n"
        "Станом на {дата} за цією адресою зареєстровані:\n{члени}",
    ),
    "land": (
        "про наявність земельної ділянки в користуванні",
        "Видана {заявник} про те, що об'єкт погосподарського обліку за адресою: {адреса} "
        "(голова — {голова}) станом на 1 січня {рік} року має в особистому користуванні "
        "земельні ділянки:\n{земля}",
    ),
    "osg": (
        "про ведення особистого селянського господарства",
        "Видана {заявник} про те, що домогосподарство за адресою: {адреса} веде особисте "
        "селянське господарство (ЗУ «Про особисте селянське господарство»). "
        "Члени господарства:\n{члени}\n"
        "Земельні ділянки станом на 1 січня {рік} року:\n{земля}\n"
        "Худоба, птиця та бджоли:\n{худоба}",
    ),
}
PLACEHOLDERS = ("заявник", "адреса", "тип", "голова", "дата", "рік", "члени", "земля", "худоба")
NOTE = (
    "Погосподарський облік не передбачає реєстраційних дій і не має правових наслідків; довідка "
    "має інформаційний характер."
)
_FIELD = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class TemplateInfo:
    kind: str
    title: str
    body: str


def templates(db: Database) -> dict[str, TemplateInfo]:
    """The kinds of certificate: the shipped ones, as changed at the centre, and any added."""
    out = {k: TemplateInfo(k, t, b) for k, (t, b) in DEFAULT_TEMPLATES.items()}
    with db.read() as s:
        for row in s.scalars(select(CertificateTemplate)):
            out[row.kind] = TemplateInfo(row.kind, row.title, row.body)
    return out


def save_template(db: Database, info: TemplateInfo, user: str | Actor = "") -> None:
    """Change (or add) a kind of certificate: the centre's reference list."""
    actor = actor_of(user)
    actor.require(REFERENCE_WRITE)
    unknown = sorted(set(_FIELD.findall(info.body)) - set(PLACEHOLDERS))
    if unknown:
        raise HouseholdError(
            f"Невідомі поля шаблону: {', '.join(unknown)}. Можна: {', '.join(PLACEHOLDERS)}"
        )
    if not info.kind.strip() or not info.title.strip() or not info.body.strip():
        raise HouseholdError("Вкажіть код, назву і текст шаблону")
    with db.write() as s:
        refuse_in_copy(s)
        row = s.execute(
            select(CertificateTemplate).where(CertificateTemplate.kind == info.kind)
        ).scalar_one_or_none()
        if row is None:
            row = CertificateTemplate(kind=info.kind.strip(), title="", body="")
            s.add(row)
        row.title, row.body, row.changed_by = info.title.strip(), info.body, actor.login
        s.flush()
        audit.add(s, actor, audit.REFERENCE, record=("certificate_template", row.uuid, row.title))


def _lines(items: list[str]) -> str:
    return "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1)) or "—"


def fill(body: str, card: ObjectCard, applicant: str, day: date) -> str:
    """The template's text with its placeholders filled from the card (data as of `day`; the
    yearly sections of `day`'s year, as of 1 January)."""
    year = card.year(day.year)
    members = [
        f"{m.full_name}, {m.birth_date:%d.%m.%Y} р. н." if m.birth_date else m.full_name
        for m in card.present_members(day)
    ]
    members = [
        f"{text} — {m.relation}" if m.relation else text
        for text, m in zip(members, card.present_members(day), strict=True)
    ]
    land = [
        f"{dom.LAND_KINDS.get(k, k)} — {a.normalize():f} га"
        for k, a in year.holdings.get("land", {}).items()
    ]
    stock = [
        f"{dom.LIVESTOCK_KINDS.get(k, k)} — {int(a)}"
        for k, a in year.holdings.get("livestock", {}).items()
    ]
    values = {
        "заявник": applicant or _head_dative(card),
        "адреса": card.address,
        "тип": dom.OBJECT_KINDS.get(card.kind, card.kind),
        "голова": card.head_name or "—",
        "дата": f"{day:%d.%m.%Y}",
        "рік": str(day.year),
        "члени": _lines(members),
        "земля": _lines(land),
        "худоба": _lines(stock),
    }
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def _head_dative(card: ObjectCard) -> str:
    """The head of the household in the dative («Видана Петренку Миколі Івановичу»)."""
    from app.domain.names import Gender, PersonName, full_name_in_case

    head = next((m for m in card.members if m.is_head and m.left_on is None), None)
    if head is None:
        return card.head_name or "—"
    person = PersonName(head.surname, head.given_name, head.patronymic, Gender(head.sex))
    return full_name_in_case(person, "dative")


@dataclass(frozen=True)
class CertificateData:
    """An issued certificate as printed."""

    organisation: str
    district: str
    number: str
    issued_on: date
    title: str
    body: str
    basis: str
    purpose: str
    note: str
    signer_position: str
    signer_name: str


def issue(
    db: Database,
    object_id: int,
    kind: str,
    *,
    applicant: str = "",
    purpose: str = "",
    day: date | None = None,
    user: str | Actor = "",
) -> CertificateData:
    """Issue a certificate of `kind` for an object: numbered in the district's series, stored
    in the district's register of certificates, audited."""
    from app.printing.data import official_name
    from app.services.organisation import get_organisation

    day = day or date.today()
    kinds = templates(db)
    if kind not in kinds:
        raise HouseholdError(f"Невідомий вид довідки «{kind}». Є: {', '.join(sorted(kinds))}")
    sc = scope(user, writing=True)
    card = load_card(db, object_id, sc.actor, log=False)
    template = kinds[kind]
    body = fill(template.body, card, applicant, day)
    org = get_organisation(db)
    with db.write() as s:
        district = district_for_write(s, sc, card.district_id)
        if db.dialect == "postgresql":
            s.execute(select(District.id).where(District.id == district.id).with_for_update())
        seq = (
            int(
                s.execute(
                    select(func.coalesce(func.max(HouseholdCertificate.seq), 0)).where(
                        HouseholdCertificate.district_id == district.id,
                        HouseholdCertificate.year == day.year,
                    )
                ).scalar_one()
            )
            + 1
        )
        number = dom.certificate_number(district.code, day.year, seq)
        parts = district.starosta_name.split()
        signer = official_name(parts[0], parts[-1]) if len(parts) >= 2 else district.starosta_name
        position = (
            f"{district.starosta_position or 'Староста'} {dom.genitive_adjective(district.name)} "
            "старостинського округу"
        )
        row = HouseholdCertificate(
            district_id=district.id,
            object_id=object_id,
            year=day.year,
            seq=seq,
            number=number,
            kind=kind,
            issued_on=day,
            applicant=applicant or card.head_name,
            purpose=purpose.strip(),
            basis=card.basis,
            body=body,
            signer_position=position,
            signer_name=signer,
            changed_by=sc.actor.login,
        )
        s.add(row)
        s.flush()
        audit.add(
            s,
            sc.actor,
            audit.PRINT,
            record=(CERTIFICATE, row.uuid, f"Довідка № {number}"),
            register=CODE,
            details={"вид": template.title, "кому": row.applicant, "о/р": card.account},
        )
    return CertificateData(
        organisation=org.full_name if org else "",
        district=f"{district.name} старостинський округ",
        number=number,
        issued_on=day,
        title=f"ДОВІДКА {template.title}",
        body=body,
        basis=f"Підстава: {card.basis}.",
        purpose=f"Довідка видана для подання: {purpose.strip()}." if purpose.strip() else "",
        note=NOTE,
        signer_position=position,
        signer_name=signer,
    )


def certificate_pdf(data: CertificateData) -> bytes:
    from app.printing.household_certificate import render_certificate

    return render_certificate(data)
