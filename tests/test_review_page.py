"""The 年度自评 page, typed into as a clerk types; what counts is the book and the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.files import EXAMPLE_YEAR
from helpers.ime import type_chinese
from helpers.widgets import close_editor, focus, open_cell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from bluebook_desktop.domain import Book
from bluebook_desktop.domain.year import (
    COMPLETED,
    LIGHT_NAMES,
    NOT_COMPLETED,
    Light,
    Review,
    SelfReview,
    pace_light,
)
from bluebook_desktop.formats.portable import loads
from bluebook_desktop.ui.evidence_panel import RepositoryFiles
from bluebook_desktop.ui.session import BookSession
from bluebook_desktop.ui.year_model import LIGHT_TINTS, report_of
from bluebook_desktop.ui.year_pages import ReviewPage

TODAY = dt.date(2021, 12, 20)
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def book(repository) -> Book:
    return repository.add(loads(EXAMPLE_YEAR.read_bytes()))


@pytest.fixture
def session(qtbot, repository, book: Book) -> Iterator[BookSession]:
    session = BookSession(repository, book)
    yield session
    session.finish()


def make_page(qtbot, session: BookSession, repository) -> ReviewPage:
    page = ReviewPage(session, RepositoryFiles(repository), lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def cell(page: ReviewPage, row: int, name: str, role=Qt.ItemDataRole.DisplayRole) -> object:
    return page.model.data(page.model.index(row, page.model.column(name)), role)


def test_the_four_quarters_are_in_view(qtbot, repository, session: BookSession) -> None:
    page = make_page(qtbot, session, repository)
    tasks = session.book.functional_tasks
    for row, task in enumerate(tasks):
        for quarter in (1, 2, 3, 4):
            name = f"q{quarter}"
            report = report_of(task, quarter)
            light = pace_light(task, quarter, 2021, TODAY, report)
            shown = cell(page, row, name)
            if report is not None:
                assert shown == report.status
            else:
                assert shown == ("—" if light is Light.GREY else "未报")
            background = cell(page, row, name, Qt.ItemDataRole.BackgroundRole)
            assert background.color().name() == LIGHT_TINTS[light]
            tip = cell(page, row, name, Qt.ItemDataRole.ToolTipRole)
            assert LIGHT_NAMES[light] in tip  # the light in words, not only its colour
            if report is not None and report.done:
                assert report.done in tip
    assert cell(page, 0, "q1") == "已完成"
    # Before a quarter begins its planned cell says so (and is grey).
    page.model.today = lambda: dt.date(2021, 5, 1)
    page.model.refresh()
    assert cell(page, 0, "q4") == "未开始" and cell(page, 0, "q2") == "—"


def test_review_fields_are_edited_in_place(qtbot, repository, session: BookSession) -> None:
    page = make_page(qtbot, session, repository)
    book_id = session.book.id or 0
    assert session.book.functional_tasks[0].review is None

    editor = open_cell(qtbot, page, 0, "result", Qt.Key.Key_F2)
    assert isinstance(editor, QComboBox)
    for _ in range(4):  # （不填）, 完成, 基本完成, 未完成
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    close_editor(qtbot, page, editor)
    assert session.book.functional_tasks[0].review == Review(NOT_COMPLETED)
    # Not completed and no reason: the reason cell asks for one.
    assert cell(page, 0, "reason") == "（请填写未完成原因）"
    assert cell(page, 0, "reason", Qt.ItemDataRole.EditRole) == ""

    editor = open_cell(qtbot, page, 0, "reason", Qt.Key.Key_F2)
    type_chinese(editor, "经费未到位", phrase=True)
    close_editor(qtbot, page, editor)
    assert cell(page, 0, "reason") == "经费未到位"

    editor = open_cell(qtbot, page, 0, "score", Qt.Key.Key_F2)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "92.5")
    close_editor(qtbot, page, editor)
    assert session.book.functional_tasks[0].review == Review(
        NOT_COMPLETED, reason="经费未到位", score=92.5
    )

    # A score that is no number, or beyond 1000, is refused in words and nothing changes.
    for bad in ("九十", "1001", "-3"):
        editor = open_cell(qtbot, page, 0, "score", Qt.Key.Key_F2)
        editor.selectAll()
        if bad == "九十":
            type_chinese(editor, bad, phrase=True)
        else:
            qtbot.keyClicks(editor, bad)
        assert "自评得分应为 0 到 1000 之间的数字" in page.message.text()
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
        assert session.book.functional_tasks[0].review.score == 92.5
    assert cell(page, 0, "score") == "92.5"

    # 全年完成情况 typed into a task without a review gives it 完成, shown.
    editor = open_cell(qtbot, page, 1, "done", Qt.Key.Key_F2)
    type_chinese(editor, "全年召开协商会四次", phrase=True)
    close_editor(qtbot, page, editor)
    assert session.book.functional_tasks[1].review == Review(COMPLETED, done="全年召开协商会四次")
    assert cell(page, 1, "result") == "完成"

    assert session.store_now()
    stored = repository.load(book_id)
    assert stored.functional_tasks[0].review == Review(
        NOT_COMPLETED, reason="经费未到位", score=92.5
    )
    assert stored.functional_tasks[1].review == session.book.functional_tasks[1].review

    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.book.functional_tasks[0].review is None
    assert cell(page, 0, "result") == ""


def test_the_self_review_summary(qtbot, repository, session: BookSession) -> None:
    page = make_page(qtbot, session, repository)
    assert page.summary.toPlainText() == "示例：全年目标任务总体完成。"
    assert page.reviewed_on.text() == "2022-12-20"
    focus(qtbot, page, page.summary)
    page.summary.moveCursor(page.summary.textCursor().MoveOperation.End)
    type_chinese(page.summary, "各项工作", phrase=True)
    assert session.book.self_review == SelfReview(
        "示例：全年目标任务总体完成。各项工作", dt.date(2022, 12, 20)
    )

    focus(qtbot, page, page.reviewed_on)
    page.reviewed_on.selectAll()
    qtbot.keyClicks(page.reviewed_on, "2021-13-01")
    assert session.book.self_review.reviewed_on == dt.date(2022, 12, 20)  # refused
    assert "2021-12-20 这样的格式" in page.summary_message.text()
    for _ in range(5):
        qtbot.keyClick(page.reviewed_on, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.reviewed_on, "12-28")
    assert session.book.self_review.reviewed_on == dt.date(2021, 12, 28)
    assert not page.summary_message.isVisible()

    focus(qtbot, page, page.score)
    qtbot.keyClicks(page.score, "abc")
    assert session.book.self_review.score is None
    assert "自评得分应为" in page.summary_message.text()
    page.score.clear()
    qtbot.keyClicks(page.score, "96")
    assert session.book.self_review.score == 96

    assert session.store_now()
    assert repository.load(session.book.id or 0).self_review == SelfReview(
        "示例：全年目标任务总体完成。各项工作", dt.date(2021, 12, 28), 96
    )
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.book.self_review == SelfReview(
        "示例：全年目标任务总体完成。", dt.date(2022, 12, 20)
    )
    assert page.summary.toPlainText() == "示例：全年目标任务总体完成。"
    assert page.reviewed_on.text() == "2022-12-20"


def test_the_reviews_supporting_files(
    qtbot, repository, session: BookSession, tmp_path: Path
) -> None:
    page = make_page(qtbot, session, repository)
    page.table.selectRow(2)
    before = session.book
    bad = tmp_path / "说明.txt"
    bad.write_text("不是文件", encoding="utf-8")
    page.files.add_paths([bad])
    assert session.book == before
    assert "不是可接受的文件类型" in page.files.message.text()

    good = tmp_path / "调研报告.pdf"
    good.write_bytes(PDF_BYTES)
    page.files.add_paths([good])
    review = session.book.functional_tasks[2].review
    assert review is not None and [e.name for e in review.evidence] == ["调研报告.pdf"]
    assert cell(page, 2, "evidence") == "1"
    assert session.store_now()
    stored = repository.load(session.book.id or 0).functional_tasks[2].review
    assert stored is not None and stored.evidence == review.evidence
    assert repository.evidence_data(review.evidence[0].sha256) == PDF_BYTES


def test_a_file_whose_bytes_are_not_in_the_database_says_so(
    qtbot, repository, session: BookSession
) -> None:
    from dataclasses import replace

    from bluebook_desktop.domain.year import Evidence
    from bluebook_desktop.ui.year_model import with_task

    record = Evidence("总结.pdf", "ab" * 32, 1234, "application/pdf")
    task = session.book.functional_tasks[2]
    session.edit(
        with_task(session.book, replace(task, review=Review(COMPLETED, evidence=(record,)))), "x"
    )
    page = make_page(qtbot, session, repository)
    page.table.selectRow(2)
    assert page.files.list.item(0, 0).text() == "1. 总结.pdf"
    opened: list[object] = []
    page.files.open_url = lambda url: opened.append(url) or True
    qtbot.mouseClick(page.files.open_button, Qt.MouseButton.LeftButton)
    assert opened == []
    assert "不在数据库中" in page.files.message.text()


def test_undoing_a_review_shows_the_review_page(book: Book) -> None:
    from dataclasses import replace

    from bluebook_desktop.domain.year import BEHIND, Progress
    from bluebook_desktop.ui.main_window import (
        FUNCTIONAL_TAB,
        PROGRESS_TAB,
        REVIEW_TAB,
        _tab_of_change,
    )
    from bluebook_desktop.ui.year_model import with_report, with_task

    task = book.functional_tasks[1]
    reviewed = with_task(book, replace(task, review=Review(COMPLETED)))
    reported = with_task(book, with_report(task, 4, Progress(4, BEHIND)))
    renamed = with_task(book, replace(task, task="改名"))
    summary = replace(book, self_review=SelfReview("总结"))
    assert _tab_of_change(book, reviewed) == REVIEW_TAB
    assert _tab_of_change(book, summary) == REVIEW_TAB
    assert _tab_of_change(book, reported) == PROGRESS_TAB
    assert _tab_of_change(book, renamed) == FUNCTIONAL_TAB
