"""What only Windows does, tested on Windows (and under Wine, packaging/windows_under_wine.py):
the default data folder, a PDF held open by a reader that denies writing, a network drive;
and very long paths, everywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.files import FIXTURE_BOOK

from bluebook_desktop import APP_NAME, paths
from bluebook_desktop.cli import EXIT_ERROR, main

FIXTURE = FIXTURE_BOOK
NETWORK_DRIVE_ENV = "BLUEBOOK_TEST_NETWORK_DRIVE"  # e.g. "N:", a drive mapped to a share
windows_only = pytest.mark.skipif(sys.platform != "win32", reason="Windows behaviour")


@windows_only
def test_the_default_data_folder_is_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    from bluebook_desktop.ui.settings import Settings

    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.delenv(paths.DB_ENV)
    found = paths.resolve()
    assert found.data_dir == Path(os.environ["LOCALAPPDATA"]) / APP_NAME  # not roaming
    assert found.database == found.data_dir / paths.DB_NAME
    assert found.settings_file is None
    settings = Settings.for_paths(found)  # read only: nothing is written to the registry
    assert settings.q.format() == QSettings.Format.NativeFormat


# A PDF reader keeps the file open, letting others read it but not write or delete it.
HOLD_OPEN = textwrap.dedent(
    """
    import ctypes, sys
    from ctypes import wintypes
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
        wintypes.LPVOID, wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE]
    GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING = 0x80000000, 1, 3
    handle = kernel32.CreateFileW(sys.argv[1], GENERIC_READ, FILE_SHARE_READ, None,
        OPEN_EXISTING, 0, None)
    if handle in (None, wintypes.HANDLE(-1).value):
        print("error", ctypes.get_last_error(), flush=True)
        sys.exit(1)
    print("open", flush=True)
    sys.stdin.readline()
    kernel32.CloseHandle(handle)
    """
)


@windows_only
def test_a_pdf_open_in_a_reader_is_left_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "张三 的文件" / "蓝皮书.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF- the old one")
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        encoding="utf-8",
    ) as reader:
        assert reader.stdin is not None and reader.stdout is not None
        try:
            assert reader.stdout.readline().strip() == "open"
            with pytest.raises(SystemExit) as caught:
                main(["render", str(FIXTURE), "--pdf", str(target)])
        finally:
            reader.stdin.write("\n")
            reader.stdin.close()
    assert caught.value.code == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target) in err
    assert "正被其他程序打开" in err and "另存为其他文件名" in err  # says so, offers a way out
    assert target.read_bytes() == b"%PDF- the old one"
    assert [p.name for p in target.parent.iterdir()] == ["蓝皮书.pdf"]  # no temporary left


@pytest.mark.skipif(
    not os.environ.get(NETWORK_DRIVE_ENV), reason=f"{NETWORK_DRIVE_ENV} names no network drive"
)
def test_a_database_on_a_network_drive_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from bluebook_desktop.db import health

    drive = os.environ[NETWORK_DRIVE_ENV].rstrip("\\")
    assert health.windows_drive_type(drive + "\\") == health.DRIVE_REMOTE
    folder = Path(drive + "\\", "蓝皮书 数据")
    with pytest.raises(SystemExit) as caught:
        main(["--db", str(folder / "bluebook.sqlite3"), "list"])
    assert caught.value.code == EXIT_ERROR
    err = capsys.readouterr().err
    assert "网络" in err and err.count("\n") == 1
    assert not folder.exists()  # nothing made on the share


def test_very_long_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Past Windows' old 260-character limit: the database, its backup and every export.

    SQLite itself takes at most 512 bytes of path on Linux: the database's folder stays under
    that, the exports go deeper, into Chinese folder names."""
    folder = tmp_path.joinpath(*["performance-target-letters"] * 10)
    deep = folder.joinpath(*["绩效目标责任书 填报文件夹"] * 22)
    assert len(str(folder)) > 260 and len(str(deep)) > 300
    database = folder / "bluebook.sqlite3"
    assert main(["--db", str(database), "import", str(FIXTURE)]) == 0
    assert capsys.readouterr().out.strip() == "1"
    deep.mkdir(parents=True)
    outputs = {kind: deep / f"导出.{kind}" for kind in ("json", "pdf", "docx")}
    args = [f"--{kind}={path}" for kind, path in outputs.items()]
    assert main(["--db", str(database), "export", "1", *args]) == 0
    assert outputs["json"].read_bytes() == FIXTURE.read_bytes()
    assert outputs["pdf"].read_bytes().startswith(b"%PDF-")
    assert outputs["docx"].read_bytes().startswith(b"PK")
    assert main(["--db", str(database), "backup", str(folder / "备份.sqlite3")]) == 0
    assert (folder / "备份.sqlite3").stat().st_size > 0
