"""A repository opened on its own (no start-up checks, no daily backup), as a store that
closes it: for tests of the repository, the schema and the files beside the database; and
`any_store`, the same tests on a SQLite file and on a PostgreSQL server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bluebook_desktop.db import open_repository
from bluebook_desktop.db.store import SqliteStore, Store, open_store


def opened(
    path: str | os.PathLike[str], before_upgrade: Callable[[], None] | None = None
) -> SqliteStore:
    return SqliteStore(Path(path), open_repository(Path(path), before_upgrade=before_upgrade))


# --- one store fixture for both kinds of database ---

KINDS = ("sqlite", "postgresql")


@pytest.fixture(params=KINDS)
def any_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a book database is, opened by `open_store`: a SQLite file, then the test server
    (skipped where none is set up)."""
    if request.param == "sqlite":
        return str(tmp_path / "data" / "bluebook.sqlite3")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def any_store(any_location: str) -> Iterator[Store]:
    """A store opened on `any_location` as the window and the command line open it."""
    with open_store(any_location) as store:
        yield store
