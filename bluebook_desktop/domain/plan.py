"""定稿 and 目标调整: the signed plan, and the changes to it recorded after the signature.

The plan is what the signed form prints: the cover, both task tables, the section texts and
the head's opinion. The year's record (progress, reviews, the self-review, 定稿 itself and
the adjustments) is not part of it. After 定稿 every change to the plan is kept as an
Adjustment: when, what changed (described here in the form's own words) and why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from bluebook_desktop.domain import (
    TEXT_MAX,
    Book,
    Cover,
    ScheduleEntry,
    Task,
    chinese_date,
    chinese_month,
    leaders_text,
)
from bluebook_desktop.domain.form import FORM, Section
from bluebook_desktop.domain.year import Adjustment, Evidence

# A quoted text longer than this is shortened with … around what changed, so a line of
# the 目标调整情况 sheet stays readable.
QUOTE_MAX = 30
NAME_MAX = 12  # a task's 工作任务 in brackets after its number
# Characters kept before the first difference of a shortened text.
CONTEXT = 10
EMPTY = "（空）"

# Book fields that hold the year's record, not the plan.
_YEAR_FIELDS = ("finalized_on", "adjustments", "self_review", "signed_copy")
_TASK_PLAN_FIELDS = tuple(
    f.name for f in dataclasses.fields(Task) if f.name not in ("progress", "review")
)

COVER_LABELS = {
    "year": "年度",
    "serial": "编号",
    "attachment": "附件标注",
    "title": "标题",
    "edition": "版本",
    "unit_name": "单位名称",
    "filler_name": "填表人姓名",
    "filler_position": "填表人职务",
    "phone": "联系电话",
    "filled_on": "填表日期",
    "issuer": "编制单位",
    "issued_on": "编制年月",
}
TEXT_LABELS = {
    "key_tasks_title": "第一部分标题",
    "key_tasks_note": "第一部分注",
    "functional_tasks_title": "第二部分标题",
    "functional_tasks_note": "第二部分注",
    "head_opinion": "单位负责人意见",
}


# --- the plan ---


def plan_of(book: Book) -> Book:
    """The book without the year's record: what was (or will be) signed.

    Tasks without progress or review are the same objects as in `book`."""
    tasks = {
        section.name: tuple(_task_plan(task) for task in section.tasks(book))
        for section in FORM.sections
    }
    return replace(
        book,
        finalized_on=None,
        adjustments=(),
        self_review=None,
        signed_copy=None,
        **tasks,
    )


def _task_plan(task: Task) -> Task:
    if not task.progress and task.review is None:
        return task
    return replace(task, progress=(), review=None)


def same_plan(a: Book, b: Book) -> bool:
    """plan_of(a) == plan_of(b), without making either (an edit asks this per keystroke)."""
    if a is b:
        return True
    for f in dataclasses.fields(Book):
        if f.name in _YEAR_FIELDS:
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if x is y:
            continue
        if f.name in ("key_tasks", "functional_tasks"):
            if len(x) != len(y) or not all(_same_task(s, t) for s, t in zip(x, y, strict=True)):
                return False
        elif x != y:
            return False
    return True


def _same_task(a: Task, b: Task) -> bool:
    return a is b or all(getattr(a, n) == getattr(b, n) for n in _TASK_PLAN_FIELDS)


def finalize(book: Book, on: dt.date, signed_copy: Evidence) -> Book:
    """定稿: the book signed on `on`, keeping the PDF printed for signature."""
    if book.finalized_on is not None:
        raise ValueError(f"the book was finalized on {book.finalized_on.isoformat()} already")
    return replace(book, finalized_on=on, signed_copy=signed_copy)


def with_adjustment(before: Book, after: Book, on: dt.date, why: str) -> Book:
    """`after` with the change to the plan since `before` recorded as an Adjustment.

    When the last adjustment is of the same day and reason, the change is merged into it
    (an adjustment being typed, keystroke by keystroke), and its `what` describes the change
    from the plan before that adjustment began. A change that leaves that plan as it was
    leaves no adjustment.
    """
    adjustments = after.adjustments
    last = adjustments[-1] if adjustments else None
    if last is not None and last.plan_before is not None and (last.on, last.why) == (on, why):
        what = describe_changes(last.plan_before, after)
        if not what:
            return replace(after, adjustments=adjustments[:-1])
        return replace(after, adjustments=(*adjustments[:-1], replace(last, what=what)))
    what = describe_changes(before, after)
    if not what:
        return after
    adjustment = Adjustment(on=on, what=what, why=why, plan_before=plan_of(before))
    return replace(after, adjustments=(*adjustments, adjustment))


# --- what changed, in the form's words ---


def describe_changes(before: Book, after: Book) -> str:
    """What changed in the plan from `before` to `after`: one line per change, "" for none.

    Tasks and schedule steps are followed by their ids, so a task moved, renamed or
    numbered anew is still the same task. Long texts are shortened with … around the
    change.
    """
    if same_plan(before, after):
        return ""
    lines = _cover_changes(before.cover, after.cover)
    for name, label in TEXT_LABELS.items():
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            lines.append(f"{label}：{_from_to(old, new)}")
    if before.no_key_tasks != after.no_key_tasks:
        label = FORM.key_tasks.label
        lines.append(
            f"{label}：改为本单位未承担（填“无”）"
            if after.no_key_tasks
            else f"{label}：取消“本单位未承担”"
        )
    for section in FORM.sections:
        lines.extend(_section_changes(section, section.tasks(before), section.tasks(after)))
    return _limited("\n".join(lines), len(lines))


def _limited(text: str, count: int) -> str:
    """At most TEXT_MAX characters (an adjustment's limit), saying how many lines are left."""
    if len(text) <= TEXT_MAX:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > TEXT_MAX - 40:
            break
        kept.append(line)
        used += len(line) + 1
    kept.append(f"……另有 {count - len(kept)} 处修改")
    return "\n".join(kept)


def _cover_changes(before: Cover, after: Cover) -> list[str]:
    if before == after:
        return []
    lines = []
    for name, label in COVER_LABELS.items():
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            lines.append(
                f"封面{label}：{_from_to(_cover_value(name, old), _cover_value(name, new))}"
            )
    return lines


def _cover_value(name: str, value: object) -> str:
    if name == "filled_on":
        return chinese_date(value)  # type: ignore[arg-type]
    if name == "issued_on":
        return chinese_month(value)  # type: ignore[arg-type]
    return str(value)


def _section_changes(section: Section, before: Sequence[Task], after: Sequence[Task]) -> list[str]:
    if before is after or (
        len(before) == len(after)
        and all(_same_task(a, b) for a, b in zip(before, after, strict=True))
    ):
        return []
    label = section.label
    lines: list[str] = []
    after_ids = {task.id for task in after}
    before_by_id = {task.id: (number, task) for number, task in enumerate(before, start=1)}
    for number, task in enumerate(before, start=1):
        if task.id not in after_ids:
            lines.append(f"{label}删除第 {number} 项（{_name(task)}）")
    for number, task in enumerate(after, start=1):
        if task.id not in before_by_id:
            lines.append(f"{label}新增第 {number} 项（{_name(task)}）")
    moved = _moved(
        [task.id for task in before if task.id in after_ids],
        [task.id for task in after if task.id in before_by_id],
    )
    for number, task in enumerate(after, start=1):
        if task.id in moved:
            old_number = before_by_id[task.id][0]
            lines.append(f"{label}第 {old_number} 项（{_name(task)}）移至第 {number} 项")
    for number, task in enumerate(after, start=1):
        old = before_by_id.get(task.id)
        if old is not None and not _same_task(old[1], task):
            lines.extend(_task_changes(section, f"{label}第 {number} 项", old[1], task))
    return lines


def _task_changes(section: Section, where: str, before: Task, after: Task) -> list[str]:
    lines: list[str] = []
    if before.task != after.task:
        lines.append(f"{where}工作任务：{_from_to(before.task, after.task)}")
    where = f"{where}（{_name(after)}）"
    objective = section.column("objective")
    fields: list[tuple[str, str, str]] = [
        (objective.header if objective else "年度目标", before.objective, after.objective),
        ("目标", before.target, after.target),
        ("责任领导", leaders_text(before.leaders), leaders_text(after.leaders)),
    ]
    if section.has_role:
        fields.append(("牵头/协办", before.role or "", after.role or ""))
    headers = {column.name: column.header for column in section.extra_columns}
    for name in sorted({*dict(before.extra), *dict(after.extra)}):
        # a column of the form by its header; one another form had, by its name
        fields.append((headers.get(name, name), before.extra_value(name), after.extra_value(name)))
    for header, old, new in fields:
        if old != new:
            lines.append(f"{where}{header}：{_from_to(old, new)}")
    if before.schedule != after.schedule:
        lines.extend(_schedule_changes(f"{where}全年进度安排", before.schedule, after.schedule))
    return lines


def _schedule_changes(
    where: str, before: Sequence[ScheduleEntry], after: Sequence[ScheduleEntry]
) -> list[str]:
    lines: list[str] = []
    after_ids = {entry.id for entry in after}
    before_by_id = {entry.id: (number, entry) for number, entry in enumerate(before, start=1)}
    for number, entry in enumerate(before, start=1):
        if entry.id not in after_ids:
            lines.append(f"{where}删除第 {number} 条（{_short(entry.printed())}）")
    for number, entry in enumerate(after, start=1):
        if entry.id not in before_by_id:
            lines.append(f"{where}新增第 {number} 条（{_short(entry.printed())}）")
    moved = _moved(
        [entry.id for entry in before if entry.id in after_ids],
        [entry.id for entry in after if entry.id in before_by_id],
    )
    for number, entry in enumerate(after, start=1):
        old = before_by_id.get(entry.id)
        if old is None:
            continue
        old_number, old_entry = old
        if entry.id in moved:
            lines.append(f"{where}第 {old_number} 条移至第 {number} 条")
        if (old_entry.quarters, old_entry.text) != (entry.quarters, entry.text):
            old_text, new_text = old_entry.printed(), entry.printed()
            lines.append(f"{where}第 {number} 条：{_from_to(old_text, new_text)}")
    return lines


T = TypeVar("T")


def _moved(before: list[T], after: list[T]) -> set[T]:
    """The items (the same ones in both lists) that moved: those outside a longest run
    keeping their order, so moving one item up names that one item only."""
    if before == after:
        return set()
    position = {item: i for i, item in enumerate(before)}
    sequence = [position[item] for item in after]
    # Patience sorting: tails[k] is the index into `sequence` ending the best run of k+1.
    tails: list[int] = []
    previous: list[int] = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if sequence[tails[mid]] < value:
                lo = mid + 1
            else:
                hi = mid
        if lo:
            previous[i] = tails[lo - 1]
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    kept: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return {item for i, item in enumerate(after) if i not in kept}


# --- texts as quoted in a line ---


def _name(task: Task) -> str:
    name = " ".join(task.task.split())
    if not name:
        return "未填工作任务"
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str) -> str:
    text = _one_line(text)
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1] + "…"


def _quoted(text: str) -> str:
    return f"“{text}”" if text else EMPTY


def _from_to(old: str, new: str) -> str:
    """由“…”改为“…”, each text shortened around where the two differ."""
    a, b = _excerpts(_one_line(old), _one_line(new))
    return f"由{_quoted(a)}改为{_quoted(b)}"


def _excerpts(old: str, new: str) -> tuple[str, str]:
    if len(old) <= QUOTE_MAX and len(new) <= QUOTE_MAX:
        return old, new
    prefix = 0
    shortest = min(len(old), len(new))
    while prefix < shortest and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = max(0, prefix - CONTEXT)
    return _excerpt(old, start, suffix), _excerpt(new, start, suffix)


def _excerpt(text: str, start: int, suffix: int) -> str:
    """`text` from `start`, through what differs and a little after it, within QUOTE_MAX."""
    room = QUOTE_MAX - (1 if start else 0)
    end = min(len(text), max(len(text) - suffix + CONTEXT, start + 1), start + room)
    if end < len(text):
        end = min(end, start + room - 1)
    piece = text[start:end]
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")
