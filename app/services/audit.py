"""The audit trail: who did what to which document, when (UTC), and what changed.

Entries are only ever added. This module offers no function that changes or removes one, and
a test keeps it so: the trail is evidence, and the program is not the place to rewrite it.
Actions that change a document are recorded in the change's own transaction (both are saved or
neither); prints, exports, openings and logins in a short transaction of their own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from app.domain.roles import AUDIT_VIEW, Actor, actor_of
from app.domain.text import normalize_search
from app.services.changes import as_text, differences
from db.base import utcnow
from db.models import AuditEntry, Document
from db.session import Database

CREATE, UPDATE, CANCEL = "create", "update", "cancel"
CONTROL, REMOVE_CONTROL = "control", "remove_control"
SEND, PRINT, EXPORT, IMPORT, OPEN = "send", "print", "export", "import", "open"
LOGIN, LOGIN_FAILED, USERS, REFERENCE = "login", "login_failed", "users", "reference"

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
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
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


def add(
    s: Session,
    user: str | Actor,
    action: str,
    *,
    doc: Document | None = None,
    register: str = "",
    details: Mapping[str, Any] | str | None = None,
) -> None:
    """Append an entry inside the caller's transaction."""
    s.add(
        AuditEntry(
            at=utcnow(),
            login=actor_of(user).login,
            action=action,
            register=doc.register if doc is not None else register,
            document_id=doc.id if doc is not None else None,
            reg_number=doc.reg_number if doc is not None else "",
            details=_details(details),
        )
    )


def log(
    db: Database,
    user: str | Actor,
    action: str,
    *,
    doc_id: int | None = None,
    register: str = "",
    details: Mapping[str, Any] | str | None = None,
) -> None:
    """Append an entry in a transaction of its own (prints, exports, logins)."""
    with db.write() as s:
        doc = s.get(Document, doc_id) if doc_id is not None else None
        add(s, user, action, doc=doc, register=register, details=details)


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
        r.id, r.at, r.login, r.action, r.register, r.document_id, r.reg_number, r.details
    )


def _matches(row: AuditRow, needle: str) -> bool:
    haystack = " ".join(
        (row.login, row.action_title, row.register, row.reg_number, row.details_text)
    )
    return needle in normalize_search(haystack)


def entries(db: Database, user: str | Actor, query: AuditQuery) -> list[AuditRow]:
    """The trail, newest first, for those allowed to see it: at most `query.limit` rows."""
    actor_of(user).require(AUDIT_VIEW)
    stmt = _filtered(query)
    needle = normalize_search(query.text)
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


EXPORT_TITLES = ("Час (UTC)", "Користувач", "Дія", "Реєстр", "Документ", "Подробиці")


def export_entries(db: Database, user: str | Actor, query: AuditQuery, path: str) -> int:
    """Write the filtered trail to XLSX or CSV (by the file's extension); returns rows."""
    from app.services.exports import guess_format, write_csv, write_xlsx

    rows = entries(db, user, query)
    cells = [
        [
            r.at.strftime("%d.%m.%Y %H:%M:%S"),
            r.login,
            r.action_title,
            r.register,
            r.reg_number,
            r.details_text,
        ]
        for r in rows
    ]
    if guess_format(path, None) == "csv":
        return write_csv(path, EXPORT_TITLES, cells)
    return write_xlsx(path, EXPORT_TITLES, cells, sheet_title="Журнал дій")
