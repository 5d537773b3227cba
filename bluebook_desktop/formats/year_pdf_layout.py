"""The pages of the year's printouts, laid out with the printed book's own pieces
(formats.pdf_layout): its paragraphs, task tables and signature block on landscape pages,
numbered from the first. Imported by formats.year_pdf only while rendering."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT

from bluebook_desktop.domain import Book
from bluebook_desktop.formats.fonts import FontSet
from bluebook_desktop.formats.pdf_closing import ClosingBlock
from bluebook_desktop.formats.pdf_layout import (
    RULE,
    _frame,
    _Layout,
    _no_padding,
    write_document,
)
from bluebook_desktop.formats.pdf_meta import metadata
from bluebook_desktop.formats.pdf_style import MM, SEAL_AREA_MM, SIZE_2, SIZE_3, SIZE_4, SIZE_S4
from bluebook_desktop.formats.pdf_tables import BookTable, RowPlace
from bluebook_desktop.formats.platypus import CondPageBreak, Flowable, PageTemplate, Spacer, Table
from bluebook_desktop.formats.year_sheets import (
    EVIDENCE_HEADERS,
    EVIDENCE_LIST,
    EVIDENCE_MM,
    SEAL_LABEL,
    SUMMARY_HEADING,
    Names,
    Sheet,
    size_text,
)

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf import PdfSettings


class _SheetLayout(_Layout):
    """One landscape sheet: no cover, so its first page is page 1."""

    unnumbered_pages = 0

    def __init__(self, book: Book, sheet: Sheet, settings: PdfSettings, fonts: FontSet) -> None:
        super().__init__(book, settings, fonts)
        self.sheet = sheet

    def templates(self) -> list[PageTemplate]:
        top, bottom, left, right = self.body_margins
        return [
            PageTemplate(
                "body",
                [_frame(left, bottom, self.width, self.height, "body")],
                onPage=self.page_number,
                pagesize=self.body_size,
            )
        ]

    def story(self) -> list[Flowable]:
        sheet = self.sheet
        closing = self.signing_block()
        # The signature never stands alone on a page: what comes last before it keeps room
        # for it. A sheet with a summary has that already (the summary and the signature
        # move together), so its tables fill their pages.
        tied = closing if sheet.summary is None else None
        table = self.sheet_table(tied if not sheet.evidence else None)
        story: list[Flowable] = [*self.heading(), table]
        if sheet.evidence:
            story += self.evidence_list(tied)
        story.append(closing)
        return story

    def heading(self) -> list[Flowable]:
        f = self.fonts
        title = self.style(f.heading, SIZE_2, leading=SIZE_2 * 1.4, align=TA_CENTER)
        label = self.style(f.fangsong, SIZE_S4, leading=SIZE_S4 * 1.5)
        columns = max(len(line) for line in self.sheet.info)
        rows = [
            [self.para(f"{name}{value}", label) for name, value in line]
            + [""] * (columns - len(line))
            for line in self.sheet.info
        ]
        info = Table(
            rows,
            colWidths=[self.width / columns] * columns,
            style=[*self.font_cmd(), *_no_padding(), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)],
        )
        return [self.para(self.sheet.title, title), Spacer(1, 4 * MM), info, Spacer(1, 3 * MM)]

    def sheet_table(self, closing: ClosingBlock | None) -> BookTable:
        sheet = self.sheet
        widths = self.column_widths(list(sheet.widths_mm))
        body = []
        for row in sheet.rows:
            cells: list[list[Flowable]] = []
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
                if isinstance(cell, Names):
                    cells.append([self.leaders(cell.names, width - 8)] if cell.names else [])
                else:
                    centred = column in sheet.centred
                    cells.append([self.cell_text(line, centred) for line in cell])
            body.append(cells)
        for cells, task_id in zip(body, sheet.task_ids, strict=False):
            if cells[0]:
                cells[0][0].task_id = task_id  # the row's task, for the places of rows drawn
        if not body:
            body = [self.blank_row(len(sheet.headers))]
        table = self.table(sheet.headers, body, widths, closing=closing)
        table.rows_seen = self.rows
        return table

    def evidence_list(self, closing: ClosingBlock | None) -> list[Flowable]:
        """佐证材料清单: the files by number, name and size; its heading stays with its
        first row."""
        widths = self.column_widths(list(EVIDENCE_MM))
        body = [
            [
                [self.cell_text(str(number), centred=True)],
                [self.cell_text(record.name)],
                [self.cell_text(size_text(record.size), centred=True)],
            ]
            for number, record in self.sheet.evidence
        ]
        table = self.table(EVIDENCE_HEADERS, body, widths, closing=closing)
        heading = self.para(EVIDENCE_LIST, self.heading_style())
        need = heading.wrap(self.width, self.height)[1] + heading.getSpaceBefore()
        need += heading.getSpaceAfter() + table.first_unit_height(self.width)
        return [CondPageBreak(min(need, self.height)), heading, table]

    def heading_style(self) -> Any:
        return self.style(self.fonts.heading, SIZE_3, spaceBefore=6 * MM, spaceAfter=3 * MM)

    def signing_block(self) -> ClosingBlock:
        """The summary, when the sheet has one, then 填报人, the head's signature, the seal
        and the date, which never split from the summary's last line."""
        sheet = self.sheet
        signing = [Spacer(1, 2 * MM), self.signing_row()]
        if sheet.summary is None:
            return ClosingBlock([Spacer(1, 4 * MM)], Spacer(1, 0), signing)
        f = self.fonts
        heading = self.style(f.heading, SIZE_4)
        text = self.style(
            f.fangsong, SIZE_4, leading=SIZE_4 * 1.6, firstLineIndent=2 * SIZE_4,
            align=TA_JUSTIFY,
        )  # fmt: skip
        lead: list[Flowable] = [
            Spacer(1, 6 * MM),
            self.para(SUMMARY_HEADING, heading),
            Spacer(1, 2 * MM),
        ]
        summary = sheet.summary
        part = self.para(summary, text) if summary.strip() else Spacer(1, 2 * SIZE_4 * 1.6)
        return ClosingBlock(lead, part, signing)

    def signing_row(self) -> Table:
        """The plan's signing part laid out across the landscape page: the rules to sign
        or print on, then the seal's label beside its area, the date below the area."""
        f = self.fonts
        label = self.style(f.fangsong, SIZE_4, leading=SIZE_4 * 1.3)
        date = self.style(f.fangsong, SIZE_4, leading=SIZE_4 * 1.3, align=TA_RIGHT)
        area_width, area_height = (m * MM for m in SEAL_AREA_MM)
        lines = self.sheet.signing
        rule_row = 12 * MM
        rows: list[list[Any]] = [
            [
                self.para(name, label),
                self.para(value, label) if value else "",
                self.para(SEAL_LABEL, label) if row == 0 else "",
                "",
            ]
            for row, (name, value) in enumerate(lines)
        ]
        last = len(lines) - 1
        # The seal's area spans the rules' rows and what it needs beyond them.
        rows.append(["", "", "", ""])
        rows.append(["", "", "", self.date_blanks(date)])
        rest = max(area_height - rule_row * len(lines), 1 * MM)
        return Table(
            rows,
            colWidths=[54 * MM, 60 * MM, 30 * MM, area_width],
            rowHeights=[*[rule_row] * len(lines), rest, 9 * MM],
            style=[
                *self.font_cmd(),
                *_no_padding(),
                ("VALIGN", (0, 0), (-1, last), "BOTTOM"),
                ("VALIGN", (0, last + 1), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, last), 1),
                ("LINEBELOW", (1, 0), (1, last), RULE, colors.black),
                ("SPAN", (3, 0), (3, last + 1)),
            ],
            hAlign="RIGHT",
        )


def build_sheet(
    book: Book,
    sheet: Sheet,
    settings: PdfSettings,
    fonts: FontSet,
    rows: list[RowPlace] | None = None,
) -> bytes:
    """The sheet's PDF; where each task's row was drawn goes into `rows` when it is given."""
    layout = _SheetLayout(book, sheet, settings, fonts)
    layout.rows = rows
    meta = metadata(book)
    meta["title"] = sheet.title
    meta["subject"] = sheet.subject
    meta["keywords"] = [
        k for k in (sheet.title, f"{book.cover.year}年度", book.cover.unit_name) if k
    ]
    return write_document(layout, layout.story(), meta)
