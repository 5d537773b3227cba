"""The schedule editor knows steps by id: rows and undo steps follow a step wherever it moves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.books import steps
from helpers.ime import type_chinese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from bluebook_desktop.domain import Book
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.task_model import TaskTableModel as M
from bluebook_desktop.ui.task_page import TaskPage


class Completions:
    def task_names(self) -> list[str]:
        return []

    def leader_names(self) -> list[str]:
        return []


@pytest.fixture
def session(qtbot, repository, fixture_book: Book) -> Iterator[BookSession]:
    session = BookSession(repository, repository.add(fixture_book))
    yield session
    session.store_now()


@pytest.fixture
def page(qtbot, session: BookSession) -> TaskPage:
    page = TaskPage("functional_tasks", session, Completions())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setCurrentIndex(page.model.index(1, M.TASK))  # 第一季度 / 第二、三季度 / 第四季度
    return page


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_typing_in_two_steps_is_two_undo_steps(qtbot, page: TaskPage, session: BookSession) -> None:
    editor = page.detail.ui.scheduleEditor
    first, second, _third = session.book.functional_tasks[1].schedule
    start = session.undo_stack.count()

    row = editor.step_widget(first.id)
    focus(qtbot, row.text_edit)
    qtbot.keyClick(row.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(editor.entriesEdited) as emitted:
        type_chinese(row.text_edit, "一")
    assert emitted.args[1] == f"{first.id}.text"  # the step's id, not its place
    type_chinese(row.text_edit, "二")
    assert session.undo_stack.count() == start + 1  # one step typed into: one undo step

    other = editor.step_widget(second.id)
    focus(qtbot, other.text_edit)
    qtbot.keyClick(other.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_chinese(other.text_edit, "三")
    assert session.undo_stack.count() == start + 2  # another step: another undo step

    schedule = session.book.functional_tasks[1].schedule
    assert [e.id for e in schedule] == [first.id, second.id, _third.id]
    assert schedule[0].text == first.text + "一二"
    assert schedule[1].text == second.text + "三"
    session.undo_stack.undo()
    assert session.book.functional_tasks[1].schedule[1] == second
    assert other.text_edit.toPlainText() == second.text


def test_a_step_keeps_its_row_and_undo_step_through_a_move(
    qtbot, repository, page: TaskPage, session: BookSession
) -> None:
    editor = page.detail.ui.scheduleEditor
    first, second, third = session.book.functional_tasks[1].schedule
    row = editor.step_widget(first.id)
    assert editor.row_widget(0) is row
    start = session.undo_stack.count()

    # 下移 from the keyboard: the row goes down with its step, the focus with it.
    focus(qtbot, row.down_button)
    qtbot.keyClick(row.down_button, Qt.Key.Key_Space)
    assert [e.id for e in session.book.functional_tasks[1].schedule] == [
        second.id,
        first.id,
        third.id,
    ]
    assert editor.row_widget(1) is row and editor.step_widget(first.id) is row
    assert row.down_button.hasFocus()
    layout = editor.ui.rowsLayout
    assert [layout.itemAt(i).widget() for i in range(3)] == [
        editor.step_widget(second.id),
        row,
        editor.step_widget(third.id),
    ]

    # Typing in the moved step goes into that step, keystrokes merged into one undo step.
    focus(qtbot, row.text_edit)
    qtbot.keyClick(row.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_chinese(row.text_edit, "补")
    type_chinese(row.text_edit, "充")
    assert session.undo_stack.count() == start + 2  # the move, the typing
    schedule = session.book.functional_tasks[1].schedule
    assert steps(schedule) == [
        (second.quarters, second.text),
        (first.quarters, first.text + "补充"),
        (third.quarters, third.text),
    ]

    session.store_now()
    stored = repository.load(session.book.id).functional_tasks[1].schedule
    assert [e.id for e in stored] == [second.id, first.id, third.id]
    assert stored == schedule

    # Undo: the typing, then the move; the step keeps its row all along.
    session.undo_stack.undo()
    assert row.text_edit.toPlainText() == first.text
    assert editor.row_widget(1) is row
    session.undo_stack.undo()
    assert session.book.functional_tasks[1].schedule == (first, second, third)
    assert editor.row_widget(0) is row
    assert [layout.itemAt(i).widget() for i in range(3)] == [
        row,
        editor.step_widget(second.id),
        editor.step_widget(third.id),
    ]
    # Redo: moved and typed again, in the same row.
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert session.book.functional_tasks[1].schedule == schedule
    assert editor.row_widget(1) is row and row.text_edit.toPlainText() == first.text + "补充"


def test_deleting_a_step_keeps_the_others_rows_and_the_focus(
    qtbot, page: TaskPage, session: BookSession
) -> None:
    editor = page.detail.ui.scheduleEditor
    first, second, third = session.book.functional_tasks[1].schedule
    rows = [editor.step_widget(e.id) for e in (first, second, third)]
    focus(qtbot, rows[1].delete_button)
    qtbot.keyClick(rows[1].delete_button, Qt.Key.Key_Space)
    assert session.book.functional_tasks[1].schedule == (first, third)
    assert [editor.row_widget(0), editor.row_widget(1)] == [rows[0], rows[2]]
    assert rows[2].delete_button.hasFocus()  # where the deleted row's button was
    session.undo_stack.undo()
    assert session.book.functional_tasks[1].schedule == (first, second, third)
    assert editor.row_widget(0) is rows[0] and editor.row_widget(2) is rows[2]
    assert editor.row_widget(1).text_edit.toPlainText() == second.text

    # Another task: the rows are reused for its steps, none made or left over.
    page.table.setCurrentIndex(page.model.index(0, M.TASK))
    shown = session.book.functional_tasks[0].schedule
    assert [editor.row_widget(i).text_edit.toPlainText() for i in range(len(shown))] == [
        e.text for e in shown
    ]
    assert editor.ui.rowsLayout.count() == len(shown)
