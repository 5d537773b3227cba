"""Supporting files and the package that carries them: what is accepted, what is refused.

Every refusal names the problem in words and leaves nothing half-imported: open_package and
Package.verify raise before any file is handed on.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from bluebook_desktop.domain.year import EVIDENCE_MAX_BYTES, Evidence
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats import evidence
from bluebook_desktop.formats.package import (
    BOOK_MEMBER,
    Package,
    open_package,
    write_package,
)

PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 40
BOOK_JSON = b'{"format": "bluebook", "version": 2, "book": {}}'


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _record(data: bytes, name: str = "会议纪要.pdf") -> Evidence:
    return Evidence(name=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))


# --- supporting files: accepted by content ---


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF_BYTES, evidence.PDF),
        (PNG_BYTES, evidence.PNG),
        (JPEG_BYTES, evidence.JPEG),
        (_zip({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<x/>"}), evidence.OFD),
        (_zip({"[Content_Types].xml": b"<T/>", "word/document.xml": b"<w/>"}), evidence.DOCX),
        (_zip({"[Content_Types].xml": b"<T/>", "xl/workbook.xml": b"<x/>"}), evidence.XLSX),
    ],
)
def test_supporting_files_are_known_by_their_bytes(data: bytes, kind: str) -> None:
    accepted = evidence.accept(data, "照片.jpg")  # the name says nothing about the content
    assert accepted.record.media_type == kind
    assert accepted.record.sha256 == hashlib.sha256(data).hexdigest()
    assert accepted.record.size == len(data)
    assert accepted.data == data


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "是空文件"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 100, "旧版 Office/WPS 文件"),
        (b"MZ\x90\x00" + b"\x00" * 100, "是程序文件"),
        (_zip({"a.txt": b"hello"}), "是压缩包"),
        ("会议纪要".encode(), "不是可接受的文件类型"),
    ],
)
def test_other_files_are_refused_saying_what_they_are(data: bytes, words: str) -> None:
    with pytest.raises(UserError) as refused:
        evidence.accept(data, "会议纪要.pdf")
    assert "“会议纪要.pdf”" in str(refused.value) and words in str(refused.value)


def test_a_supporting_file_over_50_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "扫描件.pdf"
    with open(big, "wb") as file:
        file.write(PDF_BYTES)
        file.truncate(EVIDENCE_MAX_BYTES + 1)
    with pytest.raises(UserError, match="超过 50 MB"):
        evidence.read_supporting(big)
    small = tmp_path / "扫描件2.pdf"
    small.write_bytes(PDF_BYTES)
    assert evidence.read_supporting(small).record.name == "扫描件2.pdf"


# --- the package ---


def _package(tmp_path: Path, files: dict[str, bytes]) -> Path:
    path = tmp_path / "三水区政协.bluebook.zip"
    write_package(path, BOOK_JSON, files)
    return path


def test_a_package_round_trips_the_book_and_its_files(tmp_path: Path) -> None:
    files = {_record(d).sha256: d for d in (PDF_BYTES, PNG_BYTES)}
    path = _package(tmp_path, files)
    with open_package(path) as package:
        _check_round_trip(package, files)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == BOOK_MEMBER
        assert all(
            i.compress_type == zipfile.ZIP_STORED for i in archive.infolist()[1:]
        )  # stored: import is a copy


def _check_round_trip(package: Package, files: dict[str, bytes]) -> None:
    assert package.book_bytes == BOOK_JSON
    assert package.hashes == set(files)
    records = [_record(PDF_BYTES), _record(PNG_BYTES, "照片.png"), _record(PDF_BYTES, "同一份")]
    package.verify(records)  # the same file recorded twice is one file in the package
    assert {sha: package.read(sha) for sha in files} == files


def _refused(path: Path, words: str) -> UserError:
    with pytest.raises(UserError) as refused:
        open_package(path)
    assert words in str(refused.value), str(refused.value)
    return refused.value


@pytest.mark.parametrize(
    "member",
    [
        "../outside.txt",
        "/etc/passwd",
        "evidence/../../outside",
        "evidence\\..\\outside",
        "evidence/" + "A" * 64,  # not a lowercase SHA-256
        "evidence/",  # a folder entry
        "readme.txt",
    ],
)
def test_anything_but_the_book_and_evidence_files_is_refused(tmp_path: Path, member: str) -> None:
    path = tmp_path / "p.bluebook.zip"
    path.write_bytes(_zip({BOOK_MEMBER: BOOK_JSON, member: b"x"}))
    error = _refused(path, "有不属于它的内容")
    assert "没有导入任何内容" in str(error)


def test_a_link_inside_the_package_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.bluebook.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(BOOK_MEMBER, BOOK_JSON)
        link = zipfile.ZipInfo("evidence/" + "a" * 64)
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    _refused(path, "有不属于它的内容")


def test_a_duplicate_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.bluebook.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(BOOK_MEMBER, BOOK_JSON)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr(BOOK_MEMBER, b"{}")
    _refused(path, "有不属于它的内容")


def test_a_package_without_its_book_or_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.bluebook.zip"
    path.write_bytes(_zip({"evidence/" + "a" * 64: b"x"}))
    _refused(path, "不是蓝皮书包")
    path.write_bytes(b"%PDF-1.7 renamed")
    _refused(path, "不是蓝皮书包")
    _refused(tmp_path, "不是蓝皮书包")  # a folder


def test_a_zip_bomb_is_refused_by_ratio_and_by_a_lying_directory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.bluebook.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(BOOK_MEMBER, BOOK_JSON)
        archive.writestr("evidence/" + "b" * 64, b"\x00" * (20 * 2**20))
    _refused(path, "压缩比过高")
    # A directory entry that declares a small size for a member that inflates far more:
    # reading stops at the declared size instead of unpacking all of it.
    liar = tmp_path / "liar.bluebook.zip"
    with zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(BOOK_MEMBER, b" " * 5_000_000)
    data = bytearray(liar.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    size_at = central + 24  # uncompressed size in the central directory entry
    data[size_at : size_at + 4] = (1000).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    _refused(liar, "已损坏（压缩数据损坏）")


def test_oversized_members_are_refused_from_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "big.bluebook.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(BOOK_MEMBER, BOOK_JSON)
        archive.writestr("evidence/" + "c" * 64, os.urandom(1024))
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 20 : central + 28] = (EVIDENCE_MAX_BYTES + 1).to_bytes(4, "little") * 2
    path.write_bytes(bytes(data))
    _refused(path, "过大")


def test_files_are_checked_against_the_books_records(tmp_path: Path) -> None:
    pdf, png = _record(PDF_BYTES), _record(PNG_BYTES, "照片.png")
    with open_package(_package(tmp_path, {pdf.sha256: PDF_BYTES})) as package:
        with pytest.raises(UserError, match="缺少佐证材料“照片.png”"):
            package.verify([pdf, png])
        with pytest.raises(UserError, match="与记录不符（大小不同）"):
            package.verify([Evidence(pdf.name, pdf.sha256, pdf.size + 1)])
        with pytest.raises(UserError, match="有不属于它的内容"):
            package.verify([])  # a file the book does not record
    # a file whose bytes are not the ones its name (the hash) promises
    forged = tmp_path / "forged.bluebook.zip"
    write_package(forged, BOOK_JSON, {png.sha256: PDF_BYTES[: png.size].ljust(png.size)})
    with open_package(forged) as package, pytest.raises(UserError, match="（内容不同）"):
        package.verify([png])


def test_a_damaged_package_is_refused_in_words(tmp_path: Path) -> None:
    path = _package(tmp_path, {_record(PDF_BYTES).sha256: PDF_BYTES})
    data = bytearray(path.read_bytes())
    at = data.find(PDF_BYTES)
    data[at + 5] ^= 0xFF  # one byte of the stored file flipped: its CRC no longer matches
    path.write_bytes(bytes(data))
    with open_package(path) as package, pytest.raises(UserError, match="已损坏"):
        package.verify([_record(PDF_BYTES)])
