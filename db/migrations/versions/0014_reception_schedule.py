"""reception schedule: the schedule of personal reception of citizens (ст. 22 ЗУ «Про звернення
громадян», regulation 31.5)

Revision ID: 0014
Revises: 0013

Written by hand. One new table, `reception_slot` (a line of the schedule: a person of the staff
list, the post, the days and hours, the place); nothing existing changes, and it starts empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reception_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("days_hours", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_reception_slot_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reception_slot")),
        sa.UniqueConstraint("uuid", name=op.f("uq_reception_slot_uuid")),
    )  # fmt: skip
    op.create_index("ix_reception_slot_usn", "reception_slot", ["usn"])
    op.create_index("ix_reception_slot_staff_id", "reception_slot", ["staff_id"])


def downgrade() -> None:
    op.drop_index("ix_reception_slot_staff_id", table_name="reception_slot")
    op.drop_index("ix_reception_slot_usn", table_name="reception_slot")
    op.drop_table("reception_slot")
