"""Start-up of the window: arguments -> paths -> logging -> database -> window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from bluebook_desktop import DISPLAY_NAME, __version__, logs, paths
from bluebook_desktop.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bluebook_desktop.db.repository import Repository

log = logging.getLogger(__name__)
# Set (to 1) by benchmarks/run.py: the program quits as soon as its window is painted.
QUIT_AFTER_PAINT = "BLUEBOOK_QUIT_AFTER_PAINT"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bluebook", description=DISPLAY_NAME)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件")
    parser.add_argument("file", nargs="?", type=Path, help="要导入并打开的蓝皮书文件")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    found = paths.resolve(args.db)
    # The database layer (SQLAlchemy, some 280 modules) before Qt: PySide6's import hook
    # reads the source of every module imported after it, a tenth of a second at start-up.
    from bluebook_desktop.db import backup, health  # noqa: F401

    log_file = logs.setup(found.log_dir)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontCreateNativeWidgetSiblings)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resource("icons", "bluebook.png"))))
    app.setDesktopFileName("bluebook-desktop")  # Linux: packaging/linux/install-user.sh

    from bluebook_desktop.ui import fonts, i18n
    from bluebook_desktop.ui.settings import Settings

    settings = Settings.for_paths(found)
    translators = i18n.install(app, settings.language)  # noqa: F841 - kept alive with app
    fonts.ensure_chinese_font(app)
    _install_exception_hook(log_file)

    repository = _open_database(found)
    if repository is None:
        return 2

    from bluebook_desktop.ui.main_window import MainWindow

    window = MainWindow(repository, settings, found)
    window.show()
    if os.environ.get(QUIT_AFTER_PAINT):
        _quit_after_paint(window)
    if args.file:
        book = window.actions_.read_book(args.file)
        if book is not None:
            stored = repository.add(book)
            window.refresh_books()
            window.open_book(stored.id)
    return app.exec()


def _open_database(found: paths.Paths) -> Repository | None:
    """Check, back up and open the database; None when the user was told why not."""
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop.db import backup, health, open_repository
    from bluebook_desktop.ui.messages import program_name, user_text
    from bluebook_desktop.ui.recovery import offer_recovery

    database, folder = found.database, found.backup_dir
    try:
        try:
            health.check(database, folder)
        except health.DamagedDatabase as exc:
            if not offer_recovery(exc, found):
                return None
        repository = open_repository(
            database, before_upgrade=lambda: backup.before_upgrade(database, folder)
        )
    except UserError as exc:
        QMessageBox.critical(None, program_name(), user_text(exc))
        return None
    try:
        backup.daily(database, folder)
    except UserError as exc:
        log.warning("daily backup failed: %s", exc)  # the next start tries again
    return repository


def _quit_after_paint(window: QWidget) -> None:
    """For benchmarks/run.py: end the program once the window is first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, window.close)  # after this paint; the last window quits
            return False

    window.installEventFilter(Painted(window))


def _install_exception_hook(log_file: Path | None) -> None:
    """An unexpected error shows a dialog and is logged; the program keeps running."""

    showing = False  # an error while the dialog is open is logged, not stacked

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        log.error("unexpected error", exc_info=(kind, value, tb))
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            traceback.print_exception(kind, value, tb)
            return
        if showing:
            return
        text = QCoreApplication.translate(
            "app",
            "程序遇到意外错误：%1\n\n已输入的内容仍在窗口中，会照常自动保存，可以继续使用。\n详细信息已记录在日志：%2",
        )
        text = text.replace("%1", f"{kind.__name__}: {value}")
        text = text.replace(
            "%2",
            str(log_file) if log_file else QCoreApplication.translate("app", "（无法写入日志）"),
        )
        showing = True
        try:
            QMessageBox.critical(None, QCoreApplication.translate("app", "意外错误"), text)
        finally:
            showing = False

    sys.excepthook = hook


if __name__ == "__main__":
    sys.exit(main())
