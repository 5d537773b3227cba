"""The year's printouts as Word files (.docx): the same sheets as formats.year_pdf, in the
plan's Word style (formats.docx): 仿宋 and 黑体 named for East Asian text, A4 landscape,
the header row repeated on every page, and the same bytes for the same book and moment."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from docx.table import Table

from bluebook_desktop.domain import Book
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.formats.docx import (
    CELL_PADDING,
    CLOSING_PT,
    FANG,
    HEI,
    SEAL_ROOM,
    SONG,
    TABLE_PT,
    _cell_padding,
    _cell_text,
    _font_table,
    _page_numbers,
    _paragraph,
    _row_height,
    _run,
    _set_defaults,
    _stamped,
    _widths,
    leader_lines,
    made_at,
)
from bluebook_desktop.formats.files import write_atomically
from bluebook_desktop.formats.year_sheets import (
    EVIDENCE_HEADERS,
    EVIDENCE_LIST,
    EVIDENCE_MM,
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

__all__ = ["adjustments_docx", "report_docx", "review_docx", "write_bytes"]

TITLE_PT = 22  # 二号, as the PDF's title
INFO_PT = 12  # 小四


def report_docx(book: Book, quarter: int, filled_on: dt.date | None = None) -> bytes:
    """第N季度工作进展情况表 as a Word file; 填报日期 is `filled_on`, today unless given."""
    check_quarter(quarter)
    return sheet_docx(book, report_sheet(book, quarter, filled_on or dt.date.today()))


def review_docx(book: Book) -> bytes:
    """年度绩效目标完成情况自评表 as a Word file."""
    return sheet_docx(book, review_sheet(book))


def adjustments_docx(book: Book) -> bytes:
    """目标调整情况 as a Word file; refused in words when there is no adjustment."""
    return sheet_docx(book, adjustments_sheet(book))


def write_bytes(data: bytes, path: Path) -> None:
    write_atomically(Path(path), data)


def sheet_docx(book: Book, sheet: Sheet) -> bytes:
    buffer = io.BytesIO()
    build_sheet_document(book, sheet).save(buffer)
    return _stamped(buffer.getvalue(), made_at())


def _text_width_mm() -> float:
    """The landscape page's text width: the portrait page turned, its margins with it."""
    top, bottom, _left, _right = FORM.page.margins_mm
    return FORM.page.size_mm[1] - top - bottom


def build_sheet_document(book: Book, sheet: Sheet) -> DocumentObject:
    doc = Document()
    _set_defaults(doc, book, FORM)
    _font_table(doc)
    section = doc.sections[0]
    # The portrait sheet turned a quarter clockwise, as the PDF's landscape pages.
    top, bottom, left, right = FORM.page.margins_mm
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = (Mm(m) for m in reversed(FORM.page.size_mm))
    section.top_margin, section.bottom_margin = Mm(left), Mm(right)
    section.left_margin, section.right_margin = Mm(bottom), Mm(top)
    props = doc.core_properties
    props.title, props.subject = sheet.title, sheet.subject
    _page_numbers(doc, section)

    _paragraph(doc, sheet.title, HEI, TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, after=Mm(4))
    _info(doc, sheet)
    table = _grid(doc, sheet.headers, sheet.widths_mm, sheet.rows, sheet.centred)
    if sheet.evidence:
        _paragraph(
            doc, EVIDENCE_LIST, HEI, 16, before=Mm(6), after=Mm(3)
        ).paragraph_format.keep_with_next = True
        rows = [[[str(n)], [record.name], [size_text(record.size)]] for n, record in sheet.evidence]
        table = _grid(doc, EVIDENCE_HEADERS, EVIDENCE_MM, rows, frozenset({0, 2}))
    # The signature block never stands alone: the table's last row goes to its page.
    for cell in table.rows[-1].cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
    _signing(doc, sheet)
    return doc


def _info(doc: DocumentObject, sheet: Sheet) -> None:
    """The labelled lines above the table, in columns, without rules."""
    columns = max(len(line) for line in sheet.info)
    table = doc.add_table(rows=0, cols=columns)
    for line in sheet.info:
        cells = table.add_row().cells
        for cell, (label, value) in zip(cells, line, strict=False):
            _cell_text(cell, [f"{label}{value}"], FANG, INFO_PT)
    _widths(table, [_text_width_mm() / columns] * columns)
    _paragraph(doc, "", FANG, 6)  # Word joins two tables that touch


def _grid(
    doc: DocumentObject,
    headers: Sequence[str],
    widths_mm: Sequence[float | None],
    rows: Sequence[Sequence[object]],
    centred: frozenset[int],
) -> Table:
    fixed = sum(w for w in widths_mm if w)
    share = (_text_width_mm() - fixed) / max(1, sum(1 for w in widths_mm if not w))
    widths = [w or share for w in widths_mm]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # on every page
    for cell, text in zip(header.cells, headers, strict=True):
        _cell_text(cell, [text], SONG, TABLE_PT, centred=True, bold=True)
    # The landscape page's text height is the portrait page's text width.
    page = FORM.page.text_width_mm * 72 / 25.4 - _row_height([[h] for h in headers], widths)
    for values in rows:
        row = table.add_row()
        texts: list[list[str]] = []
        for column, (cell, value, width) in enumerate(zip(row.cells, values, widths, strict=True)):
            if isinstance(value, Names):
                room = width * 72 / 25.4 - CELL_PADDING[2] - CELL_PADDING[3]
                lines = leader_lines(value.names, room)
                _cell_text(cell, lines, FANG, TABLE_PT, centred=True)
            else:
                lines = list(value)  # type: ignore[call-overload]
                _cell_text(cell, lines, FANG, TABLE_PT, centred=column in centred)
            texts.append(lines)
        if _row_height(texts, widths) <= page:
            # A row that fits a page moves whole to the next, as in the PDF.
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _widths(table, widths)
    _cell_padding(table)
    return table


def _signing(doc: DocumentObject, sheet: Sheet) -> None:
    """The summary, when the sheet has one, then the rules to sign or print on, the seal's
    room and the date, kept together as the plan's closing block is."""
    size = CLOSING_PT
    parts = []
    if sheet.summary is not None:
        parts.append(_paragraph(doc, SUMMARY_HEADING, HEI, size, before=Mm(6), after=Mm(2)))
        text = _paragraph(doc, sheet.summary, FANG, size)
        text.paragraph_format.first_line_indent = Pt(size * 2)
        text.paragraph_format.line_spacing = Pt(size * 1.6)
        parts.append(text)
    indent = Mm(_text_width_mm() - 204)
    for i, (label, value) in enumerate(sheet.signing):
        line = _paragraph(doc, label, FANG, size, before=Mm(8) if i == 0 else Mm(4))
        rule = _run(line, value.ljust(12, "\u3000"), FANG, size)
        rule.font.underline = True  # type: ignore[attr-defined]
        if i == 0:
            _run(line, "\u3000" * 4 + SEAL_LABEL, FANG, size)
        line.paragraph_format.left_indent = indent
        parts.append(line)
    room = _paragraph(doc, "", FANG, size, after=SEAL_ROOM)
    parts.append(room)
    date = _paragraph(doc, "　　　　年　　　月　　　日", FANG, size, align=WD_ALIGN_PARAGRAPH.RIGHT)
    date.paragraph_format.right_indent = Mm(4)
    for paragraph in parts:
        paragraph.paragraph_format.keep_with_next = True
