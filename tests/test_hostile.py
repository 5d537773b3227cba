"""Hostile cases: outputs aimed at the program's own files, read-only and long names,
full disks, parallel processes, damaged schemas. Each refused in plain words, nothing lost."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from helpers.files import FIXTURE_BOOK
from helpers.stores import opened

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db import backup, open_repository
from bluebook_desktop.domain import Book
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import dumps, read_portable, write_portable

FIXTURE = FIXTURE_BOOK
# What a clerk must never read: SQL, parameters, exception names, the system's English.
LEAKS = re.compile(
    r"SELECT|INSERT|UPDATE|\[SQL|parameters|Error\b|Exception|errno|Errno|"
    r"No such file|Is a directory|Permission denied|database is locked|disk is full"
)


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    assert exited.value.code == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert not LEAKS.search(err), err
    return err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database holding the fixture book (id 1) and its daily backup."""
    database = tmp_path / "data" / "bluebook.sqlite3"
    assert main(["--db", str(database), "import", str(FIXTURE)]) == 0
    capsys.readouterr()
    return database


# --- exporting onto the program's own files ---


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("option", ["--json", "--pdf", "--docx"])
def test_export_onto_the_database_is_refused(
    suffix: str, option: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = db.with_name(db.name + suffix)
    err = fails(capsys, "--db", str(db), "export", "1", option, str(target))
    assert "数据库或备份文件" in err
    if target.exists():  # SQLite's own file still, not the export
        assert not target.read_bytes().startswith((b"PK", b"%PDF", b"{"))
    assert main(["--db", str(db), "list"]) == 0
    assert capsys.readouterr().out.startswith("1\t2021\t")


def test_export_onto_a_backup_or_through_a_link_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = next((db.parent / "backups").iterdir())
    before = copy.read_bytes()
    fails(capsys, "--db", str(db), "export", "1", "--json", str(copy))
    link = tmp_path / "book.bluebook.json"
    link.symlink_to(db)
    fails(capsys, "--db", str(db), "export", "1", "--pdf", str(link))
    fails(capsys, "--db", str(db), "render", str(FIXTURE), "--pdf", str(db))
    assert copy.read_bytes() == before
    assert backup.holds_books(db)


# --- read-only and long names ---


def test_a_read_only_output_is_not_replaced(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kept.bluebook.json"
    out.write_text("原来的内容", encoding="utf-8")
    out.chmod(0o444)
    err = fails(capsys, "--db", str(db), "export", "1", "--json", str(out))
    assert "只读" in err
    assert out.read_text(encoding="utf-8") == "原来的内容"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_long_legal_name_can_be_written(fixture_book: Book, tmp_path: Path) -> None:
    limit = os.pathconf(tmp_path, "PC_NAME_MAX") if hasattr(os, "pathconf") else 255
    name = "蓝" * ((limit - len(".bluebook.json")) // 3) + ".bluebook.json"
    assert limit - 3 < len(name.encode()) <= limit
    target = tmp_path / name
    write_portable(fixture_book, target)
    assert dumps(read_portable(target)) == dumps(fixture_book)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_name_too_long_is_called_so(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("长" * 100 + ".pdf")
    err = fails(capsys, "--db", str(db), "export", "1", "--json", str(out))
    assert "过长" in err
    err = fails(capsys, "--db", str(tmp_path / ("库" * 100 + ".sqlite3")), "list")
    assert "过长" in err and "权限" not in err
    with pytest.raises(UserError, match="过长"):
        read_portable(out)


# --- storage errors in plain words, one place for every command and the window ---


def test_a_full_disk_during_import_is_said_plainly(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from sqlalchemy import Engine, event

    def no_room(connection: object, _record: object) -> None:
        pages = db.stat().st_size // 4096 + 2
        connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["book"]["head_opinion"] = "意见" * 9000
    data["book"]["functional_tasks"] *= 40
    big = tmp_path / "big.bluebook.json"
    big.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    event.listen(Engine, "connect", no_room)
    try:
        err = fails(capsys, "--db", str(db), "import", str(big))
    finally:
        event.remove(Engine, "connect", no_room)
    assert "磁盘空间不足" in err and str(db) in err
    assert main(["--db", str(db), "list"]) == 0
    assert capsys.readouterr().out.count("\n") == 1  # the one book from before, nothing half


@pytest.mark.parametrize(
    "error",
    [
        OSError(21, "Is a directory", "/tmp/x"),
        OSError(2, "No such file or directory"),
        __import__("sqlite3").OperationalError("database or disk is full"),
        __import__("sqlite3").DatabaseError("database disk image is malformed"),
        RuntimeError("internal detail"),
    ],
)
def test_the_window_shows_no_exception_names(
    error: BaseException, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    from bluebook_desktop import app

    assert QApplication.instance() is not None or QApplication([]) is not None
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app._install_exception_hook(None)
    sys.excepthook(type(error), error, None)
    assert len(shown) == 1
    assert not LEAKS.search(shown[0]) and "internal detail" not in shown[0], shown[0]
    assert "未知" not in shown[0]
    if "full" in str(error):
        assert "磁盘空间不足" in shown[0]


# --- many processes at once ---


def _import_in_child(database: str, queue: object) -> None:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", database, "import", str(FIXTURE)])
        except SystemExit as exc:
            code = int(exc.code or 0)
    queue.put((code, out.getvalue(), err.getvalue()))  # type: ignore[attr-defined]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked processes start fast enough only here")
@pytest.mark.parametrize("existing", [False, True], ids=["first creation", "existing database"])
def test_twenty_imports_at_once_all_land(existing: bool, tmp_path: Path) -> None:
    import multiprocessing

    database = tmp_path / "data" / "bluebook.sqlite3"
    if existing:
        opened(database).close()
    import alembic.command  # noqa: F401 - loaded once here, not in each child
    import alembic.runtime.migration  # noqa: F401

    import bluebook_desktop.db.repository  # noqa: F401
    import bluebook_desktop.db.schema  # noqa: F401

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    children = [
        context.Process(target=_import_in_child, args=(str(database), queue)) for _ in range(20)
    ]
    for child in children:
        child.start()
    results = [queue.get(timeout=60) for _ in children]
    for child in children:
        child.join(timeout=10)
    failed = [err for code, _out, err in results if code != 0]
    assert failed == []
    ids = sorted(int(out) for _code, out, _err in results)
    assert ids == list(range(1, 21))
    store = opened(database)
    repository = store.repository
    try:
        assert len(repository.list_books()) == 20
        expected = dumps(repository.load(1))
        assert all(dumps(repository.load(i)) == expected for i in ids)
    finally:
        store.close()


# --- edits only in the -wal ---


def _wal(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def test_edits_reach_the_database_file_when_the_window_is_idle(
    qtbot, tmp_path: Path, fixture_book: Book
) -> None:
    from dataclasses import replace

    from bluebook_desktop.ui.idle import CHECKPOINT_IDLE_MS
    from bluebook_desktop.ui.session import BookSession

    database = tmp_path / "data" / "bluebook.sqlite3"
    store = opened(database)
    repository = store.repository
    reader_store = opened(database)  # another window keeps a reader: no auto-checkpoint
    reader = reader_store.repository
    try:
        with reader.engine.connect():
            book = repository.add(fixture_book)
            session = BookSession(repository, book)
            for i in range(5):
                session.edit(replace(session.book, head_opinion=f"意见{i}"), "意见")
                assert session.store_now()
            qtbot.wait(CHECKPOINT_IDLE_MS + 500)
            # Something outside deletes the -wal: what was reported stored must still be there.
            assert _wal(database).stat().st_size == 0
        store.close()
        reader_store.close()
        _wal(database).unlink(missing_ok=True)
        database.with_name(database.name + "-shm").unlink(missing_ok=True)
        again_store = opened(database)
        again = again_store.repository
        try:
            assert again.load(book.id or 0).head_opinion == "意见4"
        finally:
            again_store.close()
    finally:
        store.close()
        reader_store.close()


def test_a_damaged_wal_is_found_before_sqlite_drops_it(tmp_path: Path, fixture_book: Book) -> None:
    import sqlite3

    from bluebook_desktop.db import health

    database = tmp_path / "data" / "bluebook.sqlite3"
    store = opened(database)
    repository = store.repository
    stored = repository.add(fixture_book)  # the first book reaches the file at once
    holder = sqlite3.connect(database)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM book").fetchall()  # a reader: no checkpoint on close
    from dataclasses import replace

    for i in range(3):
        new = replace(stored, head_opinion=f"第{i}次")
        repository.store(stored, new)
        stored = new
    store.close()
    wal = _wal(database)
    copy = wal.read_bytes()
    holder.close()
    assert len(copy) > 32 + 3 * (24 + 4096)
    from bluebook_desktop.db import wal as wal_check

    wal.write_bytes(copy)
    assert wal_check.damage(database) is None  # sound as it was
    damaged = bytearray(copy)
    damaged[32 + 24 + 100] ^= 0xFF  # a byte in the first frame's page
    wal.write_bytes(bytes(damaged))
    with pytest.raises(health.DamagedDatabase) as caught:
        health.check(database, database.parent / "backups")
    moved = caught.value.moved
    assert _wal(moved).read_bytes() == bytes(damaged)  # kept with its database, for recovery


# --- a schema that does not match ---


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        ("DROP TABLE leader", "leader"),
        ("INSERT INTO alembic_version VALUES ('9999_future')", "9999_future"),
        ("ALTER TABLE task DROP COLUMN target", "target"),
    ],
)
def test_a_schema_that_does_not_match_is_refused(
    damage: str, words: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with sqlite3.connect(db) as connection:
        connection.execute(damage)
    connection.close()
    err = fails(capsys, "--db", str(db), "list")
    assert "结构与本程序不符" in err and words in err
    with pytest.raises(UserError, match="结构与本程序不符"):
        open_repository(db)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_given_as_backup_or_import_is_refused_unread(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    err = fails(capsys, "--db", str(db), "restore", str(fifo))
    assert "普通文件" in err and "文件夹" not in err
    for name in ("pipe.bluebook.json", "pipe.docx"):
        os.mkfifo(tmp_path / name)
        assert "不是普通文件" in fails(capsys, "--db", str(db), "import", str(tmp_path / name))
