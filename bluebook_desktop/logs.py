"""Logging to a rotating file in the log folder: a windowed program has no console."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "bluebook.log"
MAX_BYTES = 1_000_000  # one file's size before it is rotated
BACKUPS = 5  # bluebook.log.1 … bluebook.log.5 are kept


class _FileHandler(logging.FileHandler):
    """A log file rotated as logging.handlers.RotatingFileHandler does, that can never break
    the program.

    A second window rotating the same file on Windows, a full disk: the record is dropped,
    nothing is printed on a console the CLI keeps for one plain line. Rotation is done here
    because logging.handlers brings socket, pickle and queue into every start of the window.
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
            super().emit(record)
        except Exception:  # noqa: BLE001 - logging's own contract: never raise from emit
            self.handleError(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        if self.stream.tell() + len(self.format(record) + self.terminator) < self.max_bytes:
            return False
        return os.path.isfile(self.baseFilename)  # never "rotate" a device or a pipe

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None  # type: ignore[assignment] - reopened by FileHandler.emit
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            older, newer = f"{base}.{index}", f"{base}.{index + 1}"
            if os.path.exists(older):
                if os.path.exists(newer):
                    os.remove(newer)
                os.rename(older, newer)
        first = f"{base}.1"
        if os.path.exists(first):
            os.remove(first)
        os.rename(base, first)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def setup(log_dir: Path) -> Path | None:
    """Log to log_dir/bluebook.log (1 MB × 5 files); returns the file, or None if unwritable.

    Called again (tests, the CLI after the window), it replaces the handler it made before.
    """
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "_bluebook", False)]:
        root.removeHandler(old)
        old.close()
    handler: logging.Handler
    path: Path | None = log_dir / LOG_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = _FileHandler(path, MAX_BYTES, BACKUPS)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        # A read-only profile must not stop the program from starting, and warnings must
        # not fall through to Python's last-resort printing on stderr.
        handler, path = logging.NullHandler(), None
    handler._bluebook = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
