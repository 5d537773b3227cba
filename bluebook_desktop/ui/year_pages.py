"""The year's pages: 进展填报 (one quarter's reports) and 年度自评 (the year-end review).

Both are a table of every task of both tables, edited in place as the task tables are
(ui/cell_editors.py: Enter, F2 or a double-click opens a cell, each keystroke is in the book),
with the supporting files of the selected row below it. Every change is one session edit:
undo, redo and storing hold as for the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QDropEvent, QKeyEvent, QPainter, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain import TEXT_MAX, Book, Task, chinese_date, parse_date
from bluebook_desktop.domain.year import (
    RESULTS,
    STATUSES,
    Evidence,
    SelfReview,
    book_evidence,
    report_due,
)
from bluebook_desktop.ui.cell_editors import CellDelegate, PaddedDelegate
from bluebook_desktop.ui.evidence_panel import EvidenceFiles, EvidencePanel, FileDrops
from bluebook_desktop.ui.row_heights import RowHeights
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.year_model import (
    BAD_SCORE,
    SCORE_MAX,
    ProgressModel,
    ReviewModel,
    _YearModel,
    choice_words,
    default_quarter,
    parse_score,
    quarter_name,
    report_of,
    score_text,
    with_task,
)

_Index = QModelIndex | QPersistentModelIndex

# Column widths in characters.
_PROGRESS_EMS = {
    "serial": 2.5,
    "kind": 3,
    "task": 8,
    "plan": 12,
    "light": 4.5,
    "status": 5,
    "done": 14,
    "value": 6,
    "problems": 9,
    "next_steps": 9,
    "evidence": 4,
}
_REVIEW_EMS = {
    "serial": 2.5,
    "kind": 3,
    "task": 8,
    "q1": 4,
    "q2": 4,
    "q3": 4,
    "q4": 4,
    "result": 5,
    "done": 16,
    "reason": 10,
    "score": 4,
    "evidence": 4,
}


class _TintDelegate(PaddedDelegate):
    """A cell coloured by its light keeps its colour in the selected row (the selection
    shows as lines above and below it): the clerk reads the row being worked on too."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if not selected or index.data(Qt.ItemDataRole.BackgroundRole) is None:
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        painter.save()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
        rect = option.rect
        painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()


class _YearPage(QWidget):
    """What both pages share: the table, its editors and keys, the files of the row."""

    def __init__(
        self,
        model: _YearModel,
        session: BookSession,
        files: EvidenceFiles,
        today: Callable[[], dt.date],
        ems: dict[str, float],
        choices: dict[str, tuple[str, ...]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.today = today
        self.model = model
        self._book: Book = session.book
        self._current_id: str | None = None
        self._shown_once = False

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # As in the task tables: never AnyKeyPressed (a Chinese input method's first key
        # would open an editor and be lost); Enter is handled in eventFilter.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setItemDelegate(_TintDelegate(self.table))
        for at, column in enumerate(model.COLUMNS):
            if not column.edits:
                continue
            if column.name in choices:
                delegate = CellDelegate("choice", self.table, choices=choices[column.name])
            elif column.name in ("value", "score"):
                delegate = CellDelegate("line", self.table)
            else:
                delegate = CellDelegate("text", self.table)
            delegate.refused.connect(self._text_cut)
            self.table.setItemDelegateForColumn(at, delegate)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        em = self.table.fontMetrics().horizontalAdvance("中")
        for at, column in enumerate(model.COLUMNS):
            if column.name in ems:
                self.table.setColumnWidth(at, round(em * ems[column.name]))
            else:
                header.setSectionResizeMode(at, QHeaderView.ResizeMode.ResizeToContents)
        self._rows = RowHeights(self.table)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self._drops = FileDrops(self.table.viewport(), self._dropped_on_table)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        model.refused.connect(self.show_message)
        model.edited.connect(self._cell_edited)

        self.files = EvidencePanel(files, today, self)
        self.files.added.connect(self._files_added)
        self.files.removed.connect(self._file_removed)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.files)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([460, 150])
        session.changed.connect(self._session_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            # The first row was selected before the table had its width: 序号 in view.
            self._shown_once = True
            self.table.horizontalScrollBar().setValue(0)

    # --- loading ---

    def load(self, book: Book, undone: bool = False) -> None:
        """Show `book`; after undo or redo (`undone`) the task whose year data changed is
        selected, so the clerk sees what came back."""
        self._book = book
        row = self._current_row()
        self.model.set_book(book)
        changed = [
            new.id
            for old, new in self.model.replaced
            if undone and (old.progress, old.review) != (new.progress, new.review)
        ]
        self._select(changed[0] if changed else self._current_id, row)
        self._show_files()
        self.book_shown(book)

    def book_shown(self, book: Book) -> None:
        """The page's own parts beside the table (subclasses)."""

    def _session_changed(self, book: Book, source: object) -> None:
        if source is self:
            self._book = book
            self._show_files()
        else:
            self.load(book, undone=source is None)

    # --- selection ---

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def current_task(self) -> Task | None:
        return self.model.task_at(self._current_row())

    def _select(self, task_id: str | None, fallback_row: int = -1) -> None:
        count = self.model.rowCount()
        row = self.model.row_of(task_id)
        if row < 0 and count:
            row = min(max(fallback_row, 0), count - 1)
        if row < 0:
            self._current_id = None
            return
        column = max(self.table.currentIndex().column(), self.model.column("task"))
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._rows.reveal(index)

    def select_task(self, task_id: str) -> None:
        self._select(task_id)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task = self.model.task_at(current.row()) if current.isValid() else None
        self._current_id = task.id if task else None
        self.show_message("")
        self._show_files()

    # --- edits ---

    def edit_text(self, field: str) -> str:
        raise NotImplementedError

    def merge_key(self, task_id: str, field: str) -> str:
        raise NotImplementedError

    def _cell_edited(self, task_id: str, field: str) -> None:
        task = self.model.task_at(self.model.row_of(task_id))
        if task is None:
            return
        self.show_message("")
        merge = None if field == "evidence" else self.merge_key(task_id, field)
        self._book = with_task(self._session.book, task)
        self._session.edit(self._book, self.edit_text(field), merge=merge, source=self)
        self.book_shown(self._book)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _text_cut(self, limit: int) -> None:
        self.show_message(
            QCoreApplication.translate("YearPage", "每栏最多 {0} 字，多出的部分没有保留。").format(
                limit
            )
        )

    # --- supporting files ---

    def evidence_of(self, task: Task) -> tuple[Evidence, ...]:
        raise NotImplementedError

    def set_evidence(self, task: Task, evidence: tuple[Evidence, ...]) -> None:
        raise NotImplementedError

    def files_title(self, task: Task) -> str:
        raise NotImplementedError

    def _show_files(self) -> None:
        task = self.current_task()
        if task is None:
            self.files.set_records(
                None, QCoreApplication.translate("YearPage", "佐证材料：请先在上面选择一项任务。")
            )
            return
        records = self.evidence_of(task)
        numbers = (
            {e.sha256: n for n, e in enumerate(book_evidence(self._book), start=1)}
            if records
            else {}
        )
        self.files.set_records(records, self.files_title(task), numbers)

    def _files_added(self, records: list[Evidence]) -> None:
        task = self.current_task()
        if task is not None:
            self.set_evidence(task, self.evidence_of(task) + tuple(records))

    def _file_removed(self, record: Evidence) -> None:
        task = self.current_task()
        if task is not None:
            kept = tuple(e for e in self.evidence_of(task) if e.sha256 != record.sha256)
            self.set_evidence(task, kept)

    def _dropped_on_table(self, paths: list, event: QDropEvent) -> None:
        index = self.table.indexAt(event.position().toPoint())
        if index.isValid():
            self.table.setCurrentIndex(index)
        if self.current_task() is not None:
            self.files.add_paths(paths)

    # --- keys ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.table.state() != QAbstractItemView.State.EditingState
            and self.table.currentIndex().isValid()
        ):
            index = self.table.currentIndex()
            if self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                self.table.edit(index)
            return True
        return super().eventFilter(watched, event)


class ProgressPage(_YearPage):
    """进展填报: the chosen quarter's plan, light and report of every task."""

    #: The clerk chose another quarter.
    quarterChanged = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        session: BookSession,
        files: EvidenceFiles,
        today: Callable[[], dt.date] = dt.date.today,
        quarter: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        model = ProgressModel(today)
        statuses = choice_words(STATUSES)
        super().__init__(model, session, files, today, _PROGRESS_EMS, {"status": statuses}, parent)
        model.setParent(self)
        self.quarter_box = QComboBox(self)
        for q in (1, 2, 3, 4):
            self.quarter_box.addItem(quarter_name(q), q)
        self.due = QLabel(self)
        top = QHBoxLayout()
        label = QLabel(self.tr("季度："), self)
        label.setBuddy(self.quarter_box)
        top.addWidget(label)
        top.addWidget(self.quarter_box)
        top.addSpacing(12)
        top.addWidget(self.due, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        year = session.book.cover.year
        model.quarter = quarter if quarter in (1, 2, 3, 4) else default_quarter(year, today())
        self.quarter_box.setCurrentIndex(model.quarter - 1)
        self.quarter_box.currentIndexChanged.connect(self._quarter_chosen)
        self.load(session.book)
        self._select(None, 0)

    @property
    def quarter(self) -> int:
        return self.model.quarter

    def set_quarter(self, quarter: int) -> None:
        self.quarter_box.setCurrentIndex(quarter - 1)

    def _quarter_chosen(self, at: int) -> None:
        assert isinstance(self.model, ProgressModel)
        self.model.set_quarter(at + 1)
        self.show_message("")
        self._show_files()
        self.book_shown(self._book)
        self.quarterChanged.emit(at + 1)

    def book_shown(self, book: Book) -> None:
        quarter = self.model.quarter if isinstance(self.model, ProgressModel) else 1
        due = report_due(book.cover.year, quarter)
        self.due.setText(
            self.tr("{0}进展 {1}前报送。").format(quarter_name(quarter), chinese_date(due))
        )

    def edit_text(self, field: str) -> str:
        texts = {
            "status": self.tr("修改进度"),
            "done": self.tr("修改完成情况"),
            "value": self.tr("修改完成值"),
            "problems": self.tr("修改存在问题"),
            "next_steps": self.tr("修改下步措施"),
            "evidence": self.tr("修改佐证材料"),
        }
        return texts.get(field, self.tr("修改进展"))

    def merge_key(self, task_id: str, field: str) -> str:
        return f"{task_id}.q{self.quarter}.{field}"

    def evidence_of(self, task: Task) -> tuple[Evidence, ...]:
        report = report_of(task, self.quarter)
        return report.evidence if report is not None else ()

    def set_evidence(self, task: Task, evidence: tuple[Evidence, ...]) -> None:
        assert isinstance(self.model, ProgressModel)
        self.model.set_evidence(task, evidence)

    def files_title(self, task: Task) -> str:
        name = task.task or self.tr("（未填工作任务）")
        return self.tr("“{0}”{1}的佐证材料").format(name, quarter_name(self.quarter))


class ReviewPage(_YearPage):
    """年度自评: every task's four quarters, its review, and the book's self-review."""

    def __init__(
        self,
        session: BookSession,
        files: EvidenceFiles,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        model = ReviewModel(today)
        results = choice_words(RESULTS)
        super().__init__(model, session, files, today, _REVIEW_EMS, {"result": results}, parent)
        model.setParent(self)

        self.summary_box = QGroupBox(self.tr("自评总结"), self)
        self.summary = QPlainTextEdit(self.summary_box)
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("全年目标任务完成情况的总体自评"))
        self.reviewed_on = QLineEdit(self.summary_box)
        self.reviewed_on.setPlaceholderText(self.tr("如 2021-12-20"))
        self.score = QLineEdit(self.summary_box)
        self.score.setPlaceholderText(self.tr("可不填"))
        self.summary_message = QLabel(self.summary_box)
        self.summary_message.setStyleSheet("color: #c62828;")
        self.summary_message.setWordWrap(True)
        self.summary_message.hide()
        fields = QFormLayout()
        fields.addRow(self.tr("自评日期："), self.reviewed_on)
        fields.addRow(self.tr("总评得分："), self.score)
        box = QHBoxLayout(self.summary_box)
        box.addWidget(self.summary, 3)
        side = QVBoxLayout()
        side.addLayout(fields)
        side.addWidget(self.summary_message)
        side.addStretch(1)
        box.addLayout(side, 1)
        self.splitter.addWidget(self.summary_box)
        self.splitter.setSizes([380, 130, 120])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self.summary.textChanged.connect(self._summary_typed)
        self.reviewed_on.textEdited.connect(self._summary_typed)
        self.score.textEdited.connect(self._summary_typed)
        self.load(session.book)
        self._select(None, 0)

    def book_shown(self, book: Book) -> None:
        review = book.self_review or SelfReview()
        if self.summary.toPlainText() != review.summary:
            with QSignalBlocker(self.summary):
                self.summary.setPlainText(review.summary)
        # A field keeps what is typed in it while that still says what the book holds (a
        # refused entry stays for the clerk to mend); otherwise it shows the book.
        if _parsed(self.reviewed_on.text(), _date_or_none) != review.reviewed_on:
            self.reviewed_on.setText(review.reviewed_on.isoformat() if review.reviewed_on else "")
        if _parsed(self.score.text(), parse_score) != review.score:
            self.score.setText(score_text(review.score))

    def _summary_typed(self, *_args: object) -> None:
        """A field of the self-review typed into: what is valid goes into the book at once;
        a refused date or score keeps what the book had, and says why."""
        old = self._session.book.self_review or SelfReview()
        problems = []
        try:
            reviewed_on = _date_or_none(self.reviewed_on.text())
        except ValueError:
            problems.append(self.tr("自评日期应写成 2021-12-20 这样的格式；没有改动。"))
            reviewed_on = old.reviewed_on
        try:
            score = parse_score(self.score.text())
        except ValueError:
            problems.append(QCoreApplication.translate("year", BAD_SCORE).format(SCORE_MAX))
            score = old.score
        self.summary_message.setText("\n".join(problems))
        self.summary_message.setVisible(bool(problems))
        new = SelfReview(self.summary.toPlainText()[:TEXT_MAX], reviewed_on, score)
        self_review = None if new == SelfReview() else new
        if self_review == self._session.book.self_review:
            return
        self._book = replace(self._session.book, self_review=self_review)
        self._session.edit(self._book, self.tr("修改自评总结"), merge="self_review", source=self)

    def edit_text(self, field: str) -> str:
        texts = {
            "result": self.tr("修改自评结果"),
            "done": self.tr("修改全年完成情况"),
            "reason": self.tr("修改未完成原因"),
            "score": self.tr("修改自评得分"),
            "evidence": self.tr("修改佐证材料"),
        }
        return texts.get(field, self.tr("修改年度自评"))

    def merge_key(self, task_id: str, field: str) -> str:
        return f"{task_id}.review.{field}"

    def evidence_of(self, task: Task) -> tuple[Evidence, ...]:
        return task.review.evidence if task.review is not None else ()

    def set_evidence(self, task: Task, evidence: tuple[Evidence, ...]) -> None:
        assert isinstance(self.model, ReviewModel)
        self.model.set_evidence(task, evidence)

    def files_title(self, task: Task) -> str:
        name = task.task or self.tr("（未填工作任务）")
        return self.tr("“{0}”年度自评的佐证材料").format(name)


def _date_or_none(text: str) -> dt.date | None:
    text = text.strip()
    return parse_date(text) if text else None


def _parsed(text: str, parse: Callable[[str], object]) -> object:
    """What a field says, or the text itself when it says nothing valid."""
    try:
        return parse(text)
    except ValueError:
        return text
