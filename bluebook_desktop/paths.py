"""Every folder and file the program uses, found once at start-up.

The database lives in the per-user, non-roaming data folder (AppData\\Local on Windows)
unless ``--db PATH`` or the BLUEBOOK_DB environment variable points elsewhere. A file
``portable.txt`` beside the frozen executable keeps everything in a folder beside the
program instead (a USB stick); the BLUEBOOK_HOME environment variable names such a folder
anywhere. In both cases the settings are a settings.ini there, not the registry (Windows)
or ~/.config (Linux). Nothing here runs at import time.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from bluebook_desktop import APP_NAME

DB_ENV = "BLUEBOOK_DB"
HOME_ENV = "BLUEBOOK_HOME"
SETTINGS_NAME = "settings.ini"
DB_NAME = "bluebook.sqlite3"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    database: Path
    log_dir: Path
    backup_dir: Path
    # None: the platform's own store (the registry on Windows); else this .ini file.
    settings_file: Path | None = None
    # A database given as a URL (postgresql://…): `database` is then only where the file
    # would be by default, never opened (db/store.py says a URL cannot be used yet).
    url: str | None = None

    @property
    def location(self) -> str:
        """The database as given: its URL, or its file's path."""
        return self.url or str(self.database)


def program_dir() -> Path:
    """The folder of the running program: the executable's when frozen, else the source tree."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The one place resources (fonts, translations, icons) are looked up.

    A PyInstaller build unpacks them under sys._MEIPASS/resources (the spec's data list
    puts them there); an installed package carries them as bluebook_desktop/resources;
    a source checkout has them in the top-level resources/ folder.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen_root) / "resources"] if frozen_root else []
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def is_portable() -> bool:
    return (program_dir() / "portable.txt").is_file()


def resolve(db_option: str | os.PathLike[str] | None = None) -> Paths:
    """Find the folders once; the command line beats the environment beats the default."""
    home = os.environ.get(HOME_ENV)
    own_folder = is_portable() or bool(home)
    if is_portable():
        data_dir = program_dir() / "data"
    elif home:
        data_dir = absolute(Path(home))
    else:
        import appdirs

        # appauthor=False: no doubled folder (AppData\Local\BluebookDesktop\BluebookDesktop).
        data_dir = Path(appdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
        if sys.platform == "win32":
            data_dir = long_path(data_dir.parent) / data_dir.name
    chosen = db_option or os.environ.get(DB_ENV)
    url = str(chosen) if chosen and "://" in str(chosen) else None
    database = absolute(Path(chosen)) if chosen and not url else data_dir / DB_NAME
    return Paths(
        data_dir=data_dir,
        database=database,
        log_dir=data_dir / "logs",
        backup_dir=database.parent / "backups",
        settings_file=data_dir / SETTINGS_NAME if own_folder else None,
        url=url,
    )


def is_own_file(target: Path, found: Paths) -> bool:
    """True when writing `target` would replace the database, its -wal/-shm/-journal files,
    a copy moved aside as damaged, or a backup: an export must never land on those."""
    try:
        return _is_own_file(Path(target).expanduser(), found)
    except (OSError, RuntimeError):
        return False  # a path the system refuses (too long …): writing it says why


def _is_own_file(target: Path, found: Paths) -> bool:
    database = found.database
    suffixes = ("", "-wal", "-shm", "-journal", ".lock", ".window-lock")
    own = {database.with_name(database.name + s) for s in suffixes}
    resolved = target.resolve()
    folder = found.backup_dir.resolve()
    if resolved in {p.resolve() for p in own} or resolved.parent == folder:
        return True
    if resolved.parent == database.parent.resolve() and resolved.name.startswith(
        database.name + ".damaged-"
    ):
        return True
    if not target.exists():
        return False
    for path in (*own, *(found.backup_dir.glob("*") if found.backup_dir.is_dir() else ())):
        try:
            if path.exists() and os.path.samefile(path, target):  # a link to one of them
                return True
        except OSError:
            continue
    return False


def check_output(target: Path, found: Paths) -> None:
    """Refuse, before anything is written, an output that would replace the program's own."""
    if is_own_file(target, found):
        from bluebook_desktop.errors import UserError

        raise UserError(
            "{path} 是本程序的数据库或备份文件，导出到这里会把它覆盖。请另选一个文件名。",
            path=str(target),
        )


def absolute(path: Path) -> Path:
    """The absolute, resolved path; where the system cannot resolve it (a drive that does
    not answer, Wine on a long path), the absolute one, to fail later in plain words."""
    path = path.expanduser()
    try:
        return path.resolve()
    except OSError:
        return Path(os.path.abspath(path))


def long_path(folder: Path) -> Path:
    """Windows: the folder's full name. appdirs gives the 8.3 short name (C:\\Users\\____~EJJ)
    of a profile folder with Chinese characters, which no clerk would recognise."""
    import ctypes

    buffer = ctypes.create_unicode_buffer(32768)
    length = ctypes.windll.kernel32.GetLongPathNameW(str(folder), buffer, len(buffer))
    return Path(buffer.value) if 0 < length < len(buffer) else folder
