"""The collection view: one row a unit, what a checker needs, and who has not submitted."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.collection import make_in_tray, unit_book, with_progress
from helpers.files import FIXTURE_BOOK

from bluebook_desktop.cli import UNIT_COLUMNS, main
from bluebook_desktop.domain import ScheduleEntry
from bluebook_desktop.domain.collection import QuarterLights, quarter_lights, unit_row, unit_rows
from bluebook_desktop.domain.year import steps_in
from bluebook_desktop.formats.portable import read_portable, write_portable


def test_quarter_lights_count_every_task() -> None:
    book, _ = unit_book(read_portable(FIXTURE_BOOK), 2)  # three tasks
    assert quarter_lights(book, dt.date(2021, 5, 1)) == ()  # nothing reported: no lights
    book = with_progress(book, 1)  # the first quarter reported 滞后 by every task
    tasks = book.functional_tasks
    in_q2 = sum(1 for t in tasks if steps_in(t, 2))
    lights = quarter_lights(book, dt.date(2021, 5, 1))
    assert lights[0] == QuarterLights(0, 0, 3, 0)
    assert lights[1] == QuarterLights(0, in_q2, 0, in_q2)  # under way, not yet reported
    assert lights[2] == lights[3] == QuarterLights(0, 0, 0, 0)  # not begun: grey
    late = quarter_lights(book, dt.date(2021, 7, 20))  # the second quarter's report overdue
    assert late[1] == QuarterLights(0, 0, in_q2, in_q2)


def test_rows_follow_the_expected_list() -> None:
    base = read_portable(FIXTURE_BOOK)
    books = [replace(unit_book(base, i)[0], id=i + 1) for i in range(3)]
    rows = [unit_row(b, "", dt.date(2022, 1, 1)) for b in books]
    units = [b.cover.unit_name for b in books]
    view = unit_rows(rows, [units[2], "三水区统计局", units[0].replace("三水区", "三水区 ")])
    assert [(r.unit, r.missing) for r in view] == [
        (units[2], False),
        ("三水区统计局", True),
        (units[0], False),
        (units[1], False),  # not on the list: after it
    ]
    assert [r.unit for r in unit_rows(rows)] == sorted(units)


def test_units_as_tsv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tray = tmp_path / "收件"
    made = make_in_tray(tray, 14, bad=False)
    # A book of the year before is not in this year's view.
    old = unit_book(read_portable(FIXTURE_BOOK), 20, year=2020)[0]

    write_portable(old, tray / "去年.bluebook.json")
    db = tmp_path / "books.sqlite3"
    assert main(["--db", str(db), "collect", str(tray)]) == 0
    capsys.readouterr()
    expected = tmp_path / "名单.txt"
    units = [f.unit for f in made]
    expected.write_text("\n".join(["三水区统计局", *units[:5], "三水区林业局"]), encoding="utf-8")
    assert main(["--db", str(db), "units", "--year", "2021", "--expected", str(expected)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines[0] == list(UNIT_COLUMNS)
    rows = lines[1:]
    assert [r[0] for r in rows[:7]] == ["三水区统计局", *units[:5], "三水区林业局"]
    assert len(rows) == 14 + 2
    assert rows[0] == ["三水区统计局", "未报送"] and rows[6] == ["三水区林业局", "未报送"]
    by_unit = {r[0]: r for r in rows if len(r) > 2}
    today = dt.date.today()
    for unit_file in made:
        row = by_unit[unit_file.unit]
        book = unit_file.book
        assert len(row) == len(UNIT_COLUMNS)
        assert dt.datetime.strptime(row[1], "%Y-%m-%d %H:%M").date() in (
            today,
            today - dt.timedelta(days=1),
            today + dt.timedelta(days=1),
        )
        assert row[3:5] == [str(len(book.key_tasks)), str(len(book.functional_tasks))]
        found = row[5].split("；") if row[5] else []
        for defect in unit_file.defects:
            assert any(defect in f for f in found), (unit_file.name, defect, row[5])
        if not unit_file.defects:
            assert found == [], (unit_file.name, row[5])
        reported = max((len(t.progress) for t in book.functional_tasks), default=0)
        if not reported:
            assert row[6:] == ["", "", "", "", ""]
            continue
        tasks = book.functional_tasks
        for quarter in (1, 2, 3, 4):
            with_steps = sum(1 for t in tasks if steps_in(t, quarter))
            if unit_file.name.endswith(".bluebook.zip"):
                continue  # one task reported in the first quarter only: counted below
            if quarter < reported:
                expect = f"{len(tasks)} 绿 0 黄 0 红"
            elif quarter == reported:
                expect = f"0 绿 0 黄 {len(tasks)} 红"
            else:  # the year is over: a quarter with steps and no report is red
                expect = f"0 绿 0 黄 {with_steps} 红"
            assert row[5 + quarter] == expect, (unit_file.name, quarter)
        if not unit_file.name.endswith(".bluebook.zip"):
            unreported = [
                f"第{'一二三四'[q - 1]}季度 {n} 项"
                for q in (1, 2, 3, 4)
                if q > reported and (n := sum(1 for t in tasks if steps_in(t, q)))
            ]
            assert row[10] == "；".join(unreported)
    assert any(by_unit[f.unit][6] for f in made)  # some units reported


def test_an_unprintable_character_is_a_finding(tmp_path: Path) -> None:
    book, _ = unit_book(read_portable(FIXTURE_BOOK), 0)
    first = book.functional_tasks[0]
    odd = replace(first, schedule=(*first.schedule, ScheduleEntry((2,), "推进\U000f0001事项")))
    book = replace(book, functional_tasks=(odd,))
    from bluebook_desktop.formats.pdf import missing_characters

    row = unit_row(book, "", dt.date(2022, 1, 1), missing_characters(book))
    assert [f.text() for f in row.findings] == ["有 1 个字符无法打印：\U000f0001"]


def test_a_bad_list_prints_nothing_but_its_refusal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listing = tmp_path / "名单.xlsx"
    listing.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "--db",
                str(tmp_path / "b.sqlite3"),
                "units",
                "--year",
                "2021",
                "--expected",
                str(listing),
            ]
        )
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    assert (
        out == ""
        and err.startswith("“名单.xlsx”不是 Excel 工作簿或已损坏")
        and err.count("\n") == 1
    )


def test_characters_no_font_prints_are_found_in_many_books_as_in_one() -> None:
    """The view asks about each text of hundreds of books once: the same characters, in the
    same order, as asking book by book."""
    from bluebook_desktop.formats.pdf import missing_characters, missing_characters_of

    base = read_portable(FIXTURE_BOOK)
    books = [unit_book(base, i)[0] for i in range(8)]
    for i, chars in ((2, "\U000f0001\U000f0002"), (5, "\U000f0002"), (6, "\U000f0003\U000f0001")):
        first = books[i].functional_tasks[0]
        odd = replace(first, schedule=(*first.schedule, ScheduleEntry((2,), f"推进{chars}事项")))
        books[i] = replace(books[i], functional_tasks=(odd, *books[i].functional_tasks[1:]))
    one_by_one = [missing_characters(book) for book in books]
    assert missing_characters_of(books) == one_by_one
    assert one_by_one[6] == ["\U000f0003", "\U000f0001"] and one_by_one[0] == []
    assert missing_characters_of(books[:2]) == [[], []]
