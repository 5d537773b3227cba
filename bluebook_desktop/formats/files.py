"""Atomic writes for every file the program produces.

The new content goes to a temporary file in the target's folder and then replaces the
target in one step, so a crash, a full disk or a target locked by another program (Word
or a PDF reader on Windows) leaves the old file intact.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from bluebook_desktop.errors import UserError, os_reason


class TargetLocked(UserError):
    """The target is open in another program; the caller may offer another name."""


def write_atomically(path: Path, data: bytes) -> None:
    write_atomically_with(path, lambda out: out.write(data))


def write_atomically_with(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """As write_atomically, the content written by `write` into the open temporary file
    (a package of supporting files is written piece by piece, never held whole)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    _refuse_read_only(path)
    try:
        # A short temporary name: the target's own may already be as long as names can be.
        fd, temp = tempfile.mkstemp(prefix=".bb", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(
            "无法在文件夹 {folder} 中写入文件：{reason}", folder=str(folder), reason=_reason(exc)
        ) from exc
    try:
        # mkstemp makes the file private (0600); an exported file gets the usual mode.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise TargetLocked(
                "文件 {path} 正被其他程序打开（例如 Word 或 PDF 阅读器），无法覆盖。"
                "请关闭该程序后重试，或另存为其他文件名。",
                path=str(path),
            ) from exc
    except OSError as exc:
        raise UserError(
            "无法写入文件 {path}：{reason}", path=str(path), reason=_reason(exc)
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _refuse_read_only(path: Path) -> None:
    """A file the user made read-only is not replaced (nor its mode changed) by an export.

    Replacing by rename needs only the folder writable, so the file's own mode is checked:
    on Windows it is the read-only attribute.
    """
    try:
        info = path.stat()
    except OSError:
        return  # not there yet (or unreadable: writing says why)
    if stat.S_ISDIR(info.st_mode):
        raise UserError(
            "无法写入文件 {path}：{reason}", path=str(path), reason="这是一个文件夹，不是文件"
        )
    if not info.st_mode & stat.S_IWUSR:
        raise TargetLocked(
            "文件 {path} 是只读的，没有覆盖。请取消该文件的“只读”属性，或另存为其他文件名。",
            path=str(path),
        )


def _reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入权限"
    return os_reason(exc)
