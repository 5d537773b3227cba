"""A repository that opens its database on first need, answering the window's first questions
(the book list, the last open book) from the start-up read meanwhile.

The window paints with the clerk's book at once; SQLAlchemy is imported and the database
opened right after that first paint (`open_now`), or earlier if anything else is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bluebook_desktop.db.quick import StartRead
from bluebook_desktop.db.rows import BookSummary
from bluebook_desktop.domain import Book

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository


class DeferredRepository:
    def __init__(self, start: StartRead, opener: Callable[[], Repository]) -> None:
        self._start: StartRead | None = start
        self._opener = opener
        self._real: Repository | None = None

    @property
    def is_open(self) -> bool:
        return self._real is not None

    def open_now(self) -> Repository:
        """Open the database (once); errors are the opener's (UserError in plain words)."""
        if self._real is None:
            real = self._opener()
            start = self._start
            if start is not None and start.book is not None and start.revision is not None:
                # Stores of the book read at start build on the revision read then, so
                # another window's store in between is still caught as a conflict.
                real.remember(start.book.id, start.revision)  # type: ignore[arg-type]
            self._real = real
            self._start = None
        return self._real

    def list_books(self) -> list[BookSummary]:
        if self._real is None and self._start is not None:
            return list(self._start.books)
        return self.open_now().list_books()

    def load(self, book_id: int) -> Book:
        start = self._start
        if self._real is None and start and start.book and start.book.id == book_id:
            return start.book
        return self.open_now().load(book_id)

    def __getattr__(self, name: str) -> Any:
        # Everything else (store, add, names for completion, the engine) needs the database.
        return getattr(self.open_now(), name)
