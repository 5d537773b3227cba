"""Frozen entry point of the window (bluebook / bluebook.exe, windowed).

BLUEBOOK_SMOKE_QUIT_MS=N is for the release smoke run only (packaging/build.py): the window
starts as usual and, N ms later, the program exits 0 if its main window is showing, else 3.
"""

import os
import sys

from bluebook_desktop.app import main


def _quit_after(milliseconds: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    # main() reuses this instance (QApplication.instance() or ...).
    app = QApplication(sys.argv[:1])

    def verdict() -> None:
        shown = any(isinstance(w, QMainWindow) and w.isVisible() for w in app.topLevelWidgets())
        app.exit(0 if shown else 3)  # also ends a modal error box's loop: main() then returns 2

    QTimer.singleShot(milliseconds, verdict)


if __name__ == "__main__":
    smoke = os.environ.get("BLUEBOOK_SMOKE_QUIT_MS", "")
    if smoke.isdigit():
        _quit_after(int(smoke))
    sys.exit(main())
