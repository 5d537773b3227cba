"""The 重点工作/改革任务 and 职能工作任务 pages: a task table beside the editor of one task."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from bluebook_desktop.domain import Book, Task, guideline_warning
from bluebook_desktop.domain.form import FORM, Kind, Section
from bluebook_desktop.ui.cell_editors import CellDelegate, PaddedDelegate
from bluebook_desktop.ui.clicks import on_click_once
from bluebook_desktop.ui.forms.ui_task_page import Ui_TaskPage
from bluebook_desktop.ui.messages import rule_text
from bluebook_desktop.ui.row_heights import RowHeights
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.task_detail import Completions, TaskDetail
from bluebook_desktop.ui.task_model import TaskTableModel

# The window's widths of the narrow columns, in characters (the PDF's mm / 3.5 otherwise).
_EMS = {"task": 6, "leaders": 7, "role": 5}


def _has_content(task: Task) -> bool:
    return bool(task.task or task.objective or task.target or task.schedule or task.leaders)


class TaskPage(QWidget):
    """One table of tasks: the form's `section` (a Section, or its name: "key_tasks")."""

    def __init__(
        self,
        section: Section | str,
        session: BookSession,
        completions: Completions,
        parent: QWidget | None = None,
    ) -> None:
        if isinstance(section, str):
            section = FORM.section(section)  # KeyError for a name the form has not
        super().__init__(parent)
        self.ui = Ui_TaskPage()
        self.ui.setupUi(self)
        self.section = section
        # The clerk may say the unit has no task of this section (本单位未承担).
        self.offers_none = section.none_field is not None
        self._session = session
        self._book: Book | None = None
        self._tasks: tuple[Task, ...] | None = None  # what the model shows, by identity
        self._current_id: str | None = None

        self.model = TaskTableModel(section, self)
        self.detail = TaskDetail(completions, section, self.ui.detailContainer)
        self.model.leadersCut.connect(self.detail.show_too_many_leaders)
        self.model.leadersRepeated.connect(self.detail.show_already_there)
        self.ui.detailLayout.addWidget(self.detail)
        # The editor's scroll bar is always there: one appearing as a step grows (a warning,
        # a longer preview) would narrow the pane and move what the clerk is clicking.
        self.ui.detailScroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._set_up_table(completions)
        self._set_up_actions()
        # Table wider than the editor; the main window may restore the user's own sizes.
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.splitter.setSizes([560, 440])
        self.ui.noKeyTasksCheck.setVisible(self.offers_none)
        self.ui.noKeyTasksCheck.clicked.connect(self._no_key_tasks_clicked)

        self.model.moved.connect(self._rows_moved)
        self.model.edited.connect(self._cell_edited)
        self.detail.taskEdited.connect(self._task_edited)
        session.changed.connect(self._session_changed)
        session.planKept.connect(self._close_cell_editor)
        self.load(session.book)

    @property
    def splitter(self) -> QSplitter:
        """Between the table and the task editor; the main window remembers its position."""
        return self.ui.splitter

    @property
    def table(self) -> QTableView:
        return self.ui.table

    # --- set-up ---

    def _set_up_table(self, completions: Completions) -> None:
        table = self.ui.table
        table.setModel(self.model)
        # Never AnyKeyPressed: the first letter typed for a Chinese input method would open
        # an editor and be swallowed. Enter is handled in eventFilter.
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # Every keystroke in a cell editor is in the book at once (ui/cell_editors.py).
        table.setItemDelegate(PaddedDelegate(table))  # 序号 and 全年进度安排
        # Each cell the table edits has the editor of its Task field.
        editors = {
            "task": lambda: CellDelegate("line", table, names=completions.task_names),
            "objective": lambda: CellDelegate("text", table),
            "leaders": lambda: CellDelegate("line", table),
            "role": lambda: CellDelegate("role", table),
        }
        for at, c in enumerate(self.section.columns):
            if c.stored_as_extra:  # lines of text, as in the editor beside the table
                delegate = CellDelegate("text", table)
            elif c.edits is not None:  # a field not named above is edited as one line
                delegate = editors.get(c.edits, lambda: CellDelegate("line", table))()
            else:
                continue
            table.setItemDelegateForColumn(at, delegate)
            delegate.refused.connect(self.detail.show_refused)  # said beside the table
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(0)  # 序号 sized by the rows in view, not all rows
        em = table.fontMetrics().horizontalAdvance("中")
        for at, c in enumerate(self.section.columns):
            if c.kind is Kind.SERIAL:
                header.setSectionResizeMode(at, QHeaderView.ResizeMode.ResizeToContents)
            elif c.pdf_mm is None:  # the long texts share what is left, as in print
                header.setSectionResizeMode(at, QHeaderView.ResizeMode.Stretch)
            else:  # 20 mm of print (工作任务) is 6 characters wide here
                table.setColumnWidth(at, round(em * _EMS.get(c.name, c.pdf_mm / 3.5)))
        # Multi-line cells: every row as tall as its longest cell, re-measured on changes.
        self._rows = RowHeights(table)
        table.installEventFilter(self)
        table.doubleClicked.connect(self._double_clicked)
        selection = table.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)

    def _set_up_actions(self) -> None:
        self.add_action = self._action(self.tr("添加任务"), "Ins", self.add_task)
        self.delete_action = self._action(self.tr("删除任务"), "Del", self.delete_task)
        self.up_action = self._action(self.tr("上移"), "Ctrl+Up", lambda: self.move_task(-1))
        self.down_action = self._action(self.tr("下移"), "Ctrl+Down", lambda: self.move_task(1))
        on_click_once(self.ui.addButton, self.add_task)
        on_click_once(self.ui.removeButton, self.delete_task)
        self.ui.upButton.clicked.connect(lambda: self.move_task(-1))
        self.ui.downButton.clicked.connect(lambda: self.move_task(1))
        self.ui.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action(self, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.ui.table)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not while typing
        action.triggered.connect(slot)
        self.ui.table.addAction(action)
        return action

    # --- loading ---

    def load(self, book: Book) -> None:
        """Show `book`; emits no edit. Keeps the selected task (by id) when it still exists."""
        self._book = book
        tasks = self.section.tasks(book)
        if tasks is not self._tasks:
            # A task that comes back (undoing its deletion) or anew (redoing its adding) is
            # selected: the clerk sees what the undo did.
            before = {task.id for task in self._tasks} if self._tasks is not None else None
            returned = [t.id for t in tasks if before is not None and t.id not in before]
            self._tasks = tasks
            row = self._current_row()
            self.model.set_tasks(tasks)
            self._select(returned[0] if returned else self._current_id, row)
        self.detail.set_book_leaders(self._book_leaders())
        # The completion lists (names used in every book) are asked for when the clerk
        # enters a name field, not here: the first paint needs no database query.
        self._show_current()
        self._show_book_state()

    def _close_cell_editor(self) -> None:
        for delegate in self.ui.table.findChildren(CellDelegate):
            delegate.close_unkept()

    def _session_changed(self, book: Book, source: object) -> None:
        if source is self:
            self._book = book
            self._show_book_state()
        else:
            self.load(book)

    def _show_current(self) -> None:
        self.detail.set_task(self.model.task_at(self._current_row()))
        self._update_buttons()

    def _show_book_state(self) -> None:
        book = self._book
        assert book is not None
        ui = self.ui
        note = self.section.note(book)
        ui.noteLabel.setText(self.tr("说明：{0}").format(note) if note else "")
        ui.noteLabel.setVisible(bool(note))
        warning = guideline_warning(book)
        ui.warningLabel.setVisible(warning is not None)
        if warning is not None:
            ui.warningLabel.setText(rule_text(warning))
        no_key_tasks = self.section.has_none(book)
        with QSignalBlocker(ui.noKeyTasksCheck):
            ui.noKeyTasksCheck.setChecked(no_key_tasks)
        ui.splitter.setVisible(not no_key_tasks)
        # With the table hidden, the explanation takes the free space (its text stays on top).
        layout = ui.mainLayout
        layout.setStretch(layout.indexOf(ui.noKeyTasksLabel), 1 if no_key_tasks else 0)
        ui.noKeyTasksLabel.setText(self._no_key_tasks_text(book))
        ui.noKeyTasksLabel.setVisible(self.offers_none and bool(ui.noKeyTasksLabel.text()))

    def _no_key_tasks_text(self, book: Book) -> str:
        if not self.offers_none:
            return ""
        if book.no_key_tasks:
            text = self.tr("本单位未承担重点工作、改革重点项目：打印时表格各栏填“无”。")
            if book.key_tasks:
                text += self.tr("已填写的 {0} 项任务仍保留，取消勾选即可恢复。").format(
                    len(book.key_tasks)
                )
            return text
        if not book.key_tasks:
            return self.tr("尚未填写重点工作：打印时表格各栏填“无”。")
        return ""

    def _book_leaders(self) -> list[str]:
        assert self._book is not None
        tasks = (*self._book.key_tasks, *self._book.functional_tasks)
        return [name for task in tasks for name in task.leaders]

    # --- selection ---

    def _current_row(self) -> int:
        index = self.ui.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, task_id: str | None, fallback_row: int = -1) -> None:
        """Select the task with this id, else the row at `fallback_row` (or the nearest)."""
        count = self.model.rowCount()
        row = self.model.row_of(task_id)
        if row < 0 and count:
            row = min(max(fallback_row, 0), count - 1)
        if row < 0:
            self._current_id = None
            self.ui.table.selectionModel().clear()
            self._show_current()
            return
        column = max(self.ui.table.currentIndex().column(), self.model.column("task"))
        index = self.model.index(row, column)
        self.ui.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._rows.reveal(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task = self.model.task_at(current.row()) if current.isValid() else None
        self._current_id = task.id if task else None
        self._show_current()

    def _update_buttons(self) -> None:
        row = self._current_row()
        count = self.model.rowCount()
        for widget in (self.ui.removeButton, self.delete_action):
            widget.setEnabled(row >= 0)
        for widget in (self.ui.upButton, self.up_action):
            widget.setEnabled(row > 0)
        for widget in (self.ui.downButton, self.down_action):
            widget.setEnabled(0 <= row < count - 1)

    # --- edits: the model changes first, then one session edit with this page as source ---

    def _push(self, text: str, merge: str | None) -> None:
        self._tasks = self.model.tasks()
        new_book = replace(self._session.book, **{self.section.name: self._tasks})
        self._session.edit(new_book, text, merge=merge, source=self)
        self._update_buttons()

    def add_task(self) -> None:
        """Add an empty task after the selected one and put the cursor in its 工作任务."""
        row = self._current_row()
        row = row + 1 if row >= 0 else self.model.rowCount()
        task = Task()
        self.model.insert_task(row, task)
        self._push(self.tr("添加任务"), None)
        self._select(task.id)
        self.detail.focus_field("task")

    def delete_task(self) -> None:
        """Delete the selected task, asking first when something has been written in it."""
        row = self._current_row()
        task = self.model.task_at(row)
        if task is None:
            return
        if _has_content(task):
            name = task.task or self.tr("（未填工作任务）")
            question = self.tr("删除第 {0} 项任务“{1}”？删除后可用“撤销”恢复。")
            if not self._ask(question.format(row + 1, name), self.tr("删除")):
                return
        self.model.remove_task(row)
        self._push(self.tr("删除任务"), None)
        self._select(None, row)
        self.ui.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_task(self, step: int) -> None:
        """Move the selected task one row up (-1) or down (1)."""
        row = self._current_row()
        if row < 0:
            return
        destination = row - 1 if step < 0 else row + 2  # moveRows counts before the move
        if self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), destination):
            self._rows.reveal(self.ui.table.currentIndex())

    def _rows_moved(self) -> None:
        self._push(self.tr("调整任务顺序"), None)

    def _cell_edited(self, task_id: str, field: str) -> None:
        texts = {
            "task": self.tr("修改工作任务"),
            "objective": self.tr("修改年度目标"),
            "leaders": self.tr("修改责任领导"),
            "role": self.tr("修改牵头/协办"),
        }
        column = self.section.column(field)
        if field not in texts and column is not None:  # another form's column (分值 …)
            texts[field] = self.tr("修改{0}").format(
                QCoreApplication.translate("form", column.header)
            )
        self._push(texts.get(field, self.tr("修改工作任务")), f"{task_id}.{field}")
        if task_id == self._current_id:
            self._show_current()
        if field == "leaders":
            self.detail.set_book_leaders(self._book_leaders())

    def _task_edited(self, task: Task, text: str, merge: str | None) -> None:
        self.model.update_task(task)
        self._push(text, f"{task.id}.{merge}" if merge else None)
        self.detail.set_book_leaders(self._book_leaders())

    def _no_key_tasks_clicked(self, checked: bool) -> None:
        if checked and self.model.rowCount():
            question = self.tr(
                "已填写 {0} 项重点工作。勾选“本单位未承担”后，打印时表格各栏填“无”；"
                "已填写的任务会保留，取消勾选即可恢复。是否继续？"
            ).format(self.model.rowCount())
            if not self._ask(question, self.tr("勾选")):
                with QSignalBlocker(self.ui.noKeyTasksCheck):
                    self.ui.noKeyTasksCheck.setChecked(False)
                return
        text = self.tr("标记本单位未承担重点工作") if checked else self.tr("取消“本单位未承担”")
        self._session.edit(replace(self._session.book, no_key_tasks=checked), text, source=self)

    def _ask(self, question: str, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("请确认"), question, parent=self)
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is yes

    # --- keys and clicks on the table ---

    def _open_cell(self, index: QModelIndex) -> None:
        """Edit the cell in place; 序号 edits 工作任务, 全年进度安排 opens the schedule editor
        beside the table (Escape there comes back to the table)."""
        if index.column() == self.model.column("serial"):
            index = index.siblingAtColumn(self.model.column("task"))
            self.ui.table.setCurrentIndex(index)
        if self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.ui.table.edit(index)
        else:
            self.detail.focus_field("schedule")

    def _double_clicked(self, index: QModelIndex) -> None:
        if not self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._open_cell(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Escape in the editor beside the table (not taken by a field) goes back to it."""
        focus = self.focusWidget()
        if (
            event.key() == Qt.Key.Key_Escape
            and focus is not None
            and self.detail.isAncestorOf(focus)
        ):
            self.ui.table.setFocus(Qt.FocusReason.OtherFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.ui.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.ui.table.state() != QAbstractItemView.State.EditingState
            and self.ui.table.currentIndex().isValid()
        ):
            self._open_cell(self.ui.table.currentIndex())
            return True
        return super().eventFilter(watched, event)
