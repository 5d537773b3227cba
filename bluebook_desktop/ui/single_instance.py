"""One window per database: a second start hands its FILE to the running window and ends.

Two windows on one database refuse each other's edits as conflicts, so a second start (a
double-click on a .bluebook.json file, the start menu again) brings the running window
forward instead, and that window imports the file it was given. `bluebook --new-window`
still opens a second window on purpose.

Only QtCore is used (the program ships without QtNetwork): the running window holds a
QLockFile beside the database; a later start that finds it held leaves a request file in a
folder beside it, which the running window watches with a QFileSystemWatcher. A lock left
by a program that crashed is taken over (QLockFile checks whether its process still lives).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QTimer, Signal

from bluebook_desktop.domain import new_id

log = logging.getLogger(__name__)
_REQUEST_SUFFIX = ".request"


class SingleInstance(QObject):
    #: A later start asked this window to come forward, with its FILE argument or None.
    requested = Signal(object)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = QLockFile(str(database) + ".window-lock")
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._folder = Path(str(database) + ".requests")
        self._watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """Become the window for this database; False when another running program is.

        A lock that cannot be made at all (a read-only folder: the database checks say
        why) does not stop this start."""
        with contextlib.suppress(OSError):
            self._folder.parent.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            return self._lock.error() != QLockFile.LockError.LockFailedError
        try:
            self._folder.mkdir(exist_ok=True)
        except OSError as exc:
            log.warning("cannot watch for second starts: %s", exc)
            return True
        self._watcher = QFileSystemWatcher([str(self._folder)], self)
        self._watcher.directoryChanged.connect(self._read_requests)
        QTimer.singleShot(0, self._read_requests)  # left while no window was running
        return True

    def hand_over(self, file: Path | None) -> bool:
        """Ask the running window to come forward (and import `file`); False if it cannot
        be asked (then this start opens its own window after all)."""
        try:
            self._folder.mkdir(exist_ok=True)
            name = new_id()
            partial = self._folder / (name + ".partial")
            partial.write_text(str(file.resolve()) if file else "", encoding="utf-8")
            os.replace(partial, self._folder / (name + _REQUEST_SUFFIX))  # seen whole or not
        except OSError as exc:
            log.warning("cannot ask the running window: %s", exc)
            return False
        return True

    def _read_requests(self) -> None:
        try:
            requests = sorted(self._folder.glob("*" + _REQUEST_SUFFIX), key=_modified)
        except OSError:
            return
        for request in requests:
            try:
                text = request.read_text(encoding="utf-8").strip()
                request.unlink()
            except OSError:
                continue
            self.requested.emit(Path(text) if text else None)

    def release(self) -> None:
        self._lock.unlock()


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
