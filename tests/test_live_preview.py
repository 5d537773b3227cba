"""The page beside the editors: the very PDF export writes, following the row being typed."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.ime import type_chinese
from PySide6.QtCore import QRectF, Qt

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import Book
from bluebook_desktop.formats.pdf import PdfSettings, render_pdf
from bluebook_desktop.formats.preview_job import PLAN, REVIEW, Printout
from bluebook_desktop.ui.live_preview import LayoutWorker
from bluebook_desktop.ui.main_window import FUNCTIONAL_TAB, REVIEW_TAB, TEXTS_TAB, MainWindow
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

LAYOUT_WAIT_MS = 60_000  # the first layout starts the preview's process


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.in_file(tmp_path / "settings.ini")


def open_window(qtbot, tmp_path: Path, settings: Settings, book: Book | None) -> MainWindow:
    database = tmp_path / "window.sqlite3"
    window = MainWindow(Workspace(open_store(database), settings, paths.resolve(database)))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    if book is not None:
        window.open_book(window.repository.add(book).id)
    return window


def close_window(window: MainWindow) -> None:
    assert window.close()
    window.store.close()


def wait_laid_out(qtbot, window: MainWindow) -> None:
    preview = window.preview
    assert preview is not None
    qtbot.waitUntil(
        lambda: (
            preview.widget.laid is not None
            and not preview.worker.busy
            and not preview.timer.isActive()
            and preview._shown is not None
            and preview._shown[0] is window.session.book
        ),
        timeout=LAYOUT_WAIT_MS,
    )


def words(data: bytes, page: int, tmp_path: Path) -> list[tuple[str, float, float, float, float]]:
    """The words of one page (0-based) with their boxes, by poppler, y from the top."""
    pdf = tmp_path / "shown.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        out,
    )
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


def test_f9_shows_the_exported_pdf_beside_the_editors_and_marks_the_row_typed_in(
    qtbot, tmp_path: Path, settings: Settings, fixture_book, monkeypatch
) -> None:
    window = open_window(qtbot, tmp_path, settings, fixture_book)
    assert window.preview is None  # nothing of it before it is asked for
    window.ui.tabs.setCurrentIndex(FUNCTIONAL_TAB)
    page = window._pages[FUNCTIONAL_TAB]
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F9)
    assert window.preview is not None and window.preview.widget.isVisible()
    assert settings.preview_shown() is True
    wait_laid_out(qtbot, window)
    preview = window.preview.widget
    assert preview.page_count() == 4

    # The sixth task: its row is marked on its page, and the page is in view.
    page.table.selectRow(5)
    task = fixture_book.functional_tasks[5]
    assert preview.band is not None
    band_page, band = preview.band
    qtbot.waitUntil(lambda: preview.page_label.text() == f"第 {band_page + 1} 页 / 共 4 页")
    assert band_page == preview.current_page() == 2

    # Typed into the task's name: after the pause the page shows it, inside the band.
    editor = page.detail.ui.taskEdit
    editor.setFocus()
    editor.end(False)
    type_chinese(editor, "改革")
    assert window.preview.timer.isActive()  # not laid out while typing
    wait_laid_out(qtbot, window)
    assert window.session.book.functional_tasks[5].task == task.task + "改革"
    band_page, band = preview.band
    scale = preview._scale
    shown = words(preview.data, band_page, tmp_path)
    inside = "".join(
        text
        for text, x0, y0, x1, y1 in shown
        if band.contains(QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale))
    )
    assert task.task + "改革" in inside  # the name, wrapped in its cell, inside the band
    assert task.objective[:10] in inside
    others = fixture_book.functional_tasks[4]
    assert others.objective[:10] not in inside  # the row above is not marked

    # The preview's bytes are the file export writes, and what a fresh layout makes.
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    printed: list[bytes] = []
    window.actions_.planPrinted.disconnect()  # no 定稿 question after the export
    window.actions_.planPrinted.connect(printed.append)
    window.ui.actionExportPdf.trigger()
    assert target.read_bytes() == preview.data == printed[0]
    assert preview.data == render_pdf(window.session.book, window.actions_.pdf_settings())

    # The closing block's tab goes to its page.
    window.ui.tabs.setCurrentIndex(TEXTS_TAB)
    qtbot.waitUntil(lambda: preview.current_page() == 3)
    assert preview.page_label.text() == "第 4 页 / 共 4 页"
    close_window(window)


def test_the_preview_closes_with_f9_and_stays_closed_next_time(
    qtbot, tmp_path: Path, settings: Settings, fixture_book
) -> None:
    settings.set_preview_shown(True)
    window = open_window(qtbot, tmp_path, settings, fixture_book)
    window.build_pages()  # what the program does after the first paint
    assert window.preview is not None and window.preview.widget.isVisible()
    # The test screen (800 wide) has no room for the list, the editors and the page: the
    # page takes the book list's place while it is shown.
    assert window.screen().availableGeometry().width() < 1024
    assert not window.ui.bookPanel.isVisible()
    window.activateWindow()
    window.ui.tabs.setFocus()
    qtbot.waitUntil(window.ui.tabs.hasFocus)
    qtbot.keyClick(window.ui.tabs, Qt.Key.Key_F9)
    assert not window.preview.widget.isVisible()
    assert not window.preview_action.isChecked()
    assert window.ui.bookPanel.isVisible()
    close_window(window)
    assert settings.preview_shown() is False

    again = open_window(qtbot, tmp_path / "again", settings, fixture_book)
    again.build_pages()
    assert again.preview is None
    close_window(again)


def test_the_self_review_page_shows_the_self_review(
    qtbot, tmp_path: Path, settings: Settings, fixture_book
) -> None:
    settings.set_preview_shown(True)
    window = open_window(qtbot, tmp_path, settings, fixture_book)
    window.build_pages()
    window.ui.tabs.setCurrentIndex(REVIEW_TAB)
    wait_laid_out(qtbot, window)
    preview = window.preview.widget
    assert preview.laid.printout == Printout(REVIEW)
    text = "".join(w[0] for w in words(preview.data, 0, tmp_path))
    assert "年度绩效目标完成情况自评表" in text
    close_window(window)


def test_an_edit_during_a_layout_replaces_the_one_waiting(qtbot, fixture_book) -> None:
    worker = LayoutWorker()
    shown: list[tuple[int, object]] = []
    worker.done.connect(lambda generation, laid: shown.append((generation, laid)))
    books = [replace(fixture_book, head_opinion=f"意见{n}") for n in range(3)]
    for book in books:
        worker.request(book, Printout(PLAN), PdfSettings())
    qtbot.waitUntil(lambda: not worker.busy, timeout=LAYOUT_WAIT_MS)
    qtbot.wait(200)
    worker.close()
    assert [generation for generation, _laid in shown] == [3]  # only the newest is shown
    assert shown[0][1].data == render_pdf(books[2], PdfSettings())


def test_lines_kept_from_one_layout_to_the_next_give_the_same_bytes(fixture_book) -> None:
    from bluebook_desktop.formats import pdf_wrap

    tasks = list(fixture_book.functional_tasks)
    tasks[3] = replace(tasks[3], objective=tasks[3].objective + "并按季度通报进展")
    edited = replace(fixture_book, functional_tasks=tuple(tasks))
    fresh = render_pdf(edited)
    pdf_wrap.keep_lines(True)
    try:
        render_pdf(fixture_book)
        kept = dict(pdf_wrap._kept_lines or {})
        again = render_pdf(edited)
        assert kept and all(pdf_wrap._kept_lines[key] is lines for key, lines in kept.items())
    finally:
        pdf_wrap.keep_lines(False)
    assert again == fresh


def test_the_warnings_of_print_preview_stand_above_the_page(
    qtbot, tmp_path: Path, settings: Settings, fixture_book
) -> None:
    from bluebook_desktop.domain import print_problems
    from bluebook_desktop.ui.messages import rule_text

    unfinished = replace(fixture_book, cover=replace(fixture_book.cover, unit_name=""))
    problems = [rule_text(problem) for problem in print_problems(unfinished)]
    assert problems
    settings.set_preview_shown(True)
    window = open_window(qtbot, tmp_path, settings, unfinished)
    window.build_pages()
    wait_laid_out(qtbot, window)
    warnings = window.preview.widget.warnings
    assert warnings.isVisible()
    assert all(problem in warnings.text() for problem in problems)

    # Filled in on the cover: after the pause the warning is gone.
    cover = window._pages[0]
    window.activateWindow()
    cover.ui.unitName.setFocus()
    qtbot.waitUntil(cover.ui.unitName.hasFocus)
    type_chinese(cover.ui.unitName, "政协", phrase=True)
    wait_laid_out(qtbot, window)
    assert window.session.book.cover.unit_name == "政协"
    assert not warnings.isVisible()
    close_window(window)


def test_nothing_of_the_preview_is_loaded_before_the_first_paint(tmp_path: Path) -> None:
    """The window opens a book with the preview to be shown: until the program asks for it
    after the first paint (build_pages), neither the preview nor PDFium is imported."""
    import subprocess
    import sys

    script = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import Book
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace
database = Path({str(tmp_path / "start.sqlite3")!r})
settings = Settings.in_file(Path({str(tmp_path / "settings.ini")!r}))
settings.set_preview_shown(True)
window = MainWindow(Workspace(open_store(database), settings, paths.resolve(database)))
window.open_book(window.repository.add(Book()).id)
window.show()
app.processEvents()
heavy = ("bluebook_desktop.ui.live_preview", "pypdfium2", "reportlab")
loaded = [m for m in heavy if m in sys.modules]
print("loaded:", loaded)
window.build_pages()
print("after:", window.preview is not None)
window.preview.close()
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert "loaded: []" in done.stdout
    assert "after: True" in done.stdout


def test_a_double_click_on_a_page_opens_it_in_the_print_preview(
    qtbot, tmp_path: Path, settings: Settings, fixture_book
) -> None:
    from PySide6.QtCore import QTimer

    settings.set_preview_shown(True)
    window = open_window(qtbot, tmp_path, settings, fixture_book)
    window.build_pages()
    wait_laid_out(qtbot, window)
    preview = window.preview
    seen: list[tuple[bytes, int]] = []

    def look_and_close() -> None:
        dialog = preview.dialog
        assert dialog is not None
        seen.append((dialog.data, dialog.page_label.text()))
        dialog.reject()

    QTimer.singleShot(300, look_and_close)
    label = preview.widget._labels[2]
    preview.widget.scroll.ensureWidgetVisible(label)
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton)
    assert seen and seen[0][0] == preview.widget.data
    assert seen[0][1] == "第 3 页 / 共 4 页"
    assert preview.dialog is None
    close_window(window)


def test_the_progress_page_shows_the_report_of_the_quarter_chosen(
    qtbot, tmp_path: Path, settings: Settings, fixture_book
) -> None:
    import datetime as dt

    from bluebook_desktop.formats.preview_job import REPORT
    from bluebook_desktop.ui.main_window import PROGRESS_TAB

    settings.set_preview_shown(True)
    window = open_window(qtbot, tmp_path, settings, fixture_book)
    window.today = lambda: dt.date(2021, 11, 15)
    window.build_pages()
    window.ui.tabs.setCurrentIndex(PROGRESS_TAB)
    wait_laid_out(qtbot, window)
    preview = window.preview.widget
    assert preview.laid.printout.kind == REPORT and preview.laid.printout.quarter == 4
    assert "第四季度工作进展情况表" in "".join(w[0] for w in words(preview.data, 0, tmp_path))

    page = window._pages[PROGRESS_TAB]
    window.activateWindow()
    page.quarter_box.setFocus()
    qtbot.waitUntil(page.quarter_box.hasFocus)
    qtbot.keyClick(page.quarter_box, Qt.Key.Key_Home)  # 第一季度
    qtbot.waitUntil(lambda: preview.laid.printout.quarter == 1, timeout=LAYOUT_WAIT_MS)
    assert "第一季度工作进展情况表" in "".join(w[0] for w in words(preview.data, 0, tmp_path))

    # The task chosen on the page is marked in the report, and its page is in view.
    last = page.model.rowCount() - 1
    page.table.selectRow(last)
    task = page.model.task_at(last)
    qtbot.waitUntil(lambda: preview.band is not None, timeout=LAYOUT_WAIT_MS)
    band_page, band = preview.band
    assert band_page == preview.current_page() == preview.page_count() - 1 > 0
    scale = preview._scale
    inside = "".join(
        text
        for text, x0, y0, x1, y1 in words(preview.data, band_page, tmp_path)
        if band.contains(QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale))
    )
    assert task.task[:4] in inside
    close_window(window)


def test_a_print_option_changed_in_the_settings_shows_in_the_preview(
    qtbot, tmp_path: Path, settings: Settings, fixture_book
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bluebook_desktop.ui.settings_dialog import SettingsDialog

    settings.set_preview_shown(True)
    window = open_window(qtbot, tmp_path, settings, fixture_book)
    window.build_pages()
    wait_laid_out(qtbot, window)
    preview = window.preview.widget
    assert preview.pages.size_pt(1)[0] < preview.pages.size_pt(1)[1]  # portrait tables

    def landscape() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        box = dialog.ui.landscapeTables
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked()
        dialog.accept()

    QTimer.singleShot(200, landscape)
    window.ui.actionSettings.trigger()
    assert settings.landscape_tables
    wait_laid_out(qtbot, window)
    qtbot.waitUntil(lambda: preview.laid.settings.landscape_tables, timeout=LAYOUT_WAIT_MS)
    assert preview.pages.size_pt(1)[0] > preview.pages.size_pt(1)[1]  # turned
    assert preview.data == render_pdf(window.session.book, window.actions_.pdf_settings())
    close_window(window)


def test_a_layout_stops_when_a_newer_one_is_wanted_and_the_next_is_whole(fixture_book) -> None:
    import multiprocessing
    import threading
    import time

    from bluebook_desktop.formats import pdf_wrap, preview_job

    tasks = fixture_book.functional_tasks * 111  # 999 tasks: seconds of layout
    long_book = replace(
        fixture_book,
        functional_tasks=tuple(replace(t, id=f"{n:032x}") for n, t in enumerate(tasks)),
    )
    latest = multiprocessing.get_context("spawn").Value("q", 1, lock=False)
    preview_job.start_worker(latest)  # as in the preview's process
    try:
        results: list[object] = []
        worker = threading.Thread(
            target=lambda: results.append(
                preview_job.lay_out(long_book, Printout(PLAN), PdfSettings(), 1)
            )
        )
        start = time.perf_counter()
        worker.start()
        time.sleep(0.3)
        latest.value = 2  # an edit: the layout running is no longer wanted
        worker.join()
        assert results == [None]
        assert time.perf_counter() - start < 3.0  # stopped, not finished (about 6 s)
        assert preview_job.lay_out(fixture_book, Printout(PLAN), PdfSettings(), 1) is None
        laid = preview_job.lay_out(fixture_book, Printout(PLAN), PdfSettings(), 2)
    finally:
        preview_job._latest = None
        pdf_wrap.keep_lines(False)
    assert laid is not None and laid.data == render_pdf(fixture_book)
