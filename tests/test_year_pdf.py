"""The year's printouts as PDF, read back with poppler: the quarter's progress report, the
self-review and the adjustments, for the example year, the real book with a year of reports
and a 300-task book across many pages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from helpers.files import EXAMPLE_YEAR
from helpers.year_books import SHARED, long_year_book, real_year_book
from test_pdf import _flat, _pages, _run, needs_poppler

from bluebook_desktop.domain import Book, Task
from bluebook_desktop.domain.year import Progress, book_evidence
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.pdf import MissingGlyphs
from bluebook_desktop.formats.portable import read_portable
from bluebook_desktop.formats.year_pdf import adjustments_pdf, report_pdf, review_pdf

REPORT_HEADER = (
    "序号",
    "工作任务",
    "本季度计划",
    "完成情况",
    "进度",
    "存在问题",
    "下步措施",
    "责任领导",
)
REVIEW_HEADER = ("序号", "工作任务", "年度目标", "全年完成情况", "自评结果", "未完成原因")
DAY = dt.date(2021, 4, 6)


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    x1: float
    y0: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def _write(tmp_path: Path, data: bytes, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _words(pdf: Path) -> list[Word]:
    html = _run("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-")
    words = []
    for page, chunk in enumerate(html.split("<page ")[1:], start=1):
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            chunk,
        ):
            x0, y0, x1, text = match.groups()
            words.append(Word(text, page, float(x0), float(x1), float(y0)))
    return words


def _page_texts(pdf: Path) -> list[str]:
    """Each page's text without blanks; a page's number (— 2 —) is drawn first."""
    return [
        _flat(_run("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(n), "-l", str(n), pdf, "-"))
        for n in range(1, _pages(pdf) + 1)
    ]


def _header_columns(words: list[Word], headers: tuple[str, ...], page: int) -> dict[str, Word]:
    """Each header's word on `page` (the table's first row: the topmost of its kind)."""
    found: dict[str, Word] = {}
    for header in headers:
        candidates = [w for w in words if w.page == page and w.text == header]
        assert candidates, f"header {header} missing on page {page}"
        found[header] = min(candidates, key=lambda w: w.y0)
    return found


def _column_of(word: Word, columns: dict[str, Word]) -> str:
    """The header whose centre is nearest the word's: the column it prints in."""
    return min(columns, key=lambda h: abs(columns[h].centre - word.centre))


def _find(words: list[Word], text: str) -> Word:
    matches = [w for w in words if w.text == text]
    assert matches, f"{text} not printed"
    return matches[0]


def _page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", _run("pdfinfo", pdf))
    assert match
    return float(match.group(1)), float(match.group(2))


@needs_poppler
def test_report_prints_each_value_in_its_column(tmp_path: Path) -> None:
    book = read_portable(EXAMPLE_YEAR)
    pdf = _write(tmp_path, report_pdf(book, 2, DAY))
    width, height = _page_size(pdf)
    assert width > height  # A4 landscape
    assert round(width) == 842 and round(height) == 595
    text = "".join(_page_texts(pdf))
    for part in (
        "第二季度工作进展情况表",
        "单位：政协佛山市三水区委员会",
        "年度：2021",
        "季度：第二季度",
    ):
        assert _flat(part) in text
    for part in ("填报人：傅冰", "联系电话：87771621", "填报日期：2021年4月6日"):
        assert _flat(part) in text
    words = _words(pdf)
    columns = _header_columns(words, REPORT_HEADER, 1)
    # The second task's second-quarter report: 滞后, its problem and next step.
    assert _column_of(_find(words, "滞后"), columns) == "进度"
    assert _column_of(_find(words, "承办单位调整。"), columns) == "存在问题"
    assert _column_of(_find(words, "协调会推迟召开。"), columns) == "完成情况"
    # Its plan in that quarter is the step of 第二、三季度, and only that step.
    plan = [w for w in words if _column_of(w, columns) == "本季度计划" and w.page == 1]
    assert "第二、三季度" in _flat("".join(w.text for w in plan))
    assert "完成政协十届六次会议提案交办" not in _flat("".join(w.text for w in plan))
    # Tasks without a second-quarter report print 未填报 in 进度, empty elsewhere.
    missing = [w for w in words if w.text == "未填报"]
    assert len(missing) == 2
    assert all(_column_of(w, columns) == "进度" for w in missing)
    assert "佐证材料清单" not in text  # no files this quarter
    assert text.endswith(_flat("填报人：傅冰（单位盖章）单位负责人（签字）：年月日"))


@needs_poppler
def test_report_lists_the_quarters_files_with_the_books_numbers(tmp_path: Path) -> None:
    book = real_year_book()
    numbers = {r.sha256: n for n, r in enumerate(book_evidence(book), start=1)}
    pdf = _write(tmp_path, report_pdf(book, 1, DAY))
    pages = _page_texts(pdf)
    text = "".join(pages)
    listing = text[text.index("佐证材料清单") :]
    quarter_files = {
        record.sha256: record
        for task in book.functional_tasks
        for report in task.progress
        if report.quarter == 1
        for record in report.evidence
    }
    assert len(quarter_files) == len(book.functional_tasks) + 1  # one per task and the shared
    for sha, record in quarter_files.items():
        assert _flat(f"{numbers[sha]}{record.name}") in listing
    assert listing.count(_flat(SHARED.name)) == 1  # a shared file is listed once
    # Files of other quarters and of reviews are not listed.
    assert "第2季度会议纪要" not in listing and "自评报告" not in listing
    # Each task's 完成情况 refers to its files by the same numbers.
    for i, task in enumerate(book.functional_tasks):
        report = task.progress[0]
        cited = "、".join(str(n) for n in sorted(numbers[r.sha256] for r in report.evidence))
        assert _flat(f"任务{i + 1}第1季度已落实。完成率25%佐证材料{cited}") in text
    # The list comes after the table, the signature block last.
    assert text.index("佐证材料清单") > text.index(_flat(f"任务{len(book.functional_tasks)}第1"))
    assert pages[-1].index("单位负责人（签字）") > pages[-1].find("佐证材料")


@needs_poppler
def test_review_prints_results_scores_and_file_numbers(tmp_path: Path) -> None:
    book = real_year_book()
    numbers = {r.sha256: n for n, r in enumerate(book_evidence(book), start=1)}
    pdf = _write(tmp_path, review_pdf(book))
    words = _words(pdf)
    columns = _header_columns(words, (*REVIEW_HEADER, "自评得分", "佐证材料"), 1)
    text = "".join(_page_texts(pdf))
    assert "2021年度绩效目标完成情况自评表" in text
    first = book.functional_tasks[0]
    assert first.review is not None
    assert _column_of(_find(words, "任务1全年完成。"), columns) == "全年完成情况"
    assert _column_of(_find(words, "任务2原因"), columns) == "未完成原因"
    assert _column_of(_find(words, "基本完成"), columns) == "自评结果"
    assert _column_of(_find(words, "90"), columns) == "自评得分"
    number = str(numbers[first.review.evidence[0].sha256])
    cell = [w for w in words if w.text == number and _column_of(w, columns) == "佐证材料"]
    assert cell
    assert _flat("自评总结全年目标任务总体完成。") in text
    assert text.endswith(_flat("填报人：傅冰（单位盖章）单位负责人（签字）：年月日"))


@needs_poppler
def test_a_review_table_fills_its_page_and_the_summary_moves_with_the_signature(
    tmp_path: Path,
) -> None:
    """The example year's three tasks fit on the first page, its summary and signature do
    not: the tasks stay together on page 1 and the summary takes the signature to page 2
    (the signature is never alone, and no page is left two-thirds empty for it)."""
    book = read_portable(EXAMPLE_YEAR)
    pdf = _write(tmp_path, review_pdf(book))
    first, second = _page_texts(pdf)
    last = book.functional_tasks[-1].review
    assert last is not None and _flat(last.done) in first
    assert "自评总结" not in first
    assert second.startswith(_flat("— 2 —自评总结"))
    assert "填报人" in second


@needs_poppler
def test_review_has_no_score_column_without_scores(tmp_path: Path) -> None:
    book = read_portable(EXAMPLE_YEAR)
    pdf = _write(tmp_path, review_pdf(book))
    text = "".join(_page_texts(pdf))
    assert "自评得分" not in text
    assert _flat("座谈会如期召开，形成调研报告1份。") in text
    assert text.count("未自评") == 2  # the tasks without a review
    assert _flat("示例：全年目标任务总体完成。") in text


@needs_poppler
def test_adjustments_print_date_change_and_reason(tmp_path: Path) -> None:
    book = read_portable(EXAMPLE_YEAR)
    pdf = _write(tmp_path, adjustments_pdf(book))
    words = _words(pdf)
    columns = _header_columns(words, ("序号", "调整日期", "调整内容", "调整理由"), 1)
    assert _column_of(_find(words, "2022年6月30日"), columns) == "调整日期"
    assert _column_of(_find(words, "承办单位机构调整。"), columns) == "调整理由"
    text = "".join(_page_texts(pdf))
    assert _flat("第2项提案办理协调会由第二季度调整至第三季度召开。") in text
    assert _flat("定稿日期：2021年10月15日") in text


def test_adjustments_are_refused_in_words_when_there_are_none() -> None:
    book = replace(read_portable(EXAMPLE_YEAR), adjustments=())
    with pytest.raises(UserError, match="没有目标调整"):
        adjustments_pdf(book)


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_a_quarter_outside_one_to_four_is_refused(quarter: int) -> None:
    with pytest.raises(UserError, match="季度应为 1 至 4"):
        report_pdf(read_portable(EXAMPLE_YEAR), quarter)


def test_characters_no_font_has_are_refused() -> None:
    book = read_portable(EXAMPLE_YEAR)
    task = book.functional_tasks[0]
    report = replace(task.progress[0], done="已完成😀")
    book = replace(
        book, functional_tasks=(replace(task, progress=(report,)), *book.functional_tasks[1:])
    )
    with pytest.raises(MissingGlyphs) as caught:
        report_pdf(book, 1, DAY)
    assert caught.value.chars == ["😀"]


@needs_poppler
def test_a_long_book_has_the_header_on_every_page_and_loses_no_task(tmp_path: Path) -> None:
    book = long_year_book(300)
    for name, data, header in (
        ("report", report_pdf(book, 3, DAY), REPORT_HEADER),
        ("review", review_pdf(book), REVIEW_HEADER),
    ):
        pdf = _write(tmp_path, data, f"{name}.pdf")
        pages = _page_texts(pdf)
        assert len(pages) > 20
        for number, page in enumerate(pages, start=1):
            assert page.startswith(f"—{number}—"), name
            body = page.removeprefix(f"—{number}—")
            if number == 1:
                assert body.startswith(_flat(name_title(name, book))), name
            assert _flat("".join(header)) in body or number == len(pages), name
        text = "".join(pages)
        positions = [text.find(f"任务{i:04d}") for i in range(1, 301)]
        assert all(p >= 0 for p in positions), name
        assert positions == sorted(positions), name  # in order, none twice before another
    report = "".join(_page_texts(tmp_path / "report.pdf"))
    for i in range(300):
        assert _flat(f"任务{i + 1}第3季度已落实。完成率75%") in report


def name_title(name: str, book: Book) -> str:
    return (
        "第三季度工作进展情况表"
        if name == "report"
        else f"{book.cover.year}年度绩效目标完成情况自评表"
    )


def test_same_book_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    book = real_year_book()
    assert report_pdf(book, 1, DAY) == report_pdf(book, 1, DAY)


@needs_poppler
def test_a_report_taller_than_a_page_reads_whole_and_key_tasks_come_first(
    tmp_path: Path,
) -> None:

    book = real_year_book()
    done = "".join(f"第{i}项说明已办结。" for i in range(400))
    long_task = replace(
        book.functional_tasks[1], progress=(Progress(quarter=1, status="滞后", done=done),)
    )
    key = Task(
        task="重点改革任务",
        role="牵头",
        leaders=("欧阳明月",),
        progress=(Progress(quarter=1, status="超进度", done="提前完成"),),
    )
    book = replace(
        book,
        key_tasks=(key,),
        no_key_tasks=False,
        functional_tasks=(book.functional_tasks[0], long_task, *book.functional_tasks[2:]),
    )
    pdf = _write(tmp_path, report_pdf(book, 1, DAY))
    pages = _page_texts(pdf)
    assert len(pages) > 4
    text = "".join(re.sub(r"^—\d+—", "", page) for page in pages)
    # The long cell's lines in order over its pages, the header above each part.
    words = _words(pdf)
    column: list[str] = []
    for page in range(1, len(pages) + 1):
        if not any(w.page == page and w.text == "本季度计划" for w in words):
            continue  # the 佐证材料清单's pages
        columns = _header_columns(words, REPORT_HEADER, page)
        below = [w for w in words if w.page == page and w.y0 > columns["完成情况"].y0 + 5]
        in_cell = [w for w in below if _column_of(w, columns) == "完成情况"]
        column += [w.text for w in sorted(in_cell, key=lambda w: w.y0)]
    cell = "".join(column)
    assert done in cell
    assert all(_flat("".join(REPORT_HEADER)) in page for page in pages[1:4])
    assert text.index(_flat("1重点改革任务")) < text.index(_flat("2政治协商"))
    assert _flat("3政治协商") in text  # the long task is the third
