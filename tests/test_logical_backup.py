"""The logical backup: every book with its files in one .bluebooks.zip, written from SQLite
or a PostgreSQL server and restored into either, so an office can move between them.

Restoring checks every package before storing any book, and refuses a database that already
holds books: one line in words, exit 2, nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.books import without_ids
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db import open_repository
from bluebook_desktop.domain import Book
from bluebook_desktop.domain.year import Evidence, book_evidence
from bluebook_desktop.formats.portable import dumps, read_portable

SCAN = b"%PDF-1.7\n" + bytes(range(256)) * 20
EXPECTED_2021 = ["政协佛山市三水区委员会", "佛山市三水区财政局", "三水区林业局"]
EXPECTED = {2021: EXPECTED_2021, 2022: ["三水区统计局"]}


def _expected(location: str) -> dict[int, list[str]]:
    from bluebook_desktop.db.store import open_store

    with open_store(location) as store:
        return store.repository.expected_lists()


def _books(location: str) -> list[Book]:
    from bluebook_desktop.db.store import open_store

    with open_store(location) as store:
        repository = store.repository
        return [replace(repository.load(s.id), id=None) for s in repository.list_books()]


def _without_ids(book: Book) -> str:
    """The book as its file, but for the task and step ids importing renews."""
    return json.dumps(without_ids(json.loads(dumps(book))), ensure_ascii=False, sort_keys=True)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A SQLite database with the real book and the example year, one report with a file."""
    database = tmp_path / "source.sqlite3"
    repository = open_repository(database)
    try:
        repository.put_evidence(SCAN, "application/pdf")
        year = read_portable(EXAMPLE_YEAR)
        record = Evidence(
            "签到表.pdf", hashlib.sha256(SCAN).hexdigest(), len(SCAN), "application/pdf"
        )
        first, *rest = year.functional_tasks
        report = replace(first.progress[0], evidence=(record,))
        year = replace(year, functional_tasks=(replace(first, progress=(report,)), *rest))
        repository.add(read_portable(FIXTURE_BOOK))
        repository.add(year)
        repository.set_expected_units(2021, EXPECTED_2021)
        repository.set_expected_units(2022, ["三水区统计局"])
    finally:
        repository.engine.dispose()
    return database


def test_from_sqlite_to_postgresql_and_back(
    source: Path, tmp_path: Path, postgres_engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = os.environ["BLUEBOOK_TEST_POSTGRES"]
    archive = tmp_path / "全部"
    assert main(["--db", str(source), "backup", "--books", str(archive)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == "全部.bluebooks.zip"
    with zipfile.ZipFile(written) as opened:
        assert opened.namelist() == [
            "books/1.bluebook.zip",
            "books/2.bluebook.zip",
            "expected-units.json",
        ]

    assert main(["--db", url, "restore", str(written)]) == 0
    assert "恢复 2 本蓝皮书和 2 个年度的应报送单位名单" in capsys.readouterr().out
    assert _expected(url) == EXPECTED
    on_server = _books(url)
    assert sorted(map(_without_ids, on_server)) == sorted(map(_without_ids, _books(str(source))))

    # On the server, `backup` is the logical backup; it restores into a new SQLite file.
    again = tmp_path / "from-server.bluebooks.zip"
    assert main(["--db", url, "backup", str(again)]) == 0
    back = tmp_path / "back.sqlite3"
    assert main(["--db", str(back), "restore", str(again)]) == 0
    assert sorted(map(_without_ids, _books(str(back)))) == sorted(map(_without_ids, on_server))
    assert _expected(str(back)) == EXPECTED
    [year] = [b for b in _books(str(back)) if b.functional_tasks[0].progress]
    repository = open_repository(back)
    try:
        [record] = book_evidence(year)
        assert repository.evidence_data(record.sha256) == SCAN
    finally:
        repository.engine.dispose()


def test_sqlite_to_sqlite_without_a_server(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "all.bluebooks.zip"
    assert main(["--db", str(source), "backup", "--books", str(archive)]) == 0
    target = tmp_path / "target.sqlite3"
    assert main(["--db", str(target), "restore", str(archive)]) == 0
    assert sorted(map(_without_ids, _books(str(target)))) == sorted(
        map(_without_ids, _books(str(source)))
    )


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as refused:
        main(argv)
    assert refused.value.code == EXIT_ERROR
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    return error


def test_a_database_holding_books_is_not_restored_into(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "all.bluebooks.zip"
    assert main(["--db", str(source), "backup", "--books", str(archive)]) == 0
    capsys.readouterr()
    before = _books(str(source))
    assert "只能恢复到空数据库" in _refused(["--db", str(source), "restore", str(archive)], capsys)
    assert _books(str(source)) == before


def test_one_bad_package_restores_nothing(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second package's file forged (same size): found before any book is stored."""
    archive = tmp_path / "all.bluebooks.zip"
    assert main(["--db", str(source), "backup", "--books", str(archive)]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(archive) as opened:
        members = {name: opened.read(name) for name in opened.namelist()}
    inner = tmp_path / "inner.zip"
    inner.write_bytes(members["books/2.bluebook.zip"])
    with zipfile.ZipFile(inner) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    name = f"evidence/{hashlib.sha256(SCAN).hexdigest()}"
    parts[name] = parts[name][:-1] + b"!"
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as package:
        for part, data in parts.items():
            package.writestr(part, data)
    members["books/2.bluebook.zip"] = forged.read_bytes()
    bad = tmp_path / "bad.bluebooks.zip"
    with zipfile.ZipFile(bad, "w") as opened:
        for member, data in members.items():
            opened.writestr(member, data)
    target = tmp_path / "target.sqlite3"
    assert "内容不同" in _refused(["--db", str(target), "restore", str(bad)], capsys)
    assert _books(str(target)) == []

    # Anything but the books' packages: refused by name.
    with zipfile.ZipFile(bad, "a") as opened:
        opened.writestr("../outside.txt", b"x")
    assert "不属于它的内容" in _refused(["--db", str(target), "restore", str(bad)], capsys)
    assert _books(str(target)) == []


def _window(store, tmp_path: Path):
    from bluebook_desktop.paths import Paths
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    data = tmp_path / "data"
    found = Paths(data, data / "bluebook.sqlite3", data / "logs", data / "backups")
    return MainWindow(Workspace(store, Settings.in_file(tmp_path / "s.ini"), found))


def _choose_whole_books(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    def choose(_parent, _title, _start, filters):
        return str(target), filters.split(";;")[-1]  # 全部蓝皮书和佐证材料 (*.bluebooks.zip)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)


def test_the_window_writes_every_book_as_one_file(
    qtbot, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """备份 → 全部蓝皮书和佐证材料: the same archive `backup --books` writes, restorable."""
    from bluebook_desktop.db.store import open_store

    target = tmp_path / "U盘" / "全部蓝皮书"
    target.parent.mkdir()
    _choose_whole_books(monkeypatch, target)
    with open_store(str(source)) as store:
        window = _window(store, tmp_path)
        qtbot.addWidget(window)
        window.ui.actionBackup.trigger()
        written = target.with_name("全部蓝皮书.bluebooks.zip")
        assert "已将 2 本蓝皮书备份到" in window.statusBar().currentMessage()
        window.close()
    back = tmp_path / "back.sqlite3"
    assert main(["--db", str(back), "restore", str(written)]) == 0
    assert sorted(map(_without_ids, _books(str(back)))) == sorted(
        map(_without_ids, _books(str(source)))
    )


def test_a_cancelled_backup_leaves_no_file(
    qtbot, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from bluebook_desktop.db.store import open_store

    target = tmp_path / "全部.bluebooks.zip"
    _choose_whole_books(monkeypatch, target)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)  # 取消 pressed
    with open_store(str(source)) as store:
        window = _window(store, tmp_path)
        qtbot.addWidget(window)
        window.ui.actionBackup.trigger()
        assert "备份已取消" in window.statusBar().currentMessage()
        window.close()
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".bb*")) == []


def test_archive_books_stops_between_books(source: Path, tmp_path: Path) -> None:
    from bluebook_desktop.formats.archive import Cancelled, archive_books

    seen: list[tuple[int, int]] = []

    def going_on(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 1  # stop before the second book

    repository = open_repository(source)
    try:
        with pytest.raises(Cancelled):
            archive_books(tmp_path / "all.bluebooks.zip", repository, going_on)
    finally:
        repository.engine.dispose()
    assert seen == [(0, 2), (1, 2)]
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".bb*")) == []


def test_the_window_on_a_server_backs_up_every_book(
    qtbot, source: Path, tmp_path: Path, postgres_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server 备份 is the logical backup (restoring stays pg_restore's or an empty
    database's business); what it writes restores into a SQLite file."""
    from bluebook_desktop.db.store import open_store

    url = os.environ["BLUEBOOK_TEST_POSTGRES"]
    archive = tmp_path / "all.bluebooks.zip"
    assert main(["--db", str(source), "backup", "--books", str(archive)]) == 0
    assert main(["--db", url, "restore", str(archive)]) == 0
    target = tmp_path / "服务器全部蓝皮书.bluebooks.zip"
    _choose_whole_books(monkeypatch, target)
    with open_store(url) as store:
        window = _window(store, tmp_path)
        qtbot.addWidget(window)
        assert window.ui.actionBackup.isEnabled() and not window.ui.actionRestore.isEnabled()
        assert window.ui.actionRestore.statusTip().startswith(f"数据库服务器 {url} 上的数据")
        window.ui.actionBackup.trigger()
        window.close()
    back = tmp_path / "back.sqlite3"
    assert main(["--db", str(back), "restore", str(target)]) == 0
    assert sorted(map(_without_ids, _books(str(back)))) == sorted(
        map(_without_ids, _books(str(source)))
    )


@pytest.mark.parametrize(
    "lists",
    [
        b"not json",
        b'{"2021": "one name"}',
        b'{"last year": ["x"]}',
        '{"2021": ["{}"]}'.replace("{}", "局" * 501).encode(),
    ],
)
def test_a_bad_list_of_expected_units_restores_nothing(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lists: bytes
) -> None:
    archive = tmp_path / "all.bluebooks.zip"
    assert main(["--db", str(source), "backup", "--books", str(archive)]) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.bluebooks.zip"
    with zipfile.ZipFile(archive) as opened, zipfile.ZipFile(bad, "w") as out:
        for name in opened.namelist():
            data = lists if name == "expected-units.json" else opened.read(name)
            out.writestr(name, data)
    target = tmp_path / "target.sqlite3"
    error = _refused(["--db", str(target), "restore", str(bad)], capsys)
    assert "expected-units.json" in error or "超过 500 字" in error
    assert _books(str(target)) == [] and _expected(str(target)) == {}
