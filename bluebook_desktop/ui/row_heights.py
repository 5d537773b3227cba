"""Rows of a table as tall as their text, measured only near the view (fast with 1,000 rows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


class RowHeights(QObject):
    """Every row as tall as its longest cell, measured only where the clerk can see it.

    Qt's own ResizeToContents measures all rows on every change: with 1,000 tasks, opening
    the page and each edit took half a second. Here a row is measured when it comes within
    a screen of the view, and again when its text or the column widths change; rows never
    near the view keep the default height, so only the scroll bar's size is an estimate.
    A row measured above the view moves the view with it: what is on screen stays put.
    The rows that fill the last screen are measured too, so the end can be scrolled to.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._fitted: set[int] = set()  # rows measured at the current column widths
        self._busy = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        header = table.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # A row is as tall as its cells say, nothing else. The (hidden) row header would
        # otherwise impose its own minimum, the height of a line in the header's font: where
        # the system has a taller Latin font than the Chinese face the cells are drawn in
        # (DejaVu Sans beside a Ming or Hei face), every one-line row came out too tall.
        header.setMinimumSectionSize(1)
        model = table.model()
        model.modelReset.connect(self._forget_all)
        model.layoutChanged.connect(self._forget_all)
        model.rowsInserted.connect(self._forget_all)
        model.rowsRemoved.connect(self._forget_all)
        model.rowsMoved.connect(self._forget_all)
        model.dataChanged.connect(self._forget_rows)
        table.horizontalHeader().sectionResized.connect(self._forget_all)
        table.verticalScrollBar().valueChanged.connect(self.fit)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange):
            self._later.start()
        return False

    def _forget_all(self) -> None:
        self._fitted.clear()
        self._later.start()  # once the view has taken the change in

    def _forget_rows(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        self._fitted.difference_update(range(top.row(), bottom.row() + 1))
        self._later.start()

    def reveal(self, index: QModelIndex) -> None:
        """Scroll to `index`, with the rows around it measured first so it lands in view."""
        self._fit_rows(self._around(index.row()))
        self._table.scrollTo(index)
        self.fit()

    def fit(self) -> None:
        """Measure the rows in view (and a screen either side) that are not measured yet."""
        if self._busy:
            return
        self._busy = True
        try:
            # Measuring changes heights, and so which rows are in view: a few rounds settle it.
            for _ in range(8):
                if not self._fit_rows(self._wanted()):
                    break
        finally:
            self._busy = False

    def _wanted(self) -> list[int]:
        table = self._table
        count = table.model().rowCount()
        if not count:
            return []
        screen = max(table.viewport().height(), 1)
        first = table.rowAt(0)
        first = 0 if first < 0 else first
        rows = self._around(first, above=screen, below=2 * screen)
        # The rows that fill the last screen decide how far the table can scroll.
        return rows + self._around(count - 1, above=screen, below=0)

    def _around(self, row: int, above: int | None = None, below: int | None = None) -> list[int]:
        """Rows from about `above` pixels before `row` to `below` pixels after it."""
        table = self._table
        header = table.verticalHeader()
        count = table.model().rowCount()
        screen = max(table.viewport().height(), 1)
        above = screen if above is None else above
        below = screen if below is None else below
        start = row
        height = 0
        while start > 0 and height < above:
            start -= 1
            height += header.sectionSize(start)
        end = row
        height = 0
        while end < count - 1 and height < below:
            end += 1
            height += header.sectionSize(end)
        return list(range(max(start, 0), min(end, count - 1) + 1))

    def _fit_rows(self, rows: list[int]) -> bool:
        """Measure those of `rows` not measured yet; True if any was."""
        todo = [row for row in dict.fromkeys(rows) if row not in self._fitted]
        if not todo:
            return False
        table = self._table
        header = table.verticalHeader()
        first = table.rowAt(0)
        above = 0  # how much the rows above the view grew: the view moves down as much
        for row in todo:
            before = header.sectionSize(row)
            # Not resizeRowToContents: it also asks the row header, in the header's font.
            header.resizeSection(row, max(table.sizeHintForRow(row), 1))
            self._fitted.add(row)
            if 0 <= row < first:
                above += header.sectionSize(row) - before
        if above:
            table.updateGeometries()  # the scroll range, before the view is moved in it
            bar = table.verticalScrollBar()
            bar.setValue(bar.value() + above)
        return True
