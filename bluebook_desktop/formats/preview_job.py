"""One layout for the window's live preview, made away from the window (in a process of its
own, see ui.live_preview): the printout's PDF bytes, exactly what export writes for the same
book and settings, and what the preview needs to find its way in them.

Nothing here imports Qt. A module-level function taking and returning plain, picklable
values, so that a spawned process can run it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from bluebook_desktop.domain import Book
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.pdf import MissingGlyphs, PdfSettings

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf_tables import RowPlace

PLAN, REPORT, REVIEW = "plan", "report", "review"


@dataclass(frozen=True)
class Printout:
    """Which printout of the book: the plan (the book's PDF), a quarter's report or the
    self-review."""

    kind: str = PLAN
    quarter: int = 0
    filled_on: dt.date | None = None


@dataclass
class LaidOut:
    """The result of one layout."""

    printout: Printout
    settings: PdfSettings  # the settings it was made with (□ for missing characters or not)
    data: bytes = b""
    rows: list[RowPlace] = field(default_factory=list)
    closing_page: int = -1  # the page of the closing block (单位负责人意见), -1 when none
    missing: list[str] = field(default_factory=list)  # characters no font has, printed as □
    error: tuple[str, dict[str, object]] | None = None  # a UserError's template and params


def lay_out(
    book: Book, printout: Printout, settings: PdfSettings, generation: int = 0
) -> LaidOut | None:
    """The printout's PDF; characters no font has print as □ (and are named in `missing`),
    as export prints them once the clerk agrees. None when a newer layout than
    `generation` was asked for meanwhile (in the preview's process): it stops at once."""
    from bluebook_desktop.formats import pdf_tables

    settings = replace(settings, replace_missing=False)
    latest = _latest
    if latest is not None:
        if latest.value != generation:
            return None  # a newer one waits already
        pdf_tables.stop_check = lambda: latest.value != generation
    try:
        return _lay_out_checked(book, printout, settings)
    except pdf_tables.LayoutAbandoned:
        return None
    finally:
        pdf_tables.stop_check = None


def _lay_out_checked(book: Book, printout: Printout, settings: PdfSettings) -> LaidOut:
    try:
        try:
            return _lay_out(book, printout, settings)
        except MissingGlyphs as exc:
            laid = _lay_out(book, printout, replace(settings, replace_missing=True))
            laid.missing = list(exc.chars)
            return laid
    except UserError as exc:
        return LaidOut(printout, settings, error=(exc.template, dict(exc.params)))


# In the preview's process: the generation of the layout the window wants now (shared with
# the window, which raises it with every edit).
_latest: Any = None


def start_worker(latest: Any = None) -> None:
    """In the preview's own process, before its first layout: lines once broken are kept
    for the next layout of the same book (the same bytes, sooner), and a layout stops as
    soon as `latest` (a shared integer) names a newer one."""
    global _latest
    from bluebook_desktop.formats.pdf_wrap import keep_lines

    keep_lines(True)
    _latest = latest


def warm_up() -> bool:
    """Load what a layout needs (reportlab, the fonts) before the first one is asked for."""
    _lay_out_checked(Book(), Printout(), PdfSettings())
    return True


def _lay_out(book: Book, printout: Printout, settings: PdfSettings) -> LaidOut:
    if printout.kind == PLAN:
        from bluebook_desktop.formats.pdf import render_pdf
        from bluebook_desktop.formats.pdf_layout import CLOSING_ROW

        rows: list[RowPlace] = []
        data = render_pdf(book, settings, rows=rows)
        closing = next((row[1] for row in rows if row[0] == CLOSING_ROW), -1)
        return LaidOut(printout, settings, data, rows, closing)
    from bluebook_desktop.formats.year_pdf import report_pdf, review_pdf

    rows = []
    if printout.kind == REPORT:
        data = report_pdf(book, printout.quarter, printout.filled_on, settings, rows)
    else:
        data = review_pdf(book, settings, rows)
    return LaidOut(printout, settings, data, rows)
