"""Backups: made with SQLite's online backup, rotated, restored; never half-written."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.files import OLD_DATABASES
from helpers.stores import opened

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db import backup, sqlite
from bluebook_desktop.db.revisions import HEAD
from bluebook_desktop.db.store import SqliteStore
from bluebook_desktop.domain import Book
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import dumps


def phone_in(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT phone FROM book").fetchone()[0]


@pytest.fixture
def live(tmp_path: Path, fixture_book: Book) -> Iterator[tuple[SqliteStore, Path]]:
    """A database in WAL mode with one book and changes still in its -wal file."""
    database = tmp_path / "data" / "bluebook.sqlite3"
    store = opened(database)
    repository = store.repository
    stored = repository.add(fixture_book)
    repository.store(stored, replace(stored, cover=replace(stored.cover, phone="111")))
    yield store, database
    store.close()


def test_copy_of_a_live_wal_database_has_the_latest_edit(
    live: tuple[SqliteStore, Path], tmp_path: Path
) -> None:
    store, database = live
    repository = store.repository
    # An open connection keeps the -wal file: a plain copy of the main file would miss it.
    with repository.engine.connect():
        assert database.with_name(database.name + "-wal").stat().st_size > 0
        target = backup.copy_to(database, tmp_path / "backups" / "copy.sqlite3")
    assert phone_in(target) == "111"
    assert sqlite.quick_check(target) is None
    # One self-contained file: a rollback-journal database, nothing beside it.
    assert target.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]


def test_daily_copy_once_a_day(live: tuple[SqliteStore, Path], tmp_path: Path) -> None:
    _store, database = live
    folder = tmp_path / "data" / "backups"
    day = dt.date(2026, 11, 28)
    first = backup.daily(database, folder, day)
    assert first == folder / "bluebook-2026-11-28.sqlite3"
    assert backup.daily(database, folder, day) is None
    assert backup.daily(database, folder, day + dt.timedelta(days=1)) is not None
    assert len(list(folder.iterdir())) == 2


def test_no_daily_copy_of_a_missing_database(tmp_path: Path) -> None:
    assert backup.daily(tmp_path / "none.sqlite3", tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()
    assert not (tmp_path / "none.sqlite3").exists()


def test_the_newest_ten_daily_copies_are_kept(
    live: tuple[SqliteStore, Path], tmp_path: Path
) -> None:
    _store, database = live
    folder = tmp_path / "data" / "backups"
    start = dt.date(2026, 1, 1)
    others = [
        backup.before_upgrade(database, folder),
        backup.copy_to(database, folder / backup.stamped_name("before-restore")),
    ]
    for i in range(13):
        backup.daily(database, folder, start + dt.timedelta(days=i))
    names = sorted(p.name for p in folder.iterdir())
    dailies = [n for n in names if n not in {p.name for p in others}]
    assert dailies == [f"bluebook-2026-01-{d:02d}.sqlite3" for d in range(4, 14)]
    assert all(p.exists() for p in others)  # only daily copies rotate
    assert f"before-upgrade-{HEAD}" in others[0].name


def test_full_disk_leaves_no_half_written_backup(
    live: tuple[SqliteStore, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store, database = live
    folder = tmp_path / "data" / "backups"
    real = sqlite.copy_database

    def fill_up(source: Path, target: Path) -> None:
        real(source, target)  # the temporary file is written …
        raise sqlite3.OperationalError("database or disk is full")  # … and the disk fills

    monkeypatch.setattr(sqlite, "copy_database", fill_up)
    with pytest.raises(UserError) as caught:
        backup.daily(database, folder, dt.date(2026, 11, 28))
    assert "磁盘空间不足" in str(caught.value)
    assert str(folder) in str(caught.value)
    assert list(folder.iterdir()) == []


def test_read_only_backup_folder_is_named(
    live: tuple[SqliteStore, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store, database = live

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    folder = tmp_path / "data" / "backups"
    with pytest.raises(UserError) as caught:
        backup.copy_to(database, folder / "x.sqlite3")
    assert "没有写入权限" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_restore_backs_up_the_current_file_first(
    live: tuple[SqliteStore, Path], tmp_path: Path
) -> None:
    store, database = live
    repository = store.repository
    folder = tmp_path / "data" / "backups"
    old = backup.copy_to(database, folder / "old.sqlite3")
    book = repository.load(1)
    repository.store(book, replace(book, cover=replace(book.cover, phone="222")))
    store.close()

    saved = backup.restore(old, database, folder)

    assert saved is not None and "before-restore" in saved.name
    assert phone_in(saved) == "222"
    reopened_store = opened(database)
    reopened = reopened_store.repository
    try:
        assert reopened.load(1).cover.phone == "111"
    finally:
        reopened_store.close()
    assert sqlite.quick_check(database) is None


def test_restore_of_a_first_schema_backup_upgrades_it(tmp_path: Path, fixture_bytes: bytes) -> None:
    database = tmp_path / "bluebook.sqlite3"
    opened(database).close()  # an empty database of this version
    folder = tmp_path / "backups"
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(OLD_DATABASES["0001"], old)
    upgrades: list[str] = []

    backup.restore(old, database, folder)
    store = opened(
        database,
        before_upgrade=lambda: upgrades.append(backup.before_upgrade(database, folder).name),
    )
    repository = store.repository
    try:
        assert dumps(repository.load(1)).encode("utf-8") == fixture_bytes
    finally:
        store.close()
    assert len(upgrades) == 1
    assert sqlite.stored_revision(folder / upgrades[0]) == "0001"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (lambda: b"garbage" * 2000, "损坏"),
        (lambda: b"", "不是本程序的数据库"),
    ],
    ids=["garbage", "empty"],
)
def test_restore_refuses_a_bad_backup_untouched(
    content, reason: str, live: tuple[SqliteStore, Path], tmp_path: Path
) -> None:
    store, database = live
    store.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content())
    before = phone_in(database)
    with pytest.raises(UserError) as caught:
        backup.restore(bad, database, tmp_path / "data" / "backups")
    assert reason in str(caught.value)
    assert phone_in(database) == before
    assert not (tmp_path / "data" / "backups").exists()


def test_newest_good_skips_a_damaged_backup(live: tuple[SqliteStore, Path], tmp_path: Path) -> None:
    _store, database = live
    folder = tmp_path / "data" / "backups"
    good = backup.copy_to(database, folder / "good.sqlite3")
    bad = backup.copy_to(database, folder / "bad.sqlite3")
    data = bytearray(bad.read_bytes())
    data[4096 : 4096 * 3] = b"\xa5" * (4096 * 2)
    bad.write_bytes(bytes(data))
    os.utime(good, (1_000_000, 1_000_000))  # the damaged one is newer
    assert backup.backups(folder) == [bad, good]
    assert backup.newest_good(folder) == good


# --- the command line ---


def test_cli_backup_and_restore(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fixture_bytes: bytes
) -> None:
    db = tmp_path / "cli" / "bluebook.sqlite3"
    source = tmp_path / "book.bluebook.json"
    source.write_bytes(fixture_bytes)
    assert main(["--db", str(db), "import", str(source)]) == 0
    capsys.readouterr()
    copy = tmp_path / "U盘" / "备份.sqlite3"
    assert main(["--db", str(db), "backup", str(copy)]) == 0
    assert capsys.readouterr().out == f"{copy}\n"
    assert main(["--db", str(db), "import", str(source)]) == 0
    capsys.readouterr()

    assert main(["--db", str(db), "restore", str(copy)]) == 0

    out = capsys.readouterr().out
    assert "已从" in out and "before-restore" in out
    assert main(["--db", str(db), "list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_cli_restore_of_garbage_fails_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(tmp_path / "bluebook.sqlite3"), "restore", str(bad)])
    assert caught.value.code == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith(f"无法从 {bad} 恢复：") and err.count("\n") == 1
    assert not (tmp_path / "bluebook.sqlite3").exists()


# --- the window's 备份 and 从备份恢复… ---


def test_window_backup_and_restore(
    qtbot, live: tuple[SqliteStore, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from bluebook_desktop.paths import resolve
    from bluebook_desktop.ui import recovery
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    store, database = live
    repository = store.repository
    found = resolve(database)
    window = MainWindow(
        Workspace(
            SqliteStore(database, repository), Settings.in_file(tmp_path / "settings.ini"), found
        )
    )
    qtbot.addWidget(window)
    assert window.open_book(1)
    copy = tmp_path / "U盘" / "备份"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(copy), ""))
    window.ui.actionBackup.trigger()
    copy = copy.with_name("备份.sqlite3")
    assert phone_in(copy) == "111"

    book = window.session.book
    window.session.edit(replace(book, cover=replace(book.cover, phone="222")), "电话")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(copy), ""))
    monkeypatch.setattr(recovery, "confirm", lambda *_args: True)
    window.ui.actionRestore.trigger()

    assert window.session is not None and window.session.book.cover.phone == "111"
    saved = [p for p in found.backup_dir.iterdir() if "before-restore" in p.name]
    assert len(saved) == 1 and phone_in(saved[0]) == "222"  # the edit was stored first
    assert "恢复前" in window.statusBar().currentMessage()
    window.close()


def test_rotation_keeps_the_newest_copy_that_holds_a_book(
    live: tuple[SqliteStore, Path], tmp_path: Path
) -> None:
    store, database = live
    repository = store.repository
    folder = tmp_path / "data" / "backups"
    start = dt.date(2026, 1, 1)
    backup.daily(database, folder, start)  # the only copy with the books
    for book in repository.list_books():
        repository.delete(book.id)
    for i in range(1, 15):
        backup.daily(database, folder, start + dt.timedelta(days=i))
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "bluebook-2026-01-01.sqlite3"
    assert len(names) == backup.KEEP_DAILY + 1
    assert backup.holds_books(folder / names[0])
