"""The printed book: text, pages, fonts and wrapping of the PDF, read back with poppler."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.files import FIXTURE_BOOK

from bluebook_desktop.domain import Book, ScheduleEntry, Task, chinese_date, chinese_month
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats import fonts as fontlib
from bluebook_desktop.formats.files import TargetLocked
from bluebook_desktop.formats.pdf import (
    MISSING_MARK,
    PdfSettings,
    fonts_in_use,
    missing_characters,
    render_pdf,
    write_pdf,
)

FIXTURE = FIXTURE_BOOK
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed"
)

RARE = "堃珺喆玥昇赟镕𠀾"
MARKUP = "a<b> & c &amp; </para> <br/> \\back\\slash 《书名》，“引号”：；"


def _fixture_book() -> Book:
    from bluebook_desktop.formats.portable import loads

    return loads(FIXTURE.read_bytes())


@pytest.fixture(scope="module")
def fixture_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "book.pdf"
    write_pdf(_fixture_book(), path)
    return path


def _write(tmp_path: Path, book: Book, settings: PdfSettings | None = None) -> Path:
    path = tmp_path / "out.pdf"
    write_pdf(book, path, settings)
    return path


def _run(*args: str | Path) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def _text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text layer in content order (cells are drawn row by row, left to right)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return _run("pdftotext", "-raw", "-enc", "UTF-8", *pages, pdf, "-")


def _flat(text: str) -> str:
    """Without any blank: lines wrap anywhere in a cell, padded names hold a no-break space."""
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def _pages(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", pdf)).group(1))


def _in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(_flat(needle), position)
        assert found >= 0, f"{needle!r} missing, or out of reading order"
        position = found + len(_flat(needle))


def _book_texts(book: Book) -> list[str]:
    cover = book.cover
    texts = [
        cover.attachment,
        str(cover.year),
        cover.title,
        f"（{cover.edition}）",
        cover.unit_name,
        "（公章）",
        f"{cover.filler_name} {cover.filler_position}",
        cover.phone,
        chinese_date(cover.filled_on),
        cover.issuer + "编制",
        chinese_month(cover.issued_on),
        book.key_tasks_title,
        "注：" + book.key_tasks_note,
        book.functional_tasks_title,
        "注：" + book.functional_tasks_note,
    ]
    for number, task in enumerate(book.functional_tasks, 1):
        texts += [str(number), task.task, *task.objective_lines(), *task.schedule_lines()]
        texts += [" ".join(task.leaders)]
    return [*texts, "单位负责人意见", book.head_opinion, "单位负责人（签名）：", "单位盖章："]


def _with_tasks(book: Book, *tasks: Task, key: tuple[Task, ...] = ()) -> Book:
    return replace(book, functional_tasks=tasks, key_tasks=key, no_key_tasks=not key)


# --- the fixture's PDF ---


@needs_poppler
def test_fixture_prints_every_text_in_reading_order(fixture_pdf: Path) -> None:
    book = _fixture_book()
    assert book.functional_tasks, "the fixture should have tasks"
    _in_order(_flat(_text(fixture_pdf)), _book_texts(book))


@needs_poppler
def test_fixture_is_a4_portrait(fixture_pdf: Path) -> None:
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", "-l", "99", fixture_pdf))
    assert len(sizes) == _pages(fixture_pdf) >= 3
    assert {(round(float(w)), round(float(h))) for w, h in sizes} == {(595, 842)}


@needs_poppler
def test_every_font_is_embedded(fixture_pdf: Path) -> None:
    rows = _run("pdffonts", fixture_pdf).splitlines()[2:]
    assert rows
    for row in rows:
        name, kind, *_rest = row.split()
        emb = row.split()[-5]
        assert emb == "yes", f"font {name} ({kind}) is not embedded"
        assert "Helvetica" not in name


@needs_poppler
def test_last_page_holds_the_closing_block_and_the_last_task(fixture_pdf: Path) -> None:
    book = _fixture_book()
    last_page = _flat(_text(fixture_pdf, first=_pages(fixture_pdf)))
    last_task = book.functional_tasks[-1]
    for text in [last_task.objective, *last_task.schedule_lines(), "单位负责人意见", "单位盖章："]:
        assert _flat(text) in last_page
    assert "年月日" in last_page


@needs_poppler
def test_header_repeats_on_every_page_of_the_table(fixture_pdf: Path) -> None:
    header = _flat("序号 工作任务 年度目标 全年进度安排 责任领导")
    pages = [_flat(_text(fixture_pdf, n, n)) for n in range(1, _pages(fixture_pdf) + 1)]
    first = next(i for i, page in enumerate(pages) if "职能工作任务目标" in page)
    assert len(pages) - first >= 2, "the fixture's table should run over several pages"
    for page in pages[first:]:
        assert header in page


@needs_poppler
def test_cover_has_no_page_number_and_the_form_pages_are_numbered(fixture_pdf: Path) -> None:
    assert "—" not in _text(fixture_pdf, 1, 1)
    for number in range(1, _pages(fixture_pdf)):
        assert f"— {number} —" in _text(fixture_pdf, number + 1, number + 1)


@needs_poppler
def test_page_numbers_sit_on_the_outer_side(fixture_pdf: Path) -> None:
    def number_x(page: int) -> float:
        html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), fixture_pdf, "-")
        found = re.search(rf'>—</word>\s*<word xMin="([\d.]+)"[^>]*>{page - 1}</word>', html)
        return float(found.group(1))

    assert number_x(2) > 595 / 2  # page 1 (odd) on the right
    assert number_x(3) < 595 / 2  # page 2 (even) on the left


@needs_poppler
def test_metadata(fixture_pdf: Path) -> None:
    info = _run("pdfinfo", fixture_pdf)
    assert re.search(r"Title:\s+佛山市三水区政协机关绩效目标责任书（蓝皮书）", info)
    assert re.search(r"Subject:\s+政协佛山市三水区委员会2021年度绩效目标责任书\n", info)
    assert re.search(
        r"Keywords:\s+绩效目标责任书, 蓝皮书, 2021年度, 政协佛山市三水区委员会\n", info
    )
    assert re.search(r"Author:\s+政协佛山市三水区委员会", info)
    assert re.search(r"Creator:\s+绩效目标责任书填报 \d", info)


def test_same_book_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    book = _fixture_book()
    settings = PdfSettings(landscape_tables=True, pad_two_character_names=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1634025600")
    first = render_pdf(book, settings)
    time.sleep(1.1)  # the clock moves on; SOURCE_DATE_EPOCH holds the file's date
    assert render_pdf(book, settings) == first


# --- settings ---


@needs_poppler
def test_landscape_tables_and_padded_names(tmp_path: Path) -> None:
    settings = PdfSettings(
        landscape_tables=True, pad_two_character_names=True, centred_page_numbers=True
    )
    pdf = _write(tmp_path, _fixture_book(), settings)
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", "-l", "99", pdf))
    assert (round(float(sizes[0][0])), round(float(sizes[0][1]))) == (595, 842)  # cover
    assert {(round(float(w)), round(float(h))) for w, h in sizes[1:]} == {(842, 595)}
    assert "陈 晓" in _text(pdf).replace("\u00a0", " ")


@needs_poppler
def test_no_key_tasks_prints_one_row_of_none(tmp_path: Path) -> None:
    book = replace(_fixture_book(), no_key_tasks=True)
    text = _flat(_text(_write(tmp_path, book), 2, 2))
    assert "牵头/协办" + "无" * 6 in text


@needs_poppler
def test_key_tasks_print_with_their_role(tmp_path: Path) -> None:
    key = Task(task="重点任务", objective="推进改革。", leaders=("王五",), role="牵头")
    book = _with_tasks(_fixture_book(), *_fixture_book().functional_tasks, key=(key,))
    _in_order(_flat(_text(_write(tmp_path, book))), ["1", "重点任务", "推进改革。", "王五", "牵头"])


# --- text is text ---


@needs_poppler
def test_markup_and_rare_characters_come_back(tmp_path: Path) -> None:
    task = Task(
        task="特殊",
        objective=f"{MARKUP}\n第二行\r\n第三行",
        target=RARE,
        schedule=(ScheduleEntry((2, 3), "x < y && y > z"),),
        leaders=("欧阳建国", "陈晓"),
    )
    text = _text(_write(tmp_path, _with_tasks(_fixture_book(), task)))
    flat = _flat(text)
    for expected in (MARKUP, "第二行", "第三行", "目标：" + RARE, "第二、三季度：x < y && y > z"):
        assert _flat(expected) in flat
    # Line breaks as typed: each line starts a new line of the cell.
    assert re.search(r"\n第二行\n第三行\n", text)


def test_fonts_cover_the_rare_name_characters() -> None:
    assert missing_characters(_with_tasks(_fixture_book(), Task(task=RARE))) == []


def test_spaces_and_tabs_are_kept() -> None:
    from bluebook_desktop.formats.pdf_markup import markup

    fonts = fontlib.choose_fonts(system_fonts=False)

    def text(typed: str) -> str:  # the markup without its font changes
        return re.sub(r"</?font[^>]*>", "", markup(typed, fonts, fonts.body))

    assert "\u00a0 \u00a0" not in text("a  b")  # two spaces, one kept as is
    assert text("  a  b ") == "\u00a0\u00a0a \u00a0b\u00a0"
    assert text("a\tb") == "a" + "\u00a0" * 4 + "b"
    assert text("<&>\n") == "&lt;&amp;&gt;<br/>"


def test_missing_character_is_reported_by_name(tmp_path: Path) -> None:
    book = _with_tasks(_fixture_book(), Task(task="微笑😀", objective="ሰላም"))
    missing = missing_characters(book)
    assert missing == ["😀", "ሰ", "ላ", "ም"]
    with pytest.raises(UserError) as raised:
        render_pdf(book)
    assert "U+1F600" in str(raised.value) and "GRINNING FACE" in str(raised.value)
    assert not (tmp_path / "out.pdf").exists()


@needs_poppler
def test_missing_character_prints_visibly_when_accepted(tmp_path: Path) -> None:
    book = _with_tasks(_fixture_book(), Task(task="微笑😀\u200d"))
    pdf = _write(tmp_path, book, PdfSettings(replace_missing=True))
    assert f"微笑{MISSING_MARK}" in _flat(_text(pdf))


@needs_poppler
def test_a_cell_taller_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    long_text = "".join(f"第{n}句话，内容较长。" for n in range(1, 401))
    task = Task(task="长任务", objective=long_text)
    book = _with_tasks(_fixture_book(), *_fixture_book().functional_tasks[:1], task)
    pdf = _write(tmp_path, book)
    pages = [_flat(_text(pdf, n, n)) for n in range(1, _pages(pdf) + 1)]
    start = next(i for i, page in enumerate(pages) if "第1句话" in page)
    assert len(pages) - start >= 3, "the cell should run over at least three pages"
    # Page by page, without page numbers and repeated headers, the cell reads as typed.
    assert _flat(long_text) in "".join(re.sub(r"—\d+—序号.*?责任领导", "", p) for p in pages)
    # Its end goes with the closing block.
    assert "内容较长。单位负责人意见" in pages[-1]


@needs_poppler
def test_a_row_that_fits_a_page_is_moved_whole(tmp_path: Path) -> None:
    rows = [
        Task(
            task=f"任务{n}",
            objective="目标内容。" * 40,
            schedule=(ScheduleEntry((n % 4 + 1,), "安排"),),
        )
        for n in range(1, 9)
    ]
    pdf = _write(tmp_path, _with_tasks(_fixture_book(), *rows))
    pages = [_flat(_text(pdf, n, n)) for n in range(2, _pages(pdf) + 1)]
    for n in range(1, 9):
        holding = [page for page in pages if f"任务{n}目标内容" in page]
        assert len(holding) == 1, f"row {n} is cut across pages"


@needs_poppler
def test_a_long_table_prints_as_one_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows reach reportlab a window at a time; the pages are those of one whole table."""
    from bluebook_desktop.formats import pdf_tables

    model = _fixture_book().functional_tasks
    rows = [replace(model[n % len(model)], id=f"t{n}") for n in range(90)]
    rows[40] = replace(rows[40], objective="很长的年度目标，逐页续排。" * 500)  # cut across pages
    book = _with_tasks(_fixture_book(), *rows)
    windowed = tmp_path / "windowed.pdf"
    write_pdf(book, windowed)
    monkeypatch.setattr(pdf_tables, "FIRST_ROWS", len(rows) + 1)
    whole = tmp_path / "whole.pdf"
    write_pdf(book, whole)
    assert _pages(windowed) == _pages(whole) > 20
    layout = [_run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-") for pdf in (windowed, whole)]
    assert layout[0] == layout[1]


def test_closing_punctuation_never_starts_a_line() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from bluebook_desktop.formats.pdf_markup import markup
    from bluebook_desktop.formats.pdf_wrap import CANNOT_END, CANNOT_START, CJKParagraph

    fonts = fontlib.choose_fonts(system_fonts=False)
    fontlib.load(fonts.body)
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=10.5, wordWrap="CJK")
    text = "开展提案办理协商，促进“政协提案”得到办理；参见《工作要点》：目标（一）。" * 6
    for width in range(60, 200, 7):
        paragraph = CJKParagraph(markup(text, fonts, fonts.body), style)
        paragraph.wrap(width, 10_000)
        lines = ["".join(w.text for w in line.words) for line in paragraph.blPara.lines]
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (width, lines)


def test_latin_words_and_numbers_are_not_cut() -> None:
    from bluebook_desktop.formats.pdf_wrap import break_point

    chars = list("目标：实现办复率100%")
    assert break_point(chars, 0, chars.index("0")) == chars.index("1")
    chars = list("完成 report 提交")
    assert break_point(chars, 0, chars.index("p")) == chars.index("r")


# --- fonts and files ---


def test_reportlab_is_imported_only_to_render() -> None:
    code = "import sys, bluebook_desktop.formats.pdf; sys.exit('reportlab' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent).returncode
        == 0
    )


def test_bundled_fonts_in_use_without_windows_fonts() -> None:
    uses = {use.role: use for use in fonts_in_use(PdfSettings(system_fonts=False))}
    names = fontlib.ROLE_NAMES
    for role in ("body", "fangsong", "fallback"):
        assert uses[names[role]].family == "AR PL UMing CN"
    # Headings in a Hei face, Latin letters and digits in Times New Roman's metrics.
    assert uses[names["heading"]].family == "WenQuanYi Micro Hei"
    assert uses[names["latin"]].family == "Liberation Serif"
    folder = fontlib.bundled_font().path.parent
    for licence in ("uming", "wqy-microhei", "LiberationSerif"):
        assert (folder / f"{licence}.LICENSE.txt").is_file()


def test_windows_fonts_are_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    # A stand-in for 宋体 (the bundled file under Windows's name); 黑体 and 仿宋 are absent.
    _place_font(fonts_dir / "simsun.ttc")
    monkeypatch.setattr(fontlib, "windows_font_dirs", lambda: [fonts_dir])
    uses = {use.role: use.path for use in fonts_in_use()}
    assert uses[fontlib.ROLE_NAMES["body"]] == fonts_dir / "simsun.ttc"
    assert uses[fontlib.ROLE_NAMES["fangsong"]] == fonts_dir / "simsun.ttc"
    assert uses[fontlib.ROLE_NAMES["heading"]] == fontlib.bundled_heading_font().path
    assert uses[fontlib.ROLE_NAMES["latin"]] == fontlib.bundled_latin_font().path
    assert uses[fontlib.ROLE_NAMES["fallback"]] == fontlib.bundled_font().path
    assert render_pdf(_fixture_book()).startswith(b"%PDF")


def _place_font(target: Path) -> None:
    """The bundled font under a Windows font's name: a hard link, else a copy (a symbolic
    link needs a privilege on Windows)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(fontlib.bundled_font().path, target)
    except OSError:
        shutil.copyfile(fontlib.bundled_font().path, target)


def test_windows_font_lookup_reads_the_system_and_the_per_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windir, local = tmp_path / "Windows", tmp_path / "张三 李" / "AppData" / "Local"
    system_fonts, user_fonts = windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"
    _place_font(system_fonts / "simsun.ttc")  # installed by Windows
    _place_font(user_fonts / "simhei.ttf")  # installed by the clerk, without admin rights
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    with monkeypatch.context() as windows:
        windows.setattr(sys, "platform", "win32")
        assert fontlib.windows_font_dirs() == [system_fonts, user_fonts]
        fonts = fontlib.choose_fonts()
    assert fonts.body == fontlib.FontFile(system_fonts / "simsun.ttc", 0)
    assert fonts.heading == fontlib.FontFile(user_fonts / "simhei.ttf", 0)
    assert fonts.fangsong == fonts.body  # no 仿宋 anywhere: the body's Song face
    assert fonts.fallback == fontlib.bundled_font()


def test_a_broken_font_is_an_error_not_helvetica(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    (fonts_dir / "simhei.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(fontlib, "windows_font_dirs", lambda: [fonts_dir])
    with pytest.raises(UserError, match="simhei.ttf"):
        render_pdf(_fixture_book())


def test_locked_target_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(b"old")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(TargetLocked):
        write_pdf(_fixture_book(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


@needs_poppler
def test_cli_render_writes_the_pdf(tmp_path: Path) -> None:
    from bluebook_desktop.cli import main

    out = tmp_path / "cli.pdf"
    assert main(["render", str(FIXTURE), "--pdf", str(out)]) == 0
    assert "单位盖章：" in _text(out)
