"""What the year's printouts hold, for the PDF and the Word file alike: a quarter's
progress report (第N季度工作进展情况表), the year-end self-review (年度绩效目标完成情况自评表)
and the plan's adjustments (目标调整情况), each as a title, labelled lines, a table and
the signature block's rules. Supporting files are named by their number in
domain.year.book_evidence, the same numbers as in the window and the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from bluebook_desktop.domain import (
    QT_TRANSLATE_NOOP,
    QUARTER_NUMERALS,
    QUARTERS,
    Book,
    Task,
    chinese_date,
)
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.domain.year import Evidence, book_evidence, steps_in
from bluebook_desktop.errors import UserError

NOT_REPORTED = "未填报"  # 进度 of a task without a report for the quarter
NOT_REVIEWED = "未自评"  # 自评结果 of a task without a review
EVIDENCE_WORD = "佐证材料"
EVIDENCE_LIST = "佐证材料清单"
SUMMARY_HEADING = "自评总结"
FILLER_LABEL = "填报人："
HEAD_LABEL = "单位负责人（签字）："
SEAL_LABEL = "（单位盖章）"

REPORT_HEADERS = (
    "序号",
    "工作任务",
    "本季度计划",
    "完成情况",
    "进度",
    "存在问题",
    "下步措施",
    "责任领导",
)
REPORT_MM = (11, 20, None, None, 14, None, None, 22)
REVIEW_HEADERS = ("序号", "工作任务", "年度目标", "全年完成情况", "自评结果", "未完成原因")
REVIEW_MM = (11, 20, None, None, 18, None)
SCORE_HEADER, SCORE_MM = "自评得分", 18
REVIEW_EVIDENCE_MM = 20
ADJUSTMENT_HEADERS = ("序号", "调整日期", "调整内容", "调整理由")
ADJUSTMENT_MM = (11, 34, None, None)
EVIDENCE_HEADERS = ("序号", "材料名称", "大小")
EVIDENCE_MM = (14, None, 30)

NO_ADJUSTMENTS = QT_TRANSLATE_NOOP("messages", "这本蓝皮书没有目标调整，没有可打印的目标调整情况。")
BAD_QUARTER = QT_TRANSLATE_NOOP("messages", "季度应为 1 至 4，不是 {quarter}。")


def quarter_name(quarter: int) -> str:
    """第一季度 … 第四季度."""
    return f"第{QUARTER_NUMERALS[quarter]}季度"


def report_title(quarter: int) -> str:
    return f"{quarter_name(quarter)}工作进展情况表"


def review_title(book: Book) -> str:
    return f"{book.cover.year}年度绩效目标完成情况自评表"


ADJUSTMENTS_TITLE = "目标调整情况"


def year_tasks(book: Book) -> list[Task]:
    """The tasks the year's printouts list, numbered from 1 in this order: the key tasks
    (unless the book says it has none), then the functional ones."""
    tasks: list[Task] = []
    for section in FORM.sections:
        if not section.prints_none(book):
            tasks.extend(section.tasks(book))
    return tasks


def evidence_numbers(book: Book) -> dict[str, int]:
    """Each supporting file's number (by its SHA-256), as book_evidence numbers them."""
    return {record.sha256: n for n, record in enumerate(book_evidence(book), start=1)}


def evidence_text(records: Iterable[Evidence], numbers: dict[str, int]) -> str:
    """佐证材料 3、5: the files a cell refers to, by number; "" when none."""
    found = sorted({numbers[r.sha256] for r in records if r.sha256 in numbers})
    return f"{EVIDENCE_WORD} {'、'.join(map(str, found))}" if found else ""


def size_text(size: int) -> str:
    """A file's size as a clerk reads it: 812 字节, 35.2 KB, 4.1 MB."""
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def score_text(score: float | None) -> str:
    if score is None:
        return ""
    return f"{score:g}"


def check_quarter(quarter: int) -> None:
    if quarter not in QUARTERS:
        raise UserError(BAD_QUARTER, quarter=quarter)


@dataclass(frozen=True)
class Names:
    """A 责任领导 cell: names, packed into lines without breaking one."""

    names: tuple[str, ...]


Cell = list[str] | Names  # a cell's lines of text, or names


@dataclass(frozen=True)
class Sheet:
    """What one printout prints: its title, the lines above its table, the table, and
    what follows."""

    title: str
    info: list[list[tuple[str, str]]]  # rows of (label, value)
    headers: tuple[str, ...]
    widths_mm: tuple[float | None, ...]
    rows: list[list[Cell]]
    centred: frozenset[int]  # the columns whose cells are centred
    evidence: list[tuple[int, Evidence]]  # the 佐证材料清单, when there is one
    summary: str | None  # the 自评总结, when the sheet has one
    signing: list[tuple[str, str]]  # the labelled rules of the signature block
    subject: str
    task_ids: list[str] = field(default_factory=list)  # each row's task, where rows are tasks


# --- what each printout holds ---


def report_sheet(book: Book, quarter: int, filled_on: dt.date) -> Sheet:
    cover = book.cover
    numbers = evidence_numbers(book)
    rows: list[list[Cell]] = []
    files: dict[str, Evidence] = {}
    for n, task in enumerate(year_tasks(book), start=1):
        report = next((r for r in task.progress if r.quarter == quarter), None)
        plan = [task.schedule[i].printed() for i in steps_in(task, quarter)]
        if report is None:
            rows.append(
                [[str(n)], [task.task], plan, [], [NOT_REPORTED], [], [], Names(task.leaders)]
            )
            continue
        for record in report.evidence:
            files.setdefault(record.sha256, record)
        done = [report.done, report.value, evidence_text(report.evidence, numbers)]
        rows.append(
            [
                [str(n)],
                [task.task],
                plan,
                [line for line in done if line],
                [report.status],
                [report.problems] if report.problems else [],
                [report.next_steps] if report.next_steps else [],
                Names(task.leaders),
            ]
        )
    listed = sorted((numbers[sha], record) for sha, record in files.items())
    filler = " ".join(part for part in (cover.filler_name, cover.filler_position) if part)
    return Sheet(
        title=report_title(quarter),
        info=[
            [("单位：", cover.unit_name), ("年度：", str(cover.year))],
            [("季度：", quarter_name(quarter)), ("填报人：", filler)],
            [("联系电话：", cover.phone), ("填报日期：", chinese_date(filled_on))],
        ],
        headers=REPORT_HEADERS,
        widths_mm=REPORT_MM,
        rows=rows,
        centred=frozenset({0, 1, 4, 7}),
        evidence=listed,
        summary=None,
        signing=[(FILLER_LABEL, cover.filler_name), (HEAD_LABEL, "")],
        subject=f"{cover.unit_name}{cover.year}年{report_title(quarter)}",
        task_ids=[task.id for task in year_tasks(book)],
    )


def review_sheet(book: Book) -> Sheet:
    cover = book.cover
    numbers = evidence_numbers(book)
    tasks = year_tasks(book)
    scored = any(t.review is not None and t.review.score is not None for t in tasks)
    headers = (*REVIEW_HEADERS, *((SCORE_HEADER,) if scored else ()), EVIDENCE_WORD)
    widths = (*REVIEW_MM, *((SCORE_MM,) if scored else ()), REVIEW_EVIDENCE_MM)
    rows: list[list[Cell]] = []
    for n, task in enumerate(tasks, start=1):
        review = task.review
        row: list[Cell] = [[str(n)], [task.task], task.objective_lines()]
        if review is None:
            row += [[], [NOT_REVIEWED], []] + ([[]] if scored else []) + [[]]
        else:
            row += [
                [review.done] if review.done else [],
                [review.result],
                [review.reason] if review.reason else [],
            ]
            if scored:
                row.append([score_text(review.score)] if review.score is not None else [])
            found = evidence_text(review.evidence, numbers).removeprefix(EVIDENCE_WORD).strip()
            row.append([found] if found else [])
        rows.append(row)
    self_review = book.self_review
    summary = self_review.summary if self_review else ""
    reviewed_on = self_review.reviewed_on if self_review else None
    total = score_text(self_review.score) if self_review else ""
    return Sheet(
        title=review_title(book),
        info=[
            [("单位：", cover.unit_name), ("年度：", str(cover.year))],
            [
                ("自评日期：", chinese_date(reviewed_on)),
                ("自评总分：", total) if total else ("", ""),
            ],
        ],
        headers=headers,
        widths_mm=widths,
        rows=rows,
        centred=frozenset({0, 1, 4, *((6, 7) if scored else (6,))}),
        evidence=[],
        summary=summary,
        signing=[(FILLER_LABEL, cover.filler_name), (HEAD_LABEL, "")],
        subject=f"{cover.unit_name}{review_title(book)}",
        task_ids=[task.id for task in tasks],
    )


def adjustments_sheet(book: Book) -> Sheet:
    if not book.adjustments:
        raise UserError(NO_ADJUSTMENTS)
    cover = book.cover
    rows = [
        [[str(n)], [chinese_date(a.on)], [a.what], [a.why] if a.why else []]
        for n, a in enumerate(book.adjustments, start=1)
    ]
    return Sheet(
        title=ADJUSTMENTS_TITLE,
        info=[
            [("单位：", cover.unit_name), ("年度：", str(cover.year))],
            [("定稿日期：", chinese_date(book.finalized_on)), ("", "")],
        ],
        headers=ADJUSTMENT_HEADERS,
        widths_mm=ADJUSTMENT_MM,
        rows=rows,
        centred=frozenset({0, 1}),
        evidence=[],
        summary=None,
        signing=[(HEAD_LABEL, "")],
        subject=f"{cover.unit_name}{cover.year}年度{ADJUSTMENTS_TITLE}",
    )
