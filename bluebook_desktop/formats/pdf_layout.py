"""The pages of the printed book, laid out with reportlab platypus.

Imported by formats.pdf only while rendering, so the window starts without reportlab.
Everything the user typed reaches a Paragraph through pdf_markup.markup (escaped, fonts
chosen). The page, the sections and their columns are the form's description (`form`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bluebook_desktop.domain import (
    NONE_MARK,
    Book,
    Task,
    chinese_date,
    chinese_month,
    leaders_text,
)
from bluebook_desktop.domain import serial_numbers as numbers
from bluebook_desktop.domain.form import FORM, CoverField, Form, Kind, Section
from bluebook_desktop.formats import fonts as fontlib
from bluebook_desktop.formats.fonts import FontFile, FontSet
from bluebook_desktop.formats.pdf_closing import ClosingBlock
from bluebook_desktop.formats.pdf_cover import RuledParagraph, title_lines
from bluebook_desktop.formats.pdf_markup import markup
from bluebook_desktop.formats.pdf_meta import canvas_with_xmp, metadata
from bluebook_desktop.formats.pdf_style import (
    DATE_PARTS,
    MM,
    SEAL_AREA_MM,
    SIZE_2,
    SIZE_3,
    SIZE_4,
    SIZE_5,
    SIZE_S4,
)
from bluebook_desktop.formats.pdf_tables import BookTable, RowFeed, RowPlace
from bluebook_desktop.formats.pdf_wrap import CJKParagraph
from bluebook_desktop.formats.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf import PdfSettings

RULE = 0.5  # table rule width, points (Word's ½ pt single line)
CELL_PADDING_V = 4 + 5  # top and bottom padding of a task table's cells, points
TITLE_LINES = 2  # a longer title prints smaller
FIELD_LINES = 2  # a cover field's value in more lines prints smaller
MIN_COVER_SIZE = 10.0  # points: the least a cover text shrinks to
MIN_NAME_SIZE = 6.0  # points: the least a leader's name wider than its column shrinks to
CLOSING_ROW = "closing"  # the closing block's "row" among the places of rows drawn


# --- the document ---


class _Layout:
    def __init__(
        self, book: Book, settings: PdfSettings, fonts: FontSet, form: Form = FORM
    ) -> None:
        self.book = book
        self.settings = settings
        self.fonts = fonts
        self.form = form
        self.page_size = tuple(m * mm for m in form.page.size_mm)
        self.body_size = landscape(self.page_size) if settings.landscape_tables else self.page_size
        top, bottom, left, right = (m * MM for m in form.page.margins_mm)
        self.cover_margins = (top, bottom, left, right)
        if settings.landscape_tables:
            # The portrait sheet turned a quarter clockwise: its margins turn with it.
            self.body_margins = (left, right, bottom, top)
        else:
            self.body_margins = (top, bottom, left, right)
        self.width = self.body_size[0] - self.body_margins[2] - self.body_margins[3]
        self.height = self.body_size[1] - self.body_margins[0] - self.body_margins[1]
        # Where each task's row is drawn, when asked for (pdf_tables.BookTable.rows_seen),
        # and the page of the closing block's heading (as a row of the id CLOSING_ROW).
        self.rows: list[RowPlace] | None = None
        self.closing_pages: list[int] = []

    # paragraphs

    def style(
        self,
        font: FontFile,
        size: float,
        leading: float | None = None,
        align: int = TA_LEFT,
        wrap: str | None = "CJK",
        **extra: Any,
    ) -> ParagraphStyle:
        return ParagraphStyle(
            f"s{id(font)}-{size}-{align}",
            fontName=font.name,
            fontSize=size,
            leading=leading or size * 1.5,
            alignment=align,
            wordWrap=wrap,
            **extra,
        )

    def para(self, text: str, style: ParagraphStyle, font: FontFile | None = None) -> Paragraph:
        font = font or self._font_of(style)
        body = markup(text, self.fonts, font)
        cls = CJKParagraph if style.wordWrap == "CJK" else Paragraph
        return cls(body, style)

    def _font_of(self, style: ParagraphStyle) -> FontFile:
        return next(f for f in self.fonts.roles().values() if f.name == style.fontName)

    def font_cmd(self) -> list[tuple[Any, ...]]:
        """Even an empty string cell is drawn in the table's font: Helvetica, unembedded,
        unless the table names one of ours."""
        return [("FONT", (0, 0), (-1, -1), self.fonts.body.name, SIZE_5)]

    # the cover

    def cover(self) -> list[Flowable]:
        c = self.book.cover
        f = self.fonts
        width = self.page_size[0] - self.cover_margins[2] - self.cover_margins[3]
        label = self.style(f.heading, SIZE_3)
        boxed = self.style(f.body, SIZE_S4, align=TA_CENTER)
        box = Table(
            [
                [self.para(f.label, boxed), self.para(str(getattr(c, f.name)), boxed)]
                for f in self.form.cover_boxes
            ],
            colWidths=[16 * MM, 32 * MM],
            rowHeights=[10 * MM, 10 * MM],
            style=[
                *self.font_cmd(),
                ("GRID", (0, 0), (-1, -1), RULE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
        )
        top = Table(
            [[self.para(c.attachment, label), box]],
            colWidths=[width - 48 * MM, 48 * MM],
            style=[*self.font_cmd(), ("VALIGN", (0, 0), (-1, -1), "TOP"), *_no_padding()],
        )
        title = self.style(f.heading, SIZE_2, leading=SIZE_2 * 1.6, align=TA_CENTER)
        story: list[Flowable] = [top, Spacer(1, 34 * MM), self.title(c.title, title, width)]
        if c.edition:
            story.append(self.fitted(f"（{c.edition}）", title, width, 1))
        story += [Spacer(1, 24 * MM), self.cover_fields(width)]
        return story

    def title(self, text: str, style: ParagraphStyle, width: float) -> Paragraph:
        """The title in at most two lines, broken between words; smaller only when needed."""
        size = style.fontSize
        while True:

            def fits(line: str, size: float = size) -> bool:
                return self.text_width(line, size) <= width

            lines = title_lines(text, fits)
            if len(lines) <= TITLE_LINES or size <= MIN_COVER_SIZE:
                break
            size -= 1
        shrunk = self.sized(style, size)
        return self.para("\n".join(lines), shrunk)

    def fitted(
        self, text: str, style: ParagraphStyle, width: float, lines: int, cls: type = CJKParagraph
    ) -> Paragraph:
        """`text` in at most `lines` lines at the style's size, or in a smaller size that
        fits: only this field shrinks, never the whole cover."""
        size = style.fontSize
        while True:
            shrunk = self.sized(style, size)
            paragraph = cls(markup(text, self.fonts, self._font_of(style)), shrunk)
            paragraph.wrap(width, 1e6)
            if len(paragraph.blPara.lines) <= lines or size <= MIN_COVER_SIZE:
                return paragraph
            size -= 1

    def sized(self, style: ParagraphStyle, size: float) -> ParagraphStyle:
        if size == style.fontSize:
            return style
        ratio = style.leading / style.fontSize
        return ParagraphStyle(
            f"{style.name}-{size}", parent=style, fontSize=size, leading=size * ratio
        )

    def cover_fields(self, width: float) -> Table:
        text = self.style(self.fonts.fangsong, SIZE_3, leading=SIZE_3 * 1.4)
        rows = [
            (f"{f.label}：", self.cover_value(f), f.suffix or None) for f in self.form.cover_fields
        ]
        label_width, seal_width = 54 * MM, 24 * MM
        commands: list[tuple[Any, ...]] = [
            *self.font_cmd(),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *_no_padding(),
            ("TOPPADDING", (0, 1), (-1, -1), 8 * MM),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        data = []
        for row, (name, value, suffix) in enumerate(rows):
            value_width = width - label_width - (seal_width if suffix else 0)
            # Each field's own rule under each of its lines; a long value shrinks alone.
            ruled = self.fitted(value, text, value_width, FIELD_LINES, RuledParagraph)
            data.append([self.para(name, text), ruled, self.para(suffix or "", text)])
            if suffix is None:
                commands.append(("SPAN", (1, row), (2, row)))
        # Room for the seal, which is pressed over the unit name and its （公章）.
        commands.append(("TOPPADDING", (0, 1), (-1, 1), 16 * MM))
        return Table(
            data,
            colWidths=[label_width, width - label_width - seal_width, seal_width],
            style=commands,
        )

    def cover_value(self, field: CoverField) -> str:
        c = self.book.cover
        if field.kind == "person":
            return " ".join(part for part in (c.filler_name, c.filler_position) if part)
        if field.kind == "date":
            return chinese_date(getattr(c, field.name))
        return str(getattr(c, field.name))

    def cover_foot(self) -> list[Flowable]:
        c = self.book.cover
        text = self.style(self.fonts.fangsong, SIZE_3, leading=SIZE_3 * 1.6, align=TA_CENTER)
        issuer = f"{c.issuer}编制" if c.issuer else ""
        return [self.para(issuer, text), self.para(chinese_month(c.issued_on), text)]

    # the two sections

    def section(self, title: str, note: str, table: BookTable) -> list[Flowable]:
        """Heading, note and table; the heading starts a new page unless the table's first
        row fits below it (keepWithNext would move the whole table when it is long)."""
        flowables = self.section_head(title, note)
        need = table.first_unit_height(self.width)
        if need > self.height:  # a row that spans pages anyway: a few of its lines will do
            need = table.header_height() + 30 * MM
        for flowable in flowables:
            need += flowable.wrap(self.width, self.height)[1]
            need += flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return [CondPageBreak(min(need, self.height)), *flowables, table]

    def section_head(self, title: str, note: str) -> list[Flowable]:
        heading = self.style(self.fonts.heading, SIZE_3, spaceBefore=6 * MM, spaceAfter=3 * MM)
        note_style = self.style(
            self.fonts.fangsong, SIZE_S4, leading=SIZE_S4 * 1.5, align=TA_JUSTIFY,
            spaceAfter=3 * MM,
        )  # fmt: skip
        return [self.para(title, heading), self.para(f"注：{note}", note_style)]

    def task_table(self, section: Section, closing: ClosingBlock | None) -> BookTable:
        book = self.book
        columns = section.columns
        widths = self.column_widths([c.pdf_mm for c in columns])
        if section.prints_none(book):
            # 无 in every column, and below it the blank rows of the office's own form.
            rows = [[self.cell_text(NONE_MARK, centred=True)] for _ in columns]
            blanks = [self.blank_row(len(columns)) for _ in range(section.blank_rows)]
            return self.table(section.headers, [rows, *blanks], widths, closing=closing)
        tasks = self.numbered(section.tasks(book))
        body = [self.task_row(section, n, t, widths) for n, t in tasks]
        if not body:  # blank rows to write in, as the template has
            body = [self.blank_row(len(columns)) for _ in range(section.blank_rows)]
        return self.table(section.headers, body, widths, closing=closing)

    def blank_row(self, columns: int) -> list[list[Flowable]]:
        """A row left empty to write in by hand: as tall as the form's rows (12 mm)."""
        height = self.form.page.blank_row_mm * MM - CELL_PADDING_V
        return [[Spacer(1, height)]] + [[] for _ in range(columns - 1)]

    def numbered(self, tasks: tuple[Task, ...]) -> list[tuple[str, Task]]:
        return list(zip(numbers(tasks), tasks, strict=True))

    def column_widths(self, fixed_mm: list[float | None]) -> list[float]:
        """Narrow columns of fixed width; the text columns share what is left equally."""
        flexible = fixed_mm.count(None)
        rest = (self.width - sum(m * MM for m in fixed_mm if m)) / flexible
        return [m * MM if m else rest for m in fixed_mm]

    def cell_text(self, text: str, centred: bool = False) -> Paragraph:
        style = self.style(
            self.fonts.body, SIZE_5, leading=SIZE_5 * 1.35, align=TA_CENTER if centred else TA_LEFT
        )
        return self.para(text, style)

    def task_row(
        self, section: Section, number: str, task: Task, widths: list[float]
    ) -> list[list[Flowable]]:
        row: list[list[Flowable]] = []
        for column, width in zip(section.columns, widths, strict=True):
            if column.kind is Kind.SERIAL:
                serial = self.cell_text(number, centred=column.centred)
                serial.task_id = task.id  # the row's task, for the places of rows drawn
                row.append([serial])
            elif column.kind is Kind.LEADERS:
                row.append([self.leaders(column.reads(task), width - 8)])
            else:
                row.append([self.cell_text(line, column.centred) for line in column.reads(task)])
        return row

    def leaders(self, leaders: Sequence[str], width: float) -> Paragraph:
        """The names, separated by a space, wrapped only between names: a name that does
        not fit the line starts the next; one wider than the column prints smaller (and
        only one too long even at 6 pt wraps)."""
        pad = self.settings.pad_two_character_names
        names = [leaders_text([name], pad) for name in leaders if name.strip()]
        body = self.fonts.body
        space = self.text_width(" ", SIZE_5)
        lines: list[list[str]] = []
        used = 0.0
        for name in names:
            wide = self.text_width(name, SIZE_5)
            text = markup(name.replace(" ", "\u00a0"), self.fonts, body)  # 陈 晓 stays whole
            if wide > width:  # alone on its line, in a size that fits
                # Never below MIN_NAME_SIZE: a name longer still wraps at that size.
                size = max(math.floor(SIZE_5 * width / wide * 100) / 100 - 0.01, MIN_NAME_SIZE)
                lines.append([f'<font size="{size:.2f}">{text}</font>'])
                used = width
            elif lines and used + space + wide <= width:
                lines[-1].append(text)
                used += space + wide
            else:
                lines.append([text])
                used = wide
        style = self.style(body, SIZE_5, leading=SIZE_5 * 1.35, align=TA_CENTER, wrap=None)
        return Paragraph("<br/>".join(" ".join(line) for line in lines), style)

    def text_width(self, text: str, size: float) -> float:
        """The printed width of `text`, each character in the face that draws it."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        chain = [(face, fontlib.glyphs(face)) for face in self.fonts.chain(self.fonts.body)]
        width = 0.0
        for char in text:
            face = next((f for f, cmap in chain if ord(char) in cmap), chain[0][0])
            width += stringWidth(char, face.name, size)
        return width

    def table(
        self,
        headers: Sequence[str],
        body: list[list[Any]],
        widths: list[float],
        closing: ClosingBlock | None,
    ) -> BookTable:
        header_style = self.style(
            self.fonts.heading, SIZE_5, leading=SIZE_5 * 1.35, align=TA_CENTER
        )
        header = [self.para(h, header_style) for h in headers]

        def build(
            rows: list[list[Any]], heights: list[float | None], end: bool, continued: bool
        ) -> BookTable:
            data: list[list[Any]] = [header, *rows]
            last = len(data) - 1
            commands: list[tuple[Any, ...]] = [
                ("GRID", (0, 0), (-1, last), RULE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
            if continued:  # the rest of a row cut at the end of the last page
                commands.append(("VALIGN", (0, 1), (-1, 1), "TOP"))
            row_heights: list[float | None] = [None, *heights]
            table = BookTable(
                data,
                colWidths=widths,
                rowHeights=row_heights,
                repeatRows=1,
                splitInRow=1,
                style=self.font_cmd() + commands,
            )
            table.page_height = self.height
            table.rows_seen = self.rows
            table.closing = closing if end else None
            # A cut last task keeps about two lines for the closing block's page.
            table.end_lines = 2 * SIZE_5 * 1.35 + 9
            return table

        return RowFeed(body, build).first()

    def closing_block(self) -> ClosingBlock:
        f = self.fonts
        heading = self.style(f.heading, SIZE_4)
        text = self.style(f.fangsong, SIZE_4, leading=SIZE_4 * 1.6, firstLineIndent=2 * SIZE_4)
        opinion = self.book.head_opinion
        lead: list[Flowable] = [
            Spacer(1, 6 * MM),
            self.para(self.form.closing.opinion_heading, heading),
            Spacer(1, 2 * MM),
        ]
        # An empty opinion leaves two lines for the head to write by hand.
        text_part = self.para(opinion, text) if opinion.strip() else Spacer(1, 2 * SIZE_4 * 1.6)
        label = self.style(f.fangsong, SIZE_4, leading=SIZE_4 * 1.3)
        date = self.style(f.fangsong, SIZE_4, leading=SIZE_4 * 1.3, align=TA_RIGHT)
        area_width, area_height = (m * MM for m in SEAL_AREA_MM)
        label_width = 54 * MM
        signing = Table(
            [
                [self.para(self.form.closing.signature_label, label), ""],
                [self.para(self.form.closing.seal_label, label), ""],
                ["", self.date_blanks(date)],
            ],
            colWidths=[label_width, area_width],
            # The seal cell stays empty: a clear area for the round seal, wider and taller
            # than its 42–45 mm.
            rowHeights=[12 * MM, area_height, 9 * MM],
            style=[
                *self.font_cmd(),
                *_no_padding(),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 1), (-1, 1), 4 * MM),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                ("LINEBELOW", (1, 0), (1, 0), RULE, colors.black),
            ],
            hAlign="RIGHT",
        )
        block = ClosingBlock(lead, text_part, [Spacer(1, 2 * MM), signing])
        if self.rows is not None:
            block.pages_seen = self.closing_pages = []
        return block

    def date_blanks(self, style: ParagraphStyle) -> Table:
        """年　月　日 with room before each for the date written by hand."""
        return Table(
            [[self.para(part, style) for part in DATE_PARTS]],
            colWidths=[24 * MM, 16 * MM, 16 * MM],
            style=[*self.font_cmd(), *_no_padding()],
            hAlign="RIGHT",
        )

    # pages

    unnumbered_pages = 1  # the cover is not numbered; the first form page is 1

    def page_number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        number = doc.page - self.unnumbered_pages
        text = f"— {number} —"
        face = next(
            (
                f
                for f in self.fonts.chain(self.fonts.body)
                if all(fontlib.has_glyph(f, c) for c in text)
            ),
            self.fonts.fallback,
        )
        page_width = self.body_size[0]
        top, bottom, left, right = self.body_margins
        # GB/T 9704: the number's top 7 mm below the text area, one character in from the
        # outer edge of the text area.
        y = bottom - 7 * MM - SIZE_4 * 0.8
        canvas.saveState()
        canvas.setFont(face.name, SIZE_4)
        if self.settings.centred_page_numbers:
            canvas.drawCentredString(page_width / 2, y, text)
        elif number % 2:
            canvas.drawRightString(page_width - right - SIZE_4, y, text)
        else:
            canvas.drawString(left + SIZE_4, y, text)
        canvas.restoreState()

    def templates(self) -> list[PageTemplate]:
        top, bottom, left, right = self.cover_margins
        width, height = self.page_size[0] - left - right, self.page_size[1] - top - bottom
        foot = 30 * MM
        cover = PageTemplate(
            "cover",
            [
                _frame(left, bottom + foot, width, height - foot, "cover"),
                _frame(left, bottom, width, foot, "cover-foot"),
            ],
            pagesize=self.page_size,
        )
        top, bottom, left, right = self.body_margins
        body = PageTemplate(
            "body",
            [_frame(left, bottom, self.width, self.height, "body")],
            onPage=self.page_number,
            pagesize=self.body_size,
        )
        return [cover, body]

    def story(self) -> list[Flowable]:
        top, bottom, left, right = self.cover_margins
        cover_width = self.page_size[0] - left - right
        cover_height = self.page_size[1] - top - bottom - 30 * MM
        closing = self.closing_block()
        last = self.form.sections[-1]
        sections: list[Flowable] = []
        for section in self.form.sections:
            table = self.task_table(section, closing if section is last else None)
            sections += self.section(section.title(self.book), section.note(self.book), table)
        return [
            # Each long field shrinks on its own; this shrinks the cover only should they
            # together still not fit, rather than push the issuer off the cover.
            KeepInFrame(cover_width, cover_height, self.cover(), mode="shrink"),
            FrameBreak(),
            *self.cover_foot(),
            NextPageTemplate("body"),
            PageBreak(),
            *sections,
            closing,
        ]


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(x, y, width, height, 0, 0, 0, 0, id=name)


def _no_padding() -> list[tuple[Any, ...]]:
    """Cells without padding (layout tables, not the form's bordered ones)."""
    return [
        (side, (0, 0), (-1, -1), 0)
        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    ]


def build_pdf(
    book: Book,
    settings: PdfSettings,
    fonts: FontSet,
    form: Form = FORM,
    rows: list[RowPlace] | None = None,
) -> bytes:
    """The PDF; where each task's row was drawn goes into `rows` when it is given."""
    layout = _Layout(book, settings, fonts, form)
    layout.rows = rows
    data = write_document(layout, layout.story(), metadata(book))
    if rows is not None:
        rows.extend((CLOSING_ROW, page, 0.0, 0.0, 0.0, 0.0) for page in layout.closing_pages[:1])
    return data


def write_document(layout: _Layout, story: list[Flowable], meta: dict[str, Any]) -> bytes:
    """The PDF of `story` on the layout's pages, with the document information `meta`."""
    # Streams compressed only, not also ASCII85-encoded: a quarter smaller and faster, and
    # every reader takes binary streams. (reportlab's setting; only this program's PDFs
    # are made in this process, one at a time.)
    rl_config.useA85 = 0
    fonts = layout.fonts
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=layout.page_size,
        # The file's dates are real, or SOURCE_DATE_EPOCH's: then the same book and switches
        # give the same bytes (reportlab's id derives from the content and that date).
        invariant=0,
        initialFontName=fonts.body.name,  # else reportlab names Helvetica, unembedded
        initialFontSize=SIZE_5,
        pageCompression=1,
        **meta,
    )
    doc.addPageTemplates(layout.templates())
    doc.build(story, canvasmaker=canvas_with_xmp(meta))
    return out.getvalue()
