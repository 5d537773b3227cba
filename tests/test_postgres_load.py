"""Many programs on one PostgreSQL server at once, and the server restarted under a program
(on 127.0.0.1 only, bounded, each ending by itself; skipped where no server is set up)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.postgres import URL_ENV

from bluebook_desktop.db.store import Store, failure_reason, open_store
from bluebook_desktop.domain import Book

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / ".ci" / "postgres"

# One clerk's program: opens the server, waits for "go", then stores EDITS edits to its own
# book (the cover's phone and the first task's objective, in turn), each built on the last.
EDITOR = textwrap.dedent(
    """
    import json, sys
    from dataclasses import replace
    from bluebook_desktop.db.store import open_store

    url, book_id, edits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = open_store(url)
    book = store.repository.load(book_id)
    print("ready", flush=True)
    sys.stdin.readline()
    errors = []
    for n in range(edits):
        if n % 2:
            tasks = list(book.functional_tasks)
            tasks[0] = replace(tasks[0], objective=f"目标 {n}")
            new = replace(book, functional_tasks=tuple(tasks))
        else:
            new = replace(book, cover=replace(book.cover, phone=f"{book_id}-{n}"))
        try:
            store.repository.store(book, new)
        except Exception as exc:
            errors.append(repr(exc))
            continue
        book = new
    store.close()
    print(json.dumps(errors))
    """
)

# Two clerks on one book: each loads, appends its mark to 领导意见 and stores; a refused store
# is a conflict, its version kept (here: its mark listed), and the book is loaded again.
RIVAL = textwrap.dedent(
    """
    import json, sys
    from dataclasses import replace
    from bluebook_desktop.db.store import StoreConflict, open_store

    url, book_id, name, tries = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = open_store(url)
    print("ready", flush=True)
    sys.stdin.readline()
    stored, refused = [], []
    book = store.repository.load(book_id)
    for n in range(tries):
        mark = f"{name}{n};"
        new = replace(book, head_opinion=book.head_opinion + mark)
        try:
            store.repository.store(book, new)
        except StoreConflict:
            refused.append(mark)
            book = store.repository.load(book_id)
            continue
        stored.append(mark)
        book = new
        if n % 3 == 0:  # now and then the other one's stores are read
            book = store.repository.load(book_id)
    store.close()
    print(json.dumps({"stored": stored, "refused": refused}))
    """
)


def run_at_once(commands: list[list[str]], timeout: float = 180) -> list[str]:
    """Start every program, wait until all are ready, say go to all; their last lines."""
    programs = [
        subprocess.Popen(
            [sys.executable, "-c", *command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for command in commands
    ]
    try:
        for program in programs:
            assert program.stdout is not None
            line = program.stdout.readline()
            assert line == "ready\n", program.stderr.read() if program.stderr else line
        for program in programs:
            assert program.stdin is not None
            program.stdin.write("go\n")
            program.stdin.flush()
        outputs = [program.communicate(timeout=timeout) for program in programs]
    finally:
        for program in programs:
            if program.poll() is None:
                program.kill()
                program.wait()
    results = []
    for program, (out, err) in zip(programs, outputs, strict=True):
        assert program.returncode == 0, err
        assert "Traceback" not in err, err
        results.append(out.strip().splitlines()[-1])
    return results


def revision(store: Store, book_id: int) -> int:
    with store.repository.engine.connect() as connection:
        query = "SELECT revision FROM book WHERE id = %(id)s"
        return connection.exec_driver_sql(query, {"id": book_id}).scalar_one()


def test_twenty_programs_each_storing_two_hundred_edits_to_its_own_book(
    postgres_url: str, fixture_book: Book
) -> None:
    from bluebook_desktop.domain import next_year_book

    programs, edits = 20, 200
    with open_store(postgres_url) as store:
        books = [store.repository.add(next_year_book(fixture_book)) for _ in range(programs)]
        start = {book.id: revision(store, book.id) for book in books}
        results = run_at_once([[EDITOR, postgres_url, str(book.id), str(edits)] for book in books])
        assert [json.loads(r) for r in results] == [[]] * programs  # no error anywhere
        for book in books:
            assert revision(store, book.id) == start[book.id] + edits  # every edit stored
            loaded = store.repository.load(book.id)
            assert loaded.cover.phone == f"{book.id}-{edits - 2}"
            assert loaded.functional_tasks[0].objective == f"目标 {edits - 1}"


def test_two_programs_on_one_book_every_conflict_is_detected(
    postgres_url: str, fixture_book: Book
) -> None:
    tries = 150
    with open_store(postgres_url) as store:
        book = store.repository.add(replace(fixture_book, head_opinion=""))
        start = revision(store, book.id)
        results = run_at_once(
            [[RIVAL, postgres_url, str(book.id), name, str(tries)] for name in ("甲", "乙")]
        )
        outcome = [json.loads(r) for r in results]
        stored = [mark for o in outcome for mark in o["stored"]]
        refused = [mark for o in outcome for mark in o["refused"]]
        assert len(stored) + len(refused) == 2 * tries
        assert refused, "two programs storing at once never met: the test proved nothing"
        text = store.repository.load(book.id).head_opinion
        marks = [mark + ";" for mark in text.split(";") if mark]
        # Every stored edit is there, none twice; no refused one got in.
        assert sorted(marks) == sorted(stored) and len(set(marks)) == len(marks)
        assert not set(refused) & set(marks)
        assert revision(store, book.id) == start + len(stored)


@pytest.fixture
def own_server() -> Iterator[tuple[str, Path]]:
    """A server of this test's own (it is stopped and started): its URL and its folder."""
    if not os.environ.get(URL_ENV):
        pytest.skip(f"no PostgreSQL server: set {URL_ENV} to a postgresql:// URL")
    folder = Path(tempfile.mkdtemp(prefix="bluebook-pg-"))
    folder.chmod(0o755)  # run as root, the cluster belongs to the postgres user
    cluster = folder / "pg"
    try:
        url = subprocess.run(
            ["bash", str(CLUSTER), "start", str(cluster)],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout.strip()
        yield url, cluster
    finally:
        subprocess.run(["bash", str(CLUSTER), "stop", str(cluster)], timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def cluster(action: str, folder: Path) -> None:
    subprocess.run(["bash", str(CLUSTER), action, str(folder)], check=True, timeout=120)


def test_a_store_while_the_server_is_down_fails_plainly_and_succeeds_after(
    qtbot, own_server: tuple[str, Path], fixture_book: Book
) -> None:
    from bluebook_desktop.ui.session import BookSession

    url, folder = own_server
    store = open_store(url)
    try:
        book = store.repository.add(fixture_book)
        session = BookSession(store.repository, store.repository.load(book.id))
        failures: list[str] = []
        session.storeFailed.connect(failures.append)
        session.edit(replace(session.book, head_opinion="服务器停机前写的"), "领导意见")
        assert session.store_now()

        cluster("pause", folder)
        session.edit(replace(session.book, head_opinion="服务器停机时写的"), "领导意见")
        assert not session.store_now()
        assert failures == ["连接不上数据库服务器（地址或端口不对，或服务器没有运行）"]
        assert session.book.head_opinion == "服务器停机时写的"  # still in the window
        assert session._timer.isActive()  # and tried again later

        cluster("resume", folder)
        assert session.store_now()  # the same store object, no reopening
        with open_store(url) as other:
            assert other.repository.load(book.id).head_opinion == "服务器停机时写的"

        # A restart between two stores (no store while it was down): the pooled connection
        # is dead, checked before use and replaced.
        cluster("pause", folder)
        cluster("resume", folder)
        session.edit(replace(session.book, head_opinion="服务器重启后写的"), "领导意见")
        assert session.store_now()
        assert store.repository.load(book.id).head_opinion == "服务器重启后写的"
        session.finish()
    finally:
        store.close()


def test_a_lost_connection_is_put_in_plain_words(own_server: tuple[str, Path]) -> None:
    url, folder = own_server
    with open_store(url) as store:
        cluster("pause", folder)
        try:
            store.repository.list_books()
        except Exception as exc:  # noqa: BLE001 - what the window does with any failure
            assert failure_reason(exc) == "连接不上数据库服务器（地址或端口不对，或服务器没有运行）"
        else:
            pytest.fail("the server is down: reading cannot succeed")
        cluster("resume", folder)
        assert store.repository.list_books() == []


def test_the_window_keeps_edits_in_a_file_while_the_server_is_down(
    qtbot, own_server: tuple[str, Path], fixture_book: Book, tmp_path: Path
) -> None:
    from bluebook_desktop.formats.portable import loads
    from bluebook_desktop.paths import Paths
    from bluebook_desktop.ui.main_window import MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    url, folder = own_server
    store = open_store(url)
    book = store.repository.add(fixture_book)
    data_dir = tmp_path / "data"
    found = Paths(data_dir, data_dir / "bluebook.sqlite3", data_dir / "logs", data_dir / "backups")
    workspace = Workspace(store, Settings.in_file(tmp_path / "settings.ini"), found)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    messages: list[str] = []
    workspace.message.connect(lambda text, _ms: messages.append(text))
    try:
        assert window.open_book(book.id)
        cluster("pause", folder)
        window.session.edit(replace(window.session.book, head_opinion="停机时写的意见"), "意见")
        assert not window.store_now()
        kept = data_dir / "recovered" / f"未保存-{book.id}.bluebook.json"
        assert loads(kept.read_bytes()).head_opinion == "停机时写的意见"
        assert messages[-1] == (
            "保存失败：连接不上数据库服务器（地址或端口不对，或服务器没有运行）。"
            f"修改仍在窗口中，也已另存在 {kept}；程序会自动重试，保存后删除该文件。"
        )
        cluster("resume", folder)
        assert window.store_now()
        assert not kept.exists()
        assert store.repository.load(book.id).head_opinion == "停机时写的意见"
        window.close()
    finally:
        store.close()
