"""A parsed TrueType face kept on disk, so that each process does not parse it again.

reportlab reads a font's tables in Python: some 300 ms for the bundled Song and Hei faces,
paid by every `bluebook-cli render`, the window's first printout, the live preview's own
process and the collection view's check of characters. The parsed tables are plain numbers,
strings and lists: they are kept with `marshal` (which holds data, never code) in the
program's data folder, one file a face, named by the font file's path, size and time and
the reportlab version. The font's bytes are read from the font file itself, which
subsetting needs. Anything wrong with a kept file means parsing again: the cache may be
deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1
_NAME = "n"  # a TTFNameBytes (a font's name string), kept as its bytes
_LEFT_OUT = ("_ttf_data", "_pdfScale")  # the file's bytes, read again; a function, made again


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
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

    key = _key(path, index)
    if key is None:
        return None
    kept = cache_folder() / f"{key}.face"
    try:
        state = marshal.loads(kept.read_bytes())
        data = path.read_bytes()
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(state, dict) or state.get("_ttf_size") != len(data):
        return None
    del state["_ttf_size"]
    face = TTFontFace.__new__(TTFontFace)
    for name, value in state.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME:
            value = TTFNameBytes(value[1])
        face.__dict__[name] = value
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
    for name, value in vars(face).items():
        if name in _LEFT_OUT:
            continue
        state[name] = (_NAME, bytes(value)) if isinstance(value, TTFNameBytes) else value
    try:
        data = marshal.dumps(state)
    except ValueError:  # a value marshal cannot hold: a reportlab of another make
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
