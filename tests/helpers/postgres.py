"""A PostgreSQL server for the tests that need one: BLUEBOOK_TEST_POSTGRES names it.

`.ci/run` starts a throwaway cluster (`.ci/postgres`) and sets the variable, and sets
BLUEBOOK_REQUIRE_POSTGRES so that a missing server fails there instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

URL_ENV = "BLUEBOOK_TEST_POSTGRES"
REQUIRE_ENV = "BLUEBOOK_REQUIRE_POSTGRES"


@pytest.fixture
def postgres_engine() -> Iterator[object]:
    """An engine on an empty schema of the test server (emptied before each test)."""
    url = os.environ.get(URL_ENV, "")
    if not url:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but {URL_ENV} names no server")
        pytest.skip(f"no PostgreSQL server: set {URL_ENV} to a postgresql:// URL")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    from sqlalchemy import create_engine, text

    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    yield engine
    engine.dispose()
