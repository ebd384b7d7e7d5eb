"""Reference data (довідники): departments, staff, correspondents, the nomenclature of cases.

Every list returns frozen dataclasses; every save takes one and returns it with its id. Staff
carry their name in the dative case (from the declension library, or the manual override when
the library is wrong), because resolutions print executors that way.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.names import Gender, PersonName, dative_short, short_name, signature_name
from app.domain.roles import CORRESPONDENTS_WRITE, REFERENCE_WRITE, Actor, actor_of, write
from app.domain.text import normalize_search, search_words, uk_sort_key
from app.services import audit
from db.base import Base
from db.models import CaseFile, Correspondent, Department, Staff
from db.session import Database


class ReferenceError(ValueError):
    """A reference record that cannot be saved, with a Ukrainian message."""


@dataclass(frozen=True)
class DepartmentInfo:
    id: int | None
    name: str
    index_code: str = ""
    active: bool = True


@dataclass(frozen=True)
class StaffInfo:
    id: int | None
    surname: str
    given_name: str
    patronymic: str = ""
    gender: str = "m"
    position: str = ""
    department_id: int | None = None
    phone: str = ""
    dative_override: str = ""
    active: bool = True

    @property
    def person(self) -> PersonName:
        return PersonName(self.surname, self.given_name, self.patronymic, Gender(self.gender))

    @property
    def short(self) -> str:
        """«Коваль О. П.» — how the tables show a person."""
        return short_name(self.person)

    @property
    def dative(self) -> str:
        """«Мельнику І. І.» — how a resolution names an executor."""
        return self.dative_override.strip() or dative_short(self.person)

    @property
    def signature(self) -> str:
        """«Іван МЕЛЬНИК» — the signature block form (ДСТУ 4163:2020)."""
        return signature_name(self.person)


@dataclass(frozen=True)
class CorrespondentInfo:
    id: int | None
    name: str
    address: str = ""
    postal_code: str = ""
    email: str = ""


@dataclass(frozen=True)
class CaseFileInfo:
    id: int | None
    index: str
    title: str
    retention: str = ""
    year: int = 0
    department_id: int | None = None


Info = TypeVar("Info", DepartmentInfo, StaffInfo, CorrespondentInfo, CaseFileInfo)


def _to_info(row: Any, cls: type[Info]) -> Info:
    return cls(**{name: getattr(row, name) for name in cls.__dataclass_fields__})


def _save(
    s: Session,
    model: type[Base],
    info: Info,
    user: str | Actor,
    permission: str = REFERENCE_WRITE,
    **derived: Any,
) -> Info:
    """Insert or update a reference record; refused unless the actor holds `permission`;
    recorded in the audit trail."""
    actor = actor_of(user)
    actor.require(permission)
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(info).items()}
    values.pop("id")
    values.update(derived)
    row: Any = model() if info.id is None else s.get(model, info.id)
    if row is None:
        raise ReferenceError("Запис не знайдено: можливо, його вже видалено")
    for key, value in {**values, "changed_by": actor.login}.items():
        setattr(row, key, value)
    if info.id is None:
        s.add(row)
    s.flush()
    details = {"довідник": model.__tablename__, "запис": row.id, "новий": info.id is None}
    record = (model.__tablename__, row.uuid, _label(row))
    audit.add(s, actor, audit.REFERENCE, record=record, details=details)
    return replace(info, id=row.id)


def _label(row: Any) -> str:
    """How the trail names a reference record: a person by surname and initials, a case file by
    its index, anything else by its name."""
    if isinstance(row, Staff):
        return short_name(
            PersonName(row.surname, row.given_name, row.patronymic, Gender(row.gender))
        )
    if isinstance(row, CaseFile):
        return f"{row.index} {row.title}"
    return str(getattr(row, "name", "") or "")


def list_departments(db: Database, active_only: bool = False) -> list[DepartmentInfo]:
    with db.read() as s:
        stmt = select(Department).order_by(Department.index_code, Department.name)
        if active_only:
            stmt = stmt.where(Department.active.is_(True))
        return [_to_info(r, DepartmentInfo) for r in s.execute(stmt).scalars()]


def save_department(db: Database, info: DepartmentInfo, user: str | Actor = "") -> DepartmentInfo:
    if not info.name.strip():
        raise ReferenceError("Вкажіть назву виконавчого органу")
    with db.write() as s:
        return _save(s, Department, info, user)


def list_staff(db: Database, active_only: bool = False) -> list[StaffInfo]:
    with db.read() as s:
        stmt = select(Staff).order_by(Staff.sort_key)
        if active_only:
            stmt = stmt.where(Staff.active.is_(True))
        return [_to_info(r, StaffInfo) for r in s.execute(stmt).scalars()]


def staff_of_user(db: Database, actor: Actor) -> StaffInfo | None:
    """The staff record of the signed-in user, found by the account's full name: «Коваль Олена
    Петрівна», «Коваль Олена», «Олена Коваль» or «Коваль О. П.» (any case, any apostrophe).

    The account has no link to the staff list (no column for it), so the name is the link;
    None when the account has no name, nobody or more than one active person bears it.
    """
    wanted = normalize_search(actor.full_name.replace(".", ". "))
    if not wanted:
        return None
    words = sorted(wanted.split())
    found = []
    for info in list_staff(db, active_only=True):
        full = [normalize_search(p) for p in (info.surname, info.given_name, info.patronymic)]
        forms = (
            sorted(w for w in full if w),
            sorted(w for w in full[:2] if w),
            sorted(normalize_search(info.short.replace(".", ". ")).split()),
        )
        if words in forms:
            found.append(info)
    return found[0] if len(found) == 1 else None


def get_staff(db: Database, staff_id: int) -> StaffInfo:
    with db.read() as s:
        row = s.get(Staff, staff_id)
        if row is None:
            raise ReferenceError("Працівника не знайдено")
        return _to_info(row, StaffInfo)


def save_staff(db: Database, info: StaffInfo, user: str | Actor = "") -> StaffInfo:
    if not info.surname.strip() or not info.given_name.strip():
        raise ReferenceError("Вкажіть прізвище та ім'я працівника")
    if info.gender not in ("m", "f"):
        raise ReferenceError("Стать: «m» (чоловіча) або «f» (жіноча)")
    key = uk_sort_key(f"{info.surname} {info.given_name} {info.patronymic}")
    # HR keeps the staff list (the staff register's right); an administrator, the references.
    permission = write("staff") if actor_of(user).can(write("staff")) else REFERENCE_WRITE
    with db.write() as s:
        return _save(s, Staff, info, user, permission, sort_key=key[:150])


def list_correspondents(db: Database, prefix: str = "", limit: int = 50) -> list[CorrespondentInfo]:
    """Correspondents whose name contains `prefix` (case and apostrophes ignored)."""
    with db.read() as s:
        stmt = select(Correspondent).order_by(Correspondent.sort_key).limit(limit)
        words = search_words(prefix)
        if words:  # «%» and «_» are letters here, not LIKE's wildcards
            stmt = stmt.where(Correspondent.search_name.contains(words, autoescape=True))
        return [_to_info(r, CorrespondentInfo) for r in s.execute(stmt).scalars()]


def all_correspondent_names(db: Database) -> list[str]:
    """Every correspondent's name, for the form's as-you-type completer."""
    with db.read() as s:
        stmt = select(Correspondent.name).order_by(Correspondent.sort_key)
        return list(s.execute(stmt).scalars())


def all_correspondents(db: Database) -> list[CorrespondentInfo]:
    """Every correspondent with its address, in Ukrainian order: the addressees editor offers the
    names as you type and fills a chosen one's address, postal code and e-mail without asking the
    database again (a council writes to a few hundred correspondents, not millions)."""
    with db.read() as s:
        stmt = select(Correspondent).order_by(Correspondent.sort_key)
        return [_to_info(r, CorrespondentInfo) for r in s.execute(stmt).scalars()]


def save_correspondent(
    db: Database, info: CorrespondentInfo, user: str | Actor = ""
) -> CorrespondentInfo:
    if not info.name.strip():
        raise ReferenceError("Вкажіть назву кореспондента")
    key = _correspondent_keys(info.name)["search_name"]
    with db.write() as s:
        clash = s.execute(
            select(func.count()).where(
                Correspondent.search_name == key, Correspondent.id != (info.id or 0)
            )
        ).scalar_one()
        if clash:
            raise ReferenceError(f"Кореспондент «{info.name.strip()}» уже є в довіднику")
        try:
            keys = _correspondent_keys(info.name)
            return _save(s, Correspondent, info, user, CORRESPONDENTS_WRITE, **keys)
        except IntegrityError as exc:  # another clerk saved the same name just now
            raise ReferenceError(f"Кореспондент «{info.name.strip()}» уже є в довіднику") from exc


def _correspondent_keys(name: str) -> dict[str, str]:
    return {"search_name": normalize_search(name)[:300], "sort_key": uk_sort_key(name)[:300]}


def find_or_create_correspondent(s: Session, name: str, user: str = "") -> Correspondent:
    """The correspondent called `name` (case and apostrophes ignored), created if new.

    INSERT … ON CONFLICT DO NOTHING on the unique name, then SELECT: two clerks typing the same
    new sender at once get one record (the same SQL on SQLite and PostgreSQL).
    """
    keys = _correspondent_keys(name)
    found = select(Correspondent).where(Correspondent.search_name == keys["search_name"])
    row = s.execute(found).scalar_one_or_none()
    if row is None:
        # The dialect's own INSERT (its module imported here: loading SQLAlchemy's PostgreSQL
        # dialect costs a SQLite start a twentieth of a second for nothing).
        if s.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        s.execute(
            insert(Correspondent)
            .values(name=name.strip(), changed_by=user, uuid=uuid.uuid4(), **keys)
            .on_conflict_do_nothing(index_elements=["search_name"])
        )
        row = s.execute(found).scalar_one()
    return row


def list_case_files(db: Database, year: int | None = None) -> list[CaseFileInfo]:
    with db.read() as s:
        stmt = select(CaseFile).order_by(CaseFile.year.desc(), CaseFile.index)
        if year is not None:
            stmt = stmt.where(CaseFile.year == year)
        return [_to_info(r, CaseFileInfo) for r in s.execute(stmt).scalars()]


def save_case_file(db: Database, info: CaseFileInfo, user: str | Actor = "") -> CaseFileInfo:
    if not info.index.strip() or not info.title.strip():
        raise ReferenceError("Вкажіть індекс і заголовок справи")
    if info.year < 1990 or info.year > 2100:
        raise ReferenceError("Вкажіть рік номенклатури (наприклад, 2026)")
    with db.write() as s:
        clash = s.execute(
            select(func.count()).where(
                CaseFile.year == info.year,
                CaseFile.index == info.index.strip(),
                CaseFile.id != (info.id or 0),
            )
        ).scalar_one()
        if clash:
            raise ReferenceError(f"Справа з індексом {info.index} у {info.year} році вже є")
        return _save(s, CaseFile, info, user)
