"""The collecting office's list of units expected to submit, from the file it already has.

A text file with one name a line (UTF-8, or GBK/GB18030 as Notepad on a Chinese Windows saves
it, or UTF-16 as Excel's "Unicode text"), a CSV, or an Excel workbook (.xlsx): for a table,
the column headed 单位 (单位名称, 部门 …) when there is one, else the first column that holds
names rather than numbers, so a list with a 序号 column works as it is.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.domain.collection import unique_units
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.reading import read_limited

MAX_LIST_BYTES = 5 * 2**20  # a district's few hundred names are a few KB
_HEADER_WORDS = ("单位", "部门", "名称")
_NUMBER = re.compile(r"\s*[\d.]*\s*")

TOO_BIG = QT_TRANSLATE_NOOP(
    "messages", "“{name}”过大（超过 {limit} MB），不是单位名单。请选择每行一个单位名称的文件。"
)
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”不是 Excel 工作簿或已损坏，无法作为单位名单读取。请选择文本文件（每行一个单位"
    "名称）、CSV 或 Excel（.xlsx）文件。",
)
EMPTY = QT_TRANSLATE_NOOP("messages", "“{name}”中没有单位名称。")


def read_unit_list(path: Path) -> list[str]:
    data = read_limited(path, MAX_LIST_BYTES)
    if data is None:
        raise UserError(TOO_BIG, name=path.name, limit=MAX_LIST_BYTES // 2**20)
    if data.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(data, path.name)
    else:
        text = _decode(data)
        if path.suffix.lower() == ".csv" or "\t" in text:
            dialect = "excel-tab" if "\t" in text and "," not in text else "excel"
            rows = list(csv.reader(io.StringIO(text), dialect))
        else:
            rows = [[line] for line in text.splitlines()]
    units = unique_units(_names(rows))
    if not units:
        raise UserError(EMPTY, name=path.name)
    return units


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _xlsx_rows(data: bytes, name: str) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to open is "not a workbook"
        raise UserError(NOT_A_WORKBOOK, name=name) from exc
    try:
        sheet = workbook.worksheets[0]
        return [
            ["" if value is None else str(value) for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def _names(rows: list[list[str]]) -> list[str]:
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = rows[0]
    for column, cell in enumerate(header):
        if any(word in cell for word in _HEADER_WORDS):
            return [row[column] for row in rows[1:] if column < len(row)]
    width = max(len(row) for row in rows)
    for column in range(width):
        cells = [row[column] for row in rows if column < len(row) and row[column].strip()]
        if cells and sum(not _NUMBER.fullmatch(c) for c in cells) * 2 > len(cells):
            return [c for c in cells if not _NUMBER.fullmatch(c)]
    return []
