"""A parsed TrueType face kept on disk, so that each process does not parse it again.

reportlab reads a font's tables in Python: some 300 ms for the bundled Song and Hei faces,
paid by every `bluebook-cli render`, the window's first printout, the live preview's own
process and the collection view's check of characters. The parsed tables are plain numbers,
strings and lists: they are kept with `marshal` (which holds data, never code) in the
program's data folder, one file a face, named by the font file's path, size and time and
the reportlab version. The font's bytes are read from the font file itself, which
subsetting needs. Anything wrong with a kept file means parsing again: the cache may be
deleted at any time.

Loading must cost little, or keeping is worth nothing: the per-glyph tables (a Song face has
49,000 glyphs) are kept as arrays, not as lists of small objects, the tables reportlab
builds only while parsing are left out, and the font's bytes are mapped, not read (the
Song file is 21 MB, and a printout uses a few hundred of its glyphs).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import mmap
import os
import tempfile
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bluebook_desktop.collector import collector_paused

log = logging.getLogger(__name__)

FORMAT = 2
_NAME = "n"  # a TTFNameBytes (a font's name string), kept as its bytes
# The file's bytes, mapped again; a function, made again; and glyph → characters, which
# reportlab reads only to shape text with HarfBuzz, which this program does not do.
_LEFT_OUT = ("_ttf_data", "_pdfScale", "glyphToChar")
# Per-glyph tables kept as arrays: each glyph's (advance, left side bearing), as numbers that
# may be fractions (reportlab scales some), and where each glyph's outline starts in the
# glyf table (one more entry than glyphs).
_METRICS = "hmetrics"
_POSITIONS = "glyphPos"


class GlyphMetrics(Sequence[tuple[float, float]]):
    """reportlab's hmetrics list, (advance, left side bearing) by glyph, over two arrays:
    loading makes two objects instead of 49,000 pairs."""

    def __init__(self, advances: array, bearings: array) -> None:
        self.advances = advances
        self.bearings = bearings

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph: int) -> tuple[float, float]:  # type: ignore[override]
        return self.advances[glyph], self.bearings[glyph]


def cache_folder() -> Path:
    from bluebook_desktop import paths

    return paths.resolve().data_dir / "cache" / "fonts"


def _key(path: Path, index: int) -> str | None:
    import reportlab

    try:
        info = path.stat()
    except OSError:
        return None
    text = (
        f"{FORMAT}|{reportlab.Version}|{path.resolve()}|{index}|{info.st_size}|{info.st_mtime_ns}"
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def load_face(path: Path, index: int) -> Any | None:
    """The face of `path` as it was parsed before, or None (parse it then)."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    key = _key(path, index)
    if key is None:
        return None
    kept = cache_folder() / f"{key}.face"
    try:
        with collector_paused():  # tens of thousands of entries, no cycles among them
            state = marshal.loads(kept.read_bytes())
            metrics = _metrics(state.pop(_METRICS))
            positions = _array("q", state.pop(_POSITIONS))
        data = _mapped(path)
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if state.get("_ttf_size") != len(data) or len(positions) != len(metrics) + 1:
        return None
    del state["_ttf_size"]
    kind = _kept_face_class()
    face = kind.__new__(kind)
    for name, value in state.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME:
            value = TTFNameBytes(value[1])
        face.__dict__[name] = value
    face.hmetrics = metrics
    face.glyphPos = positions
    face.glyphToChar = {}
    face._ttf_data = data
    units = face.unitsPerEm  # as reportlab's own parsing makes it
    if units == 1000:
        face._pdfScale = lambda x: x
    else:
        mult = 1000 / units
        face._pdfScale = lambda x: x * mult
    return face


def keep_face(path: Path, index: int, face: Any) -> None:
    """Keep a face just parsed; a failure only means parsing again next time."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    key = _key(path, index)
    if key is None:
        return
    state: dict[str, Any] = {"_ttf_size": len(face._ttf_data)}
    try:
        for name, value in vars(face).items():
            if name in _LEFT_OUT:
                continue
            if name == _METRICS:
                value = (_bytes("d", (m[0] for m in value)), _bytes("d", (m[1] for m in value)))
            elif name == _POSITIONS:
                value = _bytes("q", value)
            elif isinstance(value, TTFNameBytes):
                value = (_NAME, bytes(value))
            state[name] = value
        data = marshal.dumps(state)
    except (ValueError, TypeError, OverflowError):  # not plain data: a reportlab of another make
        log.info("font %s not kept: its parsed tables are not plain data", path.name)
        return
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".face", dir=folder)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, folder / f"{key}.face")
    except OSError as exc:
        log.info("font %s not kept: %s", path.name, exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temp)


def _bytes(typecode: str, values: Any) -> bytes:
    return array(typecode, values).tobytes()


def _array(typecode: str, data: bytes) -> array:
    values = array(typecode)
    values.frombytes(data)
    return values


def _metrics(kept: tuple[bytes, bytes]) -> GlyphMetrics:
    advances, bearings = (_array("d", data) for data in kept)
    if len(advances) != len(bearings):
        raise ValueError("glyph metrics of different lengths")
    return GlyphMetrics(advances, bearings)


def _mapped(path: Path) -> mmap.mmap:
    """The font file's bytes, mapped read-only: the system reads in only the pages that
    subsetting touches. (Fonts are replaced by installing a new file, never rewritten in
    place, so the mapped bytes stay the ones the kept tables describe.)"""
    with path.open("rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


@functools.cache
def _kept_face_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFontFace

    class KeptFace(TTFontFace):  # type: ignore[misc]
        """A face made from kept tables. Subsetting asks for the whole glyf table (15 MB
        for the Song face) once per subset, only to cut the glyphs it needs out of it: it is
        handed a view of the mapped file instead of a copy."""

        def get_table(self, tag: str) -> Any:
            if tag == "glyf":
                start, length = self.get_table_pos(tag)
                return TableView(self._ttf_data, start, length)
            return super().get_table(tag)

    return KeptFace


class TableView:
    """A table of a font file, read where it lies: slicing gives bytes, as a copy would."""

    def __init__(self, data: Any, start: int, length: int) -> None:
        self.data = data
        self.start = start
        self.length = length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, part: slice) -> bytes:
        begin, end, step = part.indices(self.length)
        if step != 1:
            raise ValueError("a font table is read in runs of bytes")
        return bytes(self.data[self.start + begin : self.start + max(begin, end)])
