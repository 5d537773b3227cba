"""Start-up checks: no network drive, a damaged database moved aside and a backup offered."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.stores import opened

from bluebook_desktop import paths
from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db import backup, health, open_repository, sqlite
from bluebook_desktop.domain import Book
from bluebook_desktop.errors import UserError

# --- network locations (the Windows drive type is simulated) ---


def drives(**types: int):  # noqa: ANN201 - a GetDriveTypeW stand-in
    return lambda root: types.get(root[0], 3)  # 3: DRIVE_FIXED


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\bluebook.sqlite3",
        "//server/share/bluebook.sqlite3",
        r"\\?\UNC\server\share\bluebook.sqlite3",
        r"Z:\蓝皮书\bluebook.sqlite3",
        "z:/bluebook.sqlite3",
        r"\\?\Z:\bluebook.sqlite3",
    ],
)
def test_network_paths_are_detected(path: str) -> None:
    assert health.is_network_path(path, drives(Z=health.DRIVE_REMOTE))


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\科员\AppData\Local\BluebookDesktop\bluebook.sqlite3",
        r"\\?\C:\很长的路径\bluebook.sqlite3",
        r"\\.\C:\bluebook.sqlite3",
        "/home/clerk/.local/share/BluebookDesktop/bluebook.sqlite3",
        "D:/bluebook.sqlite3",  # a USB stick: DRIVE_REMOVABLE is local
    ],
)
def test_local_paths_are_accepted(path: str) -> None:
    assert not health.is_network_path(path, drives(Z=health.DRIVE_REMOTE, D=2))


def test_network_database_is_refused_before_anything_is_created(tmp_path: Path) -> None:
    with pytest.raises(health.NetworkDrive) as caught:
        health.check(Path(r"\\server\share\bluebook.sqlite3"), tmp_path / "backups")
    assert "网络" in str(caught.value) and "本机磁盘" in str(caught.value)
    with pytest.raises(health.NetworkDrive):
        health.check_location(Path(r"Z:\bluebook.sqlite3"), drives(Z=health.DRIVE_REMOTE))


def test_cli_refuses_a_network_database(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(health, "is_network_path", lambda *_args: True)
    db = tmp_path / "share" / "bluebook.sqlite3"
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(db), "list"])
    assert caught.value.code == EXIT_ERROR
    err = capsys.readouterr().err
    assert str(db) in err and "网络" in err and err.count("\n") == 1
    assert not db.parent.exists()


@pytest.mark.skipif(sys.platform != "win32", reason="GetDriveTypeW exists on Windows only")
def test_windows_drive_type_of_the_system_drive() -> None:
    assert health.windows_drive_type(os.environ.get("SYSTEMDRIVE", "C:") + "\\") == 3


# --- damaged databases ---


@pytest.fixture
def good(tmp_path: Path, fixture_book: Book) -> Path:
    """The clerk's database (WAL) with one book, and a good backup of it."""
    database = tmp_path / "data" / "bluebook.sqlite3"
    store = opened(database)
    repository = store.repository
    stored = repository.add(fixture_book)
    backup.daily(database, database.parent / "backups")
    repository.store(stored, replace(stored, cover=replace(stored.cover, phone="after backup")))
    store.close()
    return database


def damage(database: Path) -> None:
    """Garbage over the tables' pages, as a failing disk or a bad copy leaves them."""
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(database.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xde\xad\xbe\xef" * 2048
    database.write_bytes(bytes(data))


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_an_intact_database_passes(good: Path) -> None:
    health.check(good, good.parent / "backups")
    assert sqlite.quick_check(good) is None


def test_damaged_database_is_moved_aside_and_the_backup_named(good: Path) -> None:
    damage(good)
    damaged_bytes = good.read_bytes()
    folder = good.parent / "backups"

    with pytest.raises(health.DamagedDatabase) as caught:
        health.check(good, folder)

    error = caught.value
    assert not good.exists()
    assert error.moved.name.startswith("bluebook.sqlite3.damaged-")
    assert error.moved.read_bytes() == damaged_bytes  # moved, never deleted or changed
    assert error.newest_backup == folder / next(iter(files(folder)))
    message = str(error)
    assert str(error.moved) in message and str(error.newest_backup) in message
    assert "\n" not in message


def test_no_fresh_empty_database_while_a_damaged_one_lies_beside(good: Path) -> None:
    damage(good)
    folder = good.parent / "backups"
    with pytest.raises(health.DamagedDatabase):
        health.check(good, folder)
    # The next start (the clerk quit at the question) must ask again, not start empty.
    with pytest.raises(health.DamagedDatabase) as caught:
        health.check(good, folder)
    assert "曾经损坏" in str(caught.value)
    assert not good.exists()


def test_restoring_the_offered_backup_gives_the_backed_up_book(good: Path) -> None:
    damage(good)
    folder = good.parent / "backups"
    with pytest.raises(health.DamagedDatabase) as caught:
        health.check(good, folder)
    assert caught.value.newest_backup is not None
    backup.restore(caught.value.newest_backup, good, folder)
    health.check(good, folder)
    store = opened(good)
    repository = store.repository
    try:
        assert repository.load(1).cover.phone == "87771621"  # as it was at the backup
    finally:
        store.close()


def test_cli_names_the_moved_file_and_the_backup(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    damage(good)
    for _attempt in range(2):  # and says so again next time, without making an empty one
        with pytest.raises(SystemExit) as caught:
            main(["--db", str(good), "list"])
        assert caught.value.code == EXIT_ERROR
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1
        assert ".damaged-" in err and "bluebook-cli restore" in err
        assert str(next((good.parent / "backups").iterdir())) in err
        assert not good.exists()


def test_a_text_file_given_as_database_is_refused_not_moved(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        health.check(notes, tmp_path / "backups")
    assert not isinstance(caught.value, health.DamagedDatabase)
    assert notes.read_text(encoding="utf-8") == "会议记录"
    assert files(tmp_path) == ["notes.txt"]


def test_a_locked_database_is_not_called_damaged(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(_path: Path) -> str | None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(sqlite, "quick_check", busy)
    with pytest.raises(UserError) as caught:
        health.check(good, good.parent / "backups")
    assert not isinstance(caught.value, health.DamagedDatabase)
    assert "占用" in str(caught.value)
    assert good.exists()


def test_window_start_offers_the_backup(qtbot, good: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bluebook_desktop import app

    damage(good)
    found = paths.resolve(good)
    shown: list[str] = []

    def click(text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, lambda: click("从备份恢复"))
    store = app._open_database(found, None)
    assert store is not None
    with store:
        assert store.repository.load(1).cover.phone == "87771621"
    assert ".damaged-" in shown[0]
    assert len(health.damaged_copies(good)) == 1

    # Quitting at the question leaves no database: the next start asks again.
    damage(good)
    QTimer.singleShot(0, lambda: click("退出"))
    assert app._open_database(found, None) is None
    assert not good.exists()


# --- a read-only folder, a full disk ---


def test_read_only_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode)
    )
    with pytest.raises(UserError) as caught:
        open_repository(folder / "bluebook.sqlite3")
    assert "只读" in str(caught.value) and str(folder) in str(caught.value)
    assert files(folder) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError) as caught:
            open_repository(folder / "bluebook.sqlite3")
        assert "只读" in str(caught.value)
        assert files(folder) == []
    finally:
        folder.chmod(0o755)


def test_sqlite_errors_in_plain_words() -> None:
    assert sqlite.reason(sqlite3.OperationalError("database or disk is full")) == "磁盘空间不足"
    assert "只读" in (
        sqlite.reason(sqlite3.OperationalError("attempt to write a readonly database")) or ""
    )
    assert sqlite.reason(OSError(errno.EIO, "x")) is None


def test_full_disk_while_storing_keeps_the_edit_and_the_database(qtbot, good: Path) -> None:
    from sqlalchemy import event

    from bluebook_desktop.ui.session import BookSession

    store = opened(good)
    repository = store.repository
    book = repository.load(1)
    session = BookSession(repository, book)
    # SQLite's own "database or disk is full": the file may not grow by a single page.
    event.listen(
        repository.engine,
        "connect",
        lambda connection, _record: connection.execute(
            f"PRAGMA max_page_count = {good.stat().st_size // 4096}"
        ),
    )
    store.close()
    failures: list[str] = []
    session.storeFailed.connect(failures.append)
    huge = replace(book, head_opinion="意见" * 200_000)
    session.edit(huge, "意见")
    try:
        assert not session.store_now()
        assert failures == ["磁盘空间不足"]
        assert session.book is huge and not session.is_stored  # still in the window
        assert repository.load(1).head_opinion == book.head_opinion
        assert sqlite.quick_check(good) is None
    finally:
        session.undo_stack.undo()
        session.store_now()
        store.close()


# --- an emptied database, and text that is no UTF-8 ---


@pytest.mark.parametrize("how", ["zero bytes", "no tables"])
def test_an_emptied_database_beside_backups_with_books_is_damage(how: str, good: Path) -> None:
    for suffix in ("-wal", "-shm"):
        good.with_name(good.name + suffix).unlink(missing_ok=True)
    good.write_bytes(b"")
    if how == "no tables":
        with sqlite3.connect(good) as connection:
            connection.execute("PRAGMA user_version = 1")
        connection.close()
    folder = good.parent / "backups"
    with pytest.raises(health.DamagedDatabase) as caught:
        health.check(good, folder)
    assert not good.exists() and caught.value.moved.exists()
    assert caught.value.newest_backup is not None
    assert backup.holds_books(caught.value.newest_backup)


def test_cli_does_not_take_an_emptied_database_for_a_new_one(
    capsys: pytest.CaptureFixture[str], good: Path
) -> None:
    for suffix in ("-wal", "-shm"):
        good.with_name(good.name + suffix).unlink(missing_ok=True)
    good.write_bytes(b"")
    with pytest.raises(SystemExit):
        main(["--db", str(good), "list"])
    err = capsys.readouterr().err
    assert "bluebook-cli restore" in err
    assert list((good.parent / "backups").iterdir())  # no empty daily copy was added
    assert len(list((good.parent / "backups").iterdir())) == 1


def test_a_new_empty_file_without_backups_is_a_new_database(tmp_path: Path) -> None:
    database = tmp_path / "data" / "bluebook.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"")
    health.check(database, database.parent / "backups")
    assert database.exists()


def test_text_that_is_not_utf8_is_damage(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(good) as connection:
        connection.execute("UPDATE book SET unit_name = CAST(x'e694bfff' AS TEXT) WHERE id = 1")
    connection.close()
    with pytest.raises(SystemExit):
        main(["--db", str(good), "list"])
    err = capsys.readouterr().err
    assert "已损坏" in err and "bluebook-cli restore" in err
    assert "decode" not in err and "OperationalError" not in err
    assert not good.exists()


# --- network mounts on Linux, by their file system type ---


@pytest.mark.skipif(sys.platform == "win32", reason="Linux and Unix mount tables")
@pytest.mark.parametrize("kind", ["nfs4", "cifs", "fuse.sshfs", "smb3"])
def test_a_database_on_a_network_mount_is_refused(kind: str, tmp_path: Path) -> None:
    share = tmp_path / "共享 文件夹"
    share.mkdir()
    mounts = tmp_path / "mounts"
    escaped = str(share).replace(" ", "\\040")
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\nserver:/export {escaped} {kind} rw 0 0\n", encoding="utf-8"
    )
    database = share / "bluebook.sqlite3"
    with pytest.raises(health.NetworkDrive):
        health.check_location(database, mounts=mounts)
    assert not database.exists()
    health.check_location(tmp_path / "local.sqlite3", mounts=mounts)  # ext4: fine


@pytest.mark.skipif(not Path("/proc/self/mounts").exists(), reason="no /proc here")
def test_the_real_mount_table_is_read() -> None:
    assert health.mount_type(Path("/")) is not None
