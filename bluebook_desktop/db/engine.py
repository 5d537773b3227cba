"""Engines for the book database.

Everything that only SQLite understands (pragmas, the online backup, quick_check) is kept
in `bluebook_desktop.db.sqlite`, so the same program can later be pointed at a shared
server database by URL.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from bluebook_desktop.db import sqlite


def database_url(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return "sqlite:///" + Path(target).as_posix()


def make_engine(target: str | Path) -> Engine:
    url = database_url(target)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite.on_connect)
    return engine
