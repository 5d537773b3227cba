"""The start-up read: the book list and the last open book straight from the SQLite file.

It lets the window paint the clerk's book before SQLAlchemy is imported (a fifth of a second
on an old PC). It reads only, only a database already at this program's schema, and gives
up (returns None) on anything unusual: the normal path then opens the database as always.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from bluebook_desktop.db import sqlite
from bluebook_desktop.db.revisions import HEAD
from bluebook_desktop.db.rows import BookSummary, list_books, read_book
from bluebook_desktop.domain import Book

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartRead:
    books: list[BookSummary]
    book: Book | None  # the last open book, when it still exists
    revision: int | None  # its revision, for the repository's conflict check


def read_for_start(database: Path, book_id: int | None) -> StartRead | None:
    try:
        with closing(sqlite.connect_file(database)) as connection:
            connection.row_factory = sqlite3.Row
            return _read(connection, book_id)
    except (sqlite3.Error, OSError, ValueError, KeyError) as exc:
        log.info("quick start-up read not used: %s", exc)
        return None


def _read(connection: sqlite3.Connection, book_id: int | None) -> StartRead | None:
    connection.execute("BEGIN")  # one snapshot for all the queries below
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != HEAD:
            return None  # new, older or newer: the normal path prepares or refuses it
        books = list_books(connection.execute)
        read = read_book(connection.execute, book_id) if book_id is not None else None
        if read is None:
            return StartRead(books, None, None)
        return StartRead(books, *read)
    finally:
        connection.execute("ROLLBACK")
