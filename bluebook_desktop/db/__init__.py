"""Storage of books: SQLAlchemy models, the engine, migrations and the repository."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from bluebook_desktop.db.engine import make_engine
from bluebook_desktop.db.repository import Repository
from bluebook_desktop.db.schema import prepare
from bluebook_desktop.errors import UserError


def open_repository(
    target: str | Path, before_upgrade: Callable[[], None] | None = None
) -> Repository:
    """Open (creating or upgrading as needed) the book database at a path or URL."""
    if "://" not in str(target):
        try:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                "无法创建数据文件夹 {folder}：{reason}",
                folder=str(Path(target).parent),
                reason=exc.strerror or str(exc),
            ) from exc
    engine = make_engine(target)
    try:
        prepare(engine, before_upgrade)
    except DatabaseError as exc:
        engine.dispose()
        raise UserError(
            "无法打开数据库 {path}：文件已损坏或不是本程序的数据库。", path=str(target)
        ) from exc
    except UserError:
        engine.dispose()
        raise
    return Repository(engine)
