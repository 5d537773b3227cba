"""The log file: rotated at its size limit, the oldest copies dropped, never an error."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bluebook_desktop import logs


@pytest.fixture
def small_logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(logs, "MAX_BYTES", 1000)
    monkeypatch.setattr(logs, "BACKUPS", 3)
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_bluebook", False)]:
        root.removeHandler(handler)
        handler.close()


def test_the_log_is_rotated_at_its_limit_and_keeps_the_newest_copies(
    tmp_path: Path, small_logs: None
) -> None:
    path = logs.setup(tmp_path)
    assert path == tmp_path / logs.LOG_NAME
    log = logging.getLogger("bluebook_desktop.test")
    for number in range(200):
        log.info("记录 %03d %s", number, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["bluebook.log", "bluebook.log.1", "bluebook.log.2", "bluebook.log.3"]
    for file in tmp_path.iterdir():
        assert len(file.read_text(encoding="utf-8")) <= 1000
    assert "记录 199" in path.read_text(encoding="utf-8")  # the newest in the live file
    newest_copy = (tmp_path / "bluebook.log.1").read_text(encoding="utf-8")
    assert newest_copy.rstrip().splitlines()[-1].split()[4:6] == ["记录", _before(path)]


def _before(path: Path) -> str:
    """The number of the record just before the live file's first one."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return f"{int(first.split()[5]) - 1:03d}"


def test_an_unwritable_log_folder_gives_no_log_and_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    try:
        assert logs.setup(blocked / "logs") is None
        logging.getLogger("bluebook_desktop.test").warning("nowhere to go")
    finally:
        logs.setup(tmp_path / "logs")  # the next test's handler replaces this one
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_bluebook", False)]:
            root.removeHandler(handler)
            handler.close()
