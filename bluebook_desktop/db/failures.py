"""Failures nobody turned into a UserError, put in plain words: the one place that maps
storage and system errors for every command and the window.

SQLite's errors (disk full, locked, read-only, I/O, damaged, cannot open) and the system's
(no such file, is a directory, name too long …) become a sentence a clerk can act on. No
SQL, no parameters, no exception name and no English system text ever reaches the user:
those go to the log only.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bluebook_desktop.errors import UserError, os_reason


def storage_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `exc` (SQLAlchemy wraps it as .orig), or None."""
    if isinstance(exc, sqlite3.Error):
        return exc
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, sqlite3.Error) else None


def describe(exc: BaseException, database: str | Path | None = None) -> UserError | None:
    """The plain-words error for `exc`, or None when it is no storage or system error."""
    if isinstance(exc, UserError):
        return exc
    storage = storage_error(exc)
    if storage is not None:
        from bluebook_desktop.db import sqlite

        reason = sqlite.reason(storage) or "数据库出错"
        if database is None:
            return UserError("读写数据库时出错：{reason}。", reason=reason)
        return UserError("无法读写数据库 {path}：{reason}。", path=str(database), reason=reason)
    from bluebook_desktop.db.postgres import reason as server_reason
    from bluebook_desktop.db.postgres import server_error

    if server_error(exc) is not None:
        reason = server_reason(exc)
        if database is None:
            return UserError("读写数据库时出错：{reason}。", reason=reason)
        return UserError("无法读写数据库 {path}：{reason}。", path=str(database), reason=reason)
    if isinstance(exc, OSError):
        name = getattr(exc, "filename", None)
        if name:
            return UserError(
                "无法读写文件 {path}：{reason}。", path=str(name), reason=os_reason(exc)
            )
        return UserError("读写文件时出错：{reason}。", reason=os_reason(exc))
    if isinstance(exc, MemoryError):
        return UserError("内存不足，操作没有完成。请关闭其他程序后重试。")
    return None


def reason_text(exc: BaseException, database: str | Path | None = None) -> str:
    """What went wrong in a few plain words, for a message that already says the rest."""
    found = describe(exc, database)
    return str(found) if found is not None else "程序内部错误"
