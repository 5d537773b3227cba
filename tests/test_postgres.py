"""The schema and the repository on a real PostgreSQL server (skipped where none is set up;
CI starts one and requires these to run)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import inspect

from bluebook_desktop.db.models import Base
from bluebook_desktop.db.repository import Repository, StoreConflict
from bluebook_desktop.db.schema import HEAD, current_revision, prepare
from bluebook_desktop.domain import Book


def test_the_migrations_make_the_schema_on_postgresql(postgres_engine) -> None:
    prepare(postgres_engine)
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == HEAD
    tables = set(inspect(postgres_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    prepare(postgres_engine)  # a second start finds it made and changes nothing
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == HEAD


def test_a_book_round_trips_and_a_stale_store_is_refused(
    postgres_engine,
    fixture_book: Book,
) -> None:
    prepare(postgres_engine)
    repository = Repository(postgres_engine)
    stored = repository.add(fixture_book)
    loaded = repository.load(stored.id)
    assert loaded == stored
    assert loaded.functional_tasks[3].schedule == fixture_book.functional_tasks[3].schedule
    repository.store(loaded, replace(loaded, head_opinion="同意。"))
    assert Repository(postgres_engine).load(stored.id).head_opinion == "同意。"  # another machine
    # the second machine stores an edit made to the version before that one: refused
    stale = Repository(postgres_engine)
    stale_copy = stale.load(stored.id)
    repository.store(replace(loaded, head_opinion="同意。"), replace(loaded, head_opinion="同意！"))
    with pytest.raises(StoreConflict):
        stale.store(stale_copy, replace(stale_copy, head_opinion="不同意。"))
    assert repository.load(stored.id).head_opinion == "同意！"
