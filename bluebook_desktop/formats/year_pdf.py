"""The year's printouts as PDF: 第N季度工作进展情况表, 年度绩效目标完成情况自评表 and 目标调整情况.

A4 landscape in the printed book's house style (formats.pdf_layout): its fonts, Chinese line
breaking, tables whose header repeats and whose rows move or split across pages as the
plan's do, page numbers, the signature and seal block, and the same refusal of characters
no font has. reportlab is imported only when a PDF is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bluebook_desktop.domain import Book, leaders_text
from bluebook_desktop.formats.files import write_atomically
from bluebook_desktop.formats.pdf import PdfSettings, check_characters, render_locked
from bluebook_desktop.formats.year_sheets import (
    EVIDENCE_LIST,
    SEAL_LABEL,
    SUMMARY_HEADING,
    Names,
    Sheet,
    adjustments_sheet,
    check_quarter,
    report_sheet,
    review_sheet,
    size_text,
)

if TYPE_CHECKING:
    from bluebook_desktop.formats.fonts import FontSet
    from bluebook_desktop.formats.pdf_tables import RowPlace

__all__ = ["adjustments_pdf", "report_pdf", "review_pdf", "write_bytes"]


def report_pdf(
    book: Book,
    quarter: int,
    filled_on: dt.date | None = None,
    settings: PdfSettings | None = None,
    rows: list[RowPlace] | None = None,
) -> bytes:
    """第N季度工作进展情况表: every task against its steps in the quarter, with that
    quarter's report (or 未填报), the files listed at the end, and the signature block.
    填报日期 is `filled_on`, today unless given. Where each task's row was drawn goes into
    `rows` when it is given (the live preview marks the row being edited)."""
    check_quarter(quarter)
    sheet = report_sheet(book, quarter, filled_on or dt.date.today())
    return render_sheet(book, sheet, settings, rows)


def review_pdf(
    book: Book, settings: PdfSettings | None = None, rows: list[RowPlace] | None = None
) -> bytes:
    """年度绩效目标完成情况自评表, then the self-review summary and the signature block."""
    return render_sheet(book, review_sheet(book), settings, rows)


def adjustments_pdf(book: Book, settings: PdfSettings | None = None) -> bytes:
    """目标调整情况: every change to the signed plan; refused in words when there is none."""
    return render_sheet(book, adjustments_sheet(book), settings)


def write_bytes(data: bytes, path: Path) -> None:
    write_atomically(Path(path), data)


def render_sheet(
    book: Book,
    sheet: Sheet,
    settings: PdfSettings | None = None,
    rows: list[RowPlace] | None = None,
) -> bytes:
    settings = replace(settings or PdfSettings(), landscape_tables=True)
    check_characters(_texts(sheet, settings), settings)

    def build(fonts: FontSet) -> bytes:
        from bluebook_desktop.formats.year_pdf_layout import build_sheet

        return build_sheet(book, sheet, settings, fonts, rows)

    return render_locked(settings, build)


def _texts(sheet: Sheet, settings: PdfSettings) -> Iterator[str]:
    """Every text the sheet prints, the fixed words included."""
    yield from (sheet.title, *sheet.headers, EVIDENCE_LIST, SUMMARY_HEADING, SEAL_LABEL)
    for line in sheet.info:
        for label, value in line:
            yield from (label, value)
    for label, value in sheet.signing:
        yield from (label, value)
    for row in sheet.rows:
        for cell in row:
            if isinstance(cell, Names):
                yield leaders_text(cell.names, settings.pad_two_character_names)
            else:
                yield from cell
    for number, record in sheet.evidence:
        yield from (str(number), record.name, size_text(record.size))
    if sheet.summary:
        yield sheet.summary
    yield "年月日— 0123456789 —"
