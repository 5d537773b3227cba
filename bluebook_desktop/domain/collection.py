"""The collecting office's view of a year: which units were expected, which submitted.

A unit's name is typed by many hands (the office's list, each clerk's cover), so names are
compared as a reader would: full-width and half-width forms alike, spaces ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bluebook_desktop.domain import QT_TRANSLATE_NOOP

NOT_SUBMITTED = QT_TRANSLATE_NOOP("collection", "未报送")
_SPACES = re.compile(r"\s+")


def unit_key(name: str) -> str:
    """The name as compared: NFKC (（）→(), full-width letters and digits → ASCII), no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name))


def unique_units(names: Iterable[str]) -> list[str]:
    """The names in their first spelling and order, each unit once, blanks left out."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        name = name.strip()
        key = unit_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


@dataclass(frozen=True)
class StoredCopy:
    """A stored book as a collected file is matched against it."""

    id: int
    uid: str
    year: int
    unit_name: str


@dataclass(frozen=True)
class Submissions:
    """Expected units against the units whose books are there."""

    missing: tuple[str, ...]  # expected, no book: 未报送
    unexpected: tuple[str, ...]  # a book from a unit not on the list (a typo, or a new unit)
    submitted: tuple[str, ...]  # expected and there


def submissions(expected: Iterable[str], submitted: Iterable[str]) -> Submissions:
    expected_units = unique_units(expected)
    present = {unit_key(name) for name in submitted}
    expected_keys = {unit_key(name) for name in expected_units}
    return Submissions(
        missing=tuple(n for n in expected_units if unit_key(n) not in present),
        unexpected=tuple(n for n in unique_units(submitted) if unit_key(n) not in expected_keys),
        submitted=tuple(n for n in expected_units if unit_key(n) in present),
    )
