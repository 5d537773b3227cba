"""Collecting many units' books at once: folders, zips of files, single files.

Every file is read and stored on its own: a file that cannot be read is refused with the
same words a single import uses, and the others go on. Each book is stored in one
transaction (with a package's supporting files), so a collect stopped at any moment leaves
every book it reported imported whole and nothing half-imported.

A resubmission takes the place of the unit's earlier copy: a file with the same book uid
always, a file with the same unit name and year only when asked (`replace`). The replaced
copy is kept, not lost: it is written first as a package (or, when its supporting files'
bytes were never in the database, as a book file) into the `kept` folder, from where
`import` brings it back.

The storage is anything with the `Shelf` methods (the repository has them), so the window
can collect through the same code, with its own progress bar and cancel button.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, Book
from bluebook_desktop.domain.collection import StoredCopy, unit_key
from bluebook_desktop.domain.year import Supporting, book_evidence
from bluebook_desktop.errors import UserError, os_reason

IMPORTED = "imported"
REPLACED = "replaced"
REFUSED = "refused"
STATUS_WORDS = {
    IMPORTED: QT_TRANSLATE_NOOP("collecting", "已导入"),
    REPLACED: QT_TRANSLATE_NOOP("collecting", "已替换"),
    REFUSED: QT_TRANSLATE_NOOP("collecting", "未导入"),
}
# The files a folder is searched for; a file named on its own is read whatever its name.
BOOK_SUFFIXES = (".bluebook.json", ".json", ".bluebook.zip", ".zip", ".docx", ".doc")
MAX_MEMBER_BYTES = 512 * 2**20  # one file inside a zip of units' files
MAX_RATIO = 100

NEEDS_REPLACE = QT_TRANSLATE_NOOP(
    "collecting",
    "已有“{unit}”{year} 年的蓝皮书（编号 {id}）。如果这是重新报送的版本，"
    "请加上 --replace 替换原来的版本。",
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "collecting",
    "已有多本“{unit}”{year} 年的蓝皮书（编号 {ids}），不知道替换哪一本；请先删除多余的版本。",
)
NO_FILES = QT_TRANSLATE_NOOP("collecting", "“{path}”中没有蓝皮书文件。")
DAMAGED_ZIP = QT_TRANSLATE_NOOP("collecting", "压缩文件“{name}”已损坏（{reason}），无法读取。")
SKIPPED = QT_TRANSLATE_NOOP(
    "collecting", "已有“{unit}”{year} 年的蓝皮书（编号 {id}），按您的选择跳过，未替换。"
)
CANNOT_KEEP = QT_TRANSLATE_NOOP(
    "collecting", "无法保存被替换的版本（{reason}），原来的版本未被替换。"
)


class Shelf(Protocol):
    """Where collected books go: the repository, or anything that stores as it does."""

    def stored_copies(self) -> list[StoredCopy]: ...

    def load(self, book_id: int) -> Book: ...

    def has_evidence(self, sha256: str) -> bool: ...

    def evidence_data(self, sha256: str) -> bytes: ...

    def add(
        self, book: Book, files: Iterable[Supporting] = (), replacing: int | None = None
    ) -> Book: ...


# Asked, for a file without uid whose unit and year match a stored book, whether it takes
# that book's place (the window asks the checker; `replace` answers yes for every file).
AskReplace = Callable[[Book, StoredCopy], bool]
KEPT_FOLDER = "replaced"  # beside the database: the replaced copies


@dataclass(frozen=True)
class Outcome:
    """What became of one file."""

    name: str  # the file as the office knows it: its path, or zip/member
    status: str  # IMPORTED, REPLACED or REFUSED
    reason: str = ""  # why refused, in plain words
    book_id: int | None = None
    unit_name: str = ""
    kept: Path | None = None  # where the replaced copy went

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        words = STATUS_WORDS[self.status]
        if translate is not None:
            words = translate("collecting", words)
        return f"{words}：{self.reason}" if self.status == REFUSED else words


@dataclass
class Collected:
    outcomes: list[Outcome]
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


@dataclass(frozen=True)
class _Source:
    name: str
    path: Path
    inside_zip: bool = False


# --- finding the files ---


def _is_book_file(path: Path) -> bool:
    name = path.name.lower()
    return (
        name.endswith(BOOK_SUFFIXES)
        and not name.startswith((".", "~$"))  # hidden files, Word's lock files
    )


def _sources(paths: Sequence[Path]) -> Iterator[_Source | Outcome]:
    """Each file to read, folders searched through in name order; an Outcome for a path
    that holds nothing to read."""
    for path in paths:
        if path.is_dir():
            found = sorted(_files_under(path))
            if not found:
                yield Outcome(str(path), REFUSED, NO_FILES.format(path=path))
            for file in found:
                yield _Source(str(file), file)
        else:
            yield _Source(str(path), path)


def _files_under(folder: Path) -> Iterator[Path]:
    """The book files in a folder and its subfolders; links to folders are not followed
    (a link back up would never end)."""
    for root, _folders, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if _is_book_file(path) and path.is_file():
                yield path


def _zip_kind(path: Path) -> zipfile.ZipFile | None:
    """The zip of units' files at `path`, opened; None when it is a package (or not a
    zip at all, or damaged): then it is read as `import` reads it, with its refusals."""
    from bluebook_desktop.formats.package import BOOK_MEMBER, is_package

    if not is_package(path):  # a .docx is a zip too, but never a zip of books
        return None
    try:
        with open(path, "rb") as file:
            if file.read(4) != b"PK\x03\x04":
                return None
        archive = zipfile.ZipFile(path)  # noqa: SIM115 - closed by the caller
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return None
    if any(info.filename == BOOK_MEMBER for info in archive.infolist()):
        archive.close()
        return None
    return archive


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it: zips name their files in UTF-8 or, made on
    a Chinese Windows, in GBK, often without saying which (zipfile then reads CP437)."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def _members(archive: zipfile.ZipFile, name: str, folder: Path) -> Iterator[_Source | Outcome]:
    """The book files of a zip of units' files, each copied out into `folder` as it is
    read (never more than its declared size), then read as any file is."""
    named = sorted((_member_name(info), info) for info in archive.infolist())
    for number, (member, info) in enumerate(named):
        label = f"{name}/{member}"
        if info.is_dir() or not _is_book_file(Path(member)):
            continue
        if info.flag_bits & 0x1 or info.file_size > MAX_MEMBER_BYTES:
            yield Outcome(label, REFUSED, DAMAGED_ZIP.format(name=name, reason="文件加密或过大"))
            continue
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            yield Outcome(label, REFUSED, DAMAGED_ZIP.format(name=name, reason="压缩比过高"))
            continue
        # A folder of its own, so the file keeps its name (refusals name it).
        target = folder / str(number) / _UNSAFE.sub("_", Path(member).name)
        try:
            target.parent.mkdir()
            with archive.open(info) as stream, open(target, "wb") as out:
                held = 0
                while piece := stream.read(2**20):
                    held += len(piece)
                    if held > info.file_size:
                        raise zipfile.BadZipFile("longer than declared")
                    out.write(piece)
        except OSError as exc:
            yield Outcome(label, REFUSED, DAMAGED_ZIP.format(name=name, reason=os_reason(exc)))
            continue
        except Exception:  # noqa: BLE001 - bad CRC, zlib.error, truncation: damaged data
            yield Outcome(label, REFUSED, DAMAGED_ZIP.format(name=name, reason="压缩数据损坏"))
            continue
        yield _Source(label, target, inside_zip=True)


# --- reading one file ---


@contextmanager
def _reading(source: _Source) -> Iterator[tuple[Book, Iterable[Supporting]]]:
    """The book of a file and its supporting files (a package's, read while stored)."""
    from bluebook_desktop.formats.package import is_package, read_package

    path = source.path
    if is_package(path):
        with read_package(path) as packaged:
            yield packaged.book, packaged.files()
        return
    if path.suffix.lower() in (".docx", ".doc"):
        from bluebook_desktop.formats.docx_import import read_docx

        yield read_docx(path).book, ()
        return
    from bluebook_desktop.formats.portable import read_portable

    yield read_portable(path), ()


# --- collecting ---


class _Index:
    """The stored books by uid and by unit and year, kept up to date as books come in."""

    def __init__(self, copies: Iterable[StoredCopy]) -> None:
        self.copies: dict[int, StoredCopy] = {c.id: c for c in copies}

    def by_uid(self, uid: str) -> StoredCopy | None:
        if not uid:
            return None
        return next((c for c in self.copies.values() if c.uid == uid), None)

    def by_unit(self, unit_name: str, year: int) -> list[StoredCopy]:
        key = unit_key(unit_name)
        return [
            c
            for c in self.copies.values()
            if c.year == year and key and unit_key(c.unit_name) == key
        ]

    def put(self, book: Book, replaced: int | None) -> None:
        if replaced is not None:
            self.copies.pop(replaced, None)
        assert book.id is not None
        self.copies[book.id] = StoredCopy(book.id, book.uid, book.cover.year, book.cover.unit_name)


def collect(
    paths: Sequence[Path],
    shelf: Shelf,
    kept: Path,
    replace: bool = False,
    progress: Callable[[Outcome], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    ask_replace: AskReplace | None = None,
) -> Collected:
    """Read every file under `paths` into `shelf`; one Outcome a file, in order.

    `progress` hears of each file as it is done; `cancelled` is asked between files, and
    a collect it stops keeps what it stored (each book whole). Without `replace`,
    `ask_replace` (when given) decides for each file that would replace a book of the same
    unit and year; a file it says no to is refused as skipped."""
    index = _Index(shelf.stored_copies())
    result = Collected([])

    def report(outcome: Outcome) -> None:
        result.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)

    for item in _sources(paths):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if isinstance(item, Outcome):
            report(item)
            continue
        archive = _zip_kind(item.path) if not item.inside_zip else None
        if archive is None:
            report(_collect_one(item, shelf, index, kept, replace, ask_replace))
            continue
        with archive, tempfile.TemporaryDirectory(prefix="bluebook-collect-") as folder:
            any_member = False
            for member in _members(archive, Path(item.name).name, Path(folder)):
                any_member = True
                if cancelled is not None and cancelled():
                    result.cancelled = True
                    break
                if isinstance(member, Outcome):
                    report(member)
                else:
                    report(_collect_one(member, shelf, index, kept, replace, ask_replace))
                    member.path.unlink(missing_ok=True)
            if not any_member:
                report(Outcome(item.name, REFUSED, NO_FILES.format(path=item.name)))
        if result.cancelled:
            break
    return result


def _collect_one(
    source: _Source,
    shelf: Shelf,
    index: _Index,
    kept: Path,
    replace: bool,
    ask_replace: AskReplace | None = None,
) -> Outcome:
    try:
        with _reading(source) as (book, files):
            unit = book.cover.unit_name
            target = _target(book, index, replace, ask_replace)
            if target is not None:
                kept_file = _keep(shelf, target, kept)
                stored = shelf.add(book, files, replacing=target.id)
                index.put(stored, target.id)
                return Outcome(source.name, REPLACED, "", stored.id, unit, kept_file)
            stored = shelf.add(book, files)
            index.put(stored, None)
            return Outcome(source.name, IMPORTED, "", stored.id, unit)
    except UserError as exc:
        return Outcome(source.name, REFUSED, str(exc))


def _target(
    book: Book, index: _Index, replace: bool, ask_replace: AskReplace | None = None
) -> StoredCopy | None:
    """The stored copy this book replaces; None for a new unit. UserError when it would
    replace one but was not told to."""
    same_book = index.by_uid(book.uid)
    if same_book is not None:
        return same_book
    year = book.cover.year
    same_unit = index.by_unit(book.cover.unit_name, year)
    if not same_unit:
        return None
    unit = book.cover.unit_name
    if len(same_unit) > 1:
        ids = "、".join(str(c.id) for c in sorted(same_unit, key=lambda c: c.id))
        raise UserError(AMBIGUOUS, unit=unit, year=year, ids=ids)
    if replace:
        return same_unit[0]
    if ask_replace is None:
        raise UserError(NEEDS_REPLACE, unit=unit, year=year, id=same_unit[0].id)
    if not ask_replace(book, same_unit[0]):
        raise UserError(SKIPPED, unit=unit, year=year, id=same_unit[0].id)
    return same_unit[0]


def count_files(paths: Sequence[Path]) -> int:
    """How many files a collect of `paths` reads (a zip of units' files counts its book
    files), to show its progress; a path with nothing to read counts one (its refusal)."""
    total = 0
    for item in _sources(paths):
        if isinstance(item, Outcome):
            total += 1
            continue
        archive = _zip_kind(item.path)
        if archive is None:
            total += 1
            continue
        with archive:
            names = [_member_name(i) for i in archive.infolist() if not i.is_dir()]
        total += max(1, sum(1 for name in names if _is_book_file(Path(name))))
    return total


def kept_name(copy: StoredCopy, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    unit = _UNSAFE.sub("_", copy.unit_name.strip())[:60] or "未命名"
    return f"{copy.year}-{unit}-{copy.id}-{stamp}"


def _keep(shelf: Shelf, copy: StoredCopy, kept: Path) -> Path:
    """The replaced copy written into `kept` before it goes: a package with its files, or
    a book file when the database never had their bytes (it came from a .bluebook.json)."""
    from bluebook_desktop.formats.package import SUFFIX, package_book
    from bluebook_desktop.formats.portable import write_portable

    book = shelf.load(copy.id)
    name = kept_name(copy)
    try:
        kept.mkdir(parents=True, exist_ok=True)
        if all(shelf.has_evidence(r.sha256) for r in book_evidence(book)):
            target = kept / f"{name}{SUFFIX}"
            package_book(target, book, shelf.evidence_data)
        else:
            target = kept / f"{name}.bluebook.json"
            write_portable(book, target)
        return target
    except OSError as exc:
        raise UserError(CANNOT_KEEP, reason=os_reason(exc)) from exc
    except UserError as exc:
        raise UserError(CANNOT_KEEP, reason=str(exc)) from exc
