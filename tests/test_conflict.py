"""Two windows on one database: a save built on an older version is refused, never lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.stores import opened
from PySide6.QtWidgets import QMessageBox

from bluebook_desktop.db.repository import BookMissing, Repository, StoreConflict
from bluebook_desktop.db.store import SqliteStore
from bluebook_desktop.domain import Book
from bluebook_desktop.formats.portable import read_portable
from bluebook_desktop.paths import Paths
from bluebook_desktop.ui.session import BookSession


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bluebook.sqlite3"


@pytest.fixture
def two(database: Path, fixture_book: Book) -> Iterator[tuple[Repository, Repository]]:
    """Two programs' repositories (own engines, own connections) on one database file."""
    first_store = opened(database)
    first = first_store.repository
    first.add(fixture_book)
    second_store = opened(database)
    second = second_store.repository
    yield first, second
    first_store.close()
    second_store.close()


def with_phone(book: Book, phone: str) -> Book:
    return replace(book, cover=replace(book.cover, phone=phone))


def with_objective(book: Book, objective: str) -> Book:
    tasks = list(book.functional_tasks)
    tasks[0] = replace(tasks[0], objective=objective)
    return replace(book, functional_tasks=tuple(tasks))


def test_revision_counts_stores(two: tuple[Repository, Repository]) -> None:
    first, _second = two
    book = first.load(1)
    start = first.revision(1)
    assert start is not None
    first.store(book, with_phone(book, "1"))
    assert first.revision(1) == start + 1
    assert first.load(1).cover.phone == "1"


def test_second_window_save_is_refused(two: tuple[Repository, Repository]) -> None:
    first, second = two
    mine, theirs = first.load(1), second.load(1)
    first.store(mine, with_phone(mine, "第一个窗口"))

    with pytest.raises(StoreConflict) as caught:
        second.store(theirs, with_phone(theirs, "第二个窗口"))

    assert "另一个窗口已修改了这本蓝皮书" in str(caught.value)
    assert second.load(1).cover.phone == "第一个窗口"
    # Reloaded, the second window builds on the new revision.
    reloaded = second.load(1)
    second.store(reloaded, with_phone(reloaded, "第二个窗口"))
    assert first.load(1).cover.phone == "第二个窗口"


def test_task_only_save_is_checked_too(two: tuple[Repository, Repository]) -> None:
    first, second = two
    mine, theirs = first.load(1), second.load(1)
    first.store(mine, with_objective(mine, "第一个窗口的目标"))
    with pytest.raises(StoreConflict):
        second.store(theirs, with_objective(theirs, "第二个窗口的目标"))
    assert first.load(1).functional_tasks[0].objective == "第一个窗口的目标"


def test_task_edit_of_a_book_deleted_elsewhere_is_refused(
    two: tuple[Repository, Repository],
) -> None:
    first, second = two
    theirs = second.load(1)
    first.delete(1)
    with pytest.raises(BookMissing):
        second.store(theirs, with_objective(theirs, "写进已删除的蓝皮书"))
    assert first.list_books() == []
    with first.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM task").scalar() == 0


def test_session_reports_a_conflict_once(qtbot, two: tuple[Repository, Repository]) -> None:
    first, second = two
    mine = first.load(1)
    session = BookSession(second, second.load(1))
    first.store(mine, with_phone(mine, "第一个窗口"))
    conflicts: list[str] = []
    failures: list[str] = []
    session.conflicted.connect(conflicts.append)
    session.storeFailed.connect(failures.append)

    session.edit(with_phone(session.book, "第二个窗口"), "电话")
    assert not session.store_now()

    assert len(conflicts) == 1 and "另一个窗口" in conflicts[0]
    assert failures == []
    assert not session._timer.isActive()  # no retry: retrying cannot succeed
    assert session.book.cover.phone == "第二个窗口"  # still shown, nothing dropped


def test_window_keeps_its_version_and_reloads(
    qtbot, two: tuple[Repository, Repository], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    first, second = two
    data_dir = tmp_path / "data"
    found = Paths(data_dir, data_dir / "bluebook.sqlite3", data_dir / "logs", data_dir / "backups")
    store = SqliteStore(found.database, second)
    window = MainWindow(Workspace(store, Settings.in_file(tmp_path / "settings.ini"), found))
    qtbot.addWidget(window)
    assert window.open_book(1)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))

    mine = first.load(1)
    first.store(mine, with_phone(mine, "第一个窗口"))
    unsaved = with_objective(with_phone(window.session.book, "第二个窗口"), "第二个窗口的目标")
    window.session.edit(unsaved, "修改")

    assert window.store_now()  # nothing unsaved is left: it is in a file now

    kept = list((data_dir / "recovered").iterdir())
    assert len(kept) == 1
    recovered = read_portable(kept[0])
    assert recovered.cover.phone == "第二个窗口"
    assert recovered.functional_tasks[0].objective == "第二个窗口的目标"
    assert len(warnings) == 1 and str(kept[0]) in warnings[0]
    assert "另一个窗口已修改了这本蓝皮书" in warnings[0]
    # The window now shows what the database holds, and edits store again.
    assert window.session is not None and window.session.is_stored
    assert window.session.book.cover.phone == "第一个窗口"
    window.session.edit(with_phone(window.session.book, "再次修改"), "电话")
    assert window.store_now()
    assert first.load(1).cover.phone == "再次修改"
    window.close()


def test_a_new_book_under_a_deleted_books_id_is_not_written_by_the_old_window(
    two: tuple[Repository, Repository], fixture_book: Book
) -> None:
    from bluebook_desktop.domain import Cover, next_year_book

    first, second = two
    extra = first.add(Book(cover=Cover(unit_name="甲单位")))
    open_there = second.load(extra.id)  # the second window shows the book
    first.delete(extra.id)
    reborn = first.add(next_year_book(fixture_book))
    assert reborn.id == extra.id  # SQLite gives the new book the deleted one's id
    with pytest.raises((StoreConflict, BookMissing)):
        second.store(open_there, with_phone(open_there, "0757-1234567"))
    assert first.load(reborn.id).cover.phone == fixture_book.cover.phone


def test_the_kept_version_holds_everything_even_what_the_format_refuses(
    tmp_path: Path, fixture_book: Book
) -> None:
    from bluebook_desktop.domain import ScheduleEntry, Task
    from bluebook_desktop.formats.portable import book_to_dict
    from bluebook_desktop.ui.recovery import keep_unsaved

    unticked = replace(
        fixture_book.functional_tasks[0],
        schedule=(*fixture_book.functional_tasks[0].schedule, ScheduleEntry((), "还没勾选季度")),
    )
    book = replace(
        fixture_book,
        no_key_tasks=True,
        key_tasks=(Task(task="保留的重点工作"),),
        functional_tasks=(unticked, *fixture_book.functional_tasks[1:]),
    )
    with pytest.raises(Exception, match="没有勾选季度"):
        book_to_dict(book)  # an ordinary export asks for the quarter first
    first = keep_unsaved(book, tmp_path / "recovered")
    second = keep_unsaved(book, tmp_path / "recovered")
    assert first != second  # two refusals within a second: two files
    text = first.read_text(encoding="utf-8")
    assert "还没勾选季度" in text and "保留的重点工作" in text
