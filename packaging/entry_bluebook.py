"""Frozen entry point of the window (bluebook / bluebook.exe, windowed).

BLUEBOOK_SMOKE_QUIT_MS=N is for the release smoke run only (packaging/build.py): the window
starts as usual and, N ms later, the program exits 0 if its main window is showing and the
print preview can draw a page (PDFium is loaded by ctypes, which the build cannot check), else 3.
"""

import multiprocessing
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
        waiting = app.activeModalWidget()
        if waiting is not None:  # a question or an error box nobody will answer
            print(f"a dialog is waiting: {waiting.windowTitle()!r}", file=sys.stderr)
        code = 0 if shown and waiting is None and _draws_a_page() else 3
        # exit() ends the dialog's own loop too, but start-up may then go on into the main
        # loop: keep asking until the program is out.
        again = QTimer(app)
        again.timeout.connect(lambda: app.exit(code))
        again.start(200)
        app.exit(code)

    def _draws_a_page() -> bool:
        from bluebook_desktop.domain import Book
        from bluebook_desktop.formats.pdf import render_pdf
        from bluebook_desktop.ui.printing import PdfPages

        try:
            return not PdfPages(render_pdf(Book())).image(0, 20).isNull()
        except Exception as exc:  # noqa: BLE001 - the verdict, not a crash, is what is wanted
            print(f"the print preview cannot draw a page: {exc!r}", file=sys.stderr)
            return False

    QTimer.singleShot(milliseconds, verdict)


if __name__ == "__main__":
    # The live preview lays out in a spawned process: in the frozen program that process is
    # this executable again, which must run the layout, not open a second window.
    multiprocessing.freeze_support()
    smoke = os.environ.get("BLUEBOOK_SMOKE_QUIT_MS", "")
    if smoke.isdigit():
        _quit_after(int(smoke))
    sys.exit(main())
