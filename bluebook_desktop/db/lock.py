"""One process at a time creates or upgrades the database: a lock file beside it.

Twenty processes started at once on a new database would otherwise each create the tables,
and the losers would see "table book already exists" (and call a sound file damaged). The
first takes the lock and prepares the file; the others wait, then find it ready. The lock
file is removed once the file is prepared: a process still waiting on the removed file then
finds the schema in place and does nothing, so no second creation can start.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bluebook_desktop.errors import UserError, os_reason

WAIT_SECONDS = 60.0
LOCK_SUFFIX = ".lock"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


@contextmanager
def exclusive(database: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the database's lock file for the block; waits up to `wait` seconds for it."""
    path = lock_path(database)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise UserError(
            "无法打开数据库 {path}：{reason}。", path=str(database), reason=os_reason(exc)
        ) from exc
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise UserError(
                    "无法打开数据库 {path}：{reason}。",
                    path=str(database),
                    reason="另一个程序正在创建或升级它，等待超时",
                )
            time.sleep(0.02)
        try:
            yield
        except BaseException:
            _unlock(fd)
            raise
        # Done: the file is at this program's schema, and whoever still waits for the lock
        # finds nothing to do. The lock file goes, so nothing is left beside the database.
        with contextlib.suppress(OSError):
            path.unlink()
        _unlock(fd)
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)
