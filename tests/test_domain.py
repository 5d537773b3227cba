"""The form's own rules, on plain values: no database, no Qt."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest

from bluebook_desktop.domain import (
    LEAD,
    Book,
    Cover,
    Month,
    ScheduleEntry,
    Task,
    chinese_date,
    cover_problems,
    guideline_warning,
    leaders_text,
    next_year_book,
    parse_date,
    parse_leaders,
    phone_problem,
    quarter_label,
    serial_numbers,
)

QUARTER_LABELS = [
    ((1,), "第一季度"),
    ((2,), "第二季度"),
    ((3,), "第三季度"),
    ((4,), "第四季度"),
    ((1, 2), "第一、二季度"),
    ((1, 3), "第一、三季度"),
    ((1, 4), "第一、四季度"),
    ((2, 3), "第二、三季度"),
    ((2, 4), "第二、四季度"),
    ((3, 4), "第三、四季度"),
    ((1, 2, 3), "第一、二、三季度"),
    ((1, 2, 4), "第一、二、四季度"),
    ((1, 3, 4), "第一、三、四季度"),
    ((2, 3, 4), "第二、三、四季度"),
    ((1, 2, 3, 4), "全年"),
]


def test_quarter_label_table_covers_every_non_empty_combination() -> None:
    combinations = {
        combo for size in range(1, 5) for combo in itertools.combinations((1, 2, 3, 4), size)
    }
    assert {quarters for quarters, _ in QUARTER_LABELS} == combinations
    assert len(QUARTER_LABELS) == 15


@pytest.mark.parametrize(("quarters", "expected"), QUARTER_LABELS)
def test_quarter_label(quarters: tuple[int, ...], expected: str) -> None:
    assert quarter_label(quarters) == expected
    # The order quarters were ticked in does not matter.
    assert quarter_label(reversed(quarters)) == expected
    assert ScheduleEntry(tuple(reversed(quarters)), "x").label == expected


def test_quarter_label_empty() -> None:
    assert quarter_label(()) == ""


def test_schedule_entry_quarters_are_a_set() -> None:
    entry = ScheduleEntry((3, 2, 3), "召开提案办理协调会。")
    assert entry.quarters == (2, 3)
    same = ScheduleEntry((2, 3), "召开提案办理协调会。", entry.id)
    assert entry == same
    # Each step is its own: another with the same quarters and text has another id.
    other = ScheduleEntry((2, 3), "召开提案办理协调会。")
    assert other != entry and len(other.id) == 32 and other.id != entry.id


@pytest.mark.parametrize("quarters", [[3, 1], {4, 2}, (2, 1), (1, 1)])
def test_schedule_entry_quarters_of_any_kind_come_out_sorted(quarters) -> None:
    entry = ScheduleEntry(quarters, "x")
    assert entry.quarters == tuple(sorted(set(quarters)))
    assert type(entry.quarters) is tuple


@pytest.mark.parametrize("quarters", [(0,), (5,), (1, 5), [2, 7], ("1",)])
def test_schedule_entry_refuses_what_is_no_quarter(quarters) -> None:
    with pytest.raises((ValueError, TypeError)):
        ScheduleEntry(quarters, "x")


@pytest.mark.parametrize(
    ("quarters", "text", "printed"),
    [
        ((2, 3), "召开提案办理协调会。", "第二、三季度：召开提案办理协调会。"),
        ((1,), "完成提案交办。", "第一季度：完成提案交办。"),
        ((1, 2, 3, 4), "收集社情民意信息。", "全年：收集社情民意信息。"),
        ((), "没有季度的一行。", "没有季度的一行。"),
    ],
)
def test_schedule_entry_printed(quarters: tuple[int, ...], text: str, printed: str) -> None:
    assert ScheduleEntry(quarters, text).printed() == printed


def test_schedule_lines_keep_the_users_order() -> None:
    # Task 7 of the real form prints 第一季度 before 全年.
    task = Task(schedule=(ScheduleEntry((1,), "召开全会。"), ScheduleEntry((1, 2, 3, 4), "收集。")))
    assert task.schedule_lines() == ["第一季度：召开全会。", "全年：收集。"]


def test_serial_numbers() -> None:
    assert serial_numbers([]) == []
    assert serial_numbers([Task(), Task(), Task()]) == ["1", "2", "3"]
    assert serial_numbers([Task() for _ in range(12)])[-2:] == ["11", "12"]


def test_objective_lines_with_target() -> None:
    task = Task(objective="开展提案办理协商。", target="实现政协提案办复率100%。")
    assert task.objective_lines() == ["开展提案办理协商。", "目标：实现政协提案办复率100%。"]


def test_objective_lines_without_target() -> None:
    assert Task(objective="加强沟通联系。").objective_lines() == ["加强沟通联系。"]
    assert Task(target="只有目标。").objective_lines() == ["目标：只有目标。"]
    assert Task().objective_lines() == []


def test_leaders_text() -> None:
    assert leaders_text(["何兰芳", "李飞跃"]) == "何兰芳 李飞跃"
    assert leaders_text(["陈晓", "李飞跃"]) == "陈晓 李飞跃"
    assert leaders_text([" 陈晓 ", "", "  "]) == "陈晓"
    assert leaders_text([]) == ""


def test_leaders_text_padded() -> None:
    assert leaders_text(["陈晓", "李飞跃"], pad_two_character_names=True) == "陈 晓 李飞跃"
    assert leaders_text(["何兰芳"], pad_two_character_names=True) == "何兰芳"
    assert leaders_text(["欧阳小明"], pad_two_character_names=True) == "欧阳小明"


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("陈 晓 李飞跃", ("陈晓", "李飞跃")),
        ("陈晓 李飞跃", ("陈晓", "李飞跃")),
        ("何兰芳,李飞跃", ("何兰芳", "李飞跃")),
        ("何兰芳，李飞跃", ("何兰芳", "李飞跃")),
        ("何兰芳、李飞跃、陈晓", ("何兰芳", "李飞跃", "陈晓")),
        ("  陈 晓 、 刘小侠  ", ("陈晓", "刘小侠")),
        ("", ()),
    ],
)
def test_parse_leaders(typed: str, names: tuple[str, ...]) -> None:
    assert parse_leaders(typed) == names


def test_parse_leaders_reads_what_padding_printed() -> None:
    names = ("陈晓", "李飞跃", "何兰芳")
    assert parse_leaders(leaders_text(names, pad_two_character_names=True)) == names


def test_guideline_warning() -> None:
    assert guideline_warning(Book()) is None
    assert guideline_warning(Book(functional_tasks=(Task(), Task(), Task()))) is None
    three = Book(key_tasks=(Task(role=LEAD),), functional_tasks=(Task(), Task()))
    assert guideline_warning(three) is None
    four = Book(key_tasks=(Task(role=LEAD),), functional_tasks=(Task(), Task(), Task()))
    warning = guideline_warning(four)
    assert warning is not None
    assert warning.where == "functional_tasks"
    assert warning.params == {"count": 4, "limit": 3}
    assert warning.text() == "重点工作与职能工作合计 4 项，表格说明原则上不超过 3 项。"


def test_guideline_warning_excludes_key_tasks_declared_none() -> None:
    book = Book(
        no_key_tasks=True, key_tasks=(Task(), Task()), functional_tasks=(Task(), Task(), Task())
    )
    assert guideline_warning(book) is None


def test_guideline_warning_on_the_real_form(fixture_book: Book) -> None:
    warning = guideline_warning(fixture_book)
    assert warning is not None
    assert warning.params["count"] == 9


@pytest.mark.parametrize(
    "phone", ["87771621", "8777162", "0757-87771621", "075787771621", "13800138000", "", " "]
)
def test_phone_accepted(phone: str) -> None:
    assert phone_problem(phone) is None


@pytest.mark.parametrize(
    "phone", ["123", "1234567890123", "12345678901", "8777abcd", "phone", "0757-", "12800138000"]
)
def test_phone_refused(phone: str) -> None:
    problem = phone_problem(phone)
    assert problem is not None
    assert "联系电话" in problem


def test_cover_problems_of_a_good_cover(fixture_book: Book) -> None:
    assert cover_problems(fixture_book.cover) == {}


def test_cover_problems() -> None:
    cover = Cover(year=1999, unit_name=" ", phone="123", filled_on=dt.date(2025, 1, 1))
    problems = cover_problems(cover)
    assert set(problems) == {"year", "unit_name", "phone", "filled_on"}
    assert "2000" in problems["year"]
    assert "单位名称" in problems["unit_name"]
    assert "联系电话" in problems["phone"]
    # Filled early in the following year is normal, not a problem.
    ok = Cover(year=2021, unit_name="单位", filled_on=dt.date(2022, 1, 5))
    assert cover_problems(ok) == {}


def test_parse_date() -> None:
    assert parse_date("2021-10-12") == dt.date(2021, 10, 12)
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "text", ["2021-02-30", "2021-13-01", "2021-2-3", "20211012", "2021/10/12", "", "2021-10-12 "]
)
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_chinese_date() -> None:
    assert chinese_date(dt.date(2021, 10, 12)) == "2021年10月12日"
    assert chinese_date(dt.date(2021, 9, 5)) == "2021年9月5日"
    assert chinese_date(None) == ""


def steps(task: Task) -> list[tuple[tuple[int, ...], str]]:
    return [(entry.quarters, entry.text) for entry in task.schedule]


def test_next_year_book(fixture_book: Book) -> None:
    previous = fixture_book
    assert previous.cover.serial == "" and previous.head_opinion == "同意"
    previous = replace(previous, id=7, cover=replace(previous.cover, serial="A-1"))

    book = next_year_book(previous)

    assert book.id is None
    assert book.cover.year == 2022
    assert book.cover.serial == ""
    assert book.cover.filled_on is None
    assert book.head_opinion == ""
    assert book.cover.issued_on == Month(2022, 9)
    # What does not belong to the year is kept.
    assert book.cover.unit_name == previous.cover.unit_name
    assert book.cover.filler_name == "傅冰"
    assert book.cover.phone == "87771621"
    assert book.functional_tasks_note == previous.functional_tasks_note
    # Tasks are copied as new rows: same content, new ids.
    assert len(book.functional_tasks) == len(previous.functional_tasks) == 9
    old_ids = {t.id for t in previous.functional_tasks + previous.key_tasks}
    new_ids = {t.id for t in book.functional_tasks + book.key_tasks}
    assert len(new_ids) == 9
    assert not old_ids & new_ids
    for old, new in zip(previous.functional_tasks, book.functional_tasks, strict=True):
        assert (old.task, old.objective, old.target, steps(old), old.leaders) == (
            new.task,
            new.objective,
            new.target,
            steps(new),
            new.leaders,
        )
    # So are their steps.
    old_steps = {e.id for t in previous.functional_tasks for e in t.schedule}
    new_steps = {e.id for t in book.functional_tasks for e in t.schedule}
    assert len(new_steps) == len(old_steps) == 21
    assert not old_steps & new_steps
    # The previous book itself is untouched.
    assert previous.cover.year == 2021 and previous.cover.serial == "A-1"


def test_next_year_book_moves_the_year_in_the_title() -> None:
    previous = Book(cover=Cover(year=2021, title="2021年度绩效目标责任书", issued_on=None))
    book = next_year_book(previous)
    assert book.cover.title == "2022年度绩效目标责任书"
    assert book.cover.issued_on is None


def test_print_check_names_an_empty_book_opinion_and_date() -> None:
    from bluebook_desktop.domain import Book, Cover, print_problems

    empty = Book(cover=Cover(unit_name="政协"), head_opinion="")
    where = {problem.where for problem in print_problems(empty)}
    assert {"functional_tasks", "head_opinion", "filled_on"} <= where


def test_print_check_is_quiet_about_what_is_filled(fixture_book) -> None:
    from bluebook_desktop.domain import print_problems

    where = {problem.where for problem in print_problems(fixture_book)}
    assert not {"functional_tasks", "head_opinion", "filled_on"} & where


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("８７７７１６２１", "87771621"),
        ("(0757)87771621", "0757-87771621"),
        ("（0757）87771621", "0757-87771621"),
        ("0757 87771621", "0757-87771621"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("0757-87771621", "0757-87771621"),
        ("8777abcd", "8777abcd"),
    ],
)
def test_phone_numbers_are_normalized_not_flagged(typed: str, normal: str) -> None:
    from bluebook_desktop.domain import normalize_phone

    assert normalize_phone(typed) == normal
    assert (phone_problem(typed) is None) == (normal != "8777abcd")
