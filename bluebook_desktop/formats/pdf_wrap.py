"""Chinese line breaking for reportlab paragraphs: closing punctuation never starts a line,
opening punctuation never ends one, Latin words and numbers stay whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START

from bluebook_desktop.formats.platypus import (
    Flowable,
    Paragraph,
    ParaLines,
    cjkU,
    makeCJKParaLine,
)

# Chinese line-breaking rules (GB/T 15834 and common typesetting): what may not start a
# line and what may not end one. reportlab's own lists are Japanese-minded and lack ，：；”》.
CANNOT_START = frozenset(ALL_CANNOT_START + "，。、：；？！）》」』】〕〉〗”’…—～·%‰℃,.;:?!)]}")
CANNOT_END = frozenset(ALL_CANNOT_END + "（《「『【〔〈〖“‘([{")
_MAX_PULL = 3  # characters a line gives up to keep a rule; beyond that the line breaks anyway

# Lines broken before, by text, style and widths, kept from one PDF to the next when
# `keep_lines` switched it on (the live preview's process lays out the same book again and
# again with one field changed). Off otherwise: an export breaks every line anew.
_kept_lines: dict[tuple[Any, ...], Any] | None = None
_KEPT_MAX = 200_000


def keep_lines(on: bool = True) -> None:
    """Keep broken lines across PDFs made in this process (or stop, and forget them)."""
    global _kept_lines
    _kept_lines = {} if on else None


class CJKParagraph(Paragraph):
    """A Paragraph whose CJK wrapping keeps Chinese punctuation and Latin words intact."""

    # A table wraps a cell many times while it looks for a place to split, and reportlab
    # re-breaks the rest of a split paragraph from scratch on every page: for a 20,000-
    # character cell that is minutes. The lines are kept per width, and the rest of a
    # split paragraph inherits the lines already broken.
    _broken: tuple[tuple[float, ...], Any] | None = None

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - reportlab's name
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the first half of a split paragraph keeps its lines
        if self._broken and self._broken[0] == widths:
            return self._broken[1]
        style = self.style
        self.height = 0
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        kept = _kept_lines
        key = None
        if kept is not None:
            key = (self.text, style.name, style.fontName, style.fontSize, style.leading, widths)
            lines = kept.get(key)
            if lines is not None:
                self._broken = (widths, lines)
                return lines
        lines = break_cjk(self.frags, list(widths))
        self._broken = (widths, lines)
        if kept is not None:
            if len(kept) > _KEPT_MAX:
                kept.clear()
            kept[key] = lines
        return lines

    def draw(self) -> None:
        """Justified Chinese lines end flush right, as Word's 两端对齐 sets them: the room
        left on a line goes between its characters (reportlab widens spaces only, and
        Chinese text has none). The last line of a paragraph, and one ended by a break,
        stays as typed."""
        lines = getattr(getattr(self, "blPara", None), "lines", None)
        plain = all(
            not hasattr(word, "cbDefn") and not getattr(word, "link", None)
            for line in lines or ()
            for word in line.words
        )
        if self.style.alignment != TA_JUSTIFY or not lines or self.blPara.kind != 1 or not plain:
            super().draw()
            return
        style = self.style
        canvas = self.canv
        y = self.height - getattr(lines[0], "ascent", style.fontSize)
        for number, line in enumerate(lines):
            x = style.leftIndent + (style.firstLineIndent if number == 0 else 0)
            count = sum(len(word.text) for word in line.words)
            last = number == len(lines) - 1 or line.lineBreak
            gap = line.extraSpace / (count - 1) if count > 1 and not last else 0.0
            text = canvas.beginText(x, y)
            text.setCharSpace(max(gap, 0.0))
            for word in line.words:
                text.setFont(word.fontName, word.fontSize)
                text.setFillColor(word.textColor or style.textColor)
                text.textOut(word.text)
            canvas.drawText(text)
            y -= style.leading

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self._broken:
            head, tail = parts
            done = len(head.blPara.lines)
            rest = ParaLines(kind=1, lines=self._broken[1].lines[done:])
            tail._broken = (self._broken[0], rest)
        return parts


def _is_word(char: str) -> bool:
    """Part of a Latin word or a number, which should not be broken mid-way."""
    return char.isalnum() and ord(char) < 0x2E80


def break_point(chars: Sequence[str], start: int, end: int) -> int:
    """Where the line from `start` should end when `chars[end]` no longer fits.

    Back off to the start of a Latin word or number, and past a character that may not
    start a line or one that may not end it; each step may expose the other case.
    """
    brk = end
    for _ in range(_MAX_PULL):
        moved = brk
        if _is_word(chars[moved]) and _is_word(chars[moved - 1]):
            word = moved
            while word > start and _is_word(chars[word - 1]):
                word -= 1
            if word > start:  # a word longer than the line still breaks
                moved = word
        if moved - 1 > start and (chars[moved] in CANNOT_START or chars[moved - 1] in CANNOT_END):
            moved -= 1
        if moved == brk:
            break
        brk = moved
    while brk < len(chars) and chars[brk] == " ":
        brk += 1  # a space at the end of a line hangs invisibly, never starts the next
    return brk


def break_cjk(frags: list[Any], max_widths: list[float]) -> Any:
    units: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        units.extend([cjkU(c, frag, "utf8") for c in text] if text else [cjkU("", frag, "utf8")])
    chars = [str(u) for u in units]
    lines: list[Any] = []
    start = i = 0
    width = 0.0

    def close(end: int, line_break: bool) -> None:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = sum(u.width for u in units[start:end])
        lines.append(
            makeCJKParaLine(units[start:end], max_width, used, max_width - used, line_break, False)
        )

    while i < len(units):
        unit = units[i]
        if hasattr(unit.frag, "lineBreak"):
            close(i + 1, True)
            i = start = i + 1
            width = 0.0
            continue
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        if width + unit.width > max_width + 1e-8 and i > start:
            brk = break_point(chars, start, i)
            close(brk, False)
            i = start = brk
            width = 0.0
            continue
        width += unit.width
        i += 1
    if start < len(units):
        close(len(units), False)
    return ParaLines(kind=1, lines=lines)
