"""The repository: books in and out, and store() writing only what changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from sqlalchemy import event, text

from bluebook_desktop.db.repository import BookMissing, BookSummary, Repository
from bluebook_desktop.domain import LEAD, Book, Cover, ScheduleEntry, Task
from bluebook_desktop.formats.portable import dumps, loads


@dataclass
class Statements:
    """Every SQL statement sent to the database while recording."""

    sent: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def sql(self) -> list[str]:
        return [statement for statement, _ in self.sent]

    def parameters(self) -> list[Any]:
        """All parameter values, flattened (executemany included)."""
        values: list[Any] = []
        for _, params in self.sent:
            rows = params if isinstance(params, list) else [params]
            for row in rows:
                values.extend(row.values() if isinstance(row, dict) else row)
        return values


@contextmanager
def recorded(repository: Repository) -> Iterator[Statements]:
    statements = Statements()

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        statements.sent.append((statement, params))

    event.listen(repository.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(repository.engine, "before_cursor_execute", record)


# The first statement of every store: the book's revision check (see test_conflict.py).
REVISION_CHECK = (
    "UPDATE book SET revision=(book.revision + ?), modified_at=? "
    "WHERE book.id = ? AND book.revision = ?"
)


def after_check(statements: Statements) -> Statements:
    """What a store sent after its revision check, which must come first."""
    assert statements.sql[0] == REVISION_CHECK
    return Statements(statements.sent[1:])


def count(repository: Repository, sql: str, **params: object) -> int:
    with repository.engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())


def big_book(tasks: int = 200) -> Book:
    return Book(
        cover=Cover(year=2021, unit_name="大单位", title="大蓝皮书"),
        functional_tasks=tuple(
            Task(
                task=f"任务{i}",
                objective=f"目标说明{i}",
                target=f"目标{i}",
                schedule=(ScheduleEntry((1,), f"第一步{i}"), ScheduleEntry((2, 3), f"第二步{i}")),
                leaders=("陈晓", f"领导{i}"),
            )
            for i in range(tasks)
        ),
    )


# --- add, load, list, delete ---


def test_add_and_load(fixture_book: Book, repository: Repository) -> None:
    assert fixture_book.id is None
    stored = repository.add(fixture_book)
    assert isinstance(stored.id, int)
    assert stored == replace(fixture_book, id=stored.id)
    loaded = repository.load(stored.id)
    assert loaded == stored  # task ids, schedule order, leaders, dates: all of it


def test_add_keeps_key_tasks_and_section_order(repository: Repository) -> None:
    book = Book(
        cover=Cover(year=2022, unit_name="单位"),
        key_tasks=(Task(task="乙", role=LEAD), Task(task="甲")),
        functional_tasks=(Task(task="丙"),),
    )
    stored = repository.add(book)
    assert stored.id is not None
    assert repository.load(stored.id) == stored


def test_load_unknown_id(repository: Repository) -> None:
    with pytest.raises(BookMissing) as caught:
        repository.load(404)
    assert "404" in str(caught.value)


def test_list_books(fixture_bytes: bytes, repository: Repository) -> None:
    assert repository.list_books() == []
    first = repository.add(loads(fixture_bytes))
    fixture_book = loads(fixture_bytes)
    newer = repository.add(replace(fixture_book, cover=replace(fixture_book.cover, year=2022)))
    other = repository.add(Book(cover=Cover(year=2021, unit_name="三水区人大", title="人大")))
    assert [s.id for s in repository.list_books()] == [newer.id, other.id, first.id]
    summary = repository.list_books()[2]
    assert summary == BookSummary(
        first.id or 0,
        2021,
        "政协佛山市三水区委员会",
        "佛山市三水区政协机关绩效目标责任书",
        summary.modified_at,
    )
    added_at = dt.datetime.fromisoformat(summary.modified_at)
    assert added_at.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.timezone.utc) - added_at) < dt.timedelta(minutes=1)


def test_every_store_sets_modified_at(
    fixture_book: Book, repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluebook_desktop.db import repository as module

    monkeypatch.setattr(module, "_now", lambda: "2026-12-01T09:30:05+00:00")
    book = repository.add(fixture_book)
    monkeypatch.setattr(module, "_now", lambda: "2026-12-02T10:00:00+00:00")
    repository.store(book, replace(book, head_opinion="同意。"))
    with repository.engine.connect() as connection:
        stored = connection.execute(text("SELECT modified_at FROM book")).scalar_one()
    assert stored == "2026-12-02T10:00:00+00:00"
    assert [s.modified_at for s in repository.list_books()] == [stored]


def test_first_revision_is_a_random_64_bit_value(
    fixture_book: Book, repository: Repository
) -> None:
    revisions = {repository.revision(repository.add(fixture_book).id or 0)}
    revisions |= {repository.revision(repository.add(Book()).id or 0) for _ in range(3)}
    assert len(revisions) == 4
    assert all(r is not None and 0 <= r < 2**62 for r in revisions)
    assert any(r is not None and r >= 2**31 for r in revisions)  # 1 in 2**124 to fail


def test_delete_book_cascades(fixture_bytes: bytes, repository: Repository) -> None:
    kept = repository.add(loads(fixture_bytes))
    gone = repository.add(loads(fixture_bytes))
    assert gone.id is not None and kept.id is not None
    entries = sum(len(t.schedule) for t in kept.functional_tasks)
    leaders = sum(len(t.leaders) for t in kept.functional_tasks)
    assert (entries, leaders) == (21, 13)
    assert count(repository, "SELECT count(*) FROM task") == 18
    assert count(repository, "SELECT count(*) FROM schedule_entry") == 2 * entries
    assert count(repository, "SELECT count(*) FROM leader") == 2 * leaders

    repository.delete(gone.id)

    assert [s.id for s in repository.list_books()] == [kept.id]
    with pytest.raises(BookMissing):
        repository.load(gone.id)
    assert count(repository, "SELECT count(*) FROM task WHERE book_id = :id", id=gone.id) == 0
    assert count(repository, "SELECT count(*) FROM task") == 9
    assert count(repository, "SELECT count(*) FROM schedule_entry") == entries
    assert count(repository, "SELECT count(*) FROM leader") == leaders
    assert repository.load(kept.id) == kept


# --- store(): only what changed ---


def test_store_nothing_changed(fixture_book: Book, repository: Repository) -> None:
    stored = repository.add(fixture_book)
    with recorded(repository) as statements:
        repository.store(stored, stored)
        repository.store(stored, replace(stored))
    assert statements.sql == []


def test_store_cover_field_is_one_update(fixture_book: Book, repository: Repository) -> None:
    stored = repository.add(fixture_book)
    edited = replace(stored, cover=replace(stored.cover, phone="0757-87771622"))
    with recorded(repository) as statements:
        repository.store(stored, edited)
    # The revision check and the change are one statement.
    assert statements.sql == [
        "UPDATE book SET phone=?, revision=(book.revision + ?), modified_at=? "
        "WHERE book.id = ? AND book.revision = ?"
    ]
    assert repository.load(stored.id or 0) == edited


def test_store_dates_and_texts(fixture_book: Book, repository: Repository) -> None:
    stored = repository.add(fixture_book)
    edited = replace(
        stored,
        head_opinion="同意。",
        cover=replace(stored.cover, filled_on=None, year=2022),
    )
    with recorded(repository) as statements:
        repository.store(stored, edited)
    assert len(statements.sql) == 1
    assert statements.sql[0].startswith("UPDATE book SET ")
    assert repository.load(stored.id or 0) == edited


def test_store_one_schedule_in_a_big_book(repository: Repository) -> None:
    stored = repository.add(big_book(200))
    target = stored.functional_tasks[57]
    edited_task = replace(target, schedule=(ScheduleEntry((1, 2, 3, 4), "全年推进。"),))
    tasks = list(stored.functional_tasks)
    tasks[57] = edited_task
    edited = replace(stored, functional_tasks=tuple(tasks))
    others = "SELECT count(*) FROM schedule_entry WHERE task_id != :id"
    other_rows = "SELECT group_concat(id) FROM schedule_entry WHERE task_id != :id"
    before = count(repository, others, id=target.id)
    with repository.engine.connect() as connection:
        row_ids = connection.execute(text(other_rows), {"id": target.id}).scalar()

    with recorded(repository) as statements:
        repository.store(stored, edited)

    statements = after_check(statements)
    assert len(statements.sql) == 2
    assert statements.sql[0].startswith("DELETE FROM schedule_entry")
    assert statements.sql[1].startswith("INSERT INTO schedule_entry")
    assert target.id in statements.parameters()
    assert not {t.id for t in stored.functional_tasks if t is not target} & set(
        statements.parameters()
    )
    assert count(repository, others, id=target.id) == before == 2 * 199
    with repository.engine.connect() as connection:
        assert connection.execute(text(other_rows), {"id": target.id}).scalar() == row_ids
    assert repository.load(stored.id or 0) == edited


def step_rows(repository: Repository, task_id: str) -> list[tuple[str, int, str, str]]:
    """(id, position, quarters, text) of a task's schedule rows, in position order."""
    sql = (
        "SELECT id, position, quarters, text FROM schedule_entry"
        " WHERE task_id = :id ORDER BY position"
    )
    with repository.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), {"id": task_id})]


def with_schedule(book: Book, row: int, schedule: tuple[ScheduleEntry, ...]) -> Book:
    tasks = list(book.functional_tasks)
    tasks[row] = replace(tasks[row], schedule=schedule)
    return replace(book, functional_tasks=tuple(tasks))


def test_steps_are_stored_by_id(repository: Repository) -> None:
    stored = repository.add(big_book(20))
    task = stored.functional_tasks[5]
    first, second = task.schedule
    assert step_rows(repository, task.id) == [
        (first.id, 0, "1", "第一步5"),
        (second.id, 1, "2,3", "第二步5"),
    ]
    total = count(repository, "SELECT count(*) FROM schedule_entry")

    # A reorder changes the positions and nothing else.
    reordered = with_schedule(stored, 5, (second, first))
    with recorded(repository) as statements:
        repository.store(stored, reordered)
    assert (
        sorted(after_check(statements).sql)
        == ["UPDATE schedule_entry SET position=? WHERE schedule_entry.id = ?"] * 2
    )
    assert step_rows(repository, task.id) == [
        (second.id, 0, "2,3", "第二步5"),
        (first.id, 1, "1", "第一步5"),
    ]

    # Editing one step's text updates its row in place.
    typed = replace(first, text="第一步，改过")
    edited = with_schedule(reordered, 5, (second, typed))
    with recorded(repository) as statements:
        repository.store(reordered, edited)
    assert after_check(statements).sql == [
        "UPDATE schedule_entry SET text=? WHERE schedule_entry.id = ?"
    ]
    assert step_rows(repository, task.id)[1] == (first.id, 1, "1", "第一步，改过")

    # A new step is one insert; deleting one is one delete; the others keep their rows.
    added = ScheduleEntry((4,), "总结。")
    grown = with_schedule(edited, 5, (added, second, typed))
    repository.store(edited, grown)
    assert step_rows(repository, task.id) == [
        (added.id, 0, "4", "总结。"),
        (second.id, 1, "2,3", "第二步5"),
        (first.id, 2, "1", "第一步，改过"),
    ]
    assert count(repository, "SELECT count(*) FROM schedule_entry") == total + 1
    shrunk = with_schedule(grown, 5, (added, typed))
    with recorded(repository) as statements:
        repository.store(grown, shrunk)
    assert sorted(after_check(statements).sql) == [
        "DELETE FROM schedule_entry WHERE schedule_entry.id IN (?)",
        "UPDATE schedule_entry SET position=? WHERE schedule_entry.id = ?",
    ]
    assert step_rows(repository, task.id) == [
        (added.id, 0, "4", "总结。"),
        (first.id, 1, "1", "第一步，改过"),
    ]
    assert count(repository, "SELECT count(*) FROM schedule_entry") == total
    assert repository.load(stored.id or 0) == shrunk


def test_a_step_moved_to_another_task_keeps_its_id(repository: Repository) -> None:
    stored = repository.add(big_book(3))
    step = stored.functional_tasks[2].schedule[0]
    # The receiving task comes first: the step's old row must be gone before it is inserted.
    moved = with_schedule(stored, 0, (*stored.functional_tasks[0].schedule, step))
    moved = with_schedule(moved, 2, stored.functional_tasks[2].schedule[1:])
    repository.store(stored, moved)
    assert [row[0] for row in step_rows(repository, moved.functional_tasks[0].id)][-1] == step.id
    assert len(step_rows(repository, moved.functional_tasks[2].id)) == 1
    assert repository.load(stored.id or 0) == moved


def test_store_one_task_text(repository: Repository) -> None:
    stored = repository.add(big_book(200))
    tasks = list(stored.functional_tasks)
    tasks[3] = replace(tasks[3], objective="新的年度目标")
    edited = replace(stored, functional_tasks=tuple(tasks))
    with recorded(repository) as statements:
        repository.store(stored, edited)
    statements = after_check(statements)
    assert statements.sql == ["UPDATE task SET objective=? WHERE task.id = ?"]
    assert statements.parameters() == ["新的年度目标", tasks[3].id]


def test_store_leaders_only(repository: Repository) -> None:
    stored = repository.add(big_book(5))
    tasks = list(stored.functional_tasks)
    tasks[1] = replace(tasks[1], leaders=("李飞跃",))
    edited = replace(stored, functional_tasks=tuple(tasks))
    with recorded(repository) as statements:
        repository.store(stored, edited)
    assert [sql.split(" (")[0] for sql in after_check(statements).sql] == [
        "DELETE FROM leader WHERE leader.task_id = ?",
        "INSERT INTO leader",
    ]
    assert repository.load(stored.id or 0) == edited


def test_store_reorder_updates_positions(repository: Repository) -> None:
    stored = repository.add(big_book(200))
    tasks = list(stored.functional_tasks)
    tasks[10], tasks[11] = tasks[11], tasks[10]
    edited = replace(stored, functional_tasks=tuple(tasks))
    with recorded(repository) as statements:
        repository.store(stored, edited)
    statements = after_check(statements)
    assert statements.sql == ["UPDATE task SET position=? WHERE task.id = ?"] * 2
    assert sorted(map(str, statements.parameters())) == sorted(
        ["10", "11", tasks[10].id, tasks[11].id]
    )
    assert repository.load(stored.id or 0) == edited


def test_store_delete_task_deletes_its_rows(repository: Repository) -> None:
    stored = repository.add(big_book(5))
    victim = stored.functional_tasks[1]
    edited = replace(
        stored, functional_tasks=stored.functional_tasks[:1] + stored.functional_tasks[2:]
    )
    with recorded(repository) as statements:
        repository.store(stored, edited)
    statements = after_check(statements)
    assert statements.sql[0] == "DELETE FROM task WHERE task.id IN (?)"
    # The later tasks move up one place; nothing else is written.
    assert statements.sql[1:] == ["UPDATE task SET position=? WHERE task.id = ?"] * 3
    for table in ("task", "schedule_entry", "leader"):
        column = "id" if table == "task" else "task_id"
        sql = f"SELECT count(*) FROM {table} WHERE {column} = :id"
        assert count(repository, sql, id=victim.id) == 0, table
    assert count(repository, "SELECT count(*) FROM schedule_entry") == 2 * 4
    assert repository.load(stored.id or 0) == edited


def test_store_added_task(repository: Repository) -> None:
    stored = repository.add(big_book(3))
    new_task = Task(task="新任务", schedule=(ScheduleEntry((4,), "年底总结。"),), leaders=("陈晓",))
    edited = replace(stored, functional_tasks=(new_task, *stored.functional_tasks))
    repository.store(stored, edited)
    assert repository.load(stored.id or 0) == edited


def test_store_undo_restores(fixture_book: Book, repository: Repository) -> None:
    old = repository.add(fixture_book)
    tasks = list(old.functional_tasks)
    del tasks[4]
    tasks[0], tasks[1] = tasks[1], tasks[0]
    tasks[2] = replace(tasks[2], leaders=("刘小侠",), schedule=(), target="")
    tasks.append(Task(task="新任务"))
    new = replace(
        old,
        cover=replace(old.cover, unit_name="新单位", issued_on=None),
        head_opinion="",
        functional_tasks=tuple(tasks),
    )
    repository.store(old, new)
    assert repository.load(old.id or 0) == new

    repository.store(new, old)  # undo

    assert repository.load(old.id or 0) == old
    assert dumps(repository.load(old.id or 0)) == dumps(fixture_book)


def test_store_moves_a_task_between_tables(fixture_book: Book, repository: Repository) -> None:
    old = repository.add(fixture_book)
    moved = replace(old.functional_tasks[0], role=LEAD)
    new = replace(
        old, no_key_tasks=False, key_tasks=(moved,), functional_tasks=old.functional_tasks[1:]
    )
    repository.store(old, new)
    assert repository.load(old.id or 0) == new
    repository.store(new, old)
    assert repository.load(old.id or 0) == old


def test_store_a_deleted_book(fixture_book: Book, repository: Repository) -> None:
    old = repository.add(fixture_book)
    repository.delete(old.id or 0)
    with pytest.raises(BookMissing):
        repository.store(old, replace(old, head_opinion="不同意"))


def test_store_needs_two_versions_of_one_stored_book(
    fixture_book: Book, repository: Repository
) -> None:
    with pytest.raises(ValueError):
        repository.store(fixture_book, fixture_book)
    stored = repository.add(fixture_book)
    with pytest.raises(ValueError):
        repository.store(stored, replace(stored, id=(stored.id or 0) + 1))


# --- completion lists ---


def test_leader_names(fixture_book: Book, repository: Repository) -> None:
    assert repository.leader_names() == []
    repository.add(fixture_book)
    # Most used first (李飞跃 and 陈晓 4 tasks each, 何兰芳 3), then by name.
    assert repository.leader_names() == ["李飞跃", "陈晓", "何兰芳", "刘小侠", "李伟明"]
    repository.add(Book(functional_tasks=tuple(Task(leaders=("刘小侠",)) for _ in range(3))))
    # 4 each now: the tie goes by name.
    assert repository.leader_names()[:3] == ["刘小侠", "李飞跃", "陈晓"]


def test_task_names(fixture_book: Book, repository: Repository) -> None:
    assert repository.task_names() == []
    repository.add(fixture_book)
    extra = (Task(task=""), Task(task="统一战线"), Task(task="统一战线"))
    repository.add(Book(functional_tasks=extra))
    # 统一战线 4, 政治协商 3, the others 2 each (then by name); an empty name is no name.
    assert repository.task_names() == ["统一战线", "政治协商", "参政议政", "民主监督"]


# --- connection settings ---


def test_every_connection_has_wal_and_foreign_keys(repository: Repository) -> None:
    with ExitStack() as stack:
        connections = [stack.enter_context(repository.engine.connect()) for _ in range(3)]
        # Three connections open at once: three distinct SQLite connections.
        assert len({id(c.connection.dbapi_connection) for c in connections}) == 3
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_next_years_book_is_stored_beside_this_years(
    fixture_book: Book, repository: Repository
) -> None:
    from bluebook_desktop.domain import next_year_book

    this_year = repository.add(fixture_book)
    next_year = repository.add(next_year_book(repository.load(this_year.id or 0)))
    assert count(repository, "SELECT count(*) FROM schedule_entry") == 2 * 21
    assert repository.load(this_year.id or 0) == this_year
    assert repository.load(next_year.id or 0) == next_year


def test_an_edited_extra_text_is_one_statement(repository: Repository) -> None:
    """A task's extra texts (分值 …) are stored by name, like its steps by id: one changed
    text is one UPDATE of its row; one added, one INSERT; one emptied, one DELETE."""
    tasks = tuple(Task(task=f"任务{i}").with_extra("score", "5 分") for i in range(50))
    book = repository.add(Book(cover=Cover(year=2021, unit_name="单位"), functional_tasks=tasks))

    def store(old: Book, task: Task) -> tuple[Book, list[str]]:
        new = replace(old, functional_tasks=(task, *old.functional_tasks[1:]))
        with recorded(repository) as statements:
            repository.store(old, new)
        return new, after_check(statements).sql

    first = book.functional_tasks[0]
    book, sql = store(book, first.with_extra("score", "10 分"))
    assert sql == [
        "UPDATE task_field SET value=? WHERE task_field.task_id = ? AND task_field.name = ?"
    ]
    book, sql = store(book, book.functional_tasks[0].with_extra("weight", "2"))
    assert sql == ["INSERT INTO task_field (task_id, name, value) VALUES (?, ?, ?)"]
    book, sql = store(book, book.functional_tasks[0].with_extra("score", ""))
    assert len(sql) == 1 and sql[0].startswith("DELETE FROM task_field")
    assert repository.load(book.id or 0) == book
    assert count(repository, "SELECT count(*) FROM task_field") == 50
