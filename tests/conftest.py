"""Shared test set-up: headless Qt, a private database per test, the fixture book."""

from __future__ import annotations

import os
import sqlite3
import sys
import traceback
import warnings
from pathlib import Path

import pytest

# Before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from helpers.files import FIXTURE_BOOK

pytest_plugins = ["helpers.postgres", "helpers.stores"]  # postgres_engine, any_store


@pytest.fixture(autouse=True)
def _private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's data folder or settings.

    BLUEBOOK_HOME does it on every system (appdirs asks Windows for AppData\\Local itself,
    and QSettings would write to the registry); the XDG folders also cover what reads the
    Linux defaults directly (the tests of the default folder unset BLUEBOOK_HOME).
    """
    monkeypatch.setenv("BLUEBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BLUEBOOK_DB", str(tmp_path / "data" / "bluebook.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # A PDF carries the moment it was made; this fixed one gives the same bytes each time.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1634025600")


@pytest.fixture
def fixture_bytes() -> bytes:
    return FIXTURE_BOOK.read_bytes()


@pytest.fixture
def fixture_book():
    from bluebook_desktop.formats.portable import loads

    return loads(FIXTURE_BOOK.read_bytes())


@pytest.fixture
def store(tmp_path: Path):
    """A book database opened as the window and the command line open it; closed after."""
    from bluebook_desktop.db.store import open_store

    with open_store(tmp_path / "store" / "books.sqlite3") as opened:
        yield opened


@pytest.fixture
def repository(tmp_path: Path):
    """A bare repository on a new database (no start-up checks, no backup); closed after."""
    from bluebook_desktop.db import open_repository
    from bluebook_desktop.db.store import SqliteStore

    path = tmp_path / "books.sqlite3"
    with SqliteStore(path, open_repository(path)) as opened:
        yield opened.repository


if sys.version_info < (3, 13):
    # Python 3.13 warns when a sqlite3 connection is dropped unclosed (filterwarnings makes
    # that an error); on Windows such a connection also keeps the file locked, so restoring
    # or moving a database fails. Older Pythons get the same warning from here.

    class _WarningConnection(sqlite3.Connection):
        _closed = True  # until connect() returns it open: a failed open leaves nothing open
        opened_at = ""

        def close(self) -> None:
            self._closed = True
            super().close()

        def __del__(self) -> None:
            if not self._closed:
                message = f"unclosed database in {self!r}, opened at\n{self.opened_at}"
                warnings.warn(message, ResourceWarning, stacklevel=1)

    _connect = sqlite3.connect

    def _warning_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs.setdefault("factory", _WarningConnection)
        connection = _connect(*args, **kwargs)  # type: ignore[arg-type]
        connection._closed = False
        stack = traceback.extract_stack()[:-1]
        ours = [f for f in stack if "site-packages" not in f.filename][-4:]
        connection.opened_at = "".join(traceback.format_list([*ours, stack[-1]]))
        return connection

    sqlite3.connect = sqlite3.dbapi2.connect = _warning_connect  # type: ignore[assignment]
