"""bluebook-cli report / review / adjustments: the year's printouts of a stored book, and
one plain line with nothing written for what cannot be printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK
from helpers.year_books import real_year_book
from test_cli import fails, run
from test_pdf import _flat, _text, needs_poppler

from bluebook_desktop.domain.year import book_evidence
from bluebook_desktop.formats.portable import write_portable


def _imported(capsys: pytest.CaptureFixture[str], db: Path, file: Path) -> str:
    return run(capsys, "--db", str(db), "import", str(file)).strip()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli" / "books.sqlite3"


@needs_poppler
def test_report_writes_the_quarters_pdf_and_word(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    book_id = _imported(capsys, db, EXAMPLE_YEAR)
    pdf, docx = tmp_path / "q2.pdf", tmp_path / "q2.docx"
    run(
        capsys, "--db", str(db), "report", book_id, "--quarter", "2", "--date", "2021-07-05",
        "--pdf", str(pdf), "--docx", str(docx),
    )  # fmt: skip
    text = _flat(_text(pdf))
    for part in ("第二季度工作进展情况表", "填报日期：2021年7月5日", "协调会推迟召开。", "滞后"):
        assert _flat(part) in text
    cells = [cell.text for row in Document(str(docx)).tables[1].rows for cell in row.cells]
    assert "承办单位调整。" in cells and "未填报" in cells


@needs_poppler
def test_report_of_a_stored_book_numbers_its_files_as_the_book_does(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    book = real_year_book()
    source = tmp_path / "year.bluebook.json"
    write_portable(book, source)
    book_id = _imported(capsys, db, source)
    pdf = tmp_path / "q1.pdf"
    run(capsys, "--db", str(db), "report", book_id, "--quarter", "1", "--pdf", str(pdf))
    listing = _flat(_text(pdf)).split("佐证材料清单")[1]
    numbers = {r.sha256: n for n, r in enumerate(book_evidence(book), start=1)}
    first = book.functional_tasks[0].progress[0].evidence
    for record in first:
        assert _flat(f"{numbers[record.sha256]}{record.name}") in listing


@needs_poppler
def test_review_and_adjustments(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    book_id = _imported(capsys, db, EXAMPLE_YEAR)
    review, adjustments = tmp_path / "review.pdf", tmp_path / "adjustments.docx"
    run(capsys, "--db", str(db), "review", book_id, "--pdf", str(review))
    assert _flat("2021年度绩效目标完成情况自评表") in _flat(_text(review))
    assert _flat("座谈会如期召开") in _flat(_text(review))
    run(capsys, "--db", str(db), "adjustments", book_id, "--docx", str(adjustments))
    rows = Document(str(adjustments)).tables[1].rows
    assert rows[1].cells[3].text == "承办单位机构调整。"


@pytest.mark.parametrize("quarter", ["0", "5"])
def test_a_quarter_outside_one_to_four_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, quarter: str
) -> None:
    book_id = _imported(capsys, db, EXAMPLE_YEAR)
    out = tmp_path / "out.pdf"
    err = fails(capsys, "--db", str(db), "report", book_id, "--quarter", quarter, "--pdf", str(out))
    assert err == f"季度应为 1 至 4，不是 {quarter}。"
    assert not out.exists()


def test_no_such_book_no_output_and_a_bad_date(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    _imported(capsys, db, EXAMPLE_YEAR)
    assert "找不到编号为 99 的蓝皮书" in fails(
        capsys, "--db", str(db), "review", "99", "--pdf", str(out)
    )
    assert "请至少指定一种输出" in fails(capsys, "--db", str(db), "review", "1")
    assert "YYYY-MM-DD" in fails(
        capsys, "--db", str(db), "report", "1", "--quarter", "1", "--date", "2021-02-30",
        "--pdf", str(out),
    )  # fmt: skip
    assert "--quarter" in fails(capsys, "--db", str(db), "report", "1", "--pdf", str(out))
    assert not out.exists()


def test_a_book_without_adjustments_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    book_id = _imported(capsys, db, FIXTURE_BOOK)
    pdf, docx = tmp_path / "a.pdf", tmp_path / "a.docx"
    err = fails(
        capsys, "--db", str(db), "adjustments", book_id, "--pdf", str(pdf), "--docx", str(docx)
    )
    assert err == "这本蓝皮书没有目标调整，没有可打印的目标调整情况。"
    assert not pdf.exists() and not docx.exists()
