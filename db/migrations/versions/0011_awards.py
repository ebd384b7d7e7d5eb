"""awards: the kinds and occasions of awards, and an award's own fields

Revision ID: 0011
Revises: 0010

Written by hand. Three new tables, nothing existing changes: `award_kind` and `award_occasion`
(reference lists; empty until an administrator edits them — the program's defaults stand in
until then) and `award_detail` (1:1 with an awards document: the recipient, the petition, the
order that granted it, the handing over; regulation 28).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("changed_by", sa.String(length=100), server_default="", nullable=False),
        sa.Column("usn", sa.Integer(), server_default="0", nullable=False),
    ]  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "award_kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("heading", sa.String(length=150), nullable=False),
        sa.Column("to_persons", sa.Boolean(), nullable=False),
        sa.Column("to_collectives", sa.Boolean(), nullable=False),
        sa.Column("lead_days", sa.Integer(), nullable=False),
        sa.Column("min_years", sa.Integer(), nullable=False),
        sa.Column("repeat_years", sa.Integer(), nullable=False),
        sa.Column("ladder", sa.String(length=300), nullable=False),
        sa.Column("ladder_years", sa.Integer(), nullable=False),
        sa.Column("name_case", sa.String(length=20), nullable=False),
        sa.Column("template", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_kind")),
        sa.UniqueConstraint("code", name=op.f("uq_award_kind_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_award_kind_uuid")),
    )
    op.create_index("ix_award_kind_usn", "award_kind", ["usn"])
    op.create_table(
        "award_occasion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("day", sa.String(length=50), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_occasion")),
        sa.UniqueConstraint("title", name=op.f("uq_award_occasion_title")),
        sa.UniqueConstraint("uuid", name=op.f("uq_award_occasion_uuid")),
    )
    op.create_index("ix_award_occasion_usn", "award_occasion", ["usn"])
    op.create_table(
        "award_detail",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("recipient_type", sa.String(length=20), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        sa.Column("recipient_key", sa.String(length=300), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("workplace", sa.String(length=300), nullable=False),
        sa.Column("years_of_work", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("occasion", sa.String(length=200), nullable=False),
        sa.Column("petition_date", sa.Date(), nullable=True),
        sa.Column("ceremony_date", sa.Date(), nullable=True),
        sa.Column("petition_late", sa.Boolean(), nullable=False),
        sa.Column("order_numbers", sa.String(length=300), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("award_date", sa.Date(), nullable=True),
        sa.Column("handed_date", sa.Date(), nullable=True),
        sa.Column("handed_by", sa.String(length=150), nullable=False),
        sa.Column("name_override", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=100), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_award_detail_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["document.id"], name=op.f("fk_award_detail_order_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_award_detail_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_award_detail")),
        sa.UniqueConstraint("uuid", name=op.f("uq_award_detail_uuid")),
    )
    op.create_index("ix_award_detail_usn", "award_detail", ["usn"])
    op.create_index("ix_award_detail_staff_id", "award_detail", ["staff_id"])
    op.create_index("ix_award_detail_recipient", "award_detail", ["recipient_key", "award_date"])
    op.create_index("ix_award_detail_order", "award_detail", ["order_id", "document_id"])
    op.create_index("ix_award_detail_ceremony", "award_detail", ["ceremony_date", "document_id"])
    op.create_index("ix_award_detail_occasion", "award_detail", ["occasion", "ceremony_date"])


def downgrade() -> None:
    op.drop_table("award_detail")
    op.drop_table("award_occasion")
    op.drop_table("award_kind")
