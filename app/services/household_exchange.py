"""Offline work in a starosta district and the exchange of changes with the centre by file.

The rules (ARCHITECTURE.md, «Exchange-ready identity»; issue 15):

* **A district copy** (`make_copy`) is a SQLite database holding one district's books, objects
  and certificates, the centre's reference lists (districts, settlements, certificate
  templates, the organisation) and the district's users; it runs the same program offline.
* **One writer per aggregate**: the district owns its books, objects (with members, yearly
  sections, events) and certificates; the centre owns the districts, settlements and
  templates. Each side exports only what it owns and applies only what the other side owns, so
  a record is never changed on both sides: while a copy is out, the centre's services refuse
  to change that district's objects (app.services.households).
* **What changed since the last exchange** is `usn > confirmed` (db/exchange.py): each file
  carries the sender's change number and an acknowledgement of what it has applied from the
  recipient, so a side re-sends whatever the other has not yet confirmed.
* **References travel as uuids**; integer keys never leave a database. Deleted rows travel as
  tombstones.
* **The file** carries the schema revision, the sender and the recipient in a clear header;
  the body (personal data) is JSON, compressed, checked by SHA-256 and encrypted with
  AES-256-GCM under a key derived from the password by scrypt (the `cryptography` library;
  the header is authenticated with the body). The password is never stored in the file.
* **A file is refused whole** — another district's, another schema revision's, a damaged or
  truncated one, a wrong password, a malformed row — with a message naming the problem, and
  the database is unchanged (one transaction). Importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.domain.roles import REFERENCE_WRITE, Actor, actor_of
from app.services import audit
from app.services.household_conflicts import (
    DECISION_TITLES,
    KEEP_OURS,
    Conflict,
    RowDiff,
    compare_rows,
    undecided,
)
from app.services.households import CODE, COPY_SETTING, KIND
from db.exchange import next_usn, transaction_usn
from db.migrate import SCHEMA_HEAD
from db.models import (
    AppUser,
    CertificateTemplate,
    ChangeCounter,
    District,
    ExchangeState,
    HouseholdBook,
    HouseholdCertificate,
    HouseholdEvent,
    HouseholdHolding,
    HouseholdMember,
    HouseholdObject,
    HouseholdYear,
    Organisation,
    Setting,
    Settlement,
    Tombstone,
    UserRole,
)
from db.session import Database

MAGIC = b"DILOVOD-HOUSEHOLD-EXCHANGE 1\n"
CENTRE = "@centre"
PASSWORD_ENV = "DILOVOD_EXCHANGE_PASSWORD"
MIN_PASSWORD = 8
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}

#: What each side owns, parents first; each model with its references (column → model).
Refs = dict[str, Any]
Row = dict[str, Any]
#: The key under which a parsed row keeps its references to parents not yet written.
WAITING = "\0waiting"
DISTRICT_OWNED: tuple[tuple[Any, Refs], ...] = (
    (HouseholdBook, {"district_id": District, "settlement_id": Settlement}),
    (
        HouseholdObject,
        {"district_id": District, "book_id": HouseholdBook, "settlement_id": Settlement},
    ),
    (HouseholdMember, {"object_id": HouseholdObject}),
    (HouseholdYear, {"object_id": HouseholdObject}),
    (HouseholdHolding, {"object_id": HouseholdObject}),
    (HouseholdEvent, {"object_id": HouseholdObject, "district_id": District}),
    (HouseholdCertificate, {"district_id": District, "object_id": HouseholdObject}),
)
CENTRE_OWNED: tuple[tuple[Any, Refs], ...] = (
    (District, {}),
    (Settlement, {"district_id": District}),
    (CertificateTemplate, {}),
)
#: The card of an existing object, which the centre may also correct while the copy is out
#: (its books, new objects and certificates stay the district's: their numbers are its series).
#: These travel both ways; a record changed on both sides is a conflict the clerk decides.
SHARED: tuple[tuple[Any, Refs], ...] = tuple(
    (m, r)
    for m, r in DISTRICT_OWNED
    if m in (HouseholdObject, HouseholdMember, HouseholdYear, HouseholdHolding, HouseholdEvent)
)
#: Rows both sides may create on their own for the same thing: matched by these, not by uuid.
NATURAL_KEYS: dict[Any, tuple[str, ...]] = {
    HouseholdYear: ("object_id", "year"),
    HouseholdHolding: ("object_id", "year", "section", "kind"),
}
#: Per peer, the change numbers under which this database applied that peer's files and which
#: the peer has not yet confirmed: rows still carrying them are the peer's own versions, neither
#: sent back to it (no echo) nor counted as changed here.
APPLIED_SETTING = "household.applied_usns."


#: A stage of a long exchange for the window: percent done (0–100) and what is happening. Called
#: from the worker thread; the window marshals it to the GUI thread.
Progress = Callable[[int, str], None]


def _silent(percent: int, text: str) -> None:
    return None


class ExchangeError(ValueError):
    """A file that cannot be made or applied; the message names the problem, in Ukrainian."""


class ExchangeConflict(ExchangeError):
    """The file changes records this database changed too: a clerk must decide each one
    (in the window «Обмін з центром»); nothing was applied."""


# ----------------------------------------------------------------------------- the file


def _key(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, **_SCRYPT).derive(password.encode("utf-8"))


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ExchangeError(f"Пароль файлу обміну — щонайменше {MIN_PASSWORD} символів")


def seal(header: dict[str, Any], body: dict[str, Any], password: str) -> bytes:
    """The file: magic, the clear header (one JSON line), salt, nonce, the sealed body."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_password(password)
    plain = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = hashlib.sha256(plain).digest() + zlib.compress(plain, 6)
    salt, nonce = os.urandom(16), os.urandom(12)
    head = dict(header)
    head_line = json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8")
    sealed = AESGCM(_key(password, salt)).encrypt(nonce, packed, head_line)
    head["sha256"] = hashlib.sha256(salt + nonce + sealed).hexdigest()
    head["length"] = len(sealed)
    line = json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return MAGIC + line + b"\n" + salt + nonce + sealed


def read_header(data: bytes) -> dict[str, Any]:
    if not data.startswith(MAGIC):
        raise ExchangeError("Це не файл обміну погосподарських книг «Діловода»")
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        raise ExchangeError("Файл обміну обрізаний: немає заголовка")
    try:
        header = json.loads(data[len(MAGIC) : end].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExchangeError("Заголовок файлу обміну пошкоджений") from None
    if not isinstance(header, dict) or not {"schema", "from", "to", "sha256"} <= set(header):
        raise ExchangeError("Заголовок файлу обміну неповний")
    return header


def unseal(data: bytes, password: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and the body; refuses a damaged, truncated or wrongly-keyed file."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(data)
    rest = data[data.find(b"\n", len(MAGIC)) + 1 :]
    if len(rest) - 28 != header.get("length") or len(rest) < 28 + 16:
        raise ExchangeError("Файл обміну обрізаний або пошкоджений: не та довжина")
    if hashlib.sha256(rest).hexdigest() != header["sha256"]:
        raise ExchangeError("Файл обміну пошкоджений: контрольна сума не збігається")
    salt, nonce, sealed = rest[:16], rest[16:28], rest[28:]
    clear = {k: v for k, v in header.items() if k not in ("sha256", "length")}
    aad = json.dumps(clear, ensure_ascii=False, sort_keys=True).encode("utf-8")
    try:
        packed = AESGCM(_key(password, salt)).decrypt(nonce, sealed, aad)
    except InvalidTag:
        raise ExchangeError("Неправильний пароль файлу обміну") from None
    digest, compressed = packed[:32], packed[32:]
    try:
        plain = zlib.decompress(compressed)
    except zlib.error:
        raise ExchangeError("Файл обміну пошкоджений: не розпаковується") from None
    if hashlib.sha256(plain).digest() != digest:
        raise ExchangeError("Файл обміну пошкоджений: контрольна сума вмісту не збігається")
    try:
        body = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExchangeError("Вміст файлу обміну пошкоджений") from None
    if not isinstance(body, dict):
        raise ExchangeError("Вміст файлу обміну має неправильну будову")
    return header, body


# ----------------------------------------------------------------------------- rows


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _uuid_maps(s: Session, refs: Refs) -> dict[str, dict[int, str]]:
    maps: dict[str, dict[int, str]] = {}
    for column, target in refs.items():
        maps[column] = {int(i): str(u) for i, u in s.execute(select(target.id, target.uuid))}
    return maps


def _dump(s: Session, model: Any, refs: Refs, where: Sequence[Any]) -> list[dict[str, Any]]:
    maps = _uuid_maps(s, refs)
    table = model.__table__
    rows = []
    for raw in s.execute(select(table).where(*where)).mappings():
        row = {}
        for name, value in raw.items():
            if name == "id":
                continue
            if name in refs:
                row[name] = maps[name].get(value) if value is not None else None
            else:
                row[name] = _plain(value)
        rows.append(row)
    return rows


def _parse(model: Any, column: Any, value: Any, where: str) -> Any:
    """A value of the file as the column's type; refuses anything else with the place named."""
    if value is None:
        if column.nullable:
            return None
        raise ExchangeError(f"{where}: поле «{column.name}» порожнє")
    kind = column.type
    try:
        if isinstance(kind, Uuid):
            return uuid.UUID(str(value))
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Numeric):
            number = Decimal(str(value))
            if not number.is_finite():
                raise ValueError
            return number
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(kind, Integer):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(kind, String | Text):
            if not isinstance(value, str):
                raise ValueError
            length = getattr(kind, "length", None)
            if length and len(value) > length:
                raise ExchangeError(f"{where}: поле «{column.name}» довше за {length} символів")
            return value
    except (ValueError, TypeError, InvalidOperation):
        raise ExchangeError(f"{where}: поле «{column.name}» має неправильне значення") from None
    return value


def _keys(s: Session, target: Any, rows: list[Any], column: str) -> dict[uuid.UUID, int]:
    """This database's keys of the rows of `target` that the file's rows name in `column`
    (only those: the cost follows the file, not the size of the books)."""
    wanted = set()
    for raw in rows:
        try:
            wanted.add(uuid.UUID(str(raw[column])))
        except (KeyError, TypeError, ValueError):
            continue  # reported with its row by the caller
    found: dict[uuid.UUID, int] = {}
    ordered = sorted(wanted)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found.update(
            {
                u: int(i)
                for u, i in s.execute(select(target.uuid, target.id).where(target.uuid.in_(chunk)))
            }
        )
    return found


def _parse_rows(
    s: Session,
    model: Any,
    refs: Refs,
    rows: Any,
    allowed: Any = None,
    coming: dict[Any, set[uuid.UUID]] | None = None,
) -> list[Row]:
    """The file's rows of a table as column values, references resolved by uuid to this
    database's keys; `allowed(row, where)`: the ownership check, raising ExchangeError.
    `coming` (when reading a file before applying it): per model, the uuids of the file's own
    new rows — a reference to one of them is None until the parent is written."""
    table = model.__table__
    name = table.name
    if not isinstance(rows, list):
        raise ExchangeError(f"Таблиця «{name}» у файлі має неправильну будову")
    columns = {c.name: c for c in table.columns if c.name != "id"}
    maps = {key: _keys(s, target, rows, key) for key, target in refs.items()}
    parsed = []
    for number, raw in enumerate(rows, start=1):
        where = f"Таблиця «{name}», рядок {number}"
        if not isinstance(raw, dict):
            raise ExchangeError(f"{where}: не запис")
        missing = sorted(set(columns) - set(raw))
        if missing:
            raise ExchangeError(f"{where}: немає полів {', '.join(missing)}")
        row: dict[str, Any] = {}
        waiting: dict[str, uuid.UUID] = {}  # references to parents coming in the same file
        for key, column in columns.items():
            value = raw[key]
            if key in refs:
                if value is None:
                    if not column.nullable:
                        raise ExchangeError(f"{where}: немає посилання «{key}»")
                    row[key] = None
                    continue
                try:
                    ref = uuid.UUID(str(value))
                except ValueError:
                    raise ExchangeError(f"{where}: посилання «{key}» неправильне") from None
                local = maps[key].get(ref)
                if local is None and coming is not None and ref in coming.get(refs[key], ()):
                    row[key], waiting[key] = None, ref
                    continue
                if local is None:
                    raise ExchangeError(
                        f"{where}: посилання «{key}» на запис, якого немає в цій базі"
                    )
                row[key] = int(local)
            else:
                row[key] = _parse(model, column, value, where)
        if waiting:
            row[WAITING] = (waiting, where)
        elif allowed is not None:
            allowed(row, where)
        parsed.append(row)
    return parsed


def _resolve_waiting(s: Session, refs: Refs, rows: list[Row], allowed: Any) -> None:
    """Once the parents are written: the keys of the references that were waiting for them,
    and the ownership check those rows have not had yet."""
    waiting = [r for r in rows if WAITING in r]
    if not waiting:
        return
    for key, target in refs.items():
        wanted = [{key: str(r[WAITING][0][key])} for r in waiting if key in r[WAITING][0]]
        found = _keys(s, target, wanted, key)
        for r in waiting:
            ref = r[WAITING][0].get(key)
            if ref is not None:
                if ref not in found:
                    raise ExchangeError(
                        f"{r[WAITING][1]}: посилання «{key}» на запис, якого немає в цій базі"
                    )
                r[key] = found[ref]
    for r in waiting:
        _pending, where = r.pop(WAITING)
        if allowed is not None:
            allowed(r, where)


def _natural(model: Any, row: Row) -> tuple[Any, ...] | None:
    keys = NATURAL_KEYS.get(model)
    return tuple(row[k] for k in keys) if keys else None


def _local_rows(s: Session, model: Any, parsed: list[Row]) -> dict[int, Row]:
    """This database's row for each file row (by position): by uuid, or — for a year's part or
    a section line, which both sides may have created on their own — by its natural key."""
    table = model.__table__
    by_uuid: dict[uuid.UUID, Row] = {}
    wanted = [r["uuid"] for r in parsed]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for raw in s.execute(select(table).where(table.c.uuid.in_(chunk))).mappings():
            by_uuid[raw["uuid"]] = dict(raw)
    by_key: dict[tuple[Any, ...], Row] = {}
    if model in NATURAL_KEYS:
        objects = sorted(
            {r["object_id"] for r in parsed if r["uuid"] not in by_uuid and r["object_id"]}
        )
        for start in range(0, len(objects), 500):
            chunk = objects[start : start + 500]
            for raw in s.execute(select(table).where(table.c.object_id.in_(chunk))).mappings():
                key = _natural(model, dict(raw))
                assert key is not None
                by_key[key] = dict(raw)
    out: dict[int, Row] = {}
    for n, row in enumerate(parsed):
        local = by_uuid.get(row["uuid"])
        if local is None and by_key:
            key = _natural(model, row)
            local = by_key.get(key) if key is not None else None
        if local is not None:
            out[n] = local
    return out


def _write_rows(s: Session, model: Any, parsed: list[Row], local: dict[int, Row], usn: int) -> int:
    """Insert the new rows, update the known ones (taking the file's uuid, so both sides name
    the row alike); returns the rows written."""
    if not parsed:
        return 0
    table = model.__table__
    columns = [c.name for c in table.columns if c.name != "id"]
    new, old = [], []
    for n, row in enumerate(parsed):
        values = {**row, "usn": usn}
        if n in local:
            old.append({**values, "_id": int(local[n]["id"])})
        else:
            new.append(values)
    if new:
        s.execute(insert(model), new)
    if old:
        stmt = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in (*columns, "usn")})
        )
        s.connection().execute(stmt, old)
    return len(parsed)


# ----------------------------------------------------------------------------- state


def copy_district(db: Database) -> str:
    """This database's district when it is a district copy, else '' (the centre)."""
    with db.read() as s:
        row = s.get(Setting, COPY_SETTING)
        return row.value if row is not None else ""


def _state(s: Session, peer: str) -> ExchangeState:
    row = s.get(ExchangeState, peer)
    if row is None:
        raise ExchangeError(
            "Обміну з цим округом немає: спершу зробіть копію округу (district copy)"
            if peer != CENTRE
            else "Ця база не є копією округу"
        )
    return row


def _applied(s: Session, peer: str) -> set[int]:
    row = s.get(Setting, APPLIED_SETTING + peer)
    return {int(v) for v in row.value.split(",") if v} if row is not None else set()


def _remember_applied(s: Session, peer: str, usn: int, confirmed: int) -> None:
    """Add this import's change number; forget those the peer has confirmed (never sent again)."""
    keep = sorted(u for u in (_applied(s, peer) | {usn}) if u > confirmed)
    row = s.get(Setting, APPLIED_SETTING + peer)
    if row is None:
        row = Setting(key=APPLIED_SETTING + peer, value="")
        s.add(row)
    row.value = ",".join(str(u) for u in keep)


def _current_usn(s: Session) -> int:
    row = s.get(ChangeCounter, 1)
    return int(row.last_usn) if row is not None else 0


@dataclass(frozen=True)
class ExchangeResult:
    rows: int
    tombstones: int
    district: str
    direction: str  # «з округу» / «з центру»
    conflicts: int = 0


# ----------------------------------------------------------------------------- copy


def make_copy(
    db: Database, district: str, target: str | Path, user: str | Actor = ""
) -> ExchangeResult:
    """A district copy at `target` (a new SQLite file): the district's books, objects and
    certificates, the reference lists, the district's users; the centre then keeps that
    district's objects for the copy to change (one writer)."""
    from db.migrate import upgrade

    actor = actor_of(user)
    actor.require(REFERENCE_WRITE)
    path = Path(target)
    if path.exists():
        raise ExchangeError(f"Файл {path} уже існує: оберіть інше ім'я")
    if copy_district(db):
        raise ExchangeError("Це вже копія округу: копію робить центр")
    with db.read() as s:
        row = s.execute(
            select(District).where((District.code == district) | (District.name == district))
        ).scalar_one_or_none()
        if row is None:
            raise ExchangeError(f"Старостинського округу «{district}» немає")
        if s.get(ExchangeState, row.code) is not None:
            raise ExchangeError(f"Копія округу «{row.name}» уже видана; чекайте файлу обміну")
        code, district_id = row.code, row.id
        mine = [District.id == district_id]
        tables: list[tuple[Any, list[dict[str, Any]]]] = [
            (District, _raw(s, District, mine)),
            (Settlement, _raw(s, Settlement, [Settlement.district_id == district_id])),
            (CertificateTemplate, _raw(s, CertificateTemplate, [])),
            (Organisation, _raw(s, Organisation, [])),
        ]
        for model, _refs in DISTRICT_OWNED:
            tables.append((model, _raw(s, model, _district_filter(model, district_id))))
        users = _raw(s, AppUser, [AppUser.district == code])
        ids = [u["id"] for u in users]
        roles = [
            dict(r)
            for r in s.execute(
                select(UserRole.__table__).where(UserRole.user_id.in_(ids))
            ).mappings()
        ]
        tables += [(AppUser, users), (UserRole, roles)]
        centre_usn = _current_usn(s)
    copy = Database(str(path))
    try:
        upgrade(copy.engine)
        with copy.engine.begin() as conn:
            for model, rows in tables:
                if rows:
                    for r in rows:
                        if "usn" in r:
                            r["usn"] = 0
                    conn.execute(insert(model.__table__), rows)
            conn.execute(insert(Setting), [{"key": COPY_SETTING, "value": code}])
            conn.execute(
                insert(ExchangeState),
                [{"peer": CENTRE, "sent_usn": 0, "confirmed_usn": 0, "received_usn": centre_usn}],
            )
    except Exception:
        copy.dispose()
        path.unlink(missing_ok=True)
        raise
    copy.dispose()
    count = sum(len(rows) for _m, rows in tables)
    with db.write() as s:
        s.add(
            ExchangeState(peer=code, sent_usn=centre_usn, confirmed_usn=centre_usn, received_usn=0)
        )
        audit.add(
            s,
            actor,
            audit.EXPORT,
            register=CODE,
            details={"копія округу": code, "файл": path.name, "записів": count},
        )
    return ExchangeResult(count, 0, code, "копія округу")


def _raw(s: Session, model: Any, where: Sequence[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in s.execute(select(model.__table__).where(*where)).mappings()]


def _district_filter(model: Any, district_id: int) -> list[Any]:
    if hasattr(model, "district_id"):
        return [model.district_id == district_id]
    objects = select(HouseholdObject.id).where(HouseholdObject.district_id == district_id)
    return [model.object_id.in_(objects)]


# ----------------------------------------------------------------------------- export / import


def export_changes(
    db: Database,
    password: str,
    district: str = "",
    user: str | Actor = "",
    progress: Progress | None = None,
) -> tuple[bytes, ExchangeResult]:
    """The file of this side's changes not yet confirmed by the other: from a district copy
    to the centre (no `district`), or from the centre to `district`'s copy."""
    actor = actor_of(user)
    check_password(password)
    say = progress or _silent
    say(5, "Збирання змін…")
    own = copy_district(db)
    with db.read() as s:
        if own:
            peer, sender, recipient, owned = CENTRE, own, CENTRE, DISTRICT_OWNED
            district_code = own
        else:
            if not district:
                raise ExchangeError("Вкажіть округ, для якого файл (--district)")
            row = s.execute(
                select(District).where((District.code == district) | (District.name == district))
            ).scalar_one_or_none()
            if row is None:
                raise ExchangeError(f"Старостинського округу «{district}» немає")
            peer, sender, recipient = row.code, CENTRE, row.code
            owned = (*CENTRE_OWNED, *SHARED)
            district_code = row.code
        state = _state(s, peer)
        since = state.confirmed_usn
        district_row = s.execute(
            select(District).where(District.code == district_code)
        ).scalar_one()
        tables: dict[str, list[dict[str, Any]]] = {}
        echoes = sorted(_applied(s, peer))
        for model, refs in owned:
            where = [model.usn > since]
            if echoes:  # the peer's own versions, as this side applied them: not sent back
                where.append(model.usn.notin_(echoes))
            if not own:  # the centre sends this district's reference rows and the templates
                if model is District:
                    where.append(District.id == district_row.id)
                elif model is Settlement:
                    where.append(Settlement.district_id == district_row.id)
                elif (model, refs) in SHARED:  # and the corrections of its cards
                    where += _district_filter(model, district_row.id)
            tables[model.__tablename__] = _dump(s, model, refs, where)
        names = {m.__tablename__ for m, _r in owned}
        graves = [
            {"table": t.table_name, "uuid": str(t.record_uuid), "usn": t.usn}
            for t in s.scalars(select(Tombstone).where(Tombstone.usn > since))
            if t.table_name in names
        ]
        users = [] if own else _users_since(s, district_row, since)
        usn = _current_usn(s)
        ack = state.received_usn
    header = {
        "schema": SCHEMA_HEAD,
        "from": sender,
        "to": recipient,
        "district": district_code,
        "usn": usn,
        "created": datetime.now().isoformat(timespec="seconds"),
    }
    body = {"ack": ack, "usn": usn, "tables": tables, "tombstones": graves}
    if users:
        body["users"] = users
    say(60, "Шифрування файлу…")
    data = seal(header, body, password)
    say(90, "Запис у журнал…")
    count = sum(len(r) for r in tables.values()) + len(users)
    with db.write() as s:
        _state(s, peer).sent_usn = usn
        audit.add(
            s,
            actor,
            audit.EXPORT,
            register=CODE,
            details={"обмін": f"{sender} → {recipient}", "записів": count},
        )
    return data, ExchangeResult(
        count, len(graves), district_code, "до центру" if own else "до округу"
    )


@dataclass(frozen=True)
class ImportPlan:
    """A file read and checked, with the conflicts it would cause; nothing applied yet.
    `already`: this file (or a newer one) was applied before — nothing to do."""

    header: dict[str, Any]
    body: dict[str, Any]
    own: str
    peer: str
    received_usn: int
    conflicts: tuple[Conflict, ...]
    already: bool = False


def _owned_by_peer(own: str) -> tuple[tuple[Any, Refs], ...]:
    """What a file from the other side may carry: at the centre, the district's; in a copy,
    the centre's reference lists and its corrections of the district's cards."""
    return (*CENTRE_OWNED, *SHARED) if own else DISTRICT_OWNED


def _open(
    db: Database, data: bytes, password: str, say: Progress
) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """The header and the body of a file meant for this database, checked; nothing written."""
    say(5, "Перевірка файлу…")
    header = read_header(data)
    if header.get("schema") != SCHEMA_HEAD:
        raise ExchangeError(
            f"Файл зроблено програмою з іншою версією бази ({header.get('schema')}), а ця база — "
            f"{SCHEMA_HEAD}. Оновіть програму з обох боків і зробіть файл знову."
        )
    own = copy_district(db)
    if own:
        if header["to"] == CENTRE:
            raise ExchangeError("Цей файл — для центру, а не для копії округу")
        if header["to"] != own or header["from"] != CENTRE:
            raise ExchangeError(
                f"Файл призначено копії округу {header['to']}, а ця копія — округу {own}"
            )
        peer = CENTRE
    else:
        if header["to"] != CENTRE:
            raise ExchangeError("Цей файл — для копії округу, а не для центру")
        peer = str(header["from"])
    say(10, "Розшифрування…")
    _header, body = unseal(data, password)
    for key in ("ack", "usn", "tables", "tombstones"):
        if key not in body:
            raise ExchangeError(f"У файлі обміну немає частини «{key}»")
    if not isinstance(body["usn"], int) or not isinstance(body["ack"], int):
        raise ExchangeError("Номери змін у файлі обміну неправильні")
    if not isinstance(body["tables"], dict) or not isinstance(body["tombstones"], list):
        raise ExchangeError("Вміст файлу обміну має неправильну будову")
    known = {m.__tablename__ for m, _r in _owned_by_peer(own)}
    unknown = sorted(set(body["tables"]) - known)
    if unknown:
        raise ExchangeError(f"У файлі є таблиці, яких цей бік не приймає: {', '.join(unknown)}")
    return header, body, own, peer


@dataclass
class _Analysis:
    check: Any
    parsed: dict[Any, list[Row]]
    local: dict[Any, dict[int, Row]]
    graves: list[tuple[Any, uuid.UUID]]
    conflicts: tuple[Conflict, ...]
    #: per conflicting record: the file's rows and tombstones to leave out if «ours» is kept,
    #: and this database's rows to send again then.
    theirs: dict[str, set[tuple[str, uuid.UUID]]]
    ours: dict[str, list[tuple[Any, int]]]


def _analyse(s: Session, own: str, peer: str, body: dict[str, Any], say: Progress) -> _Analysis:
    """Parse the whole file against this database and find the records changed on both sides
    since the peer last saw ours: a row of ours is «changed here» when its change number is
    above the peer's acknowledgement and is not one under which we applied the peer's file."""
    check = None
    district_code = own or peer
    district = s.execute(
        select(District).where(District.code == district_code)
    ).scalar_one_or_none()
    if district is not None:
        check = _owner_check(s, district.id)
    owned = _owned_by_peer(own)
    ack, echoes = int(body["ack"]), _applied(s, peer)

    def changed_here(row: Row) -> bool:
        return int(row["usn"]) > ack and int(row["usn"]) not in echoes

    coming: dict[Any, set[uuid.UUID]] = {}
    parsed: dict[Any, list[Row]] = {}
    local: dict[Any, dict[int, Row]] = {}
    for n, (model, refs) in enumerate(owned):
        say(15 + 30 * n // len(owned), "Перевірка записів…")
        raw_rows = body["tables"].get(model.__tablename__, [])
        parsed[model] = _parse_rows(s, model, refs, raw_rows, check, coming)
        local[model] = _local_rows(s, model, parsed[model])
        coming[model] = {r["uuid"] for i, r in enumerate(parsed[model]) if i not in local[model]}
    models = {m.__tablename__: m for m, _r in owned}
    graves: list[tuple[Any, uuid.UUID]] = []
    for n, grave in enumerate(body["tombstones"], start=1):
        if not isinstance(grave, dict) or grave.get("table") not in models:
            raise ExchangeError(f"Запис про видалення {n} неправильний")
        model = models[grave["table"]]
        try:
            gone = uuid.UUID(str(grave.get("uuid")))
        except ValueError:
            raise ExchangeError(f"Запис про видалення {n} неправильний") from None
        if check is not None and model is not HouseholdBook:
            target = s.execute(select(model).where(model.uuid == gone)).scalar_one_or_none()
            if target is not None:
                check(
                    {
                        "object_id": getattr(target, "object_id", None),
                        "district_id": getattr(target, "district_id", None),
                    },
                    f"Видалення {n}",
                )
        graves.append((model, gone))
    shared = {m for m, _r in SHARED}
    names = _Names(s)
    rows: dict[str, list[RowDiff]] = {}
    theirs: dict[str, set[tuple[str, uuid.UUID]]] = {}
    ours: dict[str, list[tuple[Any, int]]] = {}

    def note(key: str, model: Any, diff: RowDiff, gone: uuid.UUID, local_id: int) -> None:
        rows.setdefault(key, []).append(diff)
        theirs.setdefault(key, set()).add((model.__tablename__, gone))
        ours.setdefault(key, []).append((model, local_id))

    for model in (m for m, _r in owned if m in shared):
        table = model.__tablename__
        for n, row in enumerate(parsed[model]):
            mine = local[model].get(n)
            if mine is None or not changed_here(mine):
                continue
            diff = compare_rows(table, names.plain(model, mine), names.plain(model, row))
            if diff is not None:
                note(names.key(model, mine), model, diff, row["uuid"], int(mine["id"]))
    for model, gone in graves:
        if model not in shared:
            continue
        found = s.execute(select(model.__table__).where(model.uuid == gone)).mappings().first()
        if found is None or not changed_here(dict(found)):
            continue
        mine = dict(found)
        diff = compare_rows(model.__tablename__, names.plain(model, mine), None)
        if diff is not None:
            note(names.key(model, mine), model, diff, gone, int(mine["id"]))
    conflicts = tuple(
        Conflict(key, names.label(key), tuple(diffs))
        for key, diffs in sorted(rows.items(), key=lambda kv: names.label(kv[0]))
    )
    return _Analysis(check, parsed, local, graves, conflicts, theirs, ours)


class _Names:
    """References as the clerk reads them, and each row's record (the object's uuid)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.objects: dict[int, HouseholdObject] = {}

    def _object(self, object_id: int) -> HouseholdObject:
        if object_id not in self.objects:
            obj = self.s.get(HouseholdObject, object_id)
            assert obj is not None
            self.objects[object_id] = obj
        return self.objects[object_id]

    def key(self, model: Any, row: Row) -> str:
        return str(
            self._object(int(row["id"] if model is HouseholdObject else row["object_id"])).uuid
        )

    def label(self, key: str) -> str:
        obj = next(o for o in self.objects.values() if str(o.uuid) == key)
        place = self.s.get(Settlement, obj.settlement_id) if obj.settlement_id else None
        address = ", ".join(
            p for p in (place.name if place else "", obj.street, obj.house, obj.flat) if p
        )
        head = f" — {obj.head_name}" if obj.head_name else ""
        return f"Кн. {obj.book_number}, о/р {obj.account}: {address}{head}"

    def plain(self, model: Any, row: Row) -> Row:
        out = dict(row)
        if model is HouseholdObject:
            place = self.s.get(Settlement, row["settlement_id"]) if row["settlement_id"] else None
            book = self.s.get(HouseholdBook, row["book_id"])
            out["settlement_id"] = place.name if place else None
            out["book_id"] = (
                f"№ {book.number} ({book.cycle_start}–{book.cycle_start + 4})" if book else None
            )
        return out


def _stale_heads(
    s: Session,
    touched: set[int],
    whole: set[int],
    keep: list[tuple[Any, int]],
    ack: int,
    echoes: set[int],
) -> set[int]:
    """The objects whose head and search text must be derived again after a merge: a member
    came without the object's title part (which carries the peer's derived values), or the
    object has members changed here that the peer had not seen, or a version here was kept."""
    stale = touched - whole
    kept = {i for m, i in keep if m is HouseholdObject}
    kept |= {
        int(o)
        for o in s.scalars(
            select(HouseholdMember.object_id).where(
                HouseholdMember.id.in_([i for m, i in keep if m is HouseholdMember] or [-1])
            )
        )
    }
    candidates = sorted((touched | whole) - stale)
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        stmt = select(HouseholdMember.object_id).where(
            HouseholdMember.object_id.in_(chunk), HouseholdMember.usn > ack
        )
        if echoes:
            stmt = stmt.where(HouseholdMember.usn.notin_(sorted(echoes)))
        stale |= {int(o) for o in s.scalars(stmt)}
    return stale | kept


def prepare_import(
    db: Database, data: bytes, password: str, progress: Progress | None = None
) -> ImportPlan:
    """Read and check a file from the other side and find its conflicts; nothing is written."""
    say = progress or _silent
    header, body, own, peer = _open(db, data, password, say)
    with db.read() as s:
        state = s.get(ExchangeState, peer)
        if state is None:
            raise ExchangeError(f"Обміну з округом «{peer}» немає: копію цього округу не видавали")
        if body["usn"] <= state.received_usn:
            return ImportPlan(header, body, own, peer, state.received_usn, (), already=True)
        analysis = _analyse(s, own, peer, body, say)
        return ImportPlan(header, body, own, peer, state.received_usn, analysis.conflicts)


def apply_import(
    db: Database,
    plan: ImportPlan,
    decisions: Mapping[str, str] | None = None,
    user: str | Actor = "",
    progress: Progress | None = None,
) -> ExchangeResult:
    """Apply a prepared file whole or not at all, each conflicting record as decided
    (`decisions`: object uuid → «ours» / «theirs»); the decisions go to the audit trail."""
    actor = actor_of(user)
    say = progress or _silent
    decisions = dict(decisions or {})
    header, body, own, peer = plan.header, plan.body, plan.own, plan.peer
    if plan.already:
        return ExchangeResult(0, 0, str(header["district"]), "уже імпортовано")
    written = graves = 0
    with db.write() as s:
        state = s.get(ExchangeState, peer)
        if state is None:
            raise ExchangeError(f"Обміну з округом «{peer}» немає: копію цього округу не видавали")
        if body["usn"] <= state.received_usn:
            return ExchangeResult(0, 0, str(header["district"]), "уже імпортовано")
        if state.received_usn != plan.received_usn:
            raise ExchangeError(
                "Поки файл розглядали, з цим округом уже обмінялися іншим файлом: "
                "застосуйте файл ще раз"
            )
        usn = transaction_usn(s)
        analysis = _analyse(s, own, peer, body, say)
        open_ = undecided(analysis.conflicts, decisions)
        if open_:
            raise ExchangeConflict(
                "Записи змінено і тут, і в іншій базі; не вирішено, чию версію залишити: "
                + "; ".join(open_[:3])
                + (f" та ще {len(open_) - 3}" if len(open_) > 3 else "")
                + ". Застосуйте файл у вікні «Обмін з центром». Нічого не змінено."
            )
        skip: set[tuple[str, uuid.UUID]] = set()
        keep: list[tuple[Any, int]] = []
        for c in analysis.conflicts:
            if decisions[c.key] == KEEP_OURS:
                skip |= analysis.theirs[c.key]
                keep += analysis.ours[c.key]
        owned = _owned_by_peer(own)
        touched: set[int] = set()  # objects whose members came in the file
        whole: set[int] = set()  # known objects whose title part (with its head) came too
        for n, (model, refs) in enumerate(owned):
            say(50 + 40 * n // len(owned), "Застосування змін…")
            table = model.__tablename__
            rows, local = analysis.parsed[model], analysis.local[model]
            _resolve_waiting(s, refs, rows, analysis.check)
            chosen = [i for i, r in enumerate(rows) if (table, r["uuid"]) not in skip]
            written += _write_rows(
                s,
                model,
                [rows[i] for i in chosen],
                {j: local[i] for j, i in enumerate(chosen) if i in local},
                usn,
            )
            if model is HouseholdObject:
                whole |= {int(local[i]["id"]) for i in chosen if i in local}
            elif model is HouseholdMember:
                touched |= {int(rows[i]["object_id"]) for i in chosen}
        for model, gone in analysis.graves:
            if (model.__tablename__, gone) in skip:
                continue
            graves += (
                getattr(s.execute(delete(model).where(model.uuid == gone)), "rowcount", 0) or 0
            )
        if "users" in body:
            if not own:
                raise ExchangeError("Облікові записи користувачів надходять лише з центру")
            written += _apply_users(s, body["users"], own)
        s.flush()
        s.expire_all()  # the rows were written past the session: read them afresh
        from app.services.households import refresh_derived

        # The head and the search text follow the merged card; written past the change
        # numbers (they are derived, each side derives them), so a correction made here to
        # the same object is still sent.
        derived = ("head_name", "head_sort", "search_text")
        stale = _stale_heads(s, touched, whole, keep, int(body["ack"]), _applied(s, peer) | {usn})
        with s.no_autoflush:
            for obj in s.scalars(select(HouseholdObject).where(HouseholdObject.id.in_(stale))):
                before = tuple(getattr(obj, c) for c in derived)
                refresh_derived(s, obj)
                after = tuple(getattr(obj, c) for c in derived)
                s.expire(obj)  # drops the ORM change: it would take a new change number
                if after != before:
                    s.execute(
                        update(HouseholdObject)
                        .where(HouseholdObject.id == obj.id)
                        .values(dict(zip(derived, after, strict=True)))
                    )
        state.received_usn = body["usn"]
        state.confirmed_usn = max(state.confirmed_usn, min(body["ack"], _current_usn(s)))
        _remember_applied(s, peer, usn, state.confirmed_usn)
        if keep:  # our versions go to the other side with the next file
            again = next_usn(s)
            for model in {m for m, _i in keep}:
                ids = [i for m, i in keep if m is model]
                s.execute(update(model.__table__).where(model.id.in_(ids)).values(usn=again))
        audit.add(
            s,
            actor,
            audit.IMPORT,
            register=CODE,
            details={"обмін": f"{header['from']} → {header['to']}", "записів": written},
        )
        for c in analysis.conflicts:
            audit.add(
                s,
                actor,
                audit.UPDATE,
                record=(KIND, c.key, c.label),
                register=CODE,
                details={
                    "конфлікт обміну": f"{header['from']} → {header['to']}",
                    "рішення": DECISION_TITLES[decisions[c.key]],
                    "розбіжності": c.summary(),
                },
            )
    direction = "з центру" if own else "з округу"
    return ExchangeResult(
        written, graves, str(header["district"]), direction, len(analysis.conflicts)
    )


def import_changes(
    db: Database,
    data: bytes,
    password: str,
    user: str | Actor = "",
    progress: Progress | None = None,
    decisions: Mapping[str, str] | None = None,
) -> ExchangeResult:
    """Apply a file from the other side, whole or not at all. A file that conflicts with
    changes made here is refused (ExchangeConflict) unless `decisions` settle every record."""
    plan = prepare_import(db, data, password, progress)
    return apply_import(db, plan, decisions, user, progress)


def _users_since(s: Session, district: District, since: int) -> list[dict[str, Any]]:
    """The district's accounts changed at the centre (a new starosta, a new password, a role
    taken away): they travel to the copy with their roles; the password only as its hash."""
    rows = s.scalars(
        select(AppUser).where(
            AppUser.district.in_((district.code, district.name)), AppUser.usn > since
        )
    )
    out = []
    for user in rows:
        roles = sorted(s.scalars(select(UserRole.role).where(UserRole.user_id == user.id)))
        out.append(
            {
                "uuid": str(user.uuid),
                "login": user.login,
                "full_name": user.full_name,
                "password_hash": user.password_hash,
                "active": user.active,
                "district": user.district,
                "roles": roles,
            }
        )
    return out


def _apply_users(s: Session, users: Any, own: str) -> int:
    """The centre's accounts of this district, by uuid (or login), with their roles replaced."""
    from app.domain.roles import ROLE_TITLES

    if not isinstance(users, list):
        raise ExchangeError("Користувачі у файлі обміну мають неправильну будову")
    district = s.execute(select(District).where(District.code == own)).scalar_one_or_none()
    names = {own, district.name if district else own}
    usn = transaction_usn(s)
    for n, raw in enumerate(users, start=1):
        where = f"Користувач {n}"
        text_keys = ("login", "full_name", "password_hash", "district")
        if (
            not isinstance(raw, dict)
            or not all(isinstance(raw.get(k), str) for k in text_keys)
            or not isinstance(raw.get("active"), bool)
            or not isinstance(raw.get("roles"), list)
            or not raw["login"].strip()
        ):
            raise ExchangeError(f"{where}: запис неправильний")
        if raw["district"] not in names:
            raise ExchangeError(f"{where}: обліковий запис іншого округу — файл відхилено")
        unknown = [r for r in raw["roles"] if r not in ROLE_TITLES]
        if unknown:
            raise ExchangeError(f"{where}: невідомі ролі {', '.join(map(str, unknown))}")
        try:
            key = uuid.UUID(str(raw.get("uuid")))
        except ValueError:
            raise ExchangeError(f"{where}: неправильний uuid") from None
        row = s.execute(select(AppUser).where(AppUser.uuid == key)).scalar_one_or_none()
        if row is None:
            row = s.execute(
                select(AppUser).where(AppUser.login == raw["login"])
            ).scalar_one_or_none()
        if row is None:
            row = AppUser(uuid=key, login=raw["login"])
            s.add(row)
        row.login, row.full_name = raw["login"], raw["full_name"]
        row.password_hash, row.active = raw["password_hash"], raw["active"]
        row.district, row.usn = raw["district"], usn
        s.flush()
        s.execute(delete(UserRole).where(UserRole.user_id == row.id))
        for role in sorted(set(raw["roles"])):
            s.add(UserRole(user_id=row.id, role=role))
    s.flush()
    return len(users)


def _owner_check(s: Session, district_id: int) -> Any:
    """At the centre: every row of a district's file must belong to that district."""
    local = set(
        s.execute(
            select(HouseholdObject.id).where(HouseholdObject.district_id == district_id)
        ).scalars()
    )

    def check(row: dict[str, Any], where: str) -> None:
        if row.get("district_id") is not None and row["district_id"] != district_id:
            raise ExchangeError(f"{where}: запис іншого округу — файл відхилено")
        object_id = row.get("object_id")
        if object_id is not None and object_id not in local:
            owner = s.execute(
                select(HouseholdObject.district_id).where(HouseholdObject.id == object_id)
            ).scalar()
            if owner != district_id:
                raise ExchangeError(f"{where}: об'єкт іншого округу — файл відхилено")
            local.add(object_id)

    return check


def retire_copy(db: Database, district: str, user: str | Actor = "") -> None:
    """The centre takes a district's books back (the copy is no longer used)."""
    actor = actor_of(user)
    actor.require(REFERENCE_WRITE)
    with db.write() as s:
        row = s.execute(
            select(District).where((District.code == district) | (District.name == district))
        ).scalar_one_or_none()
        if row is None or s.get(ExchangeState, row.code) is None:
            raise ExchangeError(f"Копії округу «{district}» немає")
        s.delete(s.get(ExchangeState, row.code))
        audit.add(s, actor, audit.UPDATE, register=CODE, details={"копію округу закрито": row.code})


def count_rows(db: Database, model: Any) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())
