"""Creating and upgrading the schema with the Alembic migrations shipped in the package.

The version is read with one query first; Alembic (slow to import) is loaded only when the
database is new or older than this program. A database written by a newer program is
refused rather than opened, so an old program never damages a newer clerk's data.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from bluebook_desktop.db.revisions import HEAD, REVISIONS
from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.errors import UserError

__all__ = ["HEAD", "MIGRATIONS", "REVISIONS", "NewerDatabase", "prepare", "upgrade"]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class NewerDatabase(UserError):
    pass


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise UserError(
            MISMATCH,
            problem="记录了 {count} 个数据库版本（{versions}）".format(
                count=len(rows), versions="、".join(map(str, rows[:3]))
            ),
        )
    return rows[0] if rows else None


MISMATCH = QT_TRANSLATE_NOOP(
    "messages",
    "这个数据库的结构与本程序不符（{problem}），无法打开。文件可能被其他程序改动过，请从备份恢复。",
)


def check_schema(connection: Connection) -> None:
    """Every table and column of this program's models is there, as at the newest revision.

    A table dropped or a column missing would otherwise fail later, in the middle of an
    edit; four PRAGMA table_info queries find it at once.
    """
    from bluebook_desktop.db.models import Base

    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            raise UserError(MISMATCH, problem=f"缺少数据表 {table.name}")
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        missing = [c.name for c in table.columns if c.name not in columns]
        if missing:
            raise UserError(MISMATCH, problem=f"数据表 {table.name} 缺少 {'、'.join(missing)} 列")


def prepare(engine: Engine, before_upgrade: Callable[[], None] | None = None) -> None:
    """Bring the database to this program's schema, or refuse it.

    `before_upgrade` runs before an existing database is migrated (the backup). On a server
    the whole of it, from reading the version to the upgrade's commit, runs under the
    database's advisory lock: a second program started at the same time waits, then reads
    the version the first one left and has nothing to do. (SQLite files have their lock
    file instead, taken by the caller: bluebook_desktop.db.lock.)
    """
    if engine.dialect.name == "postgresql":
        with server_lock(engine):
            _prepare(engine, before_upgrade)
    else:
        _prepare(engine, before_upgrade)


# One number for "this program's schema" in a database: every copy of the program takes the
# same advisory lock ("bluebook" in ASCII). Advisory locks are per database, so programs
# using other databases of the same server never wait for each other.
ADVISORY_LOCK_KEY = 0x626C7565626F6F6B
LOCK_WAIT_SECONDS = 60.0


@contextmanager
def server_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's advisory lock (a session lock, on a connection of its own) for
    the block; waits up to LOCK_WAIT_SECONDS for it.

    The lock is taken before any of the block's transactions begin, so they see everything
    the previous holder committed, whatever the isolation level. It is released when the
    block ends, or by the server when the connection is lost (a program killed mid-upgrade:
    its transaction is rolled back and the next program starts afresh).
    """
    with engine.connect() as connection:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            taken = connection.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
            ).scalar()
            connection.commit()  # the lock stays, the connection is not idle in a transaction
            if taken:
                break
            if time.monotonic() > deadline:
                raise UserError(
                    "无法打开数据库 {path}：{reason}。",
                    path=engine.url.render_as_string(hide_password=True),
                    reason="另一个程序正在创建或升级它，等待超时",
                )
            time.sleep(0.05)
        try:
            yield
        finally:
            try:
                connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY}
                )
                connection.commit()
            except DBAPIError:
                # The connection is lost or broken: closing it releases the lock as surely,
                # and it must not go back to the pool still holding it.
                connection.invalidate()


def _prepare(engine: Engine, before_upgrade: Callable[[], None] | None) -> None:
    with engine.connect() as connection:
        revision = current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if revision is not None and revision not in REVISIONS:
        raise NewerDatabase(
            "这个数据库由更新版本的程序创建（数据库版本 {revision}），"
            "当前程序无法打开。请安装最新版本后再打开。",
            revision=revision,
        )
    if revision is None and has_tables:
        raise UserError("这个文件不是本程序的数据库，无法打开。")
    if revision is not None and revision != HEAD and before_upgrade is not None:
        before_upgrade()
    if engine.dialect.name == "sqlite":
        from bluebook_desktop.db import sqlite

        sqlite.use_wal(engine)
    if revision != HEAD:
        upgrade(engine)
    with engine.connect() as connection:
        check_schema(connection)


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        on_sqlite = connection.dialect.name == "sqlite"
        if on_sqlite:
            # SQLite alters a table by copying it and dropping the old one; with foreign keys
            # on, dropping the book table would delete every task of every book. So they are
            # off while migrating (the pragma only takes effect outside a transaction) and
            # checked before the upgrade commits.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            with connection.begin():
                if on_sqlite:
                    # The driver begins a transaction only before a row is written: the
                    # tables' copies would be made outside it. One upgrade, one transaction,
                    # IMMEDIATE: the write lock is taken at the start, where SQLite's busy
                    # timeout waits for another program's write; a deferred transaction that
                    # has read cannot wait for it later and fails with "database is locked".
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                if on_sqlite:
                    _check_foreign_keys(connection)
        finally:
            if on_sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise UserError(MISMATCH, problem=f"数据表 {broken[0]} 有无主的行")
