"""Shared test set-up: headless Qt, a private database per test, the fixture book."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_BOOK = FIXTURES / "sanshui-cppcc-2021.bluebook.json"


@pytest.fixture(autouse=True)
def _private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user's data folder or settings."""
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
    from bluebook_desktop.export.portable import loads

    return loads(FIXTURE_BOOK.read_bytes())


@pytest.fixture
def repository(tmp_path: Path):
    from bluebook_desktop.db import open_repository

    repo = open_repository(tmp_path / "books.sqlite3")
    yield repo
    repo.engine.dispose()
