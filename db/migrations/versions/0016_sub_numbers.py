"""sub-numbers: «931» and «931-1» in one year (decisions numbered as written, regulation 6.18)

Revision ID: 0016
Revises: 0015

Written by hand. A number kept as written (decisions «931-1», an amendment registered after
931; council-style «24/119») shares its running number with the plain one, so the unique number
of a document becomes (register, series, year, seq, sub), `sub` being the sub-number's key ("" for
a plain number). The number and date sort indexes get `sub` as their last column, so 931, 931-1,
932 come in that order from the index. SQLite cannot change a table's unique constraint in
place, so `document` is rebuilt by batch mode as in 0005, and its full-text triggers and partial
indexes are created again. Existing rows keep "" — each was unique by its running number.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OLD_UNIQUE = ("uq_document_register_series_year_seq", ["register", "series", "year", "seq"])
NEW_UNIQUE = ("uq_document_number", ["register", "series", "year", "seq", "sub"])


def upgrade() -> None:
    op.add_column(
        "document", sa.Column("sub", sa.String(length=30), server_default="", nullable=False)
    )
    _unique(OLD_UNIQUE, NEW_UNIQUE)
    _sort_indexes(with_sub=True)


def downgrade() -> None:
    _sort_indexes(with_sub=False)
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("document", recreate="always") as batch:
            batch.drop_constraint(NEW_UNIQUE[0], type_="unique")
            batch.create_unique_constraint(*OLD_UNIQUE)
            batch.drop_column("sub")
        _sqlite_document_extras()
    else:
        op.drop_constraint(NEW_UNIQUE[0], "document", type_="unique")
        op.create_unique_constraint(OLD_UNIQUE[0], "document", OLD_UNIQUE[1])
        op.drop_column("document", "sub")


def _unique(old: tuple[str, list[str]], new: tuple[str, list[str]]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("document", recreate="always") as batch:
            batch.drop_constraint(old[0], type_="unique")
            batch.create_unique_constraint(*new)
        _sqlite_document_extras()
    else:
        op.drop_constraint(old[0], "document", type_="unique")
        op.create_unique_constraint(new[0], "document", new[1])


def _sort_indexes(with_sub: bool) -> None:
    tail = ["sub"] if with_sub else []
    op.drop_index("ix_document_number", table_name="document")
    op.create_index("ix_document_number", "document", ["register", "year", "seq", *tail])
    op.drop_index("ix_document_reg_date", table_name="document")
    op.create_index("ix_document_reg_date", "document", ["register", "reg_date", "seq", *tail])


def _sqlite_document_extras() -> None:
    """What a rebuilt SQLite `document` table loses (as in 0005): the full-text triggers, the
    partial indexes' WHERE clauses; the full-text index is rebuilt from the rows."""
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
