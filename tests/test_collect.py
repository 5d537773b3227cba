"""bluebook-cli collect: an office's in-tray of units' files into the database, file by file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers.collection import BAD_FILES, UnitFile, make_in_tray, unit_book
from helpers.files import FIXTURE_BOOK
from helpers.stores import opened

from bluebook_desktop.cli import EXIT_ERROR, main
from bluebook_desktop.db.repository import Repository
from bluebook_desktop.domain import Book
from bluebook_desktop.domain.collection import unit_key
from bluebook_desktop.formats.collecting import REFUSED, Outcome, collect
from bluebook_desktop.formats.package import is_package, read_package
from bluebook_desktop.formats.portable import read_portable, write_portable


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines(), err


def stored(db: Path) -> list[Book]:
    store = opened(db)
    try:
        repository = store.repository
        return [repository.load(s.id) for s in repository.list_books()]
    finally:
        store.close()


def _tasks(book: Book) -> list[tuple[str, str, tuple[str, ...]]]:
    tasks = (*book.key_tasks, *book.functional_tasks)
    return [(t.task, t.objective, t.leaders) for t in tasks]


def test_a_folder_of_thirty_units_and_four_bad_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tray = tmp_path / "收件"
    made = make_in_tray(tray, 30)
    db = tmp_path / "office" / "books.sqlite3"
    code, lines, err = run(capsys, "--db", str(db), "collect", str(tray))
    assert code == 1  # some refused
    report = dict(line.split("\t") for line in lines)
    assert len(lines) == 34 == len(report)
    for unit_file in made:
        assert report[str(tray / unit_file.name)] == "已导入", unit_file.name
    for name in BAD_FILES:  # refused in the words a single import uses
        code, out, import_err = run(
            capsys, "--db", str(tmp_path / "x.sqlite3"), "import", str(tray / name)
        )
        assert (code, out) == (EXIT_ERROR, [])
        assert report[str(tray / name)] == f"未导入：{import_err.strip()}"
    assert "共 34 个文件：导入 30，替换 0，未导入 4。" in err
    books = {b.cover.unit_name: b for b in stored(db)}
    assert sorted(books) == sorted(f.unit for f in made)
    for unit_file in made:
        book = books[unit_file.unit]
        assert book.uid == unit_file.book.uid or unit_file.name.endswith(".docx")
        if not unit_file.name.endswith(".docx"):
            assert _tasks(book) == _tasks(unit_file.book), unit_file.name
            assert book.cover == unit_file.book.cover
        else:
            assert [t[0] for t in _tasks(book)] == [t[0] for t in _tasks(unit_file.book)]
    package = next(f for f in made if f.name.endswith(".bluebook.zip"))
    report_file = books[package.unit].functional_tasks[0].progress[0].evidence[0]
    store = opened(db)
    try:  # the package's supporting file came in with its book
        assert store.repository.evidence_data(report_file.sha256).startswith(b"%PDF")
    finally:
        store.close()


def test_the_same_files_in_one_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tray = tmp_path / "收件"
    made = make_in_tray(tray, 12)
    bundle = tmp_path / "各单位报送.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for file in sorted(tray.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(tray).as_posix())
        # a name in GBK without the UTF-8 flag, as a zip made on a Chinese Windows has:
        # written under a stand-in name of the same length, put in place below
        book, _ = unit_book(read_portable(FIXTURE_BOOK), 99)
        write_portable(book, tmp_path / "gbk.json")
        archive.write(tmp_path / "gbk.json", "XXXXXX.bluebook.json")
    gbk = "财政局.bluebook.json".encode("gbk")
    assert len(gbk) == len(b"XXXXXX.bluebook.json")
    bundle.write_bytes(bundle.read_bytes().replace(b"XXXXXX.bluebook.json", gbk))
    db = tmp_path / "books.sqlite3"
    code, lines, _err = run(capsys, "--db", str(db), "collect", str(bundle))
    assert code == 1
    report = dict(line.split("\t") for line in lines)
    for unit_file in made:
        name = f"各单位报送.zip/{Path(unit_file.name).as_posix()}"
        assert report[name] == "已导入", name
    assert report["各单位报送.zip/财政局.bluebook.json"] == "已导入"
    assert report["各单位报送.zip/损坏的包.bluebook.zip"] == (
        "未导入：蓝皮书包“损坏的包.bluebook.zip”已损坏（压缩包结构错误），没有导入任何内容。"
    )
    assert len(stored(db)) == 13


def test_a_resubmission_replaces_the_earlier_copy_which_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = read_portable(FIXTURE_BOOK)
    first, _ = unit_book(base, 0)  # a version 2 file: it has a uid
    plain, _ = unit_book(base, 1)  # a version 1 file: no uid
    assert first.uid == "" and plain.uid == ""
    from dataclasses import replace

    first = replace(first, uid="ab" * 16)
    write_portable(first, tmp_path / "a.bluebook.json")
    write_portable(plain, tmp_path / "b.bluebook.json")
    db = tmp_path / "office" / "books.sqlite3"
    args = ("--db", str(db), "collect")
    assert (
        run(capsys, *args, str(tmp_path / "a.bluebook.json"), str(tmp_path / "b.bluebook.json"))[0]
        == 0
    )

    # Sent again, with changes: the same uid replaces without asking.
    again = replace(first, functional_tasks=first.functional_tasks[:0] + base.functional_tasks[:2])
    write_portable(again, tmp_path / "a2.bluebook.json")
    plain_again = replace(plain, functional_tasks=base.functional_tasks[3:4])
    write_portable(plain_again, tmp_path / "b2.bluebook.json")
    code, lines, _ = run(
        capsys, *args, str(tmp_path / "a2.bluebook.json"), str(tmp_path / "b2.bluebook.json")
    )
    assert code == 1
    assert lines[0] == f"{tmp_path / 'a2.bluebook.json'}\t已替换"
    unit = plain.cover.unit_name
    assert lines[1] == (
        f"{tmp_path / 'b2.bluebook.json'}\t未导入：已有“{unit}”2021 年的蓝皮书（编号 2）。"
        "如果这是重新报送的版本，请加上 --replace 替换原来的版本。"
    )
    books = {b.cover.unit_name: b for b in stored(db)}
    assert len(books) == 2
    assert _tasks(books[first.cover.unit_name]) == _tasks(again)
    assert _tasks(books[unit]) == _tasks(plain)  # unchanged

    # Without a uid, the same unit (however spaced) and year replaces with --replace.
    spaced = replace(
        plain_again, cover=replace(plain_again.cover, unit_name=f" {unit[:3]} {unit[3:]}")
    )
    assert unit_key(spaced.cover.unit_name) == unit_key(unit)
    write_portable(spaced, tmp_path / "b3.bluebook.json")
    code, lines, err = run(capsys, *args, "--replace", str(tmp_path / "b3.bluebook.json"))
    assert (code, lines) == (0, [f"{tmp_path / 'b3.bluebook.json'}\t已替换"])
    books = {unit_key(b.cover.unit_name): b for b in stored(db)}
    assert len(books) == 2 and _tasks(books[unit_key(unit)]) == _tasks(plain_again)

    # Both earlier copies are kept beside the database, and import back as they were.
    kept = sorted((db.parent / "replaced").iterdir())
    assert len(kept) == 2 and str(db.parent / "replaced") in err
    restored = []
    for file in kept:
        if is_package(file):
            with read_package(file) as packaged:
                restored.append(packaged.book)
        else:
            restored.append(read_portable(file))
    assert sorted(_tasks(b) for b in restored) == sorted([_tasks(first), _tasks(plain)])


def test_nothing_read_is_exit_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.bluebook.json").write_text("{", encoding="utf-8")
    db = tmp_path / "books.sqlite3"
    code, lines, _ = run(
        capsys,
        "--db",
        str(db),
        "collect",
        str(tmp_path / "empty"),
        str(tmp_path / "bad.bluebook.json"),
    )
    assert code == EXIT_ERROR
    assert lines[0] == f"{tmp_path / 'empty'}\t未导入：“{tmp_path / 'empty'}”中没有蓝皮书文件。"
    assert lines[1].startswith(f"{tmp_path / 'bad.bluebook.json'}\t未导入：")
    code, lines, err = run(capsys, "--db", str(db), "collect")
    assert code == EXIT_ERROR and lines == [] and "命令行参数有误" in err
    assert stored(db) == []


def test_progress_is_heard_and_cancel_stops_between_files(tmp_path: Path) -> None:
    tray = tmp_path / "收件"
    make_in_tray(tray, 6, bad=False)
    store = opened(tmp_path / "books.sqlite3")
    try:
        repository: Repository = store.repository
        heard: list[Outcome] = []
        result = collect(
            [tray],
            repository,
            tmp_path / "kept",
            progress=heard.append,
            cancelled=lambda: len(heard) >= 4,
        )
        assert result.cancelled and len(result.outcomes) == 4 and heard == result.outcomes
        assert REFUSED not in {o.status for o in heard}
        assert sorted(b.id for b in repository.list_books()) == sorted(o.book_id for o in heard)
    finally:
        store.close()


def test_a_package_failing_its_check_leaves_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tray = tmp_path / "收件"
    made = make_in_tray(tray, 7, bad=False)
    package: UnitFile = next(f for f in made if f.name.endswith(".bluebook.zip"))
    path = tray / package.name
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data if name.endswith(".json") else data.replace(b"1.4", b"1.7"))
    db = tmp_path / "books.sqlite3"
    code, lines, _ = run(capsys, "--db", str(db), "collect", str(tray))
    assert code == 1
    report = dict(line.split("\t") for line in lines)
    assert "与记录不符" in report[str(path)]
    assert sorted(b.cover.unit_name for b in stored(db)) == sorted(
        f.unit for f in made if f is not package
    )


def test_a_link_back_up_the_folder_is_not_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tray = tmp_path / "收件"
    made = make_in_tray(tray, 3, bad=False)
    try:
        (tray / "第二批" / "上一级").symlink_to(tray, target_is_directory=True)
    except OSError:
        pytest.skip("links cannot be made here")
    db = tmp_path / "books.sqlite3"
    code, lines, _ = run(capsys, "--db", str(db), "collect", str(tray))
    assert code == 0 and len(lines) == len(made) == len(stored(db))


def test_killed_mid_way_every_reported_book_is_whole(tmp_path: Path) -> None:
    """The process killed while collecting: every book it reported is there whole, and
    every book there is whole (at most one more, stored before it could be reported)."""
    import os
    import signal
    import subprocess
    import sys

    tray = tmp_path / "收件"
    made = {f.unit: f for f in make_in_tray(tray, 40, bad=False) if not f.name.endswith(".docx")}
    for file in tray.rglob("*.docx"):
        file.unlink()
    db = tmp_path / "books.sqlite3"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "bluebook_desktop.cli", "--db", str(db), "collect", str(tray)]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    ) as child:
        assert child.stdout is not None
        lines = []
        while len(lines) < 8:
            line = child.stdout.readline().decode("utf-8")
            assert line, "the collect ended before it could be killed"
            lines.append(line)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        lines += child.stdout.read().decode("utf-8").splitlines(keepends=True)
    assert len(lines) < len(made), "killed before the end"
    reported = [line.rstrip("\n").split("\t") for line in lines]
    books = {b.cover.unit_name: b for b in stored(db)}
    assert all(status == "已导入" for _name, status in reported)
    by_file = {str(tray / f.name): f for f in made.values()}
    for name, _status in reported:
        unit_file = by_file[name]
        assert _tasks(books[unit_file.unit]) == _tasks(unit_file.book)
    assert len(reported) <= len(books) <= len(reported) + 1
    for unit, book in books.items():
        assert _tasks(book) == _tasks(made[unit].book)


def test_the_files_a_collect_reads_are_counted_first(tmp_path: Path) -> None:
    """The window's progress bar: as many steps as a collect reports files, a zip of units'
    files counting its book files, a folder with nothing to read its one refusal."""
    from bluebook_desktop.formats.collecting import count_files

    tray = tmp_path / "收件"
    make_in_tray(tray, 9)
    bundle = tmp_path / "各单位报送.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for file in sorted(tray.rglob("*.bluebook.json")):
            archive.write(file, file.relative_to(tray).as_posix())
        archive.writestr("说明.txt", "不是蓝皮书")
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    paths = [tray, bundle, empty]
    store = opened(tmp_path / "books.sqlite3")
    try:
        result = collect(paths, store.repository, tmp_path / "kept")
    finally:
        store.close()
    assert count_files(paths) == len(result.outcomes)
    assert count_files([bundle]) == len(list(tray.rglob("*.bluebook.json")))
