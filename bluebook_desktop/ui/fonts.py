"""Make sure Chinese renders in the window, even on a machine without a Chinese font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from bluebook_desktop.paths import resource

log = logging.getLogger(__name__)
BUNDLED_FONT = ("fonts", "uming.ttc")


def ensure_chinese_font(app: QApplication) -> None:
    """Use the system's Chinese font when there is one; otherwise the bundled one.

    Windows' own UI font (Microsoft YaHei) reads better on screen than a Ming face, so the
    bundled font is loaded only when the system has no Chinese family at all.
    """
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if chinese:
        return
    font_file = resource(*BUNDLED_FONT)
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled Chinese font %s could not be loaded", font_file)
        return
    font = QFont(app.font())
    font.setFamilies([families[0], *font.families()])
    app.setFont(font)
