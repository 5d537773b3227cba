"""The form's cell vocabulary read back from typed text: quarter labels, steps, 目标： lines.

Pure functions with no Word dependency, so any importer (Word today, perhaps pasted text
tomorrow) reads 第一至三季度 or 上半年 the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bluebook_desktop.domain import QUARTERS, ScheduleEntry

_NUMERALS = {
    "一": 1, "二": 2, "三": 3, "四": 4,
    "1": 1, "2": 2, "3": 3, "4": 4,
    "１": 1, "２": 2, "３": 3, "４": 4,
}  # fmt: skip
_Q = "[一二三四1-4１-４]"
_LIST_SEP = r"\s*[、，,和及与/／]\s*"
_RANGE_SEP = r"\s*(?:至|到|~|～|-|－|—{1,2}|–)\s*"
# The typed forms of a quarter label: 第一季度, 二、三季度, 第一、第二季度, 第一至三季度,
# 第一季度至第三季度, 上半年, 下半年, 全年, 全年度, 每季度.
_LABEL = (
    rf"第?\s*{_Q}\s*(?:季度)?(?:{_RANGE_SEP}第?\s*{_Q})\s*季度"
    rf"|第?\s*{_Q}(?:{_LIST_SEP}第?\s*{_Q})*\s*季度"
    r"|[上下]\s*半\s*年(?:度)?|全\s*年(?:\s*度)?|[每各]\s*季\s*度"
)
# A label opens a step only when a colon follows it: "全年收集信息" is a sentence.
_STEP = re.compile(rf"^\s*(?P<label>{_LABEL})\s*[:：]\s*")
# Where a typist ran two steps together on one line: "…。第二季度：…".
_INNER_STEP = re.compile(rf"(?<=[。；;！!？?])\s*(?=(?:{_LABEL})\s*[:：])")
_TARGET = re.compile(r"^\s*目\s*标\s*[:：]\s*")
_INNER_TARGET = re.compile(r"(?<=[。；;！!？?])\s*(?=目\s*标\s*[:：])")


def quarters_of_label(label: str) -> tuple[int, ...] | None:
    """The quarters a typed label names, or None when it is not a quarter label.

    上半年 is the first and second quarter, 下半年 the third and fourth; 全年, 全年度 and
    每季度 are all four; 第一至三季度 is a range, 第二、三季度 a list.
    """
    text = re.sub(r"\s+", "", label)
    if re.fullmatch(r"上半年度?", text):
        return (1, 2)
    if re.fullmatch(r"下半年度?", text):
        return (3, 4)
    if re.fullmatch(r"全年度?|[每各]季度", text):
        return QUARTERS
    ranged = re.fullmatch(rf"第?({_Q})(?:季度)?{_RANGE_SEP}第?({_Q})季度", text)
    if ranged:
        first, last = _NUMERALS[ranged.group(1)], _NUMERALS[ranged.group(2)]
        return tuple(range(first, last + 1)) if first < last else None
    listed = re.fullmatch(rf"第?{_Q}(?:{_LIST_SEP}第?{_Q})*季度", text)
    if listed:
        return tuple(sorted({_NUMERALS[c] for c in re.findall(_Q, text)}))
    return None


def split_step(line: str) -> tuple[tuple[int, ...], str] | None:
    """第二、三季度：召开协调会。 → ((2, 3), "召开协调会。"); None when no label opens it."""
    match = _STEP.match(line)
    if not match:
        return None
    quarters = quarters_of_label(match.group("label"))
    if quarters is None:
        return None
    return quarters, line[match.end() :].strip()


def schedule_from_lines(lines: Iterable[str]) -> tuple[tuple[ScheduleEntry, ...], list[str]]:
    """Steps from a 全年进度安排 cell, and the lines that name no quarter.

    A line without a label continues the step above it (a typist's line break inside a
    step); one before any labelled step cannot be placed and is returned for the user.
    """
    steps: list[tuple[tuple[int, ...], list[str]]] = []
    unplaced: list[str] = []
    for line in _pieces(lines, _INNER_STEP):
        step = split_step(line)
        if step is not None:
            steps.append((step[0], [step[1]] if step[1] else []))
        elif steps:
            steps[-1][1].append(line)
        else:
            unplaced.append(line)
    entries = tuple(ScheduleEntry(quarters, "\n".join(texts)) for quarters, texts in steps)
    return entries, unplaced


def objective_from_lines(lines: Iterable[str]) -> tuple[str, str]:
    """The 年度目标 cell split into (objective, target) at the line that starts with 目标：."""
    objective: list[str] = []
    target: list[str] | None = None
    for line in _pieces(lines, _INNER_TARGET):
        match = _TARGET.match(line)
        if match and target is None:
            target = [line[match.end() :].strip()]
        elif target is not None:
            target.append(line)
        else:
            objective.append(line)
    return "\n".join(objective), "\n".join(t for t in target or [] if t)


def _pieces(lines: Iterable[str], inner: re.Pattern[str]) -> list[str]:
    """Non-blank stripped lines, with run-together steps (or 目标：) split apart."""
    pieces: list[str] = []
    for line in lines:
        pieces.extend(p.strip() for p in inner.split(line) if p.strip())
    return pieces
