"""The checkpoint after a burst of stores, once the window has been idle for a while."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository

# After the last store of a burst: long enough that typing never waits for a checkpoint.
CHECKPOINT_IDLE_MS = 2000


def idle_checkpoint(parent: QObject, repository: Repository) -> QTimer:
    """A timer to (re)start after each store; when it fires, the -wal is checkpointed."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(CHECKPOINT_IDLE_MS)
    timer.timeout.connect(lambda: repository.checkpoint())
    return timer
