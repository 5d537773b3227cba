"""Task tables for reportlab: whole rows move to the next page, only a row taller than a
page is split, and a long table is laid out a window of rows at a time."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bluebook_desktop.formats.pdf_closing import ClosingBlock
from bluebook_desktop.formats.platypus import Flowable, Table

# A long table is handed to reportlab a window at a time: reportlab's Table does work in
# proportion to all its rows each time it breaks a page (styles, spans and row positions are
# made anew for the rest), which made 1,000 tasks take quadratic time.
FIRST_ROWS = 30  # task rows of the first window
WINDOW_PAGES = 4  # a window that runs short is filled up to about this many pages beyond
_FUZZ = 1e-6

# Where a task's row was drawn: (task id, page index, left, top, right, bottom), in points
# from the page's lower left corner (the window's live preview marks the row being edited).
RowPlace = tuple[str, int, float, float, float, float]

# Asked at every page break of a task table when set: True when the layout is no longer
# wanted (the live preview's process, when a newer edit came), which then stops at once.
stop_check: Callable[[], bool] | None = None


class LayoutAbandoned(Exception):
    """The layout was stopped by `stop_check`: a newer one is wanted instead."""


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
    next page instead of failing. The closing block follows the table: the last task
    keeps room below it for the closing block's first piece, and moves to the next page
    with it when there is none. Only when the last task and that piece cannot share a
    page is the task cut, so that its last lines still stand above the closing block.
    """

    page_height = 0.0
    closing: ClosingBlock | None = None  # what follows the last row, when this table ends
    end_lines = 0.0  # the height of a cut row's end kept for the closing block
    _feed: RowFeed | None = None  # the rows of the whole table, when it is a window of them
    _next = 0  # the first row of the feed not yet in this table
    _continued = False  # the first body row is the rest of a row cut at a page end
    _repeated = False  # a later part of the table: its header is a repeat
    rows_seen: list[RowPlace] | None = None  # where each task's row was drawn, when asked

    def onSplit(self, T: Table, byRow: int = 1) -> None:  # noqa: N802, N803 - reportlab's names
        T.page_height = self.page_height
        T.end_lines = self.end_lines
        T.rows_seen = self.rows_seen

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        super().drawOn(canvas, x, y, _sW)
        if self.rows_seen is None:
            return
        left = self._hAlignAdjust(x, _sW)
        page = canvas.getPageNumber() - 1
        for row, cells in enumerate(self._cellvalues):
            first = cells[0] if cells else None
            task_id = (
                getattr(first[0], "task_id", None)
                if isinstance(first, (list, tuple)) and first
                else None
            )
            if task_id is not None:
                top, bottom = y + self._rowpositions[row], y + self._rowpositions[row + 1]
                self.rows_seen.append((task_id, page, left, top, left + self._width, bottom))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        if self._waiting() or height + self._closing_need(availWidth) > availHeight + _FUZZ:
            # Rows are still to come, or the closing block would not fit below the last
            # row: never whole on this page, so the frame calls split().
            height = max(height, availHeight + 1)
        return width, height

    def _closing_need(self, width: float) -> float:
        return self.closing.first_piece_height(width) if self.closing else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if stop_check is not None and stop_check():
            raise LayoutAbandoned
        table = self._filled(availWidth, availHeight)
        parts = table._split_page(availWidth, availHeight)
        if len(parts) == 2:
            head, tail = parts
            for part in parts:
                part.page_height, part.end_lines = self.page_height, self.end_lines
            head.closing, tail.closing = None, table.closing
            tail._feed, tail._next = table._feed, table._next
            tail._repeated = True
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
            table._repeated = self._repeated
            table._calc(availWidth, availHeight)
            if end == len(feed.rows) or sum(table._rowHeights) > target:
                return table

    def _split_page(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        first = self._header_rows()
        header = sum(heights[:first])
        need = self._closing_need(availWidth)
        fresh = availHeight >= self.page_height - 1
        parts = self._splitRows(availHeight, doInRowSplit=0)
        if parts and parts[0] is self:
            # Every row fits, the closing block does not: the last row goes to the next page
            # with it, unless it is the only row here.
            parts = []
            if len(heights) - first >= 2:
                parts = self._splitRows(sum(heights[:-1]) + _FUZZ, doInRowSplit=0)
        if len(parts) == 2:
            cut = len(heights) - (parts[1]._nrows - first)  # the first row of the tail
            if header + heights[cut] > self.page_height:
                # A row taller than any page starts here, below the rows before it, rather
                # than under a second header on this page or with an empty rest of a page.
                return self._cut_row(cut, availHeight) or parts
            return parts
        row = heights[first]
        if header + row + (need if len(heights) == first + 1 else 0) <= self.page_height:
            return []  # fits on a fresh page with what goes with it: move it there whole
        if not fresh and (self._repeated or header + row <= self.page_height):
            return []  # a repeated header never stands mid-page; a row that fits a page
            # is cut only on a page of its own
        if header + row <= availHeight:
            # The last row fits this page alone, but not with the closing block: keep its
            # last lines for the closing block's page.
            return self._cut_row(first, header + row - self.end_lines)
        return self._cut_row(first, availHeight)

    def _cut_row(self, row: int, height: float) -> list[Flowable]:
        # A row across pages reads from the top: reportlab's cut of a vertically centred
        # row leaves pages of empty cells.
        self.setStyle([("VALIGN", (0, row), (-1, row), "TOP")])
        # reportlab cuts the cells' text at the height left, not counting their padding:
        # without it, a cut row's last line would hang below the page's text area.
        padding = max(style.topPadding + style.bottomPadding for style in self._cellStyles[row])
        return self._splitRows(height - padding, doInRowSplit=1)

    def first_unit_height(self, width: float) -> float:
        """The header and the first row, with the closing block's first piece when that row
        is the last."""
        self.wrap(width, self.page_height)
        height = sum(self._rowHeights[: self._header_rows() + 1])
        if len(self._rowHeights) == self._header_rows() + 1:
            height += self._closing_need(width)
        return height

    def header_height(self) -> float:
        return sum(self._rowHeights[: self._header_rows()])

    def _header_rows(self) -> int:
        repeat = self.repeatRows
        return repeat if isinstance(repeat, int) else max(repeat) + 1
