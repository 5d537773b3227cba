"""Copies of the book database in the `backups` folder beside it, and restoring one.

One copy a day at start-up (the newest 10 are kept), one before every schema upgrade and
one before every restore (those are kept until the user removes them). Every copy is made
with SQLite's online backup into a temporary file that is renamed only when complete, so a
full disk or a crash never leaves a half-written backup that looks like a good one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import sqlite3
from pathlib import Path

from bluebook_desktop.db import revisions, sqlite
from bluebook_desktop.errors import UserError, os_reason

log = logging.getLogger(__name__)

KEEP_DAILY = 10
SUFFIX = ".sqlite3"
_DAILY = re.compile(r"^bluebook-\d{4}-\d{2}-\d{2}\.sqlite3$")


def daily_name(day: dt.date) -> str:
    return f"bluebook-{day.isoformat()}{SUFFIX}"


def stamped_name(kind: str, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"bluebook-{now:%Y-%m-%d-%H%M%S}-{kind}{SUFFIX}"


def copy_to(database: Path, target: Path) -> Path:
    """Copy the database to `target` (a backup file), whole or not at all."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(target.parent, exc) from exc
    # Unique per process: two programs starting at once may both make today's copy.
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temp.unlink(missing_ok=True)
        sqlite.copy_database(database, temp)
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as exc:
        raise _cannot_write(target.parent, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


def daily(database: Path, folder: Path, today: dt.date | None = None) -> Path | None:
    """Today's copy, made once a day; returns it, or None when today's copy exists already."""
    if not database.is_file():
        return None
    target = folder / daily_name(today or dt.date.today())
    if target.exists():
        return None
    copy_to(database, target)
    rotate(folder)
    return target


def before_upgrade(database: Path, folder: Path) -> Path:
    """The copy taken before migrating to this program's schema (prepare's before_upgrade)."""
    return copy_to(database, folder / stamped_name(f"before-upgrade-{revisions.HEAD}"))


def rotate(folder: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete all but the newest `keep` daily copies; the other kinds are never deleted.

    Nor is the newest daily copy that holds a book, whatever its age: ten days of copies of
    an emptied database must not push out the last copy of the clerk's books.
    """
    dailies = sorted(p for p in folder.glob("bluebook-*" + SUFFIX) if _DAILY.match(p.name))
    gone = dailies[:-keep] if keep else dailies
    if gone:
        kept = dailies[len(gone) :]
        if not any(holds_books(p) for p in kept):
            last_with_books = next((p for p in reversed(gone) if holds_books(p)), None)
            gone = [p for p in gone if p != last_with_books]
    for path in gone:
        with contextlib.suppress(OSError):
            path.unlink()
    return gone


def backups(folder: Path) -> list[Path]:
    """Every backup in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("*" + SUFFIX) if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def problem(path: Path) -> str | None:
    """Why a file cannot be restored from, or None when it is a good backup."""
    if not path.exists():
        return "文件不存在"
    if path.is_dir():
        return "这是一个文件夹，不是备份文件"
    if not path.is_file():
        return "这不是普通文件（可能是设备或管道）"
    try:
        damage = sqlite.quick_check(path)
        if damage is not None:
            return f"文件已损坏（{damage}）"
        revision = sqlite.stored_revision(path)
    except sqlite3.Error as exc:
        return sqlite.reason(exc) or "无法读取"
    if revision is None:
        return "不是本程序的数据库"
    if revision not in revisions.REVISIONS:
        return f"由更新版本的程序创建（数据库版本 {revision}）"
    return None


def newest_good(folder: Path) -> Path | None:
    """The newest backup that passes the check, or None."""
    return next((path for path in backups(folder) if problem(path) is None), None)


def holds_books(path: Path) -> bool:
    try:
        return sqlite.book_count(path) > 0
    except sqlite3.Error:
        return False


def newest_with_books(folder: Path) -> Path | None:
    """The newest good backup that holds at least one book, or None."""
    return next(
        (path for path in backups(folder) if problem(path) is None and holds_books(path)), None
    )


def restore(backup_file: Path, database: Path, folder: Path) -> Path | None:
    """Make the database the backup's content; returns the copy of what it held before.

    The caller closes every connection of its own first (engine.dispose()) and prepares
    the database again afterwards: an older backup may need its schema upgraded.
    """
    wrong = problem(backup_file)
    if wrong is not None:
        raise UserError("无法从 {path} 恢复：{reason}。", path=str(backup_file), reason=wrong)
    saved = None
    if database.is_file():
        if sqlite.quick_check(database) is None:
            saved = copy_to(database, folder / stamped_name("before-restore"))
        else:
            saved = move_aside(database)
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        sqlite.restore_database(backup_file, database)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(
            "无法恢复数据库 {path}：{reason}。原来的内容已备份在 {saved}。",
            path=str(database),
            reason=sqlite.reason(exc) if isinstance(exc, sqlite3.Error) else os_reason(exc),
            saved=str(saved) if saved else "（无）",
        ) from exc
    log.info("restored %s from %s (previous content in %s)", database, backup_file, saved)
    return saved


def move_aside(database: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; never delete it.

    The -wal file moves with it under the matching name, so the moved copy opens as it was.
    """
    moved = database.with_name(
        f"{database.name}.damaged-{(now or dt.datetime.now()):%Y%m%d-%H%M%S}"
    )
    done: list[tuple[Path, Path]] = []
    try:
        # The main file first: when it is locked (open in another window) nothing moves.
        for suffix in ("", "-wal", "-shm"):
            source = database.with_name(database.name + suffix)
            if source.exists():
                target = moved.with_name(moved.name + suffix)
                os.replace(source, target)
                done.append((source, target))
    except OSError as exc:
        # A -wal left beside a new database of the same name could be replayed into it.
        for source, target in reversed(done):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise UserError(
            "数据库 {path} 已损坏，但无法把它移开（{reason}）。"
            "请关闭其他正在使用它的程序（例如另一个蓝皮书窗口）后重试。",
            path=str(database),
            reason=os_reason(exc),
        ) from exc
    log.warning("damaged database %s moved to %s", database, moved)
    return moved


def _cannot_write(folder: Path, exc: BaseException) -> UserError:
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            why = "磁盘空间不足"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why = "没有写入权限"
        else:
            why = os_reason(exc)
    else:
        why = sqlite.reason(exc) or "数据库出错"
    return UserError("无法在文件夹 {folder} 中写入备份：{reason}。", folder=str(folder), reason=why)
