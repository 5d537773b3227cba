"""收集与汇总… in the main window's 文件 menu; the collection window and what it needs are
loaded when first asked for, not at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf import PdfSettings
    from bluebook_desktop.ui.collection_view import CollectionWindow
    from bluebook_desktop.ui.workspace import Workspace


class CollectionActions(QObject):
    """The menu entry, placed after `after` in `menu`, and the one window it opens."""

    def __init__(
        self, window: QMainWindow, workspace: Workspace, menu: QMenu, after: QAction
    ) -> None:
        super().__init__(window)
        self._main = window
        self.workspace = workspace
        self.window_: CollectionWindow | None = None
        self.action = QAction(self.tr("收集与汇总…"), window)
        # H for 汇总 (Ctrl+Shift+U is the Unicode entry of Linux input methods)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.action.triggered.connect(self.show_window)
        following = menu.actions()
        place = following.index(after) + 1 if after in following else len(following)
        before = following[place] if place < len(following) else None
        menu.insertAction(before, self.action)  # type: ignore[arg-type]

    def show_window(self) -> CollectionWindow:
        from bluebook_desktop.ui.collection_view import CollectionWindow

        if self.window_ is None:
            self.window_ = CollectionWindow(self.workspace, self._open, self._settings, self._main)
        self.window_.fill_years()
        self.window_.show()
        self.window_.raise_()
        self.window_.activateWindow()
        return self.window_

    def _settings(self, replace_missing: bool) -> PdfSettings:
        from bluebook_desktop.formats.pdf import PdfSettings

        actions = getattr(self._main, "actions_", None)
        if actions is None:
            return PdfSettings(replace_missing=replace_missing)
        return actions.pdf_settings(replace_missing)  # the user's print settings

    def _open(self, book_id: int) -> None:
        opener = getattr(self._main, "open_book", None)
        if opener is not None and opener(book_id):
            self._main.raise_()
            self._main.activateWindow()
