"""Chinese renders in the window even on a machine with no Chinese font of its own."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from bluebook_desktop.ui import fonts


def test_bundled_font_is_used_when_the_system_has_no_chinese_font(qtbot, monkeypatch) -> None:
    app = QApplication.instance()
    before = QFont(app.font())
    real_families = QFontDatabase.families

    def no_chinese(system=QFontDatabase.WritingSystem.Any):  # noqa: ANN001, ANN202
        if system == QFontDatabase.WritingSystem.SimplifiedChinese:
            return []
        return real_families(system)

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(no_chinese))
    try:
        fonts.ensure_chinese_font(app)
        family = app.font().families()[0]
        assert "UMing" in family
        assert QFontMetrics(QFont(family)).inFontUcs4(ord("堃"))
    finally:
        app.setFont(before)


def test_system_chinese_font_is_kept(qtbot, monkeypatch) -> None:
    app = QApplication.instance()
    before = QFont(app.font())
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_: ["SimSun"]))
    fonts.ensure_chinese_font(app)
    assert app.font() == before
