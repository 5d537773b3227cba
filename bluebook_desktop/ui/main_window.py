"""The main window: the list of books on the left, the open book's editors on the right."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QObject, QRect, QSignalBlocker, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain import Book, Task, book_label
from bluebook_desktop.errors import UserError
from bluebook_desktop.paths import Paths
from bluebook_desktop.ui.book_list import BookListModel
from bluebook_desktop.ui.clicks import on_click_once
from bluebook_desktop.ui.cover_page import CoverPage
from bluebook_desktop.ui.forms.ui_main_window import Ui_MainWindow
from bluebook_desktop.ui.messages import show_error, user_text
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository
    from bluebook_desktop.db.store import Store
    from bluebook_desktop.ui.live_preview import PreviewController
    from bluebook_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)
# The tabs of an open book, in order.
COVER_TAB, KEY_TAB, FUNCTIONAL_TAB, TEXTS_TAB, PROGRESS_TAB, REVIEW_TAB = range(6)


class _WindowUndo(QObject):
    """Sends Ctrl+Z / Ctrl+Y to the window's undo, not to the focused text box's own, and
    every menu shortcut to its menu item, whichever field has the cursor.

    Every edit is already an undo step of the book; a text box's private undo would change
    the text behind the book's back and make two histories. A one-line field on Linux takes
    Ctrl+E as "end of line": the export shortcut did nothing, and the file name then typed
    went into the field.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

    def _is_menu_shortcut(self, event: QKeyEvent) -> bool:
        combination = event.keyCombination()
        for action in self._window.findChildren(QAction):
            if action.isEnabled() and any(
                shortcut.count() == 1 and shortcut[0] == combination
                for shortcut in action.shortcuts()
            ):
                return action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo) or event.matches(
            QKeySequence.StandardKey.Redo
        )
        if undo and not _in_cell_editor(watched):
            event.ignore()  # not wanted by the widget: the shortcut goes to the window
            return True
        if (
            not undo
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self._is_menu_shortcut(event)
        ):
            event.ignore()
            return True
        return False


class MainWindow(QMainWindow):
    """A view of a workspace: the book list on the left, the open book's pages on the right."""

    def __init__(self, workspace: Workspace, *, shortcut_filter_later: bool = False) -> None:
        """`shortcut_filter_later`: the window's undo and menu shortcuts take over from the
        text boxes only when `install_shortcut_filter` is called (app.py: after the first
        paint). An application-wide filter written in Python sees every event of every object,
        and the first event of each kind of object costs a wrapper type: some 60 ms while the
        window is built and painted, before the clerk can press a key anyway."""
        super().__init__()
        self.workspace = workspace
        workspace.commit_typing = self.commit_typing
        self._shown: Book | None = None  # the open book as last shown, to see what undo changed
        # The open book's pages by tab; None for a page not built yet (see `_show`).
        self._pages: list[QWidget | None] = []
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._program_name = self.windowTitle()  # the form's title, in the user's language
        #: Today's date, for the pace lights and what is due (a test sets a day of its own).
        self.today: Callable[[], dt.date] = dt.date.today
        self._quarters: dict[int, int] = {}  # the quarter chosen per book, for this run
        # The page beside the editors (ui.live_preview), built after the first paint.
        self.preview: PreviewController | None = None
        self._set_up_glance()
        self._set_up_preview_toggle()

        self.undo_group = QUndoGroup(self)
        undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.ui.editMenu.addAction(undo)
        self.ui.editMenu.addAction(redo)
        self._undo_filter = _WindowUndo(self)
        self._undo_filter_installed = False
        if not shortcut_filter_later:
            self.install_shortcut_filter()

        self.ui.bookList.setModel(workspace.book_list)
        header = self.ui.bookList.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        # The title gives way, so 修改时间 stays in view without scrolling sideways.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.bookList.selectionModel().selectionChanged.connect(self._book_selected)
        self.ui.mainSplitter.setStretchFactor(1, 1)
        self.ui.mainSplitter.setSizes([300, 980])

        from bluebook_desktop.ui.book_actions import BookActions

        self.actions_ = BookActions(workspace, self)
        from bluebook_desktop.ui.recovery import RecoveryActions

        self.recovery = RecoveryActions(workspace, self)  # 备份, 从备份恢复, a conflict
        from bluebook_desktop.ui.plan_actions import PlanActions
        from bluebook_desktop.ui.year_prints import YearPrints

        self.plan_actions = PlanActions(workspace, self.actions_, self)  # 定稿, 目标调整
        self._connect_actions()
        # The year's printouts follow the plan's: 打印, 定稿…, 打印定稿原件…, then these.
        menu, after = self.ui.fileMenu, self.plan_actions.signed_copy_action
        self.year_prints = YearPrints(
            workspace, self.actions_, self, menu, after, quarter=self.report_quarter
        )
        from bluebook_desktop.ui.collection_actions import CollectionActions

        self.collection = CollectionActions(self, workspace, menu, self.ui.actionExportPackage)
        workspace.booksChanged.connect(self._books_changed)
        workspace.bookOpened.connect(self._show)
        workspace.bookClosing.connect(self._remove_pages)
        workspace.bookClosed.connect(self._book_closed)
        workspace.message.connect(self.statusBar().showMessage)
        workspace.failed.connect(lambda title, error: show_error(self, title, error))
        workspace.reload()
        self._restore_state()
        self._update_title()
        self.ui.tabs.currentChanged.connect(self._build_page)
        workspace.open_last()

    # --- what the window shows of its workspace (for the window's own code and tests) ---

    @property
    def store(self) -> Store:
        return self.workspace.store

    @property
    def repository(self) -> Repository:
        return self.workspace.repository

    @property
    def settings(self) -> Settings:
        return self.workspace.settings

    @property
    def paths(self) -> Paths:
        return self.workspace.paths

    @property
    def session(self) -> BookSession | None:
        return self.workspace.session

    @property
    def book_list(self) -> BookListModel:
        return self.workspace.book_list

    # --- actions ---

    def _connect_actions(self) -> None:
        ui, actions, recovery = self.ui, self.actions_, self.recovery
        pairs: list[tuple[QAction, object]] = [
            (ui.actionNew, actions.new_book),
            (ui.actionNextYear, actions.next_year),
            (ui.actionImport, actions.import_file),
            (ui.actionExport, actions.export_file),
            (ui.actionExportPackage, actions.export_package),
            (ui.actionExportPdf, actions.export_pdf),
            (ui.actionExportWord, actions.export_word),
            (ui.actionPreview, actions.preview),
            (ui.actionPrint, actions.print_book),
            (ui.actionSave, self.store_now),
            (ui.actionQuit, self.close),
            (ui.actionSettings, actions.settings_dialog),
            (ui.actionAbout, actions.about),
            (ui.actionBackup, recovery.backup_now),
            (ui.actionRestore, recovery.restore),
        ]
        for action, slot in pairs:
            action.triggered.connect(slot)
        # The print options may have changed: the preview lays out with them (after the
        # dialog, which is modal).
        ui.actionSettings.triggered.connect(lambda: self.preview and self.preview.refresh())
        # A server's own backups and restores are its business: here 备份 writes every book
        # as one file, and restoring one is for an empty database (bluebook-cli restore).
        ui.actionRestore.setEnabled(self.store.supports_backup)
        if not self.store.supports_backup:
            try:
                self.store.default_backup()
            except UserError as exc:  # says whose business backups are (a server's)
                ui.actionRestore.setStatusTip(user_text(exc))
                ui.actionRestore.setToolTip(user_text(exc))
        on_click_once(ui.newButton, actions.new_book)
        on_click_once(ui.nextYearButton, actions.next_year)
        ui.importButton.clicked.connect(actions.import_file)  # a file dialog
        ui.exportButton.clicked.connect(actions.export_file)  # a file dialog
        ui.deleteButton.clicked.connect(actions.delete_book)  # asks first
        ui.bookList.doubleClicked.connect(lambda _index: self.ui.tabs.setFocus())

    # --- the book list ---

    def refresh_books(self) -> None:
        self.workspace.reload()

    def _books_changed(self) -> None:
        book = self.workspace.book
        self._select_row(self.book_list.row_of(book.id if book else None))
        self._update_buttons()

    def _select_row(self, row: int) -> None:
        view = self.ui.bookList
        with QSignalBlocker(view.selectionModel()):
            if row >= 0:
                view.selectRow(row)
            else:
                view.clearSelection()

    def _book_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if rows:
            summary = self.book_list.book_at(min(rows))
            if summary and (not self.session or self.session.book.id != summary.id):
                self.open_book(summary.id)

    def _update_buttons(self) -> None:
        has_book = self.session is not None
        for widget in (self.ui.deleteButton, self.ui.exportButton, self.ui.nextYearButton):
            widget.setEnabled(has_book)
        for action in (
            self.ui.actionExport,
            self.ui.actionExportPackage,
            self.ui.actionExportPdf,
            self.ui.actionExportWord,
            self.ui.actionPreview,
            self.ui.actionPrint,
            self.ui.actionSave,
        ):
            action.setEnabled(has_book)

    # --- opening and closing books ---

    def open_book(self, book_id: int) -> bool:
        """Show a book's editors; what the open book had is stored first."""
        if self.workspace.open(book_id):
            return True
        # The open book stays open (its edits are not stored yet): the list says so too.
        self._select_row(self.book_list.row_of(self.session.book.id if self.session else None))
        return False

    def close_book(self) -> None:
        self.workspace.close()

    def _show(self, session: BookSession) -> None:
        session.changed.connect(lambda *_: self._update_title())
        session.changed.connect(self._show_what_changed)
        session.changed.connect(lambda book, _source: self.glance.show_book(book))
        self._shown = session.book
        session.storedChanged.connect(lambda _stored: self._update_title())
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)

        tabs = self.ui.tabs
        # The cover (the tab shown first) is built now; the other pages, and the modules
        # behind them, when their tab is shown, when `pages` is asked for, or by
        # `build_pages` (the program calls it right after the window's first paint).
        self._pages = [CoverPage(session), None, None, None, None, None]
        names = [
            self.tr("封面信息"),
            self.tr("重点工作/改革任务"),
            self.tr("职能工作任务"),
            self.tr("单位负责人意见"),
            self.tr("进展填报"),
            self.tr("年度自评"),
        ]
        for tab, name in enumerate(names):
            page = self._pages[tab]
            if page is None:
                page = QWidget()
                QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            tabs.addTab(page, name)
        self._restore_splitter(self._pages[COVER_TAB])
        self._build_page(tabs.currentIndex())
        self.ui.bookStack.setCurrentWidget(self.book_view)
        self.preview_action.setEnabled(True)
        self.glance.show_book(session.book)
        self._select_row(self.book_list.row_of(session.book.id))
        self._update_buttons()
        self._update_title()

    @property
    def pages(self) -> list[QWidget]:
        """The open book's pages in tab order (built now if not yet); empty with no book."""
        self.build_pages()
        return [page for page in self._pages if page is not None]

    def install_shortcut_filter(self) -> None:
        """Undo, redo and the menu shortcuts go to the window whichever field has the cursor."""
        if not self._undo_filter_installed:
            QApplication.instance().installEventFilter(self._undo_filter)
            self._undo_filter_installed = True

    def build_pages(self) -> None:
        """Build every page of the open book not built yet, and the preview beside them
        when it is to be shown (the program calls this after the window's first paint)."""
        for tab in range(len(self._pages)):
            self._build_page(tab)
        self.start_preview()

    def _build_page(self, tab: int) -> None:
        if not 0 <= tab < len(self._pages) or self._pages[tab] is not None:
            return
        session = self.session
        assert session is not None  # pages exist only while a book is open
        page: QWidget
        if tab == TEXTS_TAB:
            from bluebook_desktop.ui.texts_page import TextsPage

            page = TextsPage(session)
        elif tab in (PROGRESS_TAB, REVIEW_TAB):
            page = self._year_page(tab, session)
        else:
            from bluebook_desktop.domain.form import FORM
            from bluebook_desktop.ui.task_page import TaskPage

            section = FORM.key_tasks if tab == KEY_TAB else FORM.functional_tasks
            page = TaskPage(section, session, self.workspace.completions)
        self._pages[tab] = page
        holder = self.ui.tabs.widget(tab)
        holder.layout().addWidget(page)
        page.show()  # a tab already on screen shows its page now, not after the next event
        self._restore_splitter(page)

    def report_quarter(self) -> int:
        """The quarter of the open book the 进展填报 page shows (or would show first)."""
        from bluebook_desktop.ui.year_model import default_quarter

        book = self.workspace.book
        if book is None:
            return default_quarter(self.today().year, self.today())
        return self._quarters.get(book.id or 0) or default_quarter(book.cover.year, self.today())

    def _year_page(self, tab: int, session: BookSession) -> QWidget:
        from bluebook_desktop.ui.evidence_panel import RepositoryFiles
        from bluebook_desktop.ui.year_pages import ProgressPage, ReviewPage

        files = RepositoryFiles(session.repository)
        today = lambda: self.today()  # noqa: E731 - what the window's today is then
        if tab == REVIEW_TAB:
            return ReviewPage(session, files, today)
        book_id = session.book.id or 0
        page = ProgressPage(session, files, today, self._quarters.get(book_id))
        page.quarterChanged.connect(lambda quarter: self._quarters.__setitem__(book_id, quarter))
        return page

    def _set_up_glance(self) -> None:
        """This quarter's lights and what is due next, above the open book's tabs."""
        from bluebook_desktop.ui.year_glance import YearGlance

        stack, tabs = self.ui.bookStack, self.ui.tabs
        self.book_view = QWidget(stack)  # the open book: its banners and glance, its tabs
        layout = QVBoxLayout(self.book_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.glance = YearGlance(lambda: self.today(), self.book_view)
        stack.removeWidget(tabs)
        layout.addWidget(self.glance)
        # The tabs, and beside them the live preview once it is built.
        self.preview_splitter = QSplitter(Qt.Orientation.Horizontal, self.book_view)
        self.preview_splitter.setObjectName("previewSplitter")
        self.preview_splitter.setChildrenCollapsible(False)
        self.preview_splitter.addWidget(tabs)
        self.preview_splitter.setStretchFactor(0, 3)
        layout.addWidget(self.preview_splitter, 1)
        tabs.show()  # the stack had hidden it as a page not shown
        stack.addWidget(self.book_view)

    # --- the page beside the editors ---

    def _set_up_preview_toggle(self) -> None:
        """页面预览 (F9, and a button beside the tabs) shows or hides the live preview."""
        action = QAction(self.tr("页面预览"), self)
        action.setObjectName("actionLivePreview")
        action.setCheckable(True)
        action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        action.setToolTip(self.tr("在编辑区旁显示打印稿（F9）"))
        action.setStatusTip(action.toolTip())
        action.setEnabled(False)  # until a book is open
        action.setChecked(self._preview_wanted())
        action.toggled.connect(self.show_preview)
        tools = self.ui.toolsMenu
        first = tools.actions()[0] if tools.actions() else None
        tools.insertAction(first, action)
        if first is not None:
            tools.insertSeparator(first)
        button = QToolButton(self.ui.tabs)
        button.setObjectName("livePreviewButton")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ui.tabs.setCornerWidget(button, Qt.Corner.TopRightCorner)
        self.preview_action = action

    def _preview_wanted(self) -> bool:
        """As the clerk left it; the first time, shown on a screen wide enough for the
        editors and a page beside them (not on 1024 × 768, where the editors need it all)."""
        shown = self.settings.preview_shown()
        if shown is not None:
            return shown
        return self.screen().availableGeometry().width() >= 1280

    def start_preview(self) -> None:
        """Build the preview if it is to be shown (never before the window's first paint)."""
        if self.preview_action.isChecked() and self.preview is None:
            self.show_preview(True)

    def show_preview(self, shown: bool) -> None:
        """Show or hide the live preview beside the editors; remembered."""
        if self.preview_action.isChecked() != shown:
            self.preview_action.setChecked(shown)  # comes back here through toggled
            return
        self.settings.set_preview_shown(shown)
        if shown and self.preview is None:
            from bluebook_desktop.ui.live_preview import PreviewController, PreviewTabs

            tabs = PreviewTabs(COVER_TAB, TEXTS_TAB, PROGRESS_TAB, REVIEW_TAB)
            self.preview = PreviewController(self, tabs)
            self.preview_splitter.addWidget(self.preview.widget)
            self.preview_splitter.setStretchFactor(1, 2)
            state = self.settings.state("previewSplitter")
            if state is None or not self.preview_splitter.restoreState(state):
                # First time: the book list gives way, the page gets about two fifths.
                main = self.ui.mainSplitter
                total = sum(main.sizes())
                main.setSizes([min(main.sizes()[0], 240), total - min(main.sizes()[0], 240)])
                width = max(self.preview_splitter.width(), 600)
                self.preview_splitter.setSizes([width * 3 // 5, width * 2 // 5])
            self.actions_.laid_out = self.preview.cached_pdf
        if self.preview is not None:
            # On a narrow screen (1024 × 768) the page takes the book list's place while it
            # is shown, rather than push the window past the screen's edge.
            room = self.screen().availableGeometry().width()
            need = (
                self.ui.bookPanel.minimumSizeHint().width()
                + self.ui.tabs.minimumSizeHint().width()
                + self.preview.widget.minimumWidth()
                + 40  # the splitters' handles and the window's margins
            )
            self.ui.bookPanel.setVisible(not shown or need <= room)
            self.preview.widget.setVisible(shown)
            if shown:
                self.preview.worker.start()
                self.preview.refresh()

    def _restore_splitter(self, page: QWidget | None) -> None:
        splitter = getattr(page, "splitter", None)
        state = self.settings.state(_splitter_key(page)) if splitter is not None else None
        if splitter is not None and state is not None:
            splitter.restoreState(state)

    def _remove_pages(self, session: BookSession) -> None:
        self._save_splitters()
        self._pages = []  # first: a tab made current while the tabs go builds no page
        tabs = self.ui.tabs
        while tabs.count():
            page = tabs.widget(0)
            tabs.removeTab(0)
            page.deleteLater()
        self.undo_group.removeStack(session.undo_stack)

    def _book_closed(self) -> None:
        self.ui.bookStack.setCurrentWidget(self.ui.emptyLabel)
        self.preview_action.setEnabled(False)
        self._update_buttons()
        self._update_title()

    def commit_typing(self) -> None:
        """Put what is being typed into the book: an input method's open composition and an
        open cell editor (which hands over each keystroke already, ui/cell_editors.py)."""
        QGuiApplication.inputMethod().commit()
        focus = QApplication.focusWidget()
        if focus is None:
            return
        for view in self.findChildren(QAbstractItemView):
            if view.state() == QAbstractItemView.State.EditingState and view.isAncestorOf(focus):
                delegate = view.itemDelegateForIndex(view.currentIndex())
                if delegate is not None:
                    delegate.commitData.emit(focus)

    def store_now(self) -> bool:
        """Store the open book at once, with what is being typed; True when all is stored."""
        return self.workspace.store_now()

    def _show_what_changed(self, book: Book, source: object) -> None:
        """After undo or redo (no page made the change), show the page that changed."""
        before, self._shown = self._shown, book
        if source is not None or before is None:
            return
        tab = _tab_of_change(before, book)
        if tab is not None and tab != self.ui.tabs.currentIndex():
            self.ui.tabs.setCurrentIndex(tab)

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(self._program_name)
            return
        state = self.tr("已保存") if self.session.is_stored else self.tr("正在保存…")
        self.setWindowTitle(f"{book_label(self.session.book)} — {state} — {self._program_name}")

    # --- window state ---

    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self._fit_screen()
        else:
            # First start: fit the screen (old office PCs often have 1366 × 768).
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width() * 9 // 10), min(800, screen.height() * 9 // 10))
        splitter = self.settings.state("mainSplitter")
        if splitter is not None:
            self.ui.mainSplitter.restoreState(splitter)

    def _fit_screen(self) -> None:
        """A window saved on a bigger screen (the office monitor, then a 1024 × 768
        projector) comes back whole on this one: not every system moves it in itself."""
        if self.isMaximized() or self.isFullScreen():
            return
        screen = self.screen().availableGeometry()
        fitted = fit_on_screen(self.frameGeometry(), self.geometry(), screen)
        if fitted != self.geometry():
            self.setGeometry(fitted)

    def _save_splitters(self) -> None:
        for page in self._pages:  # a page never built keeps the state it had
            splitter = getattr(page, "splitter", None)
            if splitter is not None:
                self.settings.set_state(_splitter_key(page), splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.store_now():
            kept = self._pending_file()
            text = (
                self.tr(
                    "最近的修改没能写入数据库。现在关闭会丢失这些修改。\n"
                    "建议先点“取消”，再用“导出蓝皮书文件”把内容另存一份。"
                )
                if kept is None
                else self.tr(
                    "最近的修改没能写入数据库，已另存在：\n%1\n"
                    "现在关闭，数据库中仍是修改前的版本；以后可以用“导入”打开这个文件。"
                ).replace("%1", str(kept))
            )
            answer = QMessageBox.warning(
                self,
                self.tr("尚未保存"),
                text,
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.workspace.finish()
        self._save_splitters()
        if self.preview is not None:
            self.settings.set_state("previewSplitter", self.preview_splitter.saveState())
            self.preview.close()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("mainSplitter", self.ui.mainSplitter.saveState())
        self.settings.q.sync()
        QApplication.instance().removeEventFilter(self._undo_filter)
        super().closeEvent(event)

    def _pending_file(self) -> Path | None:
        """The file keeping the open book's edits that could not be stored, if there is one."""
        from bluebook_desktop.ui.recovery import RECOVERED, pending_file

        book = self.workspace.book
        if book is None or book.id is None:
            return None
        path = pending_file(book.id, self.workspace.paths.data_dir / RECOVERED)
        return path if path.is_file() else None


def _tab_of_change(before: Book, after: Book) -> int | None:
    """Which tab shows the difference between two versions of a book (cover first)."""
    if before.cover != after.cover:
        return COVER_TAB
    if _plan_differs(before.key_tasks, after.key_tasks) or (
        before.no_key_tasks != after.no_key_tasks
    ):
        return KEY_TAB
    if _plan_differs(before.functional_tasks, after.functional_tasks):
        return FUNCTIONAL_TAB
    tasks = list(
        zip(
            (*before.key_tasks, *before.functional_tasks),
            (*after.key_tasks, *after.functional_tasks),
            strict=True,
        )
    )
    if any(old.progress != new.progress for old, new in tasks):
        return PROGRESS_TAB
    if before.self_review != after.self_review or any(
        old.review != new.review for old, new in tasks
    ):
        return REVIEW_TAB
    if before != after:
        return TEXTS_TAB
    return None


def _plan_differs(before: tuple[Task, ...], after: tuple[Task, ...]) -> bool:
    """The tables differ in what the plan pages show (not only in the year's reports and
    reviews). A task not edited is the same object in both: only edited ones are compared."""
    if before is after:
        return False
    if len(before) != len(after):
        return True
    return any(
        old is not new
        and replace(old, progress=(), review=None) != replace(new, progress=(), review=None)
        for old, new in zip(before, after, strict=True)
    )


def _in_cell_editor(widget: QObject) -> bool:
    """A table cell being edited: its typing is not in the book yet, so Ctrl+Z stays there."""
    parent = widget.parent() if isinstance(widget, QWidget) else None
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parent()
    return False


def fit_on_screen(frame: QRect, inner: QRect, screen: QRect) -> QRect:
    """The window's inner geometry moved and, if need be, shrunk so that its frame
    (title bar and borders around `inner`) lies on `screen`."""
    left, top = inner.x() - frame.x(), inner.y() - frame.y()
    margin_w, margin_h = frame.width() - inner.width(), frame.height() - inner.height()
    width = min(inner.width(), screen.width() - margin_w)
    height = min(inner.height(), screen.height() - margin_h)
    x = min(max(frame.x(), screen.x()), screen.x() + screen.width() - (width + margin_w))
    y = min(max(frame.y(), screen.y()), screen.y() + screen.height() - (height + margin_h))
    return QRect(x + left, y + top, width, height)


def _splitter_key(page: QWidget) -> str:
    """Each page remembers its own splitter; the two task pages are told apart by section."""
    return "splitter-" + getattr(getattr(page, "section", None), "name", type(page).__name__)
