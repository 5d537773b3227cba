"""Where the program keeps its files: found once, overridable, any folder name."""

from __future__ import annotations

import sys
from pathlib import Path

import appdirs
import pytest
from helpers.stores import opened

from bluebook_desktop import APP_NAME, paths
from bluebook_desktop.formats.portable import dumps, loads


def test_db_option_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "env.sqlite3"))
    found = paths.resolve(tmp_path / "option.sqlite3")
    assert found.database == tmp_path / "option.sqlite3"
    assert found.backup_dir == tmp_path / "backups"


def test_environment_beats_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "env" / "env.sqlite3"))
    found = paths.resolve()
    assert found.database == tmp_path / "env" / "env.sqlite3"
    assert found.backup_dir == tmp_path / "env" / "backups"
    # The database moves; the program's own folder (logs) stays where it was.
    assert found.log_dir == found.data_dir / "logs"
    assert found.data_dir == tmp_path / "home"  # BLUEBOOK_HOME, from conftest


@pytest.mark.parametrize("unset", [True, False], ids=["unset", "empty"])
def test_default_database(unset: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    if unset:
        monkeypatch.delenv(paths.DB_ENV)
    else:
        monkeypatch.setenv(paths.DB_ENV, "")
    found = paths.resolve()
    expected = Path(appdirs.user_data_dir(APP_NAME, appauthor=False))
    if sys.platform == "win32":  # the profile folder's full name, never its 8.3 short one
        expected = paths.long_path(expected.parent) / expected.name
    assert found.data_dir == expected
    if sys.platform != "win32":  # Windows gives AppData\Local itself, whatever the environment
        assert found.data_dir == tmp_path / "xdg-data" / APP_NAME  # XDG_DATA_HOME, from conftest
    assert found.database == found.data_dir / paths.DB_NAME
    assert found.log_dir == found.data_dir / "logs"
    assert found.backup_dir == found.data_dir / "backups"
    assert found.settings_file is None  # the registry on Windows, ~/.config on Linux


def test_every_test_keeps_its_files_in_its_own_folder(tmp_path: Path) -> None:
    """The set-up in conftest holds on Windows too, where appdirs ignores XDG_DATA_HOME."""
    found = paths.resolve(None)
    assert found.data_dir == tmp_path / "home"
    assert found.database.is_relative_to(tmp_path)
    assert found.settings_file == tmp_path / "home" / "settings.ini"


def test_home_folder_keeps_data_and_settings_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluebook_desktop.ui.settings import Settings

    home = tmp_path / "张三" / "蓝皮书 数据"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.delenv(paths.DB_ENV)
    found = paths.resolve()
    assert found.data_dir == home
    assert found.database == home / paths.DB_NAME
    assert found.log_dir == home / "logs"
    assert found.backup_dir == home / "backups"

    settings = Settings.for_paths(found)
    settings.language = "en"
    settings.q.sync()
    assert "language=en" in (home / "settings.ini").read_text(encoding="utf-8")


def test_relative_and_home_paths_are_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.resolve("rel.sqlite3").database == tmp_path / "rel.sqlite3"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))  # what ~ is on Windows
    assert paths.resolve("~/books.sqlite3").database == tmp_path / "home" / "books.sqlite3"


def test_windows_data_dir_has_no_doubled_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def win_folder(csidl_name: str) -> str:
        asked.append(csidl_name)
        return "/Users/张三/AppData/Local"

    monkeypatch.setattr(appdirs, "system", "win32")
    monkeypatch.setattr(appdirs, "_get_win_folder", win_folder, raising=False)
    monkeypatch.delenv(paths.DB_ENV)
    monkeypatch.delenv(paths.HOME_ENV)

    found = paths.resolve()

    assert asked == ["CSIDL_LOCAL_APPDATA"]  # not roaming: a database does not roam
    assert found.data_dir.parts[-2:] == ("Local", APP_NAME)
    assert found.data_dir.parts[-2:] != (APP_NAME, APP_NAME)
    assert found.database == Path("/Users/张三/AppData/Local", APP_NAME, paths.DB_NAME)


def test_portable_install_keeps_data_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    monkeypatch.delenv(paths.DB_ENV)
    found = paths.resolve()
    assert found.data_dir == tmp_path / "data"
    assert found.database == tmp_path / "data" / paths.DB_NAME


def test_chinese_folder_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture_bytes: bytes
) -> None:
    folder = tmp_path / "张三" / "绩效 目标（2021）"
    monkeypatch.setenv(paths.DB_ENV, str(folder / "蓝皮书.sqlite3"))
    found = paths.resolve()
    assert found.database == folder / "蓝皮书.sqlite3"

    store = opened(found.database)
    repository = store.repository
    try:
        book_id = repository.add(loads(fixture_bytes)).id
    finally:
        store.close()

    assert found.database.is_file()
    store = opened(found.database)
    repository = store.repository
    try:
        assert book_id is not None
        assert dumps(repository.load(book_id)).encode("utf-8") == fixture_bytes
    finally:
        store.close()


def test_a_path_the_system_cannot_resolve_stays_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' realpath can fail (a drive that does not answer; Wine on paths past 260
    characters): the path is still used, made absolute, never a traceback at start."""

    def cannot(self: Path, strict: bool = False) -> Path:
        raise OSError(234, "More data is available")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path / "program")
    monkeypatch.setattr(Path, "resolve", cannot)
    found = paths.resolve("数据/books.sqlite3")
    assert found.database == tmp_path / "数据" / "books.sqlite3"
    monkeypatch.setenv(paths.HOME_ENV, "家")
    assert paths.resolve().data_dir == tmp_path / "家"
