"""Task tables for reportlab: whole rows move to the next page, only a row taller than a
page is split, and a long table is laid out a window of rows at a time."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, Table

# A long table is handed to reportlab a window at a time: reportlab's Table does work in
# proportion to all its rows each time it breaks a page (styles, spans and row positions are
# made anew for the rest), which made 1,000 tasks take quadratic time.
FIRST_ROWS = 30  # task rows of the first window
WINDOW_PAGES = 4  # a window that runs short is filled up to about this many pages beyond


@dataclass(frozen=True)
class RowFeed:
    """Every body row of one task table, and how to make a table of some of them.

    `build(rows, heights, end, continued)` makes the table: the header, `rows` (with their
    `heights` where known, else None), the closing block when `end`, and the first row
    drawn from the top when it `continued` from the page before.
    """

    rows: list[list[Any]]
    build: Callable[[list[list[Any]], list[float | None], bool, bool], BookTable]

    def first(self) -> BookTable:
        end = min(FIRST_ROWS, len(self.rows))
        table = self.build(self.rows[:end], [None] * end, end == len(self.rows), False)
        table._feed, table._next = self, end
        return table


class BookTable(Table):
    """A task table: header repeated; a row that fits a page is never cut in two.

    reportlab's own splitInRow cuts a row whenever the rest of a page is too short; here a
    row is cut only when it could not fit even on an empty page, so it continues on the
    next page instead of failing. Rows joined by NOSPLIT (the last task and the closing
    block) move together; when together they are taller than a page, the last task is cut
    so that its end still goes with the closing block.
    """

    page_height = 0.0
    _feed: RowFeed | None = None  # the rows of the whole table, when it is a window of them
    _next = 0  # the first row of the feed not yet in this table
    _continued = False  # the first body row is the rest of a row cut at a page end

    def onSplit(self, T: Table, byRow: int = 1) -> None:  # noqa: N802, N803 - reportlab's names
        T.page_height = self.page_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        if self._waiting():
            # Rows are still to come: never whole on this page, so the frame calls split().
            height = max(height, availHeight + 1)
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        table = self._filled(availWidth, availHeight)
        parts = table._split_page(availWidth, availHeight)
        if len(parts) == 2:
            head, tail = parts
            head.page_height = tail.page_height = self.page_height
            tail._feed, tail._next = table._feed, table._next
            # A row cut in two is in both parts: one row more than the table had.
            tail._continued = head._nrows + tail._nrows - table._header_rows() > table._nrows
        return parts

    def _waiting(self) -> bool:
        return self._feed is not None and self._next < len(self._feed.rows)

    def _filled(self, availWidth: float, availHeight: float) -> BookTable:  # noqa: N803
        """This table, or, when all its rows might fit here while more wait, a table with
        enough more rows to fill this page and a few beyond."""
        if not self._waiting():
            return self
        self._calc(availWidth, availHeight)
        if sum(self._rowHeights) > availHeight:
            return self
        feed = self._feed
        assert feed is not None
        first = self._header_rows()
        carried = [list(row) for row in self._cellvalues[first:]]
        heights: list[float | None] = list(self._rowHeights[first:])
        target = availHeight + WINDOW_PAGES * self.page_height
        table, end = self, self._next
        while True:
            known = [h for h in table._rowHeights[first:] if h]
            average = sum(known) / len(known) if known else self.page_height / 8
            missing = target - sum(table._rowHeights)
            end = min(len(feed.rows), end + max(8, math.ceil(missing / max(average, 1)) + 1))
            rows = carried + feed.rows[self._next : end]
            filled = heights + [None] * (end - self._next)
            table = feed.build(rows, filled, end == len(feed.rows), self._continued)
            table._feed, table._next, table._continued = feed, end, self._continued
            table._calc(availWidth, availHeight)
            if end == len(feed.rows) or sum(table._rowHeights) > target:
                return table

    def _split_page(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        parts = self._splitRows(availHeight, doInRowSplit=0)
        if parts:
            return parts
        heights = self._rowHeights
        first, end = self._header_rows(), self._unit_end()
        if sum(heights[:end]) <= self.page_height:
            return []  # the next rows fit on a fresh page: move them there whole
        # The first row is taller than a page, or its glued rows make it so. When the row
        # would fit here on its own, keep room for the glued rows below its cut, so its
        # end goes with them; otherwise fill the page and let the rest continue.
        glued = sum(heights[first + 1 : end])
        fits_alone = sum(heights[: first + 1]) <= availHeight
        # A row across pages reads from the top: reportlab's cut of a vertically centred
        # row leaves pages of empty cells.
        self.setStyle([("VALIGN", (0, first), (-1, first), "TOP")])
        return self._splitRows(availHeight - (glued if fits_alone else 0), doInRowSplit=1)

    def first_unit_height(self, width: float) -> float:
        """The header and the first row, with the rows joined to it by NOSPLIT."""
        self.wrap(width, self.page_height)
        return sum(self._rowHeights[: self._unit_end()])

    def header_height(self) -> float:
        return sum(self._rowHeights[: self._header_rows()])

    def _unit_end(self) -> int:
        end = self._header_rows() + 1
        impossible: dict[int, None] = {}
        if self._nosplitCmds:
            self._getRowImpossible(impossible, self._rowNoSplitCells, self._nosplitRanges)
        while end < len(self._rowHeights) and end in impossible:
            end += 1
        return end

    def _header_rows(self) -> int:
        repeat = self.repeatRows
        return repeat if isinstance(repeat, int) else max(repeat) + 1
