"""Database rows into domain books, with no SQLAlchemy: shared by the repository and by the
quick read at start-up (`db.quick`), so both build a book the same way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def quarters_text(quarters: Iterable[int]) -> str:
    return ",".join(str(q) for q in quarters)


def book_from_rows(
    book: Mapping[str, Any],
    tasks: Iterable[Mapping[str, Any]],
    schedule: Iterable[tuple[str, str, str]],
    leaders: Iterable[tuple[str, str]],
) -> Book:
    """A book from its row, its task rows (in section and position order), and the
    (task id, quarters, text) and (task id, name) rows of its schedules and leaders, each in
    position order within its task."""
    steps: dict[str, list[ScheduleEntry]] = {}
    for task_id, quarters, text in schedule:
        steps.setdefault(task_id, []).append(
            ScheduleEntry(tuple(int(q) for q in quarters.split(",") if q), text)
        )
    names: dict[str, list[str]] = {}
    for task_id, name in leaders:
        names.setdefault(task_id, []).append(name)
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
