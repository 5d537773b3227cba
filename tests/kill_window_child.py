"""A child of test_kill.py: the real program, typed into through its real widgets.

Starts the window as `bluebook --db DATABASE` does, opens the 工作任务 cell of the first
functional task (F2), types TEXT key by key and then prints "typed TEXT" and flushes. From
then on the parent may end this process however it likes and expect TEXT in the database.

Usage: python tests/kill_window_child.py DATABASE TEXT
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bluebook_desktop import app as program
from bluebook_desktop.ui.main_window import FUNCTIONAL_TAB, MainWindow
from bluebook_desktop.ui.task_model import TaskTableModel


def type_when_ready(text: str) -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    if (
        window is None
        or not window.isVisible()
        or not getattr(window.repository, "is_open", True)  # opened after the first paint
    ):
        QTimer.singleShot(20, lambda: type_when_ready(text))
        return
    if window.session is None:
        window.open_book(1)  # as a click on the book in the list does
    window.ui.tabs.setCurrentIndex(FUNCTIONAL_TAB)
    page = window.pages[FUNCTIONAL_TAB]
    table = page.table  # type: ignore[attr-defined]
    table.setFocus()
    table.setCurrentIndex(page.model.index(0, TaskTableModel.TASK))  # type: ignore[attr-defined]
    QTest.keyClick(table, Qt.Key.Key_F2)  # the old name is selected: typing replaces it
    editor = table.indexWidget(table.currentIndex())
    QTest.keyClicks(editor, text)
    print(f"typed {text}", flush=True)


def main() -> int:
    database, text = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])  # noqa: F841 - the program uses this application
    QTimer.singleShot(0, lambda: type_when_ready(text))
    return program.main(["--db", database])


if __name__ == "__main__":
    sys.exit(main())
