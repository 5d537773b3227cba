"""The user's settings (language, print options) and remembered window state, via QSettings.

Each setting is declared once, below, as an `Option`: its key, its type and its default.
The stored settings carry a version; a settings file of an older version is brought up to
date when it is opened (a renamed key keeps its value), one step per version.

On Windows QSettings keeps them under HKEY_CURRENT_USER, which needs no administrator
rights; in portable mode they live in an .ini file in the program's data folder.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from bluebook_desktop import APP_NAME
from bluebook_desktop.paths import Paths

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

T = TypeVar("T")
_TRUE = (True, "true", "1", 1)


class Option(Generic[T]):
    """One setting: where it is stored, what kind of value it holds, its default.

    Read through a Settings object it is the stored value, or the default when nothing (or
    nothing usable: a damaged file, a value of the wrong kind, an unknown choice) is stored.
    """

    def __init__(
        self, key: str, kind: type, default: T, choices: Collection[Any] | None = None
    ) -> None:
        self.key = key
        self.kind = kind
        self.default = default
        self.choices = choices

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        owner.OPTIONS = {**getattr(owner, "OPTIONS", {}), name: self}  # type: ignore[attr-defined]

    def read(self, q: QSettings) -> T:
        value = q.value(self.key)
        if value is None or value == "":
            return self.default
        try:
            if self.kind is bool:
                converted: Any = value in _TRUE
            elif self.kind is int:
                converted = int(value)
            else:
                converted = self.kind(value)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and converted not in self.choices:
            return self.default
        return converted

    def write(self, q: QSettings, value: T | None) -> None:
        q.setValue(self.key, "" if value is None else self.kind(value))

    @overload
    def __get__(self, settings: None, owner: type | None = None) -> Option[T]: ...
    @overload
    def __get__(self, settings: Settings, owner: type | None = None) -> T: ...
    def __get__(self, settings: Settings | None, owner: type | None = None) -> T | Option[T]:
        return self if settings is None else self.read(settings.q)

    def __set__(self, settings: Settings, value: T) -> None:
        self.write(settings.q, value)


# The version of the stored settings, and what changed at each step up from a version:
# keys renamed (old key -> new key). Add a step here whenever a key is renamed.
VERSION = 2
VERSION_KEY = "settings_version"
RENAMED: dict[int, dict[str, str]] = {
    # 1 -> 2: every setting in a group of its own (interface, print, state, window).
    1: {
        "language": "interface/language",
        "last_book_id": "state/last_book_id",
        "last_folder": "state/last_folder",
    },
}


def upgrade(q: QSettings) -> int:
    """Bring stored settings of an older version up to `VERSION`; returns the version they
    are at now. A newer program's settings are left as they are (read what is known)."""
    stored = q.value(VERSION_KEY)
    if stored is None:
        # No version: settings older than the version key, or none stored yet.
        version = 1 if q.allKeys() else VERSION
    else:
        try:
            version = int(stored)
        except (TypeError, ValueError):
            version = 1
    if version > VERSION or (version == VERSION and stored is not None):
        return version
    while version < VERSION:
        for old, new in RENAMED.get(version, {}).items():
            if q.contains(old):
                if not q.contains(new):
                    q.setValue(new, q.value(old))
                q.remove(old)
        version += 1
    q.setValue(VERSION_KEY, version)
    return version


class Settings:
    OPTIONS: dict[str, Option[Any]]  # every setting, by attribute name (Option fills it)

    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings
        upgrade(qsettings)

    @classmethod
    def for_paths(cls, paths: Paths) -> Settings:
        if paths.settings_file is not None:
            return cls.in_file(paths.settings_file)
        return cls(QSettings(APP_NAME, APP_NAME))

    @classmethod
    def in_file(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # --- the settings ---
    language: Option[str] = Option("interface/language", str, DEFAULT_LANGUAGE, LANGUAGES)
    # Print options, all off by default: the form as the office's template has it.
    landscape_tables: Option[bool] = Option("print/landscape_tables", bool, False)
    pad_two_character_names: Option[bool] = Option("print/pad_two_character_names", bool, False)
    centred_page_numbers: Option[bool] = Option("print/centred_page_numbers", bool, False)
    # A PostgreSQL server's URL (never with a password), used when no --db or BLUEBOOK_DB
    # names a database; empty: the database file on this computer.
    server: Option[str] = Option("database/server", str, "")
    # Remembered state.
    _last_book_id: Option[int | None] = Option("state/last_book_id", int, None)
    _last_folder: Option[str] = Option("state/last_folder", str, "")

    def last_book_id(self) -> int | None:
        return self._last_book_id

    def set_last_book_id(self, book_id: int | None) -> None:
        self._last_book_id = book_id

    def preview_shown(self) -> bool | None:
        """Whether the live preview beside the editors was last shown (None: never chosen)."""
        value = self.q.value("window/preview_shown")
        if value is None:
            return None
        return str(value).lower() in ("true", "1")

    def set_preview_shown(self, shown: bool) -> None:
        self.q.setValue("window/preview_shown", bool(shown))

    def state(self, key: str) -> QByteArray | None:
        """A widget's saved geometry or splitter (one key per widget, so not declared)."""
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)

    def last_folder(self) -> str:
        """Where file dialogs start: the folder last used, while it exists, else the user's
        Documents (never the working folder, which on Windows is the install folder)."""
        folder = self._last_folder
        if folder and Path(folder).is_dir():
            return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents and Path(documents).is_dir():
            return documents
        return str(Path.home())

    def set_last_folder(self, folder: str) -> None:
        self._last_folder = folder
