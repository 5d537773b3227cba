"""A child process of benchmarks/run.py: one window shown, closed right after its first paint.

    python benchmarks/child.py window     the program (bluebook_desktop.app.main), last book open
    python benchmarks/child.py baseline   a bare PySide6 main window with three tabs

Prints one JSON line: the wall-clock time the window was painted and closed (the parent
started its clock before starting this process), the peak memory, and which heavy modules
were loaded. Imports only the standard library before the window's own code runs.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(role: str) -> None:
    report: dict[str, object] = {}
    # Both record the moment their window's first paint event arrives, and quit right after.
    report["painted"] = bare_window() if role == "baseline" else program()
    report["rss_kb"] = peak_rss_kb()
    heavy = ("reportlab", "docx", "lxml", "alembic", "mako")
    report["modules"] = [name for name in heavy if name in sys.modules]
    print(json.dumps(report), flush=True)
    os._exit(0)  # what the program does after its window shows is not measured


def program() -> float:
    """bluebook_desktop.app.main as started by a clerk; BLUEBOOK_QUIT_AFTER_PAINT ends it."""
    if not sys.platform.startswith("linux"):
        # Settings (the last open book) from the run's file, never the user's own (the
        # registry on Windows). On Linux XDG_CONFIG_HOME points QSettings there already;
        # elsewhere this imports Qt early, before main() would.
        from bluebook_desktop.ui.settings import Settings

        settings_file = Path(os.environ["BLUEBOOK_BENCH_SETTINGS"])

        def for_paths(cls: type[Settings], _paths: object) -> Settings:
            return cls.in_file(settings_file)

        Settings.for_paths = classmethod(for_paths)  # type: ignore[method-assign, assignment]
    from bluebook_desktop.app import QUIT_AFTER_PAINT, main

    os.environ[QUIT_AFTER_PAINT] = "1"
    if main([]) != 0:
        sys.exit("the program did not start")
    from PySide6.QtWidgets import QApplication

    # What the program does right after the paint (the quick start defers it): open the
    # database and read the book through it, so the peak memory counts all of it.
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
    open_now = getattr(window.repository, "open_now", None)
    if open_now is not None:
        open_now().load(window.session.book.id)
    return float(QApplication.instance().property("painted_at"))


def bare_window() -> float:
    """A PySide6 main window with three tabs, closed right after its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget(window)
    for name in ("一", "二", "三"):
        tabs.addTab(QLabel(name), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)

    painted: list[float] = []

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                painted.append(time.time())
                QTimer.singleShot(0, window.close)
            return False

    window.installEventFilter(Painted(window))
    window.show()
    app.exec()
    return painted[0]


def peak_rss_kb() -> float | None:
    """The peak resident memory of this process, in KB (None where it cannot be read).

    Linux keeps ru_maxrss across exec: a child started by vfork reports its parent's peak if
    that was higher. VmHWM belongs to this program's own memory, so it is read first.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform == "darwin" else float(peak)  # macOS counts bytes


if __name__ == "__main__":
    main(sys.argv[1])
