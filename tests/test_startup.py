"""Start-up: the window paints the last book from a quick read, before SQLAlchemy loads."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.stores import opened

from bluebook_desktop.db import open_repository, quick
from bluebook_desktop.db.deferred import DeferredRepository
from bluebook_desktop.db.errors import StoreConflict
from bluebook_desktop.domain import (
    ASSIST,
    LEAD,
    Book,
    Cover,
    ScheduleEntry,
    Task,
    next_year_book,
)


def _varied_book(fixture_book: Book) -> Book:
    """Key tasks with roles, an empty date, a task without steps: every column in use."""
    key = (
        Task(
            task="重点一",
            objective="目标一",
            schedule=(ScheduleEntry((1, 2, 3, 4), "全年"),),
            leaders=("陈晓",),
            role=LEAD,
        ),
        Task(task="重点二", role=ASSIST),
        Task(task="重点三"),
    )
    return replace(
        next_year_book(fixture_book),  # new task ids: a task row belongs to one book
        cover=replace(fixture_book.cover, filled_on=None),
        key_tasks=key,
        no_key_tasks=False,
    )


@pytest.fixture
def database(tmp_path: Path, fixture_book: Book) -> Path:
    path = tmp_path / "books.sqlite3"
    store = opened(path)
    repository = store.repository
    repository.add(fixture_book)
    repository.add(_varied_book(fixture_book))
    repository.add(Book(cover=Cover(year=2023, unit_name="另一单位")))
    store.close()
    return path


def test_quick_read_builds_the_same_books_as_the_repository(database: Path) -> None:
    store = opened(database)
    repository = store.repository
    try:
        for summary in repository.list_books():
            start = quick.read_for_start(database, summary.id)
            assert start is not None
            assert start.books == repository.list_books()
            assert start.book == repository.load(summary.id)
            assert start.revision == repository.revision(summary.id)
    finally:
        store.close()


def test_quick_read_of_a_book_that_is_gone_gives_the_list_only(database: Path) -> None:
    start = quick.read_for_start(database, 999)
    assert start is not None and start.book is None and len(start.books) == 3


@pytest.mark.parametrize("revision", ["0001", "9999"])
def test_quick_read_leaves_other_schema_versions_to_the_normal_path(
    database: Path, revision: str
) -> None:
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    assert quick.read_for_start(database, 1) is None


def test_quick_read_gives_up_on_files_it_cannot_read(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert quick.read_for_start(garbage, 1) is None
    assert quick.read_for_start(tmp_path / "missing.sqlite3", 1) is None
    assert not (tmp_path / "missing.sqlite3").exists()  # a read never creates a database


def test_deferred_repository_answers_from_the_read_until_asked_for_more(database: Path) -> None:
    start = quick.read_for_start(database, 1)
    assert start is not None and start.book is not None
    opens: list[bool] = []

    def opener():  # noqa: ANN202
        opens.append(True)
        return open_repository(database)

    deferred = DeferredRepository(start, opener)
    assert deferred.list_books() == start.books
    assert deferred.load(1) is start.book
    assert not opens and not deferred.is_open
    assert deferred.task_names()  # anything else opens the database
    assert opens == [True] and deferred.is_open
    deferred.engine.dispose()


def test_a_store_after_a_quick_start_still_sees_another_windows_store(database: Path) -> None:
    start = quick.read_for_start(database, 1)
    assert start is not None and start.book is not None
    other_store = opened(database)
    other = other_store.repository
    theirs = other.load(1)
    other.store(theirs, replace(theirs, head_opinion="另一个窗口写的"))

    deferred = DeferredRepository(start, lambda: open_repository(database))
    book = deferred.load(1)
    with pytest.raises(StoreConflict):
        deferred.store(book, replace(book, head_opinion="本窗口写的"))
    assert other.load(1).head_opinion == "另一个窗口写的"
    other_store.close()
    deferred.engine.dispose()


def test_a_start_without_arguments_is_what_the_parser_would_make() -> None:
    from bluebook_desktop import app

    assert app.parse_args([]) == app.build_parser().parse_args([])
    assert app.parse_args(["--db", "x.sqlite3"]).db == "x.sqlite3"


def _program_env(database: Path, tmp_path: Path, last_book_id: int) -> dict[str, str]:
    """The environment of a program run on `database`, with `last_book_id` open last."""
    from bluebook_desktop.ui.settings import Settings

    home = tmp_path / "program-home"  # its settings.ini; never the registry or ~/.config
    settings = Settings.in_file(home / "settings.ini")
    settings.set_last_book_id(last_book_id)
    settings.q.sync()
    env = dict(os.environ)
    env.update(BLUEBOOK_DB=str(database), BLUEBOOK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("BLUEBOOK_QUIT_AFTER_PAINT", None)
    return env


# What the first paint does not need: the libraries behind storage and printing, and the
# pages behind the tabs not shown first. Each is imported when first used, after the paint.
NOT_BEFORE_THE_PAINT = (
    "logging.handlers",
    "socket",
    "ssl",
    "psycopg",
    "keyring",
    "uuid",  # imports platform; task ids are made when a task is added
    "html",
    "sqlalchemy",
    "alembic",
    "reportlab",
    "docx",
    "lxml",
    "openpyxl",
    "pypdfium2",
    "bluebook_desktop.db.repository",
    "bluebook_desktop.formats.pdf",
    "bluebook_desktop.formats.docx",
    "bluebook_desktop.formats.portable",
    "bluebook_desktop.ui.printing",
    "bluebook_desktop.ui.task_page",
    "bluebook_desktop.ui.task_model",
    "bluebook_desktop.ui.task_detail",
    "bluebook_desktop.ui.cell_editors",
    "bluebook_desktop.ui.schedule_editor",
    "bluebook_desktop.ui.row_heights",
    "bluebook_desktop.ui.texts_page",
    # The year's pages (进展填报, 年度自评) and their printouts, the dialogs, the preview.
    "bluebook_desktop.ui.year_pages",
    "bluebook_desktop.ui.evidence_panel",
    "bluebook_desktop.ui.settings_dialog",
    "bluebook_desktop.ui.about",
    "bluebook_desktop.ui.preview",
    "bluebook_desktop.formats.year_pdf",
    "bluebook_desktop.formats.year_docx",
    "bluebook_desktop.formats.xlsx",
    "bluebook_desktop.formats.summary",
)


def test_the_window_paints_the_last_book_before_sqlalchemy_is_imported(
    database: Path, tmp_path: Path
) -> None:
    script = (
        "import json, sys\n"
        "from bluebook_desktop import app\n"
        "code = app.main([])\n"
        "from PySide6.QtWidgets import QApplication\n"
        "windows = QApplication.topLevelWidgets()\n"
        "window = [w for w in windows if w.objectName() == 'MainWindow'][0]\n"
        f"names = {NOT_BEFORE_THE_PAINT!r}\n"
        "print(json.dumps({'code': code, 'loaded': [n for n in names if n in sys.modules],\n"
        "  'painted': QApplication.instance().property('painted_at') is not None,\n"
        "  'title': window.windowTitle()}))\n"
    )
    env = _program_env(database, tmp_path, last_book_id=2)
    env["BLUEBOOK_QUIT_AFTER_PAINT"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {
        "code": 0,
        "loaded": [],
        "painted": True,
        "title": report["title"],
    }
    assert report["title"].startswith("2021 佛山市三水区政协机关绩效目标责任书")


def test_after_the_first_paint_the_database_is_opened_and_backed_up(
    database: Path, tmp_path: Path
) -> None:
    script = (
        "import json, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "report = {}\n"
        "def look():\n"
        "    window = [w for w in app.topLevelWidgets() if w.objectName() == 'MainWindow'][0]\n"
        "    report['open'] = window.repository.is_open\n"
        "    tabs = window.ui.tabs\n"
        "    report['tabs'] = [sorted(({type(tabs.widget(i)).__name__} |\n"
        "        {type(c).__name__ for c in tabs.widget(i).children()}) &\n"
        "        {'CoverPage', 'TaskPage', 'TextsPage', 'ProgressPage', 'ReviewPage'})\n"
        "        for i in range(tabs.count())]\n"
        "    report['book'] = window.session.book.id\n"
        "    from PySide6.QtCore import Qt\n"
        "    from PySide6.QtTest import QTest\n"
        "    from PySide6.QtWidgets import QLineEdit\n"
        "    tabs.setCurrentIndex(0)\n"
        "    edit = tabs.widget(0).findChild(QLineEdit, 'unitName')\n"
        "    edit.setFocus()\n"
        "    QTest.keyClicks(edit, 'x')\n"
        "    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)\n"
        "    report['undone_by_the_window'] = window.undo_group.canRedo()\n"
        "    report['server_modules'] = [name for name in ('psycopg', 'psycopg_binary',\n"
        "        'keyring') if name in sys.modules]\n"
        "    window.close()\n"
        "QTimer.singleShot(3000, look)\n"
        "from bluebook_desktop import app as program\n"
        "report['code'] = program.main([])\n"
        "print(json.dumps(report))\n"
    )
    env = _program_env(database, tmp_path, last_book_id=1)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    tabs = [  # every page built
        ["CoverPage"],
        ["TaskPage"],
        ["TaskPage"],
        ["TextsPage"],
        ["ProgressPage"],
        ["ReviewPage"],
    ]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # Ctrl+Z went to the book's undo, not the text box's own: the window's shortcut filter,
    # installed only after the first paint, is in place.
    assert report == {
        "open": True,
        "book": 1,
        "code": 0,
        "tabs": tabs,
        "undone_by_the_window": True,
        # A SQLite database open through SQLAlchemy: nothing of a server's is loaded.
        "server_modules": [],
    }
    assert list((database.parent / "backups").glob("bluebook-*.sqlite3")), "the day's backup"
