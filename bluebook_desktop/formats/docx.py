"""The book as a Word document (.docx), laid out like the printed PDF: book in, file out.

The performance office wants an electronic copy in Word, and clerks edit it in Word or WPS,
so the file sets every Chinese font explicitly: python-docx's built-in template points
East Asian text at a theme font whose language is Japanese, which Word and WPS then show
in a Japanese typeface.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from bluebook_desktop.domain import (
    NONE_MARK,
    Book,
    Cover,
    Task,
    chinese_date,
    chinese_month,
    printable_text,
)
from bluebook_desktop.domain.form import FORM, CoverField, Form, Kind, Section
from bluebook_desktop.formats.files import write_atomically

SONG = "宋体"
FANG = "仿宋"
HEI = "黑体"
LATIN = "Times New Roman"

# The page and the tables' columns come from the form's description (`form`), shared with
# the PDF: each column's Word width is the PDF's (mm, summing to the text width), so that
# rows wrap and pages break alike.
# The PDF's cell padding (points: top, bottom, left and right) and line spacing in tables.
CELL_PADDING = (4, 5, 4, 4)
TABLE_LEADING = 10.5 * 1.35

CENTER = WD_ALIGN_PARAGRAPH.CENTER
TABLE_PT = 10.5  # 五号
BODY_PT = 16  # 三号, the cover's fields and the section titles
CLOSING_PT = 14  # 四号, the closing block, as the PDF prints it
SEAL_ROOM = Mm(52)  # the round seal is about 42 mm across: the PDF's seal area


def write_docx(book: Book, path: Path) -> None:
    write_atomically(path, docx_bytes(book))


def docx_bytes(book: Book, form: Form = FORM) -> bytes:
    """The file's bytes: the same book written at the same moment gives the same bytes."""
    buffer = io.BytesIO()
    build_document(book, form).save(buffer)
    return _stamped(buffer.getvalue(), made_at())


def made_at() -> dt.datetime:
    """When the file is made (UTC): now, or SOURCE_DATE_EPOCH when a build or test sets it,
    as the PDF does."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)


def _stamped(data: bytes, moment: dt.datetime) -> bytes:
    """The archive again, every member dated `moment` (python-docx dates them with the
    clock's local time, so two saves of one book differed)."""
    out = io.BytesIO()
    when = (max(moment.year, 1980), *moment.timetuple()[1:6])
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=when)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            target.writestr(info, source.read(member))
    return out.getvalue()


def build_document(book: Book, form: Form = FORM) -> DocumentObject:
    doc = Document()
    _set_defaults(doc, book, form)
    _font_table(doc)
    _cover(doc, book, form)
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_numbers(doc, body)
    table = None
    for section in form.sections:
        _section(doc, section.title(book), section.note(book))
        table = _task_table(doc, book, section, form)
    # The closing block never stands alone: the last task goes to its page with it.
    if table is not None:
        for cell in table.rows[-1].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    _closing(doc, book, form)
    return doc


def _task_table(doc: DocumentObject, book: Book, section: Section, form: Form) -> Table:
    """A section's table: its tasks; or 无 in every column then the rows left blank to write
    in; or, with no task, only the blank rows, as the template has."""
    widths = [c.word_mm for c in section.columns]
    if section.prints_none(book):
        rows = [[[NONE_MARK]] * len(section.columns)]
    else:
        rows = [_task_cells(section, i, task) for i, task in enumerate(section.tasks(book), 1)]
    table = _table(doc, section, widths, rows, form)
    if not rows or section.prints_none(book):
        _blank_rows(table, section.blank_rows, form)
    return table


# --- document-wide settings ---

# The fonts the file names, as its font table describes them to a program that lacks one:
# the other name it may be installed under (宋体 is SimSun on an English Windows; Liberation
# Serif is metric-compatible with Times New Roman and on every Linux desktop), the family
# and the character set, so that Word, WPS and LibreOffice substitute a face of the same kind
# and width instead of their default sans.
_FONT_TABLE = (
    # name, other name, family, charset (86: GB2312), panose
    (SONG, "SimSun", "roman", "86", "02010600030101010101"),
    (FANG, "FangSong", "modern", "86", "02010609060101010101"),
    (HEI, "SimHei", "modern", "86", "02010609060101010101"),
    (LATIN, "Liberation Serif", "roman", "00", "02020603050405020304"),
)


def _font_table(doc: DocumentObject) -> None:
    from lxml import etree

    part = next(
        rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable")
    )
    table = etree.fromstring(part.blob)
    for name, other, family, charset, panose in _FONT_TABLE:
        font = next((f for f in table.iterfind(qn("w:font")) if f.get(qn("w:name")) == name), None)
        if font is None:
            font = etree.SubElement(table, qn("w:font"))
            font.set(qn("w:name"), name)
        for child in list(font):
            font.remove(child)
        for tag, value in (
            ("w:altName", other),
            ("w:panose1", panose),
            ("w:charset", charset),
            ("w:family", family),
            ("w:pitch", "variable"),
        ):
            etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_defaults(doc: DocumentObject, book: Book, form: Form) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(m) for m in form.page.size_mm)
    top, bottom, left, right = form.page.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance, section.footer_distance = Mm(15), Mm(24)

    styles = doc.styles.element
    r_pr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr is not None:
        _fonts(r_pr, FANG)
        _chinese(r_pr)
        p_pr = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        if p_pr is not None:  # the template's 10 pt after every paragraph would skew the layout
            for spacing in p_pr.findall(qn("w:spacing")):
                p_pr.remove(spacing)
    # The template's other styles (headings, captions) name theme fonts for Chinese text too;
    # LibreOffice ignores the theme's language, so give them a real typeface.
    for rfonts in styles.iter(qn("w:rFonts")):
        if rfonts.attrib.pop(qn("w:eastAsiaTheme"), None) and rfonts.get(qn("w:eastAsia")) is None:
            rfonts.set(qn("w:eastAsia"), SONG)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(TABLE_PT)
    _fonts(normal.element.get_or_add_rPr(), FANG)
    # Word and WPS pick East Asian theme fonts by this language; the template says ja-JP.
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")

    cover = book.cover
    props = doc.core_properties
    props.title = f"{cover.title}（{cover.edition}）" if cover.edition else cover.title
    props.author = props.last_modified_by = cover.unit_name
    props.subject = f"{cover.year} 年度绩效目标责任书"
    props.comments = props.keywords = props.category = ""
    props.language = "zh-CN"
    props.created = props.modified = made_at()
    props.revision = 1


def _fonts(r_pr: object, east_asia: str) -> None:
    """Explicit fonts for every script; theme references would override them, so they go."""
    rfonts = r_pr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{name}"), None)
    rfonts.set(qn("w:ascii"), LATIN)
    rfonts.set(qn("w:hAnsi"), LATIN)
    rfonts.set(qn("w:cs"), LATIN)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _chinese(r_pr: object) -> None:
    lang = r_pr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _page_numbers(doc: DocumentObject, section: object) -> None:
    """— 1 — on the outer side (odd pages right, even left, one character in from the
    text's edge, as GB/T 9704 and the PDF), counting from the first page after the cover."""
    doc.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False  # type: ignore[attr-defined]
    section.even_page_footer.is_linked_to_previous = False  # type: ignore[attr-defined]
    odd = section.footer.paragraphs[0]  # type: ignore[attr-defined]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(14)
    even = section.even_page_footer.paragraphs[0]  # type: ignore[attr-defined]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(14)
    for paragraph in (odd, even):
        _page_field(paragraph)
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    sect_pr = section._sectPr  # type: ignore[attr-defined]
    # pgNumType comes after pgMar in the schema's order; Word rejects it elsewhere.
    sect_pr.pgMar.addnext(number)


def _page_field(paragraph: Paragraph) -> None:
    _run(paragraph, "— ", SONG, 14)
    run = _run(paragraph, "", SONG, 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            element = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)
    _run(paragraph, " —", SONG, 14)


# --- paragraphs ---


def _paragraph(
    doc: DocumentObject,
    text: str = "",
    font: str = FANG,
    size: float = BODY_PT,
    bold: bool = False,
    align: int = WD_ALIGN_PARAGRAPH.LEFT,
    before: Length | None = None,
    after: Length | None = None,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = before or Pt(0), after or Pt(0)
    _lines(paragraph, text, font, size, bold)
    return paragraph


def _lines(paragraph: Paragraph, text: str, font: str, size: float, bold: bool = False) -> None:
    """Text with its line breaks kept as breaks inside one paragraph."""
    for i, line in enumerate(printable_text(text).split("\n")):
        run = _run(paragraph, "", font, size, bold)
        if i:
            run.add_break()  # type: ignore[attr-defined]
        run.add_text(line)  # type: ignore[attr-defined]


def _run(paragraph: Paragraph, text: str, font: str, size: float, bold: bool = False) -> object:
    # Word refuses a document holding control characters: they are dropped on the way out.
    run = paragraph.add_run(printable_text(text))
    run.font.size = Pt(size)
    run.font.bold = bold or None
    r_pr = run._r.get_or_add_rPr()
    _fonts(r_pr, font)
    return run


# --- cover ---


def _cover(doc: DocumentObject, book: Book, form: Form) -> None:
    cover = book.cover
    _paragraph(doc, cover.attachment, HEI, BODY_PT)
    _boxes(doc, [(f.label, str(getattr(cover, f.name))) for f in form.cover_boxes])
    _paragraph(doc, cover.title, SONG, 26, True, WD_ALIGN_PARAGRAPH.CENTER, before=Mm(38))
    if cover.edition:
        _paragraph(doc, f"（{cover.edition}）", SONG, 22, True, WD_ALIGN_PARAGRAPH.CENTER)
    fields = [f"{f.label}：{_cover_value(cover, f)}{f.suffix}" for f in form.cover_fields]
    for i, text in enumerate(fields):
        paragraph = _paragraph(doc, text, FANG, BODY_PT, before=Mm(30) if i == 0 else Mm(5))
        paragraph.paragraph_format.left_indent = Mm(14)
    if cover.issuer:
        _paragraph(doc, f"{cover.issuer}编制", FANG, BODY_PT, align=CENTER, before=Mm(42))
    if cover.issued_on:
        before = Mm(3) if cover.issuer else Mm(50)
        _paragraph(doc, chinese_month(cover.issued_on), FANG, BODY_PT, align=CENTER, before=before)


def _cover_value(cover: Cover, field: CoverField) -> str:
    if field.kind == "person":
        return f"{cover.filler_name} {cover.filler_position}".strip()
    if field.kind == "date":  # a date not filled in leaves room to write it by hand
        return chinese_date(getattr(cover, field.name)) or "　　年　　月　　日"
    return str(getattr(cover, field.name))


def _boxes(doc: DocumentObject, boxes: Sequence[tuple[str, str]]) -> None:
    """The 年度 and 编号 boxes at the top right, as the template has them."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    for label, value in boxes:
        cells = table.add_row().cells
        for cell, text in zip(cells, (label, value), strict=True):
            _cell_text(cell, [text], FANG, 12, centred=True)
    _widths(table, (16, 30))


# --- the two sections ---


def _section(doc: DocumentObject, title: str, note: str) -> None:
    _paragraph(doc, title, SONG, BODY_PT, True, WD_ALIGN_PARAGRAPH.CENTER, Mm(6), Mm(3))
    if note:
        paragraph = _paragraph(doc, f"注：{note}", FANG, 12, after=Mm(2))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _task_cells(section: Section, number: int, task: Task) -> list[list[str]]:
    cells = []
    for column in section.columns:
        if column.kind is Kind.SERIAL:
            cells.append([str(number)])
        elif column.kind is Kind.LEADERS:
            # names separated by a space, a line holding the names that fit: Word would
            # otherwise wrap inside a name (李 / 飞跃)
            room = column.word_mm * 72 / 25.4 - CELL_PADDING[2] - CELL_PADDING[3]
            cells.append(leader_lines(column.reads(task), room))
        else:
            cells.append(column.reads(task))
    return cells


def _text_width(text: str, size: float = TABLE_PT) -> float:
    """Width in points, as CJK faces and Times New Roman set it: Chinese one em, Latin half
    (close enough to choose lines and rows; Word and the PDF measure the same way)."""
    return sum(size * (0.5 if ord(char) < 0x2E80 else 1.0) for char in text)


def leader_lines(leaders: Sequence[str], width: float) -> list[str]:
    """The names packed into lines of `width` points, never breaking a name."""
    lines: list[str] = []
    for name in (n.strip() for n in leaders):
        if not name:
            continue
        if lines and _text_width(f"{lines[-1]} {name}") <= width:
            lines[-1] += f" {name}"
        else:
            lines.append(name)
    return lines


def _row_height(values: Sequence[Sequence[str]], widths: Sequence[float]) -> float:
    """About how tall the row prints, in points: its tallest cell's lines and padding."""
    tallest = 0.0
    for lines, width_mm in zip(values, widths, strict=True):
        room = width_mm * 72 / 25.4 - CELL_PADDING[2] - CELL_PADDING[3]
        count = sum(
            max(1, math.ceil(_text_width(piece) / room))
            for line in lines
            for piece in printable_text(line).split("\n")
        )
        tallest = max(tallest, count * TABLE_LEADING)
    return tallest + CELL_PADDING[0] + CELL_PADDING[1]


def _table(
    doc: DocumentObject,
    section: Section,
    widths: Sequence[float],
    rows: Sequence[Sequence[Sequence[str]]],
    form: Form,
) -> Table:
    headers = section.headers
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    flag = OxmlElement("w:tblHeader")  # repeat the header row on every page
    header._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(header.cells, headers, strict=True):
        _cell_text(cell, [text], SONG, TABLE_PT, centred=True, bold=True)
    page_height = form.page.text_height_mm * 72 / 25.4
    room = page_height - _row_height([[h] for h in headers], widths)
    for values in rows:
        row = table.add_row()
        for cell, column, lines in zip(row.cells, section.columns, values, strict=True):
            centred = column.centred or list(lines) == [NONE_MARK]
            _cell_text(cell, lines, FANG, TABLE_PT, centred=centred)
        if _row_height(values, widths) <= room:
            # A row that fits a page moves whole to the next, as in the PDF.
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _widths(table, widths)
    _cell_padding(table)
    return table


def _blank_rows(table: Table, count: int, form: Form) -> None:
    """Rows left empty to write in by hand, as tall as the PDF's (12 mm)."""
    for _ in range(count):
        row = table.add_row()
        row.height = Mm(form.page.blank_row_mm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, width in zip(row.cells, [c.width for c in table.rows[0].cells], strict=True):
            cell.width = width


def _cell_padding(table: Table) -> None:
    """The PDF's cell padding, so that rows are as tall as there."""
    margins = OxmlElement("w:tblCellMar")
    for side, points in zip(("top", "bottom", "left", "right"), CELL_PADDING, strict=True):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(points * 20))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    # tblCellMar comes after tblW, tblJc and the borders and before tblLook in the schema.
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _cell_text(
    cell: object,
    lines: Sequence[str],
    font: str,
    size: float,
    centred: bool = False,
    bold: bool = False,
) -> None:
    """One paragraph per line, so Word shows each step and the 目标： line on its own."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]
    texts = [piece for line in lines for piece in printable_text(line).split("\n")] or [""]
    for i, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
        if size == TABLE_PT:
            paragraph.paragraph_format.line_spacing = Pt(TABLE_LEADING)  # exactly, as the PDF
        if text:
            _run(paragraph, text, font, size, bold)


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Widths on the grid, the table and every cell: LibreOffice ignores cell widths alone."""
    table.autofit = False  # fixed layout: Word must not resize columns to their content
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(round(Mm(sum(widths_mm)).twips)))
    tbl_w.set(qn("w:type"), "dxa")


# --- closing block ---


def _closing(doc: DocumentObject, book: Book, form: Form) -> None:
    """Opinion, signature line and seal area, as the PDF prints them: the opinion may run
    over pages, the signing part stays with its last line, with room for the seal."""
    size = CLOSING_PT
    words = form.closing
    parts = [_paragraph(doc, words.opinion_heading, HEI, size, before=Mm(6), after=Mm(2))]
    if book.head_opinion.strip():
        opinion = _paragraph(doc, book.head_opinion, FANG, size)
        opinion.paragraph_format.first_line_indent = Pt(size * 2)
    else:  # two lines left to write the opinion by hand
        opinion = _paragraph(doc, "", FANG, size, after=Pt(size * 1.6))
    opinion.paragraph_format.line_spacing = Pt(size * 1.6)
    parts.append(opinion)
    signature = _paragraph(doc, words.signature_label, FANG, size, before=Mm(8))
    # The line to sign on, 60 mm as in the PDF.
    line = _run(signature, "\u3000" * 12, FANG, size)
    line.font.underline = True  # type: ignore[attr-defined]
    parts.append(signature)
    parts.append(_paragraph(doc, words.seal_label, FANG, size, before=Mm(4), after=SEAL_ROOM))
    date = _paragraph(doc, "　　　　年　　　月　　　日", FANG, size, align=WD_ALIGN_PARAGRAPH.RIGHT)
    date.paragraph_format.right_indent = Mm(4)
    for paragraph in parts:
        paragraph.paragraph_format.keep_with_next = True
    for paragraph in (*parts[2:], date):
        # the PDF's signing block
        paragraph.paragraph_format.left_indent = Mm(form.page.text_width_mm - 114)
