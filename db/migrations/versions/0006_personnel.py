"""personnel files: the file of a person of the staff list, previous service, service history

Revision ID: 0006
Revises: 0005

Written by hand. `personnel_file` is 1:1 with `staff` (one person, not two lists);
`personnel_prior_service` keeps periods of previous service; `personnel_event` the dated
history, each entry naming its personnel order (`document`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
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
        sa.Column("usn", sa.Integer(), server_default="0", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "personnel_file",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("personnel_number", sa.String(length=20), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("email", sa.String(length=150), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("education", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("category", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("hired_date", sa.Date(), nullable=True),
        sa.Column("dismissed_date", sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_personnel_file_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("staff_id", name=op.f("pk_personnel_file")),
        sa.UniqueConstraint("personnel_number", name=op.f("uq_personnel_file_personnel_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_personnel_file_uuid")),
    )
    op.create_index("ix_personnel_file_usn", "personnel_file", ["usn"])
    op.create_table(
        "personnel_prior_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("employer", sa.String(length=300), nullable=False),
        sa.Column("counts", sa.Boolean(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["personnel_file.staff_id"],
            name=op.f("fk_personnel_prior_service_staff_id_personnel_file"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personnel_prior_service")),
        sa.UniqueConstraint("uuid", name=op.f("uq_personnel_prior_service_uuid")),
    )
    op.create_index("ix_personnel_prior_service_staff_id", "personnel_prior_service", ["staff_id"])
    op.create_index("ix_personnel_prior_service_usn", "personnel_prior_service", ["usn"])
    op.create_table(
        "personnel_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("post", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("order_number", sa.String(length=50), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["personnel_file.staff_id"],
            name=op.f("fk_personnel_event_staff_id_personnel_file"),
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_personnel_event_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["document.id"], name=op.f("fk_personnel_event_order_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personnel_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_personnel_event_uuid")),
    )
    op.create_index("ix_personnel_event_kind_date", "personnel_event", ["kind", "event_date"])
    op.create_index("ix_personnel_event_staff_date", "personnel_event", ["staff_id", "event_date"])
    op.create_index("ix_personnel_event_order_id", "personnel_event", ["order_id"])
    op.create_index("ix_personnel_event_usn", "personnel_event", ["usn"])


def downgrade() -> None:
    raise NotImplementedError("Діловод не повертає базу до старішої версії: відновіть копію")
