"""The user's profile (signature, skills, reminder intervals), and indexes for the due list.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_contacts_owner_email_key", "contacts", ["owner", "email_key"]),
    ("ix_contacts_company_id", "contacts", ["company_id"]),
    ("ix_applications_company_id_role_key", "applications", ["company_id", "role_key"]),
    (
        "ix_applications_company_id_requisition_key",
        "applications",
        ["company_id", "requisition_key"],
    ),
    ("ix_application_contacts_contact_id", "application_contacts", ["contact_id"]),
    ("ix_rejections_application_id", "rejections", ["application_id"]),
    ("ix_rejections_received_on", "rejections", ["received_on"]),
    ("ix_rejections_message_id", "rejections", ["message_id"]),
    ("ix_messages_rejection_id_kind", "messages", ["rejection_id", "kind"]),
    ("ix_feedback_rejection_id", "feedback", ["rejection_id"]),
    ("ix_openings_company_id_seen_on", "openings", ["company_id", "seen_on"]),
)


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(80), nullable=False),
        sa.Column("linkedin", sa.String(500), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("follow_up_days", sa.Integer(), nullable=False),
        sa.Column("check_in_days", sa.Integer(), nullable=False),
        sa.Column("disabled_rules", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("owner", name="pk_profiles"),
    )
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("profiles")
