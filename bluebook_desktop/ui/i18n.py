"""Interface language: the program's own strings are written in Chinese; English is a
translation file. Qt's own dialogs (file, print, message boxes) get Qt's translation of the
same language, so a Chinese clerk never meets an English 'Cancel'."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from bluebook_desktop.paths import resource


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translators for `language` ("zh_CN" or "en"); returns them to keep alive."""
    translators: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_folder) or qt.load(
            "qtbase_zh_CN", str(resource("translations"))
        ):
            translators.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        own = QTranslator(app)
        if own.load(f"bluebook_{language}", str(resource("translations"))):
            translators.append(own)
    for translator in translators:
        app.installTranslator(translator)
    return translators
