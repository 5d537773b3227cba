"""The 进展填报 page, typed into as a clerk types; what counts is the book and the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK
from helpers.ime import type_chinese
from helpers.widgets import close_editor, focus, open_cell
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QPlainTextEdit

from bluebook_desktop.domain import Book
from bluebook_desktop.domain.year import (
    BEHIND,
    LIGHT_NAMES,
    ON_PACE,
    Light,
    Progress,
    count_lights,
    pace_light,
    report_due,
    steps_in,
)
from bluebook_desktop.formats.portable import loads
from bluebook_desktop.ui.evidence_panel import RepositoryFiles
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.year_model import (
    ProgressModel,
    default_quarter,
    report_of,
    size_text,
)
from bluebook_desktop.ui.year_pages import ProgressPage

TODAY = dt.date(2021, 11, 15)  # the real book's year, its fourth quarter
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(2000)


class MemoryFiles:
    """Supporting files' bytes kept in memory, as the database keeps them."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def put(self, data: bytes, media_type: str) -> str:
        import hashlib

        sha = hashlib.sha256(data).hexdigest()
        self.stored[sha] = data
        return sha

    def data(self, sha256: str) -> bytes:
        return self.stored[sha256]


@pytest.fixture
def book(repository, fixture_book: Book) -> Book:
    return repository.add(fixture_book)


@pytest.fixture
def session(qtbot, repository, book: Book) -> Iterator[BookSession]:
    session = BookSession(repository, book)
    yield session
    session.finish()  # no store timer may run once the database is gone


def make_page(qtbot, session: BookSession, files=None, quarter: int | None = None) -> ProgressPage:
    page = ProgressPage(session, files or MemoryFiles(), lambda: TODAY, quarter)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def cell(page: ProgressPage, row: int, name: str) -> str:
    return page.model.data(page.model.index(row, page.model.column(name)))


def test_the_quarter_shown_first() -> None:
    assert default_quarter(2021, dt.date(2021, 8, 1)) == 3
    assert default_quarter(2021, dt.date(2022, 2, 1)) == 4  # a past year: its last quarter
    assert default_quarter(2023, dt.date(2022, 2, 1)) == 1  # a year to come: its first


def test_typing_done_first_makes_a_report_on_pace(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, session)
    assert page.quarter == 4 and page.quarter_box.currentText() == "第四季度"
    focus(qtbot, page, page.quarter_box)
    qtbot.keyClick(page.quarter_box, Qt.Key.Key_Up)  # the clerk reports the third quarter
    assert page.quarter == 3
    # 本季度计划: the steps of the third quarter, printed as the form prints them.
    task = session.book.functional_tasks[1]
    assert cell(page, 1, "plan") == task.schedule[1].printed()
    assert cell(page, 0, "plan") == ""  # task 1 has nothing in the third quarter

    editor = open_cell(qtbot, page, 1, "done")
    assert isinstance(editor, QPlainTextEdit)
    type_chinese(editor, "召开协调会")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_chinese(editor, "两次")
    report = report_of(session.book.functional_tasks[1], 3)  # in the book while typing
    assert report == Progress(3, ON_PACE, done="召开协调会\n两次", reported_on=TODAY)
    close_editor(qtbot, page, editor)
    assert cell(page, 1, "status") == "按进度"  # the status given is shown
    assert cell(page, 1, "light") == "绿"
    assert session.undo_stack.count() == 1  # one field typed: one undo step

    # Clearing what was typed takes the report away again: 按进度 was never chosen.
    editor = open_cell(qtbot, page, 1, "done")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert report_of(session.book.functional_tasks[1], 3) is None
    close_editor(qtbot, page, editor)
    assert cell(page, 1, "status") == ""


def test_pick_a_status_then_undo(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, session)
    before = session.book
    editor = open_cell(qtbot, page, 0, "status")
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "（不填）",
        "已完成",
        "超进度",
        "按进度",
        "滞后",
    ]
    for _ in range(5):  # from nothing chosen down to 滞后
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert report_of(session.book.functional_tasks[0], 4) == Progress(4, BEHIND, reported_on=TODAY)
    close_editor(qtbot, page, editor)
    assert cell(page, 0, "light") == "红"
    assert cell(page, 0, "status") == "滞后"

    # A status chosen stays when a text typed after it is cleared.
    editor = open_cell(qtbot, page, 0, "problems")
    type_chinese(editor, "进度慢")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    close_editor(qtbot, page, editor)
    assert report_of(session.book.functional_tasks[0], 4) == Progress(4, BEHIND, reported_on=TODAY)

    page.table.selectRow(5)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.book == before
    assert page.table.currentIndex().row() == 0  # the task the undo changed is shown
    assert cell(page, 0, "status") == ""
    assert cell(page, 0, "light") == "黄"  # the quarter under way, nothing reported


def test_status_cannot_be_cleared_while_the_report_has_text(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, session)
    editor = open_cell(qtbot, page, 2, "next_steps")
    type_chinese(editor, "继续跟进", phrase=True)
    close_editor(qtbot, page, editor)
    editor = open_cell(qtbot, page, 2, "status")
    qtbot.keyClick(editor, Qt.Key.Key_Home)  # （不填）
    assert report_of(session.book.functional_tasks[2], 4) is not None
    assert "进度不能不填" in page.message.text() and page.message.isVisible()


def test_lights_are_the_domain_rule_for_today(qtbot, session: BookSession) -> None:
    page = make_page(qtbot, session, quarter=3)
    tasks = session.book.functional_tasks
    words = {light: text for light, text in LIGHT_NAMES.items()}
    for row, task in enumerate(tasks):
        expected = pace_light(task, 3, 2021, TODAY, None)
        assert cell(page, row, "light") == words[expected]
    # 11-15 is past the third quarter's due day (10-10): planned and missing is red.
    assert {cell(page, row, "light") for row in range(len(tasks))} <= {"红", "灰"}
    assert Light.RED in {pace_light(t, 3, 2021, TODAY, None) for t in tasks}
    # The light is said in words beside its colour.
    index = page.model.index(1, page.model.column("light"))
    assert page.model.data(index, Qt.ItemDataRole.DecorationRole) is not None


# What the glance counts, written out from the rules (the glance counts only changed tasks).


def unreported(book: Book, quarter: int) -> int:
    """Tasks with steps in the quarter and no report for it."""
    tasks = (*book.key_tasks, *book.functional_tasks)
    return sum(1 for t in tasks if steps_in(t, quarter) and report_of(t, quarter) is None)


def due_quarter(book: Book, today: dt.date) -> int:
    """Last quarter while its grace days run and a report is missing, else this quarter."""
    year, quarter = book.cover.year, default_quarter(book.cover.year, today)
    late = year == today.year and quarter > 1 and today <= report_due(year, quarter - 1)
    return quarter - 1 if late and unreported(book, quarter - 1) else quarter


def quarter_lights(book: Book, quarter: int, today: dt.date) -> dict[Light, int]:
    tasks = (*book.key_tasks, *book.functional_tasks)
    year = book.cover.year
    return count_lights(pace_light(t, quarter, year, today, report_of(t, quarter)) for t in tasks)


def test_due_next() -> None:
    from bluebook_desktop.ui.year_glance import GlanceCounts

    book = loads(FIXTURE_BOOK.read_bytes())
    # Early October: the third quarter's reports are still coming in.
    planned = sum(1 for t in book.functional_tasks if any(3 in e.quarters for e in t.schedule))
    assert GlanceCounts().count(book, dt.date(2021, 10, 5))[2:] == (3, planned)
    assert GlanceCounts().count(book, dt.date(2021, 10, 11))[2:] == (4, unreported(book, 4))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_refused_file_changes_nothing(qtbot, session: BookSession, tmp_path: Path) -> None:
    files = MemoryFiles()
    page = make_page(qtbot, session, files)
    page.table.selectRow(0)
    before = session.book
    page.files.add_paths([write(tmp_path, "报告.pdf", b"MZ\x90\x00program")])
    assert session.book == before and session.undo_stack.count() == 0
    assert files.stored == {}
    assert "程序文件" in page.files.message.text() and "报告.pdf" in page.files.message.text()

    # Several files: the good ones are added, the refusals are listed together.
    added = page.files.add_paths(
        [
            write(tmp_path, "会议纪要.pdf", PDF_BYTES),
            write(tmp_path, "旧文件.doc", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(20)),
            write(tmp_path, "空.png", b""),
            write(tmp_path, "现场照片.png", PNG_BYTES),
        ]
    )
    assert [record.name for record in added] == ["会议纪要.pdf", "现场照片.png"]
    report = report_of(session.book.functional_tasks[0], 4)
    assert report is not None and report.status == ON_PACE
    assert [e.name for e in report.evidence] == ["会议纪要.pdf", "现场照片.png"]
    assert session.undo_stack.count() == 1
    text = page.files.message.text()
    assert "2 个文件没有添加" in text and "旧文件.doc" in text and "空.png" in text
    assert cell(page, 0, "evidence") == "2"
    assert page.files.list.rowCount() == 2
    assert page.files.list.item(0, 0).text() == "1. 会议纪要.pdf"  # the book's numbering
    assert page.files.list.item(1, 1).text() == size_text(len(PNG_BYTES)) == "2 KB"


def test_a_double_click_on_remove_removes_one_file(
    qtbot, session: BookSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session, MemoryFiles())
    page.table.selectRow(0)
    page.files.add_paths(
        [write(tmp_path, "一.pdf", PDF_BYTES), write(tmp_path, "二.png", PNG_BYTES)]
    )
    page.files.list.selectRow(0)
    qtbot.mouseClick(page.files.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.files.remove_button, Qt.MouseButton.LeftButton)  # of a double click
    report = report_of(session.book.functional_tasks[0], 4)
    assert [e.name for e in report.evidence] == ["二.png"]


def test_files_dropped_on_a_row_opened_and_removed(
    qtbot, session: BookSession, tmp_path: Path
) -> None:
    files = MemoryFiles()
    page = make_page(qtbot, session, files)
    page.table.selectRow(0)
    path = write(tmp_path, "督办通知.pdf", PDF_BYTES)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    target = page.table.visualRect(page.model.index(2, page.model.column("task"))).center()
    enter = QDragEnterEvent(
        target,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page.table.viewport(), enter)  # a drop comes after its enter
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page.table.viewport(), drop)
    assert drop.isAccepted()
    assert page.table.currentIndex().row() == 2  # the row the file was dropped on
    report = report_of(session.book.functional_tasks[2], 4)
    assert report is not None and [e.name for e in report.evidence] == ["督办通知.pdf"]
    assert report_of(session.book.functional_tasks[0], 4) is None

    opened: list[QUrl] = []
    page.files.open_url = lambda url: opened.append(url) or True
    page.files.list.selectRow(0)
    qtbot.mouseClick(page.files.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    written = Path(opened[0].toLocalFile())
    assert written.name == "督办通知.pdf" and written.read_bytes() == PDF_BYTES

    qtbot.mouseClick(page.files.remove_button, Qt.MouseButton.LeftButton)
    # The report held nothing else and its status was given for the file: it goes too.
    assert report_of(session.book.functional_tasks[2], 4) is None
    assert page.files.list.rowCount() == 0
    session.undo_stack.undo()
    report = report_of(session.book.functional_tasks[2], 4)
    assert report is not None and [e.name for e in report.evidence] == ["督办通知.pdf"]
    assert page.files.list.rowCount() == 1


def test_a_report_typed_is_in_the_database(qtbot, repository, session: BookSession) -> None:
    """Needs the database to store the year's data (migration 0005)."""
    page = make_page(qtbot, session)
    editor = open_cell(qtbot, page, 0, "done")
    type_chinese(editor, "已听取通报", phrase=True)
    close_editor(qtbot, page, editor)
    assert session.store_now()
    stored = repository.load(session.book.id or 0)
    assert report_of(stored.functional_tasks[0], 4) == Progress(
        4, ON_PACE, done="已听取通报", reported_on=TODAY
    )


def test_a_file_added_is_in_the_database(
    qtbot, repository, session: BookSession, tmp_path: Path
) -> None:
    """Needs the database to store the year's data and supporting files (migration 0005)."""
    page = make_page(qtbot, session, RepositoryFiles(repository))
    page.table.selectRow(1)
    page.files.add_paths([write(tmp_path, "纪要.pdf", PDF_BYTES)])
    assert session.store_now()
    stored = repository.load(session.book.id or 0)
    report = report_of(stored.functional_tasks[1], 4)
    assert report is not None
    (record,) = report.evidence
    assert repository.evidence_data(record.sha256) == PDF_BYTES


def test_a_thousand_tasks_open_without_measuring_every_row(qtbot, repository) -> None:
    from bluebook_desktop.domain import ScheduleEntry, Task

    tasks = tuple(
        Task(task=f"任务{i}", schedule=(ScheduleEntry((1 + i % 4,), f"第{i}项安排"),))
        for i in range(1000)
    )
    book = repository.add(Book(functional_tasks=tasks))
    session = BookSession(repository, book)
    model = ProgressModel(lambda: TODAY)
    model.set_book(session.book)
    assert model.rowCount() == 1000
    page = make_page(qtbot, session)
    assert page.model.rowCount() == 1000
    # Rows far from the view were never made into text.
    assert sum(texts is not None for texts in page.model._texts) < 200
    page.table.scrollToBottom()
    qtbot.wait(10)
    assert cell(page, 999, "task") == "任务999"


def test_the_window_shows_the_year_at_a_glance(qtbot, tmp_path: Path, fixture_book: Book) -> None:
    from bluebook_desktop import paths
    from bluebook_desktop.db.store import open_store
    from bluebook_desktop.ui.main_window import COVER_TAB, PROGRESS_TAB, REVIEW_TAB, MainWindow
    from bluebook_desktop.ui.settings import Settings
    from bluebook_desktop.ui.workspace import Workspace

    database = tmp_path / "window.sqlite3"
    store = open_store(database)
    first = store.repository.add(fixture_book)
    second = store.repository.add(loads(FIXTURE_BOOK.read_bytes()))  # ids of its own
    workspace = Workspace(
        store, Settings.in_file(tmp_path / "settings.ini"), paths.resolve(database)
    )
    window = MainWindow(workspace)
    window.today = lambda: TODAY
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_book(first.id or 0)
    tabs = window.ui.tabs
    assert [tabs.tabText(i) for i in (PROGRESS_TAB, REVIEW_TAB)] == ["进展填报", "年度自评"]
    planned = unreported(fixture_book, 4)
    window.glance.show_book(window.session.book)
    assert window.glance.plain.startswith(f"第四季度：0 绿 {planned} 黄 0 红")
    assert f"第四季度进展 2022年1月10日前报送，尚有 {planned} 项未填" in window.glance.plain
    assert "●" in window.glance.text()  # coloured dots, each beside its word

    qtbot.mouseClick(
        tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=tabs.tabBar().tabRect(PROGRESS_TAB).center(),
    )
    page = window.pages[PROGRESS_TAB]
    assert isinstance(page, ProgressPage) and page.quarter == 4
    editor = open_cell(qtbot, page, 0, "done")
    type_chinese(editor, "听取通报", phrase=True)
    close_editor(qtbot, page, editor)
    assert window.glance.plain.startswith(f"第四季度：1 绿 {planned - 1} 黄 0 红")

    # Undo from another page shows the page whose contents changed back.
    tabs.setCurrentIndex(COVER_TAB)
    window.undo_group.undo()
    assert tabs.currentIndex() == PROGRESS_TAB
    assert report_of(window.session.book.functional_tasks[0], 4) is None
    window.undo_group.redo()
    assert window.store_now()
    stored = store.repository.load(first.id or 0)
    assert report_of(stored.functional_tasks[0], 4) == Progress(
        4, ON_PACE, done="听取通报", reported_on=TODAY
    )

    # The quarter chosen stays with the book while the program runs.
    page.set_quarter(2)
    assert window.open_book(second.id or 0)
    assert window.pages[PROGRESS_TAB].quarter == 4
    assert window.open_book(first.id or 0)
    assert window.pages[PROGRESS_TAB].quarter == 2
    assert window.glance.isVisible()
    qtbot.mouseClick(window.ui.newButton, Qt.MouseButton.LeftButton)  # no task: nothing to count
    assert window.session.book.id not in (first.id, second.id)
    assert not window.glance.isVisible()
    assert window.close()
    store.close()


def test_in_english_the_words_are_english_and_the_book_keeps_chinese(
    qtbot, session: BookSession
) -> None:
    from PySide6.QtCore import QLocale

    from bluebook_desktop.ui import i18n

    app = QApplication.instance()
    locale = QLocale()
    translators = i18n.install(app, "en")
    try:
        assert translators
        page = make_page(qtbot, session)
        assert page.quarter_box.currentText() == "Q4"
        assert page.model.headerData(page.model.column("status"), Qt.Orientation.Horizontal) == (
            "Status"
        )
        editor = open_cell(qtbot, page, 0, "status")
        assert [editor.itemText(i) for i in range(editor.count())] == [
            "(none)",
            "Done",
            "Ahead",
            "On pace",
            "Behind",
        ]
        for _ in range(4):
            qtbot.keyClick(editor, Qt.Key.Key_Down)
        close_editor(qtbot, page, editor)
        assert report_of(session.book.functional_tasks[0], 4).status == ON_PACE
        assert cell(page, 0, "status") == "On pace"
        assert cell(page, 0, "light") == "green"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_files_chosen_in_the_file_dialog(
    qtbot, session: BookSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    files = MemoryFiles()
    page = make_page(qtbot, session, files)
    page.table.selectRow(3)
    chosen = [
        str(write(tmp_path, "照片.png", PNG_BYTES)),
        str(write(tmp_path, "纪要.pdf", PDF_BYTES)),
    ]
    asked: list[str] = []

    def choose(parent, caption, folder, filters):
        asked.append(caption)
        return chosen, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    qtbot.mouseClick(page.files.add_button, Qt.MouseButton.LeftButton)
    assert asked == ["添加佐证材料"]
    report = report_of(session.book.functional_tasks[3], 4)
    assert report is not None and [e.name for e in report.evidence] == ["照片.png", "纪要.pdf"]
    assert sorted(files.stored.values()) == sorted([PNG_BYTES, PDF_BYTES])


def test_the_glance_counts_as_the_rules_say_after_edits() -> None:
    from bluebook_desktop.ui.year_glance import GlanceCounts
    from bluebook_desktop.ui.year_model import (
        default_quarter,
        with_report,
        with_task,
    )

    book = loads(EXAMPLE_YEAR.read_bytes())
    counter = GlanceCounts()
    days = [dt.date(2021, m, d) for m in (1, 4, 7, 10, 12) for d in (5, 11)]
    for day in [*days, dt.date(2022, 1, 5), dt.date(2020, 6, 1)]:
        for step in range(3):
            if step:  # one task's report changes between counts: the count follows
                task = book.functional_tasks[step]
                quarter = default_quarter(2021, day)
                report = None if report_of(task, quarter) else Progress(quarter, BEHIND)
                book = with_task(book, with_report(task, quarter, report))
            quarter, lights, due, missing = counter.count(book, day)
            assert quarter == default_quarter(2021, day)
            assert lights == quarter_lights(book, quarter, day)
            assert due == due_quarter(book, day)
            assert missing == unreported(book, due)


def test_tab_moves_to_the_next_cell_and_a_drop_on_the_list_adds_there(
    qtbot, session: BookSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session)
    editor = open_cell(qtbot, page, 1, "done")
    type_chinese(editor, "已完成调研", phrase=True)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.table.currentIndex().column() == page.model.column("value"))
    assert page.table.state() == QAbstractItemView.State.EditingState  # 完成值 open at once
    value = QApplication.focusWidget()
    qtbot.keyClicks(value, "80%")
    qtbot.keyClick(value, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.table.currentIndex().column() == page.model.column("problems"))
    report = report_of(session.book.functional_tasks[1], 4)
    assert report is not None and (report.done, report.value) == ("已完成调研", "80%")

    path = write(tmp_path, "签到表.pdf", PDF_BYTES)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    viewport = page.files.list.viewport()
    at = viewport.rect().center()
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, QDragEnterEvent(at, *args))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(at), *args))
    report = report_of(session.book.functional_tasks[1], 4)
    assert [e.name for e in report.evidence] == ["签到表.pdf"]


def test_both_tables_each_numbered_as_printed(qtbot) -> None:
    from bluebook_desktop.domain import Task

    book = Book(
        key_tasks=(Task(task="乡村振兴", role="牵头"), Task(task="营商环境", role="协办")),
        functional_tasks=(Task(task="政治协商"), Task(task="民主监督")),
    )
    model = ProgressModel(lambda: TODAY)
    model.set_book(book)
    rows = [
        tuple(
            model.data(model.index(row, model.column(name))) for name in ("serial", "kind", "task")
        )
        for row in range(model.rowCount())
    ]
    assert rows == [
        ("1", "重点", "乡村振兴"),
        ("2", "重点", "营商环境"),
        ("1", "职能", "政治协商"),
        ("2", "职能", "民主监督"),
    ]
    # A key task's report goes into the key table of the book.
    from bluebook_desktop.ui.year_model import with_task

    edited: list[tuple[str, str]] = []
    model.edited.connect(lambda task_id, field: edited.append((task_id, field)))
    model.quarter = 2
    assert model.setData(model.index(1, model.column("done")), "已召开推进会")
    new = with_task(book, model.task_at(1))
    assert edited == [(book.key_tasks[1].id, "done")]
    assert report_of(new.key_tasks[1], 2) == Progress(
        2, ON_PACE, done="已召开推进会", reported_on=TODAY
    )
    assert new.functional_tasks == book.functional_tasks


def test_the_files_cell_names_them_and_delete_removes_the_selected_one(
    qtbot, session: BookSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session, MemoryFiles())
    page.table.selectRow(4)
    page.files.add_paths(
        [write(tmp_path, "一.pdf", PDF_BYTES), write(tmp_path, "二.png", PNG_BYTES)]
    )
    assert cell(page, 4, "evidence") == "2"
    tip = page.model.data(
        page.model.index(4, page.model.column("evidence")), Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "一.pdf\n二.png"
    focus(qtbot, page, page.files.list)
    page.files.list.selectRow(1)
    qtbot.keyClick(page.files.list, Qt.Key.Key_Delete)
    report = report_of(session.book.functional_tasks[4], 4)
    assert [e.name for e in report.evidence] == ["一.pdf"]
