"""The year's printouts from the window's 文件 menu: each opens the print preview with the
sheet of the stored book; the report asks for the quarter, the current one first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK
from helpers.widgets import when_modal
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.formats.portable import read_portable
from bluebook_desktop.formats.year_pdf import adjustments_pdf, report_pdf, review_pdf
from bluebook_desktop.ui import year_prints
from bluebook_desktop.ui.main_window import PROGRESS_TAB, MainWindow
from bluebook_desktop.ui.printing import PreviewDialog
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace
from bluebook_desktop.ui.year_model import default_quarter
from bluebook_desktop.ui.year_prints import QuarterDialog


def _window(qtbot, tmp_path: Path, file: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "year.sqlite3")
    stored = store.repository.add(read_portable(file))
    window = MainWindow(
        Workspace(
            store, Settings.in_file(tmp_path / "s.ini"), paths.resolve(tmp_path / "year.sqlite3")
        )
    )
    qtbot.addWidget(window)
    window.open_book(stored.id)
    return window


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the same bytes for the same sheet
    window = _window(qtbot, tmp_path, EXAMPLE_YEAR)
    yield window
    window.close()
    window.store.close()


def _previewed() -> list[bytes]:
    """Close the next preview, keeping the bytes it shows."""
    seen: list[bytes] = []

    def close(dialog: QWidget) -> None:
        assert isinstance(dialog, PreviewDialog)
        seen.append(dialog.data)
        dialog.reject()

    when_modal(PreviewDialog, close)
    return seen


def test_the_file_menu_holds_the_three_sheets_after_print(window: MainWindow) -> None:
    """After 打印 and the signed plan's two entries (定稿…, 打印定稿原件…), a separator and the
    three sheets of the year."""
    texts = [action.text() for action in window.ui.fileMenu.actions()]
    at = texts.index(window.plan_actions.signed_copy_action.text())
    assert texts[at + 2 : at + 5] == [
        "季度工作进展情况表…",
        "年度绩效目标完成情况自评表…",
        "目标调整情况…",
    ]


def test_the_report_asks_for_the_quarter_starting_at_the_current_one(window: MainWindow) -> None:
    chosen: list[int] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QuarterDialog)
        chosen.append(dialog.quarter())  # as it opened
        QTest.keyClick(dialog.choice, Qt.Key.Key_Home)
        QTest.keyClick(dialog.choice, Qt.Key.Key_Down)  # 第二季度
        QTest.keyClick(dialog.choice, Qt.Key.Key_Return)

    when_modal(QuarterDialog, choose)
    seen = _previewed()
    window.year_prints.report_action.trigger()
    # The 进展填报 page's quarter: a past year's book opens at its last quarter.
    assert chosen == [default_quarter(window.session.book.cover.year, dt.date.today())]
    book = window.repository.load(window.session.book.id)
    assert seen == [report_pdf(book, 2, settings=window.actions_.pdf_settings())]


def test_the_report_starts_at_the_quarter_the_progress_page_shows(window: MainWindow) -> None:
    window.ui.tabs.setCurrentIndex(PROGRESS_TAB)
    page = window.pages[PROGRESS_TAB]
    box = page.quarter_box  # type: ignore[attr-defined]
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Home)
    QTest.keyClick(box, Qt.Key.Key_Down)  # 第二季度
    assert page.quarter == 2  # type: ignore[attr-defined]
    chosen: list[int] = []

    def accept(dialog: QWidget) -> None:
        assert isinstance(dialog, QuarterDialog)
        chosen.append(dialog.quarter())
        QTest.keyClick(dialog.choice, Qt.Key.Key_Return)

    when_modal(QuarterDialog, accept)
    seen = _previewed()
    window.year_prints.report_action.trigger()
    assert chosen == [2]
    book = window.repository.load(window.session.book.id)
    assert seen == [report_pdf(book, 2, settings=window.actions_.pdf_settings())]


def test_cancelling_the_quarter_shows_nothing(window: MainWindow) -> None:
    when_modal(QuarterDialog, lambda d: QTest.keyClick(d.choice, Qt.Key.Key_Escape))
    shown: list[object] = []
    window.year_prints._preview = lambda render: shown.append(render)  # type: ignore[method-assign]
    window.year_prints.report_action.trigger()
    assert shown == []


def test_review_and_adjustments_preview_their_sheets(window: MainWindow) -> None:
    book = window.repository.load(window.session.book.id)
    settings = window.actions_.pdf_settings()
    seen = _previewed()
    window.year_prints.review_action.trigger()
    assert seen == [review_pdf(book, settings)]
    seen = _previewed()
    window.year_prints.adjustments_action.trigger()
    assert seen == [adjustments_pdf(book, settings)]


def test_a_book_without_adjustments_is_told_so(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path, FIXTURE_BOOK)
    errors: list[str] = []
    monkeypatch.setattr(year_prints, "show_error", lambda _p, _t, error: errors.append(str(error)))
    window.year_prints.adjustments_action.trigger()
    assert errors == ["这本蓝皮书没有目标调整，没有可打印的目标调整情况。"]
    window.close()
    window.store.close()


def test_the_review_is_reached_through_the_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    menu = window.ui.fileMenu
    bar = window.menuBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
    )
    qtbot.waitUntil(menu.isVisible)
    for _ in range(len(menu.actions())):
        if menu.activeAction() is window.year_prints.review_action:
            break
        QTest.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is window.year_prints.review_action
    seen = _previewed()
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    book = window.repository.load(window.session.book.id)
    assert seen == [review_pdf(book, window.actions_.pdf_settings())]
