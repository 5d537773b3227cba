"""Nothing lost: backups from the 文件 menu, restoring one, and a save refused by a conflict."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from bluebook_desktop.db.store import BACKUP_SUFFIX, DamagedDatabase, Recovery
from bluebook_desktop.domain import Book
from bluebook_desktop.errors import UserError, os_reason
from bluebook_desktop.paths import Paths, check_output
from bluebook_desktop.ui.messages import confirm, program_name, show_error, user_text

if TYPE_CHECKING:
    from bluebook_desktop.db.store import Store
    from bluebook_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)

RECOVERED = "recovered"


def keep_unsaved(book: Book, folder: Path) -> Path:
    """Write a version the database refused to a portable file; returns where."""
    from bluebook_desktop.formats.portable import SUFFIX, write_portable
    from bluebook_desktop.ui.book_actions import file_stem

    _make_folder(folder)
    stem = f"{file_stem(book)}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    path = folder / f"{stem}{SUFFIX}"
    number = 1
    while path.exists():  # two refusals within a second keep two files
        number += 1
        path = folder / f"{stem}-{number}{SUFFIX}"
    write_portable(book, path, keep_everything=True)
    return path


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            "无法创建文件夹 {folder}：{reason}", folder=str(folder), reason=os_reason(exc)
        ) from exc


def pending_file(book_id: int, folder: Path) -> Path:
    """Where the edits of a book that could not be stored yet are kept (one file a book)."""
    from bluebook_desktop.formats.portable import SUFFIX

    return folder / f"未保存-{book_id}{SUFFIX}"


def keep_pending(book: Book, folder: Path) -> Path:
    """Keep the edits the database could not take now (a server out of reach) in a file on
    this computer, replaced at each failed store; gone once they are stored."""
    from bluebook_desktop.formats.portable import write_portable

    assert book.id is not None
    _make_folder(folder)
    path = pending_file(book.id, folder)
    write_portable(book, path, keep_everything=True)
    return path


def drop_pending(book_id: int, folder: Path) -> None:
    """The book's edits are stored: their file on this computer is no longer needed."""
    try:
        pending_file(book_id, folder).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove the file of stored edits: %s", os_reason(exc))


def offer_recovery(error: DamagedDatabase) -> Recovery:
    """At start-up the database was found damaged and moved aside: what now?

    With a good backup: restore it or quit. Without one: start on a new empty database
    (the damaged file stays where it was moved) or quit (None).
    """
    box = QMessageBox(QMessageBox.Icon.Critical, program_name(), user_text(error))
    restore_button = empty_button = None
    if error.newest_backup is not None:
        box.setInformativeText(
            QCoreApplication.translate(
                "recovery", "可以从这个备份恢复；备份之后所做的修改无法找回。"
            )
        )
        restore_button = box.addButton(
            QCoreApplication.translate("recovery", "从备份恢复"), QMessageBox.ButtonRole.AcceptRole
        )
    else:
        box.setInformativeText(
            QCoreApplication.translate(
                "recovery",
                "损坏的文件已保留，可交给技术人员尝试修复。也可以先用一个新的空数据库继续工作。",
            )
        )
        empty_button = box.addButton(
            QCoreApplication.translate("recovery", "使用新的空数据库"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    quit_button = box.addButton(
        QCoreApplication.translate("recovery", "退出"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is not None and clicked is empty_button:
        return "empty"
    if clicked is None or clicked is not restore_button or error.newest_backup is None:
        return None
    return "restore"


class RecoveryActions(QObject):
    """Backups and restores of a workspace's store, and keeping a refused save; `parent` is
    the widget their dialogs belong to."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent
        workspace.conflicted.connect(self.store_conflicted)

    @property
    def paths(self) -> Paths:
        return self.workspace.paths

    @property
    def store(self) -> Store:
        return self.workspace.store

    # --- the 文件 menu ---

    def backup_now(self) -> None:
        """备份: a copy where the clerk chooses (a USB stick), the backups folder by default.

        A database file is copied whole; every book with its files can also be written as
        one .bluebooks.zip, which any database restores, and which is the only backup the
        program makes of a server's books (the rest is the server's business)."""
        from bluebook_desktop.formats.archive import is_archive

        self.workspace.store_now()
        whole_books = self.tr("全部蓝皮书和佐证材料 (*.bluebooks.zip)")
        if self.store.supports_backup:
            start = self.store.default_backup()
            filters = f"{self.tr('数据库备份 (*.sqlite3)')};;{whole_books}"
        else:
            start = self.paths.backup_dir / f"全部蓝皮书-{dt.datetime.now():%Y%m%d-%H%M}"
            filters = whole_books
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("备份"), str(start), filters
        )
        if not path:
            return
        target = Path(path)
        if is_archive(target) or chosen == whole_books:
            self._backup_books(target)
            return
        if target.suffix.lower() != BACKUP_SUFFIX:
            target = target.with_name(target.name + BACKUP_SUFFIX)
        try:
            self.store.backup(target)
        except UserError as exc:
            show_error(self.parent_widget, self.tr("备份失败"), exc)
            return
        self.workspace.message.emit(self.tr("已备份到：%1").replace("%1", str(target)), 8000)

    def _backup_books(self, target: Path) -> None:
        """Every book into one archive, with a progress dialog that can stop it (then no
        file is left behind)."""
        from bluebook_desktop.formats.archive import SUFFIX, Cancelled, archive_books, is_archive

        if not is_archive(target):
            target = target.with_name(target.name + SUFFIX)
        dialog = QProgressDialog(
            self.tr("正在备份全部蓝皮书……"), self.tr("取消"), 0, 0, self.parent_widget
        )
        dialog.setWindowTitle(self.tr("备份"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def going_on(done: int, total: int) -> bool:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            check_output(target, self.paths)
            count = archive_books(target, self.store.repository, going_on)
        except Cancelled:
            self.workspace.message.emit(self.tr("备份已取消，没有写入文件。"), 8000)
            return
        except UserError as exc:
            show_error(self.parent_widget, self.tr("备份失败"), exc)
            return
        finally:
            dialog.close()
        done = self.tr("已将 %1 本蓝皮书备份到：%2")
        self.workspace.message.emit(done.replace("%1", str(count)).replace("%2", str(target)), 8000)

    def restore(self) -> None:
        """从备份恢复…: the current database is backed up first, then replaced."""
        window, workspace = self.parent_widget, self.workspace
        if not workspace.store_now():
            return
        path, _filter = QFileDialog.getOpenFileName(
            window,
            self.tr("从备份恢复"),
            str(self.paths.backup_dir),
            self.tr("数据库备份 (*.sqlite3);;所有文件 (*)"),
        )
        if not path:
            return
        chosen = Path(path)
        wrong = self.store.backup_problem(chosen)
        if wrong is not None:
            show_error(
                window,
                self.tr("无法恢复"),
                self.tr("无法从这个文件恢复：%1。").replace("%1", wrong),
            )
            return
        when = dt.datetime.fromtimestamp(chosen.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        if not confirm(
            window,
            self.tr("从备份恢复"),
            self.tr("用 %1 的备份替换当前的全部蓝皮书吗？\n\n当前数据库会先备份到：\n%2")
            .replace("%1", when)
            .replace("%2", str(self.paths.backup_dir)),
            self.tr("恢复"),
            self.tr("取消"),
        ):
            return
        book_id = workspace.book.id if workspace.book else None
        workspace.close()
        try:
            saved = self.store.restore(chosen)
        except UserError as exc:
            show_error(window, self.tr("恢复失败"), exc)
            saved = None
        workspace.reload()
        if book_id is not None and workspace.book_list.row_of(book_id) >= 0:
            workspace.open(book_id)
        if saved is not None:
            workspace.message.emit(
                self.tr("已从备份恢复。恢复前的数据库保存在：%1").replace("%1", str(saved)), 15000
            )

    # --- a save refused ---

    def store_conflicted(self, message: str) -> None:
        """Another window stored or deleted the open book: keep ours in a file, reload theirs."""
        window, workspace = self.parent_widget, self.workspace
        book = workspace.book
        if book is None:
            return
        try:
            kept = keep_unsaved(book, self.paths.data_dir / RECOVERED)
        except UserError as exc:
            # The edits stay open in this window: the user can still export them.
            show_error(
                window,
                self.tr("无法保存"),
                self.tr("%1\n\n本窗口的版本也无法另存：%2\n请用“导出蓝皮书文件”把内容另存一份。")
                .replace("%1", message)
                .replace("%2", user_text(exc)),
            )
            return
        log.warning("store refused (%s); this window's version kept in %s", message, kept)
        QMessageBox.warning(
            window,
            self.tr("另一个窗口修改了这本蓝皮书"),
            self.tr(
                "%1\n\n本窗口的版本已另存为：\n%2\n可以用“导入”打开它，与数据库中的版本对照。"
                "\n\n现在显示数据库中的最新版本。"
            )
            .replace("%1", message)
            .replace("%2", str(kept)),
        )
        workspace.close()
        workspace.reload()
        if book.id is not None and workspace.book_list.row_of(book.id) >= 0:
            workspace.open(book.id)
