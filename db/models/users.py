"""Program accounts, their roles, and the append-only audit trail."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked, utcnow


class AppUser(Tracked, Base):
    """An account: never deleted (the audit trail names it), only deactivated.

    `password_hash` is a self-describing scrypt string (app/services/passwords.py); the failure
    counter and `locked_until` (UTC) carry the pause after repeated wrong passwords across
    restarts and PCs. `district` is the starosta district code for a starosta.
    """

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(150), default="")
    password_hash: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    district: Mapped[str] = mapped_column(String(20), default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class UserRole(Base):
    """One role held by a user (a user may hold several)."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(30), primary_key=True)


class AuditEntry(Base):
    """One recorded action. The program only ever inserts these rows (app/services/audit.py),
    and the database refuses to change or remove them (triggers of migration 0004).

    The record is named as it was, without a foreign key (the trail must outlive anything it
    mentions): generically by kind, uuid and a label («document», its uuid, «Вх. № 12/01-12»;
    «user», …), and for documents also by id and number as before. `details` is JSON text
    (old → new of changed fields, a title). `hash` chains the entry to `prev_hash`, the hash of
    the entry before it (db/audit_chain.py): the ids run 1, 2, 3 … without gaps.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_login_at", "login", "at"),
        Index("ix_audit_entry_action_at", "action", "at"),
        Index("ix_audit_entry_document", "document_id"),
        Index("ix_audit_entry_record", "record_kind", "record_uuid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    login: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(30))
    register: Mapped[str] = mapped_column(String(30), default="")
    document_id: Mapped[int | None] = mapped_column(Integer)
    reg_number: Mapped[str] = mapped_column(String(50), default="")
    details: Mapped[str] = mapped_column(Text, default="")
    record_kind: Mapped[str] = mapped_column(String(30), default="")
    record_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    record_label: Mapped[str] = mapped_column(String(200), default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
