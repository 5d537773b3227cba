"""The window names the faces a PDF was printed in, and the settings page each role's face."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluebook_desktop import paths
from bluebook_desktop.db.store import open_store
from bluebook_desktop.domain import Book
from bluebook_desktop.ui import book_actions
from bluebook_desktop.ui.main_window import MainWindow
from bluebook_desktop.ui.settings import Settings
from bluebook_desktop.ui.workspace import Workspace


@pytest.fixture
def window(qtbot, tmp_path: Path, fixture_book: Book, monkeypatch: pytest.MonkeyPatch):
    store = open_store(tmp_path / "fonts.sqlite3")
    stored = store.repository.add(fixture_book)
    window = MainWindow(
        Workspace(
            store, Settings.in_file(tmp_path / "s.ini"), paths.resolve(tmp_path / "fonts.sqlite3")
        )
    )
    qtbot.addWidget(window)
    # Printing the plan offers 定稿 (tests/test_finalize_window.py); not asked here.
    monkeypatch.setattr(window.plan_actions, "offer_finalize", lambda _data: None)
    window.open_book(stored.id)
    yield window
    window.close()
    store.close()


def test_export_message_names_the_faces_used(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "book.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    monkeypatch.setattr(book_actions, "confirm", lambda *a: True)
    window.ui.actionExportPdf.trigger()
    assert target.is_file()
    message = window.statusBar().currentMessage()
    assert str(target) in message
    for family in ("AR PL UMing CN", "WenQuanYi Micro Hei", "Liberation Serif"):
        assert family in message


def test_settings_dialog_shows_each_roles_face(qtbot, tmp_path: Path) -> None:
    from bluebook_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings.in_file(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    lines = dialog.ui.fonts.text().splitlines()
    assert any(line.startswith("标题：WenQuanYi Micro Hei（") for line in lines), lines
    assert any(line.startswith("西文与数字：Liberation Serif（") for line in lines), lines
    assert any(line.startswith("正文与表格：AR PL UMing CN（") for line in lines), lines
