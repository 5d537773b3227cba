"""Big books for the benchmarks, made in code: the same book on every run and machine.

Texts are cut from the fixture book (a real district office's 2021 book), so lengths and
characters are what a clerk writes: 工作任务 of four characters, 年度目标 of 20–60, a 目标
line of 10–55, 全年进度安排 lines of 10–60 characters, one or two leaders per task.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cache
from pathlib import Path

from bluebook_desktop.domain import Book, ScheduleEntry, Task

FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/sanshui-cppcc-2021.bluebook.json"
STEPS = 4  # 全年进度安排 entries per task: one per quarter
# The quarters of each step, varied the way the fixture varies them.
_QUARTERS = ((1,), (2,), (2, 3), (4,), (1, 2), (3,), (3, 4), (1, 2, 3, 4))


@cache
def fixture_book() -> Book:
    from bluebook_desktop.formats.portable import read_portable

    return read_portable(FIXTURE)


def task_id(tag: str, number: int) -> str:
    """A stable 32-hex id, unique per book tag: several big books can share one database."""
    return hashlib.md5(f"{tag}-{number}".encode()).hexdigest()  # noqa: S324 - not security


def big_book(tasks: int, tag: str = "bench", steps: int = STEPS) -> Book:
    """The fixture's cover and notes with `tasks` functional tasks of `steps` steps each."""
    source = fixture_book()
    models = source.functional_tasks
    step_texts = [entry.text for task in models for entry in task.schedule]
    made: list[Task] = []
    for n in range(tasks):
        model = models[n % len(models)]
        schedule = tuple(
            ScheduleEntry(
                _QUARTERS[(n + s) % len(_QUARTERS)],
                step_texts[(n * steps + s) % len(step_texts)],
            )
            for s in range(steps)
        )
        # Texts of one model task taken with another's objective: varied, still real lengths.
        other = models[(n * 7 + 3) % len(models)]
        made.append(
            Task(
                id=task_id(tag, n),
                task=model.task,
                objective=other.objective,
                target=model.target,
                schedule=schedule,
                leaders=model.leaders,
            )
        )
    cover = replace(source.cover, serial=f"{tag}-{tasks}")
    return replace(source, id=None, cover=cover, key_tasks=(), functional_tasks=tuple(made))
