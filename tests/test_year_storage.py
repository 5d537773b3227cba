"""The year after the signature in the database: reports, reviews, files, 定稿, adjustments.

Every test runs on SQLite and, when the test server is there, on PostgreSQL: the same
repository, the same rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers.files import EXAMPLE_YEAR

from bluebook_desktop.db.errors import EvidenceMissing
from bluebook_desktop.db.repository import Repository
from bluebook_desktop.domain import Book, next_year_book
from bluebook_desktop.domain.year import (
    Adjustment,
    Evidence,
    Progress,
    SelfReview,
    book_evidence,
)
from bluebook_desktop.formats.portable import dumps, loads

PDF = b"%PDF-1.4\n" + b"x" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"y" * 50


def _record(data: bytes, name: str, media_type: str) -> Evidence:
    return Evidence(
        name, hashlib.sha256(data).hexdigest(), len(data), media_type, dt.date(2022, 4, 6)
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def repository(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    if request.param == "sqlite":
        from bluebook_desktop.db import open_repository

        opened = open_repository(tmp_path / "books.sqlite3")
    else:
        from bluebook_desktop.db.schema import prepare

        engine = request.getfixturevalue("postgres_engine")
        prepare(engine)
        opened = Repository(engine)
    yield opened
    opened.engine.dispose()


def _stored(book: Book) -> Book:
    return replace(book, id=None)


def _year_book() -> Book:
    """The example year with files on a report and a review, and its signed copy."""
    book = loads(EXAMPLE_YEAR.read_bytes())
    scan, photo = (
        _record(PDF, "签到表.pdf", "application/pdf"),
        _record(PNG, "现场.png", "image/png"),
    )
    first, second, third = book.functional_tasks
    second = replace(
        second, progress=(replace(second.progress[0], evidence=(scan, photo)), *second.progress[1:])
    )
    third = replace(third, review=replace(third.review, evidence=(photo,), score=9.5))
    return replace(
        book,
        functional_tasks=(first, second, third),
        signed_copy=_record(PDF, "2021 定稿.pdf", "application/pdf"),
    )


def test_a_year_round_trips_through_the_database(repository: Repository) -> None:
    book = _year_book()
    stored = repository.add(book)
    loaded = repository.load(stored.id)
    assert _stored(loaded) == _stored(book)
    # Written again, it is the file it was read from.
    assert dumps(loaded) == dumps(book)
    assert loaded.functional_tasks[1].progress[0].evidence[1].name == "现场.png"
    assert loaded.functional_tasks[2].review.score == 9.5
    assert loaded.signed_copy.name == "2021 定稿.pdf"


def test_a_plan_without_year_data_round_trips_as_version_1(
    repository: Repository, fixture_book: Book, fixture_bytes: bytes
) -> None:
    stored = repository.add(fixture_book)
    assert dumps(repository.load(stored.id)).encode("utf-8") == fixture_bytes


def test_one_quarter_edited_rewrites_that_quarter_only(repository: Repository) -> None:
    stored = repository.add(_year_book())
    task = stored.functional_tasks[1]
    q2 = replace(task.progress[1], status="按进度", done="协调会已于6月底召开。")
    q3 = Progress(3, "超进度", done="提前完成。", reported_on=dt.date(2022, 10, 8))
    edited = replace(task, progress=(task.progress[0], q2, q3))
    new = replace(
        stored, functional_tasks=(stored.functional_tasks[0], edited, stored.functional_tasks[2])
    )
    repository.store(stored, new)
    loaded = repository.load(stored.id)
    assert loaded.functional_tasks[1].progress == (task.progress[0], q2, q3)
    # The first quarter's files are still named, untouched.
    assert [e.name for e in loaded.functional_tasks[1].progress[0].evidence] == [
        "签到表.pdf",
        "现场.png",
    ]

    # A report taken back, a review removed, files removed: all gone from the rows.
    bare = replace(
        loaded,
        functional_tasks=(
            loaded.functional_tasks[0],
            replace(loaded.functional_tasks[1], progress=(q2,)),
            replace(loaded.functional_tasks[2], review=None),
        ),
    )
    repository.store(loaded, bare)
    again = repository.load(stored.id)
    assert again.functional_tasks[1].progress == (q2,)
    assert again.functional_tasks[2].review is None
    assert [e.name for e in book_evidence(again)] == ["2021 定稿.pdf"]


def test_the_book_s_own_year_is_stored(repository: Repository) -> None:
    stored = repository.add(_year_book())
    adjusted = replace(
        stored,
        adjustments=(
            *stored.adjustments,
            Adjustment(dt.date(2022, 8, 1), "第 2 项调整", "上级要求"),
        ),
        self_review=SelfReview("全年总体完成。", dt.date(2022, 12, 28), 95.0),
        finalized_on=dt.date(2021, 10, 20),
        signed_copy=None,
    )
    repository.store(stored, adjusted)
    loaded = repository.load(stored.id)
    assert loaded.adjustments == adjusted.adjustments
    assert loaded.self_review == adjusted.self_review
    assert loaded.finalized_on == dt.date(2021, 10, 20)
    assert loaded.signed_copy is None


def test_a_task_moved_to_the_other_table_keeps_its_reports(repository: Repository) -> None:
    stored = repository.add(_year_book())
    moving = replace(stored.functional_tasks[1], role="牵头")
    moved = replace(
        stored,
        key_tasks=(*stored.key_tasks, moving),
        functional_tasks=(stored.functional_tasks[0], stored.functional_tasks[2]),
    )
    repository.store(stored, moved)
    loaded = repository.load(stored.id)
    assert loaded.key_tasks[-1].progress == moving.progress
    assert loaded.key_tasks[-1].progress[0].evidence == moving.progress[0].evidence


def test_a_deleted_task_or_book_takes_its_year_rows_with_it(repository: Repository) -> None:
    stored = repository.add(_year_book())
    fewer = replace(stored, functional_tasks=stored.functional_tasks[:1])
    repository.store(stored, fewer)
    repository.delete(stored.id)
    with repository.engine.connect() as connection:
        from sqlalchemy import text

        for table in ("progress", "review", "evidence", "adjustment", "self_review"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_supporting_files_are_kept_once_by_content(repository: Repository) -> None:
    sha = repository.put_evidence(PDF, "application/pdf")
    assert sha == hashlib.sha256(PDF).hexdigest()
    assert repository.put_evidence(PDF, "application/pdf") == sha  # the same bytes: no second copy
    assert repository.evidence_data(sha) == PDF
    assert repository.has_evidence(sha)
    with repository.engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text("SELECT count(*) FROM evidence_file")).scalar() == 1
    with pytest.raises(EvidenceMissing) as missing:
        repository.evidence_data("0" * 64)
    assert ".bluebook.zip" in str(missing.value)


def test_unused_bytes_are_forgotten_only_when_no_book_names_them(repository: Repository) -> None:
    book = _year_book()
    for data, kind in ((PDF, "application/pdf"), (PNG, "image/png")):
        repository.put_evidence(data, kind)
    lonely = repository.put_evidence(b"%PDF-1.7 lonely", "application/pdf")
    repository.add(book)
    # Just added: kept a while, in case the book naming it is not stored yet.
    assert repository.forget_unused_evidence() == 0
    assert repository.forget_unused_evidence(older_than=dt.timedelta(seconds=-60)) == 1
    assert not repository.has_evidence(lonely)
    assert repository.evidence_data(hashlib.sha256(PNG).hexdigest()) == PNG


def test_the_next_year_starts_without_the_year(repository: Repository) -> None:
    stored = repository.add(_year_book())
    following = repository.add(next_year_book(repository.load(stored.id)))
    loaded = repository.load(following.id)
    assert loaded.cover.year == stored.cover.year + 1
    assert not any(t.progress or t.review for t in loaded.functional_tasks)
    assert (
        loaded.uid,
        loaded.finalized_on,
        loaded.adjustments,
        loaded.self_review,
        loaded.signed_copy,
    ) == (
        "",
        None,
        (),
        None,
        None,
    )
    assert '"version": 1' in dumps(loaded)


def test_the_start_up_read_gives_the_same_year(tmp_path: Path) -> None:
    """The quick read at start-up (plain sqlite3) builds the same book as the repository."""
    from bluebook_desktop.db import open_repository
    from bluebook_desktop.db.quick import read_for_start

    path = tmp_path / "books.sqlite3"
    repository = open_repository(path)
    try:
        stored = repository.add(_year_book())
        loaded = repository.load(stored.id)
    finally:
        repository.engine.dispose()
    start = read_for_start(path, stored.id)
    assert start is not None and start.book == loaded


def test_a_schema_0004_database_upgrades_and_keeps_its_books(
    tmp_path: Path, fixture_book: Book
) -> None:
    """Books stored before the year existed read as books with no year data."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from bluebook_desktop.db import open_repository
    from bluebook_desktop.db.schema import MIGRATIONS

    path = tmp_path / "books.sqlite3"
    repository = open_repository(path)
    stored = repository.add(fixture_book)
    repository.engine.dispose()
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "progress" not in tables and "evidence_file" not in tables
    connection.close()
    repository = open_repository(path)  # upgrades again
    try:
        loaded: Any = repository.load(stored.id)
        assert _stored(loaded) == _stored(fixture_book)
        year = replace(loaded, finalized_on=dt.date(2021, 10, 20))
        repository.store(loaded, year)
        assert repository.load(stored.id).finalized_on == dt.date(2021, 10, 20)
    finally:
        repository.engine.dispose()


def test_the_program_tidies_files_no_book_names_after_its_first_paint(tmp_path: Path) -> None:
    """What app.main runs after the first paint: bytes unnamed for over a day go, the rest
    stay."""
    from sqlalchemy import text

    from bluebook_desktop.app import _forget_unused_files
    from bluebook_desktop.db.store import open_store

    with open_store(tmp_path / "books.sqlite3") as store:
        repository = store.repository
        old = repository.put_evidence(PDF, "application/pdf")
        new = repository.put_evidence(PNG, "image/png")
        with repository.engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE evidence_file SET stored_at = '2020-01-01T00:00:00+00:00'"
                    " WHERE sha256 = :sha"
                ),
                {"sha": old},
            )
        _forget_unused_files(store)
        assert not repository.has_evidence(old)
        assert repository.has_evidence(new)
