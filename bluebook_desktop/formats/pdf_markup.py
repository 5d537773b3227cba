"""User text as reportlab Paragraph markup: escaped, line breaks and spaces kept, each
character in a font that has it. Shared by the PDF's public functions and its layout; no
reportlab import, so checking a book's characters loads none of it.
"""

from __future__ import annotations

import functools
import unicodedata

from bluebook_desktop.formats import fonts as fontlib
from bluebook_desktop.formats.fonts import FontFile, FontSet

# What prints for a character no font has, after the user was told and agreed: a visible
# box (the "tofu" every reader knows), never a blank that would pass unnoticed on paper.
MISSING_MARK = "□"


def invisible(char: str) -> bool:
    """Characters that print nothing: line breaks, controls, joiners, variation selectors.

    Blanks (spaces of any width) count too: one a font lacks prints as a plain blank.
    """
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Zs", "Zl", "Zp") or is_selector(char)


def is_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


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


class _Faces:
    """Which face draws each character, for one chain of faces: worked out once per
    character and kept (a book of a thousand tasks asks again for the same few thousand
    characters some million times). None: no face has it."""

    def __init__(self, fonts: FontSet, first: FontFile) -> None:
        # Faces are compared by identity: each comes from this one chain, where equal faces
        # are one object.
        self.chain = tuple((face, fontlib.glyphs(face)) for face in fonts.chain(first))
        self.first = self.chain[0][0]
        self.latin = next(face for face, _cmap in self.chain if face == fonts.latin)
        self.latin_map = fontlib.glyphs(self.latin)
        self.known: dict[str, FontFile | None] = {}

    def of(self, char: str) -> FontFile | None:
        code = ord(char)
        if code in self.latin_map and fontlib.prints_in_latin_face(char):
            face: FontFile | None = self.latin
        else:
            face = next((f for f, cmap in self.chain if code in cmap), None)
        self.known[char] = face
        return face


@functools.lru_cache(maxsize=64)
def _faces(fonts: FontSet, first: FontFile) -> _Faces:
    return _Faces(fonts, first)


_UNKNOWN = object()


def _runs(text: str, fonts: FontSet, first: FontFile) -> str:
    faces = _faces(fonts, first)
    known, first = faces.known, faces.first
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
        face = known.get(char, _UNKNOWN)
        if face is _UNKNOWN:
            face = faces.of(char)
        if face is None:
            if invisible(char) and unicodedata.category(char) != "Zs":
                continue  # a control or joiner draws nothing; a .notdef box would be wrong
            # A blank no font has prints as a plain space; anything else as the visible mark.
            char = " " if invisible(char) else MISSING_MARK
            face = next((f for f, cmap in faces.chain if ord(char) in cmap), first)
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
