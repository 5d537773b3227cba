"""Who may see which unit's books on a server: unit_access, and the row policies that use it.

On PostgreSQL each table gets a policy: a book is seen and written by a member of the role
bluebook_office (the collecting office) or by the role unit_access names for the book's unit;
a task, step, report or file row by whoever sees its book. The policies do nothing until row
security is switched on (`bluebook-cli access on`, db.postgres.set_row_security): an office
without separate roles goes on as before. SQLite has no roles: there the table alone is made,
so both databases have the same tables.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OFFICE_ROLE = "bluebook_office"
# Tables whose rows belong to a book through book_id, and through task_id.
BY_BOOK = ("task", "adjustment", "self_review", "evidence")
BY_TASK = ("schedule_entry", "leader", "task_field", "progress", "review")

SEES = f"""
CREATE FUNCTION bluebook_sees(unit text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
           SELECT 1 FROM pg_roles r
           WHERE r.rolname = '{OFFICE_ROLE}' AND pg_has_role(current_user, r.oid, 'MEMBER'))
      OR EXISTS (
           SELECT 1 FROM unit_access a
           WHERE a.role_name = current_user AND a.unit_name = unit)
$$
"""


def upgrade() -> None:
    op.create_table(
        "unit_access",
        sa.Column("role_name", sa.String(100), primary_key=True),
        sa.Column("unit_name", sa.String(500), nullable=False),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(SEES)
    op.execute(
        "CREATE POLICY unit_books ON book"
        " USING (bluebook_sees(unit_name)) WITH CHECK (bluebook_sees(unit_name))"
    )
    for table in BY_BOOK:
        seen = f"EXISTS (SELECT 1 FROM book b WHERE b.id = {table}.book_id)"
        op.execute(f"CREATE POLICY unit_books ON {table} USING ({seen}) WITH CHECK ({seen})")
    for table in BY_TASK:
        seen = f"EXISTS (SELECT 1 FROM task t WHERE t.id = {table}.task_id)"
        op.execute(f"CREATE POLICY unit_books ON {table} USING ({seen}) WITH CHECK ({seen})")
    # A file's bytes are seen by whoever sees a book naming them; anyone may add bytes (the
    # edit naming them follows), and the same bytes twice are one row (see the repository).
    named = "EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = evidence_file.sha256)"
    op.execute(f"CREATE POLICY unit_files_read ON evidence_file FOR SELECT USING ({named})")
    op.execute(f"CREATE POLICY unit_files_drop ON evidence_file FOR DELETE USING ({named})")
    op.execute("CREATE POLICY unit_files_add ON evidence_file FOR INSERT WITH CHECK (true)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("book", *BY_BOOK, *BY_TASK):
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
            op.execute(f"DROP POLICY IF EXISTS unit_books ON {table}")
        op.execute("ALTER TABLE evidence_file DISABLE ROW LEVEL SECURITY")
        for policy in ("unit_files_read", "unit_files_drop", "unit_files_add"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON evidence_file")
        op.execute("DROP FUNCTION IF EXISTS bluebook_sees(text)")
    op.drop_table("unit_access")
