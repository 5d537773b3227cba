"""The year's printouts as Word files, read back with python-docx: the cells, the landscape
page, the fonts named for Chinese text, the repeated header and reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from helpers.files import EXAMPLE_YEAR
from helpers.year_books import SHARED, long_year_book, real_year_book
from test_pdf import _flat, _pages, _run, _text, needs_poppler

from bluebook_desktop.domain.year import book_evidence
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import read_portable
from bluebook_desktop.formats.year_docx import adjustments_docx, report_docx, review_docx

DAY = dt.date(2021, 4, 6)


def _document(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def _cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[cell.text for cell in row.cells] for row in table.rows]


def _body_text(doc) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for p in doc.paragraphs)


def test_report_cells_in_their_columns() -> None:
    doc = _document(report_docx(read_portable(EXAMPLE_YEAR), 2, DAY))
    info, table = doc.tables[0], doc.tables[1]
    info_text = "".join(cell.text for row in info.rows for cell in row.cells)
    for part in (
        "单位：政协佛山市三水区委员会",
        "季度：第二季度",
        "填报日期：2021年4月6日",
        "联系电话：87771621",
    ):
        assert part in info_text
    rows = _cells(table)
    assert rows[0] == [
        "序号",
        "工作任务",
        "本季度计划",
        "完成情况",
        "进度",
        "存在问题",
        "下步措施",
        "责任领导",
    ]
    assert rows[1][4] == "未填报" and rows[1][3] == ""
    assert rows[2] == [
        "2",
        "政治协商",
        "第二、三季度：召开提案办理协调会，提升提案的办理实效。",
        "协调会推迟召开。",
        "滞后",
        "承办单位调整。",
        "7月上旬召开提案办理协调会。",
        "陈晓",
    ]
    assert "第二季度工作进展情况表" in _body_text(doc)


def test_report_files_numbered_as_the_book_numbers_them() -> None:
    book = real_year_book()
    numbers = {r.sha256: n for n, r in enumerate(book_evidence(book), start=1)}
    doc = _document(report_docx(book, 1, DAY))
    listing = _cells(doc.tables[-1])
    assert listing[0] == ["序号", "材料名称", "大小"]
    assert [SHARED.name, "44.6 KB"] == next(r[1:] for r in listing if r[1] == SHARED.name)
    for number, name, _size in listing[1:]:
        record = next(r for r in book_evidence(book) if r.name == name)
        assert numbers[record.sha256] == int(number)
    first = book.functional_tasks[0].progress[0]
    cited = "、".join(str(n) for n in sorted(numbers[r.sha256] for r in first.evidence))
    assert _cells(doc.tables[1])[1][3].endswith(f"佐证材料 {cited}")
    assert "佐证材料清单" in _body_text(doc)


def test_landscape_repeated_header_and_chinese_fonts() -> None:
    doc = _document(review_docx(real_year_book()))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1) and abs(section.page_height - Mm(210)) < Mm(1)
    table = doc.tables[1]
    header = table.rows[0]._tr
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert _cells(table)[0][-2:] == ["自评得分", "佐证材料"]
    # Rows that fit a page move to the next whole, as in the PDF.
    assert all(
        row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in table.rows[1:]
    )
    east_asia = {
        run._r.rPr.rFonts.get(qn("w:eastAsia"))
        for paragraph in doc.paragraphs
        for run in paragraph.runs
        if run.text.strip()
    }
    assert east_asia <= {"仿宋", "黑体", "宋体"} and "仿宋" in east_asia and "黑体" in east_asia
    cell_fonts = {
        run._r.rPr.rFonts.get(qn("w:eastAsia"))
        for row in table.rows[1:]
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    }
    assert cell_fonts == {"仿宋"}
    text = _body_text(doc)
    assert "自评总结" in text and "全年目标任务总体完成。" in text
    assert "单位负责人（签字）：" in text and "（单位盖章）" in text


def test_review_without_scores_has_no_score_column() -> None:
    doc = _document(review_docx(read_portable(EXAMPLE_YEAR)))
    rows = _cells(doc.tables[1])
    assert "自评得分" not in rows[0]
    assert rows[3][3:5] == ["座谈会如期召开，形成调研报告1份。", "完成"]
    assert rows[1][4] == "未自评"


def test_adjustments_and_their_refusal() -> None:
    book = read_portable(EXAMPLE_YEAR)
    rows = _cells(_document(adjustments_docx(book)).tables[1])
    assert rows[1] == [
        "1",
        "2022年6月30日",
        "第2项提案办理协调会由第二季度调整至第三季度召开。",
        "承办单位机构调整。",
    ]
    with pytest.raises(UserError, match="没有目标调整"):
        adjustments_docx(replace(book, adjustments=()))
    with pytest.raises(UserError, match="季度应为 1 至 4"):
        report_docx(book, 5)


def test_same_book_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    book = real_year_book()
    assert report_docx(book, 1, DAY) == report_docx(book, 1, DAY)
    assert review_docx(book) == review_docx(book)


@needs_poppler
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_long_report_in_word_has_the_header_on_every_page_and_every_task(
    tmp_path: Path,
) -> None:
    docx = tmp_path / "long.docx"
    docx.write_bytes(report_docx(long_year_book(300), 3, DAY))
    profile = tmp_path / "profile"  # a private profile: a running LibreOffice must not interfere
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pdf = tmp_path / "long.pdf"
    size = _run("pdfinfo", pdf)
    assert "841.89 x 595" in size  # A4 landscape
    header = _flat("序号工作任务本季度计划完成情况进度存在问题下步措施责任领导")
    pages = [_flat(_text(pdf, n, n)) for n in range(1, _pages(pdf) + 1)]
    assert len(pages) > 20
    assert all(header in page for page in pages[:-1])
    text = "".join(pages)
    assert all(f"任务{i:04d}" in text for i in range(1, 301))
