"""appeals and information requests: their detail tables, authors, topics and the classifier

Revision ID: 0012
Revises: 0011

Generated from the models, then read by hand. An appeal's classification, forwarding and
result live in `appeal_detail`, its authors (personal data kept nowhere else) in
`appeal_applicant`, its topics in `appeal_topic`; an information request's fields in
`info_request_detail`; the classifier of ПКМУ № 858 and the requests' lists in
`classifier_item`, each item with the days it is in effect (the program writes the shipped
defaults the first time a list is read).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
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


def _sort_key() -> sa.types.TypeEngine:
    return sa.String(length=80).with_variant(sa.String(length=80, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "classifier_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_code", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("privileged", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classifier_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_classifier_item_uuid")),
    )
    op.create_index(
        "ix_classifier_item_list", "classifier_item", ["list_code", "position"], unique=False
    )
    op.create_index(op.f("ix_classifier_item_usn"), "classifier_item", ["usn"], unique=False)
    op.create_table(
        "appeal_applicant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("surname", sa.String(length=100), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("patronymic", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=150), nullable=False),
        sa.Column("category", sa.String(length=150), nullable=False),
        sa.Column("social_status", sa.String(length=150), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_appeal_applicant_document_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal_applicant")),
        sa.UniqueConstraint(
            "document_id", "position", name=op.f("uq_appeal_applicant_document_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_appeal_applicant_uuid")),
    )
    op.create_index(
        op.f("ix_appeal_applicant_document_id"), "appeal_applicant", ["document_id"], unique=False
    )
    op.create_index(
        op.f("ix_appeal_applicant_name_key"), "appeal_applicant", ["name_key"], unique=False
    )
    op.create_index(op.f("ix_appeal_applicant_usn"), "appeal_applicant", ["usn"], unique=False)
    op.create_table(
        "appeal_detail",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("received_way", sa.String(length=100), nullable=False),
        sa.Column("sign", sa.String(length=100), nullable=False),
        sa.Column("appeal_type", sa.String(length=100), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("form", sa.String(length=100), nullable=False),
        sa.Column("applicants_text", sa.String(length=300), nullable=False),
        sa.Column("author_name", sa.String(length=300), nullable=False),
        sa.Column("author_sort", _sort_key(), nullable=False),
        sa.Column("privileged", sa.Boolean(), nullable=False),
        sa.Column("topics_text", sa.String(length=300), nullable=False),
        sa.Column("received_by_id", sa.Integer(), nullable=True),
        sa.Column("received_by_name", sa.String(length=150), nullable=False),
        sa.Column("earlier_found", sa.String(length=300), nullable=False),
        sa.Column("earlier_numbers", sa.String(length=300), nullable=False),
        sa.Column("decision", sa.String(length=200), nullable=False),
        sa.Column("forwarded_to", sa.String(length=300), nullable=False),
        sa.Column("forwarded_date", sa.Date(), nullable=True),
        sa.Column("forward_numbers", sa.String(length=300), nullable=False),
        sa.Column("forward_late", sa.Boolean(), nullable=False),
        sa.Column("result", sa.String(length=100), nullable=False),
        sa.Column("result_date", sa.Date(), nullable=True),
        sa.Column("answer_numbers", sa.String(length=300), nullable=False),
        sa.Column("term_rule", sa.String(length=100), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_appeal_detail_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["received_by_id"], ["staff.id"], name=op.f("fk_appeal_detail_received_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_appeal_detail")),
        sa.UniqueConstraint("uuid", name=op.f("uq_appeal_detail_uuid")),
    )
    op.create_index(
        "ix_appeal_detail_author", "appeal_detail", ["author_sort", "document_id"], unique=False
    )
    op.create_index(
        "ix_appeal_detail_privileged", "appeal_detail", ["privileged", "document_id"], unique=False
    )
    op.create_index(op.f("ix_appeal_detail_usn"), "appeal_detail", ["usn"], unique=False)
    op.create_table(
        "appeal_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_appeal_topic_document_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal_topic")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_appeal_topic_document_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_appeal_topic_uuid")),
    )
    op.create_index(
        op.f("ix_appeal_topic_document_id"), "appeal_topic", ["document_id"], unique=False
    )
    op.create_index(op.f("ix_appeal_topic_topic"), "appeal_topic", ["topic"], unique=False)
    op.create_index(op.f("ix_appeal_topic_usn"), "appeal_topic", ["usn"], unique=False)
    op.create_table(
        "info_request_detail",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("requester", sa.String(length=300), nullable=False),
        sa.Column("requester_sort", _sort_key(), nullable=False),
        sa.Column("requester_kind", sa.String(length=100), nullable=False),
        sa.Column("requester_address", sa.String(length=300), nullable=False),
        sa.Column("requester_email", sa.String(length=150), nullable=False),
        sa.Column("requester_phone", sa.String(length=50), nullable=False),
        sa.Column("received_way", sa.String(length=100), nullable=False),
        sa.Column("answer_form", sa.String(length=100), nullable=False),
        sa.Column("notice_date", sa.Date(), nullable=True),
        sa.Column("notice_state", sa.String(length=200), nullable=False),
        sa.Column("notice_late", sa.Boolean(), nullable=False),
        sa.Column("forwarded_to", sa.String(length=300), nullable=False),
        sa.Column("result", sa.String(length=200), nullable=False),
        sa.Column("result_date", sa.Date(), nullable=True),
        sa.Column("answer_numbers", sa.String(length=300), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("free_copies", sa.Boolean(), nullable=False),
        sa.Column("copy_cost", sa.String(length=30), nullable=False),
        sa.Column("term_rule", sa.String(length=100), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_info_request_detail_document_id_document"),
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_info_request_detail")),
        sa.UniqueConstraint("uuid", name=op.f("uq_info_request_detail_uuid")),
    )
    op.create_index(
        "ix_info_request_detail_requester",
        "info_request_detail",
        ["requester_sort", "document_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_info_request_detail_usn"), "info_request_detail", ["usn"], unique=False
    )


def downgrade() -> None:
    raise NotImplementedError("Діловод не повертає базу до старішої версії: відновіть копію")
