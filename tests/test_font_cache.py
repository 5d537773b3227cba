"""The parsed fonts kept on disk (formats.font_cache): a process that finds them prints the
same bytes as one that parsed the fonts itself, and a damaged kept file only means parsing
again."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from helpers.files import FIXTURE_BOOK
from test_golden_outputs import GOLDEN, TAKEN_WITH

ROOT = Path(__file__).resolve().parent.parent
RENDER = """
import hashlib, sys
from pathlib import Path
from bluebook_desktop.formats.pdf import PdfSettings, render_pdf
from bluebook_desktop.formats.portable import read_portable
book = read_portable(Path(sys.argv[1]))
print(hashlib.sha256(render_pdf(book, PdfSettings(system_fonts=False))).hexdigest())
"""


def _render(home: Path) -> str:
    env = {**os.environ, "BLUEBOOK_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", RENDER, str(FIXTURE_BOOK)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_kept_fonts_print_the_same_bytes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    parsed = _render(home)
    kept = sorted((home / "cache" / "fonts").glob("*.face"))
    assert len(kept) == 3  # the bundled Song, Hei and Latin faces
    assert _render(home) == parsed
    if all(version(name) == taken for name, taken in TAKEN_WITH.items()):
        assert parsed == GOLDEN["real.pdf"]

    for file in kept:  # damaged, cut short: parsed again, and kept again whole
        file.write_bytes(file.read_bytes()[:1000])
    assert _render(home) == parsed
    assert all(file.stat().st_size > 10_000 for file in kept)


def _latin_kept(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A copy of the bundled Latin face parsed by reportlab and kept: (file, parsed face)."""
    from bluebook_desktop.formats import font_cache
    from bluebook_desktop.formats.fonts import bundled_latin_font

    pytest.importorskip("reportlab")
    from reportlab.pdfbase.ttfonts import TTFont

    font = tmp_path / "latin.ttf"
    font.write_bytes(bundled_latin_font().path.read_bytes())
    parsed = TTFont("parsed", str(font)).face
    font_cache.keep_face(font, 0, parsed)
    return font, parsed


def test_a_changed_font_file_is_parsed_again(tmp_path: Path) -> None:
    from bluebook_desktop.formats import font_cache

    font, face = _latin_kept(tmp_path)
    assert vars(font_cache.load_face(font, 0))["numGlyphs"] == face.numGlyphs
    os.utime(font, ns=(1, 1))  # another file in its place: its kept tables no longer apply
    assert font_cache.load_face(font, 0) is None


def test_a_kept_face_holds_the_same_tables_as_a_parsed_one(tmp_path: Path) -> None:
    from bluebook_desktop.formats import font_cache

    font, parsed = _latin_kept(tmp_path)
    kept = font_cache.load_face(font, 0)
    assert kept is not None
    assert len(kept.hmetrics) == len(parsed.hmetrics)
    assert all(kept.hmetrics[g] == parsed.hmetrics[g] for g in range(len(parsed.hmetrics)))
    assert list(kept.glyphPos) == parsed.glyphPos
    assert kept.charWidths == parsed.charWidths and kept.charToGlyph == parsed.charToGlyph
    # the glyf table, read in place, gives the bytes reportlab's copy would
    glyf = kept.get_table("glyf")
    copied = parsed.get_table("glyf")
    assert len(glyf) == len(copied)
    for start, end in ((0, 44), (100, 100), (len(copied) - 10, len(copied) + 5)):
        assert glyf[start:end] == copied[start:end]
    assert kept.get_table("head") == parsed.get_table("head")


def test_a_kept_file_whose_tables_disagree_is_parsed_again(tmp_path: Path) -> None:
    import marshal

    from bluebook_desktop.formats import font_cache

    font, _parsed = _latin_kept(tmp_path)
    (kept,) = font_cache.cache_folder().glob("*.face")
    state = marshal.loads(kept.read_bytes())
    advances, bearings = state["hmetrics"]
    state["hmetrics"] = (advances[:-8], bearings)  # one glyph's advance missing
    kept.write_bytes(marshal.dumps(state))
    assert font_cache.load_face(font, 0) is None
    kept.write_bytes(marshal.dumps(["not", "a", "face"]))
    assert font_cache.load_face(font, 0) is None
