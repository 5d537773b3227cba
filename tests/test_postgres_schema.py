"""The migrations on a real PostgreSQL server: an old database upgraded with everything in
it, the schema the models describe, a newer database refused, and two programs starting at
once on an empty database (skipped where no server is set up; CI requires them)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from fixtures.make_schema_db import REVISION, write_schema_and_book
from sqlalchemy import Engine, inspect, text

from bluebook_desktop.db import schema
from bluebook_desktop.db.models import Base
from bluebook_desktop.db.repository import Repository
from bluebook_desktop.db.schema import HEAD, MIGRATIONS, NewerDatabase, current_revision, prepare
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import dumps, loads

STEPS = "SELECT task_id, position, quarters, text FROM schedule_entry ORDER BY task_id, position"
# Every table and index of the schema, with the sequences behind integer keys.
CATALOG = (
    "SELECT relname, relkind FROM pg_class JOIN pg_namespace n ON n.oid = relnamespace"
    " WHERE nspname = 'public' ORDER BY relname"
)


def rows(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def make_old_database(engine: Engine, revision: str = "0002") -> None:
    """A database as the program of an older schema left it on the server, with the real
    book (as tests/fixtures/make_schema_db.py makes one on SQLite)."""
    write_schema_and_book(engine, revision)
    with engine.begin() as connection:
        # The book was inserted with its id; the program's own insert would have drawn it
        # from the sequence, so the next book gets the next number.
        connection.execute(text("SELECT setval('book_id_seq', (SELECT max(id) FROM book))"))


@pytest.mark.parametrize("revision", ["0001", "0002", "0003"])
def test_an_old_database_upgrades_with_the_book_whole(
    revision: str, postgres_engine: Engine, fixture_bytes: bytes
) -> None:
    make_old_database(postgres_engine, revision)
    steps_before = rows(postgres_engine, STEPS)
    old_ids = rows(postgres_engine, "SELECT id FROM schedule_entry ORDER BY task_id, position")
    assert len(steps_before) == 21
    assert all(isinstance(i, int) for (i,) in old_ids) == (revision < "0003")
    calls: list[str] = []

    prepare(postgres_engine, before_upgrade=lambda: calls.append("backup"))

    assert calls == ["backup"]
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == HEAD
    # Every step is where it was, with an id of its own (fresh where it was a number).
    assert rows(postgres_engine, STEPS) == steps_before
    ids = [i for (i,) in rows(postgres_engine, "SELECT id FROM schedule_entry")]
    assert all(re.fullmatch("[0-9a-f]{32}", i) for i in ids)  # type: ignore[arg-type]
    assert len(set(ids)) == 21
    # The step ids draw from nothing any more: no default, no sequence left behind.
    column = {c["name"]: c for c in inspect(postgres_engine).get_columns("schedule_entry")}["id"]
    assert column["default"] is None
    sequences = [name for name, kind in rows(postgres_engine, CATALOG) if kind == "S"]
    assert sequences == ["book_id_seq", "evidence_id_seq", "leader_id_seq"]
    assert rows(postgres_engine, "SELECT id, revision, modified_at FROM book") == [
        (1, 0 if revision == "0001" else REVISION, "")
    ]

    repository = Repository(postgres_engine)
    [summary] = repository.list_books()
    book = repository.load(summary.id)
    assert dumps(book).encode("utf-8") == fixture_bytes
    assert "陈晓" in repository.leader_names()
    steps = [entry for task in book.functional_tasks for entry in task.schedule]
    assert sorted(entry.id for entry in steps) == sorted(ids)
    # The program goes on storing there: a second book beside the first.
    second = repository.add(loads(fixture_bytes))
    assert second.id == 2
    assert dumps(repository.load(second.id)) == dumps(second)


@pytest.mark.parametrize("revision", ["0001", "0002", "0003"])
def test_an_upgraded_database_has_the_models_schema(revision: str, postgres_engine: Engine) -> None:
    make_old_database(postgres_engine, revision)
    prepare(postgres_engine)
    assert _differences_from_models(postgres_engine) == []


def test_a_new_database_has_the_models_schema(postgres_engine: Engine) -> None:
    prepare(postgres_engine)
    assert _differences_from_models(postgres_engine) == []


def _differences_from_models(engine: Engine) -> list[object]:
    """What Alembic's autogenerate finds between the server's schema and the models."""
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def test_0003_downgrades_to_what_0002_had(postgres_engine: Engine) -> None:
    make_old_database(postgres_engine)
    catalog = rows(postgres_engine, CATALOG)
    steps = rows(postgres_engine, STEPS)
    prepare(postgres_engine)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with postgres_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")

    with postgres_engine.connect() as connection:
        assert current_revision(connection) == "0002"
    assert rows(postgres_engine, STEPS) == steps
    assert rows(postgres_engine, CATALOG) == catalog  # the step ids' sequence is back
    ordered = "SELECT id FROM schedule_entry ORDER BY task_id, position"
    assert [i for (i,) in rows(postgres_engine, ordered)] == list(range(1, 22))
    assert "modified_at" not in {c["name"] for c in inspect(postgres_engine).get_columns("book")}
    # The program of schema 0002 adds a step without an id: the server numbers it next.
    with postgres_engine.begin() as connection:
        added = connection.execute(
            text(
                "INSERT INTO schedule_entry (task_id, position, quarters, text)"
                " SELECT task_id, 99, '4', '新的一步' FROM schedule_entry LIMIT 1 RETURNING id"
            )
        ).scalar()
    assert added == 22


def test_a_newer_database_is_refused_untouched(postgres_engine: Engine) -> None:
    prepare(postgres_engine)
    with postgres_engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    catalog = rows(postgres_engine, CATALOG)
    calls: list[str] = []

    with pytest.raises(NewerDatabase) as caught:
        prepare(postgres_engine, before_upgrade=lambda: calls.append("backup"))

    message = str(caught.value)
    assert message == (
        "这个数据库由更新版本的程序创建（数据库版本 9999），当前程序无法打开。"
        "请安装最新版本后再打开。"
    )
    assert calls == []
    assert rows(postgres_engine, CATALOG) == catalog
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == "9999"


# A program's start, as far as the schema goes: it waits for "go" on its input, so that both
# start migrating at the same moment, then prepares the database and says which tables it
# created or altered. Every statement is slowed (by the seconds given), so that two would overlap
# without the lock.
STARTER = textwrap.dedent(
    """
    import json, sys, time
    from sqlalchemy import create_engine, event
    from bluebook_desktop.db.schema import prepare

    engine = create_engine(sys.argv[1])
    changed = []

    @event.listens_for(engine, "after_cursor_execute")
    def record(connection, cursor, statement, parameters, context, executemany):
        words = statement.split()[:3]
        if [w.upper() for w in words[:2]] in (["CREATE", "TABLE"], ["ALTER", "TABLE"]):
            changed.append(" ".join(words))
        time.sleep(float(sys.argv[2]))

    engine.connect().close()  # connected and ready
    print("ready", flush=True)
    sys.stdin.readline()
    prepare(engine)
    print(json.dumps(changed), flush=True)
    """
)


@pytest.mark.parametrize("revision", [None, "0002"], ids=["empty", "0002"])
def test_two_programs_starting_at_once_migrate_once(
    revision: str | None, postgres_engine: Engine
) -> None:
    if revision is not None:
        make_old_database(postgres_engine, revision)
        steps = rows(postgres_engine, STEPS)
    url = postgres_engine.url.render_as_string(hide_password=False)
    programs = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, url, "0.02"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for program in programs:
            assert program.stdout is not None and program.stdout.readline() == "ready\n"
        for program in programs:
            assert program.stdin is not None
            program.stdin.write("go\n")
            program.stdin.flush()
        outputs = [program.communicate(timeout=120) for program in programs]
    finally:
        for program in programs:
            if program.poll() is None:
                program.kill()
                program.wait()
    for program, (_out, err) in zip(programs, outputs, strict=True):
        assert program.returncode == 0, err
        assert "Traceback" not in err
    changed = sorted((json.loads(out) for out, _err in outputs), key=len)
    # One of them made (or upgraded) every table; the other found them done.
    assert changed[0] == []
    if revision is None:
        tables = [*Base.metadata.tables, "alembic_version"]
        made = [change for change in changed[1] if change.startswith("CREATE")]
        assert sorted(made) == sorted(f"CREATE TABLE {name}" for name in tables)
    else:
        assert set(changed[1]) == {
            "ALTER TABLE schedule_entry",
            "ALTER TABLE book",
            "CREATE TABLE task_field",
            *(
                f"CREATE TABLE {name}"
                for name in (
                    "progress",
                    "review",
                    "adjustment",
                    "self_review",
                    "evidence",
                    "evidence_file",
                    "unit_access",
                    "expected_unit",
                )
            ),
        }
        assert rows(postgres_engine, STEPS) == steps  # the steps renumbered once, in place
        ids = rows(postgres_engine, "SELECT DISTINCT length(id) FROM schedule_entry")
        assert ids == [(32,)]
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == HEAD
    assert rows(postgres_engine, "SELECT count(*) FROM alembic_version") == [(1,)]


def test_a_program_waiting_too_long_for_the_lock_is_told_so(
    postgres_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "LOCK_WAIT_SECONDS", 0.3)
    with postgres_engine.connect() as other:  # another program, in the middle of its upgrade
        other.execute(text("SELECT pg_advisory_lock(:key)"), {"key": schema.ADVISORY_LOCK_KEY})
        other.commit()
        started = time.monotonic()
        with pytest.raises(UserError) as caught:
            prepare(postgres_engine)
        assert time.monotonic() - started >= 0.3
        message = str(caught.value)
        assert "另一个程序正在创建或升级它，等待超时" in message
        assert "\n" not in message and "Traceback" not in message
        assert inspect(postgres_engine).get_table_names() == []  # nothing made meanwhile
        other.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": schema.ADVISORY_LOCK_KEY})
        other.commit()
    prepare(postgres_engine)  # once it is free, the program goes on
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == HEAD
        # and does not keep the lock: another program can take it at once
        taken = connection.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": schema.ADVISORY_LOCK_KEY}
        ).scalar()
        assert taken is True


def test_a_program_killed_while_migrating_leaves_nothing_behind(postgres_engine: Engine) -> None:
    url = postgres_engine.url.render_as_string(hide_password=False)
    program = subprocess.Popen(
        [sys.executable, "-c", STARTER, url, "0.5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert program.stdout is not None and program.stdout.readline() == "ready\n"
        assert program.stdin is not None
        program.stdin.write("go\n")
        program.stdin.flush()
        # Wait until it holds the lock (on a connection of its own) and has made a table in
        # its upgrade's open transaction (on another).
        creating = (
            "SELECT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND pid <> pg_backend_pid()) AND EXISTS (SELECT FROM pg_stat_activity"
            " WHERE state = 'idle in transaction' AND query ~ '^\\s*CREATE TABLE')"
        )
        deadline = time.monotonic() + 60
        while rows(postgres_engine, creating) != [(True,)]:
            assert time.monotonic() < deadline and program.poll() is None
            time.sleep(0.05)
    finally:
        program.kill()
        program.communicate()
    # The server rolled its upgrade back and let the lock go: the next start makes it all.
    prepare(postgres_engine)
    with postgres_engine.connect() as connection:
        assert current_revision(connection) == HEAD
    assert _differences_from_models(postgres_engine) == []


def test_extra_texts_are_stored_on_the_server(postgres_engine: Engine, fixture_book) -> None:
    """A task's extra columns (分值 …) in task_field: stored, changed, read back, and gone
    with their task."""
    import dataclasses

    make_old_database(postgres_engine, "0003")
    prepare(postgres_engine)
    repository = Repository(postgres_engine)
    first, second = fixture_book.functional_tasks[:2]
    book = repository.add(
        dataclasses.replace(
            fixture_book, functional_tasks=(first.with_extra("score", "5 分"), second)
        )
    )
    assert repository.load(book.id) == book
    scored = book.functional_tasks[0]
    changed = dataclasses.replace(
        book, functional_tasks=(scored.with_extra("score", "10 分"), second.with_extra("w", "2"))
    )
    repository.store(book, changed)
    assert repository.load(book.id) == changed
    fields = "SELECT task_id, name, value FROM task_field ORDER BY name"
    assert rows(postgres_engine, fields) == [(first.id, "score", "10 分"), (second.id, "w", "2")]
    repository.store(changed, dataclasses.replace(changed, functional_tasks=()))
    assert rows(postgres_engine, fields) == []
