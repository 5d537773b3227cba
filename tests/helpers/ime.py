"""Typing as a clerk types: through a Chinese input method, not key by key."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_chinese(widget: QWidget, text: str, phrase: bool = False) -> None:
    """Pinyin shown as preedit text, then the characters committed.

    Each character is committed alone, or the whole text at once when `phrase` is true.
    (QTest.keyClicks only knows ASCII keys; a clerk's Chinese arrives like this.)
    """
    for part in [text] if phrase else list(text):
        QApplication.sendEvent(widget, QInputMethodEvent("pin", []))
        commit = QInputMethodEvent("", [])
        commit.setCommitString(part)
        QApplication.sendEvent(widget, commit)
