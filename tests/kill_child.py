"""The child of test_kill.py: edits a book through BookSession, as the window does, forever.

After each store that succeeded it prints "stored N" and flushes: from then on the window
would show the edit as stored, so the parent may kill this process at any moment and
expect N (or a later edit) in the database.

Usage: python tests/kill_child.py DATABASE
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from bluebook_desktop.db import open_repository
from bluebook_desktop.domain import Book, ScheduleEntry, Task
from bluebook_desktop.ui.session import BookSession


def edited(book: Book, n: int) -> Book:
    """Edit n: a cover field and a task's text always, and now and then whole tasks."""
    tasks = list(book.functional_tasks)
    tasks[0] = replace(tasks[0], objective=f"目标 {n}")
    if n % 5 == 0:
        tasks.append(Task(task=f"任务 {n}", schedule=(ScheduleEntry((n % 4 + 1,), f"进度 {n}"),)))
    if n % 7 == 0 and len(tasks) > 3:
        del tasks[1]
    return replace(book, cover=replace(book.cover, phone=str(n)), functional_tasks=tuple(tasks))


def main() -> None:
    app = QCoreApplication(sys.argv[:1])  # noqa: F841 - Qt objects need an application
    repository = open_repository(Path(sys.argv[1]))
    session = BookSession(repository, repository.load(1))
    n = int(session.book.cover.phone or 0)
    while True:
        n += 1
        session.edit(edited(session.book, n), "修改", merge="phone")
        if session.store_now():
            print(f"stored {n}", flush=True)


if __name__ == "__main__":
    main()
