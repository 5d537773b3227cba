"""Storage of books: SQLAlchemy models, the engine, migrations and the repository.

Importing this package imports no SQLAlchemy (a fifth of a second on an old PC): the start-up
checks (`health`, `backup`, `quick`) use only sqlite3, and SQLAlchemy comes with the first
`open_repository`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bluebook_desktop.db import sqlite
from bluebook_desktop.errors import UserError, os_reason

if TYPE_CHECKING:
    from bluebook_desktop.db.repository import Repository


def open_repository(
    target: str | Path, before_upgrade: Callable[[], None] | None = None
) -> Repository:
    """Open (creating or upgrading as needed) the book database at a path or URL."""
    from sqlalchemy.exc import DatabaseError

    from bluebook_desktop.db.engine import make_engine
    from bluebook_desktop.db.repository import Repository
    from bluebook_desktop.db.schema import prepare

    if "://" not in str(target):
        if Path(target).is_dir():
            raise UserError(
                "{path} 是一个文件夹，不是数据库文件。请给出数据库文件的路径（例如 {example}）。",
                path=str(target),
                example=str(Path(target) / "bluebook.sqlite3"),
            )
        try:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                "无法创建数据文件夹 {folder}：{reason}",
                folder=str(Path(target).parent),
                reason=os_reason(exc),
            ) from exc
        _check_writable(Path(target))
    engine = make_engine(target)
    try:
        if "://" in str(target) or not _creates_or_upgrades(Path(target)):
            prepare(engine, before_upgrade)
        else:
            from bluebook_desktop.db.lock import exclusive

            with exclusive(Path(target)):
                prepare(engine, before_upgrade)
    except DatabaseError as exc:
        engine.dispose()
        reason = sqlite.reason(exc)
        if reason is not None:
            raise UserError(
                "无法打开数据库 {path}：{reason}。", path=str(target), reason=reason
            ) from exc
        raise UserError(
            "无法打开数据库 {path}：文件已损坏或不是本程序的数据库。", path=str(target)
        ) from exc
    except UserError:
        engine.dispose()
        raise
    return Repository(engine)


_OWN_TABLES = {"book", "task", "schedule_entry", "leader", "task_field", "alembic_version"}


def _creates_or_upgrades(database: Path) -> bool:
    """Whether preparing the file will write its schema: only then is the lock taken, so a
    database that is ready (or refused) opens with nothing created beside it."""
    import sqlite3

    from bluebook_desktop.db.revisions import HEAD, REVISIONS

    try:
        if not database.is_file() or not database.stat().st_size:
            return True
        revision = sqlite.stored_revision(database)
        if revision is None:
            # No tables, or only ours: another process is creating it right now.
            return sqlite.table_names(database) <= _OWN_TABLES
    except (OSError, sqlite3.Error):
        return False  # preparing will say what is wrong
    return revision != HEAD and revision in REVISIONS


def _check_writable(database: Path) -> None:
    """A read-only folder or file is named as such, before SQLite says "unable to open".

    WAL needs the folder writable too: SQLite creates the -wal and -shm files beside the
    database. (On Windows os.access sees the read-only attribute only; a folder closed by
    permissions still fails in SQLite, and that error is put in plain words as well.)
    """
    folder = database.parent
    if not os.access(folder, os.W_OK):
        raise UserError(
            "数据库所在的文件夹 {folder} 是只读的，无法保存。"
            "请把数据库放在可以写入的文件夹中（例如默认位置）。",
            folder=str(folder),
        )
    if database.exists() and not os.access(database, os.W_OK):
        raise UserError(
            "数据库文件 {path} 是只读的，无法保存。请取消该文件的“只读”属性后重试。",
            path=str(database),
        )
