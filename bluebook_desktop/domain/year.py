"""The year after the signature: quarterly progress, the year-end review, and their rules.

The names are the portable file's (bluebook-v2.schema.json): a task has at most one progress
report per quarter (季度进展) and one year-end review (年度自评); supporting files (佐证材料)
are recorded by their SHA-256, the bytes kept elsewhere. Nothing here knows about Qt or a
database.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, QUARTERS, Book, Task

# 进度: what a quarter's report says of the task's pace.
DONE, AHEAD, ON_PACE, BEHIND = "已完成", "超进度", "按进度", "滞后"
STATUSES = (DONE, AHEAD, ON_PACE, BEHIND)
# 自评结果
COMPLETED, MOSTLY_COMPLETED, NOT_COMPLETED = "完成", "基本完成", "未完成"
RESULTS = (COMPLETED, MOSTLY_COMPLETED, NOT_COMPLETED)

# A quarter's report is due at its end; the office gives this many days after it (reports
# come in by about the 10th of the next month) before a missing one counts as late.
REPORT_GRACE_DAYS = 10
EVIDENCE_MAX_BYTES = 50 * 1024 * 1024  # one supporting file


@dataclass(frozen=True)
class Evidence:
    """A supporting file, known by its content's hash; the bytes travel beside the book."""

    name: str
    sha256: str
    size: int
    media_type: str = ""
    added_on: dt.date | None = None


@dataclass(frozen=True)
class Supporting:
    """A supporting file read and accepted: its record and its bytes."""

    record: Evidence
    data: bytes


@dataclass(frozen=True)
class Progress:
    """One quarter's report on one task, against the steps that fall in that quarter."""

    quarter: int
    status: str
    done: str = ""  # 本季度完成情况
    value: str = ""  # 完成值 / 形象进度, e.g. 80% or 3 次
    problems: str = ""  # 存在问题
    next_steps: str = ""  # 下步措施
    reported_on: dt.date | None = None
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.quarter not in QUARTERS:
            raise ValueError(f"quarter must be 1–4, not {self.quarter}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")


@dataclass(frozen=True)
class Review:
    """The year-end self-review of one task."""

    result: str
    done: str = ""  # 全年完成情况
    reason: str = ""  # 未完成原因, when not 完成
    score: float | None = None  # 自评得分, where the office scores
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.result not in RESULTS:
            raise ValueError(f"result must be one of {RESULTS}, not {self.result!r}")


@dataclass(frozen=True)
class Adjustment:
    """A change to the signed plan (目标调整): when, what changed and why."""

    on: dt.date
    what: str
    why: str = ""
    # The plan as it was when this adjustment began (domain.plan.with_adjustment): while it
    # is being typed, `what` is described against it. Kept only in memory, never compared.
    plan_before: Book | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SelfReview:
    """The unit's year-end self-review as a whole (年度自评总结)."""

    summary: str = ""
    reviewed_on: dt.date | None = None
    score: float | None = None


class Light(enum.Enum):
    """A task's pace light for one quarter, as the collecting office colours it."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    GREY = "grey"


LIGHT_NAMES = {
    Light.RED: QT_TRANSLATE_NOOP("year", "红"),
    Light.YELLOW: QT_TRANSLATE_NOOP("year", "黄"),
    Light.GREEN: QT_TRANSLATE_NOOP("year", "绿"),
    Light.GREY: QT_TRANSLATE_NOOP("year", "灰"),
}


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    """The quarter's last day: 3-31, 6-30, 9-30, 12-31."""
    if quarter == 4:
        return dt.date(year, 12, 31)
    return quarter_start(year, quarter + 1) - dt.timedelta(days=1)


def report_due(year: int, quarter: int) -> dt.date:
    """The last day a quarter's report counts as on time."""
    return quarter_end(year, quarter) + dt.timedelta(days=REPORT_GRACE_DAYS)


def steps_in(task: Task, quarter: int) -> list[int]:
    """The positions of the task's schedule steps that fall in the quarter: its plan there."""
    return [i for i, entry in enumerate(task.schedule) if quarter in entry.quarters]


def pace_light(
    task: Task, quarter: int, year: int, today: dt.date, report: Progress | None
) -> Light:
    """The light of a task for one quarter of the book's year, as of `today`.

    grey: the quarter has no step of the task, or has not begun;
    green: reported 已完成, 超进度 or 按进度;
    red: reported 滞后, or the quarter is over, its report is overdue and there is none;
    yellow: the quarter is under way with no report yet, or it is over and the report is
    due (within REPORT_GRACE_DAYS of its end).
    """
    if report is not None:
        return Light.RED if report.status == BEHIND else Light.GREEN
    if not steps_in(task, quarter) or today < quarter_start(year, quarter):
        return Light.GREY
    if today > report_due(year, quarter):
        return Light.RED
    return Light.YELLOW


def count_lights(lights: Iterable[Light]) -> dict[Light, int]:
    """How many of each light, in the order the office reads them (green, yellow, red)."""
    counts = dict.fromkeys((Light.GREEN, Light.YELLOW, Light.RED, Light.GREY), 0)
    for light in lights:
        counts[light] += 1
    return counts


def book_evidence(book: Book) -> list[Evidence]:
    """Every supporting file of the book once, in the book's order (key tasks, then
    functional; per task its quarters' reports, then its review; the signed copy last).

    Its position from 1 is the file's number wherever files are listed (佐证材料清单): the
    window, the printouts and a package read it the same way from the same book.
    """
    seen: dict[str, Evidence] = {}
    for task in (*book.key_tasks, *book.functional_tasks):
        records = [record for report in task.progress for record in report.evidence]
        if task.review is not None:
            records.extend(task.review.evidence)
        for record in records:
            seen.setdefault(record.sha256, record)
    if book.signed_copy is not None:
        seen.setdefault(book.signed_copy.sha256, book.signed_copy)
    return list(seen.values())
