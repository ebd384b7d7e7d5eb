"""personnel reminders: what the reminders need of a person's history, kept in the file

Revision ID: 0009
Revises: 0008

Written by hand. The reminders' scan of 10,000 people read their 300,000 history events (5.8 s);
the few dates it needs (the service start for the seniority bonus, the end of probation or
internship, of the contract, the attestation and training due dates, …) are derived on every
change of the history and kept in `personnel_file`, so the scan reads one row a person.
Files written before this revision get their values the next time their history changes (the
personnel register landed with 0006 the same evening; no council holds such files yet).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("personnel_file") as batch:
        batch.add_column(sa.Column("service_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("trial_end", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("trial_kind", sa.String(length=30), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("contract_end", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("contract_kind", sa.String(length=30), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("attestation_due", sa.Date(), nullable=True))
        batch.add_column(sa.Column("training_due", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("martial_hire", sa.Boolean(), server_default="0", nullable=False)
        )
        batch.add_column(
            sa.Column("seniority_granted", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(
            sa.Column("reserve_state", sa.String(length=30), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("reserve_reviewed", sa.Date(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Діловод не повертає базу до старішої версії: відновіть копію")
