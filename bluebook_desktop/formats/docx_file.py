"""Opening a Word file safely: checked before anything is unpacked.

A legacy .doc (or a password-protected file, which is the same container), a file that is no
zip, a damaged archive and a zip bomb are each refused with a plain message, judged from the
bytes and the zip directory alone, so python-docx only ever parses a sound .docx.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.errors import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a real book is well under 1 MB unpacked
MAX_RATIO = 100  # XML compresses about 10:1; far more is a bomb
MAX_MEMBERS = 2000
_PIECE = 64 * 1024
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # .doc, .wps, and password-protected .docx

LEGACY_DOC = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”是旧版 Word/WPS 文档（.doc）或设有密码的文档，本程序无法直接读取。"
    "请先在 Word 或 WPS 中“另存为”.docx 格式（如设有打开密码，请先取消），再导入。",
)
NOT_WORD = QT_TRANSLATE_NOOP(
    "messages", "“{name}”不是 Word 文档（.docx）。请选择用 Word 或 WPS 保存的 .docx 文件。"
)
DAMAGED = QT_TRANSLATE_NOOP(
    "messages", "“{name}”已损坏，无法读取（{reason}）。请在 Word 或 WPS 中打开并重新保存后再试。"
)
TOO_BIG = QT_TRANSLATE_NOOP(
    "messages", "“{name}”过大（解压后超过 {limit} MB），不是一份蓝皮书，已拒绝读取。"
)
BOMB = QT_TRANSLATE_NOOP(
    "messages", "“{name}”的压缩内容异常（压缩比过高），可能是恶意构造的文件，已拒绝读取。"
)


def open_document(path: Path) -> Any:
    """The python-docx Document of a checked .docx file; UserError in plain words if not."""
    name = path.name
    data = _read_bytes(path)
    _check_container(path, data)
    try:
        from docx import Document

        return Document(io.BytesIO(data))
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise UserError(NOT_WORD, name=name) from exc
        raise UserError(DAMAGED, name=name, reason=_damage(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - any failure to unpack or parse is a damaged file
        raise UserError(DAMAGED, name=name, reason=_damage(exc)) from exc


def _read_bytes(path: Path) -> bytes:
    from bluebook_desktop.formats.reading import read_limited

    data = read_limited(path, MAX_FILE_BYTES)
    if data is None:
        raise UserError(TOO_BIG, name=path.name, limit=MAX_FILE_BYTES // 2**20)
    return data


def _damage(exc: Exception) -> str:
    """The kind of damage in words; the exception's own name means nothing to a clerk."""
    kind = type(exc).__name__
    if isinstance(exc, (zipfile.BadZipFile, EOFError)) or kind == "error":  # zlib.error
        return "压缩数据损坏"
    if isinstance(exc, KeyError) or kind == "PackageNotFoundError":
        return "缺少文档的组成部分"
    if kind == "XMLSyntaxError":
        return "文档内容格式错误"
    return f"无法解析：{kind}"


def _check_container(path: Path, data: bytes) -> None:
    """Refuse what python-docx should never unpack, from the zip directory alone."""
    name = path.name
    if data.startswith(OLE2_MAGIC) or data.startswith(b"{\\rtf"):
        raise UserError(LEGACY_DOC, name=name)
    if not data.startswith(b"PK"):
        if path.suffix.lower() in (".doc", ".wps", ".rtf"):
            raise UserError(LEGACY_DOC, name=name)
        raise UserError(NOT_WORD, name=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UserError(DAMAGED, name=name, reason="压缩包结构错误") from exc
    # Declared sizes are enough: zipfile stops at the declared size and fails the CRC check.
    total = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or total > MAX_UNPACKED_BYTES:
        raise UserError(TOO_BIG, name=name, limit=MAX_UNPACKED_BYTES // 2**20)
    for member in members:
        if member.file_size > 2**20 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise UserError(BOMB, name=name)
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names:
        raise UserError(NOT_WORD, name=name)
    _check_real_sizes(path, data, members)


def _check_real_sizes(path: Path, data: bytes, members: list[zipfile.ZipInfo]) -> None:
    """Unpack every member in small pieces and stop at its declared size.

    The zip directory can lie: a member declared as 30 KB may inflate to gigabytes, and
    reading it whole (as python-docx does) would unpack all of it before the checksum
    fails. Read in pieces, at most the declared size plus one byte is ever held.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in members:
                left = member.file_size + 1
                with archive.open(member) as stream:
                    while left > 0:
                        piece = stream.read(min(_PIECE, left))
                        if not piece:
                            break
                        left -= len(piece)
                if left <= 0:
                    raise UserError(BOMB, name=path.name)
    except UserError:
        raise
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError) as exc:
        raise UserError(DAMAGED, name=path.name, reason=_damage(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - zlib.error and the like: damaged data
        raise UserError(DAMAGED, name=path.name, reason=_damage(exc)) from exc
