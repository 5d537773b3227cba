"""The year after the signature: quarterly progress, year-end reviews, supporting files,
定稿, adjustments and the self-review.

Only new tables and two new book columns with defaults, so the books already there read as
books with no year data, and the upgrade is the same plain DDL on SQLite and PostgreSQL.

A supporting file's record (name, hash, size, type) is kept apart from its bytes: a book
read from a .bluebook.json carries the records alone, and keeps them though the bytes are
not here; the bytes (evidence_file) are kept once per content, however many books name them.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("book") as book:
        book.add_column(sa.Column("uid", sa.String(32), nullable=False, server_default=""))
        book.add_column(sa.Column("finalized_on", sa.String(10), nullable=False, server_default=""))
    op.create_index("ix_book_uid", "book", ["uid"])
    op.create_table(
        "progress",
        sa.Column(
            "task_id",
            sa.String(32),
            sa.ForeignKey("task.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("quarter", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("done", sa.Text, nullable=False),
        sa.Column("value", sa.String(500), nullable=False),
        sa.Column("problems", sa.Text, nullable=False),
        sa.Column("next_steps", sa.Text, nullable=False),
        sa.Column("reported_on", sa.String(10), nullable=False),
    )
    op.create_table(
        "review",
        sa.Column(
            "task_id",
            sa.String(32),
            sa.ForeignKey("task.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("result", sa.String(10), nullable=False),
        sa.Column("done", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=True),
    )
    op.create_table(
        "adjustment",
        sa.Column(
            "book_id", sa.Integer, sa.ForeignKey("book.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("on", sa.String(10), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("why", sa.Text, nullable=False),
    )
    op.create_table(
        "self_review",
        sa.Column(
            "book_id", sa.Integer, sa.ForeignKey("book.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("reviewed_on", sa.String(10), nullable=False),
        sa.Column("score", sa.Float, nullable=True),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "book_id",
            sa.Integer,
            sa.ForeignKey("book.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        # progress (with its quarter), review (quarter 0), signed_copy (no task, quarter 0)
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column(
            "task_id", sa.String(32), sa.ForeignKey("task.id", ondelete="CASCADE"), nullable=True
        ),
        sa.Column("quarter", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(500), nullable=False),
        sa.Column("added_on", sa.String(10), nullable=False),
    )
    op.create_table(
        "evidence_file",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(500), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("stored_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("evidence_file", "evidence", "self_review", "adjustment", "review", "progress"):
        op.drop_table(table)
    op.drop_index("ix_book_uid", "book")
    with op.batch_alter_table("book") as book:
        book.drop_column("finalized_on")
        book.drop_column("uid")
