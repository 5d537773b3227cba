"""Excel workbooks as the collecting office uses them: one sheet per table, ready to print.

Each sheet is a title line, a two-level header (a group label over its columns, merged) and
the rows. The house rules: 仿宋 for the body and 黑体 for the title and headers, named so that
Excel, WPS and LibreOffice all show them; wrapped text in columns sized for Chinese (a
character is two of Excel's width units, which count the width of a Latin digit); the header
frozen on screen and repeated on every printed page; A4 landscape, one page wide; "第 n 页
共 m 页" at the foot; a filter on the header row.
"""

from __future__ import annotations

import functools
import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    # XlsxWriter: a summary of 300 units is some 160,000 cells, which it writes in a third
    # of the time openpyxl takes (openpyxl reads the lists of expected units and the tests).
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    for sheet in sheets:
        _write_sheet(book, book.add_worksheet(_sheet_name(sheet.name)), sheet)
    book.close()
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


def _write_sheet(book: Any, ws: Any, sheet: Sheet) -> None:
    count = len(sheet.columns)
    heading = book.add_format(
        {
            "font_name": HEADING_FONT,
            "font_size": HEADING_PT,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
            "border": 1,
        }
    )
    body = [
        book.add_format(
            {
                "font_name": BODY_FONT,
                "font_size": BODY_PT,
                "align": "center" if c.centred else "left",
                "valign": "vcenter" if c.centred else "top",
                "text_wrap": c.wrap,
                "border": 1,
            }
        )
        for c in sheet.columns
    ]

    # The title, merged over the table's width (rows and columns count from 0 here).
    title = book.add_format(
        {"font_name": HEADING_FONT, "font_size": TITLE_PT, "align": "center", "valign": "vcenter"}
    )
    if count > 1:
        ws.merge_range(0, 0, 0, count - 1, sheet.title, title)
    else:
        ws.write_string(0, 0, sheet.title, title)
    ws.set_row(0, 30)

    # Two header lines: a group over its columns, or one column's header over both lines.
    start = 0
    while start < count:
        group = sheet.columns[start].group
        end = start
        while group and end + 1 < count and sheet.columns[end + 1].group == group:
            end += 1
        if group:
            if end > start:
                ws.merge_range(1, start, 1, end, group, heading)
            else:
                ws.write_string(1, start, group, heading)
            for i in range(start, end + 1):
                ws.write_string(2, i, sheet.columns[i].header, heading)
        else:
            ws.merge_range(1, start, 2, start, sheet.columns[start].header, heading)
        start = end + 1

    widths = column_widths(sheet)
    for r, values in enumerate(sheet.rows, start=3):
        shown = [_cell_value(values[c] if c < len(values) else None) for c in range(count)]
        for c, value in enumerate(shown):
            if isinstance(value, str):
                if value:  # typed text stays text, never a formula
                    ws.write_string(r, c, value, body[c])
                else:
                    ws.write_blank(r, c, None, body[c])  # the cell's borders all the same
            else:
                ws.write_number(r, c, value, body[c])
        ws.set_row(r, row_height(shown, widths))
    last = 2 + len(sheet.rows)  # the last row of the table
    if sheet.notes:
        plain = book.add_format({"font_name": BODY_FONT, "font_size": BODY_PT})
        for offset, note in enumerate(sheet.notes, start=2):
            ws.write_string(last + offset, 0, note, plain)

    for index, width in enumerate(widths):
        # In pixels of a digit of the default font (seven): the width Excel stores.
        ws.set_column_pixels(index, index, round(width * 7))
    ws.set_row(2, row_height([c.header for c in sheet.columns], widths))
    ws.freeze_panes(3, 0)
    if sheet.filter_columns is not None and sheet.rows:
        first, end = sheet.filter_columns
        ws.autofilter(2, first, last, end)

    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many pages down as the rows need
    ws.repeat_rows(1, 2)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    ws.set_footer(f'&C&"{BODY_FONT},Regular"&10{FOOTER}')
