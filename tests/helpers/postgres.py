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


@pytest.fixture
def postgres_url(postgres_engine) -> str:
    """The test server's URL as a clerk writes it (postgresql://…), on an empty schema."""
    url = postgres_engine.url.render_as_string(hide_password=False)
    return "postgresql://" + url.split("://", 1)[1]


def server_url(url: str, **parts: str) -> str:
    """`url` with some of its parts replaced: user, password, database, port."""
    from sqlalchemy.engine import make_url

    made = make_url(url)
    changes = {k: (int(v) if k == "port" else v) for k, v in parts.items()}
    return made.set(**changes).render_as_string(hide_password=False)
