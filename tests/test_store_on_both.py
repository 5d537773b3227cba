"""What the store promises, on a SQLite file and on a PostgreSQL server alike: books added,
loaded, stored and deleted; two programs on one book (the later store refused, the refused
version kept); the year's reports with their supporting files' bytes.

The SQLite-only parts (the file's checks, backups beside it) are tested in test_store.py and
test_backup.py; the server-only parts in test_postgres_store.py."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.year_books import real_year_book
from PySide6.QtWidgets import QMessageBox

from bluebook_desktop.db.store import BookMissing, Store, StoreConflict, open_store
from bluebook_desktop.domain import Book, next_year_book
from bluebook_desktop.domain.year import Supporting
from bluebook_desktop.formats.portable import read_portable
from bluebook_desktop.paths import Paths


def with_phone(book: Book, phone: str) -> Book:
    return replace(book, cover=replace(book.cover, phone=phone))


def with_objective(book: Book, objective: str) -> Book:
    tasks = list(book.functional_tasks)
    tasks[0] = replace(tasks[0], objective=objective)
    return replace(book, functional_tasks=tuple(tasks))


def count(store: Store, table: str) -> int:
    with store.repository.engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()


def test_a_book_is_added_loaded_stored_and_deleted(any_store: Store, fixture_book: Book) -> None:
    repository = any_store.repository
    book = repository.add(fixture_book)
    assert repository.load(book.id) == book
    assert [s.id for s in repository.list_books()] == [book.id]
    edited = with_objective(with_phone(book, "0757-1234567"), "按时完成提案办理")
    tasks = list(edited.functional_tasks)
    moved = tasks.pop()  # a task moved to the other table keeps its id
    edited = replace(edited, functional_tasks=tuple(tasks), key_tasks=(*edited.key_tasks, moved))
    repository.store(book, edited)
    with open_store(any_store.location) as again:  # read back by another program
        assert again.repository.load(book.id) == edited
    tasks_before = count(any_store, "task")
    assert tasks_before == len(edited.key_tasks) + len(edited.functional_tasks)
    repository.delete(book.id)
    with pytest.raises(BookMissing):
        repository.load(book.id)
    assert count(any_store, "task") == 0 and count(any_store, "schedule_entry") == 0


def test_the_later_store_on_one_book_is_refused(any_store: Store, fixture_book: Book) -> None:
    first = any_store.repository
    book = first.add(fixture_book)
    with open_store(any_store.location) as other:
        second = other.repository
        mine, theirs = first.load(book.id), second.load(book.id)
        first.store(mine, with_phone(mine, "第一台电脑"))
        with pytest.raises(StoreConflict) as refused:
            second.store(theirs, with_objective(with_phone(theirs, "第二台电脑"), "改了目标"))
        assert str(refused.value) == "另一个窗口已修改了这本蓝皮书，本窗口的修改没有写入数据库。"
        held = first.load(book.id)
        assert held.cover.phone == "第一台电脑"
        assert held.functional_tasks[0].objective == fixture_book.functional_tasks[0].objective
        reloaded = second.load(book.id)  # built on the new revision, it stores
        second.store(reloaded, with_phone(reloaded, "第二台电脑"))
        assert first.load(book.id).cover.phone == "第二台电脑"
        first.delete(book.id)
        with pytest.raises(BookMissing):
            second.store(reloaded, with_phone(reloaded, "写进已删除的蓝皮书"))


def test_different_books_never_conflict(any_store: Store, fixture_book: Book) -> None:
    one = any_store.repository.add(fixture_book)
    with open_store(any_store.location) as other:
        two = other.repository.add(next_year_book(fixture_book))
        for n in range(5):
            a = any_store.repository.load(one.id)
            b = other.repository.load(two.id)
            any_store.repository.store(a, with_phone(a, f"甲{n}"))
            other.repository.store(b, with_phone(b, f"乙{n}"))
        assert other.repository.load(one.id).cover.phone == "甲4"
        assert any_store.repository.load(two.id).cover.phone == "乙4"


def test_the_year_and_its_files_bytes_are_stored(any_store: Store) -> None:
    repository = any_store.repository
    year = real_year_book()
    records = {e.sha256: e for t in year.functional_tasks for p in t.progress for e in p.evidence}
    data = {sha: os.urandom(200_000) + sha.encode() for sha in list(records)[:3]}
    assert len(data) == 3
    # the book names files by their content's hash: give each record its bytes' hash
    renamed = {sha: hashlib.sha256(blob).hexdigest() for sha, blob in data.items()}
    book = _rename_evidence(year, renamed)
    files = [
        Supporting(replace(records[sha], sha256=renamed[sha], size=len(blob)), blob)
        for sha, blob in data.items()
    ]
    stored = repository.add(book, files)
    with open_store(any_store.location) as again:
        assert again.repository.load(stored.id) == stored
        for sha, blob in data.items():
            assert again.repository.evidence_data(renamed[sha]) == blob
    assert repository.put_evidence(data[next(iter(data))], "application/pdf") in renamed.values()
    assert count(any_store, "evidence_file") == len(data)  # the same bytes: no second copy
    first = stored.functional_tasks[0]
    reviewed = replace(first, review=replace(first.review, score=9.0))
    edited = replace(stored, functional_tasks=(reviewed, *stored.functional_tasks[1:]))
    repository.store(stored, edited)
    assert repository.load(stored.id) == edited


def _rename_evidence(book: Book, renamed: dict[str, str]) -> Book:
    def fix(evidence):
        if evidence.sha256 in renamed:
            return replace(evidence, sha256=renamed[evidence.sha256])
        return evidence

    tasks = []
    for task in book.functional_tasks:
        progress = tuple(replace(p, evidence=tuple(map(fix, p.evidence))) for p in task.progress)
        tasks.append(replace(task, progress=progress))
    return replace(book, functional_tasks=tuple(tasks))


def test_the_window_keeps_its_refused_version_and_reloads(
    qtbot,
    any_store: Store,
    fixture_book: Book,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    book = any_store.repository.add(fixture_book)
    data_dir = tmp_path / "window"
    found = Paths(data_dir, data_dir / "bluebook.sqlite3", data_dir / "logs", data_dir / "backups")
    other = open_store(any_store.location)  # the other clerk's program
    window = MainWindow(Workspace(other, Settings.in_file(tmp_path / "settings.ini"), found))
    qtbot.addWidget(window)
    assert window.open_book(book.id)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))

    mine = any_store.repository.load(book.id)
    any_store.repository.store(mine, with_phone(mine, "第一台电脑"))
    unsaved = with_objective(with_phone(window.session.book, "第二台电脑"), "第二台电脑的目标")
    window.session.edit(unsaved, "修改")
    assert window.store_now()  # nothing unsaved is left: it is in a file now

    kept = list((data_dir / "recovered").iterdir())
    assert len(kept) == 1
    recovered = read_portable(kept[0])
    assert recovered.cover.phone == "第二台电脑"
    assert recovered.functional_tasks[0].objective == "第二台电脑的目标"
    assert len(warnings) == 1 and "另一个窗口已修改了这本蓝皮书" in warnings[0]
    assert window.session.book.cover.phone == "第一台电脑"
    window.session.edit(with_phone(window.session.book, "再次修改"), "电话")
    assert window.store_now()
    assert any_store.repository.load(book.id).cover.phone == "再次修改"
    window.close()
    other.close()


def test_the_same_file_stored_by_two_programs_at_once_is_kept_once(
    any_store: Store,
) -> None:
    import threading

    from sqlalchemy import insert

    from bluebook_desktop.db.models import EvidenceFileRow

    if any_store.is_file:
        pytest.skip("SQLite lets one writer in at a time: the insert cannot race")
    data = os.urandom(50_000)
    sha = hashlib.sha256(data).hexdigest()
    results: list[object] = []
    with open_store(any_store.location) as other:
        # The other program has inserted the bytes and not committed yet: this one checks,
        # finds nothing, inserts and waits on the unique key until the other commits.
        with other.repository.engine.begin() as connection:
            connection.execute(
                insert(EvidenceFileRow).values(
                    sha256=sha,
                    size=len(data),
                    media_type="application/pdf",
                    data=data,
                    stored_at="2026-12-01T00:00:00+00:00",
                )
            )

            def put() -> None:
                try:
                    results.append(any_store.repository.put_evidence(data, "application/pdf"))
                except Exception as exc:  # noqa: BLE001 - what went wrong is the assertion
                    results.append(exc)

            thread = threading.Thread(target=put)
            thread.start()
            thread.join(0.5)
            assert thread.is_alive()  # waiting on the other's row
        thread.join(10)
    assert results == [sha]
    assert any_store.repository.evidence_data(sha) == data
    assert count(any_store, "evidence_file") == 1


def test_a_store_the_server_rolls_back_to_break_a_deadlock_is_run_again(
    any_store: Store, fixture_book: Book
) -> None:
    import threading

    from sqlalchemy import insert

    from bluebook_desktop.db.models import EvidenceFileRow

    if any_store.is_file:
        pytest.skip("SQLite lets one writer in at a time: no deadlock")
    first, second = os.urandom(40_000), os.urandom(40_000)
    year = real_year_book()
    record = next(e for t in year.functional_tasks for p in t.progress for e in p.evidence)
    files = [
        Supporting(replace(record, sha256=hashlib.sha256(blob).hexdigest(), size=len(blob)), blob)
        for blob in (second, first)  # this program stores `second`, then `first`
    ]

    def row(blob: bytes):
        return insert(EvidenceFileRow).values(
            sha256=hashlib.sha256(blob).hexdigest(),
            size=len(blob),
            media_type="application/pdf",
            data=blob,
            stored_at="2026-12-01T00:00:00+00:00",
        )

    added: list[object] = []

    def add() -> None:
        try:
            added.append(any_store.repository.add(fixture_book, files))
        except Exception as exc:  # noqa: BLE001 - what went wrong is the assertion
            added.append(exc)

    with open_store(any_store.location) as other:
        with other.repository.engine.begin() as connection:
            connection.execute(row(first))  # the other program holds `first`
            thread = threading.Thread(target=add)
            thread.start()
            thread.join(0.3)  # this one stored `second` and waits for `first`
            assert thread.is_alive()
            connection.execute(row(second))  # the other now waits for `second`: deadlock
        thread.join(20)
    assert len(added) == 1 and not isinstance(added[0], Exception), added
    for blob in (first, second):
        assert any_store.repository.evidence_data(hashlib.sha256(blob).hexdigest()) == blob
    assert count(any_store, "evidence_file") == 2


def test_a_year_read_at_once_is_the_books_read_one_by_one(any_store: Store) -> None:
    """The collection view reads a year's books in a few queries: the same books, the same
    rows and findings as loading each book on its own gives."""
    import datetime as dt

    from helpers.collection import unit_book, with_progress

    from bluebook_desktop.domain import ScheduleEntry, new_id
    from bluebook_desktop.domain.collection import unit_row
    from bluebook_desktop.formats.pdf import missing_characters
    from bluebook_desktop.formats.summary import year_units

    def fresh(book: Book) -> Book:  # each book its own task and step ids, as files have
        def task(t):  # type: ignore[no-untyped-def]
            steps = tuple(replace(s, id=new_id()) for s in t.schedule)
            return replace(t, id=new_id(), schedule=steps)

        return replace(
            book,
            key_tasks=tuple(task(t) for t in book.key_tasks),
            functional_tasks=tuple(task(t) for t in book.functional_tasks),
        )

    repository = any_store.repository
    base = real_year_book()
    made = [repository.add(base)]
    for i in range(12):
        book, _defects = unit_book(base, i)
        if i % 3 == 0:
            book = with_progress(book, 1 + i % 4)
        if i == 5:  # a character no font prints, in a step
            first = book.functional_tasks[0]
            odd = ScheduleEntry((2,), "推进\U000f0001事项")
            first = replace(first, schedule=(*first.schedule, odd))
            book = replace(book, functional_tasks=(first, *book.functional_tasks[1:]))
        made.append(repository.add(fresh(book)))
    repository.add(fresh(unit_book(base, 20, year=2020)[0]))  # another year
    read = repository.load_year(2021)
    assert [book for book, _stored in read] == [repository.load(b.id) for b in made]
    stored_at = {s.id: s.modified_at for s in repository.list_books()}
    assert [stored for book, stored in read] == [stored_at[b.id] for b in made]
    today = dt.date.today()
    one_by_one = {
        b.id: unit_row(repository.load(b.id), stored_at[b.id], today, missing_characters(b))
        for b in made
    }
    units = year_units(repository, 2021)
    assert sorted(u.row.book_id for u in units) == sorted(one_by_one)
    for unit in units:
        assert unit.row == one_by_one[unit.row.book_id]
    assert any("无法打印" in f.text() for u in units for f in u.row.findings)
    assert any(u.row.quarters for u in units)


def test_the_office_keeps_its_list_of_expected_units_per_year(
    any_store: Store, fixture_book: Book
) -> None:
    """Schema 0007: each year's list in its order, each unit once, replaced as a whole; the
    command line's `units` uses it when not given a file."""
    repository = any_store.repository
    assert repository.expected_units(2021) == []
    kept = repository.set_expected_units(2021, ["财政局", " 教育局", "", "财政局", "（2）统计局"])
    assert kept == ["财政局", "教育局", "（2）统计局"]
    repository.set_expected_units(2022, ["民政局"])
    with open_store(any_store.location) as again:
        assert again.repository.expected_units(2021) == kept
        assert again.repository.expected_units(2022) == ["民政局"]
    repository.set_expected_units(2021, ["审计局", "财政局"])
    assert repository.expected_units(2021) == ["审计局", "财政局"]
    assert count(any_store, "expected_unit") == 3
    repository.set_expected_units(2021, [])
    assert repository.expected_units(2021) == [] and repository.expected_units(2022) == ["民政局"]
    from bluebook_desktop.errors import UserError

    with pytest.raises(UserError, match="过长"):  # a pasted paragraph is no unit's name
        repository.set_expected_units(2022, ["审计局", "这是一段话" * 101])
    assert repository.expected_units(2022) == ["民政局"]


def test_units_uses_the_kept_list(
    any_store: Store, fixture_book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    from bluebook_desktop.cli import main

    unit = fixture_book.cover.unit_name
    any_store.repository.add(fixture_book)
    any_store.repository.set_expected_units(fixture_book.cover.year, ["三水区统计局", unit])
    location = str(any_store.location)
    assert main(["--db", location, "units", "--year", str(fixture_book.cover.year)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]
    assert [r[0] for r in rows] == ["三水区统计局", unit]
    assert rows[0][1] == "未报送" and rows[1][1] != "未报送"
