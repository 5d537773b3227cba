"""A book with its supporting files: `NAME.bluebook.zip`.

The package holds `book.bluebook.json` (the portable file) and `evidence/<sha256>` for every
supporting file the book records, nothing else. A package comes from another machine, so it
is checked before anything is taken from it: only those names (no folders, no paths leading
out, no links, no encryption, no duplicates), sizes within bounds and in proportion to what
is stored (no zip bombs), and then every file against the book's records: present, of the
recorded size and SHA-256, none extra. One failed check refuses the whole package.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, Book
from bluebook_desktop.domain.year import EVIDENCE_MAX_BYTES, Evidence, book_evidence
from bluebook_desktop.errors import UserError, os_reason
from bluebook_desktop.formats.evidence import Supporting, accept
from bluebook_desktop.formats.files import write_atomically_with
from bluebook_desktop.formats.portable import MAX_FILE_BYTES as MAX_BOOK_BYTES
from bluebook_desktop.formats.portable import dumps, loads, with_new_ids

SUFFIX = ".bluebook.zip"
BOOK_MEMBER = "book.bluebook.json"
EVIDENCE_FOLDER = "evidence/"
_EVIDENCE_MEMBER = re.compile(r"evidence/([0-9a-f]{64})")
MAX_MEMBERS = 10_001  # the book and 10,000 supporting files: far beyond a real year
MAX_TOTAL_BYTES = 4 * 2**30
MAX_RATIO = 100  # scans and photos hardly compress; the JSON about 10:1
_PIECE = 2**20

NOT_A_PACKAGE = QT_TRANSLATE_NOOP("messages", "“{name}”不是蓝皮书包（.bluebook.zip），无法导入。")
DAMAGED = QT_TRANSLATE_NOOP("messages", "蓝皮书包“{name}”已损坏（{reason}），没有导入任何内容。")
FOREIGN = QT_TRANSLATE_NOOP(
    "messages",
    "蓝皮书包“{name}”中有不属于它的内容（{member}），可能被改动过，没有导入任何内容。",
)
TOO_BIG = QT_TRANSLATE_NOOP("messages", "蓝皮书包“{name}”中的“{member}”过大，没有导入任何内容。")
BOMB = QT_TRANSLATE_NOOP(
    "messages",
    "蓝皮书包“{name}”的压缩内容异常（压缩比过高），可能是恶意构造的文件，没有导入任何内容。",
)
MISSING = QT_TRANSLATE_NOOP(
    "messages",
    "蓝皮书包“{name}”缺少佐证材料“{file}”，没有导入任何内容。请让对方重新导出蓝皮书包。",
)
CHANGED_SIZE = QT_TRANSLATE_NOOP(
    "messages",
    "蓝皮书包“{name}”中的佐证材料“{file}”与记录不符（大小不同），可能已损坏或被改动，"
    "没有导入任何内容。",
)
CHANGED_CONTENT = QT_TRANSLATE_NOOP(
    "messages",
    "蓝皮书包“{name}”中的佐证材料“{file}”与记录不符（内容不同），可能已损坏或被改动，"
    "没有导入任何内容。",
)
UNREADABLE = QT_TRANSLATE_NOOP("messages", "无法读取文件 {path}：{reason}")


@dataclass
class Package:
    """An opened package whose structure has been checked; its files are read on demand.

    Use it in a `with` block: the archive stays open (its directory read once) until then.
    """

    path: Path
    book_bytes: bytes
    _archive: zipfile.ZipFile = field(repr=False)
    _members: dict[str, zipfile.ZipInfo] = field(default_factory=dict, repr=False)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    @property
    def hashes(self) -> set[str]:
        return set(self._members)

    def verify(self, records: Iterable[Evidence], content: bool = True) -> None:
        """Every recorded file present with its size and SHA-256, and no file unrecorded.

        With `content` False the files are not read (their hashes are then checked as
        `contents` reads them, so an import reads each file once)."""
        name = self.path.name
        wanted: dict[str, Evidence] = {}
        for record in records:
            wanted.setdefault(record.sha256, record)
        for sha, record in sorted(wanted.items()):
            info = self._members.get(sha)
            if info is None:
                raise UserError(MISSING, name=name, file=record.name)
            if info.file_size != record.size:
                raise UserError(CHANGED_SIZE, name=name, file=record.name)
            if content and hashlib.sha256(self.read(sha)).hexdigest() != sha:
                raise UserError(CHANGED_CONTENT, name=name, file=record.name)
        extra = sorted(set(self._members) - set(wanted))
        if extra:
            raise UserError(FOREIGN, name=name, member=EVIDENCE_FOLDER + extra[0])

    def read(self, sha256: str) -> bytes:
        """One supporting file's bytes, at most its declared size (a lying directory entry
        cannot make it inflate further)."""
        return _read_member(self._archive, self.path, self._members[sha256])

    def contents(self, records: Iterable[Evidence]) -> Iterator[Supporting]:
        """Each recorded file once, read, its SHA-256 checked and its content accepted as a
        supporting file is when added by hand (a program renamed .pdf is refused)."""
        seen: set[str] = set()
        for record in records:
            if record.sha256 in seen:
                continue
            seen.add(record.sha256)
            # accept() hashes the bytes once; the record's hash must be that one.
            accepted = accept(self.read(record.sha256), record.name, record.added_on)
            if accepted.record.sha256 != record.sha256:
                raise UserError(CHANGED_CONTENT, name=self.path.name, file=record.name)
            yield accepted


@dataclass
class PackagedBook:
    """A package's book, read and checked, with its files read when `files` is iterated:
    importing stores each file as it is read and checked, in the same transaction as the
    book, so a file failing its check leaves nothing imported."""

    book: Book
    package: Package

    def files(self) -> Iterator[Supporting]:
        return self.package.contents(book_evidence(self.book))

    def __enter__(self) -> PackagedBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.package.close()


def read_package(path: Path) -> PackagedBook:
    """A package to import: its structure checked, its book read (with new task and step
    ids, as any imported file), every file the book records present with its size, none
    extra. Close it (a `with` block) once imported."""
    package = open_package(path)
    try:
        book = with_new_ids(loads(package.book_bytes))
        package.verify(book_evidence(book), content=False)
        return PackagedBook(book, package)
    except BaseException:
        package.close()
        raise


class StoredFiles(Mapping[str, bytes]):
    """A book's files as `write_package` takes them, each read only when written."""

    def __init__(self, hashes: Iterable[str], read: Callable[[str], bytes]) -> None:
        self._hashes = sorted(set(hashes))
        self._read = read

    def __getitem__(self, sha256: str) -> bytes:
        if sha256 not in self._hashes:
            raise KeyError(sha256)
        return self._read(sha256)

    def __iter__(self) -> Iterator[str]:
        return iter(self._hashes)

    def __len__(self) -> int:
        return len(self._hashes)


def package_book(path: Path, book: Book, read: Callable[[str], bytes]) -> None:
    """Write the book as a package: its portable file (version 2 when it has a year) and
    every file it records, `read` giving the bytes of each by its SHA-256."""
    records = book_evidence(book)
    write_package(path, dumps(book).encode("utf-8"), StoredFiles((r.sha256 for r in records), read))


def write_package(path: Path, book_json: bytes, files: Mapping[str, bytes]) -> None:
    """The book and its files, written atomically; files are stored as they are (scans and
    photos are compressed already, and storing keeps import as fast as copying)."""

    def write(out: BinaryIO) -> None:
        with zipfile.ZipFile(out, "w") as archive:
            info = zipfile.ZipInfo(BOOK_MEMBER, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, book_json)
            for sha in sorted(files):
                if not _EVIDENCE_MEMBER.fullmatch(EVIDENCE_FOLDER + sha):
                    raise ValueError(f"not a SHA-256: {sha!r}")
                info = zipfile.ZipInfo(EVIDENCE_FOLDER + sha, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED
                archive.writestr(info, files[sha])

    write_atomically_with(path, write)


def is_package(path: Path) -> bool:
    """A file to read as a package: named .bluebook.zip (or any .zip, as mail renames)."""
    return path.name.lower().endswith(".zip")


def open_package(path: Path) -> Package:
    """The package's book and the index of its files, after the structural checks."""
    name = path.name
    try:
        info = path.stat()
    except OSError as exc:
        raise UserError(UNREADABLE, path=str(path), reason=os_reason(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise UserError(NOT_A_PACKAGE, name=name)
    try:
        with open(path, "rb") as file:
            if file.read(4) != b"PK\x03\x04":
                raise UserError(NOT_A_PACKAGE, name=name)
        archive = zipfile.ZipFile(path)  # noqa: SIM115 - the Package closes it
    except UserError:
        raise
    except OSError as exc:
        raise UserError(UNREADABLE, path=str(path), reason=os_reason(exc)) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UserError(DAMAGED, name=name, reason="压缩包结构错误") from exc
    try:
        members = archive.infolist()
        evidence = _check_members(name, members)
        book = next((m for m in members if m.filename == BOOK_MEMBER), None)
        if book is None:
            raise UserError(NOT_A_PACKAGE, name=name)
        return Package(path, _read_member(archive, path, book), archive, evidence)
    except BaseException:
        archive.close()
        raise


def _check_members(name: str, members: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(members) > MAX_MEMBERS:
        raise UserError(TOO_BIG, name=name, member=f"{len(members)} 个文件")
    if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise UserError(TOO_BIG, name=name, member="全部内容")
    seen: set[str] = set()
    evidence: dict[str, zipfile.ZipInfo] = {}
    for member in members:
        filename = member.filename
        match = _EVIDENCE_MEMBER.fullmatch(filename)
        kind = stat.S_IFMT(member.external_attr >> 16)  # 0 when the zip names no file type
        if (
            (filename != BOOK_MEMBER and not match)
            or filename in seen
            or kind not in (0, stat.S_IFREG)  # a link, a folder, a device
            or member.flag_bits & 0x1  # encrypted
            or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
        ):
            raise UserError(FOREIGN, name=name, member=filename[:200])
        seen.add(filename)
        limit = MAX_BOOK_BYTES if filename == BOOK_MEMBER else EVIDENCE_MAX_BYTES
        if member.file_size > limit:
            raise UserError(TOO_BIG, name=name, member=filename)
        if member.file_size > _PIECE and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise UserError(BOMB, name=name)
        if match:
            evidence[match.group(1)] = member
    return evidence


def _read_member(archive: zipfile.ZipFile, path: Path, member: zipfile.ZipInfo) -> bytes:
    """A member's bytes read in pieces, never more than its declared size plus one byte."""
    pieces: list[bytes] = []
    held = 0
    try:
        with archive.open(member) as stream:
            while held <= member.file_size:
                piece = stream.read(min(_PIECE, member.file_size + 1 - held))
                if not piece:
                    break
                pieces.append(piece)
                held += len(piece)
    except OSError as exc:
        raise UserError(UNREADABLE, path=str(path), reason=os_reason(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - bad CRC, zlib.error, truncation: damaged data
        raise UserError(DAMAGED, name=path.name, reason="压缩数据损坏") from exc
    if held > member.file_size:
        raise UserError(BOMB, name=path.name)
    return b"".join(pieces)
