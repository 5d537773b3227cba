"""The first schema: books, their tasks, schedule entries and leaders.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "book",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False, index=True),
        *(
            sa.Column(name, sa.String(500), nullable=False)
            for name in (
                "serial",
                "attachment",
                "title",
                "edition",
                "unit_name",
                "filler_name",
                "filler_position",
                "phone",
            )
        ),
        sa.Column("filled_on", sa.String(10), nullable=False),
        sa.Column("issuer", sa.String(500), nullable=False),
        sa.Column("issued_on", sa.String(7), nullable=False),
        sa.Column("key_tasks_title", sa.String(500), nullable=False),
        sa.Column("key_tasks_note", sa.Text, nullable=False),
        sa.Column("functional_tasks_title", sa.String(500), nullable=False),
        sa.Column("functional_tasks_note", sa.Text, nullable=False),
        sa.Column("head_opinion", sa.Text, nullable=False),
        sa.Column("no_key_tasks", sa.Boolean, nullable=False),
    )
    op.create_table(
        "task",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "book_id", sa.Integer, sa.ForeignKey("book.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("section", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("task", sa.String(500), nullable=False),
        sa.Column("objective", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("role", sa.String(10), nullable=True),
    )
    op.create_index("ix_task_book_id", "task", ["book_id"])
    op.create_table(
        "schedule_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "task_id", sa.String(32), sa.ForeignKey("task.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("quarters", sa.String(7), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_schedule_entry_task_id", "schedule_entry", ["task_id"])
    op.create_table(
        "leader",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "task_id", sa.String(32), sa.ForeignKey("task.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
    )
    op.create_index("ix_leader_task_id", "leader", ["task_id"])
    op.create_index("ix_leader_name", "leader", ["name"])


def downgrade() -> None:
    op.drop_table("leader")
    op.drop_table("schedule_entry")
    op.drop_table("task")
    op.drop_table("book")
