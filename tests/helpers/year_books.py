"""Books with a year of reports, reviews and supporting files, built in memory."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from bluebook_desktop.domain import Book, ScheduleEntry, Task
from bluebook_desktop.domain.year import (
    Adjustment,
    Evidence,
    Progress,
    Review,
    SelfReview,
)
from bluebook_desktop.formats.portable import read_portable
from helpers.files import FIXTURE_BOOK

STATUSES = ("已完成", "按进度", "滞后", "超进度")
RESULTS = ("完成", "基本完成", "未完成")


def evidence(name: str, size: int = 123_456) -> Evidence:
    """A supporting file's record; its hash is the name's, so equal names are one file."""
    digest = hashlib.sha256(name.encode()).hexdigest()
    return Evidence(name=name, sha256=digest, size=size, media_type="application/pdf")


# One file shared by several tasks' reports: listed once, under one number.
SHARED = evidence("提案办理台账.xlsx", 45_678)


def with_year(book: Book, scores: bool = True) -> Book:
    """`book` with four quarters reported for every task but every third one's second,
    files on the first two quarters, a review of each task and the self-review."""
    tasks = []
    for i, task in enumerate(book.functional_tasks):
        reports = []
        for q in (1, 2, 3, 4):
            if i % 3 == 2 and q == 2:
                continue
            files = (evidence(f"第{q}季度会议纪要{i + 1}.pdf", 100_000 + i), SHARED)
            reports.append(
                Progress(
                    quarter=q,
                    status=STATUSES[(i + q) % 4],
                    done=f"任务{i + 1}第{q}季度已落实。",
                    value=f"完成率{25 * q}%",
                    problems=f"任务{i + 1}问题{q}" if (i + q) % 4 == 2 else "",
                    next_steps=f"任务{i + 1}措施{q}" if (i + q) % 4 == 2 else "",
                    reported_on=dt.date(book.cover.year, 3 * q, 28),
                    evidence=files if q in (1, 2) else (),
                )
            )
        review = Review(
            result=RESULTS[i % 3],
            done=f"任务{i + 1}全年完成。",
            reason=f"任务{i + 1}原因" if i % 3 else "",
            score=(90 + i / 2) if scores else None,
            evidence=(evidence(f"自评报告{i + 1}.pdf", 2_400_000),),
        )
        tasks.append(replace(task, progress=tuple(reports), review=review))
    return replace(
        book,
        functional_tasks=tuple(tasks),
        self_review=SelfReview(
            summary="全年目标任务总体完成。", reviewed_on=dt.date(book.cover.year, 12, 20)
        ),
        adjustments=(
            Adjustment(dt.date(book.cover.year, 6, 30), "协调会调整至第三季度。", "机构调整。"),
        ),
        finalized_on=dt.date(book.cover.year - 1, 10, 15),
    )


def real_year_book() -> Book:
    """The real book with a year of reports."""
    return with_year(read_portable(FIXTURE_BOOK))


def long_year_book(count: int = 300) -> Book:
    """`count` tasks with long texts, every one reported and reviewed."""
    base = read_portable(FIXTURE_BOOK)
    tasks = tuple(
        Task(
            id=f"{i:032x}",
            task=f"任务{i + 1:04d}",
            objective="推进重点工作落实。" * (1 + i % 5),
            schedule=tuple(
                ScheduleEntry(
                    (q,),
                    f"第{q}步：" + "开展调研并形成报告，" * (1 + (i + q) % 4),
                    f"{i:028x}{q:04x}",
                )
                for q in (1, 2, 3, 4)
            ),
            leaders=("陈晓", "欧阳明月", "李四")[: 1 + i % 3],
        )
        for i in range(count)
    )
    return with_year(replace(base, functional_tasks=tasks))
