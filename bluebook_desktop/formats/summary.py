"""The collecting office's 汇总表 of a year: every unit's tasks in one table, and the checks.

The workbook's first sheet has one row per task of every unit (序号 · 单位 · 类别 · 工作任务
· 年度目标 · 目标 · 全年进度安排 · 责任领导 · 牵头/协办), then, where any unit reported
progress, each quarter's 进度 and 完成情况 under the quarter's name, and, where any task was
reviewed, its 自评结果. The second sheet has one row per unit with what a checker needs
(the collection view's columns). The PDF prints the first sheet's rows in the house style
of the year's printouts, for offices that print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bluebook_desktop.domain import (
    QUARTER_NUMERALS,
    QUARTERS,
    Book,
    Cover,
    Task,
    chinese_date,
    leaders_text,
)
from bluebook_desktop.domain.collection import NOT_SUBMITTED, UnitRow
from bluebook_desktop.formats import xlsx
from bluebook_desktop.formats.xlsx import Column

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf import PdfSettings

KEY_CATEGORY = "重点工作/改革任务"
FUNCTIONAL_CATEGORY = "职能工作"
SUMMARY_SHEET = "汇总表"
CHECKS_SHEET = "检查情况"
PROGRESS = "进度"
DONE = "完成情况"
RESULT = "自评结果"
NOT_REPORTED = "未填报"

# Widths in Excel's units (a Chinese character is two): the whole table fits A4 landscape
# at about 60 %, quarters and 自评结果 included, so that it still reads when printed.
PLAN_COLUMNS = (
    Column("序号", width=5, centred=True),
    Column("单位", width=14),
    Column("类别", width=8, centred=True),
    Column("工作任务", width=14),
    Column("年度目标", width=26),
    Column("目标", width=16),
    Column("全年进度安排", width=30),
    Column("责任领导", width=9, centred=True),
    Column("牵头/协办", width=8, centred=True),
)
CHECK_COLUMNS = (
    Column("序号", width=6, centred=True),
    Column("单位", width=20),
    Column("报送时间", width=17, centred=True),
    Column("定稿", width=16, centred=True),
    Column("重点工作数", width=8, centred=True),
    Column("职能工作数", width=8, centred=True),
    Column("检查发现", width=40),
)
PDF_MM = (9, 24, 13, 20, None, None, 15, 13)
PDF_PROGRESS = "各季度进展"


def quarter_name(quarter: int) -> str:
    return f"第{QUARTER_NUMERALS[quarter]}季度"


@dataclass(frozen=True)
class UnitBook:
    """A unit's row of the collection view and its book (None: 未报送)."""

    row: UnitRow
    book: Book | None


class Books(Protocol):
    """Where the year's books are: the repository, or anything that reads a year's books."""

    def load_year(self, year: int) -> list[tuple[Book, str]]: ...  # each with its store time


def year_units(books: Books, year: int, expected: Sequence[str] = ()) -> list[UnitBook]:
    """The collection view of a year: every book of that year, in the order of the list
    of expected units when there is one (with 未报送 rows), else by unit."""
    import datetime as dt

    from bluebook_desktop.domain.collection import unit_row, unit_rows
    from bluebook_desktop.formats.pdf import missing_characters_of

    today = dt.date.today()
    read = books.load_year(year)
    missing = missing_characters_of(book for book, _stored in read)
    loaded: dict[int, Book] = {}
    rows = []
    for (book, stored), chars in zip(read, missing, strict=True):
        assert book.id is not None
        loaded[book.id] = book
        rows.append(unit_row(book, stored, today, chars))
    return [
        UnitBook(row, loaded[row.book_id] if row.book_id is not None else None)
        for row in unit_rows(rows, expected)
    ]


@dataclass(frozen=True)
class _TaskLine:
    unit: str
    category: str
    task: Task
    role: str


def _lines(units: Sequence[UnitBook]) -> list[_TaskLine]:
    lines = []
    for unit in units:
        book = unit.book
        if book is None:
            continue
        name = book.cover.unit_name
        if not book.no_key_tasks:
            for task in book.key_tasks:
                lines.append(_TaskLine(name, KEY_CATEGORY, task, task.role or ""))
        for task in book.functional_tasks:
            lines.append(_TaskLine(name, FUNCTIONAL_CATEGORY, task, ""))
    return lines


def _has_progress(lines: Sequence[_TaskLine]) -> bool:
    return any(line.task.progress for line in lines)


def _has_review(lines: Sequence[_TaskLine]) -> bool:
    return any(line.task.review is not None for line in lines)


def _progress_cells(task: Task, quarter: int) -> tuple[str, str]:
    report = next((p for p in task.progress if p.quarter == quarter), None)
    if report is None:
        return NOT_REPORTED, ""
    status = f"{report.status}（{report.value}）" if report.value else report.status
    return status, report.done


def _plan_cells(number: int, line: _TaskLine) -> list[object]:
    task = line.task
    return [
        number,
        line.unit,
        line.category,
        task.task,
        task.objective,
        task.target,
        "\n".join(task.schedule_lines()),
        leaders_text(task.leaders),
        line.role,
    ]


def summary_sheet(year: int, units: Sequence[UnitBook]) -> xlsx.Sheet:
    lines = _lines(units)
    progress = _has_progress(lines)
    review = _has_review(lines)
    columns = list(PLAN_COLUMNS)
    if progress:
        for quarter in QUARTERS:
            columns.append(Column(PROGRESS, group=quarter_name(quarter), width=8, centred=True))
            columns.append(Column(DONE, group=quarter_name(quarter), width=16))
    if review:
        columns.append(Column(RESULT, width=10, centred=True))
    rows: list[list[object]] = []
    for number, line in enumerate(lines, start=1):
        cells = _plan_cells(number, line)
        if progress:
            for quarter in QUARTERS:
                cells.extend(_progress_cells(line.task, quarter))
        if review:
            cells.append(line.task.review.result if line.task.review is not None else "")
        rows.append(cells)
    return xlsx.Sheet(
        SUMMARY_SHEET,
        f"{year}年度绩效目标责任书汇总表",
        columns,
        rows,
        filter_columns=(1, 1),
    )


def checks_sheet(year: int, units: Sequence[UnitBook]) -> xlsx.Sheet:
    columns = list(CHECK_COLUMNS)
    progress = any(unit.row.quarters for unit in units)
    if progress:
        for quarter in QUARTERS:
            columns.append(Column(quarter_name(quarter), group="进展（绿 黄 红）", width=14))
        columns.append(Column("未报进展", width=16))
    rows: list[list[object]] = []
    for number, unit in enumerate(units, start=1):
        row = unit.row
        if row.missing:
            rows.append([number, row.unit, NOT_SUBMITTED])
            continue
        cells: list[object] = [
            number,
            row.unit,
            local_time(row.submitted_at),
            chinese_date(row.finalized_on) if row.finalized_on else "",
            row.key_tasks,
            row.functional_tasks,
            "\n".join(f.text() for f in row.findings),
        ]
        if progress:
            cells.extend(lights.text() for lights in row.quarters)
            cells.extend([""] * (4 - len(row.quarters)))
            cells.append(unreported_text(row))
        rows.append(cells)
    missing = sum(1 for unit in units if unit.row.missing)
    notes = [f"共 {len(units)} 个单位，已报送 {len(units) - missing} 个，未报送 {missing} 个。"]
    return xlsx.Sheet(
        CHECKS_SHEET, f"{year}年度绩效目标责任书检查情况", columns, rows, (1, 1), notes
    )


def unreported_text(row: UnitRow) -> str:
    return "；".join(
        f"{quarter_name(q)} {lights.unreported} 项"
        for q, lights in enumerate(row.quarters, start=1)
        if lights.unreported
    )


def local_time(stamp: str) -> str:
    """A stored moment (UTC ISO 8601) as the clerk's clock shows it: 2021-10-12 09:30."""
    import datetime as dt

    if not stamp:
        return ""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def summary_workbook(year: int, units: Sequence[UnitBook]) -> bytes:
    return xlsx.workbook_bytes([summary_sheet(year, units), checks_sheet(year, units)])


def write_summary_workbook(path: Path, year: int, units: Sequence[UnitBook]) -> None:
    from bluebook_desktop.formats.files import write_atomically

    write_atomically(path, summary_workbook(year, units))


# --- the PDF ---


def summary_pdf(
    year: int, units: Sequence[UnitBook], office: str = "", settings: PdfSettings | None = None
) -> bytes:
    """The 汇总表's rows as the year's printouts print a table: A4 landscape, the header
    repeated on every page, a quarter's 进度 and 完成情况 in one cell."""
    from bluebook_desktop.formats.year_pdf import render_sheet
    from bluebook_desktop.formats.year_sheets import Names, Sheet

    lines = _lines(units)
    progress = _has_progress(lines)
    review = _has_review(lines)
    headers = [
        "序号",
        "单位",
        "类别",
        "工作任务",
        "年度目标",
        "全年进度安排",
        "责任领导",
        "牵头/协办",
    ]
    widths: list[float | None] = list(PDF_MM)
    if progress:  # one column for the four quarters: a page holds a few tasks, not one
        headers.append(PDF_PROGRESS)
        widths.append(None)
    if review:
        headers.append(RESULT)
        widths.append(13)
    rows = []
    for number, line in enumerate(lines, start=1):
        task = line.task
        cells: list[list[str] | Names] = [
            [str(number)],
            [line.unit],
            [line.category],
            [task.task],
            task.objective_lines(),
            task.schedule_lines(),
            Names(task.leaders),
            [line.role] if line.role else [],
        ]
        if progress:
            quarters = []
            for quarter in QUARTERS:
                status, done = _progress_cells(task, quarter)
                quarters.append(
                    f"{quarter_name(quarter)}：{status}" + (f"。{done}" if done else "")
                )
            cells.append(quarters)
        if review:
            cells.append([task.review.result] if task.review is not None else [])
        rows.append(cells)
    missing = [unit.row.unit for unit in units if unit.row.missing]
    submitted = len(units) - len(missing)
    info = [[("年度：", str(year)), ("已报送单位：", f"{submitted} 个")]]
    if missing:
        info[0].append(("未报送单位：", f"{len(missing)} 个"))
    sheet = Sheet(
        title=f"{year}年度绩效目标责任书汇总表",
        info=info,
        headers=tuple(headers),
        widths_mm=tuple(widths),
        rows=rows,
        centred=frozenset({0, 2, 6, 7, *((len(headers) - 1,) if review else ())}),
        evidence=[],
        summary=None,
        signing=[("制表人：", ""), ("审核人：", "")],
        subject=f"{year}年度绩效目标责任书汇总表",
    )
    book = Book(cover=Cover(year=year, unit_name=office))
    return render_sheet(book, sheet, settings)


CHECKS_PDF_MM = (9, 38, 22, 22, 11, 11, None)


def checks_pdf(
    year: int, rows: Sequence[UnitRow], office: str = "", settings: PdfSettings | None = None
) -> bytes:
    """The collection view as shown (its rows in its order) in the house style: one row a
    unit with what a checker finds, 未报送 for units that sent nothing."""
    from bluebook_desktop.domain import chinese_date
    from bluebook_desktop.formats.year_pdf import render_sheet
    from bluebook_desktop.formats.year_sheets import Sheet

    progress = any(row.quarters for row in rows)
    headers = [column.header for column in CHECK_COLUMNS]
    widths: list[float | None] = list(CHECKS_PDF_MM)
    if progress:
        headers += [PDF_PROGRESS, "未报进展"]
        widths += [40, 26]
    cells: list[list[list[str]]] = []
    for number, row in enumerate(rows, start=1):
        if row.missing:
            line = [[str(number)], [row.unit], [NOT_SUBMITTED], [], [], [], []]
            cells.append(line + ([[], []] if progress else []))
            continue
        line = [
            [str(number)],
            [row.unit],
            [local_time(row.submitted_at)],
            [chinese_date(row.finalized_on)] if row.finalized_on else [],
            [str(row.key_tasks)],
            [str(row.functional_tasks)],
            [f.text() for f in row.findings],
        ]
        if progress:
            line.append(  # a quarter a line: 第一季度：2绿 0黄 1红
                [
                    f"{quarter_name(q)}：{n.green}绿 {n.yellow}黄 {n.red}红"
                    for q, n in enumerate(row.quarters, start=1)
                ]
            )
            line.append(
                [
                    f"{quarter_name(q)} {lights.unreported} 项"
                    for q, lights in enumerate(row.quarters, start=1)
                    if lights.unreported
                ]
            )
        cells.append(line)
    missing = sum(1 for row in rows if row.missing)
    info = [
        [
            ("年度：", str(year)),
            ("单位：", f"{len(rows)} 个"),
            ("已报送：", f"{len(rows) - missing} 个"),
            ("未报送：", f"{missing} 个"),
        ]
    ]
    sheet = Sheet(
        title=f"{year}年度绩效目标责任书检查情况",
        info=info,
        headers=tuple(headers),
        widths_mm=tuple(widths),
        rows=cells,  # type: ignore[arg-type]
        centred=frozenset({0, 2, 3, 4, 5}),
        evidence=[],
        summary=None,
        signing=[("制表人：", ""), ("审核人：", "")],
        subject=f"{year}年度绩效目标责任书检查情况",
    )
    return render_sheet(Book(cover=Cover(year=year, unit_name=office)), sheet, settings)
