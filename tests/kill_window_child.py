"""A child of test_kill.py: the real program, typed into through its real widgets.

Starts the window as `bluebook --db DATABASE` does, opens the 工作任务 cell of the first
functional task (F2), types TEXT key by key and then prints "typed TEXT" and flushes. From
then on the parent may end this process however it likes and expect TEXT in the database.

With PAGE "progress" it types into the 完成情况 cell of the first task on the 进展填报 page
instead (a quarterly report is made by that typing).

Usage: python tests/kill_window_child.py DATABASE TEXT [PAGE]
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bluebook_desktop import app as program
from bluebook_desktop.ui.main_window import FUNCTIONAL_TAB, PROGRESS_TAB, MainWindow
from bluebook_desktop.ui.task_model import TaskTableModel


def type_when_ready(text: str, page_name: str = "tasks") -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    if (
        window is None
        or not window.isVisible()
        or not getattr(window.repository, "is_open", True)  # opened after the first paint
    ):
        QTimer.singleShot(20, lambda: type_when_ready(text, page_name))
        return
    if window.session is None:
        window.open_book(1)  # as a click on the book in the list does
    tab = PROGRESS_TAB if page_name == "progress" else FUNCTIONAL_TAB
    window.ui.tabs.setCurrentIndex(tab)
    page = window.pages[tab]
    table = page.table  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    column = model.column("done") if page_name == "progress" else TaskTableModel.TASK
    table.setFocus()
    table.setCurrentIndex(model.index(0, column))
    QTest.keyClick(table, Qt.Key.Key_F2)  # an old text is selected: typing replaces it
    editor = table.indexWidget(table.currentIndex())
    QTest.keyClicks(editor, text)
    print(f"typed {text}", flush=True)


def main() -> int:
    database, text = sys.argv[1], sys.argv[2]
    page_name = sys.argv[3] if len(sys.argv) > 3 else "tasks"
    app = QApplication(sys.argv[:1])  # noqa: F841 - the program uses this application
    QTimer.singleShot(0, lambda: type_when_ready(text, page_name))
    return program.main(["--db", database])


if __name__ == "__main__":
    sys.exit(main())
