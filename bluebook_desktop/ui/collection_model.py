"""The collection view's table: one row a unit (or a unit that sent nothing), the columns a
checker reads, and a filter by text and by what is wrong or missing.

Each column sorts by what it means: 报送时间 and 定稿 by date, the counts as numbers, the
findings by how many, a quarter by its red, then yellow, then green lights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from bluebook_desktop.domain import chinese_date
from bluebook_desktop.domain.collection import NOT_SUBMITTED, QuarterLights, UnitRow
from bluebook_desktop.domain.year import LIGHT_NAMES, Light
from bluebook_desktop.formats.summary import UnitBook, local_time, unreported_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT, SUBMITTED, FINALIZED, KEY, FUNCTIONAL, FINDINGS = range(6)
FIRST_QUARTER = 6  # then the other three, then 未报进展
UNREPORTED = FIRST_QUARTER + 4
Index = QModelIndex | QPersistentModelIndex

# What the view shows: everything, the units with something to ask about, those missing.
SHOW_ALL, SHOW_PROBLEMS, SHOW_MISSING = range(3)
MISSING_COLOUR = QColor("#fbe3e1")


def _tr(text: str) -> str:
    return QCoreApplication.translate("collection", text)


def headers() -> list[str]:
    translate = QCoreApplication.translate
    return [
        translate("collection", "单位"),
        translate("collection", "报送时间"),
        translate("collection", "定稿"),
        translate("collection", "重点\n工作数"),
        translate("collection", "职能\n工作数"),
        translate("collection", "检查发现"),
        translate("collection", "第一季度"),
        translate("collection", "第二季度"),
        translate("collection", "第三季度"),
        translate("collection", "第四季度"),
        translate("collection", "未报进展"),
    ]


def worst_light(lights: QuarterLights | None) -> Light:
    """The quarter at a glance: red when any task is late, else yellow, else green; grey
    for a quarter with nothing to show (not begun, or no progress reported this year)."""
    if lights is None:
        return Light.GREY
    if lights.red:
        return Light.RED
    if lights.yellow:
        return Light.YELLOW
    if lights.green:
        return Light.GREEN
    return Light.GREY


def short_lights(lights: QuarterLights) -> str:
    """2绿 0黄 1红: the counts, narrow enough for four quarters beside the findings."""
    names = [
        QCoreApplication.translate("year", LIGHT_NAMES[light])
        for light in (Light.GREEN, Light.YELLOW, Light.RED)
    ]
    counts = (lights.green, lights.yellow, lights.red)
    return " ".join(f"{count}{name}" for count, name in zip(counts, names, strict=True))


def findings_text(row: UnitRow, separator: str = "；") -> str:
    return separator.join(f.text(QCoreApplication.translate) for f in row.findings)


def has_problems(row: UnitRow) -> bool:
    """Something to ask the unit about: a finding, a red light, a report not made."""
    return bool(row.findings) or any(q.red or q.unreported for q in row.quarters)


class CollectionModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.units: list[UnitBook] = []
        self._headers = headers()
        self._texts: list[list[str]] = []

    def set_units(self, units: Sequence[UnitBook]) -> None:
        self.beginResetModel()
        self.units = list(units)
        self._texts = [self._row_texts(unit.row) for unit in self.units]
        self.endResetModel()

    def row_at(self, row: int) -> UnitRow:
        return self.units[row].row

    @staticmethod
    def _row_texts(row: UnitRow) -> list[str]:
        if row.missing:
            return [row.unit, _tr(NOT_SUBMITTED), *[""] * 9]
        quarters = [short_lights(lights) for lights in row.quarters]
        quarters += [""] * (4 - len(quarters))
        return [
            row.unit,
            local_time(row.submitted_at)[:10],  # the day; the tooltip and details the time
            row.finalized_on.isoformat() if row.finalized_on else "",
            str(row.key_tasks),
            str(row.functional_tasks),
            findings_text(row),
            *quarters,
            unreported_text(row),
        ]

    # --- the model ---

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.units[index.row()].row, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        quarter = column - FIRST_QUARTER
        lights = row.quarters[quarter] if 0 <= quarter < len(row.quarters) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FINDINGS and row.findings:
                return findings_text(row, "\n")
            if lights is not None:
                return lights.text(QCoreApplication.translate)
            if column == SUBMITTED and not row.missing:
                return local_time(row.submitted_at)
            if column == FINALIZED and row.finalized_on is not None:
                return chinese_date(row.finalized_on)
            return self._texts[index.row()][column] or None
        if role == SORT_ROLE:
            return _sort_value(row, column, self._texts[index.row()][column])
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.missing:
                return QBrush(MISSING_COLOUR)
            if lights is not None and worst_light(lights) != Light.GREY:
                from bluebook_desktop.ui.year_model import LIGHT_TINTS

                return QBrush(QColor(LIGHT_TINTS[worst_light(lights)]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (KEY, FUNCTIONAL, FINALIZED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _sort_value(row: UnitRow, column: int, text: str) -> Any:
    """What the column sorts by: numbers as numbers, dates as dates (a unit that sent
    nothing before any that did)."""
    if column == UNIT:
        return text
    if column == SUBMITTED:
        return row.submitted_at if not row.missing else ""
    if column == FINALIZED:
        return row.finalized_on.toordinal() if row.finalized_on else 0
    if column == KEY:
        return row.key_tasks if not row.missing else -1
    if column == FUNCTIONAL:
        return row.functional_tasks if not row.missing else -1
    if column == FINDINGS:
        return len(row.findings) if not row.missing else -1
    if FIRST_QUARTER <= column < UNREPORTED:
        quarter = column - FIRST_QUARTER
        if quarter >= len(row.quarters):
            return -1
        lights = row.quarters[quarter]
        return (lights.red * 1000 + lights.yellow) * 1000 + lights.green
    return sum(q.unreported for q in row.quarters) if row.quarters else -1


class CollectionFilter(QSortFilterProxyModel):
    """The rows shown: those matching the typed text in any column, and of the kind asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words = ""
        self._show = SHOW_ALL
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show(self, show: int) -> None:
        self.beginFilterChange()
        self._show = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, CollectionModel)
        row = model.row_at(source_row)
        if self._show == SHOW_MISSING and not row.missing:
            return False
        if self._show == SHOW_PROBLEMS and not (row.missing or has_problems(row)):
            return False
        if not self._words:
            return True
        texts = model._texts[source_row]  # noqa: SLF001 - the model's own display texts
        return any(self._words in text.casefold() for text in texts)

    def unit_rows(self) -> list[UnitRow]:
        """The rows as shown, in the order shown."""
        model = self.sourceModel()
        assert isinstance(model, CollectionModel)
        return [
            model.row_at(self.mapToSource(self.index(r, 0)).row()) for r in range(self.rowCount())
        ]
