"""Database rows into domain books, with no SQLAlchemy: shared by the repository and by the
quick read at start-up (`db.quick`), so both read and build a book the same way.

The queries are plain SQL with named parameters (``:book_id``), which both sqlite3 and
SQLAlchemy's `text()` take; `read_book` and `list_books` run them through whichever
connection they are given.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from bluebook_desktop.collector import collector_paused
from bluebook_desktop.domain import (
    COVER_FIELDS,
    SECTION_TEXT_FIELDS,
    Book,
    Cover,
    ScheduleEntry,
    Task,
    parse_date,
    parse_month,
)
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.domain.year import Adjustment, Evidence, Progress, Review, SelfReview

# task.section: which table of the form a task belongs to (the section's stored value)
KEY = FORM.key_tasks.stored
FUNCTIONAL = FORM.functional_tasks.stored
# book columns besides the cover's
BOOK_TEXT_COLUMNS = (*SECTION_TEXT_FIELDS, "no_key_tasks")
TASK_COLUMNS = ("task", "objective", "target", "role")


@dataclass(frozen=True)
class BookSummary:
    """A line of the book list."""

    id: int
    year: int
    unit_name: str
    title: str
    modified_at: str  # UTC ISO 8601 of the last store; "" if not stored since schema 0003


Row = Mapping[str, Any]
#: Runs one query with its parameters and gives its rows by column name.
Run = Callable[[str, Mapping[str, Any]], Iterable[Row]]

LIST_QUERY = (
    "SELECT id, year, unit_name, title, modified_at FROM book ORDER BY year DESC, unit_name, id"
)
BOOK_QUERY = "SELECT * FROM book WHERE id = :book_id"
TASKS_QUERY = "SELECT * FROM task WHERE book_id = :book_id ORDER BY section, position"
SCHEDULE_QUERY = (
    "SELECT s.id, s.task_id, s.quarters, s.text FROM schedule_entry s"
    " JOIN task t ON t.id = s.task_id WHERE t.book_id = :book_id"
    " ORDER BY s.task_id, s.position"
)
LEADERS_QUERY = (
    "SELECT l.task_id, l.name FROM leader l JOIN task t ON t.id = l.task_id"
    " WHERE t.book_id = :book_id ORDER BY l.task_id, l.position"
)
FIELDS_QUERY = (
    "SELECT f.task_id, f.name, f.value FROM task_field f JOIN task t ON t.id = f.task_id"
    " WHERE t.book_id = :book_id ORDER BY f.task_id, f.name"
)

# The year after the signature. A book without any of it costs five queries that find nothing.
PROGRESS_QUERY = (
    "SELECT p.* FROM progress p JOIN task t ON t.id = p.task_id"
    " WHERE t.book_id = :book_id ORDER BY p.task_id, p.quarter"
)
REVIEW_QUERY = "SELECT r.* FROM review r JOIN task t ON t.id = r.task_id WHERE t.book_id = :book_id"
EVIDENCE_QUERY = (
    "SELECT kind, task_id, quarter, name, sha256, size, media_type, added_on FROM evidence"
    " WHERE book_id = :book_id ORDER BY kind, task_id, quarter, position"
)
ADJUSTMENTS_QUERY = (
    'SELECT "on", what, why FROM adjustment WHERE book_id = :book_id ORDER BY position'
)
SELF_REVIEW_QUERY = "SELECT * FROM self_review WHERE book_id = :book_id"

# evidence.kind: what names a supporting file
PROGRESS_EVIDENCE, REVIEW_EVIDENCE, SIGNED_COPY = "progress", "review", "signed_copy"


@dataclass(frozen=True)
class YearRows:
    """The rows of a book's year: reports, reviews, files, adjustments, its self-review."""

    progress: Iterable[Row] = ()
    reviews: Iterable[Row] = ()
    evidence: Iterable[Row] = ()
    adjustments: Iterable[Row] = ()
    self_review: Iterable[Row] = ()


def list_books(run: Run) -> list[BookSummary]:
    """The book list: newest year first, then by unit."""
    return [BookSummary(**row) for row in run(LIST_QUERY, {})]


def read_book(run: Run, book_id: int) -> tuple[Book, int] | None:
    """The book with this id and its revision, or None when there is no such book."""
    params = {"book_id": book_id}
    row = next(iter(run(BOOK_QUERY, params)), None)
    if row is None:
        return None
    book = book_from_rows(
        row,
        run(TASKS_QUERY, params),
        run(SCHEDULE_QUERY, params),
        run(LEADERS_QUERY, params),
        run(FIELDS_QUERY, params),
        YearRows(
            run(PROGRESS_QUERY, params),
            run(REVIEW_QUERY, params),
            run(EVIDENCE_QUERY, params),
            run(ADJUSTMENTS_QUERY, params),
            run(SELF_REVIEW_QUERY, params),
        ),
    )
    return book, row["revision"]


# The same rows for every book of a year at once (the collection view): one query a table,
# each row with its book's id, in the order the queries of one book give them.
_OF_YEAR = "JOIN book b ON b.id = t.book_id WHERE b.year = :year"
YEAR_QUERIES = (
    "SELECT * FROM book WHERE year = :year ORDER BY id",
    f"SELECT t.* FROM task t {_OF_YEAR} ORDER BY t.book_id, t.section, t.position",
    "SELECT t.book_id, s.id, s.task_id, s.quarters, s.text FROM schedule_entry s"
    f" JOIN task t ON t.id = s.task_id {_OF_YEAR} ORDER BY t.book_id, s.task_id, s.position",
    "SELECT t.book_id, l.task_id, l.name FROM leader l JOIN task t ON t.id = l.task_id"
    f" {_OF_YEAR} ORDER BY t.book_id, l.task_id, l.position",
    "SELECT t.book_id, f.task_id, f.name, f.value FROM task_field f"
    f" JOIN task t ON t.id = f.task_id {_OF_YEAR} ORDER BY t.book_id, f.task_id, f.name",
    f"SELECT t.book_id, p.* FROM progress p JOIN task t ON t.id = p.task_id {_OF_YEAR}"
    " ORDER BY t.book_id, p.task_id, p.quarter",
    f"SELECT t.book_id, r.* FROM review r JOIN task t ON t.id = r.task_id {_OF_YEAR}",
    "SELECT e.book_id, e.kind, e.task_id, e.quarter, e.name, e.sha256, e.size, e.media_type,"
    " e.added_on FROM evidence e JOIN book b ON b.id = e.book_id WHERE b.year = :year"
    " ORDER BY e.book_id, e.kind, e.task_id, e.quarter, e.position",
    'SELECT a.book_id, a."on", a.what, a.why FROM adjustment a JOIN book b ON b.id = a.book_id'
    " WHERE b.year = :year ORDER BY a.book_id, a.position",
    "SELECT s.* FROM self_review s JOIN book b ON b.id = s.book_id WHERE b.year = :year",
)


def read_year(run: Run, year: int) -> list[tuple[Book, str]]:
    """Every book of `year` with the time of its last store, in id order, in ten queries
    (however many books): the same books `read_book` gives one by one."""
    with collector_paused():
        params = {"year": year}
        books = list(run(YEAR_QUERIES[0], params))
        of_book = itemgetter("book_id")
        grouped: list[dict[int, list[Row]]] = [
            # by book, stably: each book's rows keep the order its own query gives them
            {
                key: list(rows)
                for key, rows in groupby(sorted(run(query, params), key=of_book), of_book)
            }
            for query in YEAR_QUERIES[1:]
        ]
        read = []
        for row in books:
            tasks, schedule, leaders, fields, *year_rows = (g.get(row["id"], ()) for g in grouped)
            book = book_from_rows(row, tasks, schedule, leaders, fields, YearRows(*year_rows))
            read.append((book, row["modified_at"]))
        return read


def quarters_text(quarters: Iterable[int]) -> str:
    return ",".join(str(q) for q in quarters)


def book_from_rows(
    book: Row,
    tasks: Iterable[Row],
    schedule: Iterable[Row],
    leaders: Iterable[Row],
    fields: Iterable[Row] = (),
    year: YearRows | None = None,
) -> Book:
    """A book from its row, its task rows (in section and position order), and the rows of
    its schedules (id, task_id, quarters, text) and leaders (task_id, name), each in
    position order within its task, and of its tasks' extra columns (task_id, name, value)."""
    steps: dict[str, list[ScheduleEntry]] = {}
    for s in schedule:
        steps.setdefault(s["task_id"], []).append(
            ScheduleEntry(_quarters(s["quarters"]), s["text"], s["id"])
        )
    names: dict[str, list[str]] = {}
    for leader in leaders:
        names.setdefault(leader["task_id"], []).append(leader["name"])
    extra: dict[str, list[tuple[str, str]]] = {}
    for f in fields:
        extra.setdefault(f["task_id"], []).append((f["name"], f["value"]))
    year = year or YearRows()
    files: dict[tuple[str, str | None, int], list[Evidence]] = {}
    for e in year.evidence:
        files.setdefault((e["kind"], e["task_id"], e["quarter"]), []).append(_evidence(e))
    reports: dict[str, list[Progress]] = {}
    for p in year.progress:
        evidence = tuple(files.get((PROGRESS_EVIDENCE, p["task_id"], p["quarter"]), ()))
        reports.setdefault(p["task_id"], []).append(
            Progress(
                quarter=p["quarter"],
                status=p["status"],
                done=p["done"],
                value=p["value"],
                problems=p["problems"],
                next_steps=p["next_steps"],
                reported_on=_day(p["reported_on"]),
                evidence=evidence,
            )
        )
    reviews = {
        r["task_id"]: Review(
            result=r["result"],
            done=r["done"],
            reason=r["reason"],
            score=r["score"],
            evidence=tuple(files.get((REVIEW_EVIDENCE, r["task_id"], 0), ())),
        )
        for r in year.reviews
    }
    sections: dict[str, list[Task]] = {section.stored: [] for section in FORM.sections}
    for t in tasks:
        sections[t["section"]].append(
            Task(
                id=t["id"],
                task=t["task"],
                objective=t["objective"],
                target=t["target"],
                role=t["role"],
                schedule=tuple(steps.get(t["id"], ())),
                leaders=tuple(names.get(t["id"], ())),
                extra=tuple(extra.get(t["id"], ())),
                progress=tuple(reports.get(t["id"], ())),
                review=reviews.get(t["id"]),
            )
        )
    cover = {name: book[name] for name in COVER_FIELDS}
    cover["filled_on"] = parse_date(book["filled_on"]) if book["filled_on"] else None
    cover["issued_on"] = parse_month(book["issued_on"]) if book["issued_on"] else None
    self_review = next(
        (SelfReview(r["summary"], _day(r["reviewed_on"]), r["score"]) for r in year.self_review),
        None,
    )
    signed = files.get((SIGNED_COPY, None, 0))
    return Book(
        id=book["id"],
        cover=Cover(**cover),
        uid=book["uid"],
        finalized_on=_day(book["finalized_on"]),
        adjustments=tuple(
            Adjustment(parse_date(a["on"]), a["what"], a["why"]) for a in year.adjustments
        ),
        self_review=self_review,
        signed_copy=signed[0] if signed else None,
        **{section.name: tuple(sections[section.stored]) for section in FORM.sections},
        **{
            name: bool(book[name]) if name == "no_key_tasks" else book[name]
            for name in BOOK_TEXT_COLUMNS
        },
    )


@functools.lru_cache(maxsize=1024)
def _day(text: str) -> dt.date | None:
    # cached: a year's thousands of reports fall on a few hundred days
    return parse_date(text) if text else None


@functools.cache
def _quarters(text: str) -> tuple[int, ...]:
    """A step's stored quarters, "2,3" → (2, 3); 16 texts make every step of every book."""
    return tuple(int(q) for q in text.split(",") if q)


def _evidence(row: Row) -> Evidence:
    return Evidence(
        name=row["name"],
        sha256=row["sha256"],
        size=row["size"],
        media_type=row["media_type"],
        added_on=_day(row["added_on"]),
    )
