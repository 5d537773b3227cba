"""The Word file paginates like the PDF: rows that fit a page never split, the closing block
keeps with the last task, page numbers on the outer side; checked page by page in LibreOffice
where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from test_pdf import _fixture_book, _pages, _with_tasks, needs_poppler

from bluebook_desktop.domain import Book
from bluebook_desktop.formats.docx import write_docx
from bluebook_desktop.formats.pdf import write_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
OPINION = "本单位同意上述绩效目标，将认真组织实施，确保各项任务按期完成。"


def _variants() -> dict[str, Book]:
    book = _fixture_book()
    tasks = book.functional_tasks
    objective = "".join(f"第{n}项年度目标内容。" for n in range(40))
    tall = replace(tasks[2], objective="很长的年度目标内容，逐页续排。" * 150)
    return {
        "real": book,
        "long-opinion": replace(book, head_opinion=(OPINION * 70)[:2000]),
        "last-task-590pt": _with_tasks(
            book, *tasks[:-1], replace(tasks[-1], objective=objective, target="", schedule=())
        ),
        "row-taller-than-a-page": _with_tasks(book, *tasks[:2], tall, *tasks[3:]),
        "no-functional-task": _with_tasks(book),
    }


def _xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as docx:
        return etree.fromstring(docx.read(part))


def test_rows_that_fit_a_page_cannot_split(tmp_path: Path) -> None:
    book = _variants()["row-taller-than-a-page"]
    path = tmp_path / "book.docx"
    write_docx(book, path)
    table = _xml(path).findall(".//w:body/w:tbl", NS)[-1]
    rows = table.findall("w:tr", NS)[1:]
    marked = [row.find("w:trPr/w:cantSplit", NS) is not None for row in rows]
    assert marked == [True, True, False, *[True] * (len(rows) - 3)]


def test_the_closing_block_keeps_with_the_last_task(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    write_docx(_fixture_book(), path)
    body = _xml(path).find("w:body", NS)
    last_row = body.findall("w:tbl", NS)[-1].findall("w:tr", NS)[-1]
    for p in last_row.iter(f"{W}p"):
        assert p.find("w:pPr/w:keepNext", NS) is not None
    closing = list(body)[list(body).index(body.findall("w:tbl", NS)[-1]) + 1 :]
    texts = ["".join(p.itertext()) for p in closing if p.tag == f"{W}p"]
    signature = next(p for p in closing if "单位负责人（签名）：" in "".join(p.itertext()))
    # The line to sign on: an underlined run after the label.
    assert any(r.find("w:rPr/w:u", NS) is not None for r in signature.iter(f"{W}r"))
    assert texts[-1].strip("　").startswith("年")
    for p in closing[:-2]:
        if p.tag == f"{W}p":
            assert p.find("w:pPr/w:keepNext", NS) is not None


def test_leaders_print_on_one_line_separated_by_a_space(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    write_docx(_fixture_book(), path)
    cells = ["".join(tc.itertext()) for tc in _xml(path).iter(f"{W}tc")]
    assert "何兰芳 李飞跃" in cells


def test_page_numbers_on_the_outer_side(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    write_docx(_fixture_book(), path)
    assert _xml(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    section = _xml(path).findall(".//w:sectPr", NS)[-1]
    refs = {ref.get(f"{W}type"): ref for ref in section.findall("w:footerReference", NS)}
    assert set(refs) >= {"default", "even"}
    rels = _xml(path, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for kind, side in (("default", "right"), ("even", "left")):
        footer = _xml(path, "word/" + targets[refs[kind].get(rid)])
        assert footer.find(".//w:jc", NS).get(f"{W}val") == side
        assert "PAGE" in "".join(footer.itertext())


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("lo")
    books = _variants()
    for name, book in books.items():
        write_docx(book, folder / f"{name}.docx")
        write_pdf(book, folder / f"{name}.ours.pdf")
    profile = folder / "profile"  # a private profile: a running LibreOffice must not interfere
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *[str(folder / f"{name}.docx") for name in books],
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: (folder / f"{name}.ours.pdf", folder / f"{name}.pdf") for name in books}


@needs_poppler
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", list(_variants()))
def test_word_file_has_the_pdfs_page_count(
    converted: dict[str, tuple[Path, Path]], name: str
) -> None:
    ours, word = converted[name]
    assert _pages(word) == _pages(ours)
