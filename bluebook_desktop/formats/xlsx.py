"""Excel workbooks as the collecting office uses them: one sheet per table, ready to print.

Each sheet is a title line, a two-level header (a group label over its columns, merged) and
the rows. The house rules: 仿宋 for the body and 黑体 for the title and headers, named so that
Excel, WPS and LibreOffice all show them; wrapped text in columns sized for Chinese (a
character is two of Excel's width units, which count the width of a Latin digit); the header
frozen on screen and repeated on every printed page; A4 landscape, one page wide; "第 n 页
共 m 页" at the foot; a filter on the header row.
"""

from __future__ import annotations

import copy
import functools
import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bluebook_desktop.formats.files import write_atomically

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
BODY_PT = 11
HEADING_PT = 11
TITLE_PT = 16
MIN_WIDTH = 4.0  # Excel width units: 序号 and the like
MAX_WIDTH = 40.0  # a long text wraps within this; wider columns make the sheet unreadable
LINE_PT = 14.5  # the height of a line of 11 pt 仿宋 in a cell, as Excel and LibreOffice draw it
FOOTER = "第 &P 页 共 &N 页"
# An Excel cell holds at most 32,767 characters; a longer text is cut and says so.
CELL_MAX = 32_767
CUT_MARK = "…（超出 Excel 单元格上限，已截断）"
# =, +, - and @ at the start make Excel read a typed text as a formula: it is kept as text.
_FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Column:
    header: str
    group: str = ""  # the upper header line; neighbouring columns of one group share it
    width: float | None = None  # Excel width units; None: sized from the content
    wrap: bool = True
    centred: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str  # the tab's name (at most 31 characters, no []:*?/\)
    title: str  # the line printed above the table
    columns: Sequence[Column]
    rows: Sequence[Sequence[object]] = ()
    filter_columns: tuple[int, int] | None = None  # first and last column with a filter
    notes: Sequence[str] = field(default_factory=tuple)  # lines below the table


def text_width(text: str) -> float:
    """The width of a line in Excel's units: two for a wide (CJK) character, one otherwise."""
    if text.isascii():
        return 1.1 * len(text)
    return sum(map(_char_width, text))


@functools.cache
def _char_width(char: str) -> float:
    return 2.0 if unicodedata.east_asian_width(char) in "WF" else 1.1


def column_widths(sheet: Sheet) -> list[float]:
    widths = []
    for index, column in enumerate(sheet.columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        lines = [column.header]
        for row in sheet.rows:
            if index < len(row) and row[index] is not None:
                lines.extend(str(row[index]).splitlines())
        widest = max((text_width(line) for line in lines), default=0.0)
        widths.append(min(max(widest + 2, MIN_WIDTH), MAX_WIDTH))
    return widths


@functools.lru_cache(maxsize=2**16)  # a summary repeats its units' names, 未填报 …
def lines_in(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a column `width` units wide."""
    room = max(width - 0.6, 1.0)  # the cell's own padding
    return sum(max(1, math.ceil(text_width(line) / room)) for line in text.split("\n")) or 1


def row_height(values: Sequence[object], widths: Sequence[float]) -> float:
    """A row's height in points for its tallest wrapped cell. Set on every row: none of Excel,
    WPS and LibreOffice sizes the rows of a file it did not write itself, so wrapped text
    would overlap the row below."""
    lines = max(
        (lines_in(str(v), w) for v, w in zip(values, widths, strict=False) if v not in (None, "")),
        default=1,
    )
    return round(lines * LINE_PT + 4, 1)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write_sheet(book.create_sheet(_sheet_name(sheet.name)), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    write_atomically(path, workbook_bytes(sheets))


def _sheet_name(name: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'")
    return cleaned[:31] or "Sheet"


def _cell_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if len(text) > CELL_MAX:
        text = text[: CELL_MAX - len(CUT_MARK)] + CUT_MARK
    return text


def _write_sheet(ws: object, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    body = Font(name=BODY_FONT, size=BODY_PT)
    heading = Font(name=HEADING_FONT, size=HEADING_PT)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    count = len(sheet.columns)

    # The title, merged over the table's width.
    ws.cell(row=1, column=1, value=sheet.title).font = Font(name=HEADING_FONT, size=TITLE_PT)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    if count > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=count)
    ws.row_dimensions[1].height = 30

    # Two header lines: a group over its columns, or one column's header over both lines.
    start = 0
    while start < count:
        group = sheet.columns[start].group
        end = start
        while group and end + 1 < count and sheet.columns[end + 1].group == group:
            end += 1
        if group:
            ws.cell(row=2, column=start + 1, value=group)
            if end > start:
                ws.merge_cells(start_row=2, start_column=start + 1, end_row=2, end_column=end + 1)
            for i in range(start, end + 1):
                ws.cell(row=3, column=i + 1, value=sheet.columns[i].header)
        else:
            ws.cell(row=2, column=start + 1, value=sheet.columns[start].header)
            ws.merge_cells(start_row=2, start_column=start + 1, end_row=3, end_column=start + 1)
        start = end + 1
    for row in (2, 3):
        for column in range(1, count + 1):
            cell = ws.cell(row=row, column=column)
            cell.font, cell.alignment, cell.border = heading, centre, box

    aligns = [
        Alignment(
            horizontal="center" if c.centred else "left",
            vertical="center" if c.centred else "top",
            wrap_text=c.wrap,
        )
        for c in sheet.columns
    ]
    # Each column's style is made once and copied to its cells: setting a font, alignment
    # and border on every cell costs openpyxl a lookup of each (most of the time of a
    # workbook of thousands of rows).
    styles: dict[int, object] = {}
    for r, values in enumerate(sheet.rows, start=4):
        for c in range(count):
            value = _cell_value(values[c] if c < len(values) else None)
            cell = ws.cell(row=r, column=c + 1, value=value)
            if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
                cell.data_type = "s"  # typed text, never a formula
            style = styles.get(c)
            if style is None:
                cell.font, cell.alignment, cell.border = body, aligns[c], box
                styles[c] = copy.copy(cell._style)
            else:
                cell._style = copy.copy(style)
    last = 3 + len(sheet.rows)
    for offset, note in enumerate(sheet.notes, start=2):
        ws.cell(row=last + offset, column=1, value=note).font = body

    widths = column_widths(sheet)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[3].height = row_height([c.header for c in sheet.columns], widths)
    for r, values in enumerate(sheet.rows, start=4):
        shown = [_cell_value(v) for v in values]
        ws.row_dimensions[r].height = row_height(shown, widths)
    ws.freeze_panes = "A4"
    if sheet.filter_columns is not None and sheet.rows:
        first, end = sheet.filter_columns
        ws.auto_filter.ref = f"{get_column_letter(first + 1)}3:{get_column_letter(end + 1)}{last}"

    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:3"
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = 0.5
    margins.top, margins.bottom = 0.6, 0.7
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = BODY_FONT
    ws.oddFooter.center.size = 10
