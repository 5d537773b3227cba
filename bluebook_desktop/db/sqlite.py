"""The SQLite-only parts of storage, in one place."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine


def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Settings every connection needs.

    synchronous=FULL makes a commit durable before the window reports it stored (power
    loss included); foreign keys make deleting a book delete its tasks. WAL is set by
    `use_wal` once the file is known to be ours: it rewrites the file's header.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def use_wal(engine: Engine) -> None:
    """WAL lets the window read while a save is written.

    The mode is stored in the file, so every later connection has it. It is switched on only
    after the schema check has accepted the file: a refused file (another program's database,
    one from a newer version) is left byte for byte as it was.
    """
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode = WAL")


# --- whole files: the online backup and the integrity check ---


def connect_file(path: Path, create: bool = False, timeout: float = 5) -> sqlite3.Connection:
    """A plain sqlite3 connection to a file; refuses to create one unless asked.

    sqlite3.connect() would silently make an empty database from a missing path.
    """
    # Not a file: URI, which cannot name a UNC path (a backup may go to a network share).
    if not create and not Path(path).is_file():
        raise sqlite3.OperationalError("unable to open database file")
    return sqlite3.connect(str(path), timeout=timeout, isolation_level=None)


def checkpoint(path: Path) -> None:
    """Copy what the -wal holds into the database file and empty the -wal.

    On a connection of its own, closed at once: the store's pool may be closed by the time
    an idle timer asks, and a connection opened there would stay open. A short busy wait:
    this runs on the window's thread, and a checkpoint missed now is done later.
    """
    with closing(connect_file(path, timeout=0.2)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def copy_database(source: Path, target: Path) -> None:
    """Copy with SQLite's online backup, never a plain file copy.

    A live WAL database is the main file plus its -wal file: copying the file alone can
    give a torn or stale copy. The backup reads a consistent snapshot through SQLite
    (another window may be writing meanwhile). The copy is made a rollback-journal
    database, so it is one self-contained file. `target` must not be in use.
    """
    with closing(connect_file(source)) as src, closing(connect_file(target, create=True)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")


def restore_database(source: Path, target: Path) -> None:
    """Replace the content of the database `target` with `source`'s, through SQLite.

    Writing through a connection to `target` (rather than replacing the file) keeps its
    -wal/-shm files consistent with the new content.
    """
    with closing(connect_file(source)) as src, closing(connect_file(target, create=True)) as dst:
        src.backup(dst)


def quick_check(path: Path) -> str | None:
    """None when the file is an intact database, else what is wrong with it.

    Raises sqlite3.Error for problems that are not damage (locked, unreadable, no such
    file): those must never make a good database be moved aside.
    """
    try:
        with closing(connect_file(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if error_name(exc) in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return str(exc)
        raise
    if rows == [("ok",)]:
        return None
    return "; ".join(str(row[0]) for row in rows[:5])


def stored_revision(path: Path) -> str | None:
    """The schema revision a database file is at (None: not this program's database)."""
    with closing(connect_file(path)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def table_count(path: Path) -> int:
    """How many tables the file has (0 for an empty file)."""
    with closing(connect_file(path)) as connection:
        row = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
        return int(row.fetchone()[0])


def table_names(path: Path) -> set[str]:
    with closing(connect_file(path)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        return {row[0] for row in rows}


def book_count(path: Path) -> int:
    """How many books a database file holds (0 when it has no book table)."""
    with closing(connect_file(path)) as connection:
        try:
            return int(connection.execute("SELECT count(*) FROM book").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def undecodable_text(path: Path) -> str | None:
    """The first stored text that is not valid UTF-8, as "table row id", or None.

    SQLite stores whatever bytes it is given; Python refuses to read such a text, and every
    query touching that row fails. Each table is read once, texts as bytes.
    """
    with closing(connect_file(path)) as connection:
        connection.text_factory = bytes
        tables = [
            row[0].decode("utf-8", "replace")
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            quoted = _quoted(table)
            # Only the columns declared as text: a supporting file's bytes (a BLOB column)
            # are not text, and reading them all at every start would be slow besides.
            columns = [
                _quoted(row[1].decode("utf-8", "replace"))
                for row in connection.execute(f"PRAGMA table_info({quoted})")
                if _is_text_type(row[2].decode("utf-8", "replace"))
            ]
            if not columns:
                continue
            query = f"SELECT rowid, {', '.join(columns)} FROM {quoted}"  # noqa: S608
            for row in connection.execute(query):
                for value in row[1:]:
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            return f"{table} {row[0]}"
    return None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _is_text_type(declared: str) -> bool:
    """SQLite's rule for a column of text affinity (and no type at all, which takes any)."""
    upper = declared.upper()
    return not upper or any(word in upper for word in ("CHAR", "CLOB", "TEXT"))


# --- plain words for SQLite's errors ---

_MESSAGES = (
    ("database or disk is full", "SQLITE_FULL"),
    ("attempt to write a readonly database", "SQLITE_READONLY"),
    ("unable to open database file", "SQLITE_CANTOPEN"),
    ("disk i/o error", "SQLITE_IOERR"),
    ("database is locked", "SQLITE_BUSY"),
    ("file is not a database", "SQLITE_NOTADB"),
    ("database disk image is malformed", "SQLITE_CORRUPT"),
    ("database table is locked", "SQLITE_LOCKED"),
)
_REASONS = {
    "SQLITE_FULL": "磁盘空间不足",
    "SQLITE_READONLY": "文件或文件夹是只读的，没有写入权限",
    "SQLITE_CANTOPEN": "无法打开或创建文件，可能没有写入权限",
    "SQLITE_PERM": "没有写入权限",
    "SQLITE_IOERR": "读写磁盘时出错",
    "SQLITE_BUSY": "数据库正被另一个程序占用",
    "SQLITE_LOCKED": "数据库正被另一个程序占用",
    "SQLITE_CORRUPT": "数据库文件已损坏",
    "SQLITE_NOTADB": "文件不是数据库，或已损坏",
    "SQLITE_TOOBIG": "内容过大",
    "SQLITE_NOMEM": "内存不足",
    "SQLITE_PROTOCOL": "数据库正被另一个程序占用",
    "SQLITE_NOLFS": "磁盘不支持大文件",
    "SQLITE_AUTH": "没有权限",
}


def error_name(exc: BaseException) -> str:
    """SQLite's primary result code name (SQLITE_FULL …) of an error, or ""."""
    orig = getattr(exc, "orig", None)  # a SQLAlchemy error wraps the sqlite3 one
    if isinstance(orig, BaseException):
        exc = orig
    name = getattr(exc, "sqlite_errorname", None)  # Python 3.11+
    if isinstance(name, str):
        # Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) share the primary's fix.
        primary = [p for p in _REASONS if name == p or name.startswith(p + "_")]
        for known in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            if name == known or name.startswith(known + "_"):
                return known
        return primary[0] if primary else name
    text = str(exc).lower()
    return next((code for message, code in _MESSAGES if message in text), "")


def reason(exc: BaseException) -> str | None:
    """What a storage error means for the user (磁盘空间不足 …), or None if unknown."""
    return _REASONS.get(error_name(exc))
