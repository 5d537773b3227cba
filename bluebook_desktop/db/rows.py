"""Database rows into domain books, with no SQLAlchemy: shared by the repository and by the
quick read at start-up (`db.quick`), so both read and build a book the same way.

The queries are plain SQL with named parameters (``:book_id``), which both sqlite3 and
SQLAlchemy's `text()` take; `read_book` and `list_books` run them through whichever
connection they are given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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
    )
    return book, row["revision"]


def quarters_text(quarters: Iterable[int]) -> str:
    return ",".join(str(q) for q in quarters)


def book_from_rows(
    book: Row,
    tasks: Iterable[Row],
    schedule: Iterable[Row],
    leaders: Iterable[Row],
    fields: Iterable[Row] = (),
) -> Book:
    """A book from its row, its task rows (in section and position order), and the rows of
    its schedules (id, task_id, quarters, text) and leaders (task_id, name), each in
    position order within its task, and of its tasks' extra columns (task_id, name, value)."""
    steps: dict[str, list[ScheduleEntry]] = {}
    for s in schedule:
        quarters = tuple(int(q) for q in s["quarters"].split(",") if q)
        steps.setdefault(s["task_id"], []).append(ScheduleEntry(quarters, s["text"], s["id"]))
    names: dict[str, list[str]] = {}
    for leader in leaders:
        names.setdefault(leader["task_id"], []).append(leader["name"])
    extra: dict[str, list[tuple[str, str]]] = {}
    for f in fields:
        extra.setdefault(f["task_id"], []).append((f["name"], f["value"]))
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
            )
        )
    cover = {name: book[name] for name in COVER_FIELDS}
    cover["filled_on"] = parse_date(book["filled_on"]) if book["filled_on"] else None
    cover["issued_on"] = parse_month(book["issued_on"]) if book["issued_on"] else None
    return Book(
        id=book["id"],
        cover=Cover(**cover),
        **{section.name: tuple(sections[section.stored]) for section in FORM.sections},
        **{
            name: bool(book[name]) if name == "no_key_tasks" else book[name]
            for name in BOOK_TEXT_COLUMNS
        },
    )
