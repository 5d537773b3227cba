"""The book list tells books apart: 修改时间 beside year, unit and title."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from helpers.ime import type_chinese
from PySide6.QtCore import Qt
from test_main_window import close_window, open_window

from bluebook_desktop.db import open_repository
from bluebook_desktop.db.rows import BookSummary
from bluebook_desktop.domain import Book, Task, new_id
from bluebook_desktop.ui.book_list import MODIFIED, BookListModel
from bluebook_desktop.ui.settings import Settings

TIPS = Qt.ItemDataRole.ToolTipRole


def _local(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp).astimezone()


def test_times_are_short_in_the_list_and_full_on_hover(qtbot) -> None:
    model = BookListModel()
    stamps = ["2026-12-01T06:05:09+00:00", "2026-03-04T01:02:03+00:00", "2024-07-08T09:10:11+00:00"]
    model.today = lambda: _local(stamps[0]).date()
    model.set_books([BookSummary(n, 2021, "政协", "蓝皮书", s) for n, s in enumerate(stamps, 1)])
    model.set_books([*model._books, BookSummary(9, 2021, "政协", "蓝皮书", "")])
    shown = [model.index(row, MODIFIED).data() for row in range(4)]
    first, second, third = (_local(s) for s in stamps)
    assert shown == [
        f"{first:%H:%M}",  # today: the time
        f"{second.month}月{second.day}日 {second:%H:%M}",  # this year
        f"{third.year}年{third.month}月{third.day}日",  # an earlier year
        "（较早）",  # not stored since the program kept the time
    ]
    assert model.index(0, MODIFIED).data(TIPS) == (
        f"{first.year}年{first.month}月{first.day}日 {first:%H:%M:%S}"
    )
    assert model.headerData(MODIFIED, Qt.Orientation.Horizontal) == "修改时间"


def _copy(book: Book) -> Book:
    """The same book kept twice ("两本都保留"): the same texts, rows of its own."""

    def renewed(task: Task) -> Task:
        steps = tuple(replace(step, id=new_id()) for step in task.schedule)
        return replace(task, id=new_id(), schedule=steps)

    return replace(
        book,
        key_tasks=tuple(map(renewed, book.key_tasks)),
        functional_tasks=tuple(map(renewed, book.functional_tasks)),
    )


def test_two_copies_of_a_book_differ_by_their_time_and_an_edit_moves_it(
    qtbot, tmp_path: Path, fixture_book: Book
) -> None:
    database, settings = tmp_path / "list.sqlite3", Settings.in_file(tmp_path / "s.ini")
    repository = open_repository(database)
    first = repository.add(fixture_book)
    second = repository.add(_copy(fixture_book))
    with repository.engine.begin() as connection:  # the first copy stored a year ago
        connection.exec_driver_sql(
            "UPDATE book SET modified_at = '2025-11-30T08:00:00+00:00' WHERE id = ?", (first.id,)
        )
    repository.engine.dispose()
    window = open_window(qtbot, database, settings)
    model = window.book_list
    times = {model.book_at(r).id: model.index(r, MODIFIED).data() for r in range(2)}
    assert times[first.id] == "2025年11月30日"
    assert times[second.id] == dt.datetime.now().strftime("%H:%M")
    # typing into the older copy stores it: its row shows the time of that store
    window.ui.bookList.selectRow(model.row_of(first.id))
    editor = window.pages[0].ui.fillerPosition
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    type_chinese(editor, "主任")
    qtbot.waitUntil(lambda: window.session.is_stored)
    row = model.row_of(first.id)
    assert model.index(row, MODIFIED).data() == dt.datetime.now().strftime("%H:%M")
    close_window(window)
