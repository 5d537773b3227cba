"""Logging to a rotating file in the log folder: a windowed program has no console."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "bluebook.log"


class _FileHandler(logging.handlers.RotatingFileHandler):
    """A log that can never break the program.

    A second window rotating the same file on Windows, a full disk: the record is dropped,
    nothing is printed on a console the CLI keeps for one plain line.
    """

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
        handler = _FileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        # A read-only profile must not stop the program from starting, and warnings must
        # not fall through to Python's last-resort printing on stderr.
        handler, path = logging.NullHandler(), None
    handler._bluebook = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
