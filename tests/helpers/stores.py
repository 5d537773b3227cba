"""A repository opened on its own (no start-up checks, no daily backup), as a store that
closes it: for tests of the repository, the schema and the files beside the database."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from bluebook_desktop.db import open_repository
from bluebook_desktop.db.store import SqliteStore


def opened(
    path: str | os.PathLike[str], before_upgrade: Callable[[], None] | None = None
) -> SqliteStore:
    return SqliteStore(Path(path), open_repository(Path(path), before_upgrade=before_upgrade))
