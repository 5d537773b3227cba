"""The page beside the editors: the printout as it will print, updated while the clerk types.

Drawn by PDFium from the very bytes 导出 PDF writes (formats.preview_job lays them out), so
what the clerk sees beside the editor is the file, not a second layout. The layout runs in
a process of its own: reportlab is pure Python and, in a thread, would hold the interpreter
for long stretches and make typing wait. A layout starts after a pause in typing; an edit
made while one runs replaces the one waiting (a stale result is dropped, never shown), so
there is never more than one layout running and one waiting.

The window builds this only after its first paint, and only when the preview is shown.
"""

from __future__ import annotations

import bisect
import concurrent.futures
import logging
import multiprocessing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain import Book, print_problems
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.pdf import PdfSettings, describe_characters
from bluebook_desktop.formats.preview_job import (
    PLAN,
    REPORT,
    REVIEW,
    LaidOut,
    Printout,
    lay_out,
    start_worker,
    warm_up,
)
from bluebook_desktop.ui.messages import rule_text, user_text
from bluebook_desktop.ui.printing import POINTS_PER_INCH, PdfPages

if TYPE_CHECKING:
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.session import BookSession

log = logging.getLogger(__name__)

PAUSE_MS = 250  # a layout starts this long after the last keystroke
GAP = 8  # pixels between pages, and around them
BAND = QColor(255, 196, 0, 80)  # the translucent band over the row being edited
BAND_EDGE = QColor(230, 140, 0, 200)
MAX_WARNINGS = 8
MIN_WIDTH = 260  # narrower, a page's text is no longer readable

# What the preview follows: ("task", id) the row of a task, ("page", n) a page, or None to
# stay where the clerk scrolled.
Focus = tuple[str, object] | None


class LayoutWorker(QObject):
    """Lays out printouts in a process of its own, one at a time, newest first."""

    # (generation, LaidOut): the layout asked for last is done.
    done = Signal(int, object)
    # a layout could not be made at all (the process failed): the generation.
    failed = Signal(int)
    _finished = Signal(int, object)  # from the pool's thread into the window's

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0  # of the layout asked for last
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._latest: Any = None  # a shared integer: the generation wanted now
        self._running = False
        self._waiting: tuple[int, Book, Printout, PdfSettings] | None = None
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def start(self) -> None:
        """Start the process and load reportlab and the fonts in it, before any layout."""
        if self._pool is None:
            # Spawned, not forked, on every system: a fork of a process running Qt's threads
            # may hang, and the frozen program starts its workers the same way everywhere.
            context = multiprocessing.get_context("spawn")
            # The generation wanted now, shared: a layout running stops when it changes.
            self._latest = context.Value("q", self.generation, lock=False)
            self._pool = concurrent.futures.ProcessPoolExecutor(
                1, mp_context=context, initializer=start_worker, initargs=(self._latest,)
            )
            self._pool.submit(warm_up)

    def request(self, book: Book, printout: Printout, settings: PdfSettings) -> int:
        """Lay out `printout` of `book`; replaces the layout waiting, if one is."""
        self.generation += 1
        if self._latest is not None:
            self._latest.value = self.generation  # the layout running, if any, stops
        job = (self.generation, book, printout, settings)
        if self._running:
            self._waiting = job
        else:
            self._submit(job)
        return self.generation

    def _submit(self, job: tuple[int, Book, Printout, PdfSettings]) -> None:
        generation, book, printout, settings = job
        for _attempt in range(2):
            try:
                self.start()
                assert self._pool is not None
                future = self._pool.submit(lay_out, book, printout, settings, generation)
                break
            except (RuntimeError, OSError):  # the pool broke (its process was killed)
                log.exception("the preview's process could not take a layout")
                self._pool = None
        else:
            self.failed.emit(generation)
            return
        self._running = True
        future.add_done_callback(lambda done: self._finished.emit(generation, done))

    def _on_finished(self, generation: int, future: concurrent.futures.Future) -> None:
        self._running = False
        try:
            result: LaidOut | None = future.result()
        except Exception:  # noqa: BLE001 - the process died or the layout failed: said below
            log.exception("the preview's layout failed")
            result = None
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._submit(waiting)  # a stale result is dropped: the newer one is on its way
        elif generation == self.generation:
            if result is None:  # failed (a layout stopped for a newer one is never the last)
                self.failed.emit(generation)
            else:
                self.done.emit(generation, result)

    def close(self) -> None:
        """End the process at once (a layout running is abandoned: the program's exit
        would otherwise wait for it, seconds in a long book)."""
        self._waiting = None
        pool, self._pool = self._pool, None
        if pool is not None:
            processes = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                if process.is_alive():
                    process.terminate()


class LivePreview(QWidget):
    """The printout's pages one under the other, as wide as the pane, the row being edited
    marked, 第 n 页 / 共 m 页 and the warnings of 打印预览 above. A double click on a page
    asks for it to be read larger (`pageOpened`, its index)."""

    pageOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("livePreview")
        self.setMinimumWidth(MIN_WIDTH)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("previewPageLabel")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("previewStateLabel")
        self.state_label.setStyleSheet("color: #666;")
        self.warnings = QLabel(self)
        self.warnings.setObjectName("previewWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 3px; color: #5a4500;"
        )
        self.warnings.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.warnings.hide()
        self.column = QWidget()
        self.column.setStyleSheet("background: #808080;")
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(GAP, GAP, GAP, GAP)
        self.column_layout.setSpacing(GAP)
        self.column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.column)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.viewport().setStyleSheet("background: #808080;")
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        # Where the view should be once the column has its height (set when the pages come).
        self._wanted_y: int | None = None
        self.scroll.verticalScrollBar().rangeChanged.connect(self._range_changed)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.page_label)
        top.addStretch(1)
        top.addWidget(self.state_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.scroll, 1)

        self.laid: LaidOut | None = None  # what is shown
        self.pages: PdfPages | None = None
        self._labels: list[QLabel] = []
        self._sizes: list[tuple[float, float]] = []  # each page's size, points
        self._sizes_of: tuple[object, ...] | None = None  # the layout they were read from
        self._tops: list[int] = []  # where each page starts in the column, pixels
        self._drawn: set[int] = set()
        self._scale = 1.0  # pixels per point
        self.focus: Focus = ("page", 0)
        self.band: tuple[int, QRectF] | None = None  # the marked row: page, rect in pixels
        self._followed = 0  # the page the preview last went to
        self._following: int | None = None  # the view's place when it went there
        self._show_page_number()

    # --- what is shown ---

    @property
    def data(self) -> bytes:
        """The bytes of the PDF the pages are drawn from."""
        return self.laid.data if self.laid is not None else b""

    def page_count(self) -> int:
        return len(self._labels)

    def show_laid_out(self, laid: LaidOut, warnings: list[str]) -> None:
        """Show a new layout, at the place the clerk is editing."""
        old = self.pages
        self.laid = laid
        self.pages = PdfPages(laid.data) if laid.data else None
        if old is not None:
            old.close()
        self.set_warnings(warnings)
        count = len(self.pages) if self.pages is not None else 0
        while len(self._labels) > count:
            self._labels.pop().deleteLater()
        while len(self._labels) < count:
            label = QLabel(self.column)
            label.setStyleSheet("background: white;")
            label.setScaledContents(True)
            label.setToolTip(self.tr("双击放大阅读、打印"))
            label.installEventFilter(self)
            self.column_layout.addWidget(label)
            self._labels.append(label)
        self._drawn.clear()
        pages = self.pages
        # The pages' sizes follow from the printout and the settings alone (the cover, then
        # the form's pages): a new layout of the same kind and length keeps them.
        key = (laid.printout.kind, laid.settings, count)
        if key != self._sizes_of:
            self._sizes = [pages.size_pt(index) for index in range(count)] if pages else []
            self._sizes_of = key
        self._size_pages()
        self.follow()

    def set_warnings(self, warnings: list[str]) -> None:
        if not warnings:
            self.warnings.hide()
            self.warnings.clear()
            return
        shown = warnings[:MAX_WARNINGS]
        if len(warnings) > MAX_WARNINGS:
            shown.append(self.tr("……等 %1 项").replace("%1", str(len(warnings))))
        self.warnings.setText("\n".join(shown))
        self.warnings.setToolTip("\n".join(warnings))
        self.warnings.show()

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def set_focus(self, focus: Focus) -> None:
        """What to follow: a task's row, a page, or nothing (the view stays)."""
        self.focus = focus
        self.follow()

    def current_page(self) -> int:
        """The page 第 n 页 names, from 0: the one followed (the page being edited), or,
        once the clerk scrolled, the page a third of the way down the view."""
        if not self._labels:
            return 0
        bar = self.scroll.verticalScrollBar()
        if self._following is not None and bar.value() == self._following:
            return min(self._followed, len(self._labels) - 1)
        middle = bar.value() + self.scroll.viewport().height() // 3
        return max(0, bisect.bisect_right(self._tops, middle) - 1)

    def _top(self, index: int) -> int:
        """Where page `index` starts in the column (the layout may not have placed it yet)."""
        return self._tops[index] if index < len(self._tops) else GAP

    # --- following the clerk ---

    def follow(self) -> None:
        """Mark the row being edited and bring its page into view."""
        before = self.band
        self.band = None
        target: int | None = None
        focus, laid = self.focus, self.laid
        if laid is not None and focus is not None and self._labels:
            kind, what = focus
            if kind == "task":
                row = next((r for r in laid.rows if r[0] == what), None)
                if row is not None:
                    _, page, left, top, right, bottom = row
                    height = self._sizes[page][1] if page < len(self._sizes) else 0.0
                    s = self._scale
                    rect = QRectF(
                        left * s, (height - top) * s, (right - left) * s, (top - bottom) * s
                    )
                    self.band = (page, rect)
                    target = page
            elif kind == "closing":
                target = laid.closing_page if laid.closing_page >= 0 else len(self._labels) - 1
            elif kind == "page":
                target = min(max(int(what), 0), len(self._labels) - 1)  # type: ignore[call-overload]
        for page in {b[0] for b in (before, self.band) if b is not None}:
            self._drawn.discard(page)  # drawn again with or without the band
        if target is not None:
            self._followed = target
            self._scroll_to(target)
        else:
            self._following = None
        self._draw_visible()
        self._show_page_number()

    def _scroll_to(self, page: int) -> None:
        bar = self.scroll.verticalScrollBar()
        if self.band is not None and self.band[0] == page:
            # The band a third of the way down the view, where the eye expects it.
            y = self._top(page) + round(self.band[1].top()) - self.scroll.viewport().height() // 3
        else:
            y = self._top(page) - GAP
        self._wanted_y = max(0, y)
        bar.setValue(self._wanted_y)
        self._following = bar.value()

    def _range_changed(self, _low: int, high: int) -> None:
        if self._wanted_y is not None:
            bar = self.scroll.verticalScrollBar()
            bar.setValue(self._wanted_y)
            self._following = bar.value()
            if high >= self._wanted_y:
                self._wanted_y = None

    # --- drawing ---

    def _size_pages(self) -> None:
        if self.pages is None or not self._labels:
            return
        widest = max(width for width, _height in self._sizes)
        room = max(60, self.scroll.viewport().width() - 2 * GAP)
        scale = room / widest
        if abs(scale - self._scale) > 1e-6:
            self._drawn.clear()
        self._scale = scale
        self._tops = []
        top = GAP
        for label, (width, height) in zip(self._labels, self._sizes, strict=True):
            size = (round(width * scale), round(height * scale))
            if (label.width(), label.height()) != size:
                label.setFixedSize(*size)
            self._tops.append(top)
            top += size[1] + GAP
        self.column.setMinimumHeight(top)

    def _draw_visible(self) -> None:
        if self.pages is None:
            return
        bar = self.scroll.verticalScrollBar()
        top, bottom = bar.value(), bar.value() + self.scroll.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        for index in range(first, len(self._labels)):
            label, y = self._labels[index], self._tops[index]
            if y > bottom:
                break
            if index in self._drawn or y + label.height() < top:
                continue
            ratio = label.devicePixelRatioF()
            image = self.pages.image(index, POINTS_PER_INCH * self._scale * ratio)
            pixmap = QPixmap.fromImage(image)
            if self.band is not None and self.band[0] == index:
                painter = QPainter(pixmap)
                painter.scale(ratio, ratio)
                painter.setPen(BAND_EDGE)
                painter.fillRect(self.band[1], BAND)
                painter.drawRect(self.band[1])
                painter.end()
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            self._drawn.add(index)

    def drawn_pages(self) -> set[int]:
        return set(self._drawn)

    def _scrolled(self) -> None:
        self._draw_visible()
        self._show_page_number()

    def _show_page_number(self) -> None:
        count = len(self._labels)
        if not count:
            self.page_label.setText("")  # nothing laid out yet: the state says so
            return
        self.page_label.setText(
            self.tr("第 %1 页 / 共 %2 页")
            .replace("%1", str(self.current_page() + 1))
            .replace("%2", str(count))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonDblClick and watched in self._labels:
            self.pageOpened.emit(self._labels.index(watched))  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self._resized)  # once the scroll area has its new size

    def _resized(self) -> None:
        self._size_pages()
        self.follow()


@dataclass(frozen=True)
class PreviewTabs:
    """Which of the window's tabs shows what (the window's own numbering)."""

    cover: int
    texts: int
    progress: int
    review: int


class PreviewController(QObject):
    """Keeps the window's preview in step with the open book and the page being edited."""

    def __init__(self, window: MainWindow, tabs: PreviewTabs) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self.widget = LivePreview()
        self.worker = LayoutWorker(self)
        self.widget.pageOpened.connect(self.open_page)
        self.worker.done.connect(self._laid_out)
        self.worker.failed.connect(self._not_laid_out)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.refresh)
        self._asked: dict[int, tuple[Book, Printout, PdfSettings]] = {}
        self._shown: tuple[Book, Printout, PdfSettings] | None = None
        self._stale = True  # the book changed since the last layout was asked for
        self._hooked: set[int] = set()  # pages whose current row is followed
        self.dialog: QWidget | None = None  # the print preview opened from a page
        workspace = window.workspace
        workspace.bookOpened.connect(self._opened)
        workspace.bookClosed.connect(self._closed)
        window.ui.tabs.currentChanged.connect(self._tab_changed)
        if window.session is not None:
            self._opened(window.session)

    # --- what to show ---

    def printout(self) -> Printout:
        tab = self.window.ui.tabs.currentIndex()
        if tab == self.tabs.progress:
            return Printout(REPORT, self.window.report_quarter(), self.window.today())
        if tab == self.tabs.review:
            return Printout(REVIEW)
        return Printout(PLAN)

    def focus(self) -> Focus:
        window = self.window
        tab = window.ui.tabs.currentIndex()
        if tab == self.tabs.cover:
            return ("page", 0)
        if tab == self.tabs.texts:
            return ("closing", None)
        page = window._pages[tab] if 0 <= tab < len(window._pages) else None
        table = getattr(page, "table", None)
        model = getattr(page, "model", None)
        if table is None or model is None:
            return None
        index = table.currentIndex()
        task = model.task_at(index.row()) if index.isValid() else None
        return ("task", task.id) if task is not None else None

    def cached_pdf(self, book: Book, settings: PdfSettings) -> bytes | None:
        """The plan's PDF already laid out for this very book and these settings: what
        export would write anew."""
        laid, shown = self.widget.laid, self._shown
        if laid is None or shown is None or laid.error is not None or not laid.data:
            return None
        shown_book, printout, _settings = shown
        if printout.kind != PLAN or laid.settings != settings:
            return None
        if shown_book is book or shown_book == book:
            return laid.data
        return None

    # --- following the window ---

    def _opened(self, session: BookSession) -> None:
        session.changed.connect(self._changed)
        self._hooked.clear()
        self._stale = True
        self._hook_page()
        self.refresh()

    def _closed(self) -> None:
        self.timer.stop()
        self._stale = True

    def _changed(self, *_args: object) -> None:
        self._stale = True
        self.widget.set_state(self.tr("正在更新…"))
        self.timer.start()  # again: the layout waits for a pause in typing

    def _tab_changed(self, _tab: int) -> None:
        self._hook_page()
        asked = self._shown[1] if self._shown else None
        if asked != self.printout():
            self._stale = True
            self.refresh()
        else:
            self.widget.set_focus(self.focus())

    def _hook_page(self) -> None:
        window = self.window
        tab = window.ui.tabs.currentIndex()
        page = window._pages[tab] if 0 <= tab < len(window._pages) else None
        if page is None or id(page) in self._hooked:
            return
        self._hooked.add(id(page))
        table = getattr(page, "table", None)
        if table is not None and table.selectionModel() is not None:
            table.selectionModel().currentRowChanged.connect(
                lambda *_: self.widget.set_focus(self.focus())
            )
        quarter_changed = getattr(page, "quarterChanged", None)
        if quarter_changed is not None:
            quarter_changed.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        """Lay out what the open page prints, unless it is shown already."""
        self.timer.stop()
        session = self.window.session
        if session is None or not self.widget.isVisible():
            return
        job = (session.book, self.printout(), self.window.actions_.pdf_settings())
        if not self._stale and self._shown == job:
            return
        self._stale = False
        generation = self.worker.request(*job)
        self._asked = {generation: job}
        self.widget.set_state(self.tr("正在更新…"))

    def _laid_out(self, generation: int, laid: LaidOut) -> None:
        job = self._asked.get(generation)
        if job is None:
            return
        self._shown = job
        book = job[0]
        self.widget.focus = self.focus()
        self.widget.show_laid_out(laid, self._warnings(book, laid))
        self.widget.set_state("" if not self._stale else self.tr("正在更新…"))

    def open_page(self, index: int) -> None:
        """The printout shown, in the print preview at page `index`: to read it larger,
        and to print it."""
        laid, shown, session = self.widget.laid, self._shown, self.window.session
        if laid is None or not laid.data or shown is None or session is None:
            return
        if shown[0] is not session.book:  # typed since: what prints is laid out first
            self.refresh()
            return
        from bluebook_desktop.ui.printing import PreviewDialog

        dialog = PreviewDialog(laid.data, self.window)
        self.dialog = dialog  # while it is open (tests answer it)
        dialog.show()
        dialog.scroll.widget().adjustSize()
        labels = dialog._labels
        if 0 <= index < len(labels):
            dialog.scroll.verticalScrollBar().setValue(labels[index].y())
        printed = dialog.exec()
        dialog.pages.close()
        dialog.deleteLater()
        self.dialog = None
        if printed and laid.printout.kind == PLAN:
            self.window.actions_.planPrinted.emit(laid.data)  # 定稿 may keep what printed

    def _not_laid_out(self, _generation: int) -> None:
        self.widget.set_state(self.tr("预览生成失败"))

    def _warnings(self, book: Book, laid: LaidOut) -> list[str]:
        """What 打印预览 warns of before printing: fields not filled in, characters no font
        has, or why there is no printout."""
        if laid.error is not None:
            template, params = laid.error
            return [user_text(UserError(template, **params))]
        warnings = []
        if laid.printout.kind == PLAN:
            warnings = [rule_text(problem) for problem in print_problems(book)]
        if laid.missing:
            warnings.append(
                self.tr("以下字符在字体中没有，打印时会显示为方框“□”：%1").replace(
                    "%1", describe_characters(laid.missing[:20])
                )
            )
        return warnings

    def close(self) -> None:
        self.timer.stop()
        self.worker.close()
        if self.widget.pages is not None:
            self.widget.pages.close()  # PDFium's copy of the document
            self.widget.pages = None
