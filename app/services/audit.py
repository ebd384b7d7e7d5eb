"""The audit trail: who did what to which record, when (UTC), and what changed.

Entries are only ever added. This module offers no function that changes or removes one, a test
keeps it so, and the database refuses it too (triggers of migration 0004): the trail is
evidence. Each entry's hash covers its content and the previous entry's hash
(db/audit_chain.py), so an entry changed, removed or slipped in outside the program breaks the
chain, and `verify` names the first broken link. Appending takes the chain's lock (SQLite's
write lock, a transaction-level advisory lock on PostgreSQL) until the transaction ends.

A record is named generically — kind, uuid, label: («document», its uuid, «Вх. № 12/01-12»),
(«user», …, «ivanenko») — so that orders, personnel files and household books are named the
same way; documents keep their id and number columns too. Actions that change a record are
recorded in the change's own transaction (both are saved or neither); prints, exports, openings
and logins in a short transaction of their own.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select, text
from sqlalchemy.orm import Session

from app.domain.roles import AUDIT_VIEW, Actor, actor_of
from app.domain.text import normalize_search, search_words
from app.services.changes import as_text, differences
from db.audit_chain import GENESIS, PG_LOCK_KEY, entry_hash
from db.base import utcnow
from db.models import AuditEntry, Document
from db.session import Database

#: (kind, uuid, label) of the record an entry is about: ("document", uuid, "Вх. № 12/01-12").
Record = tuple[str, uuid.UUID | str | None, str]
DOCUMENT, USER, STAFF = "document", "user", "staff"
#: The trail's text columns hold at most this much (a login typed 5,000 characters long
#: is still recorded, cut, when it fails to sign in).
_LIMITS = {"login": 100, "register": 30, "reg_number": 50, "record_kind": 30, "record_label": 200}

CREATE, UPDATE, CANCEL = "create", "update", "cancel"
CONTROL, REMOVE_CONTROL = "control", "remove_control"
SEND, PRINT, EXPORT, IMPORT, OPEN = "send", "print", "export", "import", "open"
LOGIN, LOGIN_FAILED, USERS, REFERENCE = "login", "login_failed", "users", "reference"
BACKUP, RESTORE = "backup", "restore"

ACTION_TITLES: dict[str, str] = {
    CREATE: "Реєстрація",
    UPDATE: "Зміна",
    CANCEL: "Анулювання",
    CONTROL: "Контроль",
    REMOVE_CONTROL: "Зняття з контролю",
    SEND: "Відправлення",
    PRINT: "Друк",
    EXPORT: "Вивантаження",
    IMPORT: "Імпорт",
    OPEN: "Відкриття картки",
    LOGIN: "Вхід",
    LOGIN_FAILED: "Невдалий вхід",
    USERS: "Користувачі",
    REFERENCE: "Довідники",
    BACKUP: "Резервна копія",
    RESTORE: "Відновлення з копії",
}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    login: str
    action: str
    register: str
    document_id: int | None
    reg_number: str
    details: str
    record_kind: str = ""
    record_uuid: uuid.UUID | None = None
    record_label: str = ""

    @property
    def action_title(self) -> str:
        return ACTION_TITLES.get(self.action, self.action)

    @property
    def details_text(self) -> str:
        return details_text(self.details)

    @property
    def cursor(self) -> tuple[datetime, int]:
        """Where the next page of the trail starts (`AuditQuery.before`)."""
        return (self.at, self.id)


PERIOD_KEY, WHAT_KEY = "період", "що"


def period_text(start: Any, end: Any) -> str:
    """«з 01.03.2026 по 31.03.2026», «з 01.03.2026», «по 31.03.2026», or «усі дати» for an
    export of a view with no period (stored as two empty values, once shown as «; ;»)."""
    start, end = as_text(start), as_text(end)
    if start and end:
        return f"з {start} по {end}"
    if start or end:
        return f"з {start}" if start else f"по {end}"
    return "усі дати"


def printout_title(function: str) -> str:
    """A printout as the clerk knows it («Реєстраційно-контрольна картка (РКК)») instead of the
    program's name for it (`card_pdf`): the entries already stored keep the program's name."""
    from app.registers import REGISTERS

    for spec in REGISTERS.values():
        for printout in getattr(spec, "printouts", ()):
            if printout.function == function:
                return str(printout.title).rstrip("…")
    return function


def details_text(details: str) -> str:
    """The stored details as a reader sees them: «ПІБ: Коваль → Коваленко; пароль: змінено»."""
    try:
        data = json.loads(details)
    except ValueError:
        return details
    if not isinstance(data, dict):
        return details
    parts = []
    for key, value in data.items():
        if key == PERIOD_KEY and isinstance(value, list) and len(value) == 2:
            parts.append(f"{key}: {period_text(value[0], value[1])}")
        elif key == WHAT_KEY and isinstance(value, str):
            parts.append(f"{key}: {printout_title(value)}")
        elif isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            parts.append(f"{key}: {value[0] or '—'} → {value[1] or '—'}")
        else:
            parts.append(f"{key}: {as_text(value)}")
    return "; ".join(parts)


@dataclass(frozen=True)
class AuditQuery:
    """A filter of the trail; `date_from`/`date_to` are inclusive days (UTC).

    `since`/`until` bound the moment in UTC (`until` exclusive) for a window that filters by
    local days; `text` is looked for in the user, action, number and details (any case, any
    apostrophe); `before` continues after the last row of the previous page (keyset paging:
    a deep OFFSET into a long trail would be slow).
    """

    login: str = ""
    action: str = ""
    register: str = ""
    document_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    before: tuple[datetime, int] | None = None
    limit: int = 5000


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[str]]:
    """{key: [old, new]} of the keys of `new` whose value differs, as texts (`changes.as_text`)."""
    return {key: [before, after] for key, before, after in differences(old, new, new)}


def _details(details: Mapping[str, Any] | str | None) -> str:
    if details is None:
        return ""
    if isinstance(details, str):
        return details
    return json.dumps(details, ensure_ascii=False, sort_keys=True, default=as_text)


def document_record(doc: Document) -> Record:
    """How the trail names a document: «document», its uuid, «Вх. № 12/01-12»."""
    from app.registers import REGISTERS

    spec = REGISTERS.get(doc.register)
    label = f"{spec.number_label} {doc.reg_number}" if spec is not None else doc.reg_number
    return (DOCUMENT, doc.uuid, label)


def _cut(value: str, column: str) -> str:
    limit = _LIMITS[column]
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _chain_head(s: Session) -> tuple[int, str]:
    """The id and hash of the last entry, under the chain's lock (kept for the transaction)."""
    head: tuple[int, str] | None = s.info.get("audit_chain_head")
    if head is None:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        last = s.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        head = (int(last.id), str(last.hash)) if last is not None else (0, GENESIS)
    return head


def add(
    s: Session,
    user: str | Actor,
    action: str,
    *,
    doc: Document | None = None,
    record: Record | None = None,
    register: str = "",
    details: Mapping[str, Any] | str | None = None,
) -> None:
    """Append an entry inside the caller's transaction.

    `doc` names a document (its id, number and — as every record — kind, uuid and label);
    `record` names any other record as (kind, uuid, label).
    """
    if doc is not None:
        if doc.uuid is None or doc.id is None:
            s.flush()
        record = record or document_record(doc)
    kind, record_uuid, label = record or ("", None, "")
    if isinstance(record_uuid, str):
        record_uuid = uuid.UUID(record_uuid)
    last_id, prev = _chain_head(s)
    entry = AuditEntry(
        id=last_id + 1,
        at=utcnow(),
        login=_cut(actor_of(user).login, "login"),
        action=action,
        register=_cut(doc.register if doc is not None else register, "register"),
        document_id=doc.id if doc is not None else None,
        reg_number=_cut(doc.reg_number if doc is not None else "", "reg_number"),
        details=_details(details),
        record_kind=_cut(kind, "record_kind"),
        record_uuid=record_uuid,
        record_label=_cut(label, "record_label"),
        prev_hash=prev,
    )
    entry.hash = entry_hash(**_content(entry), prev_hash=prev)
    s.add(entry)
    s.info["audit_chain_head"] = (entry.id, entry.hash)


def add_documents(
    s: Session, user: str | Actor, action: str, docs: list[tuple[int, Any, str, str]]
) -> None:
    """One entry per document — (id, uuid, register, number) — chained in that order and
    written with one executemany (an import of 100,000 documents commits in seconds)."""
    from sqlalchemy import insert

    from app.registers import REGISTERS

    login = _cut(actor_of(user).login, "login")
    last_id, prev = _chain_head(s)
    at = utcnow()
    rows = []
    for offset, (doc_id, doc_uuid, register, number) in enumerate(docs, start=1):
        spec = REGISTERS.get(register)
        label = f"{spec.number_label} {number}" if spec is not None else number
        row: dict[str, Any] = {
            "id": last_id + offset,
            "at": at,
            "login": login,
            "action": action,
            "register": _cut(register, "register"),
            "document_id": doc_id,
            "reg_number": _cut(number, "reg_number"),
            "details": "",
            "record_kind": DOCUMENT,
            "record_uuid": doc_uuid,
            "record_label": _cut(label, "record_label"),
        }
        row["hash"] = entry_hash(**row, prev_hash=prev)
        row["prev_hash"] = prev
        prev = row["hash"]
        rows.append(row)
    if rows:
        s.execute(insert(AuditEntry), rows)
        s.info["audit_chain_head"] = (rows[-1]["id"], prev)


def _content(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at,
        "login": e.login,
        "action": e.action,
        "register": e.register,
        "document_id": e.document_id,
        "reg_number": e.reg_number,
        "details": e.details,
        "record_kind": e.record_kind,
        "record_uuid": e.record_uuid,
        "record_label": e.record_label,
    }


def log(
    db: Database,
    user: str | Actor,
    action: str,
    *,
    doc_id: int | None = None,
    record: Record | None = None,
    register: str = "",
    details: Mapping[str, Any] | str | None = None,
) -> None:
    """Append an entry in a transaction of its own (prints, exports, logins)."""
    with db.write() as s:
        doc = s.get(Document, doc_id) if doc_id is not None else None
        add(s, user, action, doc=doc, record=record, register=register, details=details)


def record_open(db: Database, user: str | Actor, register: Any, doc_id: int) -> bool:
    """The hook called when a document card is opened: recorded for registers holding personal
    data (`RegisterSpec.personal_data`); returns whether an entry was made."""
    if not getattr(register, "personal_data", False):
        return False
    actor = actor_of(user)
    actor.require(f"register.{register.code}.read")
    log(db, actor, OPEN, doc_id=doc_id)
    return True


#: Rows read at a time while a text filter is applied (it is matched in Python: SQLite's
#: LIKE folds ASCII only, and the trail has no full-text index).
SCAN_BATCH = 2000


def _filtered(query: AuditQuery) -> Select[Any]:
    stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if query.login:
        stmt = stmt.where(AuditEntry.login == query.login)
    if query.action:
        stmt = stmt.where(AuditEntry.action == query.action)
    if query.register:
        stmt = stmt.where(AuditEntry.register == query.register)
    if query.document_id is not None:
        stmt = stmt.where(AuditEntry.document_id == query.document_id)
    if query.date_from:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(query.date_from, datetime.min.time()))
    if query.date_to:
        end = datetime.combine(query.date_to + timedelta(days=1), datetime.min.time())
        stmt = stmt.where(AuditEntry.at < end)
    if query.since:
        stmt = stmt.where(AuditEntry.at >= query.since)
    if query.until:
        stmt = stmt.where(AuditEntry.at < query.until)
    return stmt


def _older_than(stmt: Select[Any], cursor: tuple[datetime, int]) -> Select[Any]:
    at, entry_id = cursor
    return stmt.where(or_(AuditEntry.at < at, and_(AuditEntry.at == at, AuditEntry.id < entry_id)))


def _row(r: AuditEntry) -> AuditRow:
    return AuditRow(
        r.id,
        r.at,
        r.login,
        r.action,
        r.register,
        r.document_id,
        r.reg_number,
        r.details,
        r.record_kind,
        r.record_uuid,
        r.record_label,
    )


def _matches(row: AuditRow, needle: str) -> bool:
    haystack = " ".join(
        (
            row.login,
            row.action_title,
            row.register,
            row.reg_number,
            row.record_label,
            row.details_text,
        )
    )
    return needle in normalize_search(haystack)


def entries(db: Database, user: str | Actor, query: AuditQuery) -> list[AuditRow]:
    """The trail, newest first, for those allowed to see it: at most `query.limit` rows."""
    actor_of(user).require(AUDIT_VIEW)
    stmt = _filtered(query)
    needle = search_words(query.text)
    found: list[AuditRow] = []
    cursor = query.before
    with db.read() as s:
        while len(found) < query.limit:
            batch = SCAN_BATCH if needle else query.limit - len(found)
            page = stmt if cursor is None else _older_than(stmt, cursor)
            rows = [_row(r) for r in s.execute(page.limit(batch)).scalars()]
            for row in rows:
                if not needle or _matches(row, needle):
                    found.append(row)
                    if len(found) == query.limit:
                        break
            if len(rows) < batch:
                break
            cursor = rows[-1].cursor
    return found


def logins(db: Database) -> list[str]:
    """Every login that appears in the trail (the filter's list)."""
    with db.read() as s:
        stmt = select(AuditEntry.login).distinct().order_by(AuditEntry.login)
        return [str(x) for x in s.execute(stmt).scalars()]


EXPORT_TITLES = ("Час (UTC)", "Користувач", "Дія", "Реєстр", "Запис", "Подробиці")


def export_entries(db: Database, user: str | Actor, query: AuditQuery, path: str) -> int:
    """Write the filtered trail to XLSX or CSV (by the file's extension); returns rows."""
    from app.services.table_files import guess_format, write_csv, write_xlsx

    rows = entries(db, user, query)
    cells = [
        [
            r.at.strftime("%d.%m.%Y %H:%M:%S"),
            r.login,
            r.action_title,
            r.register,
            r.record_label or r.reg_number,
            r.details_text,
        ]
        for r in rows
    ]
    if guess_format(path, None) == "csv":
        return write_csv(path, EXPORT_TITLES, cells)
    return write_xlsx(path, EXPORT_TITLES, cells, sheet_title="Журнал дій")


# --- the chain -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenLink:
    """The first entry where the chain does not hold, and why (a Ukrainian sentence)."""

    id: int
    at: datetime
    login: str
    action: str
    reason: str

    def describe(self) -> str:
        title = ACTION_TITLES.get(self.action, self.action)
        when = self.at.strftime("%d.%m.%Y %H:%M:%S")
        return f"Запис № {self.id} ({when} UTC, {self.login or '—'}, «{title}»): {self.reason}"


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def describe(self) -> str:
        if self.broken is None:
            return (
                f"Журнал дій цілий: перевірено записів — {self.entries}, ланцюжок підписів "
                "не порушено."
            )
        return (
            f"Журнал дій пошкоджено. Перше порушення — {self.broken.describe()} Записи до нього "
            "цілі; усе, що після, перевірити не можна. Збережіть копію бази даних і повідомте "
            "адміністратора: журнал змінено в обхід програми."
        )


_CHANGED = "вміст запису не відповідає його підпису — запис змінено або підроблено."
_UNLINKED = (
    "запис не продовжує попередній — перед ним запис вилучено або цей запис вставлено "
    "в обхід програми."
)


def verify(db: Database, user: str | Actor = "", batch: int = SCAN_BATCH) -> ChainCheck:
    """Walk the whole trail in id order and check every link of the hash chain."""
    actor_of(user).require(AUDIT_VIEW)
    previous, last_id, count = GENESIS, 0, 0
    with db.read() as s:
        while True:
            stmt = (
                select(AuditEntry)
                .where(AuditEntry.id > last_id)
                .order_by(AuditEntry.id)
                .limit(batch)
            )
            rows = s.execute(stmt).scalars().all()
            if not rows:
                return ChainCheck(count, None)
            for r in rows:
                reason = None
                if r.prev_hash != previous:
                    reason = _UNLINKED
                elif r.hash != entry_hash(**_content(r), prev_hash=r.prev_hash):
                    reason = _CHANGED
                if reason is not None:
                    return ChainCheck(count, BrokenLink(r.id, r.at, r.login, r.action, reason))
                previous, last_id = r.hash, r.id
                count += 1
            s.expunge_all()


def ownership_note(db: Database) -> str | None:
    """On PostgreSQL, a warning when the program's own role owns the trail (it could then set
    the triggers aside); None when another role owns it, or on SQLite."""
    if db.dialect != "postgresql":
        return None
    with db.read() as s:
        owner, me, superuser = s.execute(
            text(
                "SELECT t.tableowner, current_user, r.rolsuper FROM pg_tables t "
                "JOIN pg_roles r ON r.rolname = current_user WHERE t.tablename = 'audit_entry'"
            )
        ).one()
    if owner != me and not superuser:
        return None
    return (
        f"Таблиця журналу дій належить ролі «{owner}», з якою працює програма"
        + (" (суперкористувач)" if superuser else "")
        + ": вона може вимкнути захист журналу. Передайте таблицю ролі dilovod_audit "
        "(README, розділ «A shared server»); підписи все одно покажуть зміни."
    )
