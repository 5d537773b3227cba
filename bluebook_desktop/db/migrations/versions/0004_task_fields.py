"""The text of a form's columns beyond a task's own fields (分值 …), one row per task and column.

A task keeps such text in Task.extra under the column's name; a column without text has no
row. The books already there have none.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE TABLE on both SQLite and PostgreSQL: no column of an existing table changes.
    op.create_table(
        "task_field",
        sa.Column(
            "task_id",
            sa.String(32),
            sa.ForeignKey("task.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("task_field")
