"""outgoing register: addressees, replies, sending; an index of finished controls

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 18:03:37.843808

Written by hand so that SQLite never recreates the `document` table (batch mode would drop its
full-text triggers): every new column is added with ALTER TABLE ADD COLUMN and a default for the
rows already there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("changed_by", sa.String(length=100), server_default="", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "addressee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("correspondent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("email", sa.String(length=150), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["correspondent_id"],
            ["correspondent.id"],
            name=op.f("fk_addressee_correspondent_id_correspondent"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_addressee_document_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addressee")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_addressee_document_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_addressee_uuid")),
    )
    op.create_index(op.f("ix_addressee_document_id"), "addressee", ["document_id"])

    op.create_table(
        "document_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_link_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["document.id"], name=op.f("fk_document_link_target_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_link")),
        sa.UniqueConstraint("document_id", "target_id", name=op.f("uq_document_link_document_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_document_link_uuid")),
    )
    op.create_index(op.f("ix_document_link_document_id"), "document_link", ["document_id"])
    op.create_index(op.f("ix_document_link_target_id"), "document_link", ["target_id"])

    text_columns = {
        "title": 300,
        "signatory_name": 150,
        "executor_phone": 50,
        "send_method": 50,
        "reply_numbers": 300,
    }
    for name, length in text_columns.items():
        op.add_column(
            "document",
            sa.Column(name, sa.String(length=length), server_default="", nullable=False),
        )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot add a named constraint; a column may carry its REFERENCES clause.
        op.execute("ALTER TABLE document ADD COLUMN signatory_id INTEGER REFERENCES staff (id)")
    else:
        op.add_column("document", sa.Column("signatory_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_document_signatory_id_staff"), "document", "staff", ["signatory_id"], ["id"]
        )
    op.add_column("document", sa.Column("copies", sa.Integer(), nullable=True))
    op.add_column("document", sa.Column("sent_date", sa.Date(), nullable=True))
    op.create_index(
        "ix_document_done",
        "document",
        ["done_date"],
        sqlite_where=sa.text("done_date IS NOT NULL"),
        postgresql_where=sa.text("done_date IS NOT NULL"),
    )
    op.create_index("ix_document_sent", "document", ["register", "sent_date", "id"])
    op.add_column(
        "organisation",
        sa.Column("postal_code", sa.String(length=10), server_default="", nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("Діловод upgrades only; restore the copy made before the upgrade")
