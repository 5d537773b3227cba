"""Comparing books' contents: a step made in a test has an id of its own (ScheduleEntry.id)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bluebook_desktop.domain import ScheduleEntry


def steps(entries: Iterable[ScheduleEntry]) -> list[tuple[tuple[int, ...], str]]:
    """The quarters and text of each step, without the ids."""
    return [(entry.quarters, entry.text) for entry in entries]


def without_ids(value: Any) -> Any:
    """A portable file's data without its task and step ids (importing gives new ones)."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value
