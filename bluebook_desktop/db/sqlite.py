"""The SQLite-only parts of storage, in one place."""

from __future__ import annotations

import sqlite3
from typing import Any


def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Settings every connection needs.

    WAL lets the window read while a save is written; synchronous=FULL makes a commit
    durable before the window reports it stored (power loss included); foreign keys
    make deleting a book delete its tasks.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()
