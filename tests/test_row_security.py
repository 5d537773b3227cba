"""Row security on a server, with real roles: a unit's role sees and writes only its own
unit's books, the office's role every book, and switching it off restores the old rule
(everyone who may log in sees all).

The roles are the server's: made here by the test server's superuser, and dropped after.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from helpers.postgres import server_url
from sqlalchemy import Engine, text

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db.repository import BookMissing, Repository
from bluebook_desktop.db.schema import prepare
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import Book, Cover, Task

ROLES = ("bluebook_unit_a", "bluebook_unit_b", "bluebook_office_clerk", "bluebook_office")
UNIT_A, UNIT_B = "甲单位", "乙单位"


def _drop_roles(engine: Engine) -> None:
    with engine.begin() as connection:
        for role in ROLES:
            exists = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).first()
            if exists:
                connection.execute(text(f"DROP OWNED BY {role}"))
                connection.execute(text(f"DROP ROLE {role}"))


@pytest.fixture
def server(postgres_engine: Engine, postgres_url: str) -> Iterator[str]:
    """A migrated server with two units' books, the roles granted the tables, row security on."""
    prepare(postgres_engine)
    _drop_roles(postgres_engine)
    with postgres_engine.begin() as connection:
        connection.execute(text("CREATE ROLE bluebook_office NOLOGIN"))
        for role in ROLES[:3]:
            connection.execute(text(f"CREATE ROLE {role} LOGIN"))
        connection.execute(text("GRANT bluebook_office TO bluebook_office_clerk"))
        for role in ROLES[:3]:
            connection.execute(
                text(
                    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"
                )
            )
            connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}"))
            connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
    owner = Repository(postgres_engine)
    for unit in (UNIT_A, UNIT_B):
        owner.add(Book(cover=Cover(year=2022, unit_name=unit), functional_tasks=(Task(task=unit),)))
    for role, unit in (("bluebook_unit_a", UNIT_A), ("bluebook_unit_b", UNIT_B)):
        assert main(["--db", postgres_url, "access", "unit", role, unit]) == 0
    assert main(["--db", postgres_url, "access", "on"]) == 0
    yield postgres_url
    postgres_engine.dispose()
    _drop_roles(postgres_engine)


def _units(url: str) -> list[str]:
    with open_store(url) as store:
        return sorted(s.unit_name for s in store.repository.list_books())


def test_each_unit_sees_its_own_books_and_the_office_all(server: str) -> None:
    as_a = server_url(server, username="bluebook_unit_a")
    as_b = server_url(server, username="bluebook_unit_b")
    office = server_url(server, username="bluebook_office_clerk")
    assert _units(as_a) == [UNIT_A]
    assert _units(as_b) == [UNIT_B]
    assert _units(office) == sorted([UNIT_A, UNIT_B])

    with open_store(office) as store:
        ids = {s.unit_name: s.id for s in store.repository.list_books()}
    with open_store(as_a) as store:
        repository = store.repository
        with pytest.raises(BookMissing):
            repository.load(ids[UNIT_B])  # as if it were not there
        own = repository.load(ids[UNIT_A])
        repository.store(own, replace(own, head_opinion="同意。"))
        # A book for another unit cannot be made or moved there.
        with pytest.raises(Exception) as refused:
            repository.add(Book(cover=Cover(year=2022, unit_name=UNIT_B)))
        from bluebook_desktop.db.store import failure_reason

        assert failure_reason(refused.value) == "这个用户没有读写这些数据的权限"
        mine = repository.load(ids[UNIT_A])
        with pytest.raises(Exception) as moved:  # noqa: B017 - the server's own error
            repository.store(mine, replace(mine, cover=replace(mine.cover, unit_name=UNIT_B)))
        assert failure_reason(moved.value) == "这个用户没有读写这些数据的权限"
    with open_store(office) as store:
        books = {s.unit_name: store.repository.load(s.id) for s in store.repository.list_books()}
    assert books[UNIT_A].head_opinion == "同意。"
    assert sorted(books) == sorted([UNIT_A, UNIT_B])
    # Their tasks come with the books the role sees, and only with them.
    with open_store(as_b) as store, store.repository.engine.connect() as connection:
        tasks = connection.execute(text("SELECT task FROM task")).scalars().all()
    assert tasks == [UNIT_B]


def test_switched_off_every_role_sees_every_book(server: str, capsys) -> None:  # type: ignore[no-untyped-def]
    as_a = server_url(server, username="bluebook_unit_a")
    capsys.readouterr()
    assert main(["--db", server, "access", "off"]) == 0
    assert "未开启" in capsys.readouterr().out
    assert _units(as_a) == sorted([UNIT_A, UNIT_B])
    # Only the tables' owner switches it: a unit's role is refused in words.
    with pytest.raises(SystemExit) as refused:
        main(["--db", as_a, "access", "on"])
    assert refused.value.code == EXIT_ERROR
    assert "权限" in capsys.readouterr().err
    assert _units(as_a) == sorted([UNIT_A, UNIT_B])


def test_a_local_file_has_no_roles(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "books.sqlite3"), "access", "on"])
    assert "只用于数据库服务器" in capsys.readouterr().err


def test_only_the_office_writes_who_sees_what_and_who_is_expected(server: str) -> None:
    """A unit's role that could write unit_access could give itself another unit's books:
    it reads the office's two tables and writes neither; the office's role writes both."""
    from bluebook_desktop.db.store import failure_reason

    as_a = server_url(server, username="bluebook_unit_a")
    office = server_url(server, username="bluebook_office_clerk")
    with open_store(office) as store:
        assert store.repository.set_expected_units(2022, [UNIT_A, UNIT_B]) == [UNIT_A, UNIT_B]
    with open_store(as_a) as store:
        repository = store.repository
        assert repository.expected_units(2022) == [UNIT_A, UNIT_B]
        with pytest.raises(Exception) as refused:  # noqa: B017 - the server's own error
            repository.set_expected_units(2022, [UNIT_A])
        assert failure_reason(refused.value) == "这个用户没有读写这些数据的权限"
        assert repository.expected_units(2022) == [UNIT_A, UNIT_B]  # nothing changed
        with repository.engine.connect() as connection:
            with pytest.raises(Exception) as grab:  # noqa: B017
                connection.execute(
                    text("INSERT INTO unit_access VALUES ('bluebook_unit_a2', :u)"), {"u": UNIT_B}
                )
            assert failure_reason(grab.value) == "这个用户没有读写这些数据的权限"
            connection.rollback()
            changed = connection.execute(
                text("UPDATE unit_access SET unit_name = :u WHERE role_name = current_user"),
                {"u": UNIT_B},
            )
            assert changed.rowcount == 0  # its own row seen, not changed
            connection.rollback()
    assert _units(as_a) == [UNIT_A]
    with open_store(office) as store:
        assert store.repository.set_expected_units(2022, [UNIT_B]) == [UNIT_B]
