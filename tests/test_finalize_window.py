"""定稿 and 目标调整 in the window, used as a clerk uses it: what the database then holds,
and the signed copy printed byte for byte as it was at 定稿."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.ime import type_chinese
from helpers.widgets import close_editor, open_cell
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import Book, chinese_date
from bluebook_desktop.domain.plan import finalize, plan_of
from bluebook_desktop.domain.year import ON_PACE, Evidence, Progress
from bluebook_desktop.formats.pdf import render_pdf
from bluebook_desktop.ui import book_actions, plan_actions
from bluebook_desktop.ui.adjustments import ReasonDialog
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace

SIGNED_ON = dt.date(2021, 10, 12)
COVER, KEY, FUNCTIONAL, TEXTS = range(4)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "window.sqlite3"


def _window(qtbot, database: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(
        Workspace(
            open_store(database), Settings.in_file(tmp_path / "s.ini"), paths.resolve(database)
        )
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, database: Path, tmp_path: Path, fixture_book: Book) -> Iterator[MainWindow]:
    """The real book, open and not finalized."""
    with open_store(database) as store:
        stored = store.repository.add(fixture_book)
    window = _window(qtbot, database, tmp_path)
    window.open_book(stored.id)
    yield window
    window.close()
    window.store.close()


@pytest.fixture
def signed(qtbot, database: Path, tmp_path: Path, fixture_book: Book) -> Iterator[MainWindow]:
    """The real book, finalized on 2021-10-12 with its PDF kept, open."""
    data = render_pdf(fixture_book)
    with open_store(database) as store:
        sha256 = store.repository.put_evidence(data, "application/pdf")
        copy = Evidence("2021 政协 定稿.pdf", sha256, len(data), "application/pdf", SIGNED_ON)
        stored = store.repository.add(finalize(fixture_book, SIGNED_ON, copy))
    window = _window(qtbot, database, tmp_path)
    window.open_book(stored.id)
    yield window
    window.close()
    window.store.close()


class Reasons:
    """Answers the 调整理由 dialog whenever it appears, as a clerk would, with real keys."""

    def __init__(self, qtbot, reason: str | None) -> None:
        self.qtbot = qtbot
        self.reason = reason  # None: Escape
        self.asked = 0
        self.changes: list[str] = []  # what each question said was being changed
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog) or not dialog.isVisible():
            return
        if not dialog.reads_typing():  # a clerk reads the question before answering it
            return
        self.asked += 1
        self.changes.append(dialog.change.text())
        if self.reason is None:
            self.qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
            return
        self.qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # empty: nothing happens
        assert dialog.isVisible()
        type_chinese(dialog.reason, self.reason, phrase=True)
        self.qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def answering(qtbot) -> Iterator[Callable[[str | None], Reasons]]:
    made: list[Reasons] = []

    def make(reason: str | None) -> Reasons:
        made.append(Reasons(qtbot, reason))
        return made[-1]

    yield make
    for reasons in made:
        reasons.stop()


def _stored(window: MainWindow) -> Book:
    assert window.store_now()
    return window.repository.load(window.session.book.id)


def _answer_box(name: str, button: str) -> list[str]:
    """Clicks `button` of the message box `name` when it shows; returns what it said."""
    said: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != name:
            QTimer.singleShot(10, click)
            return
        said.append(box.text())
        chosen = next(b for b in box.buttons() if b.text() == button)
        chosen.click()

    QTimer.singleShot(0, click)
    return said


def _answer_box_confirm(monkeypatch, answer: bool) -> list[str]:
    said: list[str] = []

    def confirm(_parent, _title, text, *_buttons):  # noqa: ANN001, ANN202
        said.append(text)
        return answer

    monkeypatch.setattr(plan_actions, "confirm", confirm)
    return said


# --- what the window shows ---


def test_an_unfinalized_book_says_so_and_shows_no_banner(window: MainWindow) -> None:
    actions = window.plan_actions
    assert actions.state_label.isVisible()
    assert actions.state_label.text() == "未定稿"
    assert not actions.banner.isVisible()
    assert window.plan_actions.finalize_action.isEnabled()
    assert not window.plan_actions.signed_copy_action.isEnabled()


def test_a_finalized_book_shows_its_date_on_every_plan_page(signed: MainWindow) -> None:
    actions = signed.plan_actions
    assert actions.state_label.text() == "已定稿"
    for tab in (COVER, KEY, FUNCTIONAL, TEXTS):
        signed.ui.tabs.setCurrentIndex(tab)
        assert actions.banner.isVisible()
        assert actions.banner.text() == (
            "本责任书已于 2021年10月12日定稿。修改目标将记入目标调整情况。"
        )
    assert not actions.finalize_action.isEnabled()
    assert actions.signed_copy_action.isEnabled()
    signed.close_book()
    assert not actions.banner.isVisible()
    assert not actions.state_label.isVisible()


def test_the_actions_sit_beside_the_print_preview(window: MainWindow) -> None:
    items = window.ui.fileMenu.actions()
    at = items.index(window.ui.actionPrint)
    assert items[at + 1] is window.plan_actions.finalize_action
    assert items[at + 2] is window.plan_actions.signed_copy_action
    assert window.ui.actionPreview in items


# --- 定稿 ---


def test_finalizing_keeps_the_pdf_as_printed_now(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)  # 打印前请核对: go on
    said = _answer_box_confirm(monkeypatch, True)
    expected = render_pdf(window.session.book, window.actions_.pdf_settings())
    window.plan_actions.finalize_action.trigger()
    assert "原样打印" in said[0] and "目标调整情况" in said[0]
    book = window.session.book
    today = dt.date.today()
    assert book.finalized_on == today
    copy = book.signed_copy
    assert copy is not None
    assert copy.sha256 == hashlib.sha256(expected).hexdigest()
    assert (copy.size, copy.media_type, copy.added_on) == (
        len(expected),
        "application/pdf",
        today,
    )
    assert copy.name == "2021 政协佛山市三水区委员会 定稿.pdf"
    assert window.plan_actions.state_label.text() == "已定稿"
    assert window.plan_actions.banner.text().startswith(f"本责任书已于 {chinese_date(today)}定稿")
    stored = _stored(window)
    assert stored.finalized_on == today and stored.signed_copy == copy
    assert window.repository.evidence_data(copy.sha256) == expected


def test_finalizing_can_be_declined(window: MainWindow, monkeypatch) -> None:
    _answer_box_confirm(monkeypatch, False)
    window.plan_actions.finalize_action.trigger()
    assert window.session.book.finalized_on is None
    assert window.session.is_stored


def test_exporting_the_plan_asks_once_whether_it_is_the_signed_copy(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)
    target = tmp_path / "book.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    said = _answer_box("finalizeQuestion", "否")
    window.ui.actionExportPdf.trigger()
    assert said == ["这是送签的定稿吗？"]
    assert window.session.book.finalized_on is None
    # Asked at most once a sitting: the second export asks nothing (no box would answer).
    window.ui.actionExportPdf.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    assert window.session.book.finalized_on is None


def test_yes_keeps_the_very_file_exported(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)
    target = tmp_path / "book.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    _answer_box("finalizeQuestion", "是")
    window.ui.actionExportPdf.trigger()
    data = target.read_bytes()
    book = window.session.book
    assert book.finalized_on == dt.date.today()
    assert book.signed_copy is not None
    assert book.signed_copy.sha256 == hashlib.sha256(data).hexdigest()
    assert window.repository.evidence_data(book.signed_copy.sha256) == data
    assert _stored(window).signed_copy == book.signed_copy


def test_a_finalized_book_is_not_asked_again_on_printing(
    signed: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)
    target = tmp_path / "again.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    signed.ui.actionExportPdf.trigger()  # a question would wait here for ever
    assert target.is_file()


# --- 目标调整 ---


def test_the_first_plan_edit_asks_why_and_is_recorded(qtbot, signed: MainWindow, answering) -> None:
    reasons = answering("根据区委工作部署调整")
    before = signed.session.book
    cover = signed.pages[COVER].ui
    cover.phone.setFocus()
    cover.phone.selectAll()
    qtbot.keyClicks(cover.phone, "87771622")
    assert reasons.asked == 1
    assert reasons.changes == ["封面联系电话：由“87771621”改为“8”"]  # said at the first key
    book = signed.session.book
    assert book.cover.phone == "87771622"
    [adjustment] = book.adjustments
    assert adjustment.on == dt.date.today()
    assert adjustment.why == "根据区委工作部署调整"
    assert adjustment.what == "封面联系电话：由“87771621”改为“87771622”"
    # the rest of the sitting joins it: asked no more
    type_chinese(cover.fillerPosition, "主任", phrase=True)
    assert reasons.asked == 1
    [adjustment] = signed.session.book.adjustments
    assert adjustment.what.split("\n") == [
        f"封面填表人职务：由“{before.cover.filler_position}”改为“{before.cover.filler_position}主任”",
        "封面联系电话：由“87771621”改为“87771622”",
    ]
    stored = _stored(signed)
    assert stored.adjustments == signed.session.book.adjustments
    assert stored.cover.phone == "87771622"
    assert signed.plan_actions.new_adjustment_action.isEnabled()


def _when_asked(act: Callable[[ReasonDialog], None]) -> QTimer:
    """Calls `act` with the 调整理由 question once it is on screen."""
    timer = QTimer()
    timer.setInterval(5)

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ReasonDialog) and dialog.isVisible():
            timer.stop()
            act(dialog)

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_what_is_typed_on_while_the_question_comes_stays_in_the_field(
    qtbot, signed: MainWindow
) -> None:
    """A clerk types 87771622 in one burst. The first key changes the signed plan; the
    question waits for the pause in typing, so the next keys reach the field; the last ones
    race the question as it opens and reach it before it could be read. Then the clerk
    reads and answers."""
    cover = signed.pages[COVER].ui
    cover.phone.setFocus()
    cover.phone.selectAll()
    asked: list[str] = []

    def burst() -> None:  # before the question shows: to the field
        assert QApplication.activeModalWidget() is None
        for char in "7771":
            qtbot.keyClick(cover.phone, char)

    def raced(dialog: ReasonDialog) -> None:  # to the question, before it could be read
        asked.append(dialog.change.text())
        for char in "622":
            qtbot.keyClick(dialog.reason, char)
        assert dialog.reason.text() == ""  # not taken as the reason
        QTimer.singleShot(int(1000 * ReasonDialog.TYPE_AHEAD_S) + 50, lambda: answer(dialog))

    def answer(dialog: ReasonDialog) -> None:
        assert dialog.reads_typing()
        type_chinese(dialog.reason, "更正号码", phrase=True)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    QTimer.singleShot(0, burst)
    watching = _when_asked(raced)
    qtbot.keyClick(cover.phone, "8")  # the question opens here, and closes when answered
    qtbot.waitUntil(lambda: cover.phone.text() == "87771622")
    watching.stop()
    assert asked == ["封面联系电话：由“87771621”改为“87771”"]  # as typed when it came
    [adjustment] = signed.session.book.adjustments
    assert adjustment.why == "更正号码"
    assert adjustment.what == "封面联系电话：由“87771621”改为“87771622”"
    assert _stored(signed).cover.phone == "87771622"


def test_a_cell_typed_on_while_the_question_comes_is_stored_whole(
    qtbot, signed: MainWindow, answering
) -> None:
    """The table takes no commit from an editor while one of its commits is asking: what
    the cell editor took meanwhile is handed over once the question is answered."""
    reasons = answering("上级调整考核指标")
    signed.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = signed.pages[FUNCTIONAL]
    old = signed.session.book.functional_tasks[0].objective
    editor = open_cell(qtbot, page, 0, "objective")
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTimer.singleShot(0, lambda: type_chinese(editor, "更好", phrase=False))
    type_chinese(editor, "做", phrase=True)
    assert reasons.asked == 1
    assert signed.session.book.functional_tasks[0].objective == old + "做更好"
    close_editor(qtbot, page, editor)
    [adjustment] = _stored(signed).adjustments
    assert adjustment.what.endswith("做更好”")


def test_until_the_question_comes_only_the_field_takes_input(
    qtbot, signed: MainWindow, answering
) -> None:
    """Between the first key and the question, a click elsewhere or Tab does nothing."""
    reasons = answering("根据区委工作部署调整")
    cover = signed.pages[COVER].ui
    cover.unitName.setFocus()
    cover.unitName.end(False)

    def elsewhere() -> None:
        qtbot.mouseClick(
            signed.ui.tabs.tabBar(),
            Qt.MouseButton.LeftButton,
            pos=signed.ui.tabs.tabBar().tabRect(FUNCTIONAL).center(),
        )
        qtbot.keyClick(cover.unitName, Qt.Key.Key_Tab)
        signed.close()  # the window's close button: it waits for the answer too
        type_chinese(cover.unitName, "办公室", phrase=True)

    QTimer.singleShot(0, elsewhere)
    type_chinese(cover.unitName, "区", phrase=True)
    assert reasons.asked == 1
    assert signed.isVisible()
    assert signed.ui.tabs.currentIndex() == COVER
    assert signed.session.book.cover.unit_name.endswith("区办公室")
    assert _stored(signed).cover.unit_name == signed.session.book.cover.unit_name


def test_declined_the_keys_typed_on_go_with_the_change(qtbot, signed: MainWindow) -> None:
    before = signed.session.book
    cover = signed.pages[COVER].ui
    cover.unitName.setFocus()
    cover.unitName.end(False)

    def burst() -> None:
        type_chinese(cover.unitName, "政协", phrase=False)

    def raced_then_declined(dialog: ReasonDialog) -> None:
        type_chinese(dialog.reason, "机关", phrase=True)  # typed ahead, not the reason
        QTimer.singleShot(
            int(1000 * ReasonDialog.TYPE_AHEAD_S) + 50,
            lambda: qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape),
        )

    QTimer.singleShot(0, burst)
    watching = _when_asked(raced_then_declined)
    type_chinese(cover.unitName, "区", phrase=True)
    watching.stop()
    qtbot.wait(50)
    assert cover.unitName.text() == before.cover.unit_name
    assert signed.session.book == before
    assert _stored(signed).cover.unit_name == before.cover.unit_name


def test_escape_keeps_the_plan_as_it_was(signed: MainWindow, answering) -> None:
    reasons = answering(None)
    before = signed.session.book
    stored_before = _stored(signed)
    cover = signed.pages[COVER].ui
    type_chinese(cover.unitName, "区", phrase=True)
    assert reasons.asked == 1
    assert signed.session.book == before
    assert cover.unitName.text() == before.cover.unit_name  # the page shows it again
    assert signed.session.is_stored
    assert signed.session.undo_stack.count() == 0
    assert _stored(signed) == stored_before
    assert not signed.plan_actions.new_adjustment_action.isEnabled()


def test_a_task_edit_is_asked_once_through_the_session(signed: MainWindow, answering) -> None:
    reasons = answering("上级调整考核指标")
    signed.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = signed.pages[FUNCTIONAL]
    page.table.setFocus()
    page.table.selectRow(1)
    target = page.detail.ui.targetEdit
    old = signed.session.book.functional_tasks[1].target
    target.setFocus()
    target.selectAll()
    type_chinese(target, "实现提案办复率100%", phrase=False)
    assert reasons.asked == 1
    [adjustment] = signed.session.book.adjustments
    assert adjustment.what == f"职能工作第 2 项（政治协商）目标：由“{old}”改为“实现提案办复率100%”"
    assert adjustment.why == "上级调整考核指标"
    assert _stored(signed).adjustments[0].what == adjustment.what


def test_undo_takes_the_adjustment_back_with_the_edit(qtbot, signed: MainWindow, answering) -> None:
    answering("笔误更正")
    before = signed.session.book
    texts_tab = signed.pages[TEXTS]
    signed.ui.tabs.setCurrentIndex(TEXTS)
    opinion = texts_tab.ui.headOpinion
    opinion.setFocus()
    opinion.moveCursor(opinion.textCursor().MoveOperation.End)
    type_chinese(opinion, "。")
    assert len(signed.session.book.adjustments) == 1
    qtbot.waitUntil(lambda: QApplication.activeWindow() is signed)  # back from the dialog
    qtbot.keySequence(opinion, QKeySequence(QKeySequence.StandardKey.Undo))
    assert signed.session.book == before
    assert signed.session.book.adjustments == ()
    assert _stored(signed).adjustments == ()


def test_a_new_adjustment_asks_again(signed: MainWindow, answering) -> None:
    reasons = answering("第一次调整")
    cover = signed.pages[COVER].ui
    type_chinese(cover.fillerPosition, "甲", phrase=True)
    signed.plan_actions.new_adjustment_action.trigger()
    assert not signed.plan_actions.new_adjustment_action.isEnabled()
    reasons.reason = "第二次调整"
    type_chinese(cover.fillerPosition, "乙", phrase=True)
    assert reasons.asked == 2
    assert [a.why for a in signed.session.book.adjustments] == ["第一次调整", "第二次调整"]
    assert [a.why for a in _stored(signed).adjustments] == ["第一次调整", "第二次调整"]


def test_year_data_edits_never_ask(signed: MainWindow, answering) -> None:
    reasons = answering("不该问")
    session = signed.session
    book = session.book
    task = replace(book.functional_tasks[0], progress=(Progress(1, ON_PACE, done="召开会议"),))
    session.edit(replace(book, functional_tasks=(task, *book.functional_tasks[1:])), "填报进展")
    assert reasons.asked == 0
    assert session.book.adjustments == ()
    assert session.book.functional_tasks[0].progress[0].done == "召开会议"


def test_a_book_not_finalized_never_asks(window: MainWindow, answering) -> None:
    reasons = answering("不该问")
    type_chinese(window.pages[COVER].ui.fillerPosition, "甲", phrase=True)
    assert reasons.asked == 0
    assert window.session.book.adjustments == ()


# --- the signed copy ---


def test_the_signed_copy_prints_as_it_was_signed_after_later_edits(
    window: MainWindow, monkeypatch, answering
) -> None:
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)
    _answer_box_confirm(monkeypatch, True)
    at_signing = render_pdf(window.session.book, window.actions_.pdf_settings())
    window.plan_actions.finalize_action.trigger()
    answering("区委新部署")
    type_chinese(window.pages[COVER].ui.fillerPosition, "（兼）", phrase=True)
    assert window.session.book.adjustments
    now = render_pdf(window.session.book, window.actions_.pdf_settings())
    assert now != at_signing
    shown: list[bytes] = []

    def exec_(dialog) -> int:  # noqa: ANN001
        shown.append(dialog.data)
        return 0

    monkeypatch.setattr("bluebook_desktop.ui.printing.PreviewDialog.exec", exec_)
    assert window.plan_actions.signed_copy_action.isEnabled()
    window.plan_actions.signed_copy_action.trigger()
    assert shown == [at_signing]
    assert plan_of(_stored(window)) == plan_of(window.session.book)  # the edit is kept too


def test_a_cell_being_typed_in_asks_and_escape_puts_the_cell_back(
    qtbot, signed: MainWindow, answering
) -> None:
    from bluebook_desktop.ui.task_model import TaskTableModel as M

    signed.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = signed.pages[FUNCTIONAL]
    table = page.table
    signed.activateWindow()
    qtbot.waitUntil(signed.isActiveWindow)
    table.setFocus()
    old = signed.session.book.functional_tasks[1].task
    table.setCurrentIndex(page.model.index(1, M.TASK))

    reasons = answering(None)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    type_chinese(QApplication.focusWidget(), "民主协商", phrase=True)
    assert reasons.asked == 1
    assert signed.session.book.functional_tasks[1].task == old
    assert page.model.index(1, M.TASK).data() == old
    assert signed.session.undo_stack.count() == 0

    reasons.reason = "职能调整"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is signed)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    type_chinese(QApplication.focusWidget(), "民主协商", phrase=True)
    assert reasons.asked == 2
    # The question took the focus: the cell keeps what was typed, and typing on in it
    # joins the same adjustment without asking again.
    assert page.model.index(1, M.TASK).data() == "民主协商"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is signed)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    type_chinese(editor, "会", phrase=True)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert reasons.asked == 2
    assert signed.session.book.functional_tasks[1].task == "民主协商会"
    [adjustment] = _stored(signed).adjustments
    assert adjustment.what == f"职能工作第 2 项工作任务：由“{old}”改为“民主协商会”"
    assert adjustment.why == "职能调整"


def test_a_quarter_ticked_in_the_schedule_asks_and_escape_unticks_it(
    qtbot, signed: MainWindow, answering
) -> None:
    signed.ui.tabs.setCurrentIndex(FUNCTIONAL)
    page = signed.pages[FUNCTIONAL]
    page.table.selectRow(0)
    step = page.detail.ui.scheduleEditor.row_widget(0)
    first = signed.session.book.functional_tasks[0].schedule[0]
    assert first.quarters == (1,)
    box = step.quarter_boxes[2]
    reasons = answering(None)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert reasons.asked == 1
    assert signed.session.book.functional_tasks[0].schedule[0] == first
    assert not page.detail.ui.scheduleEditor.row_widget(0).quarter_boxes[2].isChecked()

    reasons.reason = "工作安排提前"
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a click, not a double click
    step = page.detail.ui.scheduleEditor.row_widget(0)
    qtbot.mouseClick(step.quarter_boxes[2], Qt.MouseButton.LeftButton)
    assert reasons.asked == 2
    [adjustment] = _stored(signed).adjustments
    assert adjustment.what == (
        f"职能工作第 1 项（政治协商）全年进度安排第 1 条："
        f"由“第一季度：{first.text}”改为“第一、二季度：{first.text}”"
    )


def test_a_session_with_no_one_to_ask_records_the_change_without_a_reason(
    repository, fixture_book: Book
) -> None:
    from bluebook_desktop.ui.session import BookSession

    data = render_pdf(fixture_book)
    sha256 = repository.put_evidence(data, "application/pdf")
    copy = Evidence("定稿.pdf", sha256, len(data), "application/pdf", SIGNED_ON)
    session = BookSession(repository, repository.add(finalize(fixture_book, SIGNED_ON, copy)))
    book = session.book
    session.edit(replace(book, cover=replace(book.cover, phone="87771622")), "修改联系电话")
    [adjustment] = session.book.adjustments
    assert (adjustment.why, adjustment.what) == ("", "封面联系电话：由“87771621”改为“87771622”")
    assert session.store_now()
    assert repository.load(book.id).adjustments == session.book.adjustments
    session.finish()
