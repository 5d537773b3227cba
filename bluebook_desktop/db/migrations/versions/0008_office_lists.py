"""The office's own tables on a server: read by every role, written by the office alone.

Which role belongs to which unit (unit_access) and which units are expected to submit
(expected_unit) are the office's to say. With row security on, a unit's role could
otherwise give itself another unit's books by writing a row of unit_access. Here each table
gets policies: everyone reads (bluebook_sees reads unit_access as the role asking), members
of bluebook_office and the tables' owner write. A server whose row security is on already
gets it on these two tables as well; `access on|off` switches them with the others. SQLite
has no roles: nothing changes there.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OFFICE_ROLE = "bluebook_office"
TABLES = ("unit_access", "expected_unit")

IS_OFFICE = f"""
CREATE FUNCTION bluebook_is_office() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
           SELECT 1 FROM pg_roles r
           WHERE r.rolname = '{OFFICE_ROLE}' AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(IS_OFFICE)
    for table in TABLES:
        op.execute(f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (true)")
        op.execute(
            f"CREATE POLICY office_adds ON {table} FOR INSERT WITH CHECK (bluebook_is_office())"
        )
        op.execute(
            f"CREATE POLICY office_changes ON {table} FOR UPDATE"
            " USING (bluebook_is_office()) WITH CHECK (bluebook_is_office())"
        )
        op.execute(f"CREATE POLICY office_drops ON {table} FOR DELETE USING (bluebook_is_office())")
    on = bind.exec_driver_sql(
        "SELECT relrowsecurity FROM pg_class WHERE relname = 'book'"
        " AND relnamespace = current_schema()::regnamespace"
    ).scalar()
    if on:
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for policy in ("everyone_reads", "office_adds", "office_changes", "office_drops"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS bluebook_is_office()")
