"""The list of books in the database: year, unit, title, when it was last changed."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from bluebook_desktop.db.store import BookSummary

YEAR, UNIT, TITLE, MODIFIED = range(4)
Index = QModelIndex | QPersistentModelIndex


class BookListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._books: list[BookSummary] = []
        self._headers = (self.tr("年度"), self.tr("单位名称"), self.tr("标题"), self.tr("修改时间"))
        self.today = dt.date.today  # replaced in tests

    def set_books(self, books: list[BookSummary]) -> None:
        self.beginResetModel()
        self._books = list(books)
        self.endResetModel()

    def set_modified(self, book_id: int, stamp: str) -> None:
        """The row of a book just stored shows its new time, without reloading the list."""
        row = self.row_of(book_id)
        if row >= 0:
            self._books[row] = dataclasses.replace(self._books[row], modified_at=stamp)
            index = self.index(row, MODIFIED)
            self.dataChanged.emit(index, index)

    def book_at(self, row: int) -> BookSummary | None:
        return self._books[row] if 0 <= row < len(self._books) else None

    def row_of(self, book_id: int | None) -> int:
        for row, book in enumerate(self._books):
            if book.id == book_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._books)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        book = self._books[index.row()]
        column = index.column()
        if column == YEAR:
            return str(book.year)
        if column == UNIT:
            return book.unit_name or self.tr("（未填单位）")
        if column == MODIFIED:
            return self._modified(book.modified_at, role == Qt.ItemDataRole.ToolTipRole)
        return book.title

    def _modified(self, stamp: str, full: bool) -> str:
        """When the book was last stored, in local time: short in the list (today: the time;
        this year: month, day and time), to the second in the tooltip. Two copies of one
        book, imported side by side, are told apart by it."""
        if not stamp:
            return self.tr("（较早）") if not full else self.tr("本程序更新前最后修改")
        try:
            moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            return ""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.timezone.utc)
        local = moment.astimezone()
        if full:
            return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M:%S}"
        if local.date() == self.today():
            return f"{local:%H:%M}"
        if local.year == self.today().year:
            return f"{local.month}月{local.day}日 {local:%H:%M}"
        return f"{local.year}年{local.month}月{local.day}日"

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
