"""The printed, Word and portable outputs of fixed books, byte for byte.

The hashes were taken from the program as it was before its modules were rearranged (the
form described as data, the store, the formats package); a rearrangement changes no byte
of what a clerk prints or hands in. A change that is meant to alter an output updates the
hash here in the same commit and says why.

reportlab and python-docx write the bytes, so the hashes hold for the versions they were
taken with; with other versions the comparison is not made (and the test says so).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import zipfile
from importlib.metadata import version

import pytest

from bluebook_desktop.domain import Book, ScheduleEntry
from bluebook_desktop.formats.docx import docx_bytes
from bluebook_desktop.formats.pdf import PdfSettings, render_pdf
from bluebook_desktop.formats.portable import dumps

# Changed on purpose since they were taken: the Word files' font table names the other
# names and families of 宋体, 仿宋, 黑体 and Times New Roman (Liberation Serif).
TAKEN_WITH = {"reportlab": "5.1.0", "python-docx": "1.2.0", "lxml": "6.1.3"}

GOLDEN = {
    "real.json": "a09199709d88c418e5e5065f9d98380812f7c368e35bfa77a24b2c1968de3ef4",
    "real.pdf": "edcef20850d308ab57993232d4d1c29a0dcb0169d36da267d9655d245029f673",
    "real-landscape.pdf": "2a7d3fd35fb45b09d7b8f94521bdf28a16aa83fffa0b507c12442f9a5f6a6a76",
    "real.docx": "bac8c58f52a63a71ace01b8ecd867a5437f0129afc0841fac5c2535ba97b2f44",
    "long.pdf": "02bac8fba951d6338aa3711ba6c47841b273008f3c6009f9a10f0c0d34f7de22",
    "long.docx": "f85f6c7e8ce887a5bdb569ed4e2755a1c009934e356f8c050ce445fec23990ac",
    "none.pdf": "6a2d2ec9f6625a9c26259e805b98b6bf6d28235c93c056a29574948cfa444463",
    "none.docx": "b04eabc7304eb2f5b927a7f32f1d6fb19ca19bac9643f0b37c94e439d1872be3",
}


def _long_book(book: Book) -> Book:
    """A long and odd book: 60 functional tasks with many steps and leaders, no key task,
    a long opinion; fixed ids, so its bytes are fixed too."""
    base = book.functional_tasks
    tasks = []
    for i in range(60):
        task = base[i % len(base)]
        steps = tuple(
            ScheduleEntry(quarters=(q,), text=f"第{q}步：{task.objective[: 10 + 7 * q]}")
            for q in (1, 2, 3, 4)
        )
        tasks.append(
            dataclasses.replace(
                task,
                id=f"{i:032x}",
                task=task.task * (1 + i % 3),
                schedule=task.schedule + steps * (i % 2),
                leaders=("陈晓", "欧阳明月", "李四", "王五")[: 1 + i % 4],
            )
        )
    return dataclasses.replace(
        book,
        no_key_tasks=True,
        functional_tasks=tuple(tasks),
        head_opinion="同意。" + "本单位将认真落实各项目标任务，按季度报送进展情况。" * 30,
    )


def _none_book(book: Book) -> Book:
    """Neither table has a task: the key table prints 无, the functional one a blank row."""
    return dataclasses.replace(book, key_tasks=(), functional_tasks=(), head_opinion="")


def _outputs(book: Book) -> dict[str, bytes]:
    plain = PdfSettings(system_fonts=False)
    landscape = PdfSettings(
        system_fonts=False,
        landscape_tables=True,
        pad_two_character_names=True,
        centred_page_numbers=True,
    )
    long, none = _long_book(book), _none_book(book)
    return {
        "real.json": dumps(book).encode(),
        "real.pdf": render_pdf(book, plain),
        "real-landscape.pdf": render_pdf(book, landscape),
        "real.docx": docx_bytes(book),
        "long.pdf": render_pdf(long, plain),
        "long.docx": docx_bytes(long),
        "none.pdf": render_pdf(none, plain),
        "none.docx": docx_bytes(none),
    }


def test_outputs_are_the_bytes_they_were(fixture_book: Book) -> None:
    versions = {name: version(name) for name in TAKEN_WITH}
    if versions != TAKEN_WITH:
        pytest.skip(f"hashes taken with {TAKEN_WITH}, installed {versions}")
    hashes = {
        name: hashlib.sha256(data).hexdigest() for name, data in _outputs(fixture_book).items()
    }
    assert hashes == GOLDEN


def test_a_word_file_is_dated_by_source_date_epoch(fixture_book: Book) -> None:
    """What the hashes rest on: python-docx dates every archive member with the clock."""
    data = docx_bytes(fixture_book)  # conftest sets SOURCE_DATE_EPOCH to 2021-10-12 08:00 UTC
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        dates = {member.date_time for member in archive.infolist()}
        core = archive.read("docProps/core.xml").decode()
    assert dates == {(2021, 10, 12, 8, 0, 0)}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2021-10-12T08:00:00Z' in core
    assert docx_bytes(fixture_book) == data
