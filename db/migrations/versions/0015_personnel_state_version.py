"""personnel state version: which edition of the rules derived a file's reminder dates

Revision ID: 0015
Revises: 0014

Written by hand. 0009 added the reminders' state to `personnel_file` but left the files already
there empty until their history was next edited, so their reminders never showed. This adds
`state_version`: every existing row gets 0 (not derived by the current rules), and the program
derives those files at the next reminders' scan (app/services/personnel_reminders.refresh_stale)
— in Python, with the same rules as an edit, which a migration cannot import (db never imports
app). A file derived since 0009 is derived once more: same values, nothing lost.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("personnel_file") as batch:
        batch.add_column(
            sa.Column("state_version", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    raise NotImplementedError("Діловод не повертає базу до старішої версії: відновіть копію")
