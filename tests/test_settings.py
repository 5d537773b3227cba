"""Settings survive a restart, and a damaged settings file never stops the program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from bluebook_desktop.ui.settings import DEFAULT_LANGUAGE, VERSION, Settings


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


def test_every_setting_is_declared_once_with_its_default(qtbot, tmp_path: Path) -> None:
    settings = Settings.in_file(tmp_path / "settings.ini")
    options = Settings.OPTIONS
    assert {"language", "landscape_tables", "pad_two_character_names"} <= set(options)
    assert len({option.key for option in options.values()}) == len(options)
    for name, option in options.items():
        assert getattr(Settings, name) is option
        assert option.read(settings.q) == option.default  # nothing stored: the default


def test_a_settings_file_of_the_first_version_keeps_its_values(qtbot, tmp_path: Path) -> None:
    """Before settings had a version, three keys had no group; their values carry over."""
    path = tmp_path / "settings.ini"
    folder = tmp_path / "上次的文件夹"
    folder.mkdir()
    path.write_text(
        "[General]\nlanguage=en\nlast_book_id=12\n"
        f"last_folder={folder.as_posix()}\n"
        "\n[print]\nlandscape_tables=true\n",
        encoding="utf-8",
    )
    settings = Settings.in_file(path)
    assert settings.language == "en"
    assert settings.last_book_id() == 12
    assert settings.last_folder() == folder.as_posix()
    assert settings.landscape_tables  # not renamed, still read
    settings.q.sync()

    keys = set(QSettings(str(path), QSettings.Format.IniFormat).allKeys())
    assert keys == {
        "settings_version",
        "interface/language",
        "state/last_book_id",
        "state/last_folder",
        "print/landscape_tables",
    }  # moved, not copied
    assert f"settings_version={VERSION}" in path.read_text(encoding="utf-8")
    again = Settings.in_file(path)
    assert (again.language, again.last_book_id()) == ("en", 12)


def test_a_newer_programs_settings_are_left_as_they_are(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    newer = VERSION + 1
    path.write_text(
        f"[General]\nsettings_version={newer}\nlanguage=en\n\n[interface]\nlanguage=en\n",
        encoding="utf-8",
    )
    settings = Settings.in_file(path)
    assert settings.language == "en"
    settings.q.sync()
    text = path.read_text(encoding="utf-8")
    assert f"settings_version={newer}" in text and "\nlanguage=en" in text
