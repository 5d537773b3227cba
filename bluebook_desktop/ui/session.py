"""The open book: every edit, undo and redo goes through here and is stored within 0.3 s.

Pages never write to the database. They call `edit(new_book, ...)`; the session keeps the
undo history (whole-book snapshots: cheap, since books are immutable and share untouched
tasks), tells every page what changed, and stores the difference against what the database
holds shortly after, or at once on `store_now()` (Ctrl+S, switching books, closing).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from bluebook_desktop.db.store import BookMissing, StoreConflict, failure_reason
from bluebook_desktop.domain import Book
from bluebook_desktop.ui.adjustments import PlanChanges
from bluebook_desktop.ui.idle import idle_checkpoint

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository

log = logging.getLogger(__name__)

# The longest an edit waits before it is written: typing keeps going, storing does not wait
# for a pause, so text being typed is stored even if the user never leaves the field, and a
# crash loses at most the last 300 ms (the store itself included; tests/test_kill.py).
STORE_DELAY_MS = 250
# Keystrokes in one field within this many seconds are one undo step.
MERGE_SECONDS = 2.0


class _Edit(QUndoCommand):
    def __init__(
        self, session: BookSession, before: Book, after: Book, text: str, merge: str | None
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self.merge = merge
        self.at = time.monotonic()
        self.source: object = None
        self._first = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1 if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _Edit) or other.merge != self.merge:
            return False
        if other.at - self.at > MERGE_SECONDS:
            return False
        self.after = other.after
        self.at = other.at
        return True

    def redo(self) -> None:
        # The first redo is the edit itself: the page that made it already shows it.
        source = self.source if self._first else None
        self._first = False
        self.session._apply(self.after, source)

    def undo(self) -> None:
        self.session._apply(self.before, None)


class BookSession(QObject):
    """One open book, its undo history and its storing."""

    #: The book after an edit, undo or redo, and the page that made the edit (None for
    #: undo/redo and loads): a page reloads itself unless it is the source.
    changed = Signal(object, object)
    #: True when everything shown is in the database.
    storedChanged = Signal(bool)  # noqa: N815 - Qt signal naming
    #: A store failed; the message is for the user. The edit stays in memory and is retried.
    storeFailed = Signal(str)  # noqa: N815
    #: Another window stored (or deleted) this book since it was loaded here: nothing was
    #: written and no retry follows. The window keeps `book` safe elsewhere and reloads.
    conflicted = Signal(str)
    #: An edit was not made: it changed the signed plan and the clerk gave no reason.
    #: `changed` follows with the book as it was; an editor still open lets go of it.
    planKept = Signal()  # noqa: N815

    def __init__(self, repository: Repository, book: Book, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if book.id is None:
            raise ValueError("a session needs a stored book")
        self.repository = repository
        self._book = book
        self._stored = book
        self.undo_stack = QUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(STORE_DELAY_MS)
        self._timer.timeout.connect(self.store_now)
        self._idle = idle_checkpoint(self, repository)  # the -wal into the file when idle
        # After 定稿 a change to the plan asks why and is recorded (目标调整).
        self.plan_changes = PlanChanges()
        # The last edit of the field being typed that came while the question was open.
        self._meanwhile: tuple[Book, str, str | None, object] | None = None
        self._asked_merge: str | None = None  # the field of the edit the question is about

    @property
    def book(self) -> Book:
        return self._book

    @property
    def is_stored(self) -> bool:
        return self._book is self._stored

    def edit(
        self, new_book: Book, text: str, merge: str | None = None, source: object = None
    ) -> None:
        """Make `new_book` the open book, as one undo step named `text`.

        Successive edits with the same `merge` (one field being typed) merge into one step.
        A change to a finalized plan is kept with its adjustment, or, when the clerk gives
        no reason for it, not at all: every page then shows the book as it was.
        """
        if new_book is self._book or new_book == self._book:
            return
        if self.plan_changes.asking:
            # Typed on before the question took the focus: the field's latest text, kept
            # for when the question is answered (the field shows it already).
            self._meanwhile = (new_book, text, merge, source)
            return
        self._asked_merge = merge
        adjusted = self.plan_changes.adjusted(self._book, new_book)
        meanwhile, self._meanwhile = self._meanwhile, None
        if adjusted is None:
            self.planKept.emit()
            self.changed.emit(self._book, None)
            return
        command = _Edit(self, self._book, adjusted, text, merge)
        command.source = source
        self.undo_stack.push(command)
        if meanwhile is not None:
            self._typed_meanwhile(merge, *meanwhile)

    def typed_on(self, asked: Book) -> Book:
        """`asked`, the edit the open question is about, as the clerk has typed on in the
        same field since (what the question then describes)."""
        meanwhile = self._meanwhile
        if meanwhile is None or meanwhile[2] is None or meanwhile[2] != self._asked_merge:
            return asked
        return replace(meanwhile[0], adjustments=asked.adjustments)

    def _typed_meanwhile(
        self, asked: str | None, book: Book, text: str, merge: str | None, source: object
    ) -> None:
        """The edit typed on while the question was open, now that it is answered. It was
        made from the book before the asked edit: it goes on from it when it is more of the
        same field (the record of adjustments is the session's, never a page's); anything
        else is shown as it is now stored, never left on screen unstored."""
        if merge is not None and merge == asked:
            self.edit(replace(book, adjustments=self._book.adjustments), text, merge, source)
        else:
            self.changed.emit(self._book, None)

    def _apply(self, book: Book, source: object) -> None:
        was_stored = self.is_stored
        self._book = book
        self.changed.emit(book, source)
        if self.is_stored != was_stored:
            self.storedChanged.emit(self.is_stored)
        if not self.is_stored and not self._timer.isActive():
            self._timer.start()

    def finish(self) -> None:
        """The book is being closed: no timer of this session may touch the database later
        (the store may be closed by then). What was stored goes from the -wal into the file."""
        self._timer.stop()
        if self._idle.isActive():
            self._idle.stop()
            self.repository.checkpoint()

    def store_now(self) -> bool:
        """Write what is not yet stored; True when everything is in the database."""
        self._timer.stop()
        if self.is_stored:
            return True
        book = self._book
        try:
            self.repository.store(self._stored, book)
        except (StoreConflict, BookMissing) as exc:
            log.warning("storing book %s refused: %s", book.id, exc)
            self.conflicted.emit(str(exc))
            return False
        except Exception as exc:
            message = failure_reason(exc)  # None: no storage or system error, a bug
            if message is None:
                raise
            log.exception("storing book %s failed", book.id)
            self.storeFailed.emit(message)
            self._timer.start(max(STORE_DELAY_MS, 3000))  # try again, not in a tight loop
            return False
        self._stored = book
        self._idle.start()
        if self.is_stored:
            self.storedChanged.emit(True)
        return True
