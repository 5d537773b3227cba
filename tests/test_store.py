"""The store: one open sequence for the window and the command line, a location that is a
path or a URL, and what a store answers (close, check, backup, restore, plain words)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from bluebook_desktop import paths
from bluebook_desktop.cli import EXIT_ERROR
from bluebook_desktop.cli import main as cli_main
from bluebook_desktop.db.store import (
    DamagedDatabase,
    OpeningStopped,
    Recovery,
    SqliteStore,
    UnsupportedLocation,
    open_store,
    restore_store,
)
from bluebook_desktop.domain import Book

URL = "postgresql://clerk@server.example/bluebook"
OTHER = "mysql://clerk@server.example/bluebook"  # a server this program does not use


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


def test_a_url_stays_a_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    found = paths.resolve(URL)
    assert found.url == URL
    assert found.location == URL
    assert "postgresql:" not in str(found.database)  # not /cwd/postgresql:/…
    assert paths.resolve(tmp_path / "b.sqlite3").location == str(tmp_path / "b.sqlite3")


def test_another_servers_url_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    before = files_under(tmp_path)
    with pytest.raises(UnsupportedLocation) as refused:
        open_store(OTHER)
    message = str(refused.value)
    assert "mysql://" in message and "数据库文件" in message and "PostgreSQL" in message
    assert "clerk" not in message  # the rest of a URL may hold a name or a password
    with pytest.raises(UnsupportedLocation):
        restore_store(OTHER, tmp_path / "backup.sqlite3")
    assert files_under(tmp_path) == before


def test_the_command_line_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["list"], ["backup"], ["restore", str(tmp_path / "x.sqlite3")]):
        with pytest.raises(SystemExit) as caught:
            cli_main(["--db", OTHER, *command])
        assert caught.value.code == EXIT_ERROR
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and "Traceback" not in err
        assert err.startswith("无法使用数据库 mysql://…")
    assert not list(tmp_path.glob("mysql*"))
    assert not (tmp_path / "home" / paths.DB_NAME).exists()


def test_the_window_says_so_in_a_message_and_ends(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop import app

    monkeypatch.chdir(tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app.main(["--db", OTHER]) == 2
    assert len(shown) == 1 and shown[0].startswith("无法使用数据库 mysql://…")
    assert not list(tmp_path.glob("mysql*"))
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_the_store_says_what_it_is(store: SqliteStore, tmp_path: Path) -> None:
    assert store.is_file and store.supports_backup and store.is_open
    assert store.location == str(tmp_path / "store" / "books.sqlite3")
    assert store.check() is None


def test_backup_and_restore_through_the_store(store: SqliteStore, fixture_book: Book) -> None:
    repository = store.repository
    book = repository.add(fixture_book)
    copy = store.backup()
    assert copy.parent == store.backup_dir and copy.name.endswith("-manual.sqlite3")
    assert store.backup_problem(copy) is None
    repository.store(book, replace(book, head_opinion="备份之后写的"))

    saved = store.restore(copy)
    assert saved is not None and "before-restore" in saved.name
    # The store is usable again at once, and holds the backup's content.
    assert store.repository.load(book.id).head_opinion == fixture_book.head_opinion
    with closing(sqlite3.connect(saved)) as connection:
        row = connection.execute("SELECT head_opinion FROM book").fetchone()
    assert row == ("备份之后写的",)


def test_describe_puts_a_storage_error_in_plain_words(store: SqliteStore) -> None:
    described = store.describe(sqlite3.OperationalError("database or disk is full"))
    assert described is not None
    assert str(described) == f"无法读写数据库 {store.location}：磁盘空间不足。"
    assert store.describe(ValueError("a bug")) is None


def test_close_closes_every_connection(tmp_path: Path, fixture_book: Book) -> None:
    database = tmp_path / "closing.sqlite3"
    store = open_store(database)
    store.repository.add(fixture_book)
    pool = store.repository.engine.pool
    assert pool.checkedin() > 0  # a connection kept for the next query
    store.close()
    store.close()  # twice is fine
    assert pool.checkedin() == 0 and pool.checkedout() == 0


def test_the_window_and_the_command_line_open_alike(tmp_path: Path, fixture_book: Book) -> None:
    """A start-up read (the window) and a full open (the command line) of one database
    answer the same; the first open made the day's backup."""
    database = tmp_path / "alike.sqlite3"
    with open_store(database) as first:
        book = first.repository.add(fixture_book)
        books = first.repository.list_books()
    quick = open_store(database, start_book=book.id)
    try:
        assert not quick.is_open
        assert quick.repository.list_books() == books
        assert quick.repository.load(book.id) == book
        quick.finish_opening()
        assert quick.is_open
        assert quick.repository.revision(book.id) is not None
    finally:
        quick.close()
    assert list((tmp_path / "backups").glob("bluebook-*.sqlite3"))


def _damaged(tmp_path: Path, fixture_book: Book) -> Path:
    """The clerk's database with one book and a good backup, then garbage over its tables."""
    database = tmp_path / "data" / paths.DB_NAME
    with open_store(database) as store:
        book = store.repository.add(fixture_book)
        store.backup(store.backup_dir / "bluebook-2026-01-01-000000-manual.sqlite3")
        store.repository.store(book, replace(book, head_opinion="备份之后写的"))
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    data = bytearray(database.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xde\xad\xbe\xef" * 2048
    database.write_bytes(bytes(data))
    return database


@pytest.mark.parametrize(("answer", "books"), [("restore", ["the backup's"]), ("empty", [])])
def test_a_damaged_database_is_moved_aside_and_the_caller_decides(
    tmp_path: Path, fixture_book: Book, answer: str, books: list[str]
) -> None:
    database = _damaged(tmp_path, fixture_book)
    asked: list[str] = []

    def on_damaged(error: DamagedDatabase) -> Recovery:
        asked.append(error.moved.name)
        return answer  # type: ignore[return-value]

    with open_store(database, on_damaged=on_damaged) as store:
        stored = store.repository.list_books()
        assert len(stored) == len(books)
        if books:  # the backup's content: before the last store
            assert store.repository.load(stored[0].id).head_opinion == fixture_book.head_opinion
    assert len(asked) == 1 and ".damaged-" in asked[0]
    assert (database.parent / asked[0]).is_file()  # kept, never deleted


def test_without_an_answer_the_damage_is_raised_and_nothing_opened(
    tmp_path: Path, fixture_book: Book
) -> None:
    database = _damaged(tmp_path, fixture_book)
    with pytest.raises(DamagedDatabase) as raised:
        open_store(database)
    assert raised.value.newest_backup is not None
    with pytest.raises(OpeningStopped):
        open_store(database, on_damaged=lambda _error: None)
    assert not database.exists()  # moved aside; no empty database put in its place
