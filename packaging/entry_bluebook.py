"""Frozen entry point of the window (bluebook / bluebook.exe, windowed).

On Linux the same program is also the command line: `bluebook-cli` is a symbolic link to it
(one executable with its code archive instead of two, 12 MB less), and a program started by
that name runs bluebook_desktop.cli. Windows needs a console program of its own for that.

BLUEBOOK_SMOKE_QUIT_MS=N is for the release smoke run only (packaging/build.py): the window
starts as usual and, N ms later, the program exits 0 if its main window is showing and the
print preview can draw a page (PDFium is loaded by ctypes, which the build cannot check), else 3.
With BLUEBOOK_SMOKE_PAGES=1 as well, it first shows every page of the open book, the print
preview, the settings dialog, 收集与汇总 and the live preview (laid out in its own process),
draws each, and prints one line "pages: NAME NAME ..." of what it drew (tests/test_frozen.py):
what a frozen program lacks (a module imported only by a page, a Qt plugin, the preview's
process) shows only when that page is built.
"""

import multiprocessing
import os
import sys
import time
from pathlib import Path

CLI_NAME = "bluebook-cli"


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
        drawn = _draws_a_page() and (not os.environ.get("BLUEBOOK_SMOKE_PAGES") or _every_page())
        code = 0 if shown and waiting is None and drawn else 3
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

    def _every_page() -> bool:
        from PySide6.QtWidgets import QWidget

        from bluebook_desktop.formats.pdf import render_pdf
        from bluebook_desktop.ui.printing import PreviewDialog
        from bluebook_desktop.ui.settings_dialog import SettingsDialog

        window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
        drawn: list[str] = []

        def draw(widget: QWidget, name: str) -> None:
            widget.show()
            app.processEvents()
            if not widget.grab().isNull():
                drawn.append(name)

        try:
            tabs = window.ui.tabs
            for index, page in enumerate(window.pages):  # every page built, in tab order
                tabs.setCurrentIndex(index)
                draw(tabs.widget(index), type(page).__name__)
            preview = PreviewDialog(render_pdf(window.session.book), window)
            draw(preview, type(preview).__name__)
            preview.close()
            dialog = SettingsDialog(window.settings, window)
            draw(dialog, type(dialog).__name__)
            dialog.close()
            collection = window.collection.show_window()  # 收集与汇总, with 全年一览
            draw(collection, type(collection).__name__)
            collection.close()
            # The live preview: laid out by the program started again as its own process.
            window.show_preview(True)
            preview = window.preview
            deadline = time.monotonic() + 60
            while preview is not None and not preview.widget.page_count():
                if time.monotonic() > deadline:
                    print("the live preview laid out nothing in 60 s", file=sys.stderr)
                    break
                app.processEvents()
                time.sleep(0.05)
            if preview is not None and preview.widget.page_count() > 0:
                draw(preview.widget, type(preview.widget).__name__)
        except Exception as exc:  # noqa: BLE001 - the verdict, not a crash, is what is wanted
            print(f"a page cannot be shown: {exc!r}", file=sys.stderr)
            return False
        print("pages: " + " ".join(drawn), flush=True)
        return True

    QTimer.singleShot(milliseconds, verdict)


def _started_as_cli() -> bool:
    return Path(sys.argv[0]).name.removesuffix(".exe") == CLI_NAME


if __name__ == "__main__":
    # The live preview lays out in a spawned process: in the frozen program that process is
    # this executable again, which must run the layout, not open a second window.
    multiprocessing.freeze_support()
    if _started_as_cli():
        from bluebook_desktop.cli import main as cli_main

        sys.exit(cli_main())
    from bluebook_desktop.app import main

    smoke = os.environ.get("BLUEBOOK_SMOKE_QUIT_MS", "")
    if smoke.isdigit():
        _quit_after(int(smoke))
    sys.exit(main())
