"""Printing from the window: preview, print and 导出 PDF show and write the very same pages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import Book
from bluebook_desktop.formats.docx import write_docx
from bluebook_desktop.formats.pdf import render_pdf
from bluebook_desktop.ui import book_actions
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.printing import PdfPages, PreviewDialog, paint_pages
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

pdfinfo = shutil.which("pdfinfo")


@pytest.fixture
def window(qtbot, tmp_path: Path, fixture_book: Book, monkeypatch: pytest.MonkeyPatch):
    store = open_store(tmp_path / "print.sqlite3")
    stored = store.repository.add(fixture_book)
    window = MainWindow(
        Workspace(
            store, Settings.in_file(tmp_path / "s.ini"), paths.resolve(tmp_path / "print.sqlite3")
        )
    )
    qtbot.addWidget(window)
    # Printing the plan offers 定稿 (tests/test_finalize_window.py); not asked here.
    monkeypatch.setattr(window.plan_actions, "offer_finalize", lambda _data: None)
    window.open_book(stored.id)
    yield window
    window.close()
    store.close()


def _pages(pdf: Path) -> int:
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def test_preview_shows_the_pages_that_print(qtbot, fixture_book: Book) -> None:
    data = render_pdf(fixture_book)
    dialog = PreviewDialog(data)
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 4  # cover + three form pages, as the exported PDF
    dialog.resize(900, 1000)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert 0 in dialog.drawn_pages()  # the cover is drawn at once
    assert 3 not in dialog.drawn_pages()  # pages out of sight wait until scrolled to
    dialog.scroll.verticalScrollBar().setValue(dialog.scroll.verticalScrollBar().maximum())
    assert 3 in dialog.drawn_pages()
    cover = dialog.pages.image(0, 30)
    assert abs(cover.width() - 248) <= 1 and abs(cover.height() - 351) <= 1  # A4 at 30 dpi
    assert dialog.page_label.text() == "第 4 页 / 共 4 页"  # scrolled to the end


def test_preview_fits_the_screen_it_opens_on(qtbot, fixture_book: Book) -> None:
    dialog = PreviewDialog(render_pdf(fixture_book))
    qtbot.addWidget(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_label.text() == "第 1 页 / 共 4 页"


def test_only_the_chosen_pages_print(qtbot, tmp_path: Path, fixture_book) -> None:
    from bluebook_desktop.ui.printing import _chosen_pages

    printer = QPrinter()
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 1)
    assert _chosen_pages(printer, 4) == range(0, 1)  # reprint the cover only
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert _chosen_pages(printer, 4) == range(0, 4)


@pytest.mark.skipif(pdfinfo is None, reason="pdfinfo (poppler-utils) is not installed")
def test_printing_draws_every_page_at_actual_size(qtbot, tmp_path: Path, fixture_book) -> None:
    pages = PdfPages(render_pdf(fixture_book))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setFullPage(True)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint_pages(pages, printer)
    assert _pages(out) == len(pages) == 4
    info = subprocess.run([pdfinfo, str(out)], capture_output=True, text=True).stdout
    assert "595" in info and "842" in info  # A4 in points: nothing scaled to fit


def test_export_pdf_from_the_window(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "蓝皮书.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)  # "9 tasks": go on
    window.ui.actionExportPdf.trigger()
    assert target.read_bytes() == render_pdf(window.session.book, window.actions_.pdf_settings())


def test_a_locked_target_offers_another_name_and_keeps_the_old_file(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(b"the old file")
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda parent, title, start, _filter: (start, ""),
    )
    monkeypatch.setattr(window.settings, "last_folder", lambda: str(tmp_path))
    monkeypatch.setattr(book_actions, "file_stem", lambda book: "book")
    questions: list[str] = []

    def answer(_parent, _title, text, *_buttons):  # noqa: ANN001, ANN202
        questions.append(text)
        return True  # continue printing; save under another name

    monkeypatch.setattr(book_actions, "confirm", answer)
    real_replace = os.replace

    def locked(source, destination):  # noqa: ANN001, ANN202 - as Windows does for an open PDF
        if Path(destination) == target:
            raise PermissionError(13, "locked")
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", locked)
    window.ui.actionExportPdf.trigger()
    assert target.read_bytes() == b"the old file"
    assert any("正被其他程序打开" in q for q in questions)
    other = tmp_path / "book（新）.pdf"
    assert other.read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_word_import_shows_what_was_read_before_creating_the_book(
    window: MainWindow, tmp_path: Path, fixture_book: Book, monkeypatch
) -> None:
    docx = tmp_path / "去年.docx"
    write_docx(fixture_book, docx)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(docx), "")
    )
    shown: list[str] = []
    answers = iter([False, True])

    def confirm_reading(summary: str) -> bool:
        shown.append(summary)
        return next(answers)

    monkeypatch.setattr(window.actions_, "_confirm_reading", confirm_reading)
    # The same unit and year as the open book: keep both (asked in the window).
    monkeypatch.setattr(window.actions_, "_ask_same_book", lambda _book: "both")
    before = window.repository.list_books()
    window.ui.importButton.click()  # declined: nothing created
    assert window.repository.list_books() == before
    window.ui.importButton.click()
    assert len(window.repository.list_books()) == len(before) + 1
    assert "政协佛山市三水区委员会" in shown[0]
    book = window.session.book
    assert [t.task for t in book.functional_tasks] == [
        t.task for t in fixture_book.functional_tasks
    ]


def _page_width(dialog: PreviewDialog) -> int:
    return dialog._labels[0].width()


def test_preview_fits_the_width_then_the_page_then_zooms(qtbot, fixture_book: Book) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    dialog = PreviewDialog(render_pdf(fixture_book))
    qtbot.addWidget(dialog)
    dialog.resize(800, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    viewport = dialog.scroll.viewport()
    # 适合宽度 first: the page as wide as the view (less the gaps), whatever the window
    assert dialog.zoom_box.currentText() == "适合宽度"
    assert viewport.width() - 60 <= _page_width(dialog) <= viewport.width()
    dialog.resize(1000, 600)
    qtbot.waitUntil(lambda: viewport.width() - 60 <= _page_width(dialog) <= viewport.width())
    # 适合页面: the whole first page in view, its text drawn at that size
    dialog.zoom_box.setCurrentIndex(dialog.zoom_box.findText("适合页面"))
    dialog.zoom_box.activated.emit(dialog.zoom_box.currentIndex())
    page = dialog._labels[0]
    assert page.height() <= viewport.height() and page.width() < viewport.width() - 60
    assert dialog.drawn_pages() >= {0}
    assert page.pixmap().width() >= page.width()  # drawn at the zoomed size, not stretched
    # 100 %: actual size (A4 at 96 dpi is 794 px wide)
    dialog.zoom_box.setCurrentIndex(dialog.zoom_box.findText("100%"))
    dialog.zoom_box.activated.emit(dialog.zoom_box.currentIndex())
    assert abs(_page_width(dialog) - 794) <= 1
    # Ctrl+加号 and Ctrl+减号 zoom in and out, from the keyboard
    dialog.activateWindow()
    dialog.scroll.setFocus()
    qtbot.waitUntil(dialog.scroll.hasFocus)
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert abs(_page_width(dialog) - 992) <= 2
    assert dialog.zoom_box.currentText() == "125%"
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert abs(_page_width(dialog) - 1240) <= 2  # 156 %: no choice of its own, but shown
    assert dialog.zoom_box.currentIndex() == -1 and dialog.zoom_box.placeholderText() == "156%"
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert abs(_page_width(dialog) - 794) <= 2
    assert dialog.zoom_box.currentText() == "100%"

    # Ctrl and the wheel zoom too; the wheel alone scrolls and leaves the zoom
    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(viewport.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(QPoint(10, 10))),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    wheel(Qt.KeyboardModifier.ControlModifier)
    assert abs(_page_width(dialog) - 992) <= 2
    wheel(Qt.KeyboardModifier.NoModifier)
    assert abs(_page_width(dialog) - 992) <= 2
