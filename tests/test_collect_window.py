"""Collecting from the window: a folder chosen or files dropped, a progress dialog that can
be cancelled between files, the question for a resubmission without uid, and the report of
every file, copied or saved as text; driven with clicks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.collection import BAD_FILES, UnitFile, make_in_tray
from helpers.widgets import when_modal
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from bluebook_desktop import cli, paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.formats import collecting
from bluebook_desktop.ui.collect_dialog import ReportDialog
from bluebook_desktop.ui.collection_view import CollectionWindow
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

COUNT = 12


@pytest.fixture
def office(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, CollectionWindow]]:  # type: ignore[no-untyped-def]
    db = tmp_path / "data" / "office.sqlite3"
    store = open_store(db)
    window = MainWindow(Workspace(store, Settings.in_file(tmp_path / "s.ini"), paths.resolve(db)))
    qtbot.addWidget(window)
    window.show()
    view = window.collection.show_window()
    yield window, view
    view.close()
    window.close()
    store.close()


def _report() -> list[str]:
    """Close the next report, keeping its text."""
    seen: list[str] = []

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        seen.append(dialog.report)
        dialog.reject()

    when_modal(ReportDialog, close)
    return seen


def _collect_folder(view: CollectionWindow, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    view.folder_action.trigger()  # the 收集文件… button's menu entry


def _button(box: QWidget, text: str) -> QPushButton:
    [button] = [b for b in box.findChildren(QPushButton) if b.text() == text]
    return button


def _lines(report: str) -> dict[str, str]:
    return dict(line.split("\t") for line in report.splitlines() if "\t" in line)


def test_a_folder_is_collected_and_every_file_reported(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, view = office
    made = make_in_tray(tmp_path / "收件", COUNT)
    report = _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    assert len(report) == 1
    lines = _lines(report[0])
    assert len(lines) == COUNT + len(BAD_FILES)
    for unit_file in made:
        assert lines[str(tmp_path / "收件" / unit_file.name)] == "已导入"
    for bad in BAD_FILES:
        assert lines[str(tmp_path / "收件" / bad)].startswith("未导入：")
    assert f"共 {COUNT + len(BAD_FILES)} 个文件：导入 {COUNT}，替换 0，未导入 4。" in report[0]
    stored = window.repository.list_books()
    assert sorted(s.unit_name for s in stored) == sorted(f.unit for f in made)
    assert view.current_year() == 2021 and view.rows.rowCount() == COUNT
    assert window.book_list.rowCount() == COUNT  # the main window's list shows them too


def _answer_each(text: str, asked: list[str]) -> Callable[[], None]:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        QTest.mouseClick(_button(box, text), Qt.MouseButton.LeftButton)

    return when_modal(QMessageBox, answer, keep=True)


def _no_uid(made: list[UnitFile]) -> list[UnitFile]:
    return [f for f in made if not f.book.uid]


def test_a_resubmission_is_replaced_after_one_question(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, view = office
    made = make_in_tray(tmp_path / "收件", COUNT, bad=False)
    _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    before = {s.id for s in window.repository.list_books()}
    asked: list[str] = []
    stop = _answer_each("全部替换", asked)
    report = _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    stop()
    assert len(asked) == 1 and "--replace" not in asked[0] and "替换原来的版本" in asked[0]
    lines = _lines(report[0])
    assert set(lines.values()) == {"已替换"}
    after = window.repository.list_books()
    assert len(after) == COUNT and not before & {s.id for s in after}
    kept = tmp_path / "data" / collecting.KEPT_FOLDER
    assert cli.REPLACED_FOLDER == collecting.KEPT_FOLDER  # where the command line keeps them
    assert len(list(kept.iterdir())) == COUNT
    assert len(_no_uid(made)) > 1  # asked once for all of them


def test_skipped_resubmissions_keep_the_stored_copy(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, view = office
    made = make_in_tray(tmp_path / "收件", COUNT, bad=False)
    _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    before = {s.id: s.unit_name for s in window.repository.list_books()}
    asked: list[str] = []
    stop = _answer_each("跳过", asked)
    report = _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    stop()
    skipped = _no_uid(made)
    assert len(asked) == len(skipped)
    lines = _lines(report[0])
    for unit_file in skipped:
        line = lines[str(tmp_path / "收件" / unit_file.name)]
        assert line.startswith("未导入：") and "跳过" in line and unit_file.unit in line
    kept_ids = {s.id for s in window.repository.list_books()}
    skipped_units = {f.unit for f in skipped}
    assert {i for i, unit in before.items() if unit in skipped_units} <= kept_ids


def test_cancel_stops_between_files_and_keeps_every_book_whole(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, view = office
    made = make_in_tray(tmp_path / "收件", 30, bad=False)

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QProgressDialog)
        if dialog.value() >= 3:
            QTest.mouseClick(_button(dialog, "取消"), Qt.MouseButton.LeftButton)

    stop = when_modal(QProgressDialog, cancel, keep=True)
    report = _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    stop()
    lines = _lines(report[0])
    assert 3 <= len(lines) < 30
    assert "收集已取消：其余文件没有读取。" in report[0]
    by_name = {f"{tmp_path / '收件' / f.name}": f for f in made}
    stored = window.repository.list_books()
    assert len(stored) == sum(1 for status in lines.values() if status == "已导入")
    for summary in stored:  # each whole: as many tasks as its file had
        book = window.repository.load(summary.id)
        [unit_file] = [f for f in by_name.values() if f.unit == book.cover.unit_name]
        assert len(book.functional_tasks) == len(unit_file.book.functional_tasks)


def test_the_report_is_copied_and_saved_as_text(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _window, view = office
    make_in_tray(tmp_path / "收件", 3)
    target = tmp_path / "结果"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    seen: list[str] = []

    def copy_and_save(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.report)
        dialog.reject()

    when_modal(ReportDialog, copy_and_save)
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    assert QGuiApplication.clipboard().text() == seen[0]
    saved = target.with_name("结果.txt").read_bytes()
    assert saved.decode("utf-8-sig").replace("\r\n", "\n") == seen[0]
    assert "未导入：" in seen[0] and "已导入" in seen[0]


def test_files_dropped_on_the_view_are_collected(office, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, view = office
    made = make_in_tray(tmp_path / "收件", 4, bad=False)
    files = [tmp_path / "收件" / f.name for f in made[:2]]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    report = _report()
    drop = QDropEvent(
        QPointF(QPoint(50, 50)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only in a drag its drag manager runs, which a test cannot start:
    # the event goes to the window's handler as Qt would hand it over.
    view.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: bool(report), timeout=5000)
    assert _lines(report[0]) == {str(f): "已导入" for f in files}
    assert sorted(s.unit_name for s in window.repository.list_books()) == sorted(
        f.unit for f in made[:2]
    )


def test_a_resubmission_of_the_open_book_closes_it_first(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, view = office
    made = make_in_tray(tmp_path / "收件", 6, bad=False)
    _report()
    _collect_folder(view, tmp_path / "收件", monkeypatch)
    with_uid = next(f for f in made if f.book.uid and f.name.endswith(".json"))
    [summary] = [s for s in window.repository.list_books() if s.unit_name == with_uid.unit]
    assert window.open_book(summary.id)
    report = _report()
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *_a, **_k: ([str(tmp_path / "收件" / with_uid.name)], ""),
    )
    view.files_action.trigger()
    assert list(_lines(report[0]).values()) == ["已替换"]
    assert window.workspace.book is None  # the replaced book is not left open
    [again] = [s for s in window.repository.list_books() if s.unit_name == with_uid.unit]
    assert again.id != summary.id
    assert window.store_now()  # nothing left to store into the replaced book
