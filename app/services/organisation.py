"""The organisation's details, asked for at the first start and printed on every stamp."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.domain.roles import SETTINGS_WRITE, Actor, actor_of
from db.session import Database


@dataclass(frozen=True)
class OrganisationInfo:
    full_name: str
    short_name: str
    address: str = ""
    edrpou: str = ""
    postal_code: str = ""  # the sender's postal code on envelopes
    mayor_name: str = ""
    mayor_position: str = "Міський голова"
    manager_name: str = ""
    manager_position: str = "Керуючий справами виконавчого комітету"


class OrganisationError(ValueError):
    """Details that cannot be saved, with a Ukrainian message."""


def get_organisation(db: Database) -> OrganisationInfo | None:
    """The details, read in plain SQL (`Database.plain`): the window's title and the first
    start's question need them before SQLAlchemy is loaded (issue 10)."""
    fields = list(OrganisationInfo.__dataclass_fields__)
    with db.plain() as read:
        rows = read(f"SELECT {', '.join(fields)} FROM organisation WHERE id = 1", None)
    if not rows:
        return None
    return OrganisationInfo(**{k: v or "" for k, v in zip(fields, rows[0], strict=True)})


def validate(info: OrganisationInfo) -> None:
    if not info.full_name.strip():
        raise OrganisationError("Вкажіть повну назву виконавчого комітету")
    if not info.short_name.strip():
        raise OrganisationError("Вкажіть скорочену назву (вона друкується на штампі)")
    postal = info.postal_code.strip()
    if postal and (not postal.isdigit() or len(postal) != 5):
        raise OrganisationError("Поштовий індекс складається з 5 цифр")
    code = info.edrpou.strip()
    if code and (not code.isdigit() or len(code) != 8):
        raise OrganisationError("Код ЄДРПОУ складається з 8 цифр")


def save_organisation(db: Database, info: OrganisationInfo, user: str | Actor = "") -> None:
    from app.services import audit
    from db.models import Organisation

    validate(info)
    actor = actor_of(user)
    actor.require(SETTINGS_WRITE)
    user = actor.login
    values = {k: v.strip() for k, v in asdict(info).items()}
    with db.write() as s:
        audit.add(s, actor, audit.REFERENCE, details={"довідник": "organisation"})
        row = s.get(Organisation, 1)
        if row is None:
            s.add(Organisation(id=1, changed_by=user, **values))
        else:
            for key, value in values.items():
                setattr(row, key, value)
            row.changed_by = user
