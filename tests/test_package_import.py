"""A book with its supporting files out of one database and into another as a package, on
the command line: the same book, the same bytes; and every bad package refused with one line
in words, exit status 2, and nothing imported — no book and no file's bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers.books import without_ids
from helpers.files import EXAMPLE_YEAR

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db import open_repository
from bluebook_desktop.domain import Book
from bluebook_desktop.domain.year import Evidence, book_evidence
from bluebook_desktop.formats.package import BOOK_MEMBER
from bluebook_desktop.formats.portable import dumps, read_portable

SCAN = b"%PDF-1.7\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x07" * 3000


def _record(data: bytes, name: str, media_type: str) -> Evidence:
    return Evidence(name, hashlib.sha256(data).hexdigest(), len(data), media_type)


def _book_with_files() -> Book:
    book = read_portable(EXAMPLE_YEAR)
    scan = _record(SCAN, "会议签到表.pdf", "application/pdf")
    photo = _record(PHOTO, "现场照片.png", "image/png")
    first, *rest = book.functional_tasks
    report = replace(first.progress[0], evidence=(scan, photo))
    return replace(book, functional_tasks=(replace(first, progress=(report,)), *rest))


@pytest.fixture
def exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The book with two files, exported from its own database as a package."""
    source = tmp_path / "source.sqlite3"
    repository = open_repository(source)
    try:
        for data, kind in ((SCAN, "application/pdf"), (PHOTO, "image/png")):
            repository.put_evidence(data, kind)
        book_id = repository.add(_book_with_files()).id
    finally:
        repository.engine.dispose()
    out = tmp_path / "三水区政协.bluebook.zip"
    assert main(["--db", str(source), "export", str(book_id), "--package", str(out)]) == 0
    capsys.readouterr()
    return out


def _imported(database: Path) -> tuple[list[Book], dict[str, bytes]]:
    repository = open_repository(database)
    try:
        books = [repository.load(s.id) for s in repository.list_books()]
        with repository.engine.connect() as connection:
            from sqlalchemy import text

            rows = connection.execute(text("SELECT sha256, data FROM evidence_file")).all()
        return books, {sha: bytes(data) for sha, data in rows}
    finally:
        repository.engine.dispose()


def test_a_package_carries_the_book_and_its_files(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(exported) as archive:
        names = sorted(archive.namelist())
    assert names == sorted(
        [BOOK_MEMBER] + [f"evidence/{hashlib.sha256(d).hexdigest()}" for d in (SCAN, PHOTO)]
    )
    target = tmp_path / "other.sqlite3"
    assert main(["--db", str(target), "import", str(exported)]) == 0
    assert capsys.readouterr().out.strip() == "1"
    [book], files = _imported(target)
    assert dumps(replace(book, id=None)).replace("\n", "") and [
        e.name for e in book_evidence(book)
    ] == ["会议签到表.pdf", "现场照片.png"]
    assert files == {hashlib.sha256(d).hexdigest(): d for d in (SCAN, PHOTO)}
    # What was imported is what was exported, but for the new ids importing gives.
    again = tmp_path / "again.bluebook.json"
    assert main(["--db", str(target), "export", "1", "--json", str(again)]) == 0
    with zipfile.ZipFile(exported) as archive:
        sent = json.loads(archive.read(BOOK_MEMBER))
    assert without_ids(json.loads(again.read_bytes())) == without_ids(sent)


def _rewritten(
    source: Path, target: Path, change: Callable[[dict[str, bytes], zipfile.ZipFile], None]
) -> Path:
    """A copy of the package with its members changed by `change` (a dict name -> bytes),
    and any further members written straight into the archive by it."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(target, "w") as archive:
        extra: dict[str, bytes] = dict(members)
        change(extra, archive)
        for name, data in extra.items():
            archive.writestr(name, data)
    return target


def _scan_member(members: dict[str, bytes]) -> str:
    return f"evidence/{hashlib.sha256(SCAN).hexdigest()}"


def _forged(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    name = _scan_member(members)
    members[name] = members[name][:-1] + b"!"  # same size, other bytes


def _shorter(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    name = _scan_member(members)
    members[name] = members[name][:-10]


def _missing(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    del members[_scan_member(members)]


def _extra(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    members["evidence/" + "a" * 64] = b"%PDF-1.4 not recorded"


def _slip(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    members["../../outside.txt"] = b"escaped"


def _symlink(_members: dict[str, bytes], archive: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("evidence/" + "b" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive.writestr(info, "/etc/passwd")


def _bomb(_members: dict[str, bytes], archive: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("evidence/" + "c" * 64)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, b"\0" * (40 * 2**20))


def _program(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    """A program recorded as a supporting file, with its true hash and size."""
    program = b"MZ\x90\x00" + b"\x00" * 200
    book = json.loads(members[BOOK_MEMBER])
    report = book["book"]["functional_tasks"][0]["progress"][0]
    report["evidence"].append(
        {"name": "说明.pdf", "sha256": hashlib.sha256(program).hexdigest(), "size": len(program)}
    )
    members[BOOK_MEMBER] = json.dumps(book, ensure_ascii=False).encode("utf-8")
    members[f"evidence/{hashlib.sha256(program).hexdigest()}"] = program


def _oversized_record(members: dict[str, bytes], _archive: zipfile.ZipFile) -> None:
    book = json.loads(members[BOOK_MEMBER])
    book["book"]["functional_tasks"][0]["progress"][0]["evidence"][0]["size"] = 60 * 2**20
    members[BOOK_MEMBER] = json.dumps(book, ensure_ascii=False).encode("utf-8")


REFUSALS = {
    "content changed": (_forged, "内容不同"),
    "size changed": (_shorter, "大小不同"),
    "file missing": (_missing, "缺少佐证材料"),
    "file not recorded": (_extra, "不属于它的内容"),
    "path leading out": (_slip, "不属于它的内容"),
    "link": (_symlink, "不属于它的内容"),
    "bomb": (_bomb, "压缩比过高"),
    "a program": (_program, "是程序文件"),
    "size over 50 MB": (_oversized_record, "最多 50 MB"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_a_bad_package_imports_nothing(
    case: str, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, words = REFUSALS[case]
    bad = _rewritten(exported, tmp_path / "bad.bluebook.zip", change)
    target = tmp_path / "target.sqlite3"
    assert main(["--db", str(target), "list"]) == 0  # an empty database, made
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(target), "import", str(bad)])
    assert refused.value.code == EXIT_ERROR
    error = capsys.readouterr().err
    assert words in error, error
    assert error.count("\n") == 1 and "Traceback" not in error
    assert _imported(target) == ([], {})
    assert not (tmp_path / "outside.txt").exists()


def test_a_package_whose_files_are_not_in_the_database_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A book imported from a .bluebook.json names files whose bytes never came: exporting
    it as a package says so and writes nothing."""
    source = tmp_path / "json-only.sqlite3"
    book_file = tmp_path / "book.bluebook.json"
    book_file.write_text(dumps(_book_with_files()), encoding="utf-8")
    assert main(["--db", str(source), "import", str(book_file)]) == 0
    out = tmp_path / "out.bluebook.zip"
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(source), "export", "1", "--package", str(out)])
    assert refused.value.code == EXIT_ERROR
    assert ".bluebook.zip" in capsys.readouterr().err
    assert not out.exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith("out")]
    with sqlite3.connect(source) as connection:
        assert connection.execute("SELECT count(*) FROM evidence").fetchone()[0] == 2
    connection.close()


def test_a_package_through_the_window(
    qtbot: Any, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imported by 导入 (the file dialog), the book opens with its files' bytes stored;
    exported by 导出蓝皮书包, it is a package another machine imports the same."""
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop import paths
    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    database = tmp_path / "window.sqlite3"
    settings = Settings.in_file(tmp_path / "settings.ini")
    store = open_store(database)
    window = MainWindow(Workspace(store, settings, paths.resolve(database)))
    qtbot.addWidget(window)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: errors.append(text))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(exported), "")
    )
    window.ui.importButton.click()
    assert errors == []
    assert window.session is not None
    report = window.session.book.functional_tasks[0].progress[0]
    assert [e.name for e in report.evidence] == ["会议签到表.pdf", "现场照片.png"]
    assert store.repository.evidence_data(report.evidence[0].sha256) == SCAN

    out = tmp_path / "导出" / "again.bluebook.zip"
    out.parent.mkdir()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "")
    )
    window.ui.actionExportPackage.trigger()
    assert errors == []
    window.session.finish()
    window.close()
    store.close()
    with zipfile.ZipFile(out) as archive:
        assert archive.read(f"evidence/{hashlib.sha256(PHOTO).hexdigest()}") == PHOTO

    # A bad package of the same unit's year, and the clerk answers 替换: its forged file is
    # found only as it is stored, and the book it was to replace is still there, whole.
    bad = _rewritten(exported, tmp_path / "bad.bluebook.zip", _forged)
    store = open_store(database)
    window = MainWindow(Workspace(store, settings, paths.resolve(database)))
    qtbot.addWidget(window)
    [before] = store.repository.list_books()
    kept = store.repository.load(before.id)
    asked: list[str] = []
    monkeypatch.setattr(
        "bluebook_desktop.ui.book_actions.BookActions._ask_same_book",
        lambda _self, book: asked.append(book.cover.unit_name) or "replace",
    )
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), "")
    )
    window.ui.importButton.click()
    assert asked == [kept.cover.unit_name]
    assert len(errors) == 1 and "内容不同" in errors[0]
    assert store.repository.list_books() == [before]
    assert store.repository.load(before.id) == kept
    if window.session is not None:
        window.session.finish()
    window.close()
    store.close()


def test_the_receiver_prints_the_same_pages(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever imports the package prints the very report and self-review the sender does."""
    import datetime as dt

    from bluebook_desktop.formats.year_pdf import report_pdf, review_pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = open_repository(tmp_path / "source.sqlite3")
    target_path = tmp_path / "receiver.sqlite3"
    assert main(["--db", str(target_path), "import", str(exported)]) == 0
    target = open_repository(target_path)
    try:
        sent, received = source.load(1), target.load(1)
        day = dt.date(2022, 4, 8)
        for quarter in (1, 2, 3, 4):
            assert report_pdf(sent, quarter, day) == report_pdf(received, quarter, day)
        assert review_pdf(sent) == review_pdf(received)
    finally:
        source.engine.dispose()
        target.engine.dispose()
