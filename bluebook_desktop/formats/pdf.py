"""The print-ready PDF: the book laid out like the performance office's Word template.

A4 with the margins of Chinese official documents (GB/T 9704), every font embedded as a
subset, the same bytes for the same book (reportlab's invariant mode). User text is text:
it is escaped before platypus sees it, so nothing typed is ever read as markup. reportlab
is imported only when a PDF is made; the window imports this module only to export.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bluebook_desktop.collector import collector_paused
from bluebook_desktop.domain import (
    NONE_MARK,
    Book,
    chinese_date,
    chinese_month,
)
from bluebook_desktop.domain.form import FORM, Form
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats import fonts as fontlib
from bluebook_desktop.formats.files import write_atomically
from bluebook_desktop.formats.fonts import FontSet, FontUse
from bluebook_desktop.formats.pdf_markup import MISSING_MARK, invisible
from bluebook_desktop.formats.pdf_style import DATE_PARTS

if TYPE_CHECKING:
    from bluebook_desktop.formats.pdf_tables import RowPlace

__all__ = [
    "MISSING_MARK",
    "MissingGlyphs",
    "PdfSettings",
    "check_characters",
    "describe_characters",
    "fonts_in_use",
    "missing_characters",
    "missing_in",
    "render_locked",
    "render_pdf",
    "write_pdf",
]


@dataclass(frozen=True)
class PdfSettings:
    landscape_tables: bool = False  # the two task tables (and what follows) on landscape pages
    pad_two_character_names: bool = False  # 陈晓 prints 陈 晓, aligned with three-character names
    centred_page_numbers: bool = False  # else on the outer side: odd right, even left
    system_fonts: bool = True  # prefer the installed Windows 宋体/仿宋/黑体 to the bundled font
    # Print what no font has as MISSING_MARK; else rendering refuses with the characters' names.
    # The window sets it after telling the user (see missing_characters).
    replace_missing: bool = False


class MissingGlyphs(UserError):
    """The book has characters no font can draw (`chars`, each once, in order)."""

    def __init__(self, template: str, chars: list[str]) -> None:
        super().__init__(template, chars=describe_characters(chars))
        self.chars = chars


def fonts_in_use(settings: PdfSettings | None = None) -> list[FontUse]:
    """Which font files a PDF made with these settings uses (for the settings page)."""
    return fontlib.fonts_in_use(_fonts(settings or PdfSettings()))


def missing_characters(book: Book, settings: PdfSettings | None = None) -> list[str]:
    """The characters of the book no font can draw, each once, in order of appearance."""
    return missing_in(_printed_texts(book), settings)


def missing_in(texts: Iterable[str], settings: PdfSettings | None = None) -> list[str]:
    """The characters of `texts` no font can draw, each once, in order of appearance."""
    fonts = _fonts(settings or PdfSettings())
    maps = [fontlib.glyphs(face) for face in fonts.chain(fonts.body)]
    seen: dict[str, None] = {}
    checked: set[str] = set()
    for text in texts:
        for char in text:
            if char in checked:
                continue
            checked.add(char)
            code = ord(char)
            if not invisible(char) and not any(code in cmap for cmap in maps):
                seen[char] = None
    return list(seen)


def missing_characters_of(
    books: Iterable[Book], settings: PdfSettings | None = None
) -> list[list[str]]:
    """`missing_characters` of each book, the fonts asked once about each character of
    them all (the collection view's hundreds of books). Books share most of their texts
    (the form's words, the notes, the phrases of a district): each text is looked at once."""
    texts = [list(_printed_texts(book)) for book in books]
    seen: set[str] = set()
    chars: set[str] = set()
    for book_texts in texts:
        for text in book_texts:
            if text not in seen:
                seen.add(text)
                chars.update(text)
    bad = set(missing_in(["".join(chars)], settings))
    if not bad:
        return [[] for _ in texts]
    holds_bad = {text: not bad.isdisjoint(text) for text in seen}
    return [
        # in order of appearance, as missing_characters gives them
        list(dict.fromkeys(c for t in book_texts if holds_bad[t] for c in t if c in bad))
        for book_texts in texts
    ]


def describe_characters(chars: list[str]) -> str:
    """Characters as a user can find them again: 😀（U+1F600 GRINNING FACE）、…"""
    return "、".join(f"{c}（{' '.join(filter(None, _code_and_name(c)))}）" for c in chars)


def _code_and_name(char: str) -> tuple[str, str]:
    return f"U+{ord(char):04X}", unicodedata.name(char, "")


def write_pdf(book: Book, path: Path, settings: PdfSettings | None = None) -> None:
    write_atomically(Path(path), render_pdf(book, settings))


_render_lock = threading.Lock()  # reportlab's font subsets are module state: one PDF at a time


def render_pdf(
    book: Book,
    settings: PdfSettings | None = None,
    form: Form = FORM,
    rows: list[RowPlace] | None = None,
) -> bytes:
    """The PDF's bytes: `book` printed on `form` (this district's form unless told). Where
    each task's row was drawn (task id, page index, left, top, right, bottom in points from
    the page's lower left corner) goes into `rows` when it is given."""
    settings = settings or PdfSettings()
    _fonts(settings)
    check_characters(_printed_texts(book), settings)

    def build(fonts: FontSet) -> bytes:
        from bluebook_desktop.formats.pdf_layout import build_pdf

        return build_pdf(book, settings, fonts, form, rows)

    return render_locked(settings, build)


def check_characters(texts: Iterable[str], settings: PdfSettings) -> None:
    """Refuse texts with characters no font can draw, unless they are to print as boxes."""
    if not settings.replace_missing:
        missing = missing_in(texts, settings)
        if missing:
            raise MissingGlyphs(
                "以下字符没有任何字体可以打印：{chars}。请修改这些文字后再导出。", missing
            )


def render_locked(settings: PdfSettings, build: Callable[[FontSet], bytes]) -> bytes:
    """`build`'s bytes, made with the fonts of `settings`, one PDF at a time.

    The cycle collector waits meanwhile: a layout makes hundreds of thousands of short-lived
    objects, and the collector's passes over them were a tenth of a printout's time. What
    they leave behind is collected when the layout is done.
    """
    fonts = _fonts(settings)
    with _render_lock, collector_paused():
        return build(fonts)


def _fonts(settings: PdfSettings) -> FontSet:
    fonts = fontlib.choose_fonts(settings.system_fonts)
    for face in fonts.roles().values():
        fontlib.load(face)  # a font that cannot be read is an error now, not a blank page
    return fonts


def _printed_texts(book: Book) -> Iterator[str]:
    """Every text the PDF prints, the form's fixed words included."""
    cover = book.cover
    yield from (cover.attachment, str(cover.year), cover.serial, cover.title)
    yield from (f"（{cover.edition}）", cover.unit_name, cover.filler_name, cover.filler_position)
    yield from (cover.phone, chinese_date(cover.filled_on), cover.issuer, "编制")
    yield chinese_month(cover.issued_on)
    for f in (*FORM.cover_boxes, *FORM.cover_fields):
        yield from (f"{f.label}：", f.suffix)
    for section in FORM.sections:
        yield from (section.title(book), "注：", section.note(book), *section.headers, NONE_MARK)
    for section in FORM.sections:
        for task in section.tasks(book):
            for column in section.columns:
                yield from column.reads(task)
    closing = FORM.closing
    yield from (closing.opinion_heading, closing.signature_label, closing.seal_label)
    yield from (book.head_opinion, *DATE_PARTS)
    yield "— 0123456789 —"
