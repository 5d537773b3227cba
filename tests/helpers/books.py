"""Comparing books' contents: a step made in a test has an id of its own (ScheduleEntry.id)."""

from __future__ import annotations

from collections.abc import Iterable

from bluebook_desktop.domain import ScheduleEntry


def steps(entries: Iterable[ScheduleEntry]) -> list[tuple[tuple[int, ...], str]]:
    """The quarters and text of each step, without the ids."""
    return [(entry.quarters, entry.text) for entry in entries]
