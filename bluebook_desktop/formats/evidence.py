"""Supporting files (佐证材料): accepted by what their bytes are, not by their names.

A clerk attaches signed documents, photos and scans: PDF, JPEG, PNG, OFD (China's own format
for official documents) and Word or Excel files. The first bytes, and for the zip-based
formats the names inside, say which a file is; an .exe renamed .pdf is refused, and so is a
.doc, which the office cannot open everywhere. A file is known by its SHA-256, so the same
scan attached twice is kept once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.domain.year import EVIDENCE_MAX_BYTES, Evidence, Supporting
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.reading import read_limited

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
OFD = "application/ofd"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = (PDF, JPEG, PNG, OFD, DOCX, XLSX)

_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")  # .doc, .xls, .wps, and password-protected Office files

# Each refusal says what the file turned out to be, then what is accepted.
EMPTY = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”是空文件，不能作为佐证材料。"
    "佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。",
)
OLD_OFFICE = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”是旧版 Office/WPS 文件（.doc、.xls）或设有密码的文件，不能作为佐证材料。"
    "请另存为 .docx、.xlsx 或 PDF 后再添加。",
)
PROGRAM = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”是程序文件，不能作为佐证材料。"
    "佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。",
)
OTHER_ZIP = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”是压缩包，不是 OFD、Word 或 Excel 文件，不能作为佐证材料。"
    "佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。",
)
UNKNOWN = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”不是可接受的文件类型，不能作为佐证材料。"
    "佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。",
)
TOO_BIG = QT_TRANSLATE_NOOP(
    "messages", "“{name}”超过 {limit} MB，不能作为佐证材料。请压缩或拆分后再添加。"
)


def media_type(data: bytes) -> str | None:
    """What the bytes are, as a media type of MEDIA_TYPES; None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        if "OFD.xml" in names:
            return OFD
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    return None


def _zip_names(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return set()


def _refusal(data: bytes) -> str:
    if not data:
        return EMPTY
    if data.startswith(_OLE2):
        return OLD_OFFICE
    if data.startswith((b"MZ", b"\x7fELF", b"#!")):
        return PROGRAM
    if data.startswith(b"PK\x03\x04"):
        return OTHER_ZIP
    return UNKNOWN


def accept(data: bytes, name: str, added_on: dt.date | None = None) -> Supporting:
    """The record of a supporting file, or UserError saying in words why it is refused."""
    if len(data) > EVIDENCE_MAX_BYTES:
        raise UserError(TOO_BIG, name=name, limit=EVIDENCE_MAX_BYTES // 2**20)
    kind = media_type(data)
    if kind is None:
        raise UserError(_refusal(data), name=name)
    record = Evidence(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        media_type=kind,
        added_on=added_on,
    )
    return Supporting(record, data)


def read_supporting(path: Path, added_on: dt.date | None = None) -> Supporting:
    """A supporting file from disk, read bounded (see formats.reading) and accepted."""
    data = read_limited(path, EVIDENCE_MAX_BYTES)
    if data is None:
        raise UserError(TOO_BIG, name=path.name, limit=EVIDENCE_MAX_BYTES // 2**20)
    return accept(data, path.name, added_on)
