"""What the window shows, without the window: the open store, the settings, the book list
and the open book's session.

The main window is a view of a workspace: it builds the widgets and follows the signals.
Whole-book actions (new, import, delete, backup, restore) work on the workspace too, so a
new one needs no change to the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from bluebook_desktop.domain import Book
from bluebook_desktop.errors import UserError
from bluebook_desktop.paths import Paths
from bluebook_desktop.ui.book_list import BookListModel
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository
    from bluebook_desktop.db.store import BookSummary, Store
    from bluebook_desktop.domain.year import Supporting

log = logging.getLogger(__name__)


class Completions:
    """Names used before, for the editors' completers: asked for when an editor needs them."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository

    def task_names(self) -> list[str]:
        return self.repository.task_names()

    def leader_names(self) -> list[str]:
        return self.repository.leader_names()


class Workspace(QObject):
    # A book was opened: its session (the view shows its pages).
    bookOpened = Signal(object)  # noqa: N815 - Qt signal naming
    # The open book's session is about to be closed (the view removes its pages).
    bookClosing = Signal(object)  # noqa: N815
    # The open book was closed and none is open now.
    bookClosed = Signal()  # noqa: N815
    # The book list was read again.
    booksChanged = Signal()  # noqa: N815
    # Something done, or a store that failed, for the status bar: the text and how long
    # it is shown (ms; 0 until the next message).
    message = Signal(str, int)
    # A book could not be opened: the title and the UserError, for a message box.
    failed = Signal(str, object)
    # Another window stored or deleted the open book: the plain-words message.
    conflicted = Signal(str)
    # A file given from outside (the command line, a second start) to import and open.
    importRequested = Signal(object)  # noqa: N815

    def __init__(
        self, store: Store, settings: Settings, paths: Paths, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.paths = paths
        self.completions = Completions(store.repository)
        self.book_list = BookListModel(self)
        self.session: BookSession | None = None
        # Called before every store: puts what the view has being typed into the book.
        self.commit_typing: Callable[[], None] = lambda: None

    @property
    def repository(self) -> Repository:
        return self.store.repository

    @property
    def book(self) -> Book | None:
        """The open book, or None."""
        return self.session.book if self.session else None

    # --- the book list ---

    def reload(self) -> None:
        """Read the book list again."""
        self.book_list.set_books(self.repository.list_books())
        self.booksChanged.emit()

    def books_like(self, book: Book) -> list[BookSummary]:
        """The stored books of the same year and unit as `book`."""
        return [
            summary
            for summary in self.repository.list_books()
            if summary.year == book.cover.year
            and summary.unit_name.strip() == book.cover.unit_name.strip()
        ]

    # --- opening and closing ---

    def open_last(self) -> None:
        """Open the book open when the program last ended, if it is still there."""
        last = self.settings.last_book_id()
        if last is not None and self.book_list.row_of(last) >= 0:
            self.open(last)

    def open(self, book_id: int) -> bool:
        """Open a book; what the open book had is stored first."""
        if not self.store_now():
            return False
        try:
            book = self.repository.load(book_id)
        except UserError as exc:
            self.failed.emit(self.tr("无法打开"), exc)
            self.reload()
            return False
        self._close_session()
        session = BookSession(self.repository, book, self)
        session.storedChanged.connect(self._stored)
        session.storeFailed.connect(self._store_failed)
        session.conflicted.connect(self.conflicted)
        self.session = session
        self.settings.set_last_book_id(book.id)
        self.bookOpened.emit(session)
        return True

    def close(self) -> None:
        """Close the open book (nothing is open afterwards, nor at the next start)."""
        self._close_session()
        self.settings.set_last_book_id(None)

    def _close_session(self) -> None:
        session = self.session
        if session is not None:
            self.bookClosing.emit(session)
            session.finish()
            session.deleteLater()
            self.session = None
        self.bookClosed.emit()

    def finish(self) -> None:
        """The program ends: no timer of the open book may touch the store later."""
        if self.session is not None:
            self.session.finish()

    def store_now(self) -> bool:
        """Store the open book at once, with what is being typed; True when all is stored."""
        self.commit_typing()
        session = self.session
        if session is None or session.store_now():
            return True
        # A conflict kept this window's version in a file and reloaded the book: nothing
        # unsaved is left open then.
        return self.session is not session

    def _stored(self, stored: bool) -> None:
        if stored and self.book is not None and self.book.id is not None:
            from bluebook_desktop.ui.recovery import RECOVERED, drop_pending

            drop_pending(self.book.id, self.paths.data_dir / RECOVERED)
        if stored:
            # The cover's year, unit or title may have changed: the list shows them.
            book = self.book
            summary = self.book_list.book_at(self.book_list.row_of(book.id if book else None))
            if (
                book
                and summary
                and (summary.year, summary.unit_name, summary.title)
                != (book.cover.year, book.cover.unit_name, book.cover.title)
            ):
                self.reload()
            elif book and book.id is not None:
                now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
                self.book_list.set_modified(book.id, now)

    def _store_failed(self, message: str) -> None:
        from bluebook_desktop.ui.recovery import RECOVERED, keep_pending

        book = self.book
        kept = None
        if book is not None and book.id is not None:
            try:
                kept = keep_pending(book, self.paths.data_dir / RECOVERED)
            except UserError as exc:
                log.warning("unsaved edits not kept in a file: %s", exc)
        if kept is None:
            self.message.emit(
                self.tr("保存失败：%1。修改仍在窗口中，程序会自动重试。").replace("%1", message), 0
            )
            return
        self.message.emit(
            self.tr(
                "保存失败：%1。修改仍在窗口中，也已另存在 %2；程序会自动重试，保存后删除该文件。"
            )
            .replace("%1", message)
            .replace("%2", str(kept)),
            0,
        )

    # --- adding and deleting ---

    def add(
        self, book: Book, files: Iterable[Supporting] = (), replacing: int | None = None
    ) -> Book:
        """Store a new book (with a package's files; in place of the book `replacing`, in
        one transaction) and list it; raises UserError when it cannot be stored, and then
        nothing changed."""
        if self.session is not None and replacing in (self.session.book.id,):
            self.close()
        stored = self.repository.add(book, files, replacing=replacing)
        self.reload()
        return stored

    def delete(self, book_id: int) -> None:
        """Delete a book (closed first when it is the open one); `reload` lists the rest."""
        if self.session is not None and self.session.book.id == book_id:
            self.close()
        self.repository.delete(book_id)

    def import_file(self, file: Path) -> None:
        """Ask for a file from outside to be imported and opened (the view reads it)."""
        self.importRequested.emit(file)
