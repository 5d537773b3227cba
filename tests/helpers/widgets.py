"""Driving the window as a clerk does: the focus where the clerk put it, a table cell opened
and closed by key, and a modal dialog answered once it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


def focus(qtbot, page: QWidget, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Keyboard shortcuts need an active window and the focus where the clerk put it."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def open_cell(  # type: ignore[no-untyped-def]
    qtbot, page: Any, row: int, name: str, key: Qt.Key = Qt.Key.Key_Return
) -> QWidget:
    """The editor of the cell `name` of `row` in `page.table`, opened by `key`."""
    table = page.table
    focus(qtbot, page, table)
    table.setCurrentIndex(page.model.index(row, page.model.column(name)))
    qtbot.keyClick(table, key)
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor is not None and table.isAncestorOf(editor)
    return editor


def close_editor(qtbot, page: Any, editor: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def when_modal(
    kind: type, handle: Callable[[QWidget], None], keep: bool = False
) -> Callable[[], None]:
    """Run `handle` on the next modal dialog of `kind` once it shows (on every one until
    stopped: `keep`); returns what stops it."""
    stopped = False

    def poll() -> None:
        if stopped:
            return
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            handle(widget)
            if not keep:
                return
        QTimer.singleShot(20, poll)

    def stop() -> None:
        nonlocal stopped
        stopped = True

    QTimer.singleShot(20, poll)
    return stop
