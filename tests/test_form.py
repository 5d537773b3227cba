"""The form's description drives every table: a form with one more column (分值) is a new
`Form` value, and the window's table, the PDF and the Word file all show that column."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from bluebook_desktop.domain import Book, Task
from bluebook_desktop.domain.form import FORM, Align, Column, Form
from bluebook_desktop.formats.docx import docx_bytes
from bluebook_desktop.formats.pdf import render_pdf
from bluebook_desktop.ui.task_model import TaskTableModel

SCORE = Column("score", "分值", 12, 12, Align.CENTRE, reads=lambda task: ["5 分"])


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
    return dataclasses.replace(fixture_book, functional_tasks=fixture_book.functional_tasks[:2])


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
    assert not model.flags(model.index(0, score)) & Qt.ItemFlag.ItemIsEditable
    # The columns after it moved along: 责任领导 is still the names, editable.
    leaders = model.column("leaders")
    assert model.data(model.index(0, leaders), Qt.ItemDataRole.EditRole) == "何兰芳 李飞跃"
    # This district's own form is unchanged, and a key table has its role column.
    assert TaskTableModel(FORM.functional_tasks).columnCount() == 5
    assert TaskTableModel(FORM.key_tasks).column_titles()[-1] == "牵头/协办"


def test_a_task_without_the_column_still_reads(qapp) -> None:
    model = TaskTableModel(_scored_form().functional_tasks)
    model.set_tasks((Task(task="学习"),))
    assert [model.data(model.index(0, c)) for c in range(6)] == ["1", "学习", "", "5 分", "", ""]


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
