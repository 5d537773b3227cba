"""The year's tables as Qt models: every task of both tables, one row each.

进展填报 (ProgressModel) shows one quarter: the task's plan there, its pace light and its
report; 年度自评 (ReviewModel) shows the four quarters at a glance and the year-end review.
Both keep their own tuple of rows so an edit shows at once; they report it with `edited`
and the page turns it into one session edit. Cell texts are made when first asked for
(a 1,000-task book opens without touching most rows).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from bluebook_desktop.domain import (
    LINE_MAX,
    QT_TRANSLATE_NOOP,
    TEXT_MAX,
    Book,
    Task,
    serial_numbers,
)
from bluebook_desktop.domain.year import (
    COMPLETED,
    LIGHT_NAMES,
    ON_PACE,
    RESULTS,
    STATUSES,
    Evidence,
    Light,
    Progress,
    Review,
    pace_light,
    quarter_of,
    steps_in,
)

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ANSWERED = frozenset(
    (_DISPLAY, _TOOLTIP, _EDIT, _ALIGNMENT, _DECORATION, _BACKGROUND, _FOREGROUND)
)
_CENTRED_TOP = (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop).value
_LEFT_TOP = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop).value
_LEFT_MIDDLE = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value

# The lights as the office colours them: a strong colour for the dot and the words, a pale
# one behind a cell's text (black text stays readable on it).
LIGHT_COLOURS = {
    Light.GREEN: "#2e7d32",
    Light.YELLOW: "#b88600",
    Light.RED: "#c62828",
    Light.GREY: "#757575",
}
LIGHT_TINTS = {
    Light.GREEN: "#dcefdc",
    Light.YELLOW: "#fff1bf",
    Light.RED: "#f9d6d5",
    Light.GREY: "#eeeeee",
}
# The choice in a 进度 or 自评结果 editor that takes the value away.
CLEAR_CHOICE = QT_TRANSLATE_NOOP("year", "（不填）")
SCORE_MAX = 1000
BAD_SCORE = QT_TRANSLATE_NOOP("year", "自评得分应为 0 到 {0} 之间的数字，如 95 或 92.5；没有改动。")
STATUS_NEEDED = QT_TRANSLATE_NOOP(
    "year", "这一季度的进展已有填写内容，进度不能不填；要删除这份进展，请先清空各栏和佐证材料。"
)
RESULT_NEEDED = QT_TRANSLATE_NOOP(
    "year", "这项任务的自评已有填写内容，自评结果不能不填；要删除自评，请先清空各栏和佐证材料。"
)
REASON_HINT = QT_TRANSLATE_NOOP("year", "（请填写未完成原因）")
KEY_KIND = QT_TRANSLATE_NOOP("year", "重点")
FUNCTIONAL_KIND = QT_TRANSLATE_NOOP("year", "职能")


def _tr(text: str) -> str:
    return QCoreApplication.translate("year", text)


QUARTER_NAMES = {
    1: QT_TRANSLATE_NOOP("year", "第一季度"),
    2: QT_TRANSLATE_NOOP("year", "第二季度"),
    3: QT_TRANSLATE_NOOP("year", "第三季度"),
    4: QT_TRANSLATE_NOOP("year", "第四季度"),
}
# The words of 进度 and 自评结果 as the window shows them (the book keeps the Chinese).
CHOICE_NAMES = {
    "已完成": QT_TRANSLATE_NOOP("year", "已完成"),
    "超进度": QT_TRANSLATE_NOOP("year", "超进度"),
    "按进度": QT_TRANSLATE_NOOP("year", "按进度"),
    "滞后": QT_TRANSLATE_NOOP("year", "滞后"),
    "完成": QT_TRANSLATE_NOOP("year", "完成"),
    "基本完成": QT_TRANSLATE_NOOP("year", "基本完成"),
    "未完成": QT_TRANSLATE_NOOP("year", "未完成"),
}
NOT_REPORTED = QT_TRANSLATE_NOOP("year", "未报")
NOT_BEGUN = QT_TRANSLATE_NOOP("year", "未开始")
PLAN_PREFIX = QT_TRANSLATE_NOOP("year", "计划：")
DONE_PREFIX = QT_TRANSLATE_NOOP("year", "完成情况：")


def quarter_name(quarter: int) -> str:
    """第一季度 … 第四季度, in the user's language."""
    return _tr(QUARTER_NAMES[quarter])


def choice_word(value: str) -> str:
    return _tr(CHOICE_NAMES.get(value, value))


def choice_of(word: str) -> str:
    """The book's value (按进度 …) of a word an editor shows, in either language."""
    return next((value for value in CHOICE_NAMES if word in (value, choice_word(value))), word)


def choice_words(values: tuple[str, ...]) -> tuple[str, ...]:
    """What a 进度 or 自评结果 editor offers: （不填）, then the values in the user's language."""
    return (_tr(CLEAR_CHOICE), *(choice_word(value) for value in values))


@cache
def light_icon(light: Light) -> QIcon:
    """A dot of the light's colour (never shown without the light's word beside it)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LIGHT_COLOURS[light]))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


@cache
def _tint(light: Light) -> QBrush:
    return QBrush(QColor(LIGHT_TINTS[light]))


def light_word(light: Light) -> str:
    return _tr(LIGHT_NAMES[light])


def size_text(size: int) -> str:
    """A file's size as the clerk reads it: 12 KB, 3.4 MB."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# --- the book's tasks, both tables, and edits of one of them ---


@dataclass(frozen=True)
class Row:
    key: bool  # a task of the 重点工作 table (else 职能工作)
    serial: str  # 序号 as printed in its own table
    task: Task


def book_rows(book: Book) -> list[Row]:
    key, functional = book.key_tasks, book.functional_tasks
    rows = [Row(True, s, t) for s, t in zip(serial_numbers(key), key, strict=True)]
    rows.extend(
        Row(False, s, t) for s, t in zip(serial_numbers(functional), functional, strict=True)
    )
    return rows


def with_task(book: Book, task: Task) -> Book:
    """The book with the task of the same id replaced by `task`."""
    for name in ("key_tasks", "functional_tasks"):
        tasks: tuple[Task, ...] = getattr(book, name)
        for at, old in enumerate(tasks):
            if old.id == task.id:
                return replace(book, **{name: tasks[:at] + (task,) + tasks[at + 1 :]})
    raise KeyError(task.id)


def report_of(task: Task, quarter: int) -> Progress | None:
    return next((report for report in task.progress if report.quarter == quarter), None)


def with_report(task: Task, quarter: int, report: Progress | None) -> Task:
    """The task with its report for `quarter` replaced (None: removed)."""
    reports = [r for r in task.progress if r.quarter != quarter]
    if report is not None:
        reports.append(report)
    return replace(task, progress=tuple(reports))


PROGRESS_TEXTS = ("done", "value", "problems", "next_steps")
REVIEW_TEXTS = ("done", "reason")


def _has_content(record: Progress | Review, texts: tuple[str, ...]) -> bool:
    return bool(record.evidence) or any(getattr(record, name).strip() for name in texts)


def parse_score(text: str) -> float | None:
    """自评得分 typed: "" is none; a number 0–1000; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    score = float(text)
    if not math.isfinite(score) or not 0 <= score <= SCORE_MAX:
        raise ValueError(text)
    return score


def score_text(score: float | None) -> str:
    if score is None:
        return ""
    return str(int(score)) if score == int(score) else f"{score:g}"


# --- the models ---


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    edits: bool = False
    centred: bool = False


class _YearModel(QAbstractTableModel):
    """The rows of both tables; subclasses say what the columns are."""

    COLUMNS: tuple[Column, ...] = ()
    #: A cell of the task with this id was edited: the field's name.
    edited = Signal(str, str)
    #: An edit was not taken: the reason, for the clerk.
    refused = Signal(str)

    def __init__(self, today: Callable[[], dt.date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._rows: list[Row] = []
        self._texts: list[tuple[str, ...] | None] = []
        self._year = 0
        # The book's two tables as last shown whole (None once a row was edited here), and
        # how many rows are key tasks.
        self._shown: tuple[tuple[Task, ...], tuple[Task, ...]] | None = None
        self._key_count = 0
        self.replaced: list[tuple[Task, Task]] = []
        # The light's word beside its dot, both in the middle of the row's height.
        self._alignments = [
            _LEFT_MIDDLE if c.name == "light" else _CENTRED_TOP if c.centred else _LEFT_TOP
            for c in self.COLUMNS
        ]

    def column(self, name: str) -> int:
        return next((at for at, c in enumerate(self.COLUMNS) if c.name == name), -1)

    # --- the book ---

    def set_book(self, book: Book) -> None:
        """Show `book`; rows stay (and keep their selection) when the tasks are the same.

        Only rows whose task changed are made anew (tasks are immutable: a task not edited
        is the same object in the new book)."""
        key, functional = book.key_tasks, book.functional_tasks
        year_changed = book.cover.year != self._year
        self._year = book.cover.year
        #: The tasks this call changed in place: (as shown before, as shown now).
        self.replaced: list[tuple[Task, Task]] = []
        shown = self._shown
        if not year_changed and shown is not None and key is shown[0] and functional is shown[1]:
            return
        self._shown = (key, functional)
        tasks = (*key, *functional)
        rows = self._rows
        if (
            len(key) != self._key_count
            or len(rows) != len(tasks)
            or any(row.task.id != task.id for row, task in zip(rows, tasks, strict=True))
        ):
            self.beginResetModel()
            self._rows = book_rows(book)
            self._key_count = len(key)
            self._texts = [None] * len(self._rows)
            self.forget()
            self.endResetModel()
            return
        for at, (row, task) in enumerate(zip(rows, tasks, strict=True)):
            if year_changed or row.task is not task:
                self.replaced.append((row.task, task))
                rows[at] = replace(row, task=task)
                self._texts[at] = None
                self.forget(at)
                self._row_changed(at)

    def forget(self, row: int | None = None) -> None:
        """What a subclass keeps of a row (or of every row) is to be made anew."""

    def refresh(self) -> None:
        """Every row anew (the quarter or today changed)."""
        self._texts = [None] * len(self._rows)
        if self._rows:
            self._row_changed(0, len(self._rows) - 1)

    def task_at(self, row: int) -> Task | None:
        return self._rows[row].task if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: str | None) -> int:
        return next((at for at, r in enumerate(self._rows) if r.task.id == task_id), -1)

    def update_task(self, task: Task) -> None:
        row = self.row_of(task.id)
        if row >= 0 and self._rows[row].task is not task:
            self._shown = None  # the rows are no longer the book last shown
            self._rows[row] = replace(self._rows[row], task=task)
            self._texts[row] = None
            self._row_changed(row)

    @property
    def year(self) -> int:
        return self._year

    # --- QAbstractTableModel ---

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self.header(section)

    def header(self, section: int) -> str:
        return _tr(self.COLUMNS[section].header)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.COLUMNS[index.column()].edits:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if role not in _ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rows):
            return None
        if role == _ALIGNMENT:
            return self._alignments[column]
        if role == _DISPLAY:
            return self.display_text(row, column)
        if role == _EDIT:
            return self.edit_text(row, self.COLUMNS[column].name)
        if role == _TOOLTIP:
            return self.tooltip(row, self.COLUMNS[column].name)
        if role == _DECORATION:
            return self.decoration(row, self.COLUMNS[column].name)
        if role == _BACKGROUND:
            return self.background(row, self.COLUMNS[column].name)
        return self.foreground(row, self.COLUMNS[column].name)

    def display_text(self, row: int, column: int) -> str:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = tuple(self.cell_text(row, c.name) for c in self.COLUMNS)
        return texts[column]

    def cell_text(self, row: int, name: str) -> str:
        item = self._rows[row]
        if name == "serial":
            return item.serial
        if name == "kind":
            return _tr(KEY_KIND if item.key else FUNCTIONAL_KIND)
        if name == "task":
            return item.task.task
        return self.year_text(row, name)

    # Subclasses: the year's cells.
    def year_text(self, row: int, name: str) -> str:
        raise NotImplementedError

    def edit_text(self, row: int, name: str) -> str | None:
        return None

    def tooltip(self, row: int, name: str) -> str | None:
        if name == "evidence":
            return "\n".join(record.name for record in self.evidence(row)) or None
        return self.display_text(row, self.column(name)) or None

    def evidence(self, row: int) -> tuple[Evidence, ...]:
        """The supporting files the row's 佐证材料 cell counts."""
        return ()

    def decoration(self, row: int, name: str) -> object:
        return None

    def background(self, row: int, name: str) -> object:
        return None

    def foreground(self, row: int, name: str) -> object:
        return None

    def _row_changed(self, first: int, last: int | None = None) -> None:
        last = first if last is None else last
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def _changed(self, task: Task, field: str) -> bool:
        old = self.task_at(self.row_of(task.id))
        if old == task:
            return True
        self.update_task(task)
        self.edited.emit(task.id, field)
        return True


class ProgressModel(_YearModel):
    """进展填报: one quarter's report of every task."""

    COLUMNS = (
        Column("serial", QT_TRANSLATE_NOOP("year", "序号"), centred=True),
        Column("kind", QT_TRANSLATE_NOOP("year", "类别"), centred=True),
        Column("task", QT_TRANSLATE_NOOP("year", "工作任务")),
        Column("plan", QT_TRANSLATE_NOOP("year", "本季度计划")),
        Column("light", QT_TRANSLATE_NOOP("year", "进度灯")),
        Column("status", QT_TRANSLATE_NOOP("year", "进度"), edits=True, centred=True),
        Column("done", QT_TRANSLATE_NOOP("year", "完成情况"), edits=True),
        Column("value", QT_TRANSLATE_NOOP("year", "完成值"), edits=True),
        Column("problems", QT_TRANSLATE_NOOP("year", "存在问题"), edits=True),
        Column("next_steps", QT_TRANSLATE_NOOP("year", "下步措施"), edits=True),
        Column("evidence", QT_TRANSLATE_NOOP("year", "佐证材料"), centred=True),
    )

    def __init__(self, today: Callable[[], dt.date], parent: QObject | None = None) -> None:
        super().__init__(today, parent)
        self.quarter = 1
        self._lights: dict[int, Light] = {}
        # Reports this page made with 按进度 filled in for the clerk (a text typed first):
        # when every text is cleared again, the report goes with them.
        self._defaulted: set[tuple[str, int]] = set()

    def set_quarter(self, quarter: int) -> None:
        if quarter != self.quarter:
            self.quarter = quarter
            self.refresh()

    def refresh(self) -> None:
        self._lights.clear()
        super().refresh()

    def forget(self, row: int | None = None) -> None:
        if row is None:
            self._lights.clear()
        else:
            self._lights.pop(row, None)

    def update_task(self, task: Task) -> None:
        self.forget(self.row_of(task.id))
        super().update_task(task)

    def report(self, row: int) -> Progress | None:
        task = self.task_at(row)
        return report_of(task, self.quarter) if task is not None else None

    def evidence(self, row: int) -> tuple[Evidence, ...]:
        report = self.report(row)
        return report.evidence if report is not None else ()

    def light(self, row: int) -> Light:
        light = self._lights.get(row)
        if light is None:
            task = self._rows[row].task
            report = report_of(task, self.quarter)
            light = pace_light(task, self.quarter, self._year, self.today(), report)
            self._lights[row] = light
        return light

    def year_text(self, row: int, name: str) -> str:
        task = self._rows[row].task
        if name == "plan":
            return "\n".join(task.schedule[i].printed() for i in steps_in(task, self.quarter))
        if name == "light":
            return light_word(self.light(row))
        report = report_of(task, self.quarter)
        if report is None:
            return ""
        if name == "status":
            return choice_word(report.status)
        if name == "evidence":
            return str(len(report.evidence)) if report.evidence else ""
        return str(getattr(report, name))

    def edit_text(self, row: int, name: str) -> str | None:
        if not self.COLUMNS[self.column(name)].edits:
            return None
        report = self.report(row)
        if report is None:
            return ""
        return choice_word(report.status) if name == "status" else str(getattr(report, name))

    def decoration(self, row: int, name: str) -> object:
        return light_icon(self.light(row)) if name == "light" else None

    def foreground(self, row: int, name: str) -> object:
        if name == "light":
            return QBrush(QColor(LIGHT_COLOURS[self.light(row)]))
        return None

    def background(self, row: int, name: str) -> object:
        return _tint(self.light(row)) if name == "status" and self.report(row) else None

    def setData(  # noqa: N802
        self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name = self.COLUMNS[index.column()].name
        if not self.COLUMNS[index.column()].edits:
            return False
        task = self._rows[index.row()].task
        text = str(value or "")
        if name == "status":
            return self.set_status(task, choice_of(text))
        limit = LINE_MAX if name == "value" else TEXT_MAX
        text = text.strip()[:limit] if name == "value" else text[:limit]
        return self.set_text(task, name, text)

    def set_status(self, task: Task, status: str) -> bool:
        key = (task.id, self.quarter)
        report = report_of(task, self.quarter)
        if status not in STATUSES:  # （不填）: the report goes, when nothing else is in it
            if report is None:
                return True
            if _has_content(report, PROGRESS_TEXTS):
                self.refused.emit(_tr(STATUS_NEEDED))
                return False
            self._defaulted.discard(key)
            return self._changed(with_report(task, self.quarter, None), "status")
        self._defaulted.discard(key)
        if report is None:
            report = Progress(self.quarter, status, reported_on=self.today())
        else:
            report = replace(report, status=status)
        return self._changed(with_report(task, self.quarter, report), "status")

    def set_text(self, task: Task, name: str, text: str) -> bool:
        report = report_of(task, self.quarter)
        if report is None:
            if not text.strip():
                return True
            report = Progress(self.quarter, ON_PACE, reported_on=self.today())
            self._defaulted.add((task.id, self.quarter))
        return self._changed(self._settled(task, replace(report, **{name: text})), name)

    def set_evidence(self, task: Task, evidence: tuple[Evidence, ...]) -> None:
        """The quarter's supporting files of `task` are now `evidence`."""
        report = report_of(task, self.quarter)
        if report is None:
            if not evidence:
                return
            report = Progress(self.quarter, ON_PACE, reported_on=self.today())
            self._defaulted.add((task.id, self.quarter))
        self._changed(self._settled(task, replace(report, evidence=evidence)), "evidence")

    def _settled(self, task: Task, report: Progress) -> Task:
        """The task with `report`, or without it when it holds nothing the clerk gave."""
        key = (task.id, self.quarter)
        if key in self._defaulted and not _has_content(report, PROGRESS_TEXTS):
            self._defaulted.discard(key)
            return with_report(task, self.quarter, None)
        return with_report(task, self.quarter, report)


class ReviewModel(_YearModel):
    """年度自评: the four quarters in view, and the year-end review of every task."""

    COLUMNS = (
        Column("serial", QT_TRANSLATE_NOOP("year", "序号"), centred=True),
        Column("kind", QT_TRANSLATE_NOOP("year", "类别"), centred=True),
        Column("task", QT_TRANSLATE_NOOP("year", "工作任务")),
        Column("q1", QT_TRANSLATE_NOOP("year", "一季度"), centred=True),
        Column("q2", QT_TRANSLATE_NOOP("year", "二季度"), centred=True),
        Column("q3", QT_TRANSLATE_NOOP("year", "三季度"), centred=True),
        Column("q4", QT_TRANSLATE_NOOP("year", "四季度"), centred=True),
        Column("result", QT_TRANSLATE_NOOP("year", "自评结果"), edits=True, centred=True),
        Column("done", QT_TRANSLATE_NOOP("year", "全年完成情况"), edits=True),
        Column("reason", QT_TRANSLATE_NOOP("year", "未完成原因"), edits=True),
        Column("score", QT_TRANSLATE_NOOP("year", "自评得分"), edits=True, centred=True),
        Column("evidence", QT_TRANSLATE_NOOP("year", "佐证材料"), centred=True),
    )
    QUARTER_COLUMNS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}

    def __init__(self, today: Callable[[], dt.date], parent: QObject | None = None) -> None:
        super().__init__(today, parent)
        self._defaulted: set[str] = set()

    def review(self, row: int) -> Review | None:
        task = self.task_at(row)
        return task.review if task is not None else None

    def evidence(self, row: int) -> tuple[Evidence, ...]:
        review = self.review(row)
        return review.evidence if review is not None else ()

    def quarter_light(self, row: int, quarter: int) -> Light:
        task = self._rows[row].task
        return pace_light(task, quarter, self._year, self.today(), report_of(task, quarter))

    def year_text(self, row: int, name: str) -> str:
        task = self._rows[row].task
        quarter = self.QUARTER_COLUMNS.get(name)
        if quarter is not None:
            report = report_of(task, quarter)
            if report is not None:
                return choice_word(report.status)
            # No report: 未报 where one is (or was) due, 未开始 before the quarter begins,
            # — where the quarter has no step.
            if not steps_in(task, quarter):
                return "—"
            if self.quarter_light(row, quarter) is Light.GREY:
                return _tr(NOT_BEGUN)
            return _tr(NOT_REPORTED)
        review = task.review
        if (
            name == "reason"
            and review is not None
            and review.result != COMPLETED
            and not review.reason.strip()
        ):
            return _tr(REASON_HINT)
        if review is None:
            return ""
        if name == "result":
            return choice_word(review.result)
        if name == "score":
            return score_text(review.score)
        if name == "evidence":
            return str(len(review.evidence)) if review.evidence else ""
        return str(getattr(review, name))

    def edit_text(self, row: int, name: str) -> str | None:
        if not self.COLUMNS[self.column(name)].edits:
            return None
        review = self.review(row)
        if review is None:
            return ""
        if name == "score":
            return score_text(review.score)
        if name == "result":
            return choice_word(review.result)
        return str(getattr(review, name))

    def tooltip(self, row: int, name: str) -> str | None:
        quarter = self.QUARTER_COLUMNS.get(name)
        if quarter is None:
            return super().tooltip(row, name)
        task = self._rows[row].task
        report = report_of(task, quarter)
        light = light_word(self.quarter_light(row, quarter))
        plan = "\n".join(task.schedule[i].printed() for i in steps_in(task, quarter))
        lines = [f"{quarter_name(quarter)}：{light}"]
        if plan:
            lines.append(_tr(PLAN_PREFIX) + plan)
        if report is not None and report.done:
            lines.append(_tr(DONE_PREFIX) + report.done)
        return "\n".join(lines)

    def background(self, row: int, name: str) -> object:
        quarter = self.QUARTER_COLUMNS.get(name)
        return _tint(self.quarter_light(row, quarter)) if quarter is not None else None

    def foreground(self, row: int, name: str) -> object:
        if name == "reason":
            review = self.review(row)
            if review is not None and review.result != COMPLETED and not review.reason.strip():
                return QBrush(QColor(LIGHT_COLOURS[Light.RED]))
        return None

    def setData(  # noqa: N802
        self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.COLUMNS[index.column()]
        if not column.edits:
            return False
        task = self._rows[index.row()].task
        text = str(value or "")
        if column.name == "result":
            return self.set_result(task, choice_of(text))
        if column.name == "score":
            try:
                score = parse_score(text)
            except ValueError:
                self.refused.emit(_tr(BAD_SCORE).format(SCORE_MAX))
                return False
            return self._set(task, "score", score, bool(score is not None))
        text = text[:TEXT_MAX]
        return self._set(task, column.name, text, bool(text.strip()))

    def set_result(self, task: Task, result: str) -> bool:
        review = task.review
        if result not in RESULTS:
            if review is None:
                return True
            if _has_content(review, REVIEW_TEXTS) or review.score is not None:
                self.refused.emit(_tr(RESULT_NEEDED))
                return False
            self._defaulted.discard(task.id)
            return self._changed(replace(task, review=None), "result")
        self._defaulted.discard(task.id)
        review = Review(result) if review is None else replace(review, result=result)
        return self._changed(replace(task, review=review), "result")

    def _set(self, task: Task, name: str, value: object, given: bool) -> bool:
        review = task.review
        if review is None:
            if not given:
                return True
            review = Review(COMPLETED)
            self._defaulted.add(task.id)
        return self._changed(self._settled(task, replace(review, **{name: value})), name)

    def set_evidence(self, task: Task, evidence: tuple[Evidence, ...]) -> None:
        review = task.review
        if review is None:
            if not evidence:
                return
            review = Review(COMPLETED)
            self._defaulted.add(task.id)
        self._changed(self._settled(task, replace(review, evidence=evidence)), "evidence")

    def _settled(self, task: Task, review: Review) -> Task:
        if (
            task.id in self._defaulted
            and not _has_content(review, REVIEW_TEXTS)
            and review.score is None
        ):
            self._defaulted.discard(task.id)
            return replace(task, review=None)
        return replace(task, review=review)


# --- the quarter the clerk sees first, and what is due next ---


def default_quarter(year: int, today: dt.date) -> int:
    """The current quarter in the book's own year; the last for a past year, the first for a
    year still to come."""
    if year == today.year:
        return quarter_of(today)
    return 4 if year < today.year else 1
