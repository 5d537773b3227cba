"""The user's settings (language, print options) and remembered window state, via QSettings.

On Windows QSettings keeps them under HKEY_CURRENT_USER, which needs no administrator
rights; in portable mode they live in an .ini file in the program's data folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from bluebook_desktop import APP_NAME
from bluebook_desktop.paths import Paths

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


class _Switch:
    """An on/off setting stored under `key` (QSettings gives booleans back as text)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: Settings, _owner: type | None = None) -> bool:
        return settings.q.value(self.key, False) in (True, "true", "1", 1)

    def __set__(self, settings: Settings, value: bool) -> None:
        settings.q.setValue(self.key, bool(value))


class Settings:
    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    @classmethod
    def for_paths(cls, paths: Paths) -> Settings:
        if paths.settings_file is not None:
            return cls.in_file(paths.settings_file)
        return cls(QSettings(APP_NAME, APP_NAME))

    @classmethod
    def in_file(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # --- language ---
    @property
    def language(self) -> str:
        value = str(self.q.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("language", value)

    # --- print options (all off by default: the form as the office's template has it) ---
    landscape_tables = _Switch("print/landscape_tables")
    pad_two_character_names = _Switch("print/pad_two_character_names")
    centred_page_numbers = _Switch("print/centred_page_numbers")

    # --- remembered state ---
    def last_book_id(self) -> int | None:
        value = self.q.value("last_book_id")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_book_id(self, book_id: int | None) -> None:
        self.q.setValue("last_book_id", "" if book_id is None else book_id)

    def state(self, key: str) -> QByteArray | None:
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)

    def last_folder(self) -> str:
        """Where file dialogs start: the folder last used, while it exists, else the user's
        Documents (never the working folder, which on Windows is the install folder)."""
        folder = str(self.q.value("last_folder", "") or "")
        if folder and Path(folder).is_dir():
            return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents and Path(documents).is_dir():
            return documents
        return str(Path.home())

    def set_last_folder(self, folder: str) -> None:
        self.q.setValue("last_folder", folder)
