"""Start-up of the window: arguments -> paths -> logging -> database -> window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from bluebook_desktop import DISPLAY_NAME, __version__, logs, paths
from bluebook_desktop.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bluebook_desktop.db.store import Store
    from bluebook_desktop.ui.workspace import Workspace

STARTED_AT = time.time()  # close enough to the process start: this module is imported first
log = logging.getLogger(__name__)
# Set (to 1) by benchmarks/run.py: the program quits as soon as its window is painted, and
# does nothing else after the paint (the database behind the quick read is not opened).
QUIT_AFTER_PAINT = "BLUEBOOK_QUIT_AFTER_PAINT"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    given = sys.argv[1:] if argv is None else list(argv)
    if not given:  # the usual start, from the menu: what the parser gives, without building it
        return argparse.Namespace(db=None, new_window=False, file=None)
    return build_parser().parse_args(given)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bluebook", description=DISPLAY_NAME)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件")
    parser.add_argument(
        "--new-window", action="store_true", help="另开一个窗口，即使已有窗口在使用这个数据库"
    )
    parser.add_argument("file", nargs="?", type=Path, help="要导入并打开的蓝皮书文件")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    found = paths.resolve(args.db)
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
    fonts.use_ui_font(app)
    fonts.use_readable_hints(app)
    _install_exception_hook(log_file)

    if settings.server and not (args.db or os.environ.get(paths.DB_ENV)):
        # The settings dialog's database server, unless --db or BLUEBOOK_DB names another.
        from dataclasses import replace

        found = replace(found, url=settings.server)

    from bluebook_desktop.db.store import check_supported

    try:
        check_supported(found.location)  # before anything is created beside it
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox

        from bluebook_desktop.ui.messages import program_name, user_text

        QMessageBox.critical(None, program_name(), user_text(exc))
        return 2

    from bluebook_desktop.ui.single_instance import SingleInstance

    instance = SingleInstance(found.database, app)
    if not args.new_window and not instance.acquire() and instance.hand_over(args.file):
        log.info("another window uses %s: asked it to come forward", found.database)
        return 0

    # Without a file to import, the window paints the last book from a quick read of the
    # database and SQLAlchemy is loaded just after: the clerk sees the book sooner.
    store = _open_database(found, settings.last_book_id() if not args.file else None)
    if store is None:
        return 2

    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.workspace import Workspace

    workspace = Workspace(store, settings, found)
    window = MainWindow(workspace, shortcut_filter_later=True)
    from bluebook_desktop.ui.shutdown import Shutdown

    # SIGTERM/SIGINT, the session ending, any quit: what was typed is stored first.
    shutdown = Shutdown(app, workspace.store_now)
    window.show()
    after_paint: list[Callable[[], object]] = [window.install_shortcut_filter]
    if os.environ.get(QUIT_AFTER_PAINT):
        after_paint.append(window.close)  # the last window closing quits
    else:
        after_paint.append(window.build_pages)  # the pages behind the tabs not shown first
        if not store.is_open:
            after_paint.append(lambda: _finish_opening(store, window))
        after_paint.append(lambda: _forget_unused_files(store))
    _after_first_paint(window, after_paint)
    instance.requested.connect(lambda file: _come_forward(window, workspace, file))
    if args.file:
        workspace.import_file(args.file)
    try:
        return app.exec()
    finally:
        shutdown.uninstall()
        instance.release()


def _come_forward(window: QWidget, workspace: Workspace, file: Path | None) -> None:
    """A second start on this database: show this window in front, open its FILE."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if file is not None:
        workspace.import_file(file)


def _open_database(found: paths.Paths, last_book_id: int | None) -> Store | None:
    """Check the database, then open it, or only read it for now when it is ready to use;
    None when the user was told why not."""
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop.db.store import OpeningStopped, PasswordNeeded, open_store
    from bluebook_desktop.ui.messages import program_name, user_text
    from bluebook_desktop.ui.recovery import offer_recovery

    password: str | None = None  # a server's, typed by the user
    asked = 0
    while True:
        try:
            return open_store(
                found.location,
                start_book=last_book_id,
                on_damaged=offer_recovery,
                password=password,
            )
        except OpeningStopped:
            return None
        except PasswordNeeded as exc:
            asked += 1
            if asked > PASSWORD_TRIES:
                QMessageBox.critical(None, program_name(), user_text(exc))
                return None
            password = ask_password(user_text(exc))
            if password is None:
                return None
        except UserError as exc:
            QMessageBox.critical(None, program_name(), user_text(exc))
            return None


PASSWORD_TRIES = 3


def ask_password(problem: str) -> str | None:
    """The server's password, asked once (it is then kept in the system's credential store,
    never in the settings); None when the user cancels."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from bluebook_desktop.ui.messages import program_name

    dialog = QInputDialog()
    dialog.setWindowTitle(program_name())
    dialog.setLabelText(
        problem
        + "\n\n"
        + QCoreApplication.translate(
            "app", "请输入数据库服务器的密码（保存在系统的凭据管理器中，不写入设置）："
        )
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setObjectName("passwordDialog")
    if not dialog.exec():
        return None
    return dialog.textValue()


def _finish_opening(store: Store, window: QWidget) -> None:
    """After the first paint: open the database behind the quick read, or say why not."""
    from PySide6.QtWidgets import QMessageBox

    from bluebook_desktop.ui.messages import program_name, user_text

    try:
        store.finish_opening()
    except UserError as exc:
        QMessageBox.critical(window, program_name(), user_text(exc))
        window.close()


def _forget_unused_files(store: Store) -> None:
    """Drop the bytes of supporting files no book names any more (removed a day or more
    ago): off the start-up path, and never a reason to stop."""
    if not store.is_open:
        return
    try:
        forgotten = store.repository.forget_unused_evidence()
    except Exception:  # noqa: BLE001 - tidying only: the next start tries again
        log.warning("unused supporting files not tidied now", exc_info=True)
        return
    if forgotten:
        log.info("%d supporting files no book names were dropped", forgotten)


def _after_first_paint(window: QWidget, then: list[Callable[[], object]]) -> None:
    """Note when the window is first painted (in the log, and as the application's
    `painted_at` property for benchmarks/), then run `then` in order."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                now = time.time()
                QApplication.instance().setProperty("painted_at", now)
                log.info("window painted %.0f ms after start", 1000 * (now - STARTED_AT))
                for callback in then:
                    QTimer.singleShot(0, callback)  # after this paint has finished
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

        from bluebook_desktop.ui.messages import user_text

        if QApplication.instance() is None:
            traceback.print_exception(kind, value, tb)
            return
        if showing:
            return
        text = QCoreApplication.translate(
            "app",
            "程序遇到意外错误：%1\n\n已输入的内容仍在窗口中，会照常自动保存，可以继续使用。\n详细信息已记录在日志：%2",
        )
        from bluebook_desktop.db.store import describe

        plain = describe(value)
        reason = (
            user_text(plain)
            if plain is not None
            else QCoreApplication.translate("app", "程序内部错误")
        )
        text = text.replace("%1", reason)
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
