"""The SQLite-only parts of storage, in one place."""

from __future__ import annotations

import sqlite3
from typing import Any

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
