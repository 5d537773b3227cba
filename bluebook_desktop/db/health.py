"""Checks made before the live database is opened: a local disk, and an intact file.

A damaged database is moved aside, never deleted, and never silently replaced by a new
empty one: the window offers the newest good backup, the command line names it.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from bluebook_desktop.db import backup, sqlite
from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.errors import UserError
from bluebook_desktop.paths import DB_NAME

log = logging.getLogger(__name__)

DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
_SQLITE_MAGIC = b"SQLite format 3\x00"

DriveType = Callable[[str], int]


class NetworkDrive(UserError):
    pass


class DamagedDatabase(UserError):
    """The database failed its check and was moved aside (now or at an earlier start)."""

    def __init__(self, database: Path, moved: Path, newest_backup: Path | None, now: bool) -> None:
        # Whole sentences, so each can be translated as one message.
        templates = {
            (True, True): QT_TRANSLATE_NOOP(
                "messages",
                "数据库 {database} 已损坏，已移到 {moved}（没有删除）。最新的完好备份：{backup}。",
            ),
            (True, False): QT_TRANSLATE_NOOP(
                "messages",
                "数据库 {database} 已损坏，已移到 {moved}（没有删除）。没有找到完好的备份。",
            ),
            (False, True): QT_TRANSLATE_NOOP(
                "messages",
                "数据库 {database} 不存在：它曾经损坏，已移到 {moved}（没有删除）。"
                "最新的完好备份：{backup}。",
            ),
            (False, False): QT_TRANSLATE_NOOP(
                "messages",
                "数据库 {database} 不存在：它曾经损坏，已移到 {moved}（没有删除）。"
                "没有找到完好的备份。",
            ),
        }
        super().__init__(
            templates[(now, newest_backup is not None)],
            database=str(database),
            moved=str(moved),
            backup=str(newest_backup or ""),
        )
        self.database = database
        self.moved = moved
        self.newest_backup = newest_backup


def windows_drive_type(root: str) -> int:
    """GetDriveTypeW of a drive root such as "Z:\\"; 0 (unknown) elsewhere than Windows."""
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def is_network_path(path: str | Path, drive_type: DriveType = windows_drive_type) -> bool:
    """True for \\\\server\\share\\…, //server/share/… and a drive letter mapped to a share."""
    text = str(path).replace("/", "\\")
    if text.startswith(("\\\\?\\", "\\\\.\\")):  # Windows' long-path and device prefixes
        text = text[4:]
        if text.upper().startswith("UNC\\"):
            return True
    elif text.startswith("\\\\"):
        return True
    if len(text) >= 2 and text[1] == ":" and text[0].isascii() and text[0].isalpha():
        return drive_type(text[0].upper() + ":\\") == DRIVE_REMOTE
    return False


# File systems whose locks SQLite cannot trust (its documentation warns of NFS and SMB).
NETWORK_FILE_SYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "9p", "coda",
    "fuse.sshfs", "sshfs", "fuse.glusterfs", "glusterfs", "davfs", "fuse.davfs2",
    "fuse.rclone", "fuse.s3fs", "lustre", "gpfs", "ocfs2", "fuse.smbnetfs",
}  # fmt: skip
MOUNTS = Path("/proc/self/mounts")


def mount_type(path: Path, mounts: Path = MOUNTS) -> str | None:
    """The file system type of the mount holding `path` (Linux), or None when unknown."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
        target = path.resolve()
    except (OSError, RuntimeError):
        return None
    best: tuple[int, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        # Spaces and the like in mount points are written as octal escapes (\040).
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
        point_path = Path(point)
        inside = target == point_path or point_path in target.parents
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), fields[2])
    return best[1] if best else None


def is_network_mount(path: Path, mounts: Path = MOUNTS) -> bool:
    if sys.platform == "win32":
        return False
    kind = mount_type(path if path.exists() else path.parent, mounts)
    return kind is not None and kind.lower() in NETWORK_FILE_SYSTEMS


# SQLite adds -wal and -journal to the database's name: it must leave room for them.
NAME_MAX = 255
_SUFFIX_ROOM = len("-journal")


def check_name(database: Path) -> None:
    """A database name too long for its -wal/-journal companions is refused as such."""
    import os

    size = len(os.fsencode(database.name))
    if size + _SUFFIX_ROOM > NAME_MAX:
        raise UserError(
            "数据库文件名过长（{size} 字节，最多 {limit} 字节）。请换一个短一些的文件名。",
            size=size,
            limit=NAME_MAX - _SUFFIX_ROOM,
        )


def check_location(
    database: Path, drive_type: DriveType = windows_drive_type, mounts: Path = MOUNTS
) -> None:
    check_name(database)
    if is_network_path(database, drive_type) or is_network_mount(database, mounts):
        raise NetworkDrive(
            "数据库 {path} 位于网络位置（共享文件夹或网络驱动器）。SQLite 数据库在网络上"
            "无法可靠加锁，可能损坏数据，所以不能在这里使用。请把数据库放在本机磁盘上；"
            "需要与他人交换时，请用“导出蓝皮书文件”。",
            path=str(database),
        )


def check(database: Path, backup_dir: Path, drive_type: DriveType = windows_drive_type) -> None:
    """Refuse a network location; move a damaged database aside (DamagedDatabase)."""
    check_location(database, drive_type)
    if database.is_file():
        if not _claims_to_be_ours(database):
            raise UserError("文件 {path} 不是数据库文件，无法打开。", path=str(database))
        from bluebook_desktop.db import wal

        # Before SQLite opens the file: opening replays the -wal and drops a damaged part.
        damage = wal.damage(database)
        try:
            damage = damage or sqlite.quick_check(database)
            if damage is None:
                damage = _empty_beside_books(database, backup_dir)
            if damage is None:
                damage = sqlite.undecodable_text(database)
        except sqlite3.Error as exc:
            raise UserError(
                "无法读取数据库 {path}：{reason}。",
                path=str(database),
                reason=sqlite.reason(exc) or "读写数据库时出错",
            ) from exc
        if damage is None:
            return
        log.warning("database %s is damaged: %s", database, damage)
        moved = backup.move_aside(database)
        if damage == _EMPTY:
            raise DamagedDatabase(database, moved, backup.newest_with_books(backup_dir), now=True)
        raise DamagedDatabase(database, moved, backup.newest_good(backup_dir), now=True)
    if not database.exists():
        earlier = damaged_copies(database)
        if earlier:
            raise DamagedDatabase(database, earlier[-1], backup.newest_good(backup_dir), now=False)


_EMPTY = "empty"


def _empty_beside_books(database: Path, backup_dir: Path) -> str | None:
    """An emptied database (0 bytes, or no tables) next to backups holding books is damage.

    Taken for a new database, it would be backed up daily as empty until the rotation
    deleted the last copy that held the books.
    """
    if database.stat().st_size and sqlite.table_count(database):
        return None
    return _EMPTY if backup.newest_with_books(backup_dir) is not None else None


def damaged_copies(database: Path) -> list[Path]:
    """Damaged databases moved aside from this path, oldest first."""
    prefix = database.name + ".damaged-"
    if not database.parent.is_dir():
        return []
    return sorted(
        p
        for p in database.parent.iterdir()
        if p.name.startswith(prefix) and not p.name.endswith(("-wal", "-shm"))
    )


def _claims_to_be_ours(database: Path) -> bool:
    """A SQLite file, or a file under the program's own database name.

    Anything else (a text file given with --db by mistake) is refused, not moved aside;
    but a damaged header must not stop the clerk's own database from being recovered.
    """
    try:
        with database.open("rb") as file:
            header = file.read(len(_SQLITE_MAGIC))
    except OSError:
        return True  # let quick_check report it
    return header in (_SQLITE_MAGIC, b"") or database.name == DB_NAME
