"""The collecting office's list of units expected to submit, kept per year.

One new table, so the books already there are untouched, and the upgrade is the same plain
DDL on SQLite and PostgreSQL. A name is kept as the office typed it, in the list's order.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "expected_unit",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(500), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("expected_unit")
