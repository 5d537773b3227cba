"""Reading a file the user chose, bounded: only a regular file, at most its limit.

A FIFO, /dev/zero or /dev/urandom would otherwise be read without end; a file that grows
while it is read is cut at the limit plus one byte, which is enough to say it is too big.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.errors import UserError, os_reason

NOT_A_FILE = QT_TRANSLATE_NOOP(
    "messages", "{path} 不是普通文件（可能是文件夹、设备或管道），无法读取。"
)


def read_limited(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it holds more than `limit` bytes; UserError if unreadable."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UserError(
                "无法读取文件 {path}：{reason}", path=str(path), reason="这是一个文件夹，不是文件"
            )
        if not stat.S_ISREG(info.st_mode):
            raise UserError(NOT_A_FILE, path=str(path))
        if info.st_size > limit:
            return None
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open does not hang.
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise UserError(NOT_A_FILE, path=str(path))
            # The size known now, plus one byte to see whether it grew; then pieces, so that
            # no buffer of the whole limit is ever set aside.
            pieces = [file.read(info.st_size + 1)]
            held = len(pieces[0])
            while held > info.st_size and held <= limit:
                piece = file.read(min(2**20, limit + 1 - held))
                if not piece:
                    break
                pieces.append(piece)
                held += len(piece)
            data = b"".join(pieces)
    except OSError as exc:
        raise UserError(
            "无法读取文件 {path}：{reason}", path=str(path), reason=os_reason(exc)
        ) from exc
    return None if len(data) > limit else data
