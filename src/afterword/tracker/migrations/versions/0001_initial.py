"""The first schema: companies, contacts, applications, rejections, messages, feedback, openings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_companies"),
        sa.UniqueConstraint("owner", "name_key", name="uq_companies_owner"),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("email_key", sa.String(320), nullable=True),
        sa.Column("linkedin", sa.String(500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_contacts_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_contacts"),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(300), nullable=False),
        sa.Column("role_key", sa.String(300), nullable=False),
        sa.Column("requisition", sa.String(100), nullable=True),
        sa.Column("requisition_key", sa.String(100), nullable=True),
        sa.Column("url", sa.String(2000), nullable=True),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_applications_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
    )
    op.create_table(
        "application_contacts",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_application_contacts_application_id_applications",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name="fk_application_contacts_contact_id_contacts"
        ),
        sa.PrimaryKeyConstraint(
            "application_id", "contact_id", "role", name="pk_application_contacts"
        ),
    )
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("feedback", sa.String(40), nullable=False),
        sa.Column("future", sa.String(40), nullable=False),
        sa.Column("suggested_strategy", sa.String(40), nullable=False),
        sa.Column("reply_advised", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(998), nullable=True),
        sa.Column("original", sa.LargeBinary(), nullable=True),
        sa.Column("original_kind", sa.String(10), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_rejections_application_id_applications",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name="fk_rejections_contact_id_contacts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rejection_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("strategy", sa.String(40), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rejection_id"], ["rejections.id"], name="fk_messages_rejection_id_rejections"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rejection_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rejection_id"], ["rejections.id"], name="fk_feedback_rejection_id_rejections"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
    )
    op.create_table(
        "feedback_themes",
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["feedback_id"], ["feedback.id"], name="fk_feedback_themes_feedback_id_feedback"
        ),
        sa.PrimaryKeyConstraint("feedback_id", "theme", name="pk_feedback_themes"),
    )
    op.create_table(
        "openings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(300), nullable=False),
        sa.Column("seen_on", sa.Date(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_openings_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_openings"),
    )


def downgrade() -> None:
    for table in (
        "openings",
        "feedback_themes",
        "feedback",
        "messages",
        "rejections",
        "application_contacts",
        "applications",
        "contacts",
        "companies",
    ):
        op.drop_table(table)
