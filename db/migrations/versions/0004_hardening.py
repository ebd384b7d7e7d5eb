"""hardening: the audit trail names any kind of record, is hash-chained and append-only

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 10:00:00.000000

Written by hand. `audit_entry` gets the generic name of its record (kind, uuid, label) and the
hash chain (`prev_hash`, `hash`, db/audit_chain.py); the entries written before are named where
they name a document and sealed into the chain, in id order. Then the database itself refuses to
change the trail: triggers refuse UPDATE and DELETE (SQLite, PostgreSQL) and TRUNCATE
(PostgreSQL; SQLite has none — its DELETE without WHERE fires the trigger too).

On PostgreSQL the table can also leave the program's role: when a role `dilovod_audit` exists
and the role running the migration may act as it (README, «A shared server»), the table and the
trigger function are given to it and the program's role keeps only SELECT and INSERT, so it can
neither disable nor drop the triggers. A superuser is above all of this, so nothing is moved
when one runs the migration.

This is the one place that writes into existing audit rows (tests/services/test_audit.py names
it): it fills the new columns once, before the triggers exist.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.audit_chain import GENESIS, entry_hash

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

AUDIT_ROLE = "dilovod_audit"
REFUSAL = "Журнал дій лише доповнюється: змінювати чи видаляти його записи не можна"
_LABELS = {"incoming": "Вх. №", "outgoing": "Вих. №"}
_BATCH = 2000


def upgrade() -> None:
    for name, kind in (
        ("record_kind", sa.String(30)),
        ("record_label", sa.String(200)),
        ("prev_hash", sa.String(64)),
        ("hash", sa.String(64)),
    ):
        op.add_column("audit_entry", sa.Column(name, kind, server_default="", nullable=False))
    op.add_column("audit_entry", sa.Column("record_uuid", sa.Uuid(), nullable=True))
    op.create_index("ix_audit_entry_record", "audit_entry", ["record_kind", "record_uuid"])
    _name_documents()
    _seal_existing_entries()
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
        _postgresql_owner()
    else:
        _sqlite_triggers()


def _name_documents() -> None:
    label = "CASE register " + " ".join(
        f"WHEN '{code}' THEN '{prefix} ' || reg_number" for code, prefix in _LABELS.items()
    )
    op.execute(
        "UPDATE audit_entry SET record_kind = 'document', "
        "record_uuid = (SELECT uuid FROM document WHERE document.id = audit_entry.document_id), "
        f"record_label = {label} ELSE reg_number END "
        "WHERE document_id IS NOT NULL"
    )


_ENTRY = sa.table(
    "audit_entry",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("login", sa.String),
    sa.column("action", sa.String),
    sa.column("register", sa.String),
    sa.column("document_id", sa.Integer),
    sa.column("reg_number", sa.String),
    sa.column("details", sa.Text),
    sa.column("record_kind", sa.String),
    sa.column("record_uuid", sa.Uuid),
    sa.column("record_label", sa.String),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
_CONTENT = [c for c in _ENTRY.c if c.name not in ("prev_hash", "hash")]


def _seal_existing_entries() -> None:
    """Chain the entries written before, oldest (lowest id) first, a batch at a time."""
    bind = op.get_bind()
    seal = (
        sa.update(_ENTRY)
        .where(_ENTRY.c.id == sa.bindparam("entry_id"))
        .values(prev_hash=sa.bindparam("prev"), hash=sa.bindparam("digest"))
    )
    previous, last_id = GENESIS, 0
    while True:
        rows = bind.execute(
            sa.select(*_CONTENT).where(_ENTRY.c.id > last_id).order_by(_ENTRY.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        params = []
        for row in rows:
            digest = entry_hash(**row._asdict(), prev_hash=previous)
            params.append({"entry_id": row.id, "prev": previous, "digest": digest})
            previous, last_id = digest, row.id
        bind.execute(seal, params)


def _sqlite_triggers() -> None:
    for operation in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_entry_no_{operation.lower()} BEFORE {operation} "
            f"ON audit_entry BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
        )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION audit_entry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{REFUSAL} (%)', TG_OP USING ERRCODE = 'insufficient_privilege'; "
        "END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse()"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse()"
    )


def _postgresql_owner() -> None:
    """Give the trail to `dilovod_audit` when it exists and we may act as it (not a superuser);
    the program's role keeps SELECT and INSERT. Otherwise leave it: `audit verify` says so."""
    op.execute(
        f"""
        DO $$
        BEGIN
          IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
             OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AUDIT_ROLE}')
             OR NOT pg_has_role(current_user, '{AUDIT_ROLE}', 'MEMBER') THEN
            RETURN;
          END IF;
          ALTER TABLE audit_entry OWNER TO {AUDIT_ROLE};
          ALTER FUNCTION audit_entry_refuse() OWNER TO {AUDIT_ROLE};
          -- granted by the new owner (we act as its member), so it outlives the membership
          EXECUTE format('GRANT SELECT, INSERT ON audit_entry TO %I', current_user);
        END $$
        """
    )


def downgrade() -> None:
    raise NotImplementedError("Діловод upgrades only; restore the copy made before the upgrade")
