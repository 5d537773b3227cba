"""The collecting office's view of a year: which units were expected, which submitted.

A unit's name is typed by many hands (the office's list, each clerk's cover), so names are
compared as a reader would: full-width and half-width forms alike, spaces ignored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, QUARTERS, Book
from bluebook_desktop.domain.findings import Finding, findings
from bluebook_desktop.domain.year import (
    LIGHT_NAMES,
    Light,
    count_lights,
    pace_light,
    quarter_start,
    steps_in,
)

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


# --- the collection view: one row a unit ---


@dataclass(frozen=True)
class QuarterLights:
    """One quarter of a unit's year, as the office colours it."""

    green: int
    yellow: int
    red: int
    unreported: int  # tasks with steps in a begun quarter and no report yet

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        names = [LIGHT_NAMES[Light.GREEN], LIGHT_NAMES[Light.YELLOW], LIGHT_NAMES[Light.RED]]
        if translate is not None:
            names = [translate("year", name) for name in names]
        counts = (self.green, self.yellow, self.red)
        return " ".join(f"{count} {name}" for count, name in zip(counts, names, strict=True))


@dataclass(frozen=True)
class UnitRow:
    """What a checker needs of one unit's book (or of a unit that sent none)."""

    unit: str
    book_id: int | None = None  # None: expected, no book (未报送)
    submitted_at: str = ""  # when the book was stored (UTC ISO 8601)
    finalized_on: dt.date | None = None
    key_tasks: int = 0
    functional_tasks: int = 0
    findings: tuple[Finding, ...] = ()
    quarters: tuple[QuarterLights, ...] = ()  # the four quarters, where progress is there

    @property
    def missing(self) -> bool:
        return self.book_id is None


def quarter_lights(book: Book, today: dt.date) -> tuple[QuarterLights, ...]:
    """Each quarter's light counts over all the book's tasks; () when the book has no
    progress reported at all (the office is not yet collecting the year's reports)."""
    tasks = [*book.key_tasks, *book.functional_tasks]
    if not any(task.progress for task in tasks):
        return ()
    year = book.cover.year
    quarters = []
    for quarter in QUARTERS:
        lights = []
        unreported = 0
        for task in tasks:
            report = next((p for p in task.progress if p.quarter == quarter), None)
            lights.append(pace_light(task, quarter, year, today, report))
            begun = today >= quarter_start(year, quarter)
            if report is None and begun and steps_in(task, quarter):
                unreported += 1
        counts = count_lights(lights)
        quarters.append(
            QuarterLights(counts[Light.GREEN], counts[Light.YELLOW], counts[Light.RED], unreported)
        )
    return tuple(quarters)


def unit_row(
    book: Book, submitted_at: str, today: dt.date, missing_chars: Iterable[str] = ()
) -> UnitRow:
    return UnitRow(
        unit=book.cover.unit_name,
        book_id=book.id,
        submitted_at=submitted_at,
        finalized_on=book.finalized_on,
        key_tasks=0 if book.no_key_tasks else len(book.key_tasks),
        functional_tasks=len(book.functional_tasks),
        findings=tuple(findings(book, missing_chars=missing_chars)),
        quarters=quarter_lights(book, today),
    )


def unit_rows(rows: Iterable[UnitRow], expected: Iterable[str] = ()) -> list[UnitRow]:
    """The view: with a list of expected units, in its order with 未报送 rows for those
    who sent nothing, then units not on the list; without one, the books by unit."""
    books = sorted(rows, key=lambda r: (unit_key(r.unit), r.book_id or 0))
    expected_units = unique_units(expected)
    if not expected_units:
        return books
    by_unit: dict[str, list[UnitRow]] = {}
    for row in books:
        by_unit.setdefault(unit_key(row.unit), []).append(row)
    view: list[UnitRow] = []
    for name in expected_units:
        view.extend(by_unit.pop(unit_key(name), None) or [UnitRow(name)])
    for rest in by_unit.values():
        view.extend(rest)
    return view
