"""The hash chain over the audit trail: each entry's hash covers its content and the hash of the
entry before it, so a changed, removed or inserted entry breaks the chain from there on.

The canonical form below is what the hashes were computed from, in the program and in migration
0004 (which sealed the entries written before it): it must never change, or every stored hash
would stop matching. A new field of the trail gets a new chain version, not an edit here.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from typing import Any

#: The `prev_hash` of the first entry.
GENESIS = ""
#: What the chain is ordered by and locked with on PostgreSQL (pg_advisory_xact_lock).
PG_LOCK_KEY = 7_243_001


def _moment(at: datetime | str) -> str:
    if isinstance(at, str):  # a raw SQLite value, as the migration may read it
        at = datetime.fromisoformat(at)
    return at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _uuid(value: uuid.UUID | str | None) -> str:
    if value is None or value == "":
        return ""
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


def entry_hash(
    *,
    id: int,
    at: datetime | str,
    login: str,
    action: str,
    register: str,
    document_id: int | None,
    reg_number: str,
    details: str,
    record_kind: str,
    record_uuid: uuid.UUID | str | None,
    record_label: str,
    prev_hash: str,
) -> str:
    """The SHA-256 (hex) of one entry chained to `prev_hash`."""
    fields: list[Any] = [
        1,  # the chain's version
        int(id),
        _moment(at),
        login or "",
        action or "",
        register or "",
        None if document_id is None else int(document_id),
        reg_number or "",
        details or "",
        record_kind or "",
        _uuid(record_uuid),
        record_label or "",
        prev_hash or "",
    ]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
