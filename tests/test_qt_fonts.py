"""The window's font and hints: Chinese reads well on every machine, hints are legible."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from bluebook_desktop.ui import fonts


@pytest.fixture
def app():
    app = QApplication.instance()
    font, palette = QFont(app.font()), QPalette(app.palette())
    yield app
    app.setFont(font)
    app.setPalette(palette)


def _chinese_families(monkeypatch, families: list[str]) -> None:
    real = QFontDatabase.families

    def families_for(system=QFontDatabase.WritingSystem.Any):  # noqa: ANN001, ANN202
        if system == QFontDatabase.WritingSystem.SimplifiedChinese:
            return families
        return real(system)

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(families_for))


def test_bundled_sans_face_is_used_when_the_system_has_no_chinese_font(
    qtbot, app, monkeypatch
) -> None:
    _chinese_families(monkeypatch, [])
    assert fonts.use_ui_font(app, "linux") == ["WenQuanYi Micro Hei"]
    assert app.font().families()[0] == "WenQuanYi Micro Hei"
    assert QFontMetrics(app.font()).inFontUcs4(ord("堃"))  # a rare character of names


def test_windows_gets_its_own_chinese_ui_face(qtbot, app, monkeypatch) -> None:
    _chinese_families(monkeypatch, ["SimSun", "Microsoft YaHei", "Microsoft YaHei UI"])
    assert fonts.use_ui_font(app, "win32") == ["Microsoft YaHei UI"]
    assert app.font().families()[0] == "Microsoft YaHei UI"


def test_windows_7_gets_microsoft_yahei(qtbot, app, monkeypatch) -> None:
    _chinese_families(monkeypatch, ["SimSun", "Microsoft YaHei"])
    assert fonts.use_ui_font(app, "win32") == ["Microsoft YaHei"]
    assert app.font().families()[0] == "Microsoft YaHei"


def test_a_desktops_own_chinese_font_is_kept(qtbot, app, monkeypatch) -> None:
    before = QFont(app.font())
    _chinese_families(monkeypatch, ["Noto Sans CJK SC"])
    assert fonts.use_ui_font(app, "linux") == []
    assert app.font() == before


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def test_hint_text_is_drawn_dark_enough_to_read(qtbot, app) -> None:
    fonts.use_readable_hints(app)
    base = app.palette().color(QPalette.ColorRole.Base)
    hint = app.palette().color(QPalette.ColorRole.PlaceholderText)
    lighter, darker = sorted((_luminance(base), _luminance(hint)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5
    # and a field's hint as painted: its darkest pixels are that grey, not Qt's #808080
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setPlaceholderText("请填写单位名称")
    field.resize(240, 32)
    image = field.grab().toImage()
    darkest = min(image.pixelColor(x, y).lightness() for x in range(8, 200) for y in range(6, 26))
    assert darkest <= hint.lightness() + 20 < 128
