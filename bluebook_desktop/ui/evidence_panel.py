"""The supporting files (佐证材料) of one report or review: listed, added, opened, removed.

Files are added with 添加… or dropped on the list (or on a row of the table above it): each is
read and accepted by content (formats.evidence), its bytes go into the database, and the page
makes one edit of the book with the new records. A refused file changes nothing; of several
files the accepted ones are added and the refusals are listed in one message. Opening writes
the bytes to a temporary folder under the file's own name and hands it to the system viewer.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bluebook_desktop.db.store import failure_reason
from bluebook_desktop.domain.year import Evidence
from bluebook_desktop.errors import UserError, os_reason
from bluebook_desktop.formats.evidence import Supporting, read_supporting
from bluebook_desktop.ui.clicks import on_click_once
from bluebook_desktop.ui.messages import user_text
from bluebook_desktop.ui.year_model import size_text

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository

log = logging.getLogger(__name__)


class EvidenceFiles(Protocol):
    """Where the bytes of supporting files are kept (the book's database)."""

    def put(self, data: bytes, media_type: str) -> str: ...

    def data(self, sha256: str) -> bytes: ...


class RepositoryFiles:
    """The bytes in the book's database, deduplicated by SHA-256."""

    def __init__(self, repository: Repository) -> None:
        self._repository = repository

    def put(self, data: bytes, media_type: str) -> str:
        return self._repository.put_evidence(data, media_type)

    def data(self, sha256: str) -> bytes:
        return self._repository.evidence_data(sha256)


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (a web link or a text is not a file)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDrops(QObject):
    """Lets files be dropped on a widget (a table's viewport): calls `dropped` with them and
    the drop's position."""

    def __init__(self, widget: QWidget, dropped: Callable[[list[Path], QDropEvent], None]) -> None:
        super().__init__(widget)
        self._dropped = dropped
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDropEvent
        ):
            if local_files(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = local_files(event.mimeData())
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self._dropped(paths, event)
                return True
        return False


class EvidencePanel(QWidget):
    """The files of the selected row: name and size, 添加… / 打开 / 删除, drops."""

    #: Records of files accepted and stored, to be added to the selected row.
    added = Signal(list)
    #: The record the clerk removed from the selected row.
    removed = Signal(object)

    def __init__(
        self,
        files: EvidenceFiles,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.files = files
        self.today = today
        self._records: tuple[Evidence, ...] = ()
        self._numbers: dict[str, int] = {}
        self._open_folder: Path | None = None
        #: The last file written for the system viewer (for the clerk: where it is).
        self.last_opened: Path | None = None
        #: Hands a file to the system's viewer.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl

        self.title = QLabel(self)
        self.list = QTableWidget(0, 2, self)
        self.list.setHorizontalHeaderLabels([self.tr("佐证材料"), self.tr("大小")])
        self.list.verticalHeader().setVisible(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.doubleClicked.connect(lambda _index: self.open_selected())
        remove = QAction(self.tr("删除"), self.list)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.list.addAction(remove)
        self.hint = QLabel(self.tr("可把文件拖到这里或拖到上面的任务行上。"), self)
        self.hint.setStyleSheet("color: palette(mid);")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.add_button = QPushButton(self.tr("添加…"), self)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        on_click_once(self.remove_button, self.remove_selected)  # a double click: one file
        buttons = QVBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        self._drops = FileDrops(self.list.viewport(), lambda paths, _event: self.add_paths(paths))
        self.set_records(None, "")

    # --- what is shown ---

    def set_records(
        self,
        records: Sequence[Evidence] | None,
        title: str,
        numbers: dict[str, int] | None = None,
    ) -> None:
        """Show `records` (None: no row is selected, nothing can be added) under `title`;
        `numbers` are the files' numbers in the book (domain.year.book_evidence)."""
        self._records = tuple(records or ())
        self._numbers = numbers or {}
        self.setEnabled(records is not None)
        self.title.setText(title)
        current = self.list.currentRow()
        self.list.setRowCount(len(self._records))
        for at, record in enumerate(self._records):
            number = self._numbers.get(record.sha256)
            name = f"{number}. {record.name}" if number else record.name
            name_item = QTableWidgetItem(name)
            name_item.setToolTip(record.name)
            size_item = QTableWidgetItem(size_text(record.size))
            size_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.setItem(at, 0, name_item)
            self.list.setItem(at, 1, size_item)
        if self._records:
            self.list.selectRow(min(max(current, 0), len(self._records) - 1))
        self._update_buttons()

    def records(self) -> tuple[Evidence, ...]:
        return self._records

    def selected(self) -> Evidence | None:
        row = self.list.currentRow()
        return self._records[row] if 0 <= row < len(self._records) else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- adding ---

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("添加佐证材料"),
            "",
            self.tr("佐证材料 (*.pdf *.jpg *.jpeg *.png *.ofd *.docx *.xlsx);;所有文件 (*)"),
        )
        if names:
            self.add_paths([Path(name) for name in names])

    def add_paths(self, paths: Iterable[Path]) -> list[Evidence]:
        """Read, accept and store each file; the accepted ones go out with `added`."""
        accepted: list[Supporting] = []
        refusals: list[str] = []
        for path in paths:
            try:
                supporting = read_supporting(path, self.today())
                self.files.put(supporting.data, supporting.record.media_type)
            except UserError as exc:
                refusals.append(user_text(exc))
                continue
            except OSError as exc:
                log.warning("supporting file %s not read: %s", path, exc)
                refusals.append(self.tr("无法读取文件 {0}：{1}").format(path.name, os_reason(exc)))
                continue
            except Exception as exc:  # the database could not take the bytes
                reason = failure_reason(exc)
                if reason is None:
                    raise
                log.exception("supporting file %s not stored", path)
                refusals.append(self.tr("“{0}”没能存入数据库：{1}").format(path.name, reason))
                continue
            accepted.append(supporting)
        known = {record.sha256 for record in self._records}
        records = []
        for supporting in accepted:
            if supporting.record.sha256 not in known:  # the same file twice: kept once
                known.add(supporting.record.sha256)
                records.append(supporting.record)
        if len(refusals) > 1:
            text = self.tr("以下 {0} 个文件没有添加：").format(len(refusals))
            self.show_message("\n".join([text, *(f"· {line}" for line in refusals)]))
        else:
            self.show_message(refusals[0] if refusals else "")
        if records:
            self.added.emit(records)
        return records

    # --- opening and removing ---

    def open_selected(self) -> Path | None:
        """Write the selected file to a temporary folder and open it in the system viewer."""
        record = self.selected()
        if record is None:
            return None
        try:
            data = self.files.data(record.sha256)
            if self._open_folder is None or not self._open_folder.is_dir():
                self._open_folder = Path(tempfile.mkdtemp(prefix="bluebook-evidence-"))
                _remove_at_quit(self._open_folder)
            folder = self._open_folder / record.sha256[:12]  # two files of one name
            folder.mkdir(exist_ok=True)
            path = folder / _safe_name(record.name)
            path.write_bytes(data)
        except UserError as exc:
            self.show_message(user_text(exc))
            return None
        except OSError as exc:
            log.warning("supporting file %s not written: %s", record.name, exc)
            self.show_message(self.tr("无法打开“{0}”：{1}").format(record.name, os_reason(exc)))
            return None
        self.show_message("")
        self.last_opened = path
        self.open_url(QUrl.fromLocalFile(str(path)))
        return path

    def remove_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.show_message("")
            self.removed.emit(record)


def _remove_at_quit(folder: Path) -> None:
    """The copies made for the viewer go when the program quits (a file the viewer still
    holds open stays; the system's temporary folder is cleaned in time)."""
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: shutil.rmtree(folder, ignore_errors=True))


def _safe_name(name: str) -> str:
    """The file's own name, with nothing that could leave the folder it is written to."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    cleaned = "".join("_" if ch in '<>:"|?*' or ord(ch) < 32 else ch for ch in base)
    return cleaned or "file"
