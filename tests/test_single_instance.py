"""A second start on the same database brings the running window forward with its FILE."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from helpers.files import FIXTURE_BOOK
from helpers.stores import opened

ROOT = Path(__file__).resolve().parent.parent
START = "import sys; from bluebook_desktop import app; sys.exit(app.main(sys.argv[1:]))"


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "QT_QPA_PLATFORM": "offscreen",
    }


def _books(database: Path) -> int:
    store = opened(database)
    repository = store.repository
    try:
        return len(repository.list_books())
    finally:
        store.close()


def _wait(condition, seconds: float = 20.0) -> bool:  # noqa: ANN001 - a callable
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_second_start_hands_its_file_to_the_running_window(tmp_path: Path) -> None:
    database = tmp_path / "data" / "bluebook.sqlite3"
    first = subprocess.Popen(
        [sys.executable, "-c", START, "--db", str(database)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert _wait(lambda: Path(str(database) + ".requests").is_dir()), "the first never ran"
        second = subprocess.run(
            [sys.executable, "-c", START, "--db", str(database), str(FIXTURE_BOOK)],
            env=_env(),
            capture_output=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr.decode("utf-8", "replace")
        # The running window imported the file; the second start opened no window of its own.
        assert _wait(lambda: database.is_file() and _books(database) == 1)
        assert first.poll() is None
    finally:
        first.terminate()
        _out, err = first.communicate(timeout=30)
    if sys.platform != "win32":
        assert first.returncode == 0, err.decode("utf-8", "replace")


def test_a_second_window_on_purpose(tmp_path: Path) -> None:
    database = tmp_path / "data" / "bluebook.sqlite3"
    first = subprocess.Popen(
        [sys.executable, "-c", START, "--db", str(database)], env=_env(), stderr=subprocess.PIPE
    )
    try:
        assert _wait(lambda: Path(str(database) + ".requests").is_dir())
        second = subprocess.Popen(
            [sys.executable, "-c", START, "--db", str(database), "--new-window"],
            env=_env(),
            stderr=subprocess.PIPE,
        )
        time.sleep(2)
        assert second.poll() is None  # still running: its own window
        second.terminate()
        second.communicate(timeout=30)
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_the_window_lock_leaves_the_database_free_for_the_command_line(
    qapp: object, tmp_path: Path
) -> None:
    """The running window's lock is not the lock under which a new database is created:
    with a window holding its lock, an import on a new database still goes through."""
    from bluebook_desktop.ui.single_instance import SingleInstance

    database = tmp_path / "new.sqlite3"
    instance = SingleInstance(database)
    assert instance.acquire()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bluebook_desktop.cli",
            "--db",
            str(database),
            "import",
            str(FIXTURE_BOOK),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert _books(database) == 1
