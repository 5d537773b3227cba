"""The collecting office on a PostgreSQL server: the same in-tray collected into a SQLite
file and into a server gives the same report, the same collection view and the same summary
workbook; a resubmission replaces there too, keeping the earlier copy on this computer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers.collection import make_in_tray, unit_book
from helpers.files import FIXTURE_BOOK
from openpyxl import load_workbook

from bluebook_desktop.cli import main
from bluebook_desktop.formats.package import read_package
from bluebook_desktop.formats.portable import read_portable, write_portable

SUBMITTED = 1  # the units view's 报送时间 column: when each database stored the book


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _view(out: str) -> list[list[str]]:
    rows = [line.split("\t") for line in out.splitlines()]
    for row in rows[1:]:
        if len(row) > SUBMITTED and row[SUBMITTED] != "未报送":
            assert row[SUBMITTED].startswith("20")  # a date and time, as each store wrote it
            row[SUBMITTED] = "…"
    return rows


def _cells(path: Path) -> dict[str, list[list[object]]]:
    workbook = load_workbook(path)
    sheets = {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in workbook.worksheets
    }
    checks = sheets["检查情况"]
    column = checks[1].index("报送时间")  # when each database stored the book
    for row in checks[2:]:
        if row[column] not in (None, "未报送"):
            row[column] = "…"
    return sheets


def test_collect_view_and_summary_are_the_same_on_a_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url: str
) -> None:
    tray = tmp_path / "收件"
    made = make_in_tray(tray, 24)
    expected = tmp_path / "名单.txt"
    expected.write_text("\n".join(["三水区统计局", *(f.unit for f in made)]), encoding="utf-8")
    results = {}
    for name, db in (("file", str(tmp_path / "office.sqlite3")), ("server", postgres_url)):
        collected = run(capsys, "--db", db, "collect", str(tray))
        view = run(capsys, "--db", db, "units", "--year", "2021", "--expected", str(expected))
        xlsx = tmp_path / f"{name}.xlsx"
        summary = run(capsys, "--db", db, "summary", "--year", "2021", "--xlsx", str(xlsx))
        assert view[0] == 0 and summary[0] == 0
        results[name] = (collected, _view(view[1]), _cells(xlsx))
    (file_collected, file_view, file_cells) = results["file"]
    (server_collected, server_view, server_cells) = results["server"]
    assert file_collected[0] == server_collected[0] == 1  # the bad files refused on both
    assert server_collected[1] == file_collected[1]  # line by line, the same words
    assert "共 28 个文件：导入 24，替换 0，未导入 4。" in server_collected[2]
    assert server_view == file_view and server_view[1][:2] == ["三水区统计局", "未报送"]
    assert len(server_view) == 1 + 1 + 24
    assert server_cells == file_cells and len(server_cells["汇总表"]) > 3 + 24


def test_a_resubmission_replaces_on_a_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url: str
) -> None:
    from bluebook_desktop.db.store import open_store

    base = read_portable(FIXTURE_BOOK)
    first = replace(unit_book(base, 0)[0], uid="cd" * 16)
    write_portable(first, tmp_path / "a.bluebook.json")
    again = replace(first, functional_tasks=base.functional_tasks[:2])
    write_portable(again, tmp_path / "a2.bluebook.json")
    assert run(capsys, "--db", postgres_url, "collect", str(tmp_path / "a.bluebook.json"))[0] == 0
    code, out, err = run(
        capsys, "--db", postgres_url, "collect", str(tmp_path / "a2.bluebook.json")
    )
    assert (code, out) == (0, f"{tmp_path / 'a2.bluebook.json'}\t已替换\n")
    with open_store(postgres_url) as store:
        repository = store.repository
        [only] = [repository.load(s.id) for s in repository.list_books()]
    assert [t.task for t in only.functional_tasks] == [t.task for t in again.functional_tasks]
    kept = list((tmp_path / "home").rglob("replaced/*"))
    assert len(kept) == 1 and str(kept[0].parent) in err
    with read_package(kept[0]) as packaged:  # kept with its files, as a package
        old = packaged.book
    assert [t.task for t in old.functional_tasks] == [t.task for t in first.functional_tasks]
