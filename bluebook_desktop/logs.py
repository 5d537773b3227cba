"""Logging to a rotating file in the log folder: a windowed program has no console."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "bluebook.log"


def setup(log_dir: Path) -> Path | None:
    """Log to log_dir/bluebook.log (1 MB × 5 files); returns the file, or None if unwritable."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only profile must not stop the program from starting
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_dir / LOG_NAME
