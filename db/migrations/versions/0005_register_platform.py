"""register platform: number series, the orders register, change numbers and tombstones

Revision ID: 0005
Revises: 0004

Written by hand. Numbering gets series (orders on main activity and on personnel, 4.13): the
document's unique number becomes (register, series, year, seq), and the counter is kept per
series. SQLite cannot change a table's unique constraint in place, so `document` is rebuilt by
batch mode; its full-text triggers (which go with the old table) and its partial indexes are
then created again, and the full-text index is rebuilt. `db.migrate.upgrade` runs migrations
on SQLite with foreign keys off and checks them afterwards, as SQLite's own procedure for
rebuilding a table asks. Every tracked table gets its change number (`usn`); the orders'
own fields get `order_detail` and `order_copy`; deleted rows leave tombstones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TRACKED = (
    "department",
    "staff",
    "correspondent",
    "case_file",
    "calendar_day",
    "app_user",
    "organisation",
    "document",
    "addressee",
    "document_link",
    "resolution",
    "control_event",
    "attachment",
)


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
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TRACKED:
        op.add_column(table, sa.Column("usn", sa.Integer(), server_default="0", nullable=False))
        op.create_index(f"ix_{table}_usn", table, ["usn"])

    op.add_column(
        "document_link",
        sa.Column("relation", sa.String(length=30), server_default="reply_to", nullable=False),
    )
    _series(sqlite)
    _orders()
    op.create_index("ix_document_number", "document", ["register", "year", "seq"])
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_usn", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_counter")),
    )
    op.create_table(
        "tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_uuid", sa.Uuid(), nullable=False),
        sa.Column("usn", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstone")),
    )
    op.create_index(op.f("ix_tombstone_usn"), "tombstone", ["usn"])
    if (
        sqlite
        and op.get_bind()
        .exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .first()
    ):
        # Statistics made before the new indexes would make the planner prefer them blindly
        # (a first screen of 1,000,000 orders went from 30 ms to 1.3 s): gather them anew.
        op.execute("ANALYZE")


def _series(sqlite: bool) -> None:
    """(register, series, year, seq) is the unique number; the counter is kept per series."""
    op.add_column(
        "document", sa.Column("series", sa.String(length=20), server_default="", nullable=False)
    )
    if sqlite:
        with op.batch_alter_table("document", recreate="always") as batch:
            batch.drop_constraint("uq_document_register_year_seq", type_="unique")
            batch.create_unique_constraint(
                "uq_document_register_series_year_seq", ["register", "series", "year", "seq"]
            )
        _sqlite_document_extras()
        with op.batch_alter_table("register_counter", recreate="always") as batch:
            batch.add_column(
                sa.Column("series", sa.String(length=20), server_default="", nullable=False)
            )
            batch.drop_constraint("pk_register_counter", type_="primary")
            batch.create_primary_key("pk_register_counter", ["register", "series", "year"])
    else:
        op.drop_constraint("uq_document_register_year_seq", "document", type_="unique")
        op.create_unique_constraint(
            "uq_document_register_series_year_seq",
            "document",
            ["register", "series", "year", "seq"],
        )
        op.add_column(
            "register_counter",
            sa.Column("series", sa.String(length=20), server_default="", nullable=False),
        )
        op.drop_constraint("pk_register_counter", "register_counter", type_="primary")
        op.create_primary_key(
            "pk_register_counter", "register_counter", ["register", "series", "year"]
        )


def _sqlite_document_extras() -> None:
    """What a rebuilt SQLite `document` table loses: the full-text triggers, the partial
    indexes' WHERE clauses; the full-text index is rebuilt from the rows."""
    for name in ("ix_document_done", "ix_document_open_control"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("CREATE INDEX ix_document_done ON document (done_date) WHERE done_date IS NOT NULL")
    op.execute(
        "CREATE INDEX ix_document_open_control ON document (register, due_date) "
        "WHERE on_control = 1 AND done_date IS NULL"
    )
    for trigger in ("document_fts_ai", "document_fts_ad", "document_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(
        "CREATE TRIGGER document_fts_ai AFTER INSERT ON document BEGIN "
        "INSERT INTO document_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER document_fts_ad AFTER DELETE ON document BEGIN "
        "INSERT INTO document_fts(document_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER document_fts_au AFTER UPDATE OF search_text ON document BEGIN "
        "INSERT INTO document_fts(document_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO document_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute("INSERT INTO document_fts(document_fts) VALUES ('rebuild')")


def _orders() -> None:
    op.create_table(
        "order_detail",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("prepared_by_id", sa.Integer(), nullable=True),
        sa.Column("prepared_by_name", sa.String(length=150), nullable=False),
        sa.Column("executes_numbers", sa.String(length=300), nullable=False),
        sa.Column("cancels_numbers", sa.String(length=300), nullable=False),
        sa.Column("lost_force", sa.String(length=150), nullable=False),
        sa.Column("copies_due", sa.Date(), nullable=True),
        sa.Column("copies_pending", sa.Integer(), nullable=False),
        sa.Column("copies_late", sa.Boolean(), nullable=False),
        sa.Column("copies_text", sa.String(length=300), nullable=False),
        sa.Column("copies_state", sa.String(length=300), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_order_detail_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["prepared_by_id"], ["staff.id"], name=op.f("fk_order_detail_prepared_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_order_detail")),
        sa.UniqueConstraint("uuid", name=op.f("uq_order_detail_uuid")),
    )
    op.create_index("ix_order_detail_usn", "order_detail", ["usn"])
    op.create_table(
        "order_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("executor_id", sa.Integer(), nullable=True),
        sa.Column("executor_name", sa.String(length=150), nullable=False),
        sa.Column("handed_date", sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_order_copy_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["executor_id"], ["staff.id"], name=op.f("fk_order_copy_executor_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_copy")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_order_copy_document_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_order_copy_uuid")),
    )
    op.create_index("ix_order_copy_document_id", "order_copy", ["document_id"])
    op.create_index("ix_order_copy_usn", "order_copy", ["usn"])


def downgrade() -> None:
    raise NotImplementedError("Діловод не повертає базу до старішої версії: відновіть копію")
