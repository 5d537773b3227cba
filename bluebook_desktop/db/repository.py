"""The repository: domain books in, domain books out; no SQLAlchemy object leaves here.

`store(old, new)` writes only what differs between two versions of a book (a changed cover
field is one UPDATE, a changed task rewrites that task alone), so an edit costs the same in
a book of 3 tasks and in a book of 1,000.

A task's schedule is stored the same way, step by step, each step known by its id.

Each book row carries a revision, raised by one on every store, and the time of that store
(`modified_at`, for the book list). The repository remembers the revision it last read or
wrote for each book and stores only on top of that one: a second window (or process) that
stored in between makes the store a `StoreConflict`, never a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

from bluebook_desktop.db import sqlite
from bluebook_desktop.db.errors import BookMissing, EvidenceMissing, StoreConflict
from bluebook_desktop.db.models import (
    AdjustmentRow,
    BookRow,
    EvidenceFileRow,
    EvidenceRow,
    ExpectedUnitRow,
    LeaderRow,
    ProgressRow,
    ReviewRow,
    ScheduleEntryRow,
    SelfReviewRow,
    TaskFieldRow,
    TaskRow,
)
from bluebook_desktop.db.rows import (
    BOOK_TEXT_COLUMNS,
    FUNCTIONAL,
    KEY,
    PROGRESS_EVIDENCE,
    REVIEW_EVIDENCE,
    SIGNED_COPY,
    TASK_COLUMNS,
    BookSummary,
    Row,
    list_books,
    quarters_text,
    read_book,
    read_year,
)
from bluebook_desktop.domain import (
    COVER_FIELDS,
    QT_TRANSLATE_NOOP,
    Book,
    Cover,
    ScheduleEntry,
    Task,
    changed_fields,
)
from bluebook_desktop.domain.collection import StoredCopy, unique_units
from bluebook_desktop.domain.year import Evidence, Supporting
from bluebook_desktop.errors import UserError

__all__ = ["BookMissing", "BookSummary", "EvidenceMissing", "Repository", "StoreConflict"]
log = logging.getLogger(__name__)


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # book id -> the revision this repository last read or wrote: what store() builds on.
        self._revisions: dict[int, int] = {}

    def revision(self, book_id: int) -> int | None:
        """The revision of the book as last loaded or stored here (None: never seen)."""
        return self._revisions.get(book_id)

    def remember(self, book_id: int, revision: int) -> None:
        """A book read elsewhere at `revision` (the start-up read): stores build on it."""
        self._revisions[book_id] = revision

    # --- reading ---

    def list_books(self) -> list[BookSummary]:
        with self.engine.connect() as connection:
            return list_books(_runner(connection))

    def load(self, book_id: int) -> Book:
        with self.engine.connect() as connection:
            read = read_book(_runner(connection), book_id)
        if read is None:
            raise BookMissing("找不到编号为 {id} 的蓝皮书。", id=book_id)
        book, self._revisions[book_id] = read
        return book

    def load_year(self, year: int) -> list[tuple[Book, str]]:
        """Every book of a year and the time it was last stored, in a few queries."""
        with self.engine.connect() as connection:
            return read_year(_runner(connection), year)

    def leader_names(self) -> list[str]:
        """Every leader named in any book, most used first: the completion list."""
        query = (
            select(LeaderRow.name)
            .group_by(LeaderRow.name)
            .order_by(func.count().desc(), LeaderRow.name)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def task_names(self) -> list[str]:
        """Every 工作任务 name used before (政治协商 …), most used first."""
        query = (
            select(TaskRow.task)
            .where(TaskRow.task != "")
            .group_by(TaskRow.task)
            .order_by(func.count().desc(), TaskRow.task)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def expected_lists(self) -> dict[int, list[str]]:
        """Every year's list of expected units, by year (what a backup keeps)."""
        query = select(ExpectedUnitRow.year, ExpectedUnitRow.name).order_by(
            ExpectedUnitRow.year, ExpectedUnitRow.position
        )
        lists: dict[int, list[str]] = {}
        with self.engine.connect() as connection:
            for year, name in connection.execute(query):
                lists.setdefault(year, []).append(name)
        return lists

    def expected_units(self, year: int) -> list[str]:
        """The units the office expects a book of in `year`, in its list's order."""
        query = (
            select(ExpectedUnitRow.name)
            .where(ExpectedUnitRow.year == year)
            .order_by(ExpectedUnitRow.position)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    # --- writing ---

    def set_expected_units(self, year: int, names: Iterable[str]) -> list[str]:
        """Keep `names` as the year's list of expected units (each unit once, blanks left
        out, in the order given), in place of the list there was; the list kept."""
        kept = check_expected_units(names)

        def write() -> None:
            with self.engine.begin() as connection:
                connection.execute(delete(ExpectedUnitRow).where(ExpectedUnitRow.year == year))
                if kept:
                    connection.execute(
                        insert(ExpectedUnitRow),
                        [
                            {"year": year, "position": position, "name": name}
                            for position, name in enumerate(kept)
                        ],
                    )

        retrying(write)
        return kept

    def stored_copies(self) -> list[StoredCopy]:
        """Every book's identity (id, uid, year, unit): what a collected file replaces."""
        query = select(BookRow.id, BookRow.uid, BookRow.year, BookRow.unit_name)
        with self.engine.connect() as connection:
            return [StoredCopy(*row) for row in connection.execute(query)]

    def add(
        self, book: Book, files: Iterable[Supporting] = (), replacing: int | None = None
    ) -> Book:
        """Store a new book; returns it with its database id.

        `files` (a package's, read as they are iterated) are stored with the book in one
        transaction: a file failing its check as it is read leaves nothing stored.
        `replacing` names a book deleted in that same transaction (a resubmission takes the
        place of its earlier copy, or nothing changes).
        """
        from dataclasses import replace

        # SQLite gives a new book the id of the last one deleted. A random first revision
        # keeps a window that still remembers the deleted book from storing into this one:
        # its expected revision will not match. Random rather than a counter, since a counter
        # kept in the database goes back with the deleted book's rows (and with a restored
        # backup); 62 bits make a match as unlikely as a uuid's, and leave 2**62 stores
        # before the 64-bit column (a PostgreSQL BIGINT too) could overflow.
        revision = secrets.randbelow(2**62)

        def write() -> int:
            with self.engine.begin() as connection:
                if replacing is not None:
                    gone = connection.execute(delete(BookRow).where(BookRow.id == replacing))
                    if gone.rowcount == 0:
                        raise BookMissing("找不到编号为 {id} 的蓝皮书。", id=replacing)
                book_id = connection.execute(
                    insert(BookRow)
                    .values(**_book_values(book), revision=revision, modified_at=_now())
                    .returning(BookRow.id)
                ).scalar_one()
                sections = ((KEY, book.key_tasks), (FUNCTIONAL, book.functional_tasks))
                for section, tasks in sections:
                    for position, task in enumerate(tasks):
                        _insert_task(connection, book_id, section, position, task)
                _store_book_year(connection, book_id, Book(), book)
                for supporting in files:
                    # Its record's hash was made from these bytes (formats.evidence.accept).
                    _put_evidence(
                        connection,
                        supporting.data,
                        supporting.record.media_type,
                        supporting.record.sha256,
                    )
            return book_id

        book_id = retrying(write)
        self._revisions[book_id] = revision
        return replace(book, id=book_id)

    def store(self, old: Book, new: Book) -> None:
        """Write what differs from `old` (what the database holds) to make it `new`.

        Raises StoreConflict when another window stored the book since this repository
        loaded or stored it, and BookMissing when the book was deleted; nothing is written.
        """
        if new.id is None or old.id != new.id:
            raise ValueError("store() compares two versions of the same stored book")
        if old is new:
            return
        values: dict[str, Any] = {}
        cover_changes = changed_fields(old.cover, new.cover)
        if cover_changes:
            values.update(_cover_values(new.cover, cover_changes))
        for name in BOOK_TEXT_COLUMNS:
            if getattr(old, name) != getattr(new, name):
                values[name] = getattr(new, name)
        values.update(_year_values(old, new))
        tasks_changed = (
            old.key_tasks != new.key_tasks or old.functional_tasks != new.functional_tasks
        )
        year_changed = _book_year_changed(old, new)
        if not values and not tasks_changed and not year_changed:
            return
        expected = self._revisions.get(new.id)
        if expected is None:
            raise ValueError("store() needs a book this repository loaded or added")

        def write() -> None:
            with self.engine.begin() as connection:
                # First, always: the revision check takes the write lock, so no other window can
                # store between the check and the task rows below.
                result = connection.execute(
                    update(BookRow)
                    .where(BookRow.id == new.id, BookRow.revision == expected)
                    .values(revision=BookRow.revision + 1, modified_at=_now(), **values)
                )
                if result.rowcount == 0:
                    if connection.execute(select(BookRow.id).where(BookRow.id == new.id)).first():
                        raise StoreConflict(
                            "另一个窗口已修改了这本蓝皮书，本窗口的修改没有写入数据库。"
                        )
                    raise BookMissing("这本蓝皮书已被删除，无法保存。")
                sections = (
                    (KEY, old.key_tasks, new.key_tasks),
                    (FUNCTIONAL, old.functional_tasks, new.functional_tasks),
                )
                # Deletions first: a task moved to the other table keeps its id, so its old row
                # must be gone before the other table inserts it.
                for _section, before, after in sections:
                    _delete_gone(connection, before, after)
                for section, before, after in sections:
                    _store_tasks(connection, new.id, section, before, after)
                if year_changed:
                    _store_book_year(connection, new.id, old, new)

        retrying(write)
        self._revisions[new.id] = expected + 1

    # --- supporting files' bytes ---

    def put_evidence(self, data: bytes, media_type: str) -> str:
        """Keep a supporting file's bytes (once per content); returns their SHA-256.

        Called before the edit that names the file, so the bytes are there by the time the
        book is stored. Bytes no book names any more stay until `forget_unused_evidence`.
        """

        def write() -> str:
            with self.engine.begin() as connection:
                return _put_evidence(connection, data, media_type)

        return retrying(write)

    def has_evidence(self, sha256: str) -> bool:
        with self.engine.connect() as connection:
            query = select(EvidenceFileRow.sha256).where(EvidenceFileRow.sha256 == sha256)
            return connection.execute(query).first() is not None

    def evidence_data(self, sha256: str) -> bytes:
        """A supporting file's bytes; EvidenceMissing when they are not in the database (a
        book read from a .bluebook.json carries the files' records, not their bytes)."""
        with self.engine.connect() as connection:
            data = connection.execute(
                select(EvidenceFileRow.data).where(EvidenceFileRow.sha256 == sha256)
            ).scalar()
        if data is None:
            raise EvidenceMissing(EVIDENCE_MISSING)
        return bytes(data)

    def forget_unused_evidence(self, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
        """Drop the bytes no book names, kept longer than `older_than` (so a file just added
        in another window, not yet stored in its book, stays). Returns how many went."""
        cutoff = (dt.datetime.now(dt.timezone.utc) - older_than).isoformat(timespec="seconds")

        def write() -> int:
            with self.engine.begin() as connection:
                named = select(EvidenceRow.sha256)
                result = connection.execute(
                    delete(EvidenceFileRow).where(
                        EvidenceFileRow.sha256.not_in(named), EvidenceFileRow.stored_at < cutoff
                    )
                )
                return result.rowcount

        return retrying(write)

    def checkpoint(self) -> None:
        """Copy what the -wal file holds into the database file itself (and empty the -wal).

        Called when the window is idle after storing: until then, edits reported stored
        live only in the -wal, which something outside (a cleaning or sync tool) could
        delete. Never fails: the next checkpoint, or SQLite's own, does it later.
        """
        if self.engine.dialect.name != "sqlite" or not self.engine.url.database:
            return
        try:
            sqlite.checkpoint(Path(self.engine.url.database))
        except sqlite3.Error as exc:
            log.info("checkpoint not done now: %s", sqlite.reason(exc) or "database busy")

    def delete(self, book_id: int) -> None:
        def write() -> None:
            with self.engine.begin() as connection:
                connection.execute(delete(BookRow).where(BookRow.id == book_id))

        retrying(write)


T = TypeVar("T")
RETRIES = 12


def retrying(write: Callable[[], T]) -> T:
    """Run a write transaction again when it lost the race for the database's lock.

    The busy timeout makes each attempt wait for the lock; a transaction can still be
    refused at once (another process wrote first, or a checkpoint held the file), and is
    then rolled back whole: running it again is safe. On a server, the same for the
    transaction the server rolled back to break a deadlock. Other errors go straight up.
    """
    for attempt in range(RETRIES):
        try:
            return write()
        except OperationalError as exc:
            if attempt == RETRIES - 1 or not _lost_a_race(exc):
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")
# A server's: a deadlock broken by rolling this transaction back, a serialization failure.
_SERVER_RACES = ("40P01", "40001")


def _lost_a_race(exc: OperationalError) -> bool:
    if sqlite.error_name(exc) in _BUSY:
        return True
    return getattr(exc.orig, "sqlstate", None) in _SERVER_RACES


def _runner(connection: Connection) -> Callable[[str, Mapping[str, Any]], Iterable[Row]]:
    """Runs the shared queries of `db.rows` on this connection.

    On SQLite straight through the driver, rows as `sqlite3.Row`, as the start-up read does:
    a year of 300 books is some 20,000 rows, and SQLAlchemy's row mappings made their reading
    a third slower. The queries are plain SQL with named parameters, which both take.
    """
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):

        def run_sqlite(sql: str, params: Mapping[str, Any]) -> Iterable[Row]:
            cursor = driver.cursor()
            cursor.row_factory = sqlite3.Row
            return cursor.execute(sql, params)

        return run_sqlite

    def run(sql: str, params: Mapping[str, Any]) -> Iterable[Row]:
        return connection.execute(text(sql), params).mappings()

    return run


MAX_UNIT_NAME = 500  # expected_unit.name
UNIT_NAME_TOO_LONG = QT_TRANSLATE_NOOP(
    "messages",
    "单位名称“{start}…”过长（超过 {limit} 字），不像是一个单位的名称。请每行只写一个单位名称。",
)
EVIDENCE_MISSING = QT_TRANSLATE_NOOP(
    "messages",
    "这份佐证材料的文件不在数据库中（导入的是不含佐证材料的 .bluebook.json 文件）。"
    "请导入含佐证材料的 .bluebook.zip 文件，或重新添加该材料。",
)


def _now() -> str:
    """The moment of a store, as book.modified_at holds it."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _book_values(book: Book) -> dict[str, Any]:
    values = _cover_values(book.cover, COVER_FIELDS)
    values.update({name: getattr(book, name) for name in BOOK_TEXT_COLUMNS})
    values.update(_year_values(Book(), book))
    return values


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _put_evidence(connection: Any, data: bytes, media_type: str, sha256: str = "") -> str:
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    query = select(EvidenceFileRow.sha256).where(EvidenceFileRow.sha256 == sha256)
    if connection.execute(query).first() is None:
        row = insert(EvidenceFileRow).values(
            sha256=sha256, size=len(data), media_type=media_type, data=data, stored_at=_now()
        )
        if connection.dialect.name == "sqlite":
            connection.execute(row)  # the write lock keeps every other writer out
        else:
            # A server locks no table: another program may store the same bytes between
            # the check and the insert. The savepoint undoes only this duplicate row.
            try:
                with connection.begin_nested():
                    connection.execute(row)
            except IntegrityError:
                log.info("file %s stored by another program at the same moment", sha256[:12])
    return sha256


def _year_values(old: Book, new: Book) -> dict[str, Any]:
    """The book row's columns of the year that differ: its uid and its 定稿 date."""
    values: dict[str, Any] = {}
    if old.uid != new.uid:
        values["uid"] = new.uid
    if old.finalized_on != new.finalized_on:
        values["finalized_on"] = _day(new.finalized_on)
    return values


def _book_year_changed(old: Book, new: Book) -> bool:
    return (
        old.adjustments != new.adjustments
        or old.self_review != new.self_review
        or old.signed_copy != new.signed_copy
    )


def _store_book_year(connection: Any, book_id: int, old: Book, new: Book) -> None:
    """The book's own year rows that changed, each part rewritten whole: there are few."""
    if old.adjustments != new.adjustments:
        connection.execute(delete(AdjustmentRow).where(AdjustmentRow.book_id == book_id))
        if new.adjustments:
            connection.execute(
                insert(AdjustmentRow),
                [
                    {
                        "book_id": book_id,
                        "position": i,
                        "on": _day(a.on),
                        "what": a.what,
                        "why": a.why,
                    }
                    for i, a in enumerate(new.adjustments)
                ],
            )
    if old.self_review != new.self_review:
        connection.execute(delete(SelfReviewRow).where(SelfReviewRow.book_id == book_id))
        review = new.self_review
        if review is not None:
            connection.execute(
                insert(SelfReviewRow).values(
                    book_id=book_id,
                    summary=review.summary,
                    reviewed_on=_day(review.reviewed_on),
                    score=review.score,
                )
            )
    if old.signed_copy != new.signed_copy:
        connection.execute(
            delete(EvidenceRow).where(
                EvidenceRow.book_id == book_id, EvidenceRow.kind == SIGNED_COPY
            )
        )
        if new.signed_copy is not None:
            _insert_evidence(connection, book_id, SIGNED_COPY, None, 0, (new.signed_copy,))


def _insert_evidence(
    connection: Any,
    book_id: int,
    kind: str,
    task_id: str | None,
    quarter: int,
    records: Sequence[Evidence],
) -> None:
    if records:
        connection.execute(
            insert(EvidenceRow),
            [
                {
                    "book_id": book_id,
                    "kind": kind,
                    "task_id": task_id,
                    "quarter": quarter,
                    "position": position,
                    "name": record.name,
                    "sha256": record.sha256,
                    "size": record.size,
                    "media_type": record.media_type,
                    "added_on": _day(record.added_on),
                }
                for position, record in enumerate(records)
            ],
        )


def _store_task_year(
    connection: Any, book_id: int, old: Task | None, new: Task, changes: Iterable[str]
) -> None:
    """A task's reports and review as they changed (or all of them, for a new task): the
    changed quarter's rows are rewritten, the untouched quarters cost nothing."""
    if "progress" in changes:
        before = {report.quarter: report for report in (old.progress if old else ())}
        after = {report.quarter: report for report in new.progress}
        for quarter in sorted(set(before) | set(after)):
            if before.get(quarter) == after.get(quarter):
                continue
            if quarter in before:
                connection.execute(
                    delete(ProgressRow).where(
                        ProgressRow.task_id == new.id, ProgressRow.quarter == quarter
                    )
                )
                connection.execute(
                    delete(EvidenceRow).where(
                        EvidenceRow.task_id == new.id,
                        EvidenceRow.kind == PROGRESS_EVIDENCE,
                        EvidenceRow.quarter == quarter,
                    )
                )
            report = after.get(quarter)
            if report is not None:
                connection.execute(
                    insert(ProgressRow).values(
                        task_id=new.id,
                        quarter=quarter,
                        status=report.status,
                        done=report.done,
                        value=report.value,
                        problems=report.problems,
                        next_steps=report.next_steps,
                        reported_on=_day(report.reported_on),
                    )
                )
                _insert_evidence(
                    connection, book_id, PROGRESS_EVIDENCE, new.id, quarter, report.evidence
                )
    if "review" in changes:
        if old is not None and old.review is not None:
            connection.execute(delete(ReviewRow).where(ReviewRow.task_id == new.id))
            connection.execute(
                delete(EvidenceRow).where(
                    EvidenceRow.task_id == new.id, EvidenceRow.kind == REVIEW_EVIDENCE
                )
            )
        review = new.review
        if review is not None:
            connection.execute(
                insert(ReviewRow).values(
                    task_id=new.id,
                    result=review.result,
                    done=review.done,
                    reason=review.reason,
                    score=review.score,
                )
            )
            _insert_evidence(connection, book_id, REVIEW_EVIDENCE, new.id, 0, review.evidence)


def _cover_values(cover: Cover, names: Iterable[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        value = getattr(cover, name)
        if name == "filled_on":
            value = value.isoformat() if value else ""
        elif name == "issued_on":
            value = value.iso() if value else ""
        values[name] = value
    return values


def _delete_gone(connection: Any, old: Sequence[Task], new: Sequence[Task]) -> None:
    """The tasks, and the steps of kept tasks, that are gone: deleted before anything is
    inserted, since a task moved to the other table (or a step to another task) keeps its id."""
    if old is new:
        return
    before = {task.id: task for task in old}
    kept = {task.id for task in new}
    gone = [task.id for task in old if task.id not in kept]
    if gone:
        connection.execute(delete(TaskRow).where(TaskRow.id.in_(gone)))
    gone_steps: list[str] = []
    for task in new:
        old_task = before.get(task.id)
        if old_task is not None and old_task.schedule is not task.schedule:
            steps = {entry.id for entry in task.schedule}
            gone_steps.extend(e.id for e in old_task.schedule if e.id not in steps)
    if gone_steps:
        connection.execute(delete(ScheduleEntryRow).where(ScheduleEntryRow.id.in_(gone_steps)))


def _store_tasks(
    connection: Any, book_id: int, section: str, old: Sequence[Task], new: Sequence[Task]
) -> None:
    if old is new:
        return
    before = {task.id: (position, task) for position, task in enumerate(old)}
    for position, task in enumerate(new):
        previous = before.get(task.id)
        if previous is None:
            _insert_task(connection, book_id, section, position, task)
            continue
        old_position, old_task = previous
        values: dict[str, Any] = {}
        if old_position != position:
            values["position"] = position
        if old_task is not task:
            changes = changed_fields(old_task, task)
            values.update({name: getattr(task, name) for name in changes if name in TASK_COLUMNS})
            if "schedule" in changes:
                _store_schedule(connection, task.id, old_task.schedule, task.schedule)
            if "leaders" in changes:
                connection.execute(delete(LeaderRow).where(LeaderRow.task_id == task.id))
                _insert_leaders(connection, task)
            if "extra" in changes:
                _store_fields(connection, task.id, old_task.extra, task.extra)
            if "progress" in changes or "review" in changes:
                _store_task_year(connection, book_id, old_task, task, changes)
        if values:
            connection.execute(update(TaskRow).where(TaskRow.id == task.id).values(**values))


def _insert_task(connection: Any, book_id: int, section: str, position: int, task: Task) -> None:
    connection.execute(
        insert(TaskRow).values(
            id=task.id,
            book_id=book_id,
            section=section,
            position=position,
            **{name: getattr(task, name) for name in TASK_COLUMNS},
        )
    )
    _insert_schedule(connection, task)
    _insert_leaders(connection, task)
    _store_fields(connection, task.id, (), task.extra)
    if task.progress or task.review is not None:
        _store_task_year(connection, book_id, None, task, ("progress", "review"))


def _insert_schedule(connection: Any, task: Task) -> None:
    if task.schedule:
        connection.execute(
            insert(ScheduleEntryRow),
            [_step_values(task.id, i, entry) for i, entry in enumerate(task.schedule)],
        )


def _step_values(task_id: str, position: int, entry: ScheduleEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "task_id": task_id,
        "position": position,
        "quarters": quarters_text(entry.quarters),
        "text": entry.text,
    }


def _store_schedule(
    connection: Any, task_id: str, old: Sequence[ScheduleEntry], new: Sequence[ScheduleEntry]
) -> None:
    """A task's steps by id, as tasks are stored: a changed or moved step is updated in its
    row and a new one inserted (a removed one is gone already: `_delete_gone`); an untouched
    step costs nothing."""
    before = {entry.id: (position, entry) for position, entry in enumerate(old)}
    added = []
    for position, entry in enumerate(new):
        previous = before.get(entry.id)
        if previous is None:
            added.append(_step_values(task_id, position, entry))
            continue
        old_position, old_entry = previous
        values: dict[str, Any] = {}
        if old_position != position:
            values["position"] = position
        if old_entry.quarters != entry.quarters:
            values["quarters"] = quarters_text(entry.quarters)
        if old_entry.text != entry.text:
            values["text"] = entry.text
        if values:
            connection.execute(
                update(ScheduleEntryRow).where(ScheduleEntryRow.id == entry.id).values(**values)
            )
    if added:
        connection.execute(insert(ScheduleEntryRow), added)


def _insert_leaders(connection: Any, task: Task) -> None:
    if task.leaders:
        connection.execute(
            insert(LeaderRow),
            [{"task_id": task.id, "position": i, "name": n} for i, n in enumerate(task.leaders)],
        )


def _store_fields(
    connection: Any,
    task_id: str,
    old: Iterable[tuple[str, str]],
    new: Iterable[tuple[str, str]],
) -> None:
    """A task's extra columns by name: a column whose text went is deleted, a changed one
    updated, a new one inserted; an untouched one costs nothing."""
    before, after = dict(old), dict(new)
    gone = [name for name in before if name not in after]
    if gone:
        connection.execute(
            delete(TaskFieldRow).where(TaskFieldRow.task_id == task_id, TaskFieldRow.name.in_(gone))
        )
    for name, value in after.items():
        if name in before and before[name] != value:
            connection.execute(
                update(TaskFieldRow)
                .where(TaskFieldRow.task_id == task_id, TaskFieldRow.name == name)
                .values(value=value)
            )
    added = [
        {"task_id": task_id, "name": name, "value": value}
        for name, value in after.items()
        if name not in before
    ]
    if added:
        connection.execute(insert(TaskFieldRow), added)


def check_expected_units(names: Iterable[str]) -> list[str]:
    """The list as it would be kept (each unit once, blanks left out), or refused in words
    when a name is longer than the database keeps."""
    kept = unique_units(names)
    too_long = next((name for name in kept if len(name) > MAX_UNIT_NAME), None)
    if too_long is not None:
        raise UserError(UNIT_NAME_TOO_LONG, start=too_long[:20], limit=MAX_UNIT_NAME)
    return kept
