"""The book database as one thing: opened the same way by the window and the command line.

`open_store(location)` runs the whole open sequence once: where the database is, the check
of the file (a damaged one is moved aside and the caller decides what then), the schema
upgrade with its backup first, and the day's backup copy. The store it returns holds the
repository and answers what the window and the command line ask of storage: close it,
check it, back it up, restore a backup into it, say what an error means in plain words.

A location is a file path or a PostgreSQL server's URL (`postgresql://user@host/dbname`,
see `bluebook_desktop.db.postgres`); any other URL is refused with one plain sentence before
anything is created. Importing this module imports no SQLAlchemy; the first real open does.
"""

from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bluebook_desktop.db.errors import BookMissing, StoreConflict
from bluebook_desktop.db.failures import describe, reason_text
from bluebook_desktop.db.health import DamagedDatabase
from bluebook_desktop.db.postgres import without_password
from bluebook_desktop.db.rows import BookSummary
from bluebook_desktop.errors import UserError

if TYPE_CHECKING:
    from bluebook_desktop.db.deferred import DeferredRepository
    from bluebook_desktop.db.repository import Repository

__all__ = [
    "BACKUP_SUFFIX",
    "BookMissing",
    "BookSummary",
    "DamagedDatabase",
    "OpeningStopped",
    "PasswordNeeded",
    "PostgresStore",
    "Recovery",
    "SqliteStore",
    "Store",
    "StoreConflict",
    "UnsupportedLocation",
    "check_supported",
    "describe",
    "failure_reason",
    "is_server",
    "is_url",
    "open_postgres",
    "open_store",
    "reason_text",
    "restore_store",
    "without_password",
]

log = logging.getLogger(__name__)

#: What a caller answers when the database was found damaged and moved aside: restore the
#: newest good backup, start on a new empty database, or (None) stop opening.
Recovery = Literal["restore", "empty"] | None
OnDamaged = Callable[[DamagedDatabase], Recovery]
BACKUP_SUFFIX = ".sqlite3"


class UnsupportedLocation(UserError):
    """A database this program cannot open (a URL of another kind of server): nothing was
    created."""


class OpeningStopped(Exception):  # noqa: N818 - not an error: the user's choice
    """The user chose not to go on at the damaged-database question: nothing more to say."""


def is_url(location: str | os.PathLike[str]) -> bool:
    return "://" in str(location)


def is_server(location: str | os.PathLike[str]) -> bool:
    """Whether `location` is a PostgreSQL server's URL."""
    from bluebook_desktop.db.postgres import is_postgres_url

    return is_postgres_url(location)


def check_supported(location: str | os.PathLike[str]) -> None:
    """Raise UnsupportedLocation, in plain words, for a database this program cannot open
    (a URL other than PostgreSQL's); a file path is always accepted here."""
    if is_url(location) and not is_server(location):
        raise _refuse_url(str(location))


def _refuse_url(location: str) -> UnsupportedLocation:
    scheme = location.split("://", 1)[0]
    return UnsupportedLocation(
        "无法使用数据库 {scheme}://…：本程序只能使用本机磁盘上的数据库文件或 PostgreSQL "
        "数据库服务器（postgresql://用户名@服务器/数据库名）。",
        scheme=scheme,
    )


class Store(ABC):
    """What the window and the command line may ask of a book database."""

    #: Whether the database is one file on this computer (its folder holds the backups).
    is_file: bool = False
    #: Whether `backup` and `restore` can be used.
    supports_backup: bool = False

    @property
    @abstractmethod
    def location(self) -> str:
        """The database as the user gave it (a path or a URL), for messages."""

    @property
    @abstractmethod
    def repository(self) -> Repository:
        """The books: load, store, add, delete, list."""

    @property
    @abstractmethod
    def is_open(self) -> bool:
        """False while answers come from a first quick read (see `open_store`)."""

    @abstractmethod
    def finish_opening(self) -> None:
        """Open what the first quick read put off; errors are UserError in plain words."""

    @abstractmethod
    def close(self) -> None:
        """Close every connection of this program to the database (closing twice is fine)."""

    @abstractmethod
    def check(self) -> str | None:
        """None when the stored data is intact, else what is wrong with it."""

    @abstractmethod
    def backup(self, target: Path | None = None) -> Path:
        """A whole copy of the database at `target` (the backups folder by default)."""

    @abstractmethod
    def default_backup(self) -> Path:
        """Where a backup the user asks for goes unless told otherwise."""

    @abstractmethod
    def backup_problem(self, path: Path) -> str | None:
        """Why a file cannot be restored from (in plain words), or None when it can."""

    @abstractmethod
    def restore(self, backup_file: Path) -> Path | None:
        """Make the database the backup's content; returns where what it held was kept."""

    def describe(self, exc: BaseException) -> UserError | None:
        """The plain-words error for a storage or system failure, None for anything else."""
        return describe(exc, self.location)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class SqliteStore(Store):
    """A SQLite database file, with its `backups` folder beside it."""

    is_file = True
    supports_backup = True

    def __init__(self, database: Path, repository: Repository | DeferredRepository) -> None:
        self.database = database
        self.backup_dir = backup_dir_of(database)
        self._repository = repository

    @property
    def location(self) -> str:
        return str(self.database)

    @property
    def repository(self) -> Repository:
        return self._repository  # type: ignore[return-value] - a deferred one answers as one

    @property
    def is_open(self) -> bool:
        """False while the window answers from the start-up read (nothing opened yet)."""
        return bool(getattr(self._repository, "is_open", True))

    def finish_opening(self) -> None:
        """Open the database behind the start-up read now (errors in plain words)."""
        open_now = getattr(self._repository, "open_now", None)
        if open_now is not None:
            open_now()

    def close(self) -> None:
        if self.is_open:
            self._repository.engine.dispose()

    def check(self) -> str | None:
        from bluebook_desktop.db import sqlite

        return sqlite.quick_check(self.database)

    def default_backup(self) -> Path:
        """Where a backup the user asks for goes unless told otherwise."""
        from bluebook_desktop.db import backup

        return self.backup_dir / backup.stamped_name("manual")

    def backup(self, target: Path | None = None) -> Path:
        from bluebook_desktop.db import backup

        return backup.copy_to(self.database, target or self.default_backup())

    def backup_problem(self, path: Path) -> str | None:
        """Why a file cannot be restored from (in plain words), or None when it can."""
        from bluebook_desktop.db import backup

        return backup.problem(path)

    def restore(self, backup_file: Path) -> Path | None:
        """Replace the content with a backup's, then upgrade it if it is older; the store
        stays usable. Raises UserError in plain words."""
        from sqlalchemy.exc import SQLAlchemyError

        from bluebook_desktop.db import backup, schema

        engine = self.repository.engine
        engine.dispose()  # no connection of ours may be open while the file is replaced
        database, folder = self.database, self.backup_dir
        saved = backup.restore(backup_file, database, folder)
        try:
            schema.prepare(engine, before_upgrade=lambda: backup.before_upgrade(database, folder))
        except SQLAlchemyError as exc:
            log.exception("reopening after a restore failed")
            raise UserError("{reason}", reason=reason_text(exc, database)) from exc
        return saved


class PostgresStore(Store):
    """The books on a PostgreSQL server; its backups are the server's (pg_dump)."""

    is_file = False
    supports_backup = False

    def __init__(self, url: str, repository: Repository) -> None:
        self._location = without_password(url)
        self._repository = repository

    @property
    def location(self) -> str:
        return self._location

    @property
    def repository(self) -> Repository:
        return self._repository

    @property
    def is_open(self) -> bool:
        return True

    def finish_opening(self) -> None:
        return None

    def close(self) -> None:
        self._repository.engine.dispose()

    def check(self) -> str | None:
        """None when the server answers and the schema is this program's, else why not."""
        from sqlalchemy.exc import DBAPIError

        from bluebook_desktop.db.schema import check_schema

        try:
            with self._repository.engine.connect() as connection:
                check_schema(connection)
        except UserError as exc:
            return str(exc)
        except DBAPIError as exc:
            from bluebook_desktop.db.postgres import reason

            return reason(exc)
        return None

    def _no_backup(self) -> UserError:
        from bluebook_desktop.db.postgres import NO_BACKUP

        return UserError(NO_BACKUP, url=self.location)

    def default_backup(self) -> Path:
        raise self._no_backup()

    def backup(self, target: Path | None = None) -> Path:
        raise self._no_backup()

    def backup_problem(self, path: Path) -> str | None:
        return str(self._no_backup())

    def restore(self, backup_file: Path) -> Path | None:
        raise self._no_backup()


class PasswordNeeded(UserError):
    """The server wants a password it was not given (or not this one): the window asks."""


def open_postgres(url: str, password: str | None = None) -> PostgresStore:
    """Connect, create or upgrade the schema (under the server's advisory lock), or say in
    one plain sentence why not; nothing is created on a server that cannot be used.

    `password` is one the user typed: it is used for this connection and, when it opens,
    kept in the system's credential store (where there is one), never in a file of ours."""
    try:
        import psycopg  # noqa: F401 - only to say plainly that it is missing
    except ImportError as exc:
        raise UserError(
            "无法连接数据库服务器 {url}：本程序没有安装 PostgreSQL 的连接组件"
            "（psycopg）。请安装 bluebook-desktop[postgresql]。",
            url=without_password(url),
        ) from exc
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from bluebook_desktop.db.postgres import make_engine, needs_password, reason, save_password
    from bluebook_desktop.db.repository import Repository
    from bluebook_desktop.db.schema import prepare

    shown = without_password(url)
    try:
        engine = make_engine(url, password)
    except (ArgumentError, ValueError) as exc:
        raise UserError(
            "数据库地址 {url} 的写法不对。请按 postgresql://用户名@服务器:端口/数据库名 填写。",
            url=shown,
        ) from exc
    try:
        prepare(engine)
    except DBAPIError as exc:
        engine.dispose()
        log.warning("cannot open %s: %s", shown, exc)
        kind = PasswordNeeded if needs_password(exc) else UserError
        raise kind("无法连接数据库服务器 {url}：{reason}。", url=shown, reason=reason(exc)) from exc
    except UserError:
        engine.dispose()
        raise
    if password is not None and not save_password(url, password):
        log.info("the password for %s is used by this program only until it ends", shown)
    return PostgresStore(url, Repository(engine))


def backup_dir_of(database: Path) -> Path:
    return database.parent / "backups"


def open_store(
    location: str | os.PathLike[str],
    *,
    start_book: int | None = None,
    on_damaged: OnDamaged | None = None,
    password: str | None = None,
) -> Store:
    """Open the book database at `location`, checked, upgraded and backed up.

    With `start_book`, a database that is ready to use is only read for now (the book list
    and that book), and opened when first needed or on `finish_opening`: the window paints
    sooner. A damaged database is moved aside and `on_damaged` decides what then; without
    it, or when it answers None, DamagedDatabase / OpeningStopped is raised. `password`:
    one the user typed for a server (PasswordNeeded says when one is wanted).
    """
    check_supported(location)
    if is_url(location):
        return open_postgres(str(location), password)
    from bluebook_desktop.db import backup, health, quick
    from bluebook_desktop.db.deferred import DeferredRepository

    database = Path(location)
    folder = backup_dir_of(database)
    try:
        health.check(database, folder)
    except DamagedDatabase as exc:
        if on_damaged is None:
            raise
        choice = on_damaged(exc)
        if choice is None:
            raise OpeningStopped from exc
        if choice == "restore" and exc.newest_backup is not None:
            backup.restore(exc.newest_backup, database, folder)
    if start_book is not None and database.is_file():
        start = quick.read_for_start(database, start_book)
        if start is not None:
            return SqliteStore(database, DeferredRepository(start, lambda: _open_file(database)))
    return SqliteStore(database, _open_file(database))


def _open_file(database: Path) -> Repository:
    """Open (and prepare) the file, then make the day's backup copy."""
    from bluebook_desktop.db import backup, open_repository

    folder = backup_dir_of(database)
    repository = open_repository(
        database, before_upgrade=lambda: backup.before_upgrade(database, folder)
    )
    try:
        backup.daily(database, folder)
    except UserError as exc:
        log.warning("daily backup failed: %s", exc)  # the next start tries again
    return repository


def restore_store(location: str | os.PathLike[str], backup_file: Path) -> Path | None:
    """Restore a backup into the database at `location` without opening it first (it may be
    the damaged one), then open it once to upgrade an older backup; returns where what it
    held was kept."""
    check_supported(location)
    if is_url(location):
        from bluebook_desktop.db.postgres import NO_BACKUP

        raise UserError(NO_BACKUP, url=without_password(str(location)))
    from bluebook_desktop.db import backup, health

    database = Path(location)
    health.check_location(database)
    saved = backup.restore(backup_file, database, backup_dir_of(database))
    open_store(database).close()  # an older backup is upgraded now, after its own backup
    return saved


def failure_reason(exc: BaseException) -> str | None:
    """What a failed store means for the user in a few words (磁盘空间不足 …), or None when
    `exc` is no storage, system or user error (a bug: let it be raised)."""
    if isinstance(exc, UserError):
        return str(exc)
    from bluebook_desktop.db.failures import storage_error

    storage = storage_error(exc)
    if storage is not None:
        from bluebook_desktop.db import sqlite

        return sqlite.reason(storage) or reason_text(exc)
    from bluebook_desktop.db.postgres import reason, server_error

    if server_error(exc) is not None:
        return reason(exc)
    if isinstance(exc, OSError) or _is_sqlalchemy_error(exc):
        return reason_text(exc)
    return None


def _is_sqlalchemy_error(exc: BaseException) -> bool:
    import sys

    module = sys.modules.get("sqlalchemy.exc")
    return module is not None and isinstance(exc, module.SQLAlchemyError)
