"""The list of books in the database: year, unit, title."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from bluebook_desktop.db.store import BookSummary

YEAR, UNIT, TITLE = range(3)
Index = QModelIndex | QPersistentModelIndex


class BookListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._books: list[BookSummary] = []
        self._headers = (self.tr("年度"), self.tr("单位名称"), self.tr("标题"))

    def set_books(self, books: list[BookSummary]) -> None:
        self.beginResetModel()
        self._books = list(books)
        self.endResetModel()

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
        return 0 if parent.isValid() else 3

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
        return book.title

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
