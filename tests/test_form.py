"""The form's description drives every table: a form with one more column (分值) is a new
`Form` value, and the window's table, the PDF and the Word file all show that column."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from bluebook_desktop.domain import Book, Task
from bluebook_desktop.domain.form import FORM, Align, Column, Form
from bluebook_desktop.formats.docx import docx_bytes
from bluebook_desktop.formats.docx_import import read_docx
from bluebook_desktop.formats.pdf import render_pdf
from bluebook_desktop.ui.task_model import TaskTableModel

# Another district's column: text of its own that no Task field holds, kept in Task.extra.
SCORE = Column("score", "分值", 12, 12, Align.CENTRE, header_words=("分值",), stored_as_extra=True)


def _scored_form() -> Form:
    """This district's form with 分值 after 年度目标 in the functional table; the two long
    columns give up the 12 mm in Word so the table keeps the text width."""
    section = FORM.functional_tasks
    columns = []
    for column in section.columns:
        if column.name in ("objective", "schedule"):
            column = dataclasses.replace(column, word_mm=column.word_mm - 6)
        columns.append(column)
        if column.name == "objective":
            columns.append(SCORE)
    functional = dataclasses.replace(section, columns=tuple(columns))
    return dataclasses.replace(FORM, sections=(FORM.key_tasks, functional))


def _book(fixture_book: Book) -> Book:
    """The real book's first two functional tasks, each scored 5 分."""
    tasks = tuple(t.with_extra("score", "5 分") for t in fixture_book.functional_tasks[:2])
    return dataclasses.replace(fixture_book, functional_tasks=tasks)


def test_the_three_spellings_of_a_section_are_one_section() -> None:
    assert FORM.section("key_tasks") is FORM.section("key") is FORM.section("重点工作")
    assert FORM.section("functional") is FORM.functional_tasks
    assert FORM.key_tasks.has_role and not FORM.functional_tasks.has_role
    with pytest.raises(KeyError):
        FORM.section("other")


def test_widths_fill_the_text_width_of_the_page() -> None:
    for form in (FORM, _scored_form()):
        for section in form.sections:
            assert sum(c.word_mm for c in section.columns) == form.page.text_width_mm


def test_the_table_model_has_the_added_column(qapp, fixture_book: Book) -> None:
    form = _scored_form()
    model = TaskTableModel(form.functional_tasks)
    model.set_tasks(_book(fixture_book).functional_tasks)
    titles = ["序号", "工作任务", "年度目标", "分值", "全年进度安排", "责任领导"]
    assert model.columnCount() == 6
    assert model.column_titles() == titles
    score = model.column("score")
    assert score == 3 and model.column("schedule") == 4
    assert model.data(model.index(0, score)) == "5 分"
    assert model.flags(model.index(0, score)) & Qt.ItemFlag.ItemIsEditable  # the table edits it
    assert model.data(model.index(0, score), Qt.ItemDataRole.EditRole) == "5 分"
    # The columns after it moved along: 责任领导 is still the names, editable.
    leaders = model.column("leaders")
    assert model.data(model.index(0, leaders), Qt.ItemDataRole.EditRole) == "何兰芳 李飞跃"
    # This district's own form is unchanged, and a key table has its role column.
    assert TaskTableModel(FORM.functional_tasks).columnCount() == 5
    assert TaskTableModel(FORM.key_tasks).column_titles()[-1] == "牵头/协办"


def test_a_task_without_the_column_still_reads(qapp) -> None:
    model = TaskTableModel(_scored_form().functional_tasks)
    model.set_tasks((Task(task="学习"),))
    assert [model.data(model.index(0, c)) for c in range(6)] == ["1", "学习", "", "", "", ""]


needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


@needs_poppler
def test_the_pdf_prints_the_added_column(tmp_path: Path, fixture_book: Book) -> None:
    book = _book(fixture_book)
    path = tmp_path / "scored.pdf"
    path.write_bytes(render_pdf(book, form=_scored_form()))
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = re.sub(r"\s+", "", text)
    # The header row, left to right, with 分值 between 年度目标 and 全年进度安排.
    assert "序号工作任务年度目标分值全年进度安排责任领导" in flat
    assert flat.count("5分") == 2  # one cell per task
    # This district's form prints no such column.
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(render_pdf(book))
    assert (
        "分值"
        not in subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(ours), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_the_word_file_has_the_added_column(fixture_book: Book) -> None:
    import docx

    document = docx.Document(io.BytesIO(docx_bytes(_book(fixture_book), _scored_form())))
    key, functional = document.tables[1], document.tables[2]  # after the cover's boxes
    assert [c.text for c in key.rows[0].cells][-1] == "牵头/协办"
    header = [c.text for c in functional.rows[0].cells]
    assert header == ["序号", "工作任务", "年度目标", "分值", "全年进度安排", "责任领导"]
    assert [row.cells[3].text for row in functional.rows[1:]] == ["5 分", "5 分"]
    widths = [round(c.width.mm, 1) for c in functional.rows[1].cells]
    assert widths == [11, 20, 42.5, 12, 42.5, 28]


def test_an_added_column_that_edits_a_field_is_edited_in_the_table(qapp, qtbot) -> None:
    target = Column("target", "目标值", 20, 20, reads=lambda task: [task.target], edits="target")
    section = dataclasses.replace(
        FORM.functional_tasks, columns=(*FORM.functional_tasks.columns, target)
    )
    model = TaskTableModel(section)
    model.set_tasks((Task(task="学习", target="两次"),))
    column = model.column("target")
    assert model.column_titles()[column] == "目标值"
    assert model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(0, column), Qt.ItemDataRole.EditRole) == "两次"
    with qtbot.waitSignal(model.edited) as edited:
        assert model.setData(model.index(0, column), " 三次 ")
    assert edited.args[1] == "target"
    assert model.tasks()[0].target == "三次"
    assert model.data(model.index(0, column)) == "三次"


def _other_office_form() -> Form:
    """Another office's page and words: US Letter, its own phone label and closing words."""
    fields = tuple(
        dataclasses.replace(f, label="办公电话") if f.name == "phone" else f
        for f in FORM.cover_fields
    )
    closing = dataclasses.replace(FORM.closing, seal_label="单位印章：")
    page = dataclasses.replace(FORM.page, size_mm=(216, 279))
    return dataclasses.replace(FORM, cover_fields=fields, closing=closing, page=page)


@needs_poppler
def test_the_pdf_takes_the_page_and_words_from_the_form(tmp_path: Path, fixture_book: Book):
    path = tmp_path / "other.pdf"
    path.write_bytes(render_pdf(_book(fixture_book), form=_other_office_form()))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert size is not None
    assert [round(float(points) * 25.4 / 72) for points in size.groups()] == [216, 279]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "办公电话：" in text and "联系电话" not in text
    assert "单位印章：" in text and "单位盖章" not in text


def test_the_word_file_takes_the_page_and_words_from_the_form(fixture_book: Book) -> None:
    import docx

    data = docx_bytes(_book(fixture_book), _other_office_form())
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (216, 279)
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("办公电话：") for t in texts)
    assert "单位印章：" in texts and not any("联系电话" in t or "单位盖章" in t for t in texts)


def test_a_task_keeps_its_extra_texts_by_column_name() -> None:
    task = Task(task="学习").with_extra("weight", "2").with_extra("score", "10 分")
    assert task.extra == (("score", "10 分"), ("weight", "2"))  # sorted by name
    assert task.extra_value("score") == "10 分" and task.extra_value("other") == ""
    assert Task(id=task.id, task="学习", extra=(("weight", "2"), ("score", "10 分"))) == task
    # An emptied column has no entry: the task equals one that never had it.
    assert task.with_extra("weight", "").extra == (("score", "10 分"),)
    assert SCORE.edits == "score" and SCORE.reads(task) == ["10 分"]
    assert SCORE.reads(task.with_extra("score", "一\n二")) == ["一", "二"]
    assert _scored_form().functional_tasks.extra_columns == (SCORE,)
    assert FORM.functional_tasks.extra_columns == ()
    # A Task field, or a name the database and the file cannot keep, is no extra column.
    for name in ("objective", "extra", "分值", "2score", "s" * 101):
        with pytest.raises(ValueError):
            Column(name, "年度目标", None, 40, stored_as_extra=True)
    assert Column("s" * 100, "分值", 12, 12, stored_as_extra=True).edits == "s" * 100


def _field_rows(repository) -> list[tuple[str, str, str]]:
    from sqlalchemy import text

    with repository.engine.connect() as connection:
        query = "SELECT task_id, name, value FROM task_field ORDER BY task_id, name"
        return [tuple(row) for row in connection.execute(text(query))]


def test_extra_texts_are_stored_changed_and_read_back(repository, fixture_book: Book) -> None:
    from bluebook_desktop.db import quick

    book = repository.add(_book(fixture_book))
    first, second = book.functional_tasks
    assert sorted(_field_rows(repository)) == sorted(
        [(first.id, "score", "5 分"), (second.id, "score", "5 分")]
    )
    assert repository.load(book.id) == book
    # One score changed, one removed, a second column added: each row by itself.
    changed = dataclasses.replace(
        book,
        functional_tasks=(
            first.with_extra("score", "10 分").with_extra("weight", "2"),
            second.with_extra("score", ""),
        ),
    )
    repository.store(book, changed)
    assert _field_rows(repository) == [(first.id, "score", "10 分"), (first.id, "weight", "2")]
    loaded = repository.load(book.id)
    assert loaded == changed
    assert loaded.functional_tasks[0].extra_value("score") == "10 分"
    # The start-up read builds the same book from the same query.
    start = quick.read_for_start(Path(repository.engine.url.database), book.id)
    assert start is not None and start.book == changed
    # A deleted task takes its texts along.
    repository.store(changed, dataclasses.replace(changed, functional_tasks=()))
    assert _field_rows(repository) == []


def test_extra_texts_go_through_the_portable_file(fixture_bytes: bytes, repository) -> None:
    from bluebook_desktop.formats.portable import dumps, loads

    book = _book(loads(fixture_bytes))
    text = dumps(book)
    data = json.loads(text)
    tasks = data["book"]["functional_tasks"]
    assert [t.get("fields") for t in tasks] == [{"score": "5 分"}, {"score": "5 分"}]
    assert list(tasks[0])[-1] == "fields"  # after the task's own keys
    back = loads(text)
    assert [t.extra for t in back.functional_tasks] == [t.extra for t in book.functional_tasks]
    # A book without such texts writes no `fields` at all: byte for byte the file it was.
    assert dumps(loads(fixture_bytes)).encode("utf-8") == fixture_bytes
    # Stored, loaded and written again: the same file.
    assert dumps(repository.load(repository.add(back).id)) == text


@pytest.mark.parametrize(
    ("fields", "where", "words"),
    [
        ("10 分", "functional_tasks[0].fields", "应为一个对象"),
        ({"score": 10}, "functional_tasks[0].fields.score", "应为文字"),
        ({"score": None}, "functional_tasks[0].fields.score", "应为文字"),
        ({"分值": "10"}, "functional_tasks[0].fields", "不是栏目名"),
        ({"objective": "10"}, "functional_tasks[0].fields", "不是栏目名"),
        ({"": "10"}, "functional_tasks[0].fields", "不是栏目名"),
        ({"score": "分" * 20001}, "functional_tasks[0].fields.score", "文字过长"),
    ],
)
def test_bad_extra_texts_are_refused_in_plain_words(
    fixture_bytes: bytes, repository, fields: object, where: str, words: str
) -> None:
    from bluebook_desktop.errors import UserError
    from bluebook_desktop.formats.portable import loads

    data = json.loads(fixture_bytes)
    data["book"]["functional_tasks"][0]["fields"] = fields
    with pytest.raises(UserError) as caught:
        repository.add(loads(json.dumps(data, ensure_ascii=False)))
    message = str(caught.value)
    assert message.startswith(where + "：") and words in message, message
    assert "Traceback" not in message and "\n" not in message
    assert repository.list_books() == []


def test_extra_texts_count_towards_the_size_of_a_book(fixture_bytes: bytes) -> None:
    from bluebook_desktop.domain import MAX_BOOK_CHARS, TEXT_MAX
    from bluebook_desktop.errors import UserError
    from bluebook_desktop.formats.portable import loads

    data = json.loads(fixture_bytes)
    task = data["book"]["functional_tasks"][0]
    data["book"]["functional_tasks"] = [task] * 31
    for t in range(31):
        names = {f"c{i}": "分" * TEXT_MAX for i in range(MAX_BOOK_CHARS // TEXT_MAX // 31 + 1)}
        data["book"]["functional_tasks"][t] = {**task, "fields": names}
    with pytest.raises(UserError) as caught:
        loads(json.dumps(data, ensure_ascii=False))
    assert str(caught.value).startswith("book：内容过多")


class _Completions:
    def task_names(self) -> list[str]:
        return []

    def leader_names(self) -> list[str]:
        return []


def _scored_page(qtbot, session):
    from bluebook_desktop.ui.task_page import TaskPage

    page = TaskPage(_scored_form().functional_tasks, session, _Completions())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_added_column_is_typed_in_the_editor_and_the_table_and_stored(
    qtbot, repository, fixture_book: Book, tmp_path: Path
) -> None:
    from helpers.ime import type_chinese
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QPlainTextEdit

    from bluebook_desktop.ui.session import BookSession

    book = repository.add(fixture_book)
    session = BookSession(repository, book)
    try:
        page = _scored_page(qtbot, session)
        table, model, detail = page.table, page.model, page.detail
        score = model.column("score")
        # The editor has a field for 分值 under 目标, named by the column's header.
        edit = detail.extra_edits["score"]
        label = detail.findChild(QLabel, "scoreLabel")
        assert label is not None and label.text() == "分值：" and label.buddy() is edit
        layout = detail.ui.formLayout
        assert (
            layout.getWidgetPosition(edit)[0]
            == layout.getWidgetPosition(detail.ui.targetEdit)[0] + 1
        )
        # This district's form has no such field.
        from bluebook_desktop.ui.task_detail import TaskDetail

        assert TaskDetail(_Completions()).extra_edits == {}

        # Tab goes from 目标 to 分值, then on to the leader's name, as the fields are shown.
        page.activateWindow()
        table.selectRow(0)
        detail.ui.targetEdit.setFocus()
        qtbot.waitUntil(detail.ui.targetEdit.hasFocus)
        qtbot.keyClick(detail.ui.targetEdit, Qt.Key.Key_Tab)
        assert edit.hasFocus()
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert detail.ui.leaderEdit.hasFocus()  # where Tab from 目标 goes on this district's

        # Typed in the editor: one undo step for the whole typing, as in 年度目标.
        table.selectRow(0)
        assert edit.toPlainText() == ""
        steps = session.undo_stack.count()
        edit.setFocus()
        type_chinese(edit, "十")
        qtbot.keyClicks(edit, " 10")
        type_chinese(edit, "分")
        assert session.undo_stack.count() == steps + 1
        assert session.undo_stack.text(steps) == "修改分值"
        assert session.book.functional_tasks[0].extra_value("score") == "十 10分"
        assert model.data(model.index(0, score)) == "十 10分"

        # Typed in the table's cell: F2, the text (lines, as beside the table), Enter.
        page.activateWindow()
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        table.setCurrentIndex(model.index(1, score))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        assert table.state() == QAbstractItemView.State.EditingState
        editor = QApplication.focusWidget()
        assert isinstance(editor, QPlainTextEdit) and table.isAncestorOf(editor)
        type_chinese(editor, "五分", phrase=True)
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        type_chinese(editor, "加分", phrase=True)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
        assert session.book.functional_tasks[1].extra_value("score") == "五分\n加分"
        assert session.undo_stack.text(session.undo_stack.count() - 1) == "修改分值"
        assert edit.toPlainText() == "五分\n加分"  # the editor shows the selected task's

        # Undo and redo go through both.
        session.undo_stack.undo()
        assert session.book.functional_tasks[1].extra_value("score") == ""
        assert edit.toPlainText() == "" and model.data(model.index(1, score)) == ""
        session.undo_stack.redo()
        assert edit.toPlainText() == "五分\n加分"

        # In the database, and back from it.
        assert session.store_now()
        stored = repository.load(book.id)
        scores = [t.extra_value("score") for t in stored.functional_tasks[:3]]
        assert scores == ["十 10分", "五分\n加分", ""]
        assert stored.functional_tasks == session.book.functional_tasks
        _prints_and_reads_back(stored, tmp_path)
    finally:
        session.store_now()


def _prints_and_reads_back(book: Book, tmp_path: Path) -> None:
    """The stored scores printed in the PDF and the Word file, and read back from the
    portable file and the Word file."""
    import docx

    from bluebook_desktop.formats.portable import dumps, loads

    form = _scored_form()
    document = docx.Document(io.BytesIO(docx_bytes(book, form)))
    functional = document.tables[2]
    assert [row.cells[3].text for row in functional.rows[1:4]] == ["十 10分", "五分\n加分", ""]
    if shutil.which("pdftotext"):
        path = tmp_path / "scored.pdf"
        path.write_bytes(render_pdf(book, form=form))
        text = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = re.sub(r"\s+", "", text)  # 12 mm wide: the score wraps
        assert "十10分" in flat and "五分加分" in flat
    back = loads(dumps(book))
    assert [t.extra for t in back.functional_tasks] == [t.extra for t in book.functional_tasks]
    word = tmp_path / "scored.docx"
    word.write_bytes(docx_bytes(book, form))
    read = read_docx(word, form).book
    assert [t.extra for t in read.functional_tasks] == [t.extra for t in book.functional_tasks]


def test_the_word_reader_reads_the_added_column(tmp_path: Path, fixture_book: Book) -> None:
    book = dataclasses.replace(
        _book(fixture_book),
        functional_tasks=(
            *_book(fixture_book).functional_tasks,
            fixture_book.functional_tasks[2].with_extra("score", "第一行\n第二行"),
            fixture_book.functional_tasks[3],  # no score: an empty cell
        ),
    )
    path = tmp_path / "scored.docx"
    path.write_bytes(docx_bytes(book, _scored_form()))
    reading = read_docx(path, _scored_form())
    scores = [t.extra for t in reading.book.functional_tasks]
    assert scores == [
        (("score", "5 分"),),
        (("score", "5 分"),),
        (("score", "第一行\n第二行"),),
        (),
    ]
    assert not any("分值" in note.text() for note in reading.unplaced)
    # Everything else reads as from this district's form.
    ours = tmp_path / "ours.docx"
    ours.write_bytes(docx_bytes(book))
    expected = read_docx(ours).book.functional_tasks

    def shown(task: Task) -> tuple[object, ...]:
        return task.task, task.objective, task.target, task.schedule_lines(), task.leaders

    assert list(map(shown, reading.book.functional_tasks)) == list(map(shown, expected))
    # This district's reader knows no 分值 header: the table is not its form's, and it says so.
    from bluebook_desktop.errors import UserError

    with pytest.raises(UserError) as caught:
        read_docx(path)
    assert "不是绩效目标责任书" in str(caught.value)
