"""The schema revisions this program knows, oldest first; the last is the newest schema.

Kept apart from `db.schema` so the start-up checks can compare a file's revision without
importing SQLAlchemy. tests/test_migrations.py checks it against the migration scripts.
"""

REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD = REVISIONS[-1]
