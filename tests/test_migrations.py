"""Schema versions: old databases open, newer and foreign ones are refused untouched."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from helpers.files import FIXTURE_BOOK, OLD_DATABASES
from sqlalchemy import create_engine

from bluebook_desktop.db import open_repository, schema
from bluebook_desktop.db.models import Base
from bluebook_desktop.db.schema import HEAD, MIGRATIONS, REVISIONS, NewerDatabase
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import dumps

# One committed database per released schema, oldest first (see fixtures/make_schema_db.py).


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def set_revision(path: Path, revision: str, journal_mode: str = "delete") -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA journal_mode = {journal_mode}")
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.commit()
    finally:
        connection.close()


def make_database(path: Path, book_bytes: bytes) -> None:
    from bluebook_desktop.formats.portable import loads

    repository = open_repository(path)
    try:
        repository.add(loads(book_bytes))
    finally:
        repository.engine.dispose()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_committed_fixture_database_is_self_contained() -> None:
    for revision, path in OLD_DATABASES.items():
        assert revision_of(path) == revision
        header = path.read_bytes()[:100]
        assert header.startswith(b"SQLite format 3\x00")
        assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL: no -wal file needed
        assert path.stat().st_size < 200_000
        assert not path.with_name(path.name + "-wal").exists()
        assert not path.with_name(path.name + "-shm").exists()


@pytest.mark.parametrize("revision", sorted(OLD_DATABASES))
def test_old_database_opens_with_everything(
    revision: str, tmp_path: Path, fixture_bytes: bytes
) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(OLD_DATABASES[revision], copy)
    calls: list[str] = []

    repository = open_repository(copy, before_upgrade=lambda: calls.append(revision_of(copy)))
    try:
        books = repository.list_books()
        assert len(books) == 1
        book = repository.load(books[0].id)
        assert dumps(book).encode("utf-8") == fixture_bytes
        assert "陈晓" in repository.leader_names()
    finally:
        repository.engine.dispose()
    # Every step has an id of its own, in the rows as in the book read from them.
    steps = [entry for task in book.functional_tasks for entry in task.schedule]
    assert len(steps) == 21
    assert all(re.fullmatch("[0-9a-f]{32}", entry.id) for entry in steps)
    assert len({entry.id for entry in steps}) == 21
    assert step_rows(copy) == [(entry.id, entry.text) for entry in steps]

    assert revision_of(copy) == HEAD
    # The backup hook runs, before the upgrade, exactly when there is an upgrade to make.
    assert calls == ([] if revision == HEAD else [revision])


def test_revisions_match_the_migration_scripts() -> None:
    scripts = ScriptDirectory(str(MIGRATIONS))
    assert scripts.get_heads() == [HEAD]
    chain = [script.revision for script in scripts.walk_revisions()]  # newest first
    assert tuple(reversed(chain)) == REVISIONS
    assert set(OLD_DATABASES) <= set(REVISIONS)


def test_migrations_build_the_models_schema(tmp_path: Path) -> None:
    repository = open_repository(tmp_path / "new.sqlite3")
    repository.engine.dispose()
    assert _differences_from_models(tmp_path / "new.sqlite3") == []


def step_rows(path: Path) -> list[tuple[str, str]]:
    """(id, text) of every step, in task and position order."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT s.id, s.text FROM schedule_entry s JOIN task t ON t.id = s.task_id"
            " ORDER BY t.section, t.position, s.position"
        ).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("revision", sorted(OLD_DATABASES))
def test_upgraded_old_database_has_the_models_schema(revision: str, tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(OLD_DATABASES[revision], copy)
    open_repository(copy).engine.dispose()
    assert _differences_from_models(copy) == []


def _differences_from_models(database: Path) -> list[object]:
    """What Alembic's autogenerate finds between the database's schema and the models."""
    engine = create_engine(f"sqlite:///{database.as_posix()}")
    try:
        with engine.connect() as connection:
            return compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()


def test_new_database_is_at_head_and_not_backed_up(tmp_path: Path) -> None:
    calls: list[str] = []
    path = tmp_path / "新建" / "books.sqlite3"
    repository = open_repository(path, before_upgrade=lambda: calls.append("backup"))
    repository.engine.dispose()
    assert revision_of(path) == HEAD
    assert calls == []


def test_database_at_head_is_not_backed_up(tmp_path: Path, fixture_bytes: bytes) -> None:
    path = tmp_path / "books.sqlite3"
    make_database(path, fixture_bytes)
    calls: list[str] = []
    repository = open_repository(path, before_upgrade=lambda: calls.append("backup"))
    repository.engine.dispose()
    assert calls == []


def test_older_database_is_backed_up_before_a_real_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0001"], path)
    events: list[str] = []
    real_upgrade = schema.upgrade

    def upgrade(engine: object, target: str = "head") -> None:
        events.append(f"upgrade from {revision_of(path)}")
        real_upgrade(engine, target)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "upgrade", upgrade)

    repository = open_repository(
        path, before_upgrade=lambda: events.append(f"backup at {revision_of(path)}")
    )
    repository.engine.dispose()

    assert events == ["backup at 0001", "upgrade from 0001"]
    assert revision_of(path) == HEAD


def test_upgrade_to_0002_gives_every_book_revision_zero(tmp_path: Path) -> None:
    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0001"], path)
    open_repository(path).engine.dispose()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT id, revision FROM book").fetchall() == [(1, 0)]
    finally:
        connection.close()


def test_upgrade_to_0003_keeps_steps_in_place_and_revisions(tmp_path: Path) -> None:
    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0002"], path)

    def rows() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        connection = sqlite3.connect(path)
        try:
            steps = "SELECT task_id, position, quarters, text FROM schedule_entry ORDER BY rowid"
            return (
                connection.execute(steps).fetchall(),
                connection.execute("SELECT id, revision FROM book").fetchall(),
            )
        finally:
            connection.close()

    steps_before, books_before = rows()
    assert books_before == [(1, 1_318_551_609)]
    repository = open_repository(path)
    try:
        with repository.engine.connect() as connection:  # on again once the upgrade is done
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        repository.engine.dispose()
    assert rows() == (steps_before, books_before)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT modified_at FROM book").fetchall() == [("",)]
        ids = connection.execute("SELECT typeof(id), length(id) FROM schedule_entry").fetchall()
        assert set(ids) == {("text", 32)}
        # Nothing of any book lost its parent on the way (the tables were copied).
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_failed_upgrade_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0002"], path)
    steps_before = step_rows(path)
    connection = sqlite3.connect(path)
    try:
        schema_tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
    finally:
        connection.close()

    def broken(_connection: object) -> None:
        raise UserError("数据表 task 有无主的行")

    # After every migration has run, before the commit: all of it is undone.
    monkeypatch.setattr(schema, "_check_foreign_keys", broken)
    with pytest.raises(UserError, match="无主"):
        open_repository(path)
    assert revision_of(path) == "0002"
    assert step_rows(path) == steps_before  # the integer ids, in their old table
    connection = sqlite3.connect(path)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(book)")]
        assert "modified_at" not in columns
        tables = connection.execute("SELECT name FROM sqlite_master")
        assert sorted(row[0] for row in tables) == sorted(schema_tables)  # and indexes
    finally:
        connection.close()


def test_failed_backup_stops_the_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The committed fixture is a rollback-journal file: any write at all, even the switch to
    # WAL, would show in its bytes.
    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0001"], path)
    before = path.read_bytes()
    upgrades: list[str] = []
    monkeypatch.setattr(schema, "upgrade", lambda *_args: upgrades.append("upgrade"))

    def backup() -> None:
        raise UserError("无法备份数据库：磁盘空间不足")

    with pytest.raises(UserError, match="无法备份"):
        open_repository(path, before_upgrade=backup)
    assert upgrades == []
    assert path.read_bytes() == before
    assert revision_of(path) == "0001"


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_newer_database_is_refused_untouched(
    journal_mode: str, tmp_path: Path, fixture_bytes: bytes
) -> None:
    path = tmp_path / "books.sqlite3"
    make_database(path, fixture_bytes)
    set_revision(path, "9999", journal_mode)
    before = path.read_bytes()
    calls: list[str] = []

    with pytest.raises(NewerDatabase) as caught:
        open_repository(path, before_upgrade=lambda: calls.append("backup"))

    assert "9999" in str(caught.value)
    assert "更新版本" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert calls == []
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["books.sqlite3"]
    assert revision_of(path) == "9999"


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('傅冰')")
    connection.commit()
    connection.close()
    before = path.read_bytes()

    with pytest.raises(UserError) as caught:
        open_repository(path)

    assert not isinstance(caught.value, NewerDatabase)
    assert "不是本程序的数据库" in str(caught.value)
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["other.sqlite3"]


@pytest.mark.parametrize(
    "content",
    [
        lambda: b"garbage\x00\xff" * 1000,
        lambda: "这不是数据库".encode() * 100,
        lambda: OLD_DATABASES["0001"].read_bytes()[:8192],  # a truncated copy
    ],
    ids=["garbage", "text", "truncated"],
)
def test_not_a_database_is_a_user_error(content: Callable[[], bytes], tmp_path: Path) -> None:
    path = tmp_path / "books.sqlite3"
    path.write_bytes(content())
    before = path.read_bytes()

    with pytest.raises(UserError) as caught:
        open_repository(path)

    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message and "Traceback" not in message
    assert path.read_bytes() == before


def test_0003_downgrades_to_what_0002_had(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0002"], path)
    steps = (
        "SELECT task_id, position, quarters, text FROM schedule_entry ORDER BY task_id, position"
    )

    def read(sql: str) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(path)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    before = read(steps)
    open_repository(path).engine.dispose()
    # A plain engine: SQLite's foreign keys are off, as the upgrade has them.
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
    finally:
        engine.dispose()
    assert revision_of(path) == "0002"
    assert read(steps) == before
    assert read("SELECT typeof(id) FROM schedule_entry GROUP BY 1") == [("integer",)]
    assert read("SELECT id, revision FROM book") == [(1, 1_318_551_609)]
    assert len(read("SELECT id FROM task")) == 9
    assert "modified_at" not in [row[1] for row in read("PRAGMA table_info(book)")]


def test_0004_keeps_a_task_s_extra_texts_and_downgrades_to_what_0003_had(tmp_path: Path) -> None:
    """Schema 0003 upgraded: tasks take extra texts (分值) in task_field, which cascade with
    their task; a downgrade drops the table and leaves the rest as 0003 had it."""
    from dataclasses import replace

    from alembic import command
    from alembic.config import Config

    path = tmp_path / "books.sqlite3"
    shutil.copyfile(OLD_DATABASES["0003"], path)

    def read(sql: str) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(path)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    tasks = read("SELECT * FROM task ORDER BY id")
    repository = open_repository(path)
    try:
        [summary] = repository.list_books()
        book = repository.load(summary.id)
        assert all(task.extra == () for task in book.functional_tasks)
        first = book.functional_tasks[0]
        rest = book.functional_tasks[1:]
        scored = replace(book, functional_tasks=(first.with_extra("score", "5 分"), *rest))
        repository.store(book, scored)
        assert repository.load(book.id).functional_tasks[0].extra_value("score") == "5 分"
    finally:
        repository.engine.dispose()
    assert read("SELECT task_id, name, value FROM task_field") == [(first.id, "score", "5 分")]
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
    finally:
        engine.dispose()
    assert revision_of(path) == "0003"
    assert read("SELECT name FROM sqlite_master WHERE name = 'task_field'") == []
    assert read("SELECT * FROM task ORDER BY id") == tasks  # the texts went, the tasks stay


def test_0007_adds_the_expected_units_and_downgrades_to_what_0006_had(tmp_path: Path) -> None:
    """A database of schema 0006 upgraded keeps its books and gains the office's lists of
    expected units; a downgrade drops the lists and leaves the books."""
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "books.sqlite3"
    make_database(path, FIXTURE_BOOK.read_bytes())
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))

    def migrate(step: Callable[[Config, str], None], revision: str) -> None:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            step(config, revision)

    def read(sql: str) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(path)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    try:
        migrate(command.downgrade, "0006")
        assert read("SELECT name FROM sqlite_master WHERE name = 'expected_unit'") == []
        books = read("SELECT id, unit_name, year FROM book")
        migrate(command.upgrade, "0007")
    finally:
        engine.dispose()
    assert revision_of(path) == "0007"
    repository = open_repository(path)
    try:
        assert [(s.id, s.unit_name, s.year) for s in repository.list_books()] == books
        repository.set_expected_units(2021, ["财政局", "教育局"])
        assert repository.expected_units(2021) == ["财政局", "教育局"]
    finally:
        repository.engine.dispose()
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    try:
        migrate(command.downgrade, "0006")
    finally:
        engine.dispose()
    assert read("SELECT name FROM sqlite_master WHERE name = 'expected_unit'") == []
    assert read("SELECT id, unit_name, year FROM book") == books
