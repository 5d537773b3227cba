"""The workspace: the open store, the book list and the open book, with no window at all;
the whole-book actions work on it and a parent widget, never on the main window."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpers.files import FIXTURE_BOOK
from PySide6.QtWidgets import QWidget
from test_layers import all_imports

from bluebook_desktop import paths
from bluebook_desktop.db.store import SqliteStore
from bluebook_desktop.domain import Book
from bluebook_desktop.ui.book_actions import BookActions
from bluebook_desktop.ui.recovery import RecoveryActions
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

WINDOW = "bluebook_desktop.ui.main_window"


def workspace_on(store: SqliteStore, tmp_path: Path) -> Workspace:
    settings = Settings.in_file(tmp_path / "settings.ini")
    return Workspace(store, settings, paths.resolve(store.database))


def test_the_actions_and_the_workspace_never_import_the_window() -> None:
    parts = {"bluebook_desktop.ui." + name for name in ("book_actions", "recovery", "workspace")}
    found = [f"{i.source}:{i.line}" for i in all_imports() if i.source in parts]
    assert found  # the graph was read
    assert [
        f"{i.source}:{i.line}" for i in all_imports() if i.source in parts and i.target == WINDOW
    ] == []


def test_open_edit_and_close_a_book_without_a_window(
    qtbot, store: SqliteStore, tmp_path: Path, fixture_book: Book
) -> None:
    workspace = workspace_on(store, tmp_path)
    seen: list[str] = []
    workspace.booksChanged.connect(lambda: seen.append("books"))
    workspace.bookOpened.connect(lambda session: seen.append(f"opened {session.book.id}"))
    workspace.bookClosing.connect(lambda _session: seen.append("closing"))
    workspace.bookClosed.connect(lambda: seen.append("closed"))

    stored = workspace.add(fixture_book)
    assert workspace.book_list.rowCount() == 1
    assert workspace.open(stored.id)
    assert seen == ["books", "closed", f"opened {stored.id}"]
    assert workspace.settings.last_book_id() == stored.id

    session = workspace.session
    assert session is not None
    session.edit(replace(session.book, head_opinion="不经窗口写的"), "意见")
    assert workspace.store_now()
    assert store.repository.load(stored.id).head_opinion == "不经窗口写的"

    workspace.close()
    assert workspace.session is None and workspace.book is None
    assert seen[-2:] == ["closing", "closed"]
    assert workspace.settings.last_book_id() is None


def test_a_file_from_outside_is_imported_and_opened(
    qtbot, store: SqliteStore, tmp_path: Path
) -> None:
    workspace = workspace_on(store, tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    BookActions(workspace, parent)
    RecoveryActions(workspace, parent)
    workspace.reload()

    workspace.import_file(FIXTURE_BOOK)

    assert workspace.book is not None
    assert [s.id for s in store.repository.list_books()] == [workspace.book.id]
    assert store.repository.load(workspace.book.id) == workspace.book


def test_deleting_the_open_book_closes_it_first(
    qtbot, store: SqliteStore, tmp_path: Path, fixture_book: Book
) -> None:
    workspace = workspace_on(store, tmp_path)
    stored = workspace.add(fixture_book)
    workspace.open(stored.id)
    session = workspace.session
    workspace.delete(stored.id)
    assert workspace.session is None and session is not None
    assert store.repository.list_books() == []
