"""The window's font and hint colour: Chinese reads well on every machine, hints are legible.

On Windows the system's own UI face for Chinese (Microsoft YaHei UI, from Windows 8; Microsoft
YaHei on Windows 7) is set by name: Qt's default there is Segoe UI, and the face it falls back
to for Chinese characters depends on the version and may be the bitmap-hinted 宋体. Elsewhere
the desktop's own font stays (fontconfig picks its Chinese face). Where no Chinese font exists
at all, the bundled WenQuanYi Micro Hei is used: a sans face like YaHei, which reads better on
screen than the Ming face the PDF prints with, and covers every CJK character that one has.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from bluebook_desktop.paths import resource

log = logging.getLogger(__name__)
WINDOWS_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei")
BUNDLED_FONTS = (("fonts", "wqy-microhei.ttc"),)
# Qt's hint text is the text colour at half opacity, #808080 on white: a contrast of 3.9:1,
# too faint on an old office screen. This grey gives 6.4:1 (WCAG asks 4.5:1 for body text).
HINT_COLOUR = QColor("#5f5f5f")


def use_ui_font(app: QApplication, platform: str = sys.platform) -> list[str]:
    """Set the window's font families for Chinese; returns the families put first (none when
    the system's own choice is kept)."""
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    chosen: list[str] = []
    if platform == "win32":
        chosen = [family for family in WINDOWS_FAMILIES if family in chinese][:1]
    elif not chinese:
        chosen = _bundled()
    if chosen:
        font = QFont(app.font())
        font.setFamilies([*chosen, *(f for f in font.families() if f not in chosen)])
        app.setFont(font)
    return chosen


def _bundled() -> list[str]:
    families = []
    for parts in BUNDLED_FONTS:
        font_file = resource(*parts)
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if loaded:
            families.append(loaded[0])  # face 0: the proportional one
        else:
            log.warning("bundled Chinese font %s could not be loaded", font_file)
    return families


def use_readable_hints(app: QApplication) -> None:
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, HINT_COLOUR)
    app.setPalette(palette)
