"""Every book of a database in one file: `NAME.bluebooks.zip`, the logical backup.

It holds `books/N.bluebook.zip` for each book, each a package (formats.package) with the
book's supporting files, stored as they are, and `expected-units.json`, the collecting
office's lists of units expected each year ({"2021": ["…局", …], …}). It is read the same
from a SQLite file or a PostgreSQL server and restores into either, so an office can move
its books between them; a server's own backups remain pg_dump's business. Reading it checks
the archive's own structure here and each package with every check an imported package has.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, Book
from bluebook_desktop.errors import UserError, os_reason
from bluebook_desktop.formats.files import write_atomically_with
from bluebook_desktop.formats.package import MAX_TOTAL_BYTES, package_book

SUFFIX = ".bluebooks.zip"
_MEMBER = re.compile(r"books/(\d{1,6})\.bluebook\.zip")
EXPECTED_MEMBER = "expected-units.json"
MAX_EXPECTED_BYTES = 5 * 2**20  # a district's few hundred names a year are a few KB
MAX_BOOKS = 100_000

NOT_AN_ARCHIVE = QT_TRANSLATE_NOOP(
    "messages", "“{name}”不是全部蓝皮书的备份文件（.bluebooks.zip），无法恢复。"
)
FOREIGN = QT_TRANSLATE_NOOP(
    "messages", "备份文件“{name}”中有不属于它的内容（{member}），可能被改动过，没有恢复任何内容。"
)
TOO_BIG = QT_TRANSLATE_NOOP("messages", "备份文件“{name}”过大或内容过多，没有恢复任何内容。")
UNREADABLE = QT_TRANSLATE_NOOP("messages", "无法读取文件 {path}：{reason}")


class Shelf(Protocol):
    """What a backup reads: the database's books and their files' bytes."""

    def list_books(self) -> Sequence[Any]: ...  # each with .id

    def load(self, book_id: int) -> Book: ...

    def evidence_data(self, sha256: str) -> bytes: ...

    def expected_lists(self) -> dict[int, list[str]]: ...


@dataclass
class Opened:
    """An archive whose structure was checked: its packages, each a function writing it
    into a given folder and returning the file (read with read_package), and the lists of
    expected units by year."""

    packages: list[Callable[[Path], Path]]
    expected: dict[int, list[str]] = field(default_factory=dict)


class Cancelled(Exception):
    """The clerk stopped a backup: no file was written."""


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX)


def write_archive(
    path: Path,
    books: Iterable[Book],
    read: Callable[[str], bytes],
    expected: dict[int, list[str]] | None = None,
) -> int:
    """Write every book with its files' bytes (`read` gives them by SHA-256) and the lists
    of expected units; returns how many books were written. Each package is made in a
    temporary folder first, so no more than one file's bytes are in memory at a time."""
    count = 0

    def write(out: BinaryIO) -> None:
        nonlocal count
        with (
            tempfile.TemporaryDirectory(prefix="bluebook-backup-") as folder,
            zipfile.ZipFile(out, "w") as archive,
        ):
            for count, book in enumerate(books, start=1):  # noqa: B007 - counted for the caller
                package = Path(folder) / f"{count}.bluebook.zip"
                package_book(package, book, read)
                info = zipfile.ZipInfo(f"books/{count}.bluebook.zip", (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED  # packages hold compressed data already
                with open(package, "rb") as source, archive.open(info, "w") as target:
                    shutil.copyfileobj(source, target, 2**20)
                package.unlink()
            if expected:
                lists = {str(year): names for year, names in sorted(expected.items())}
                info = zipfile.ZipInfo(EXPECTED_MEMBER, (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, json.dumps(lists, ensure_ascii=False, indent=1))

    write_atomically_with(path, write)
    return count


def archive_books(
    path: Path, shelf: Shelf, going_on: Callable[[int, int], bool] | None = None
) -> int:
    """Every book of `shelf` into one archive at `path`; returns how many. `going_on(done,
    total)` is asked before each book: False stops, raising Cancelled, and leaves no file
    (the archive is written beside its place and moved there only when whole)."""
    summaries = shelf.list_books()

    def books() -> Iterator[Book]:
        for done, summary in enumerate(summaries):
            if going_on is not None and not going_on(done, len(summaries)):
                raise Cancelled
            yield shelf.load(summary.id)

    count = write_archive(path, books(), shelf.evidence_data, shelf.expected_lists())
    if going_on is not None:
        going_on(count, len(summaries))
    return count


@contextmanager
def opened_archive(path: Path) -> Iterator[Opened]:
    """The archive, checked for structure, and its lists of expected units, read."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UserError(UNREADABLE, path=str(path), reason=os_reason(exc)) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UserError(NOT_AN_ARCHIVE, name=name) from exc
    try:
        members = archive.infolist()
        if len(members) > MAX_BOOKS or sum(m.file_size for m in members) > MAX_TOTAL_BYTES * 4:
            raise UserError(TOO_BIG, name=name)
        if not members:
            raise UserError(NOT_AN_ARCHIVE, name=name)
        lists = [m for m in members if m.filename == EXPECTED_MEMBER]
        packages = [m for m in members if m.filename != EXPECTED_MEMBER]
        for member in members:
            kind = stat.S_IFMT(member.external_attr >> 16)
            if (
                not (_MEMBER.fullmatch(member.filename) or member in lists)
                or kind not in (0, stat.S_IFREG)
                or member.flag_bits & 0x1
                or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                or member.file_size > MAX_TOTAL_BYTES
            ):
                raise UserError(FOREIGN, name=name, member=member.filename[:200])
        if len({m.filename for m in members}) != len(members):
            raise UserError(FOREIGN, name=name, member="重复的文件名")

        def extractor(member: zipfile.ZipInfo) -> Callable[[Path], Path]:
            def extract(folder: Path) -> Path:
                target = folder / Path(member.filename).name
                try:
                    with archive.open(member) as source, open(target, "wb") as out:
                        copied = 0
                        while piece := source.read(2**20):
                            copied += len(piece)
                            if copied > member.file_size:
                                raise UserError(TOO_BIG, name=name)
                            out.write(piece)
                except UserError:
                    raise
                except OSError as exc:
                    raise UserError(UNREADABLE, path=str(path), reason=os_reason(exc)) from exc
                except Exception as exc:  # noqa: BLE001 - bad CRC, truncation: damaged data
                    raise UserError(NOT_AN_ARCHIVE, name=name) from exc
                return target

            return extract

        expected = _expected(archive, lists[0], name) if lists else {}
        yield Opened([extractor(m) for m in sorted(packages, key=_number)], expected)
    finally:
        archive.close()


def _expected(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> dict[int, list[str]]:
    """The lists of expected units: {year: [unit, …]}, or the archive refused as foreign."""
    if member.file_size > MAX_EXPECTED_BYTES:
        raise UserError(TOO_BIG, name=name)
    try:
        with archive.open(member) as source:
            lists = json.loads(source.read(MAX_EXPECTED_BYTES + 1).decode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - bad CRC, not UTF-8, not JSON: damaged data
        raise UserError(FOREIGN, name=name, member=EXPECTED_MEMBER) from exc
    if not isinstance(lists, dict) or not all(
        isinstance(year, str)
        and year.isascii()
        and year.isdigit()
        and len(year) == 4
        and isinstance(names, list)
        and all(isinstance(n, str) for n in names)
        for year, names in lists.items()
    ):
        raise UserError(FOREIGN, name=name, member=EXPECTED_MEMBER)
    return {int(year): names for year, names in lists.items()}


def _number(member: zipfile.ZipInfo) -> int:
    match = _MEMBER.fullmatch(member.filename)
    return int(match.group(1)) if match else 0
