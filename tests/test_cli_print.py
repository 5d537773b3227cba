"""bluebook-cli's printing: the window's print switches, characters no font has, and every
output that can be written when another fails."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from test_pdf import _fixture_book, _run, _text, _with_tasks, needs_poppler

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.domain import Task
from bluebook_desktop.formats import fonts as fontlib
from bluebook_desktop.formats.pdf import MISSING_MARK
from bluebook_desktop.formats.portable import dumps


def _book_file(tmp_path: Path, *tasks: Task) -> Path:
    book = _with_tasks(_fixture_book(), *tasks) if tasks else _fixture_book()
    path = tmp_path / "book.bluebook.json"
    path.write_text(dumps(book), encoding="utf-8")
    return path


def _emoji_book(tmp_path: Path) -> Path:
    return _book_file(tmp_path, Task(task="微笑😀", objective="目标", leaders=("陈晓",)))


def _fails(capsys: pytest.CaptureFixture[str], *args: str | Path) -> list[str]:
    """Exit status 2, nothing on stdout; the lines on stderr."""
    with pytest.raises(SystemExit) as caught:
        main([str(a) for a in args])
    assert caught.value.code == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    return err.splitlines()


def test_characters_no_font_has_are_refused_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    [message] = _fails(capsys, "render", _emoji_book(tmp_path), "--pdf", out)
    assert "U+1F600" in message and "--missing-glyphs box" in message
    assert "选择仍然导出" not in message
    assert not out.exists()


@needs_poppler
def test_missing_glyphs_box_prints_them_as_boxes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    args = ["render", str(_emoji_book(tmp_path)), "--pdf", str(out), "--missing-glyphs", "box"]
    assert main(args) == 0
    assert f"微笑{MISSING_MARK}" in _text(out)


@needs_poppler
def test_export_writes_every_output_it_can(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "books.sqlite3"
    assert main(["--db", str(db), "import", str(_emoji_book(tmp_path))]) == 0
    capsys.readouterr()
    pdf, docx = tmp_path / "out.pdf", tmp_path / "out.docx"
    folder = tmp_path / "a-folder.bluebook.json"
    folder.mkdir()  # a book file cannot be written over a folder
    args = ["--db", db, "export", "1", "--json", folder, "--pdf", pdf, "--docx", docx]
    lines = _fails(capsys, *args)
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"蓝皮书文件 {folder} 未写出：")
    assert lines[1].startswith(f"PDF {pdf} 未写出：") and "U+1F600" in lines[1]
    assert not pdf.exists()
    # The Word file, which can hold every character, is written all the same.
    with zipfile.ZipFile(docx) as word:
        assert "微笑😀" in word.read("word/document.xml").decode("utf-8")


@needs_poppler
def test_print_switches_of_the_settings_dialog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    book = _book_file(tmp_path)
    switches = ["--landscape", "--pad-names", "--centred-page-numbers"]
    assert main(["render", str(book), "--pdf", str(out), *switches]) == 0
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", "-l", "99", out))
    assert {(round(float(w)), round(float(h))) for w, h in sizes[1:]} == {(842, 595)}
    assert "陈 晓" in _text(out).replace("\u00a0", " ")
    words = _run("pdftotext", "-bbox", "-f", "3", "-l", "3", out, "-")
    found = re.search(r'>—</word>\s*<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>2<', words)
    assert abs((float(found.group(1)) + float(found.group(2))) / 2 - 842 / 2) < 2
    assert main(["render", str(book), "--pdf", str(tmp_path / "plain.pdf")]) == 0
    assert "陈 晓" not in _text(tmp_path / "plain.pdf").replace("\u00a0", " ")
    help_text = _help(capsys, "render")
    for switch in (*switches, "--bundled-fonts", "--missing-glyphs"):
        assert switch in help_text
    assert "--landscape" in _help(capsys, "export")


def test_bundled_fonts_switch_leaves_the_installed_fonts_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    (fonts_dir / "simhei.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(fontlib, "windows_font_dirs", lambda: [fonts_dir])
    book, out = _book_file(tmp_path), tmp_path / "out.pdf"
    [message] = _fails(capsys, "render", book, "--pdf", out)
    assert "simhei.ttf" in message
    assert main(["render", str(book), "--pdf", str(out), "--bundled-fonts"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def _help(capsys: pytest.CaptureFixture[str], command: str) -> str:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    return capsys.readouterr().out


def test_unknown_missing_glyphs_choice_is_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = replace(_fixture_book())
    path = tmp_path / "b.bluebook.json"
    path.write_text(dumps(book), encoding="utf-8")
    [message] = _fails(capsys, "render", path, "--pdf", tmp_path / "o.pdf", "--missing-glyphs", "x")
    assert message.startswith("命令行参数有误：")
