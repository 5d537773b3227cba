"""The user's settings (language, print options) and remembered window state, via QSettings.

On Windows QSettings keeps them under HKEY_CURRENT_USER, which needs no administrator
rights; in portable mode they live in an .ini file in the program's data folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from bluebook_desktop import APP_NAME
from bluebook_desktop.paths import Paths, is_portable

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


class Settings:
    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    @classmethod
    def for_paths(cls, paths: Paths) -> Settings:
        if is_portable():
            return cls(QSettings(str(paths.data_dir / "settings.ini"), QSettings.Format.IniFormat))
        return cls(QSettings(APP_NAME, APP_NAME))

    @classmethod
    def in_file(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _bool(self, key: str, default: bool) -> bool:
        value = self.q.value(key, default)
        return value in (True, "true", "1", 1)

    # --- language ---
    @property
    def language(self) -> str:
        value = str(self.q.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("language", value)

    # --- print options ---
    @property
    def landscape_tables(self) -> bool:
        return self._bool("print/landscape_tables", False)

    @landscape_tables.setter
    def landscape_tables(self, value: bool) -> None:
        self.q.setValue("print/landscape_tables", value)

    @property
    def pad_two_character_names(self) -> bool:
        return self._bool("print/pad_two_character_names", False)

    @pad_two_character_names.setter
    def pad_two_character_names(self, value: bool) -> None:
        self.q.setValue("print/pad_two_character_names", value)

    @property
    def centred_page_numbers(self) -> bool:
        return self._bool("print/centred_page_numbers", False)

    @centred_page_numbers.setter
    def centred_page_numbers(self, value: bool) -> None:
        self.q.setValue("print/centred_page_numbers", value)

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
        return str(self.q.value("last_folder", ""))

    def set_last_folder(self, folder: str) -> None:
        self.q.setValue("last_folder", folder)
