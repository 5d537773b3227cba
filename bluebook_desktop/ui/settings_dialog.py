"""设置: interface language, print options, the database server, and which fonts the
printout uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from bluebook_desktop.errors import UserError
from bluebook_desktop.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from bluebook_desktop.ui.messages import program_name, user_text
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
        self.ui.server.setText(settings.server)
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

    def _server(self) -> str | None:
        """The server's URL as it may be kept (no password), "" for none; None (the user
        was told why) when it is no PostgreSQL URL."""
        from bluebook_desktop.db.store import is_server, without_password

        text = self.ui.server.text().strip()
        if not text:
            return ""
        if not is_server(text) or not text.split("://", 1)[1].strip("/"):
            problem = UserError(
                "数据库服务器的地址 {url} 不对：请按 postgresql://用户名@服务器:端口/数据库名 "
                "填写，或留空使用本机的数据库文件。",
                url=text.split("@", 1)[-1] if "@" in text else text,
            )
            QMessageBox.warning(self, program_name(), user_text(problem))
            self.ui.server.setFocus()
            return None
        return without_password(text)

    def accept(self) -> None:
        server = self._server()
        if server is None:
            return
        self.settings.server = server
        self.settings.language = self.ui.language.currentData()
        self.settings.landscape_tables = self.ui.landscapeTables.isChecked()
        self.settings.pad_two_character_names = self.ui.padNames.isChecked()
        self.settings.centred_page_numbers = self.ui.centredPageNumbers.isChecked()
        super().accept()
