"""How the printed book falls on pages for books a clerk will produce: long opinions, a
last task that nearly fills a page, rows taller than a page; read back with poppler."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_pdf import _fixture_book, _flat, _pages, _run, _text, _with_tasks, needs_poppler

from bluebook_desktop.domain import Book
from bluebook_desktop.formats.pdf import write_pdf

OPINION = "本单位同意上述绩效目标，将认真组织实施，确保各项任务按期完成。"
HEADER = _flat("序号 工作任务 年度目标 全年进度安排 责任领导")
CLOSING = ("单位负责人意见", "单位负责人（签名）：", "单位盖章：")


def _page_texts(pdf: Path) -> list[str]:
    return [_flat(_text(pdf, n, n)) for n in range(1, _pages(pdf) + 1)]


def _write(tmp_path: Path, book: Book, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    write_pdf(book, path)
    return path


def _opinion(length: int) -> str:
    return (OPINION * (length // len(OPINION) + 1))[:length]


def _body(page: str) -> str:
    """A page's text without its page number and its table header."""
    return re.sub(r"^—\d+—", "", page).replace(HEADER, "")


def _page_of(pages: list[str], text: str) -> list[int]:
    return [n for n, page in enumerate(pages) if _flat(text) in page]


@needs_poppler
@pytest.mark.parametrize("length", [460, 2_000, 20_000])
def test_a_long_opinion_flows_over_pages(tmp_path: Path, length: int) -> None:
    opinion = _opinion(length)
    pages = _page_texts(_write(tmp_path, replace(_fixture_book(), head_opinion=opinion)))
    start = _page_of(pages, "单位负责人意见")[0]
    # The opinion reads as typed over its pages ...
    assert _flat(opinion) in "".join(_body(page) for page in pages[start:])
    # ... the signature line and the seal area stand together after its end, on its page ...
    signing = "单位负责人（签名）：单位盖章：年月日"
    last = _body(pages[-1])
    assert last.endswith(signing)
    end = last.removesuffix(signing)
    assert end and _flat(opinion).endswith(end)
    # ... and the heading goes with the last task's end.
    last_task = _fixture_book().functional_tasks[-1]
    assert _flat(last_task.schedule_lines()[-1]) in pages[start]


@needs_poppler
@pytest.mark.parametrize("length", [2, 421])
def test_no_row_that_fits_a_page_is_cut(tmp_path: Path, length: int) -> None:
    book = replace(_fixture_book(), head_opinion=_opinion(length))
    pages = _page_texts(_write(tmp_path, book))
    for task in book.functional_tasks:
        for line in (*task.objective_lines(), *task.schedule_lines()):
            assert len(_page_of(pages, line)) == 1, f"{line[:12]}… is cut across pages"
    closing = _page_of(pages, "单位负责人意见")[0]
    # The closing block's page holds the last task (a page never holds only the closing).
    assert _flat(book.functional_tasks[-1].objective) in pages[closing]
    assert len(pages) <= 5


@needs_poppler
@pytest.mark.parametrize("repeats", [32, 40, 48])
def test_a_last_task_nearly_a_page_tall_is_cut_at_most_once(tmp_path: Path, repeats: int) -> None:
    book = _fixture_book()
    objective = "".join(f"第{n}项年度目标内容。" for n in range(repeats))
    last = replace(book.functional_tasks[-1], objective=objective, target="", schedule=())
    book = _with_tasks(book, *book.functional_tasks[:-1], last)
    pages = _page_texts(_write(tmp_path, book))
    holding = [n for n, page in enumerate(pages) if "项年度目标内容" in page]
    assert len(holding) <= 2, "the last task is cut into more than two pieces"
    # Its end and the whole closing block share the last page, which holds no other row.
    assert f"第{repeats - 1}项年度目标内容。" in pages[-1]
    for text in CLOSING:
        assert text in pages[-1]
    for task in book.functional_tasks[:-1]:
        assert _flat(task.objective_lines()[0]) not in pages[-1]


@needs_poppler
def test_a_row_taller_than_a_page_starts_below_the_rows_before_it(tmp_path: Path) -> None:
    book = _fixture_book()
    tasks = list(book.functional_tasks)
    tasks[2] = replace(tasks[2], objective="很长的年度目标内容，逐页续排。" * 150)
    pdf = _write(tmp_path, _with_tasks(book, *tasks))
    pages = _page_texts(pdf)
    first = _page_of(pages, "很长的年度目标内容")[0]
    assert _flat(tasks[1].objective_lines()[0]) in pages[first]
    for number in range(2, len(pages) + 1):
        page = pages[number - 1]
        assert page.count(HEADER) <= 1, f"page {number} prints the header twice"
        if HEADER in page and number - 1 != _page_of(pages, "职能工作任务目标")[0]:
            # A repeated header stands at the top of the page, above every row.
            words = _run("pdftotext", "-bbox", "-f", str(number), "-l", str(number), pdf, "-")
            header_top = float(re.search(r'yMin="([\d.]+)"[^>]*>序号<', words).group(1))
            assert header_top < 37 * 72 / 25.4 + 12, f"page {number}: header mid-page"
            assert len(re.findall(r">序号<", words)) == 1


def _rules_below(pdf: Path, page: int, x_mm: float, below_y: float) -> list[float]:
    """The y (points from the top) of the horizontal rules crossing x below `below_y`."""
    from PIL import Image

    png = pdf.with_suffix("")
    _run("pdftoppm", "-png", "-r", "72", "-gray", "-f", str(page), "-l", str(page), pdf, png)
    image = Image.open(next(png.parent.glob(f"{png.name}-*{page}.png"))).convert("L")
    x = round(x_mm * 72 / 25.4)
    dark = [y for y in range(image.height) if image.getpixel((x, y)) < 128 and y > below_y]
    rules: list[float] = []
    for y in dark:
        if not rules or y - rules[-1] > 2:
            rules.append(y)
    return rules


def _word_box(pdf: Path, page: int, word: str) -> tuple[float, float]:
    words = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-")
    found = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', words)
    assert found, word
    return float(found.group(1)), float(found.group(2))


@needs_poppler
def test_no_key_task_prints_none_and_three_blank_rows(tmp_path: Path) -> None:
    book = replace(_fixture_book(), no_key_tasks=True, key_tasks=())
    pdf = _write(tmp_path, book)
    _top, none_bottom = _word_box(pdf, 2, "无")
    heading_top, _bottom = _word_box(pdf, 2, "职能工作任务目标")
    # Down the 序号 column (28 mm margin + 5 mm): the 无 row's rule, then three blank rows.
    rules = [y for y in _rules_below(pdf, 2, 33, none_bottom) if y < heading_top]
    assert len(rules) == 4, rules
    gaps = [b - a for a, b in zip(rules, rules[1:], strict=False)]
    assert all(gap >= 12 * 72 / 25.4 - 1 for gap in gaps), gaps


@needs_poppler
def test_no_functional_task_leaves_a_row_to_write_in(tmp_path: Path) -> None:
    pdf = _write(tmp_path, _with_tasks(_fixture_book()))
    page = next(n for n, text in enumerate(_page_texts(pdf), 1) if "职能工作任务目标" in text)
    _top, header_bottom = _word_box(pdf, page, "序号")
    rules = _rules_below(pdf, page, 33, header_bottom)
    assert rules[1] - rules[0] >= 12 * 72 / 25.4 - 1, rules


@needs_poppler
def test_a_leader_name_never_breaks(tmp_path: Path) -> None:
    long_name = "阿卜杜热合曼买买提江"  # wider than the 责任领导 column
    leaders = ("王小明", "李四", long_name, "欧阳建国")
    task = replace(_fixture_book().functional_tasks[0], leaders=leaders)
    pdf = _write(tmp_path, _with_tasks(_fixture_book(), task))
    page = next(n for n, text in enumerate(_page_texts(pdf), 1) if "王小明" in text)
    lines = {name: _word_box(pdf, page, name)[0] for name in leaders}
    assert lines["王小明"] == lines["李四"]  # two short names share a line
    assert len(set(lines.values())) == 3  # the long name on its own line, whole
    assert lines["李四"] < lines[long_name] < lines["欧阳建国"]


LONG_COVER = {
    "title": "佛山市三水区人民政府西南街道派出机构绩效目标责任书",
    "unit_name": "佛山市三水区人民政府西南街道办事处派出机构综合行政执法与社会治理中心",
}


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) of every word poppler finds on the page."""
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    return [
        (text, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in re.findall(pattern, html)
    ]


@needs_poppler
def test_a_long_cover_shrinks_only_the_field_that_needs_it(tmp_path: Path) -> None:
    book = _fixture_book()
    pdf = _write(tmp_path, replace(book, cover=replace(book.cover, **LONG_COVER)))
    lines = _text(pdf, 1, 1).splitlines()
    # The title breaks between words: before 绩效目标责任书, never inside 派出机构.
    assert "佛山市三水区人民政府西南街道派出机构" in lines
    assert "绩效目标责任书" in lines
    words = {w[0]: w for w in _words(pdf, 1)}
    plain = {w[0]: w for w in _words(_write(tmp_path, book, "plain.pdf"), 1)}
    # The other fields keep their size (三号) and the cover its 28 mm margin.
    for word in ("单位名称：", "87771621", "联系电话："):
        assert words[word][4] - words[word][2] == pytest.approx(plain[word][4] - plain[word][2])
    assert words["单位名称："][1] == pytest.approx(28 * 72 / 25.4, abs=0.5)
    # The unit's name is in two smaller lines, each with its rule below it.
    name_lines = [
        w
        for w in _words(pdf, 1)
        if w[0].startswith(("佛山市三水区人民政府西南街道办", "派出机构综合"))
    ]
    assert len(name_lines) == 2
    assert all(w[4] - w[2] < 15 for w in name_lines)
    first, second = sorted(name_lines, key=lambda w: w[2])
    for x_mm in (95, 110, 125):
        rules = _rules_below(pdf, 1, x_mm, first[4] - 1)
        assert any(first[4] - 1 <= y <= second[2] + 1 for y in rules), (x_mm, rules)
        assert any(second[4] - 1 <= y <= second[4] + 8 for y in rules), (x_mm, rules)


@needs_poppler
def test_notes_are_justified(tmp_path: Path) -> None:
    pdf = _write(tmp_path, _fixture_book())
    right_edge = 595.276 - 26 * 72 / 25.4
    left_edge = 28 * 72 / 25.4
    words = _words(pdf, 2)
    start = next(i for i, w in enumerate(words) if w[0].startswith("注：请根据"))
    note = words[start : start + 3]  # the key table's note: three lines
    for text, x0, _y0, x1, _y1 in note[:-1]:
        assert x0 == pytest.approx(left_edge, abs=0.3)
        assert x1 == pytest.approx(right_edge, abs=0.3), text
    assert note[-1][3] < right_edge - 20  # the last line as typed
