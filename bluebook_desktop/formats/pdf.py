"""The print-ready PDF: the book laid out like the performance office's Word template.

A4 with the margins of Chinese official documents (GB/T 9704), every font embedded as a
subset, the same bytes for the same book (reportlab's invariant mode). User text is text:
it is escaped before platypus sees it, so nothing typed is ever read as markup. reportlab
is imported only when a PDF is made; the window imports this module only to export.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bluebook_desktop import DISPLAY_NAME, __version__
from bluebook_desktop.domain import (
    NONE_MARK,
    Book,
    chinese_date,
    chinese_month,
)
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats import fonts as fontlib
from bluebook_desktop.formats.files import write_atomically
from bluebook_desktop.formats.fonts import FontFile, FontSet, FontUse

MM = 72 / 25.4  # points per millimetre
MARGINS_MM = (37, 35, 28, 26)  # top, bottom, left, right: GB/T 9704's 版心 on A4

# Chinese type sizes in points
SIZE_2, SIZE_3, SIZE_4, SIZE_S4, SIZE_5 = 22.0, 16.0, 14.0, 12.0, 10.5

# What prints for a character no font has, after the user was told and agreed: a visible
# box (the "tofu" every reader knows), never a blank that would pass unnoticed on paper.
MISSING_MARK = "□"

KEY_HEADERS = ("序号", "工作任务", "年度目标/改革要点", "全年进度安排", "责任领导", "牵头/协办")
FUNCTIONAL_HEADERS = ("序号", "工作任务", "年度目标", "全年进度安排", "责任领导")
OPINION_HEADING = "单位负责人意见"
SIGNATURE_LABEL = "单位负责人（签名）："
SEAL_LABEL = "单位盖章："
DATE_PARTS = ("年", "月", "日")  # printed apart, with room to write the date by hand
SEAL_AREA_MM = (60, 52)  # width, height: room for a 42–45 mm seal with margin around it


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
    fonts = _fonts(settings or PdfSettings())
    maps = [fontlib.glyphs(face) for face in fonts.chain(fonts.body)]
    seen: dict[str, None] = {}
    checked: set[str] = set()
    for text in _printed_texts(book):
        for char in text:
            if char in checked:
                continue
            checked.add(char)
            code = ord(char)
            if not _invisible(char) and not any(code in cmap for cmap in maps):
                seen[char] = None
    return list(seen)


def describe_characters(chars: list[str]) -> str:
    """Characters as a user can find them again: 😀（U+1F600 GRINNING FACE）、…"""
    return "、".join(f"{c}（{' '.join(filter(None, _code_and_name(c)))}）" for c in chars)


def _code_and_name(char: str) -> tuple[str, str]:
    return f"U+{ord(char):04X}", unicodedata.name(char, "")


def write_pdf(book: Book, path: Path, settings: PdfSettings | None = None) -> None:
    write_atomically(Path(path), render_pdf(book, settings))


_render_lock = threading.Lock()  # reportlab's font subsets are module state: one PDF at a time


def render_pdf(book: Book, settings: PdfSettings | None = None) -> bytes:
    settings = settings or PdfSettings()
    fonts = _fonts(settings)
    if not settings.replace_missing:
        missing = missing_characters(book, settings)
        if missing:
            raise MissingGlyphs(
                "以下字符没有任何字体可以打印：{chars}。请修改这些文字后再导出。", missing
            )
    with _render_lock:
        from bluebook_desktop.formats.pdf_layout import build_pdf

        return build_pdf(book, settings, fonts)


def _fonts(settings: PdfSettings) -> FontSet:
    fonts = fontlib.choose_fonts(settings.system_fonts)
    for face in fonts.roles().values():
        fontlib.load(face)  # a font that cannot be read is an error now, not a blank page
    return fonts


def _invisible(char: str) -> bool:
    """Characters that print nothing: line breaks, controls, joiners, variation selectors.

    Blanks (spaces of any width) count too: one a font lacks prints as a plain blank.
    """
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Zs", "Zl", "Zp") or _is_selector(char)


def _is_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _printed_texts(book: Book) -> Iterator[str]:
    """Every text the PDF prints, the form's fixed words included."""
    cover = book.cover
    yield from (cover.attachment, "年度", str(cover.year), "编号", cover.serial, cover.title)
    yield from (f"（{cover.edition}）", "单位名称：", cover.unit_name, "（公章）")
    yield from ("填表人姓名及职务：", cover.filler_name, cover.filler_position, "联系电话：")
    yield from (cover.phone, "填表日期：", chinese_date(cover.filled_on), cover.issuer, "编制")
    yield chinese_month(cover.issued_on)
    yield from (book.key_tasks_title, "注：", book.key_tasks_note, *KEY_HEADERS, NONE_MARK)
    yield from (book.functional_tasks_title, book.functional_tasks_note, *FUNCTIONAL_HEADERS)
    for task in (*book.key_tasks, *book.functional_tasks):
        yield from (task.task, *task.objective_lines(), *task.schedule_lines())
        yield from (*task.leaders, task.role or "")
    yield from (OPINION_HEADING, book.head_opinion, SIGNATURE_LABEL, SEAL_LABEL, *DATE_PARTS)
    yield "— 0123456789 —"


# --- text to platypus markup, shared with the layout module ---


def markup(text: str, fonts: FontSet, first: FontFile, keep_spaces: bool = True) -> str:
    """User text as Paragraph markup: escaped, line breaks kept, each character in a font
    that has it (first choice `first`), spaces kept as typed.
    """
    for newline in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(newline, "\n")
    lines = [
        _runs(_hold_spaces(line) if keep_spaces else line, fonts, first)
        for line in text.split("\n")
    ]
    return "<br/>".join(lines)


def _hold_spaces(line: str) -> str:
    """Spaces as typed: Paragraph collapses runs and drops leading and trailing ones, but
    keeps no-break spaces, so those stand in for every space that would be lost.
    """
    line = line.replace("\t", "\u00a0" * 4)  # a tab has no width in a paragraph: indent
    chars = list(line)
    last = len(chars) - 1
    for i, char in enumerate(chars):
        if char == " " and (i in (0, last) or chars[i - 1] in " \u00a0"):
            chars[i] = "\u00a0"
    return "".join(chars)


@functools.lru_cache(maxsize=64)
def _chain_maps(
    fonts: FontSet, first: FontFile
) -> tuple[tuple[tuple[FontFile, Mapping[int, int]], ...], FontFile, Mapping[int, int]]:
    """The faces tried for a character with their character maps, and the Latin face."""
    chain = tuple((face, fontlib.glyphs(face)) for face in fonts.chain(first))
    latin = next(face for face, _cmap in chain if face == fonts.latin)
    return chain, latin, fontlib.glyphs(latin)


def _runs(text: str, fonts: FontSet, first: FontFile) -> str:
    # Faces are compared by identity: each comes from this one chain, where equal faces
    # are one object.
    chain, latin, latin_map = _chain_maps(fonts, first)
    first = chain[0][0]
    parts: list[str] = []
    run: list[str] = []
    run_font = first

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            parts.append(
                chunk if run_font is first else f'<font name="{run_font.name}">{chunk}</font>'
            )
            run.clear()

    for char in text:
        code = ord(char)
        if code in latin_map and fontlib.prints_in_latin_face(char):
            face: FontFile | None = latin
        else:
            face = next((f for f, cmap in chain if code in cmap), None)
        if face is None:
            if _invisible(char) and unicodedata.category(char) != "Zs":
                continue  # a control or joiner draws nothing; a .notdef box would be wrong
            # A blank no font has prints as a plain space; anything else as the visible mark.
            char = " " if _invisible(char) else MISSING_MARK
            face = next((f for f, cmap in chain if ord(char) in cmap), first)
        if face is not run_font:
            flush()
            run_font = face
        run.append(char)
    flush()
    return "".join(parts)


def escape(text: str) -> str:
    """&, < and > as entities: what xml.sax.saxutils.escape does, without importing
    urllib.request and the network modules behind it into every export."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


LANGUAGE = "zh-CN"


def metadata(book: Book) -> dict[str, Any]:
    """The document information: what a file manager, a search or an archive shows."""
    cover = book.cover
    title = cover.title + (f"（{cover.edition}）" if cover.edition else "")
    year = f"{cover.year}年度"
    return {
        "title": title,
        "subject": f"{cover.unit_name}{year}绩效目标责任书".strip(),
        "author": cover.unit_name,
        "creator": f"{DISPLAY_NAME} {__version__}",
        "keywords": [k for k in ("绩效目标责任书", cover.edition, year, cover.unit_name) if k],
        "lang": LANGUAGE,
    }
