"""What an exchange between a starosta district and the centre will need to know.

Every change of a tracked row takes the next change number of its database (`Tracked.usn`,
Anki's «update sequence number»), so «what changed since the last exchange» is one indexed
query per table; a deleted child row (an addressee, a link, a copy of an order) leaves a
`Tombstone` with its table, uuid and change number, so the deletion travels too.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class ChangeCounter(Base):
    """The last change number given in this database (a single row, id 1)."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_usn: Mapped[int] = mapped_column(Integer, default=0)


class Tombstone(Base):
    """A tracked row that was deleted: which table, which record, at which change number."""

    __tablename__ = "tombstone"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(50))
    record_uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    usn: Mapped[int] = mapped_column(Integer, index=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(100), default="")
