"""Schedule steps with a stable id, a 64-bit book revision, and when each book was stored.

A step's id is its ScheduleEntry.id (uuid4 hex): what a later stage attaches to a step stays
with it through edits and moves. Every step already stored gets a fresh one; its task and
position stay as they were. `modified_at` is "" for the books already there until their
next store.

Revision ID: 0003
Revises: 0002
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_steps = sa.table(
    "schedule_entry",
    sa.column("id", sa.String),
    sa.column("task_id", sa.String),
    sa.column("position", sa.Integer),
)
# The sequence PostgreSQL made for the integer step ids of 0001 (a SERIAL column).
_SEQUENCE = "schedule_entry_id_seq"


def upgrade() -> None:
    # The integer ids become text ("1", "2" …), then each is replaced by a uuid.
    if op.get_bind().dialect.name == "postgresql":
        # There the integer key was a SERIAL: its default draws from a sequence, which a
        # text id must not keep (nor the sequence, owned by the column). A column changes
        # type in place, and integer to text needs the cast spelled out. (Batch mode's
        # `autoincrement` means something to MySQL only: PostgreSQL warns about it.)
        op.alter_column("schedule_entry", "id", server_default=None)
        op.alter_column(
            "schedule_entry",
            "id",
            existing_type=sa.Integer,
            type_=sa.String(32),
            existing_nullable=False,
            postgresql_using="id::varchar(32)",
        )
        op.execute(f"DROP SEQUENCE IF EXISTS {_SEQUENCE}")
    else:
        with op.batch_alter_table("schedule_entry") as batch:
            batch.alter_column(
                "id", existing_type=sa.Integer, type_=sa.String(32), autoincrement=False
            )
    _renumber({old: uuid.uuid4().hex for old in _step_ids()})
    with op.batch_alter_table("book") as batch:
        batch.alter_column(
            "revision",
            existing_type=sa.Integer,
            type_=sa.BigInteger,
            existing_nullable=False,
            existing_server_default="0",
        )
        batch.add_column(sa.Column("modified_at", sa.String(32), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("book") as batch:
        batch.drop_column("modified_at")
        batch.alter_column(
            "revision",
            existing_type=sa.BigInteger,
            type_=sa.Integer,
            existing_nullable=False,
            existing_server_default="0",
        )
    # Integer ids again, numbered in the order the steps are shown.
    _renumber({old: str(n) for n, old in enumerate(_step_ids(), start=1)})
    if op.get_bind().dialect.name == "postgresql":
        # Back to a SERIAL as 0001 made it: the integer column, its sequence owned by it and
        # starting after the highest id, and the default that draws from it.
        op.alter_column(
            "schedule_entry",
            "id",
            existing_type=sa.String(32),
            type_=sa.Integer,
            existing_nullable=False,
            postgresql_using="id::integer",
        )
        op.execute(f"CREATE SEQUENCE {_SEQUENCE} AS integer OWNED BY schedule_entry.id")
        op.execute(
            f"SELECT setval('{_SEQUENCE}', COALESCE(MAX(id), 0) + 1, false) FROM schedule_entry"
        )
        op.alter_column(
            "schedule_entry", "id", server_default=sa.text(f"nextval('{_SEQUENCE}'::regclass)")
        )
    else:
        with op.batch_alter_table("schedule_entry") as batch:
            batch.alter_column("id", existing_type=sa.String(32), type_=sa.Integer)


def _step_ids() -> list[str]:
    query = sa.select(_steps.c.id).order_by(_steps.c.task_id, _steps.c.position)
    return list(op.get_bind().execute(query).scalars())


def _renumber(new_ids: dict[str, str]) -> None:
    if new_ids:
        op.get_bind().execute(
            sa.update(_steps)
            .where(_steps.c.id == sa.bindparam("old"))
            .values(id=sa.bindparam("new")),
            [{"old": old, "new": new} for old, new in new_ids.items()],
        )
