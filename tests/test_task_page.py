"""The task pages, typed into with qtbot; what counts is what the database then holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from helpers.ime import type_chinese
from helpers.widgets import focus
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
)

from bluebook_desktop.domain import ASSIST, TEXT_MAX, Book, ScheduleEntry, Task
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.task_model import TaskTableModel as M
from bluebook_desktop.ui.task_page import TaskPage


class Completions:
    def task_names(self) -> list[str]:
        return ["政治协商", "民主监督", "参政议政"]

    def leader_names(self) -> list[str]:
        return ["陈晓", "李飞跃"]


@pytest.fixture
def book(repository, fixture_book: Book) -> Book:
    return repository.add(fixture_book)


@pytest.fixture
def session(qtbot, repository, book: Book) -> Iterator[BookSession]:
    session = BookSession(repository, book)
    yield session
    session.store_now()  # also stops the store timer before the database goes away


def make_page(qtbot, section: str, session: BookSession) -> TaskPage:
    page = TaskPage(section, session, Completions())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def answer(page: TaskPage, reply: bool) -> list[str]:
    """Answer every question the page asks with `reply`; returns the questions asked."""
    asked: list[str] = []

    def ask(question: str, _accept: str) -> bool:
        asked.append(question)
        return reply

    page._ask = ask  # type: ignore[method-assign]
    return asked


def serials(page: TaskPage) -> list[str]:
    return [
        page.model.data(page.model.index(row, M.SERIAL)) for row in range(page.model.rowCount())
    ]


def ids(tasks: tuple[Task, ...]) -> list[str]:
    return [t.id for t in tasks]


def test_fill_a_functional_task(qtbot, repository, book: Book, session: BookSession) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    detail = page.detail.ui
    original = ids(book.functional_tasks)
    assert page.model.rowCount() == 9
    assert page.ui.warningLabel.isVisible()
    assert "9 项" in page.ui.warningLabel.text()

    page.table.selectRow(0)
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 10
    assert page.table.currentIndex().row() == 1
    new_id = session.book.functional_tasks[1].id
    assert new_id not in original
    assert serials(page) == [str(n) for n in range(1, 11)]

    type_chinese(detail.taskEdit, "政治协商")
    type_chinese(detail.objectiveEdit, "召开协商会。")
    steps = session.undo_stack.count()
    type_chinese(detail.targetEdit, "完成协商。")
    assert session.undo_stack.count() == steps + 1  # typing one field is one undo step
    assert session.undo_stack.text(session.undo_stack.count() - 1) == "修改目标"
    assert page.model.data(page.model.index(1, M.OBJECTIVE)) == "召开协商会。\n目标：完成协商。"

    type_chinese(detail.leaderEdit, "陈 晓 李飞跃")
    qtbot.keyClick(detail.leaderEdit, Qt.Key.Key_Return)
    assert detail.leaderEdit.text() == ""
    assert [detail.leadersList.item(i).text() for i in range(detail.leadersList.count())] == [
        "陈晓",
        "李飞跃",
    ]
    assert page.model.data(page.model.index(1, M.LEADERS)) == "陈\u2060晓 李\u2060飞\u2060跃"

    schedule = detail.scheduleEditor
    qtbot.mouseClick(schedule.ui.addButton, Qt.MouseButton.LeftButton)
    step = schedule.row_widget(0)
    assert step.flagged and step.flag_label.text() == "请勾选季度"  # no quarter yet
    assert "请勾选季度" in schedule.ui.previewLabel.text()
    step.quarter_boxes[2].click()
    step.quarter_boxes[3].click()
    type_chinese(step.text_edit, "召开协调会。")
    assert not step.flagged
    assert step.flag_label.text() == "印为：第二、三季度："  # the line is never an empty gap
    assert schedule.ui.previewLabel.text() == "第二、三季度：召开协调会。"
    assert page.model.data(page.model.index(1, M.SCHEDULE)) == "第二、三季度：召开协调会。"

    # Move up with the button, then drag it below the third row: 序号 follows.
    qtbot.mouseClick(page.ui.upButton, Qt.MouseButton.LeftButton)
    assert ids(session.book.functional_tasks)[0] == new_id
    assert page.table.currentIndex().row() == 0
    model = page.model
    dragged = model.mimeData([model.index(0, column) for column in range(model.columnCount())])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert ids(session.book.functional_tasks) == [*original[:2], new_id, *original[2:]]
    assert page.table.currentIndex().row() == 2  # the selection stays on the task
    assert page.detail.task().id == new_id
    assert serials(page)[2] == "3"
    assert model.data(model.index(2, M.TASK)) == "政治协商"

    # Undo the drag: the task goes back to the top and stays selected.
    session.undo_stack.undo()
    assert ids(session.book.functional_tasks) == [new_id, *original]
    assert page.model.row_of(new_id) == 0
    assert page.table.currentIndex().row() == 0
    assert page.detail.task().id == new_id
    session.undo_stack.redo()
    assert page.table.currentIndex().row() == 2

    assert session.store_now()
    stored = repository.load(book.id)
    step_id = session.book.functional_tasks[2].schedule[0].id  # the step typed above, kept
    assert ids(stored.functional_tasks) == [*original[:2], new_id, *original[2:]]
    assert stored.functional_tasks[2] == Task(
        id=new_id,
        task="政治协商",
        objective="召开协商会。",
        target="完成协商。",
        schedule=(ScheduleEntry((2, 3), "召开协调会。", step_id),),
        leaders=("陈晓", "李飞跃"),
        role=None,
    )
    assert stored.functional_tasks[0] == book.functional_tasks[0]

    # Undo everything: the page and the database are back to the fixture.
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert page.model.rowCount() == 9
    assert page.detail.task() is not None
    assert page.detail.task().id in original
    assert session.store_now()
    assert repository.load(book.id).functional_tasks == book.functional_tasks


def test_undo_reloads_the_open_editors(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    page.table.selectRow(3)
    page.detail.ui.objectiveEdit.moveCursor(QTextCursor.MoveOperation.End)
    type_chinese(page.detail.ui.objectiveEdit, "补充")
    assert session.book.functional_tasks[3].objective.endswith("补充")
    session.undo_stack.undo()
    assert page.detail.ui.objectiveEdit.toPlainText() == session.book.functional_tasks[3].objective
    assert not page.detail.ui.objectiveEdit.toPlainText().endswith("补充")


def test_keyboard(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    focus(qtbot, page, table)
    table.selectRow(8)
    first = session.book.functional_tasks[8].id

    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert page.model.rowCount() == 10
    new_id = session.book.functional_tasks[9].id
    assert page.detail.ui.taskEdit.hasFocus()  # ready to type the new task's name

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert ids(session.book.functional_tasks)[8:] == [new_id, first]
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ids(session.book.functional_tasks)[8:] == [first, new_id]

    # An empty task goes without a question; one with content only after a "yes".
    asked = answer(page, False)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked == []
    assert page.model.rowCount() == 9
    assert table.currentIndex().row() == 8
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "统一战线" in asked[0]
    assert page.model.rowCount() == 9
    answer(page, True)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 8
    assert first not in ids(session.book.functional_tasks)


def test_no_raw_keystroke_opens_a_cell_editor(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    assert not table.editTriggers() & QAbstractItemView.EditTrigger.AnyKeyPressed
    focus(qtbot, page, table)
    table.setCurrentIndex(page.model.index(0, M.TASK))

    qtbot.keyClicks(table, "zhengzhi")  # what a pinyin input method starts with
    type_chinese(table, "政治")  # and what it commits
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.viewport().findChildren(QLineEdit) == []
    assert session.undo_stack.count() == 0

    # F2 (or Enter, or a double-click) opens the 工作任务 editor; the edit is a session edit.
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == QAbstractItemView.State.EditingState
    editor = table.indexWidget(page.model.index(0, M.TASK))
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_chinese(editor, "协商议政", phrase=True)  # matches no completion: no popup
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert session.book.functional_tasks[0].task == "协商议政"
    assert page.detail.ui.taskEdit.text() == "协商议政"

    table.setFocus()
    table.setCurrentIndex(page.model.index(0, M.TASK))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(table.indexWidget(page.model.index(0, M.TASK)), Qt.Key.Key_Escape)
    assert session.book.functional_tasks[0].task == "协商议政"

    # Enter on the schedule leads to its editor beside the table; Escape comes back.
    focus(qtbot, page, table)
    table.setCurrentIndex(page.model.index(0, M.SCHEDULE))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(table.hasFocus)


def _click_cell(qtbot, table: QAbstractItemView, index: QModelIndex) -> None:
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def test_keys_in_the_table_never_change_stored_text(qtbot, repository, session) -> None:
    """Click 年度目标 of task 4, Enter, Escape, Down, Enter, Escape: nothing changes."""
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    before = repository.load(session.book.id or 0).functional_tasks
    focus(qtbot, page, table)
    table.scrollTo(page.model.index(3, M.OBJECTIVE))
    _click_cell(qtbot, table, page.model.index(3, M.OBJECTIVE))
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert table.state() == QAbstractItemView.State.EditingState  # task 5's objective, in place
    assert isinstance(QApplication.focusWidget(), QPlainTextEdit)
    assert table.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(table.hasFocus)
    assert table.currentIndex().row() == 4
    session.store_now()
    assert repository.load(session.book.id or 0).functional_tasks == before


def test_every_column_is_edited_in_place(qtbot, repository, session) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    focus(qtbot, page, table)
    book_id = session.book.id or 0

    # 年度目标: Enter opens it, Shift+Enter starts a line, what is typed is stored as typed.
    table.setCurrentIndex(page.model.index(0, M.OBJECTIVE))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit) and table.isAncestorOf(editor)
    editor.selectAll()
    type_chinese(editor, "第一行")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_chinese(editor, "第二行")
    assert session.book.functional_tasks[0].objective == "第一行\n第二行"  # before closing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(table.hasFocus)
    assert page.detail.ui.objectiveEdit.toPlainText() == "第一行\n第二行"

    # 责任领导: names separated by spaces or 、.
    table.setCurrentIndex(page.model.index(0, M.LEADERS))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_chinese(editor, "何兰芳、李飞跃 陈晓", phrase=True)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(table.hasFocus)

    # Escape puts back what the cell held when its editor opened.
    table.setCurrentIndex(page.model.index(1, M.TASK))
    old_name = session.book.functional_tasks[1].task
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    type_chinese(editor, "多余")
    assert session.book.functional_tasks[1].task == "多余"  # the text was selected: replaced
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(table.hasFocus)

    session.store_now()
    stored = repository.load(book_id).functional_tasks
    assert stored[0].objective == "第一行\n第二行"
    assert stored[0].leaders == ("何兰芳", "李飞跃", "陈晓")
    assert stored[1].task == old_name


def test_text_beyond_the_limit_is_refused(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    page.table.selectRow(0)
    edit = page.detail.ui.objectiveEdit
    edit.selectAll()
    edit.insertPlainText("字" * (TEXT_MAX + 5))
    assert len(session.book.functional_tasks[0].objective) == TEXT_MAX
    assert len(edit.toPlainText()) == TEXT_MAX
    assert str(TEXT_MAX) in page.detail.ui.messageLabel.text()


def test_a_paste_beyond_the_limit_is_cut_where_the_clerk_sees_it(
    qtbot, repository, session: BookSession
) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    focus(qtbot, page, table)
    table.setCurrentIndex(page.model.index(0, M.TASK))
    QApplication.clipboard().setText("字" * 5000)
    edit = page.detail.ui.taskEdit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)
    assert "500" in page.detail.ui.messageLabel.text()
    assert page.detail.ui.messageLabel.isVisible()
    session.store_now()
    assert repository.load(session.book.id or 0).functional_tasks[0].task == "字" * 500

    # The same in the table's own editor of the cell.
    page.detail.ui.messageLabel.clear()
    table.setFocus()
    table.setCurrentIndex(page.model.index(1, M.TASK))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    QApplication.clipboard().setText("议" * 600)
    qtbot.keySequence(editor, QKeySequence.StandardKey.Paste)
    assert "500" in page.detail.ui.messageLabel.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    session.store_now()
    assert repository.load(session.book.id or 0).functional_tasks[1].task == "议" * 500


def test_key_tasks_page(qtbot, repository, book: Book, session: BookSession) -> None:
    page = make_page(qtbot, "key_tasks", session)
    check = page.ui.noKeyTasksCheck
    assert book.no_key_tasks and check.isChecked()  # the fixture has no key task
    assert not page.splitter.isVisible()
    assert page.model.columnCount() == 6

    check.click()
    assert not session.book.no_key_tasks
    assert page.splitter.isVisible()
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    detail = page.detail.ui
    assert detail.roleWidget.isVisible() and detail.roleHint.isVisible()
    assert detail.objectiveLabel.text() == "年度目标/改革要点："
    type_chinese(detail.taskEdit, "乡村振兴")
    detail.assistRadio.click()
    assert session.book.key_tasks[0].role == ASSIST
    assert not detail.roleHint.isVisible()
    assert page.model.data(page.model.index(0, M.ROLE)) == "协办"

    # Checking 本单位未承担 with a task asks first; "no" leaves everything as it was.
    asked = answer(page, False)
    check.click()
    assert len(asked) == 1
    assert not check.isChecked() and not session.book.no_key_tasks
    answer(page, True)
    check.click()
    assert session.book.no_key_tasks
    assert not page.splitter.isVisible()
    assert "取消勾选即可恢复" in page.ui.noKeyTasksLabel.text()

    assert session.store_now()
    stored = repository.load(book.id)
    assert stored.no_key_tasks
    assert stored.prints_no_key_tasks
    assert [(t.task, t.role) for t in stored.key_tasks] == [("乡村振兴", "协办")]

    # Unchecking brings the kept task back.
    check.click()
    assert not session.book.no_key_tasks
    assert page.splitter.isVisible()
    assert page.model.rowCount() == 1
    assert session.store_now()
    assert not repository.load(book.id).no_key_tasks


def test_pages_follow_each_other(qtbot, session: BookSession) -> None:
    """The guideline counts both tables, so each page updates on the other's edits."""
    key = make_page(qtbot, "key_tasks", session)
    functional = make_page(qtbot, "functional_tasks", session)
    key.ui.noKeyTasksCheck.click()
    qtbot.mouseClick(key.ui.addButton, Qt.MouseButton.LeftButton)
    assert "10 项" in functional.ui.warningLabel.text()
    assert "10 项" in key.ui.warningLabel.text()
    type_chinese(key.detail.ui.leaderEdit, "王五")
    qtbot.keyClick(key.detail.ui.leaderEdit, Qt.Key.Key_Return)
    functional.detail.ui.leaderEdit.setFocus()  # completions are refreshed on focus
    functional.detail.refresh_completions()
    names = functional.detail.ui.leaderEdit.completer().model().stringList()
    assert "王五" in names and "陈晓" in names


def test_schedule_steps_and_leaders_reorder(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    page.table.selectRow(1)  # 第一季度 / 第二、三季度 / 第四季度
    schedule = page.detail.ui.scheduleEditor
    assert schedule.ui.previewLabel.text().count("<br>") == 2
    with qtbot.waitSignal(schedule.entriesEdited) as emitted:
        qtbot.mouseClick(schedule.row_widget(0).down_button, Qt.MouseButton.LeftButton)
    assert [e.quarters for e in emitted.args[0]] == [(2, 3), (1,), (4,)]
    assert [e.quarters for e in session.book.functional_tasks[1].schedule] == [(2, 3), (1,), (4,)]
    assert schedule.ui.previewLabel.text().startswith("第二、三季度：召开提案办理协调会")
    qtbot.mouseClick(schedule.row_widget(2).delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(schedule.row_widget(1).up_button, Qt.MouseButton.LeftButton)
    assert [e.quarters for e in session.book.functional_tasks[1].schedule] == [(1,), (2, 3)]
    schedule.row_widget(0).quarter_boxes[1].click()  # 一 off: the step is flagged
    assert schedule.row_widget(0).flagged
    for quarter in (1, 2, 3, 4):
        schedule.row_widget(0).quarter_boxes[quarter].click()
    assert session.book.functional_tasks[1].schedule[0].printed().startswith("全年：")
    assert schedule.row_widget(0).flag_label.text() == "印为：全年："

    page.table.selectRow(0)  # 何兰芳 李飞跃
    detail = page.detail.ui
    detail.leadersList.setCurrentRow(1)
    qtbot.mouseClick(detail.leaderUpButton, Qt.MouseButton.LeftButton)
    assert session.book.functional_tasks[0].leaders == ("李飞跃", "何兰芳")
    assert detail.leadersList.currentRow() == 0
    qtbot.mouseClick(detail.removeLeaderButton, Qt.MouseButton.LeftButton)
    assert session.book.functional_tasks[0].leaders == ("何兰芳",)
    type_chinese(detail.leaderEdit, "何兰芳")  # already there: not added twice
    qtbot.mouseClick(detail.addLeaderButton, Qt.MouseButton.LeftButton)
    assert session.book.functional_tasks[0].leaders == ("何兰芳",)


def test_rows_in_view_are_as_tall_as_their_text(qtbot, repository, book: Book) -> None:
    """Rows are measured where the clerk can see them, also after edits and scrolling."""
    one_line = Task(task="政治协商", objective="一行")
    many = [
        Task(task="政治协商", objective="\n".join(f"第{n}行" for n in range(6))) for _ in range(300)
    ]
    tasks = (one_line, *many)
    stored = repository.add(Book(cover=book.cover, functional_tasks=tasks))
    session = BookSession(repository, stored)
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    height = table.rowHeight

    qtbot.waitUntil(lambda: height(1) > 2 * height(0))
    assert height(0) == table.sizeHintForRow(0)
    assert height(1) == table.sizeHintForRow(1)

    # An edit grows its row at once.
    longer = replace(one_line, objective="\n".join("行" * 9))
    page.model.update_task(longer)
    qtbot.waitUntil(lambda: height(0) == table.sizeHintForRow(0))
    assert height(0) > height(1)

    # The far end of the table is measured when it is scrolled to.
    last = page.model.index(len(tasks) - 1, M.TASK)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: height(last.row()) == table.sizeHintForRow(last.row()))
    page._select(tasks[150].id)
    qtbot.waitUntil(lambda: height(150) == table.sizeHintForRow(150))
    shown = table.visualRect(page.model.index(150, M.TASK))
    assert table.viewport().rect().contains(shown)

    # Rows measured above the view move it along: what the clerk sees stays where it was.
    bar = table.verticalScrollBar()
    bar.valueChanged.disconnect(page._rows.fit)  # jump first, measure after
    bar.setValue(bar.maximum() // 3)
    top = table.rowAt(0)
    where = table.visualRect(page.model.index(top, M.TASK)).top()
    page._rows.fit()
    assert height(top - 1) == table.sizeHintForRow(top - 1)
    assert table.visualRect(page.model.index(top, M.TASK)).top() == where
    session.store_now()


def test_undoing_a_deletion_selects_the_task_that_came_back(
    qtbot, repository, session: BookSession
) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    focus(qtbot, page, table)
    table.setCurrentIndex(page.model.index(2, M.TASK))
    deleted = session.book.functional_tasks[2]
    answer(page, True)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert deleted.id not in [t.id for t in session.book.functional_tasks]
    session.undo_stack.undo()
    assert page.model.task_at(table.currentIndex().row()).id == deleted.id
    assert page.detail.ui.taskEdit.text() == deleted.task
    session.store_now()
    assert repository.load(session.book.id or 0).functional_tasks[2].id == deleted.id


def test_a_leader_is_mended_in_place_and_a_duplicate_is_named(
    qtbot, repository, session: BookSession
) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    page.table.setCurrentIndex(page.model.index(0, M.TASK))
    task = session.book.functional_tasks[0]
    assert task.leaders, "the fixture's first task has leaders"
    view = page.detail.ui.leadersList
    focus(qtbot, page, view)
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor)
    editor.selectAll()
    type_chinese(editor, "陈晓", phrase=True)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.book.functional_tasks[0].leaders[0] == "陈晓")
    assert session.book.functional_tasks[0].leaders[1:] == task.leaders[1:]

    line = page.detail.ui.leaderEdit
    focus(qtbot, page, line)
    type_chinese(line, "陈晓", phrase=True)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "陈晓" in page.detail.ui.messageLabel.text()
    assert session.book.functional_tasks[0].leaders.count("陈晓") == 1
    session.store_now()
    assert repository.load(session.book.id or 0).functional_tasks[0].leaders[0] == "陈晓"


def test_a_tall_cell_keeps_room_below_its_last_line(qtbot, repository, book: Book) -> None:
    from PySide6.QtGui import QFontMetrics

    from bluebook_desktop.ui.cell_editors import padding

    lines = "\n".join(f"第{n}行" for n in range(6))
    stored = repository.add(
        Book(cover=book.cover, functional_tasks=(Task(task="甲", objective=lines),))
    )
    page = make_page(qtbot, "functional_tasks", BookSession(repository, stored))
    table = page.table
    spacing = QFontMetrics(table.font()).lineSpacing()
    qtbot.waitUntil(lambda: table.rowHeight(0) > 5 * spacing)
    padded = table.rowHeight(0)
    assert padded >= 6 * spacing + padding(spacing)
    # The same cell measured by Qt's own delegate: exactly the padding less.
    for column in range(page.model.columnCount()):
        table.setItemDelegateForColumn(column, QStyledItemDelegate(table))
    table.setItemDelegate(QStyledItemDelegate(table))
    page._rows._forget_all()
    qtbot.waitUntil(lambda: table.rowHeight(0) < padded)
    assert padded - table.rowHeight(0) == padding(spacing)


def test_the_step_warning_moves_nothing_and_a_new_step_is_in_view(
    qtbot, session: BookSession
) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    page.resize(1366 - 300, 700)
    page.table.setCurrentIndex(page.model.index(0, M.TASK))
    schedule = page.detail.ui.scheduleEditor
    step = schedule.row_widget(0)
    box = step.quarter_boxes[2]
    qtbot.waitUntil(lambda: box.isVisible())
    before = (
        box.mapTo(page, box.rect().topLeft()),
        step.delete_button.mapTo(page, step.delete_button.rect().topLeft()),
    )
    scroll = page.ui.detailScroll
    for quarter in list(step.quarters()):
        qtbot.mouseClick(step.quarter_boxes[quarter], Qt.MouseButton.LeftButton)
    assert step.flagged  # 请勾选季度
    qtbot.wait(50)
    after = (
        box.mapTo(page, box.rect().topLeft()),
        step.delete_button.mapTo(page, step.delete_button.rect().topLeft()),
    )
    assert after == before
    assert not scroll.horizontalScrollBar().isVisible()

    for _ in range(4):
        qtbot.wait(QApplication.doubleClickInterval() + 50)
        qtbot.mouseClick(schedule.ui.addButton, Qt.MouseButton.LeftButton)
    last = schedule.row_widget(len(session.book.functional_tasks[0].schedule) - 1)
    qtbot.waitUntil(
        lambda: (
            scroll.viewport()
            .rect()
            .contains(last.mapTo(scroll.viewport(), last.rect().bottomLeft()))
        )
    )


def test_steps_and_leaders_stop_at_the_limits_a_book_file_can_hold(
    qtbot, repository, session: BookSession
) -> None:
    """Whatever the editors let the clerk make, the book file can hold: no step beyond
    MAX_STEPS, no leader beyond MAX_LEADERS, and the clerk is told."""

    from bluebook_desktop.domain import MAX_LEADERS, MAX_STEPS

    page = make_page(qtbot, "functional_tasks", session)
    page.table.setCurrentIndex(page.model.index(0, M.TASK))
    schedule = page.detail.ui.scheduleEditor
    add = schedule.ui.addButton
    for _ in range(MAX_STEPS + 3):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        qtbot.wait(int(QApplication.doubleClickInterval()) + 20)  # one click, one step
    assert len(session.book.functional_tasks[0].schedule) == MAX_STEPS
    assert not add.isEnabled() and str(MAX_STEPS) in add.toolTip()

    line = page.detail.ui.leaderEdit
    focus(qtbot, page, line)
    names = " ".join(f"领导{n:02d}" for n in range(MAX_LEADERS + 3))
    type_chinese(line, names, phrase=True)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert len(session.book.functional_tasks[0].leaders) == MAX_LEADERS
    assert str(MAX_LEADERS) in page.detail.ui.messageLabel.text()

    # The same in the table's own 责任领导 cell.
    index = page.model.index(1, M.LEADERS)
    assert page.model.setData(index, names)
    assert len(session.book.functional_tasks[1].leaders) == MAX_LEADERS

    session.store_now()
    stored = repository.load(session.book.id or 0).functional_tasks
    assert len(stored[0].schedule) == MAX_STEPS
    assert len(stored[0].leaders) == len(stored[1].leaders) == MAX_LEADERS


def test_a_name_typed_twice_into_the_leaders_cell_is_kept_once_and_named(
    qtbot, repository, session: BookSession
) -> None:
    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    index = page.model.index(0, M.LEADERS)
    table.setCurrentIndex(index)
    focus(qtbot, page, table)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    editor.selectAll()
    type_chinese(editor, "陈晓 李飞跃 陈晓", phrase=True)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.book.functional_tasks[0].leaders == ("陈晓", "李飞跃"))
    assert "陈晓" in page.detail.ui.messageLabel.text()
    session.store_now()
    assert repository.load(session.book.id or 0).functional_tasks[0].leaders == ("陈晓", "李飞跃")


def test_the_current_cell_of_the_highlighted_row_is_framed(qtbot, session: BookSession) -> None:
    """The whole row is highlighted; the cell Enter or F2 would open has a frame, and the
    frame follows the arrow keys."""
    from PySide6.QtGui import QPalette

    page = make_page(qtbot, "functional_tasks", session)
    table = page.table
    table.setCurrentIndex(page.model.index(0, M.TASK))
    focus(qtbot, page, table)

    def framed(column: int) -> bool:
        rect = table.visualRect(page.model.index(0, column))
        image = table.viewport().grab().toImage()
        frame = image.pixelColor(rect.left() + 1, rect.center().y())
        return frame == table.palette().color(QPalette.ColorRole.HighlightedText)

    assert framed(M.TASK) and not framed(M.OBJECTIVE)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == M.OBJECTIVE
    assert framed(M.OBJECTIVE) and not framed(M.TASK)
