"""The whole window, used as a clerk uses it; what counts is what the database then holds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers.books import steps
from helpers.files import FIXTURE_BOOK
from helpers.ime import type_chinese
from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.formats.portable import dumps, read_portable
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.task_page import TaskPage
from bluebook_desktop.ui.workspace import Workspace

COVER, KEY, FUNCTIONAL, TEXTS = range(4)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "window.sqlite3"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.in_file(tmp_path / "settings.ini")


def open_window(qtbot, database: Path, settings: Settings) -> MainWindow:
    window = MainWindow(Workspace(open_store(database), settings, paths.resolve(database)))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(window: MainWindow) -> None:
    assert window.close()
    window.store.close()


def test_fill_a_book_close_and_find_everything(qtbot, database: Path, settings: Settings) -> None:
    window = open_window(qtbot, database, settings)
    assert window.session is None
    qtbot.mouseClick(window.ui.newButton, Qt.MouseButton.LeftButton)
    assert window.session is not None
    book_id = window.session.book.id
    assert window.book_list.rowCount() == 1

    cover = window.pages[COVER].ui
    type_chinese(cover.unitName, "政协佛山市三水区委员会", phrase=True)
    type_chinese(cover.title, "佛山市三水区政协机关绩效目标责任书", phrase=True)
    type_chinese(cover.fillerName, "傅冰")
    qtbot.keyClicks(cover.phone, "87771621")
    cover.filledOnEmpty.setChecked(False)
    cover.filledOn.setDate(QDate(2021, 10, 12))
    assert "未保存" not in window.windowTitle()
    assert "正在保存" in window.windowTitle()

    window.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = window.pages[FUNCTIONAL]
    assert isinstance(page, TaskPage)
    for name in ("政治协商", "民主监督"):
        qtbot.wait(QApplication.doubleClickInterval() + 50)  # two clicks, not a double click
        qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
        type_chinese(page.detail.ui.taskEdit, name, phrase=True)
    type_chinese(page.detail.ui.objectiveEdit, "开展专题视察。")
    schedule = page.detail.ui.scheduleEditor
    qtbot.mouseClick(schedule.ui.addButton, Qt.MouseButton.LeftButton)
    step = schedule.row_widget(0)
    step.quarter_boxes[2].click()
    step.quarter_boxes[3].click()
    type_chinese(step.text_edit, "开展常委会议专题视察。")
    assert schedule.ui.previewLabel.text() == "第二、三季度：开展常委会议专题视察。"
    qtbot.mouseClick(page.ui.upButton, Qt.MouseButton.LeftButton)  # 民主监督 first now
    assert [t.task for t in window.session.book.functional_tasks] == ["民主监督", "政治协商"]

    window.ui.tabs.setCurrentIndex(TEXTS)
    window.pages[TEXTS].ui.agreeButton.click()

    # Undo the last edit (the opinion), then stored within about a second, without Ctrl+S.
    window.undo_group.undo()
    assert window.session.book.head_opinion == ""
    qtbot.waitUntil(lambda: window.session.is_stored, timeout=2000)
    assert "已保存" in window.windowTitle()
    close_window(window)

    again = open_window(qtbot, database, settings)
    assert again.session is not None, "the last open book opens again"
    assert again.session.book.id == book_id
    book = again.session.book
    assert book.cover.unit_name == "政协佛山市三水区委员会"
    assert book.cover.title == "佛山市三水区政协机关绩效目标责任书"
    assert book.cover.filler_name == "傅冰"
    assert book.cover.phone == "87771621"
    assert book.cover.filled_on is not None and book.cover.filled_on.isoformat() == "2021-10-12"
    assert book.head_opinion == ""
    assert [t.task for t in book.functional_tasks] == ["民主监督", "政治协商"]
    first = book.functional_tasks[0]
    assert first.objective == "开展专题视察。"
    assert steps(first.schedule) == [((2, 3), "开展常委会议专题视察。")]
    assert again.pages[COVER].ui.unitName.text() == "政协佛山市三水区委员会"
    assert again.pages[FUNCTIONAL].model.rowCount() == 2
    close_window(again)


def test_ctrl_s_stores_at_once_and_ctrl_z_undoes_typing(
    qtbot, database: Path, settings: Settings
) -> None:
    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    editor = window.pages[COVER].ui.fillerPosition
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    type_chinese(editor, "办公室主任")
    assert not window.session.is_stored
    qtbot.keySequence(editor, QKeySequence("Ctrl+S"))
    assert window.session.is_stored
    assert window.repository.load(window.session.book.id).cover.filler_position == "办公室主任"

    # Ctrl+Z in the text box undoes the book's edit (one step for the typing), not a private one.
    qtbot.keySequence(editor, QKeySequence("Ctrl+Z"))
    assert window.session.book.cover.filler_position == ""
    assert editor.text() == ""
    qtbot.keySequence(editor, QKeySequence("Ctrl+Y"))
    assert editor.text() == "办公室主任"
    close_window(window)


def test_cover_validation_is_shown_below_the_fields(
    qtbot, database: Path, settings: Settings
) -> None:
    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    cover = window.pages[COVER].ui
    qtbot.keyClicks(cover.phone, "123")
    assert "联系电话" in cover.problems.text()
    assert window.session.book.cover.phone == "123"  # a warning, not a refusal
    cover.phone.clear()
    qtbot.keyClicks(cover.phone, "0757-87771621")
    assert "联系电话" not in cover.problems.text()
    close_window(window)


def test_next_year_from_the_open_book(
    qtbot, database: Path, settings: Settings, fixture_book, monkeypatch
) -> None:
    window = open_window(qtbot, database, settings)
    stored = window.repository.add(fixture_book)
    window.refresh_books()
    window.open_book(stored.id)

    def choose_current(box: QMessageBox) -> int:
        box.buttons()[0].click()  # 当前蓝皮书
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_current)
    window.ui.nextYearButton.click()
    book = window.session.book
    assert book.id != stored.id
    assert book.cover.year == 2022
    assert book.cover.serial == "" and book.cover.filled_on is None and book.head_opinion == ""
    assert [t.task for t in book.functional_tasks] == [
        t.task for t in fixture_book.functional_tasks
    ]
    assert window.book_list.rowCount() == 2
    close_window(window)


def test_delete_asks_first(qtbot, database: Path, settings: Settings, monkeypatch) -> None:
    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    answers = iter([False, True])
    monkeypatch.setattr("bluebook_desktop.ui.book_actions.confirm", lambda *args: next(answers))
    window.ui.deleteButton.click()
    assert window.book_list.rowCount() == 1  # said no
    window.ui.deleteButton.click()
    assert window.book_list.rowCount() == 0
    assert window.session is None
    assert window.repository.list_books() == []
    close_window(window)


def test_after_deleting_a_book_the_next_one_is_open(
    qtbot, database: Path, settings: Settings, monkeypatch
) -> None:
    window = open_window(qtbot, database, settings)
    ids = [window.repository.add(read_portable(FIXTURE_BOOK)).id for _ in range(3)]
    window.refresh_books()
    window.open_book(ids[1])
    monkeypatch.setattr("bluebook_desktop.ui.book_actions.confirm", lambda *args: True)
    qtbot.mouseClick(window.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert sorted(b.id for b in window.repository.list_books()) == [ids[0], ids[2]]
    assert window.session is not None
    assert window.session.book.id in (ids[0], ids[2])
    selected = window.ui.bookList.selectionModel().selectedRows()
    assert [window.book_list.book_at(i.row()).id for i in selected] == [window.session.book.id]
    close_window(window)


def test_import_and_export_through_the_window(
    qtbot, database: Path, settings: Settings, tmp_path: Path, fixture_bytes: bytes, monkeypatch
) -> None:
    window = open_window(qtbot, database, settings)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(FIXTURE_BOOK), "")
    )
    window.ui.importButton.click()
    assert window.session is not None
    assert window.session.book.cover.unit_name == "政协佛山市三水区委员会"

    out = tmp_path / "导出" / "book.bluebook.json"
    out.parent.mkdir()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "")
    )
    window.ui.exportButton.click()
    assert out.read_bytes() == fixture_bytes
    assert dumps(read_portable(out)) == fixture_bytes.decode("utf-8")
    close_window(window)


def test_the_program_speaks_chinese_to_qt_dialogs(qtbot) -> None:
    from bluebook_desktop.ui import i18n

    app = QApplication.instance()
    translators = i18n.install(app, "zh_CN")
    try:
        assert translators, "qtbase_zh_CN is loaded"
        box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_ctrl_z_in_a_table_cell_stays_in_the_cell(
    qtbot, database: Path, settings: Settings, fixture_book
) -> None:
    window = open_window(qtbot, database, settings)
    stored = window.repository.add(fixture_book)
    window.refresh_books()
    window.open_book(stored.id)
    window.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = window.pages[FUNCTIONAL]
    type_chinese(page.detail.ui.objectiveEdit, "补充")
    objective = window.session.book.functional_tasks[0].objective
    index = page.model.index(0, 1)  # 工作任务
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "abc")
    qtbot.keySequence(editor, QKeySequence("Ctrl+Z"))
    # The book's last edit (the objective) is untouched; the cell undid its own typing.
    assert window.session.book.functional_tasks[0].objective == objective
    close_window(window)


def test_an_over_long_opinion_is_cut_where_the_clerk_can_see_it(
    qtbot, database: Path, settings: Settings
) -> None:
    from bluebook_desktop.domain import TEXT_MAX

    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    opinion = window.pages[TEXTS].ui.headOpinion
    opinion.setPlainText("同意" * (TEXT_MAX // 2 + 10))
    assert len(window.session.book.head_opinion) == TEXT_MAX
    assert len(opinion.toPlainText()) == TEXT_MAX  # shown as stored, nothing hidden
    close_window(window)


def test_a_book_that_cannot_be_stored_stays_selected(
    qtbot, database: Path, settings: Settings, monkeypatch
) -> None:
    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    first = window.session.book.id
    window.ui.newButton.click()
    second = window.session.book.id
    monkeypatch.setattr(window.session, "store_now", lambda: False)
    window.ui.bookList.selectRow(window.book_list.row_of(first))
    assert window.session.book.id == second
    selected = window.ui.bookList.selectionModel().selectedRows()
    assert [window.book_list.book_at(i.row()).id for i in selected] == [second]
    monkeypatch.undo()
    close_window(window)


def test_undo_shows_the_page_it_changed(qtbot, database: Path, settings: Settings) -> None:
    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    type_chinese(window.pages[COVER].ui.unitName, "甲单位", phrase=True)
    window.ui.tabs.setCurrentIndex(TEXTS)
    window.undo_group.undo()
    assert window.session.book.cover.unit_name == ""
    assert window.ui.tabs.currentIndex() == COVER
    close_window(window)


def test_a_double_click_makes_one_book_and_one_task(
    qtbot, database: Path, settings: Settings
) -> None:
    window = open_window(qtbot, database, settings)
    button = window.ui.newButton
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the second click of a double click
    assert len(window.repository.list_books()) == 1

    window.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = window.pages[FUNCTIONAL]
    assert isinstance(page, TaskPage)
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    window.store_now()
    assert len(window.repository.load(window.session.book.id).functional_tasks) == 1

    # Clicks further apart than a double click are two clicks.
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    qtbot.mouseClick(page.ui.addButton, Qt.MouseButton.LeftButton)
    window.store_now()
    assert len(window.repository.load(window.session.book.id).functional_tasks) == 2
    close_window(window)


def test_ctrl_q_with_a_cell_editor_open_keeps_what_was_typed(
    qtbot, database: Path, settings: Settings
) -> None:
    """Select task 1, Enter, type 甲, Ctrl+Q: after a restart the task reads 甲."""
    window = open_window(qtbot, database, settings)
    book = window.repository.add(read_portable(FIXTURE_BOOK))
    window.refresh_books()
    window.open_book(book.id)
    window.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = window.pages[FUNCTIONAL]
    assert isinstance(page, TaskPage)
    table = page.table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    type_chinese(editor, "甲")
    qtbot.keySequence(editor, QKeySequence("Ctrl+Q"))
    qtbot.waitUntil(lambda: not window.isVisible())
    window.store.close()

    with open_store(database) as again:
        assert again.repository.load(book.id).functional_tasks[0].task == "甲"


def test_menu_shortcuts_work_from_a_one_line_field(
    qtbot, database: Path, settings: Settings
) -> None:
    """Ctrl+E is "end of line" to a Linux line edit: the menu's 导出 PDF must still get it."""
    window = open_window(qtbot, database, settings)
    window.ui.newButton.click()
    editor = window.pages[COVER].ui.unitName
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    type_chinese(editor, "政协", phrase=True)
    editor.setCursorPosition(0)

    class LinuxKeys(QObject):
        """What a line edit does with the X11 key scheme (not the offscreen platform's)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E:
                event.accept()
                return True
            return False

    claims = LinuxKeys(editor)
    editor.installEventFilter(claims)
    exported: list[bool] = []
    window.ui.actionExportPdf.triggered.disconnect()
    window.ui.actionExportPdf.triggered.connect(lambda: exported.append(True))
    qtbot.keySequence(editor, QKeySequence(window.ui.actionExportPdf.shortcut()))
    assert exported == [True]
    assert editor.cursorPosition() == 0  # the field did not take the key
    assert window.session.book.cover.unit_name == "政协"
    close_window(window)


def _answer_same_book(qtbot, button_text: str) -> None:
    """Click `button_text` in the question about a book that is already there, when asked."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "sameBookQuestion":
            QTimer.singleShot(20, click)
            return
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(("answer", "books"), [("取消", 1), ("两本都保留", 2), ("替换", 1)])
def test_importing_a_book_already_there_asks_first(
    qtbot, database: Path, settings: Settings, monkeypatch, answer: str, books: int
) -> None:
    window = open_window(qtbot, database, settings)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(FIXTURE_BOOK), "")
    )
    window.ui.importButton.click()
    window.session.edit(
        replace(window.session.book, head_opinion="旧的意见"), "意见", merge="head_opinion"
    )
    window.store_now()
    _answer_same_book(qtbot, answer)
    window.ui.importButton.click()
    listed = window.repository.list_books()
    assert len(listed) == books
    opinions = [window.repository.load(b.id).head_opinion for b in listed]
    if answer == "替换":
        assert opinions == [read_portable(FIXTURE_BOOK).head_opinion]
    else:
        assert "旧的意见" in opinions
    close_window(window)


def test_a_tab_not_shown_first_is_built_when_the_clerk_opens_it(
    qtbot, database: Path, settings: Settings
) -> None:
    book = read_portable(FIXTURE_BOOK)
    store = open_store(database)
    settings.set_last_book_id(store.repository.add(book).id)
    store.close()
    window = open_window(qtbot, database, settings)
    tabs = window.ui.tabs
    assert tabs.currentIndex() == COVER
    holder = tabs.widget(FUNCTIONAL)
    assert holder.findChild(TaskPage) is None  # nothing behind a tab the clerk has not opened

    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(FUNCTIONAL).center())
    page = holder.findChild(TaskPage)
    assert tabs.currentIndex() == FUNCTIONAL and page is not None and page.isVisible()
    assert page.model.rowCount() == len(book.functional_tasks)
    assert window.pages[FUNCTIONAL] is page
    close_window(window)


def test_opening_another_book_builds_no_page_for_the_one_closing(
    qtbot, database: Path, settings: Settings, monkeypatch
) -> None:
    window = open_window(qtbot, database, settings)
    ids = [window.repository.add(read_portable(FIXTURE_BOOK)).id for _ in range(2)]
    window.refresh_books()
    window.open_book(ids[0])
    bar = window.ui.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(FUNCTIONAL).center())
    built: list[int] = []
    init = TaskPage.__init__

    def counted(self, section, session, completions) -> None:  # noqa: ANN001
        built.append(session.book.id)
        init(self, section, session, completions)

    monkeypatch.setattr(TaskPage, "__init__", counted)
    view = window.ui.bookList
    row = window.book_list.row_of(ids[1])
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(row, 0)).center(),
    )
    assert window.session is not None and window.session.book.id == ids[1]
    assert built == []  # the closing book's tabs went without building their pages
    close_window(window)


@pytest.mark.parametrize(
    ("frame", "inner", "screen", "fitted"),
    [
        # Saved at 1366 × 768, opened on a 1024 × 768 screen: shrunk and moved on.
        ((0, 0, 1366, 740), (4, 24, 1358, 712), (0, 0, 1024, 768), (4, 24, 1016, 712)),
        ((300, 200, 900, 600), (304, 224, 892, 572), (0, 0, 1024, 768), (128, 192, 892, 572)),
        # Fits already: left where it is.
        ((10, 10, 800, 600), (14, 34, 792, 572), (0, 0, 1024, 768), (14, 34, 792, 572)),
        # A second screen to the right, the window left of it.
        ((0, 0, 1280, 800), (0, 0, 1280, 800), (1366, 0, 1024, 728), (1366, 0, 1024, 728)),
    ],
)
def test_a_window_saved_on_a_bigger_screen_fits_this_one(frame, inner, screen, fitted) -> None:
    """The whole window, title bar to status bar, comes back on the screen it opens on."""
    from PySide6.QtCore import QRect

    from bluebook_desktop.ui.main_window import fit_on_screen

    result = fit_on_screen(QRect(*frame), QRect(*inner), QRect(*screen))
    assert result.getRect() == fitted
