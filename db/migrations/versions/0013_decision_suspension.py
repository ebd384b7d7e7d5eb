"""decision suspension: the mayor's orders that suspended a decision (regulation 6.16)

Revision ID: 0013
Revises: 0012

Written from Alembic's comparison and reviewed by hand: one column of `decision_detail`,
filled with "" in the rows already there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("decision_detail", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("suspended_numbers", sa.String(length=300), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("decision_detail", schema=None) as batch_op:
        batch_op.drop_column("suspended_numbers")
