"""Declarative base shared by every model.

The naming convention gives constraints stable names, so Alembic migrations (and SQLite's batch
mode, which recreates tables) can refer to them. Every stored record carries a UUID beside its
integer key and created/updated times: starosta districts will exchange records with the centre as
files, and the same record must be recognised in both databases (ARCHITECTURE.md, habit 9).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String, Uuid, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current moment in UTC, as stored in every created/updated column."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Columns every exchangeable record carries: a global UUID and who changed it when."""

    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, default=uuid.uuid4, unique=True)
    created_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, server_default=func.now()
    )
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # The change number of the database when the row was last written (db/exchange.py): what
    # changed since an exchange is `usn > last exchanged`, one indexed query per table.
    usn: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
