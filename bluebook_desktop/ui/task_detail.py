"""The editor of one task: 工作任务, 年度目标, 目标, 责任领导, 牵头/协办 and 全年进度安排."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSignalBlocker,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCompleter,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from bluebook_desktop.domain import (
    ASSIST,
    LEAD,
    LINE_MAX,
    MAX_LEADERS,
    ROLES,
    TEXT_MAX,
    ScheduleEntry,
    Task,
    parse_leaders,
)
from bluebook_desktop.domain.form import FORM, Column, Section
from bluebook_desktop.ui.forms.ui_task_detail import Ui_TaskDetail
from bluebook_desktop.ui.schedule_editor import clamp_text, set_plain_text


class Completions(Protocol):
    """Where the completion lists come from (the main window passes the repository's)."""

    def task_names(self) -> list[str]: ...

    def leader_names(self) -> list[str]: ...


def _set_line_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        with QSignalBlocker(edit):
            edit.setText(text)


def clamp_line(edit: QLineEdit, limit: int = LINE_MAX) -> bool:
    """Cut a line edit's text back to `limit` characters; True when something was refused.

    Used instead of QLineEdit.setMaxLength, which cuts a long paste without a word."""
    text = edit.text()
    if len(text) <= limit:
        return False
    with QSignalBlocker(edit):
        edit.setText(text[:limit])
    return True


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


class TaskDetail(QWidget):
    """Shows one task and reports every change at once; it never touches the book itself."""

    #: The changed Task, the undo step's name, and what merges typing in one field
    #: ("objective", "schedule.<step id>.text") or None when the change is its own undo step.
    taskEdited = Signal(object, str, object)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        completions: Completions,
        section: Section = FORM.functional_tasks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TaskDetail()
        self.ui.setupUi(self)
        self._completions = completions
        self._has_role = section.has_role
        self._task: Task | None = None
        self._book_leaders: list[str] = []

        ui = self.ui
        # No setMaxLength: it cuts a paste without a word; the fields say so (clamp_line).
        ui.leaderEdit.textEdited.connect(
            lambda _text: clamp_line(ui.leaderEdit) and self._refused(LINE_MAX)
        )
        self._task_names = QStringListModel(self)
        self._leader_names = QStringListModel(self)
        ui.taskEdit.setCompleter(self._completer(self._task_names))
        ui.leaderEdit.setCompleter(self._completer(self._leader_names))
        ui.taskEdit.installEventFilter(self)
        ui.leaderEdit.installEventFilter(self)
        ui.leadersList.installEventFilter(self)

        objective = section.column("objective")
        if objective is not None and objective.editor_label:  # named as the section heads it
            ui.objectiveLabel.setText(QCoreApplication.translate("form", objective.editor_label))
        ui.roleLabel.setVisible(self._has_role)
        ui.roleWidget.setVisible(self._has_role)
        # A column of the form that no field above holds (分值 …) gets its own field here,
        # under 目标, named by the column's header: no form file describes it.
        self.extra_edits: dict[str, QPlainTextEdit] = {}
        row = ui.formLayout.getWidgetPosition(ui.targetEdit)[0] + 1
        previous: QWidget = ui.targetEdit
        for at, column in enumerate(section.extra_columns):
            edit = self.extra_edits[column.name] = self._extra_field(column, row + at)
            QWidget.setTabOrder(previous, edit)  # Tab goes down the fields as they are shown
            previous = edit

        ui.taskEdit.textChanged.connect(self._task_typed)
        ui.objectiveEdit.textChanged.connect(self._objective_typed)
        ui.targetEdit.textChanged.connect(self._target_typed)
        ui.leaderEdit.returnPressed.connect(self.add_leaders)
        ui.addLeaderButton.clicked.connect(self.add_leaders)
        ui.removeLeaderButton.clicked.connect(self._remove_leader)
        ui.leaderUpButton.clicked.connect(lambda: self._move_leader(-1))
        ui.leaderDownButton.clicked.connect(lambda: self._move_leader(1))
        ui.leadersList.currentRowChanged.connect(self._update_leader_buttons)
        ui.leadersList.itemChanged.connect(self._leader_item_changed)
        ui.roleGroup.buttonClicked.connect(self._role_clicked)
        ui.scheduleEditor.entriesEdited.connect(self._schedule_edited)
        ui.scheduleEditor.textRefused.connect(self._refused)
        self.set_task(None)

    def _completer(self, model: QStringListModel) -> QCompleter:
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # 协商 finds 政治协商
        return completer

    # --- public ---

    def task(self) -> Task | None:
        return self._task

    def set_task(self, task: Task | None) -> None:
        """Show `task` (or nothing); loading emits nothing and keeps the cursor where it is."""
        if task is None or self._task is None or task.id != self._task.id:
            self.ui.messageLabel.clear()
        self._task = task
        ui = self.ui
        ui.emptyLabel.setVisible(task is None)
        ui.fieldsWidget.setVisible(task is not None)
        if task is None:
            return
        _set_line_text(ui.taskEdit, task.task)
        set_plain_text(ui.objectiveEdit, task.objective)
        _set_line_text(ui.targetEdit, task.target)
        for name, edit in self.extra_edits.items():
            set_plain_text(edit, task.extra_value(name))
        self._show_leaders(task.leaders)
        self._show_role(task.role)
        ui.scheduleEditor.set_entries(task.schedule)

    def set_book_leaders(self, names: Iterable[str]) -> None:
        """Names already used in this book: offered first when adding a leader."""
        self._book_leaders = _unique(names)

    def refresh_completions(self) -> None:
        self._task_names.setStringList(_unique(self._completions.task_names()))
        self._leader_names.setStringList(
            _unique([*self._book_leaders, *self._completions.leader_names()])
        )

    def focus_field(self, field: str) -> None:
        """Put the cursor in the editor of a Task field ("task", "objective", ...)."""
        widgets: dict[str, QWidget] = {
            "task": self.ui.taskEdit,
            "objective": self.ui.objectiveEdit,
            "target": self.ui.targetEdit,
            "leaders": self.ui.leaderEdit,
            "role": self.ui.leadRadio,
            "schedule": self.ui.scheduleEditor.ui.addButton,
            **self.extra_edits,
        }
        if field == "schedule" and self._task and self._task.schedule:
            widgets["schedule"] = self.ui.scheduleEditor.row_widget(0).text_edit
        widgets.get(field, self.ui.taskEdit).setFocus(Qt.FocusReason.OtherFocusReason)

    def add_leaders(self) -> None:
        """Add the names typed in the leader field: 陈 晓 李飞跃 adds 陈晓 and 李飞跃."""
        if self._task is None:
            return
        names = parse_leaders(self.ui.leaderEdit.text())
        self.ui.leaderEdit.clear()
        twice = [name for name in _unique(names) if name in self._task.leaders]
        leaders = tuple(_unique([*self._task.leaders, *names]))
        if leaders != self._task.leaders:
            self._set_leaders(leaders, row=len(leaders) - 1)
        if twice:
            self._already_there(twice)

    def show_already_there(self, names: list[str]) -> None:
        self._already_there(names)

    def _already_there(self, names: list[str]) -> None:
        self.ui.messageLabel.setText(
            self.tr("“%1”已是责任领导，没有重复添加。").replace("%1", "、".join(names))
        )

    # --- showing ---

    def _extra_field(self, column: Column, row: int) -> QPlainTextEdit:
        header = QCoreApplication.translate("form", column.header)
        label = QLabel(self.tr("{0}：").format(header), self.ui.fieldsWidget)
        label.setObjectName(f"{column.name}Label")
        edit = QPlainTextEdit(self.ui.fieldsWidget)
        edit.setObjectName(f"{column.name}Edit")
        edit.setTabChangesFocus(True)
        lines = edit.fontMetrics().lineSpacing()
        edit.setMinimumHeight(2 * lines + 12)  # a short text, as 分值 is: two lines in view
        edit.setMaximumHeight(4 * lines + 12)
        label.setBuddy(edit)
        self.ui.formLayout.insertRow(row, label, edit)
        edit.textChanged.connect(lambda: self._extra_typed(column, edit))
        return edit

    def _show_leaders(self, leaders: tuple[str, ...], row: int | None = None) -> None:
        view = self.ui.leadersList
        shown = tuple(view.item(i).text() for i in range(view.count()))
        if row is None:
            row = view.currentRow()
        with QSignalBlocker(view):
            if shown != leaders:
                view.clear()
                view.addItems(list(leaders))
                for i in range(view.count()):  # a typo is mended in place (F2, double-click)
                    item = view.item(i)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            view.setCurrentRow(min(max(row, 0), len(leaders) - 1) if leaders else -1)
        self._update_leader_buttons()

    def _update_leader_buttons(self) -> None:
        row = self.ui.leadersList.currentRow()
        count = self.ui.leadersList.count()
        self.ui.removeLeaderButton.setEnabled(row >= 0)
        self.ui.leaderUpButton.setEnabled(row > 0)
        self.ui.leaderDownButton.setEnabled(0 <= row < count - 1)

    def _show_role(self, role: str | None) -> None:
        group = self.ui.roleGroup
        group.setExclusive(False)  # an exclusive group cannot show "not chosen yet"
        for button, value in ((self.ui.leadRadio, LEAD), (self.ui.assistRadio, ASSIST)):
            with QSignalBlocker(button):
                button.setChecked(role == value)
        group.setExclusive(True)
        self.ui.roleHint.setVisible(self._has_role and role not in ROLES)

    # --- edits ---

    def _emit(self, task: Task, text: str, merge: str | None) -> None:
        self._task = task
        self.taskEdited.emit(task, text, merge)

    def _refused(self, limit: int = TEXT_MAX) -> None:
        """Say, beside the fields, that text beyond `limit` characters was not taken."""
        self.ui.messageLabel.setText(
            self.tr("文字过长：每栏最多 {0} 字，超出的部分没有保存。").format(limit)
        )

    def _leader_typed(self) -> None:
        if clamp_line(self.ui.leaderEdit):
            self._refused(LINE_MAX)

    def show_refused(self, limit: int) -> None:
        self._refused(limit)

    def show_too_many_leaders(self) -> None:
        self.ui.messageLabel.setText(
            self.tr("每项任务最多 {0} 位责任领导，多出的没有添加。").format(MAX_LEADERS)
        )

    def _task_typed(self, text: str) -> None:
        if clamp_line(self.ui.taskEdit):
            self._refused(LINE_MAX)
            text = self.ui.taskEdit.text()
        if self._task is not None:
            self._emit(replace(self._task, task=text), self.tr("修改工作任务"), "task")

    def _objective_typed(self) -> None:
        if self._task is None:
            return
        if clamp_text(self.ui.objectiveEdit):
            self._refused()
        objective = self.ui.objectiveEdit.toPlainText()
        self._emit(replace(self._task, objective=objective), self.tr("修改年度目标"), "objective")

    def _extra_typed(self, column: Column, edit: QPlainTextEdit) -> None:
        """Typing in a column's own field merges into one undo step, as in 年度目标."""
        if self._task is None:
            return
        if clamp_text(edit):
            self._refused()
        header = QCoreApplication.translate("form", column.header)
        self._emit(
            self._task.with_extra(column.name, edit.toPlainText()),
            self.tr("修改{0}").format(header),
            column.name,
        )

    def _target_typed(self, text: str) -> None:
        if clamp_line(self.ui.targetEdit, TEXT_MAX):
            self._refused(TEXT_MAX)
            text = self.ui.targetEdit.text()
        if self._task is not None:
            self._emit(replace(self._task, target=text), self.tr("修改目标"), "target")

    def _set_leaders(self, leaders: tuple[str, ...], row: int) -> None:
        assert self._task is not None
        if len(leaders) > MAX_LEADERS:  # the file format's limit: the book must read back
            leaders, row = leaders[:MAX_LEADERS], min(row, MAX_LEADERS - 1)
            self.show_too_many_leaders()
        self._show_leaders(leaders, row)
        self._emit(replace(self._task, leaders=leaders), self.tr("修改责任领导"), None)

    def _leader_item_changed(self, item: QListWidgetItem) -> None:
        # After the list's own editor has finished with the item: the list is rebuilt.
        row, text = self.ui.leadersList.row(item), item.text()
        QTimer.singleShot(0, self, lambda: self._leader_renamed(row, text))

    def _leader_renamed(self, row: int, text: str) -> None:
        """A name edited in the list: one name (陈 晓 is 陈晓); empty removes it."""
        if self._task is None or not 0 <= row < len(self._task.leaders):
            return
        names = list(parse_leaders(text))
        leaders = list(self._task.leaders)
        leaders[row : row + 1] = names
        twice = [name for name in names if leaders.count(name) > 1]
        new = tuple(_unique(leaders))
        if new != self._task.leaders:
            self._set_leaders(new, min(row, max(len(new) - 1, 0)))
        else:
            self._show_leaders(new, row)
        if twice:
            self._already_there(twice)

    def _remove_leader(self) -> None:
        row = self.ui.leadersList.currentRow()
        if self._task is None or not 0 <= row < len(self._task.leaders):
            return
        leaders = self._task.leaders[:row] + self._task.leaders[row + 1 :]
        self._set_leaders(leaders, row)

    def _move_leader(self, step: int) -> None:
        row = self.ui.leadersList.currentRow()
        other = row + step
        if self._task is None or row < 0 or not 0 <= other < len(self._task.leaders):
            return
        leaders = list(self._task.leaders)
        leaders[row], leaders[other] = leaders[other], leaders[row]
        self._set_leaders(tuple(leaders), other)

    def _role_clicked(self, button: QAbstractButton) -> None:
        if self._task is None:
            return
        role = LEAD if button is self.ui.leadRadio else ASSIST
        self.ui.roleHint.hide()
        if role != self._task.role:
            self._emit(replace(self._task, role=role), self.tr("修改牵头/协办"), None)

    def _schedule_edited(self, entries: tuple[ScheduleEntry, ...], merge: str | None) -> None:
        if self._task is not None:
            self._emit(
                replace(self._task, schedule=entries),
                self.tr("修改全年进度安排"),
                f"schedule.{merge}" if merge else None,
            )

    # --- keys and focus ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in (
            self.ui.taskEdit,
            self.ui.leaderEdit,
        ):
            self.refresh_completions()
        elif (
            watched is self.ui.leadersList
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            self._remove_leader()
            return True
        return super().eventFilter(watched, event)
