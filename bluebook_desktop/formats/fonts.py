"""The TrueType fonts the printed book uses, and which characters each of them can draw.

On Windows the office's own 宋体 / 仿宋 / 黑体 and Times New Roman are preferred, so the print
matches the Word template. Where they are absent (every Linux desktop, 信创 machines) the
bundled faces stand in: AR PL UMing CN for the Song text (and every character the others
lack), WenQuanYi Micro Hei for titles and headings, and Liberation Serif, metric-compatible
with Times New Roman, for Latin letters and digits. reportlab embeds TrueType outlines only,
which is why these are glyf fonts and not CFF-based .otf such as Noto CJK. reportlab is
imported only when a font is loaded.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import threading
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.errors import UserError
from bluebook_desktop.paths import resource

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

BUNDLED_FILE = "uming.ttc"  # AR PL UMing, Arphic Public License (uming.LICENSE.txt)
BUNDLED_INDEX = 0  # the collection's CN face: simplified-Chinese glyph shapes
# WenQuanYi Micro Hei, Apache-2.0 (wqy-microhei.LICENSE.txt); face 0 is the proportional one.
HEADING_FILE = "wqy-microhei.ttc"
HEADING_INDEX = 0
LATIN_FILE = "LiberationSerif-Regular.ttf"  # SIL OFL 1.1 (LiberationSerif.LICENSE.txt)

# The Windows files of the fonts the performance office's template names.
WINDOWS_FILES = {
    "body": ("simsun.ttc", 0),  # 宋体 (index 1 is 新宋体)
    "fangsong": ("simfang.ttf", 0),  # 仿宋
    "heading": ("simhei.ttf", 0),  # 黑体
    "latin": ("times.ttf", 0),  # Times New Roman, the template's face for Latin and digits
}
# How the settings page names each role (the font itself may be the bundled one).
ROLE_NAMES = {
    "body": QT_TRANSLATE_NOOP("fonts", "正文与表格"),
    "fangsong": QT_TRANSLATE_NOOP("fonts", "封面与签署栏"),
    "heading": QT_TRANSLATE_NOOP("fonts", "标题"),
    "latin": QT_TRANSLATE_NOOP("fonts", "西文与数字"),
    "fallback": QT_TRANSLATE_NOOP("fonts", "缺字备用"),
}


@dataclass(frozen=True)
class FontFile:
    """One face of a TrueType file (a .ttc collection holds several, chosen by index)."""

    path: Path
    index: int = 0

    @functools.cached_property
    def name(self) -> str:
        """The name reportlab registers the face under: unique per file and face (kept once
        made: every run of text in another face names it)."""
        # crc32, not hash(): the same name in every run keeps the PDF's bytes the same.
        return f"{self.path.stem}-{self.index}-{zlib.crc32(str(self.path).encode()):08x}"


@dataclass(frozen=True)
class FontSet:
    """The faces of one rendering; `latin` draws Latin letters and digits in every role,
    `fallback` what the others lack."""

    body: FontFile
    fangsong: FontFile
    heading: FontFile
    fallback: FontFile
    latin: FontFile

    def roles(self) -> dict[str, FontFile]:
        return {
            "body": self.body,
            "fangsong": self.fangsong,
            "heading": self.heading,
            "latin": self.latin,
            "fallback": self.fallback,
        }

    def chain(self, first: FontFile) -> list[FontFile]:
        """The faces tried for a character, `first` first, each once."""
        faces = [first, self.body, self.fangsong, self.heading, self.fallback, self.latin]
        return list(dict.fromkeys(faces))


@dataclass(frozen=True)
class FontUse:
    """What the settings page shows: the role, the font's own name, and its file."""

    role: str
    family: str
    path: Path
    index: int


def bundled_font() -> FontFile:
    return FontFile(resource("fonts", BUNDLED_FILE), BUNDLED_INDEX)


def bundled_heading_font() -> FontFile:
    return FontFile(resource("fonts", HEADING_FILE), HEADING_INDEX)


def bundled_latin_font() -> FontFile:
    return FontFile(resource("fonts", LATIN_FILE))


def prints_in_latin_face(char: str) -> bool:
    """Latin letters, digits and their punctuation: what Word sets in the ASCII font.

    The no-break space stays in the Chinese face: it pads 陈 晓 to a Chinese half width.
    """
    code = ord(char)
    return 0x20 <= code < 0x7F or 0xA1 <= code < 0x250


def windows_font_dirs() -> list[Path]:
    """The system fonts folder and the per-user one (fonts installed without admin rights)."""
    if sys.platform != "win32":
        return []
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


def choose_fonts(system_fonts: bool = True, font_dirs: Iterable[Path] | None = None) -> FontSet:
    """The installed Windows fonts where present (when wanted), else the bundled ones."""
    fallback = bundled_font()
    dirs = list(windows_font_dirs() if font_dirs is None else font_dirs) if system_fonts else []
    found: dict[str, FontFile] = {}
    for role, (file_name, index) in WINDOWS_FILES.items():
        path = next((d / file_name for d in dirs if (d / file_name).is_file()), None)
        if path:
            found[role] = FontFile(path, index)
    # A missing 仿宋 takes the body's face: one Song design rather than two. A missing 黑体
    # takes the bundled Hei face, so that headings still stand out from the text.
    body = found.get("body", fallback)
    return FontSet(
        body=body,
        fangsong=found.get("fangsong", body),
        heading=found.get("heading", bundled_heading_font()),
        fallback=fallback,
        latin=found.get("latin", bundled_latin_font()),
    )


_lock = threading.Lock()
_loaded: dict[FontFile, TTFont] = {}


def load(font: FontFile) -> TTFont:
    """The face, parsed once and registered with reportlab; a failure is the user's to see.

    Never falls back silently (reportlab would print Helvetica, i.e. blanks for Chinese).
    """
    with _lock:
        if font in _loaded:
            return _loaded[font]
        from reportlab.pdfbase import pdfmetrics

        _fix_to_unicode()

        if not font.path.is_file():
            raise UserError("找不到字体文件 {path}，无法生成 PDF。", path=str(font.path))
        try:
            face = _font(font)
        except Exception as exc:  # noqa: BLE001 - TTFError, struct errors, OSError alike
            raise UserError(
                "无法使用字体文件 {path}：{reason}（PDF 需要 TrueType 字体）。",
                path=str(font.path),
                reason=str(exc) or type(exc).__name__,
            ) from exc
        pdfmetrics.registerFont(face)
        _loaded[font] = face
        return face


def _font(font: FontFile) -> TTFont:
    """reportlab's font for `font`, its face parsed before if it was (formats.font_cache)."""
    from reportlab.pdfbase import ttfonts

    from bluebook_desktop.formats import font_cache

    kept = font_cache.load_face(font.path, font.index)
    if kept is None:
        made = ttfonts.TTFont(font.name, str(font.path), subfontIndex=font.index)
        font_cache.keep_face(font.path, font.index, made.face)
        return made
    # TTFont's own constructor, given the kept face in place of parsing the file (under
    # _lock, the only place the program makes fonts).
    parse = ttfonts.TTFontFace
    ttfonts.TTFontFace = lambda *_args, **_kwargs: kept  # type: ignore[misc]
    try:
        return ttfonts.TTFont(font.name, str(font.path), subfontIndex=font.index)
    finally:
        ttfonts.TTFontFace = parse  # type: ignore[misc]


def has_glyph(font: FontFile, char: str) -> bool:
    return ord(char) in load(font).face.charToGlyph


def glyphs(font: FontFile) -> Mapping[int, int]:
    """The face's character map (code point -> glyph): `in` it is has_glyph without the
    lookup of the face, for loops over every character of a book."""
    return load(font).face.charToGlyph


def family_name(font: FontFile) -> str:
    """The font's own name as the file states it (e.g. SimSun, AR PL UMing CN)."""
    face = load(font).face
    name = getattr(face, "familyName", None) or face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def fonts_in_use(fonts: FontSet) -> list[FontUse]:
    return [
        FontUse(ROLE_NAMES[role], family_name(font), font.path, font.index)
        for role, font in fonts.roles().items()
    ]


def _fix_to_unicode() -> None:
    """Make reportlab's text layer right for characters beyond the BMP (𠀾 U+2003E).

    reportlab writes such a character's ToUnicode entry as <2003E>, which readers reject
    (copy, search and text extraction lose it); PDF wants UTF-16BE, <D840DC3E>. Entries of
    BMP characters are unchanged. Wrapped once, process-wide: it is a correction only.
    """
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_bluebook_fixed", False):
        return

    def utf16(match: re.Match[str]) -> str:
        code = int(match.group(2), 16)
        return f"{match.group(1)}<{chr(code).encode('utf-16-be').hex().upper()}>"

    def make(fontname: str, subset: list[int]) -> str:
        return re.sub(
            r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", utf16, original(fontname, subset), flags=re.M
        )

    make._bluebook_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make
