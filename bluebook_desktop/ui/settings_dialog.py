"""设置: interface language, print options, and which fonts the printout uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from bluebook_desktop.errors import UserError
from bluebook_desktop.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from bluebook_desktop.ui.messages import user_text
from bluebook_desktop.ui.settings import LANGUAGES, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        for code, name in LANGUAGES.items():
            self.ui.language.addItem(name, code)
        self.ui.language.setCurrentIndex(list(LANGUAGES).index(settings.language))
        self.ui.landscapeTables.setChecked(settings.landscape_tables)
        self.ui.padNames.setChecked(settings.pad_two_character_names)
        self.ui.centredPageNumbers.setChecked(settings.centred_page_numbers)
        self.ui.fonts.setText(self._fonts_text())

    def _fonts_text(self) -> str:
        from bluebook_desktop.formats.pdf import fonts_in_use

        try:
            uses = fonts_in_use()
        except UserError as exc:
            return user_text(exc)
        return "\n".join(
            f"{QCoreApplication.translate('fonts', use.role)}：{use.family}（{use.path}）"
            for use in uses
        )

    def accept(self) -> None:
        self.settings.language = self.ui.language.currentData()
        self.settings.landscape_tables = self.ui.landscapeTables.isChecked()
        self.settings.pad_two_character_names = self.ui.padNames.isChecked()
        self.settings.centred_page_numbers = self.ui.centredPageNumbers.isChecked()
        super().accept()
