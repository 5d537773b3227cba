"""Collecting from the window: a folder, a zip or files read in one go, with a progress
dialog that can be cancelled between files, one question for a resubmission without uid
(替换 / 全部替换 / 跳过), and the report of every file, to copy or save as text.

The files are read in the window's thread one at a time, the window's events handled
between them: a file is read and stored in a moment, and a question asked in the middle
of a collect needs the window anyway. Each book is stored whole or not at all
(formats.collecting), so cancelling never leaves half a book.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.domain import Book
from bluebook_desktop.domain.collection import StoredCopy
from bluebook_desktop.domain.year import Supporting
from bluebook_desktop.errors import UserError, os_reason
from bluebook_desktop.formats.collecting import (
    IMPORTED,
    KEPT_FOLDER,
    REFUSED,
    REPLACED,
    Collected,
    Outcome,
    collect,
    count_files,
)
from bluebook_desktop.ui.messages import show_error

if TYPE_CHECKING:
    from bluebook_desktop.ui.workspace import Workspace

REPLACE, REPLACE_ALL, SKIP = "replace", "replace_all", "skip"
translate = QCoreApplication.translate


def ask_replace(parent: QWidget | None, book: Book, stored: StoredCopy) -> str:
    """替换, 全部替换 or 跳过 for a file whose unit and year match a stored book."""
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("CollectDialog", "重新报送？"), "", parent=parent
    )
    box.setText(
        translate(
            "CollectDialog",
            "已有“%1”%2 年的蓝皮书（编号 %3）。收到的文件是否是重新报送的版本，替换原来的版本？",
        )
        .replace("%1", book.cover.unit_name)
        .replace("%2", str(book.cover.year))
        .replace("%3", str(stored.id))
    )
    box.setInformativeText(translate("CollectDialog", "被替换的版本会另存一份，不会丢失。"))
    replace = box.addButton(translate("CollectDialog", "替换"), QMessageBox.ButtonRole.AcceptRole)
    replace_all = box.addButton(
        translate("CollectDialog", "全部替换"), QMessageBox.ButtonRole.AcceptRole
    )
    skip = box.addButton(translate("CollectDialog", "跳过"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(skip)
    box.setEscapeButton(skip)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is replace:
        return REPLACE
    if clicked is replace_all:
        return REPLACE_ALL
    return SKIP


class _WindowShelf:
    """The repository as a collect stores into it from the window: a resubmission that
    replaces the book open in the editors closes it first (its edits were stored), as an
    import that replaces it does."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.repository = workspace.repository

    def stored_copies(self) -> list[StoredCopy]:
        return self.repository.stored_copies()

    def load(self, book_id: int) -> Book:
        return self.repository.load(book_id)

    def has_evidence(self, sha256: str) -> bool:
        return self.repository.has_evidence(sha256)

    def evidence_data(self, sha256: str) -> bytes:
        return self.repository.evidence_data(sha256)

    def add(
        self, book: Book, files: Iterable[Supporting] = (), replacing: int | None = None
    ) -> Book:
        session = self.workspace.session
        if session is not None and replacing is not None and session.book.id == replacing:
            self.workspace.close()
        return self.repository.add(book, files, replacing=replacing)


class Collecting:
    """One collect from the window: its progress dialog, its questions, its outcome."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget,
        ask: Callable[[QWidget | None, Book, StoredCopy], str] = ask_replace,
    ) -> None:
        self.workspace = workspace
        self.parent = parent
        self._ask = ask
        self._replace_all = False
        self.progress: QProgressDialog | None = None
        self._done = 0

    @property
    def kept(self) -> Path:
        return self.workspace.paths.database.parent / KEPT_FOLDER

    def run(self, paths: Sequence[Path]) -> Collected:
        self.workspace.store_now()  # the open book's edits first: a collect may replace it
        total = count_files(paths)
        progress = QProgressDialog(
            translate("CollectDialog", "正在读取文件…"),
            translate("CollectDialog", "取消"),
            0,
            max(total, 1),
            self.parent,
        )
        progress.setWindowTitle(translate("CollectDialog", "收集蓝皮书"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        self.progress = progress
        try:
            result = collect(
                list(paths),
                _WindowShelf(self.workspace),
                self.kept,
                progress=self._step,
                cancelled=self._cancelled,
                ask_replace=self._replace,
            )
        finally:
            progress.close()
            progress.deleteLater()
            self.progress = None
        self.workspace.reload()  # the book list and the collection view show the new books
        return result

    def _step(self, outcome: Outcome) -> None:
        self._done += 1
        if self.progress is not None:
            self.progress.setValue(min(self._done, self.progress.maximum()))
            self.progress.setLabelText(
                translate("CollectDialog", "已处理 %1 个文件：%2")
                .replace("%1", str(self._done))
                .replace("%2", Path(outcome.name).name)
            )
        QApplication.processEvents()

    def _cancelled(self) -> bool:
        QApplication.processEvents()  # the cancel button's click, between two files
        return self.progress is not None and self.progress.wasCanceled()

    def _replace(self, book: Book, stored: StoredCopy) -> bool:
        if self._replace_all:
            return True
        answer = self._ask(self.parent, book, stored)
        self._replace_all = answer == REPLACE_ALL
        return answer in (REPLACE, REPLACE_ALL)


def report_text(result: Collected, kept: Path | None = None) -> str:
    """The report: a line a file (its name and what became of it), then the counts."""
    lines = [f"{o.name}\t{o.text(translate)}".replace("\n", " ") for o in result.outcomes]
    lines.append("")
    lines.append(
        translate("CollectDialog", "共 %1 个文件：导入 %2，替换 %3，未导入 %4。")
        .replace("%1", str(len(result.outcomes)))
        .replace("%2", str(result.count(IMPORTED)))
        .replace("%3", str(result.count(REPLACED)))
        .replace("%4", str(result.count(REFUSED)))
    )
    if result.count(REPLACED) and kept is not None:
        lines.append(translate("CollectDialog", "被替换的版本保存在 %1。").replace("%1", str(kept)))
    if result.cancelled:
        lines.append(translate("CollectDialog", "收集已取消：其余文件没有读取。"))
    return "\n".join(lines)


class ReportDialog(QDialog):
    """What became of every file, a row each, to read, copy or save as a text file."""

    def __init__(self, result: Collected, kept: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CollectDialog", "收集结果"))
        self.result_ = result
        self.report = report_text(result, kept)  # what is copied and saved
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes = self.report.split("\n\n", 1)[-1] if "\n\n" in self.report else ""
        self.summary.setText(notes.replace("\n", " "))
        self.table = QTableWidget(len(result.outcomes), 2, self)
        self.table.setHorizontalHeaderLabels(
            [translate("CollectDialog", "文件"), translate("CollectDialog", "结果")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        refused = QBrush(QColor("#fbe3e1"))
        for number, outcome in enumerate(result.outcomes):
            name = QTableWidgetItem(outcome.name)
            name.setToolTip(outcome.name)
            status = QTableWidgetItem(outcome.text(translate).replace("\n", " "))
            status.setToolTip(status.text())
            if outcome.status == REFUSED:
                name.setBackground(refused)
                status.setBackground(refused)
            self.table.setItem(number, 0, name)
            self.table.setItem(number, 1, status)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("国") * 24)
        self.copy_button = QPushButton(translate("CollectDialog", "复制"), self)
        self.save_button = QPushButton(translate("CollectDialog", "另存为文本…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("CollectDialog", "关闭")
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)

    def save(self) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("CollectDialog", "保存收集结果"),
            translate("CollectDialog", "收集结果.txt"),
            translate("CollectDialog", "文本文件 (*.txt)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".txt":
            target = target.with_name(target.name + ".txt")
        try:
            from bluebook_desktop.formats.files import write_atomically

            # With a BOM and CRLF, as Notepad on a Chinese Windows reads it right.
            data = self.report.replace("\n", "\r\n")
            write_atomically(target, "\ufeff".encode() + data.encode("utf-8"))
        except OSError as exc:
            reason = translate("CollectDialog", "无法写入文件（%1）。").replace(
                "%1", os_reason(exc)
            )
            show_error(self, translate("CollectDialog", "保存失败"), reason)
            return None
        except UserError as exc:
            show_error(self, translate("CollectDialog", "保存失败"), exc)
            return None
        return target
