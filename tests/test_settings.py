"""Settings survive a restart, and a damaged settings file never stops the program."""

from __future__ import annotations

from pathlib import Path

from bluebook_desktop.ui.settings import DEFAULT_LANGUAGE, Settings


def test_print_options_and_language_are_kept(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    settings = Settings.in_file(path)
    assert not settings.landscape_tables and not settings.pad_two_character_names
    assert settings.language == DEFAULT_LANGUAGE == "zh_CN"
    settings.landscape_tables = True
    settings.centred_page_numbers = True
    settings.language = "en"
    settings.set_last_book_id(7)
    settings.q.sync()

    again = Settings.in_file(path)
    assert again.landscape_tables and again.centred_page_numbers
    assert not again.pad_two_character_names
    assert again.language == "en"
    assert again.last_book_id() == 7


def test_odd_values_fall_back_to_defaults(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=klingon\nlast_book_id=abc\n", encoding="utf-8")
    settings = Settings.in_file(path)
    assert settings.language == DEFAULT_LANGUAGE
    assert settings.last_book_id() is None


def test_file_dialogs_start_in_documents_then_the_last_folder(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setattr(
        "bluebook_desktop.ui.settings.QStandardPaths.writableLocation",
        lambda _location: str(documents),
    )
    monkeypatch.chdir(tmp_path)
    settings = Settings.in_file(tmp_path / "settings.ini")
    assert settings.last_folder() == str(documents)  # not the working folder
    used = tmp_path / "exports"
    used.mkdir()
    settings.set_last_folder(str(used))
    assert settings.last_folder() == str(used)
    used.rmdir()  # a folder that is gone (a USB stick taken out): Documents again
    assert settings.last_folder() == str(documents)
