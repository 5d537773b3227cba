"""全年一览: the year as a picture — a tile a unit, coloured 未报送 / 已报送 / 已定稿, with
its four quarters as small marks in the colour of their worst light, and a legend in words.

The tiles are the collection view's rows as shown (filtered and sorted as the table is);
a click chooses the unit's row, a double click opens its book.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain.collection import UnitRow
from bluebook_desktop.domain.year import Light
from bluebook_desktop.ui.collection_model import findings_text, worst_light

MISSING, SUBMITTED, FINALIZED = range(3)
STATE_FILL = {
    MISSING: QColor("#fbe3e1"),
    SUBMITTED: QColor("#dceaf8"),
    FINALIZED: QColor("#8fb8e6"),
}
STATE_BORDER = {
    MISSING: QColor("#c62828"),
    SUBMITTED: QColor("#7a9cc6"),
    FINALIZED: QColor("#2f5f9e"),
}
# The quarter marks, as the 进展填报 page colours a light.
MARK_COLOURS = {
    Light.GREEN: QColor("#2e7d32"),
    Light.YELLOW: QColor("#e0a800"),
    Light.RED: QColor("#c62828"),
    Light.GREY: QColor("#c4c4c4"),
}
GAP = 6


def state_of(row: UnitRow) -> int:
    if row.missing:
        return MISSING
    return FINALIZED if row.finalized_on is not None else SUBMITTED


def state_words() -> dict[int, str]:
    return {
        MISSING: QCoreApplication.translate("CollectionTiles", "未报送"),
        SUBMITTED: QCoreApplication.translate("CollectionTiles", "已报送"),
        FINALIZED: QCoreApplication.translate("CollectionTiles", "已定稿"),
    }


class TileGrid(QWidget):
    """The tiles, as many a line as the width holds."""

    clicked = Signal(int)  # the row (as shown) of the tile clicked
    activated = Signal(int)  # double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitRow] = []
        self.chosen = -1
        self.setMouseTracking(False)

    def least_size(self) -> QSize:
        """A tile holds 佛山市三水区 and a few characters more, and a line of marks."""
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("国") * 11 + 12, metrics.lineSpacing() * 2 + 18)

    def columns(self) -> int:
        return max(1, (self.width() - GAP) // (self.least_size().width() + GAP))

    def tile_size(self) -> QSize:
        """As wide as the line's share of the width: the tiles fill it."""
        least = self.least_size()
        width = (self.width() - GAP) // self.columns() - GAP
        return QSize(max(least.width(), width), least.height())

    def set_rows(self, rows: list[UnitRow], chosen: int = -1) -> None:
        self.rows = rows
        self.chosen = chosen
        self.updateGeometry()
        self._fit_height()
        self.update()

    def set_chosen(self, row: int) -> None:
        self.chosen = row
        self.update()

    def _fit_height(self) -> None:
        lines = -(-len(self.rows) // self.columns()) if self.rows else 0
        self.setMinimumHeight(lines * (self.tile_size().height() + GAP) + GAP)

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_height()

    def tile_rect(self, index: int) -> QRect:
        size = self.tile_size()
        columns = self.columns()
        line, column = divmod(index, columns)
        return QRect(
            GAP + column * (size.width() + GAP),
            GAP + line * (size.height() + GAP),
            size.width(),
            size.height(),
        )

    def tile_at(self, point: QPoint) -> int:
        size = self.tile_size()
        column = (point.x() - GAP) // (size.width() + GAP)
        line = (point.y() - GAP) // (size.height() + GAP)
        if column < 0 or column >= self.columns() or line < 0:
            return -1
        index = line * self.columns() + column
        if index >= len(self.rows) or not self.tile_rect(index).contains(point):
            return -1
        return index

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        words = state_words()
        visible = self.visibleRegion().boundingRect()
        for index, row in enumerate(self.rows):
            rect = self.tile_rect(index)
            if not rect.intersects(visible):
                continue
            state = state_of(row)
            pen = QPen(STATE_BORDER[state], 3 if index == self.chosen else 1)
            if state == MISSING:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(STATE_FILL[state])
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            text = rect.adjusted(6, 4, -6, -4)
            painter.setPen(QColor("#1a1a1a") if state != FINALIZED else QColor("#0b1f3a"))
            name = metrics.elidedText(row.unit, Qt.TextElideMode.ElideMiddle, text.width())
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, name)
            second = text.top() + metrics.lineSpacing() + 4
            if state == MISSING:
                painter.setPen(QColor("#a31515"))
                painter.drawText(text.left(), second + metrics.ascent(), words[MISSING])
                continue
            mark = max(8, metrics.height() - 4)
            for quarter in range(4):
                lights = row.quarters[quarter] if quarter < len(row.quarters) else None
                painter.setPen(QPen(QColor("#555555"), 1))
                painter.setBrush(MARK_COLOURS[worst_light(lights)])
                painter.drawRect(QRect(text.left() + quarter * (mark + 4), second + 1, mark, mark))
            problems = len(row.findings)
            if problems:
                painter.setPen(QColor("#a31515"))
                note = QCoreApplication.translate("CollectionTiles", "%1 处问题").replace(
                    "%1", str(problems)
                )
                painter.drawText(
                    QRect(text.left() + 4 * (mark + 4) + 4, second, text.width(), metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    note,
                )
        painter.end()

    def tooltip(self, index: int) -> str:
        row = self.rows[index]
        lines = [row.unit, state_words()[state_of(row)]]
        names = (
            QCoreApplication.translate("CollectionTiles", "第一季度"),
            QCoreApplication.translate("CollectionTiles", "第二季度"),
            QCoreApplication.translate("CollectionTiles", "第三季度"),
            QCoreApplication.translate("CollectionTiles", "第四季度"),
        )
        for name, lights in zip(names, row.quarters, strict=False):
            lines.append(f"{name}：{lights.text(QCoreApplication.translate)}")
        if row.findings:
            lines.append(findings_text(row, "\n"))
        return "\n".join(lines)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            index = self.tile_at(event.pos())
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip(index), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.tile_at(event.position().toPoint())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.chosen = index
            self.update()
            self.clicked.emit(index)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.tile_at(event.position().toPoint())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(index)


def _swatch(
    fill: QColor, border: QColor, dashed: bool = False, size: QSize | None = None
) -> QPixmap:
    size = size or QSize(26, 16)
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    pen = QPen(border, 1)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRect(QRect(0, 0, size.width() - 1, size.height() - 1))
    painter.end()
    return pixmap


def legend_items() -> list[tuple[QPixmap, str]]:
    """Each colour beside what it means: the tiles' states, then the quarters' marks."""
    words = state_words()
    items = [
        (_swatch(STATE_FILL[s], STATE_BORDER[s], s == MISSING), words[s])
        for s in (MISSING, SUBMITTED, FINALIZED)
    ]
    marks = {
        Light.RED: QCoreApplication.translate("CollectionTiles", "有任务滞后"),
        Light.YELLOW: QCoreApplication.translate("CollectionTiles", "有任务进行中或待报"),
        Light.GREEN: QCoreApplication.translate("CollectionTiles", "按进度"),
        Light.GREY: QCoreApplication.translate("CollectionTiles", "未开始或未填报"),
    }
    mark = QSize(14, 14)
    items += [
        (_swatch(MARK_COLOURS[light], QColor("#555555"), size=mark), text)
        for light, text in marks.items()
    ]
    return items


class TilesView(QWidget):
    """The grid in a scrolling area, the legend above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = TileGrid(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        self.legend: list[QLabel] = []  # the words of the legend, each after its colour
        items = legend_items()
        lines = [
            (QCoreApplication.translate("CollectionTiles", "单位："), items[:3]),
            (
                QCoreApplication.translate(
                    "CollectionTiles", "季度（四个小方块依次为第一至第四季度）："
                ),
                items[3:],
            ),
        ]
        for title, entries in lines:
            line = QHBoxLayout()
            line.setSpacing(4)
            line.addWidget(QLabel(title, self))
            for pixmap, text in entries:
                swatch = QLabel(self)
                swatch.setPixmap(pixmap)
                words = QLabel(text, self)
                self.legend.append(words)
                line.addWidget(swatch)
                line.addWidget(words)
                line.addSpacing(10)
            line.addStretch(1)
            layout.addLayout(line)
        layout.addWidget(self.scroll, 1)

    def show_rows(self, rows: list[UnitRow], chosen: int = -1) -> None:
        self.grid.set_rows(rows, chosen)

    def choose(self, row: int) -> None:
        self.grid.set_chosen(row)
        if row >= 0:
            self.scroll.ensureVisible(
                self.grid.tile_rect(row).center().x(), self.grid.tile_rect(row).center().y(), 10, 40
            )
