"""bluebook-cli: what it prints and stores, and one plain line on stderr for every failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.files import FIXTURE_BOOK
from helpers.stores import opened

from bluebook_desktop import paths
from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db.repository import Repository
from bluebook_desktop.domain import Book
from bluebook_desktop.formats.portable import dumps

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = FIXTURE_BOOK
UNIT = "政协佛山市三水区委员会"
TITLE = "佛山市三水区政协机关绩效目标责任书"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli" / "books.sqlite3"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the command line; returns stdout and checks nothing went to stderr."""
    assert main(list(args)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must fail: exit status 2, one plain line on stderr, nothing on stdout."""
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    assert caught.value.code == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.rstrip("\n")


def stored_books(db: Path) -> list[tuple[int, int, str, str]]:
    store = opened(db)
    repository = store.repository
    try:
        return [(s.id, s.year, s.unit_name, s.title) for s in repository.list_books()]
    finally:
        store.close()


def test_import_prints_the_new_id(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "--db", str(db), "import", str(FIXTURE)) == "1\n"
    assert run(capsys, "--db", str(db), "import", str(FIXTURE)) == "2\n"
    assert stored_books(db) == [(1, 2021, UNIT, TITLE), (2, 2021, UNIT, TITLE)]


def test_list(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    assert run(capsys, "--db", str(db), "list") == ""
    data = json.loads(FIXTURE.read_bytes())
    data["book"].update(year=2022, title="2022 年度责任书")
    newer = tmp_path / "2022.bluebook.json"
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run(capsys, "--db", str(db), "import", str(FIXTURE))
    run(capsys, "--db", str(db), "import", str(newer))

    out = run(capsys, "--db", str(db), "list")

    assert out == f"2\t2022\t{UNIT}\t2022 年度责任书\n1\t2021\t{UNIT}\t{TITLE}\n"


def test_export_json_writes_the_fixture_bytes(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, fixture_bytes: bytes
) -> None:
    run(capsys, "--db", str(db), "import", str(FIXTURE))
    target = tmp_path / "导出" / "三水.bluebook.json"
    target.parent.mkdir()

    assert run(capsys, "--db", str(db), "export", "1", "--json", str(target)) == ""

    assert target.read_bytes() == fixture_bytes
    assert sorted(p.name for p in target.parent.iterdir()) == ["三水.bluebook.json"]


def test_missing_file(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "没有.bluebook.json"
    message = fails(capsys, "--db", str(db), "import", str(missing))
    assert str(missing) in message
    assert stored_books(db) == []


def test_bad_file(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    data = json.loads(FIXTURE.read_bytes())
    data["book"]["functional_tasks"][0]["schedule"][0]["quarters"] = [5]
    bad = tmp_path / "bad.bluebook.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    message = fails(capsys, "--db", str(db), "import", str(bad))

    assert message == "functional_tasks[0].schedule[0].quarters：5 不是季度（应为 1–4）。"
    assert stored_books(db) == []


def test_not_json(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.bluebook.json"
    bad.write_bytes(b"\x00\x01 not json {")
    assert "JSON" in fails(capsys, "--db", str(db), "import", str(bad))


def test_unknown_id(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.bluebook.json"
    message = fails(capsys, "--db", str(db), "export", "42", "--json", str(target))
    assert message == "找不到编号为 42 的蓝皮书。"
    assert not target.exists()


def test_export_needs_an_output(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run(capsys, "--db", str(db), "import", str(FIXTURE))
    message = fails(capsys, "--db", str(db), "export", "1")
    assert "--json" in message and "--pdf" in message and "--docx" in message


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["publish"],
        ["export"],
        ["export", "one", "--json", "x.json"],
        ["import"],
        ["import", "a.json", "b.json"],
        ["list", "--verbose"],
        ["--db"],
    ],
)
def test_bad_arguments(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    message = fails(capsys, *args)
    assert message.startswith("命令行参数有误：")
    assert "--help" in message


def test_unexpected_error_is_one_line_and_logged(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_self: Repository) -> list[object]:
        raise RuntimeError("磁盘出错")

    monkeypatch.setattr(Repository, "list_books", broken)

    message = fails(capsys, "--db", str(db), "list")

    assert "意外错误" in message
    assert "RuntimeError" not in message and "磁盘出错" not in message  # only in the log
    log_files = list(paths.resolve().log_dir.glob("*.log"))
    assert len(log_files) == 1
    assert str(log_files[0]) in message
    log = log_files[0].read_text(encoding="utf-8")
    assert "Traceback" in log and "磁盘出错" in log


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from bluebook_desktop import __version__

    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"bluebook-cli {__version__}\n"


def test_bluebook_db_environment_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "环境" / "env.sqlite3"
    monkeypatch.setenv(paths.DB_ENV, str(from_env))
    assert run(capsys, "import", str(FIXTURE)) == "1\n"
    assert stored_books(from_env) == [(1, 2021, UNIT, TITLE)]
    # --db beats the environment.
    chosen = tmp_path / "chosen.sqlite3"
    assert run(capsys, "--db", str(chosen), "import", str(FIXTURE)) == "1\n"
    assert len(stored_books(from_env)) == 1


def test_module_entry_point(tmp_path: Path, fixture_bytes: bytes) -> None:
    """`python -m bluebook_desktop.cli` in a real process, finding its database by BLUEBOOK_DB."""
    database = tmp_path / "进程" / "books.sqlite3"
    env = {
        **os.environ,
        paths.DB_ENV: str(database),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "PYTHONIOENCODING": "utf-8",
    }

    def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "bluebook_desktop.cli", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )

    imported = cli("import", str(FIXTURE))
    # The console's line end: \r\n on Windows, which every Windows program reading it expects.
    line_end = os.linesep.encode("ascii")
    assert (imported.returncode, imported.stdout, imported.stderr) == (0, b"1" + line_end, b"")
    assert database.is_file()

    listed = cli("list")
    assert listed.stdout.decode("utf-8").splitlines() == [f"1\t2021\t{UNIT}\t{TITLE}"]

    target = tmp_path / "out.bluebook.json"
    assert cli("export", "1", "--json", str(target)).returncode == 0
    assert target.read_bytes() == fixture_bytes
    assert dumps(stored_book(database)).encode("utf-8") == fixture_bytes

    failed = cli("export", "7", "--json", str(target))
    assert failed.returncode == EXIT_ERROR
    assert failed.stdout == b""
    assert failed.stderr.decode("utf-8").splitlines() == ["找不到编号为 7 的蓝皮书。"]


def stored_book(database: Path) -> Book:
    store = opened(database)
    repository = store.repository
    try:
        return repository.load(1)
    finally:
        store.close()


def test_a_folder_given_as_the_database_is_named_as_such(tmp_path, capsys) -> None:
    from bluebook_desktop.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--db", str(tmp_path), "list"])
    assert stop.value.code == 2
    assert "是一个文件夹" in capsys.readouterr().err


def test_restoring_from_a_missing_file_says_so(tmp_path, capsys) -> None:
    from bluebook_desktop.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--db", str(tmp_path / "b.sqlite3"), "restore", str(tmp_path / "nope.sqlite3")])
    assert stop.value.code == 2
    assert "文件不存在" in capsys.readouterr().err
