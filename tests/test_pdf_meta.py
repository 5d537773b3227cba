"""The PDF file itself: language, dates, subject, keywords and XMP metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from test_pdf import _fixture_book, _run, needs_poppler

from bluebook_desktop.formats.pdf import write_pdf


def _pdf(tmp_path: Path) -> Path:
    path = tmp_path / "book.pdf"
    write_pdf(_fixture_book(), path)
    return path


@needs_poppler
def test_language_and_xmp_match_the_document_information(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path)
    assert b"/Lang (zh-CN)" in pdf.read_bytes()
    info = _run("pdfinfo", pdf)
    assert re.search(r"Metadata Stream:\s+yes", info)
    xmp = _run("pdfinfo", "-meta", pdf)
    title = re.search(r"Title:\s+(.+)\n", info).group(1)
    assert f'<rdf:li xml:lang="x-default">{title}</rdf:li>' in xmp
    assert "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>" in xmp
    subject = re.search(r"Subject:\s+(.+)\n", info).group(1)
    assert subject == "政协佛山市三水区委员会2021年度绩效目标责任书"
    assert f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}' in xmp
    keywords = re.search(r"Keywords:\s+(.+)\n", info).group(1)
    assert f"<pdf:Keywords>{keywords}</pdf:Keywords>" in xmp
    producer = re.search(r"Producer:\s+(.+)\n", info).group(1)
    assert f"<pdf:Producer>{producer}</pdf:Producer>" in xmp


@needs_poppler
def test_dates_are_source_date_epoch_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1634025600")  # 2021-10-12 08:00 UTC
    pdf = _pdf(tmp_path)
    info = _run("pdfinfo", "-isodates", pdf)
    assert re.search(r"CreationDate:\s+2021-10-12T08:00:00", info)
    assert re.search(r"ModDate:\s+2021-10-12T08:00:00", info)
    assert "<xmp:CreateDate>2021-10-12T08:00:00+00:00</xmp:CreateDate>" in _run(
        "pdfinfo", "-meta", pdf
    )


@needs_poppler
def test_dates_are_real_otherwise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = time.time()
    pdf = _pdf(tmp_path)
    made = re.search(r"CreationDate:\s+(\S+)", _run("pdfinfo", "-isodates", pdf)).group(1)
    stamp = datetime.fromisoformat(made.replace("Z", "+00:00")).astimezone(timezone.utc)
    assert before - 2 <= stamp.timestamp() <= time.time() + 2
    xmp = _run("pdfinfo", "-meta", pdf)
    assert re.search(r"<xmp:ModifyDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d<", xmp)


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf not installed")
def test_qpdf_finds_no_error(tmp_path: Path) -> None:
    result = subprocess.run(
        ["qpdf", "--check", str(_pdf(tmp_path))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


# --- the faces each text prints in ---


def _fonts_of_texts(pdf: Path) -> dict[str, set[str]]:
    """Each text piece of the PDF with the font families poppler saw it in."""
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", pdf)
    families = dict(re.findall(r'<fontspec id="(\d+)"[^>]*family="([^"]+)"', xml))
    found: dict[str, set[str]] = {}
    for font, text in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml):
        found.setdefault(re.sub(r"<[^>]+>", "", text), set()).add(families[font])
    return found


@pytest.mark.skipif(not shutil.which("pdftohtml"), reason="poppler's pdftohtml not installed")
def test_headings_and_latin_have_their_own_faces_without_windows_fonts(tmp_path: Path) -> None:
    from bluebook_desktop.formats.pdf import PdfSettings

    pdf = tmp_path / "book.pdf"
    write_pdf(_fixture_book(), pdf, PdfSettings(system_fonts=False))
    fonts = _fonts_of_texts(pdf)
    heading = next(v for k, v in fonts.items() if k.startswith("职能工作任务目标"))
    assert all("WenQuanYi" in family for family in heading), heading
    phone = next(v for k, v in fonts.items() if "87771621" in k)
    assert any("LiberationSerif" in family for family in phone), phone
    body = next(v for k, v in fonts.items() if k.startswith("协商确定"))
    assert any("UMing" in family for family in body), body


@needs_poppler
def test_latin_letters_are_proportional(tmp_path: Path) -> None:
    from dataclasses import replace

    from bluebook_desktop.domain import Task

    book = replace(
        _fixture_book(),
        functional_tasks=(Task(task="t", objective="iiiiiiiiii\nMMMMMMMMMM"),),
    )
    pdf = _pdf_of(tmp_path, book)
    words = _run("pdftotext", "-bbox", pdf, "-")

    def width(word: str) -> float:
        found = re.search(rf'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>{word}<', words)
        return float(found.group(2)) - float(found.group(1))

    assert width("M" * 10) > 3 * width("i" * 10)


def _pdf_of(tmp_path: Path, book: object) -> Path:
    path = tmp_path / "book.pdf"
    write_pdf(book, path)  # type: ignore[arg-type]
    return path
