"""The -wal file beside a database, checked before SQLite opens it.

SQLite replays the valid start of a -wal file and silently drops everything from the first
frame whose checksum fails: if something outside (an antivirus, a sync tool) damaged the
file, transactions reported stored are gone without a word. With synchronous=FULL every
committed frame was on disk before the commit returned, so a committed frame of the
current -wal that follows a broken one means damage, not a torn last write.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}
_HEADER = 32
_FRAME_HEADER = 24


def _checksum(data: bytes, s0: int, s1: int, order: str) -> tuple[int, int]:
    values = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(values), 2):
        s0 = (s0 + values[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + values[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def damage(database: Path) -> str | None:
    """What is wrong with the database's -wal file, or None (none there, or sound)."""
    path = database.with_name(database.name + "-wal")
    try:
        with path.open("rb") as file:
            data = file.read()
    except OSError:
        return None
    if len(data) < _HEADER:
        return None  # empty (after a checkpoint) or never written
    magic, _version, page_size, _sequence, salt1, salt2, c0, c1 = struct.unpack(
        ">8I", data[:_HEADER]
    )
    order = _MAGIC.get(magic)
    if order is None or page_size < 512 or page_size & (page_size - 1):
        if any(data[:_HEADER]):
            return "-wal 文件头已损坏"
        return None
    # The header's byte order field is big-endian; its checksum uses the order it names.
    if _checksum(data[:24], 0, 0, order) != (c0, c1):
        return "-wal 文件头校验失败"
    s0, s1 = c0, c1
    frame = _FRAME_HEADER + page_size
    broken = False
    for start in range(_HEADER, len(data) - frame + 1, frame):
        header = data[start : start + _FRAME_HEADER]
        _page, commit, f1, f2, k0, k1 = struct.unpack(">6I", header)
        if (f1, f2) != (salt1, salt2):
            if broken:
                continue
            break  # an older generation's frames: the end of this -wal's content
        if broken:
            if commit:
                return "-wal 文件中间已损坏，其后已保存的修改无法读取"
            continue
        s0, s1 = _checksum(header[:8], s0, s1, order)
        s0, s1 = _checksum(data[start + _FRAME_HEADER : start + frame], s0, s1, order)
        if (s0, s1) != (k0, k1):
            broken = True
    return None
