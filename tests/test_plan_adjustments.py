"""定稿 and 目标调整: the signed plan, what counts as a change to it, and how each change is
recorded (one line per change, in the form's words; one adjustment per reason being typed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK

from bluebook_desktop.domain import TEXT_MAX, Book, Month, ScheduleEntry, Task, next_year_book
from bluebook_desktop.domain.plan import (
    QUOTE_MAX,
    describe_changes,
    finalize,
    plan_of,
    same_plan,
    with_adjustment,
)
from bluebook_desktop.domain.year import (
    BEHIND,
    COMPLETED,
    Adjustment,
    Evidence,
    Progress,
    Review,
    SelfReview,
)
from bluebook_desktop.formats.portable import dumps, loads

SIGNED = Evidence("2021 政协 定稿.pdf", "ab" * 32, 1234, "application/pdf", dt.date(2021, 10, 12))
DAY = dt.date(2022, 3, 1)


@pytest.fixture
def book() -> Book:
    return loads(FIXTURE_BOOK.read_bytes())


def _functional(book: Book, at: int, **changes: object) -> Book:
    tasks = list(book.functional_tasks)
    tasks[at] = replace(tasks[at], **changes)
    return replace(book, functional_tasks=tuple(tasks))


def _with_year_data(book: Book) -> Book:
    task = replace(
        book.functional_tasks[0],
        progress=(Progress(1, BEHIND, done="开了一次会"),),
        review=Review(COMPLETED, done="全年完成"),
    )
    return replace(
        book,
        functional_tasks=(task, *book.functional_tasks[1:]),
        finalized_on=dt.date(2021, 10, 12),
        signed_copy=SIGNED,
        adjustments=(Adjustment(DAY, "改了", "因为"),),
        self_review=SelfReview("总结"),
    )


# --- the plan ---


def test_the_plan_is_the_book_without_its_year(book: Book) -> None:
    year = _with_year_data(book)
    assert year != book
    assert plan_of(year) == book
    assert plan_of(book) == book
    assert same_plan(year, book)
    # Untouched tasks stay the same objects: comparing them costs nothing.
    assert plan_of(year).functional_tasks[1] is year.functional_tasks[1]


def test_the_year_read_from_a_file_is_no_plan() -> None:
    example = loads(EXAMPLE_YEAR.read_bytes())
    plan = plan_of(example)
    assert example.finalized_on and example.adjustments
    assert plan.finalized_on is None and plan.adjustments == () and plan.signed_copy is None
    assert all(not t.progress and t.review is None for t in plan.functional_tasks)
    assert plan.uid == example.uid  # the book's identity is neither plan nor year


@pytest.mark.parametrize(
    "change",
    [
        lambda b: replace(b, cover=replace(b.cover, phone="87771622")),
        lambda b: replace(b, head_opinion="不同意"),
        lambda b: replace(b, no_key_tasks=not b.no_key_tasks),
        lambda b: _functional(b, 0, leaders=("张三",)),
        lambda b: _functional(b, 1, schedule=b.functional_tasks[1].schedule[:1]),
        lambda b: replace(b, functional_tasks=b.functional_tasks[::-1]),
        lambda b: _functional(b, 2, extra=(("score", "10"),)),  # a column of another form
    ],
)
def test_a_change_of_any_printed_field_is_a_change_of_the_plan(book: Book, change) -> None:
    changed = change(book)
    assert not same_plan(book, changed)
    assert plan_of(book) != plan_of(changed)
    assert describe_changes(book, changed)


def test_year_data_is_no_change_of_the_plan(book: Book) -> None:
    year = _with_year_data(book)
    assert same_plan(book, year)
    assert describe_changes(book, year) == ""


# --- 定稿 ---


def test_finalize_keeps_the_day_and_the_signed_copy(book: Book) -> None:
    signed = finalize(book, dt.date(2021, 10, 12), SIGNED)
    assert signed.finalized_on == dt.date(2021, 10, 12)
    assert signed.signed_copy == SIGNED
    assert plan_of(signed) == plan_of(book)


def test_a_book_is_finalized_once(book: Book) -> None:
    signed = finalize(book, dt.date(2021, 10, 12), SIGNED)
    with pytest.raises(ValueError, match="2021-10-12"):
        finalize(signed, dt.date(2021, 10, 13), SIGNED)


def test_next_year_starts_unsigned_and_unadjusted(book: Book) -> None:
    signed = with_adjustment(
        finalize(book, dt.date(2021, 10, 12), SIGNED),
        _functional(finalize(book, dt.date(2021, 10, 12), SIGNED), 0, target="更高"),
        DAY,
        "上级要求",
    )
    assert signed.adjustments
    following = next_year_book(signed)
    assert following.finalized_on is None
    assert following.signed_copy is None
    assert following.adjustments == ()


# --- describing changes ---


def test_a_cover_field_changed(book: Book) -> None:
    changed = replace(book, cover=replace(book.cover, phone="0757-87771622"))
    assert describe_changes(book, changed) == "封面联系电话：由“87771621”改为“0757-87771622”"


def test_cover_dates_and_empty_fields_read_as_on_the_form(book: Book) -> None:
    changed = replace(
        book,
        cover=replace(
            book.cover,
            filled_on=dt.date(2021, 11, 3),
            issued_on=Month(2021, 10),
            serial="A-12",
            year=2022,
        ),
    )
    assert describe_changes(book, changed).split("\n") == [
        "封面年度：由“2021”改为“2022”",
        "封面编号：由（空）改为“A-12”",
        "封面填表日期：由“2021年10月12日”改为“2021年11月3日”",
        "封面编制年月：由“2021年9月”改为“2021年10月”",
    ]


def test_section_texts_and_the_head_opinion(book: Book) -> None:
    changed = replace(book, head_opinion="", functional_tasks_title="职能工作目标")
    assert describe_changes(book, changed).split("\n") == [
        "第二部分标题：由“职能工作任务目标”改为“职能工作目标”",
        "单位负责人意见：由“同意”改为（空）",
    ]


def test_no_key_tasks_ticked_and_unticked(book: Book) -> None:
    assert book.no_key_tasks  # the real unit has no key task
    book = replace(book, no_key_tasks=False)
    none = replace(book, no_key_tasks=True)
    assert describe_changes(book, none) == "重点工作：改为本单位未承担（填“无”）"
    assert describe_changes(none, book) == "重点工作：取消“本单位未承担”"


def test_a_task_field_changed_names_the_task_by_number_and_name(book: Book) -> None:
    task = book.functional_tasks[1]
    changed = _functional(book, 1, target="实现政协提案办复率95%。")
    assert describe_changes(book, changed) == (
        f"职能工作第 2 项（政治协商）目标：由“{task.target}”改为“实现政协提案办复率95%。”"
    )
    changed = _functional(book, 1, objective="开展提案办理协商。")
    assert describe_changes(book, changed) == (
        "职能工作第 2 项（政治协商）年度目标：由“开展提案办理协商，促进政协提案得到办理。”"
        "改为“开展提案办理协商。”"
    )


def test_leaders_role_and_a_renamed_task(book: Book) -> None:
    key = Task(task="乡村振兴", leaders=("陈晓", "李明"), role="牵头")
    before = replace(book, key_tasks=(key,))
    after = replace(
        book, key_tasks=(replace(key, task="乡村振兴示范", leaders=("陈晓",), role="协办"),)
    )
    assert describe_changes(before, after).split("\n") == [
        "重点工作第 1 项工作任务：由“乡村振兴”改为“乡村振兴示范”",
        "重点工作第 1 项（乡村振兴示范）责任领导：由“陈晓 李明”改为“陈晓”",
        "重点工作第 1 项（乡村振兴示范）牵头/协办：由“牵头”改为“协办”",
    ]
    # the key tasks' objective column says 年度目标/改革要点, as the form does
    after = replace(book, key_tasks=(replace(key, objective="建设示范村"),))
    assert describe_changes(before, after) == (
        "重点工作第 1 项（乡村振兴）年度目标/改革要点：由（空）改为“建设示范村”"
    )


def test_tasks_added_removed_and_moved(book: Book) -> None:
    tasks = book.functional_tasks
    added = replace(book, functional_tasks=(*tasks[:2], Task(task="调研视察"), *tasks[2:]))
    assert describe_changes(book, added) == "职能工作新增第 3 项（调研视察）"
    removed = replace(book, functional_tasks=tasks[1:])
    assert describe_changes(book, removed) == "职能工作删除第 1 项（政治协商）"
    # One task moved up is one line, not a line for each task whose number changed.
    moved = replace(book, functional_tasks=(tasks[0], tasks[3], tasks[1], tasks[2], *tasks[4:]))
    assert describe_changes(book, moved) == "职能工作第 4 项（民主监督）移至第 2 项"
    unnamed = replace(book, key_tasks=(Task(),))
    assert describe_changes(book, unnamed) == "重点工作新增第 1 项（未填工作任务）"


def test_schedule_steps_changed_added_removed_and_moved(book: Book) -> None:
    task = book.functional_tasks[0]
    first, second = task.schedule[0], task.schedule[1]
    where = "职能工作第 1 项（政治协商）全年进度安排"
    quarters = _functional(book, 0, schedule=(replace(first, quarters=(1, 2)), *task.schedule[1:]))
    assert describe_changes(book, quarters).startswith(
        f"{where}第 1 条：由“第一季度：" if first.quarters == (1,) else f"{where}第 1 条：由“"
    )
    assert "改为“第一、二季度：" in describe_changes(book, quarters)
    added = _functional(book, 0, schedule=(*task.schedule, ScheduleEntry((4,), "总结。")))
    assert describe_changes(book, added) == (
        f"{where}新增第 {len(task.schedule) + 1} 条（第四季度：总结。）"
    )
    removed = _functional(book, 0, schedule=task.schedule[1:])
    assert describe_changes(book, removed).startswith(f"{where}删除第 1 条（{first.label}：")
    swapped = _functional(book, 0, schedule=(second, first, *task.schedule[2:]))
    assert describe_changes(book, swapped) == f"{where}第 2 条移至第 1 条"


def test_long_texts_are_shortened_around_the_change(book: Book) -> None:
    long = (
        "围绕区委区政府中心工作，开展专题协商、对口协商、界别协商和提案办理协商，"
        "全年组织协商活动不少于8次。"
    )
    before = _functional(book, 0, objective=long)
    after = _functional(book, 0, objective=long.replace("8次", "10次"))
    line = describe_changes(before, after)
    assert line == (
        "职能工作第 1 项（政治协商）年度目标："
        "由“…年组织协商活动不少于8次。”改为“…年组织协商活动不少于10次。”"
    )
    middle = _functional(book, 0, objective=long.replace("专题协商", "重点专题协商"))
    line = describe_changes(before, middle)
    assert "“…" in line and "重点专题协商" in line and line.count("…") == 4
    for quote in line.split("由", 1)[1].split("改为"):
        assert len(quote) <= QUOTE_MAX + 4  # the quotes and the two …
    named = _functional(book, 0, task="政治协商" * 5, target="实现")
    assert "（政治协商政治协商政治协…）目标" in describe_changes(book, named)


def test_a_line_per_change_whatever_the_text_holds(book: Book) -> None:
    changed = _functional(book, 0, objective="第一行\n第二行")
    line = describe_changes(book, changed)
    assert "\n" not in line
    assert "“第一行 第二行”" in line


def test_a_huge_change_stays_within_an_adjustments_limit(book: Book) -> None:
    tasks = tuple(Task(task=f"任务{i}" + "长" * 20) for i in range(1000))
    after = replace(book, functional_tasks=tasks)
    what = describe_changes(book, after)
    assert len(what) <= TEXT_MAX
    assert what.endswith("处修改")
    assert what.startswith("职能工作删除第 1 项")


# --- adjustments ---


def _signed(book: Book) -> Book:
    return finalize(book, dt.date(2021, 10, 12), SIGNED)


def test_a_change_after_finalizing_is_recorded(book: Book) -> None:
    before = _signed(book)
    after = _functional(before, 0, target="实现全年协商不少于10次。")
    adjusted = with_adjustment(before, after, DAY, "区委新部署")
    [adjustment] = adjusted.adjustments
    assert adjustment.on == DAY
    assert adjustment.why == "区委新部署"
    assert adjustment.what == describe_changes(before, after)
    assert plan_of(adjusted) == plan_of(after)


def test_typing_a_sentence_is_one_adjustment_against_the_plan_before_it(book: Book) -> None:
    plan = _signed(book)
    current = plan
    old_target = book.functional_tasks[0].target
    for typed in ("实", "实现", "实现全年", "实现全年协商10次"):
        after = _functional(current, 0, target=typed)
        current = with_adjustment(current, after, DAY, "区委新部署")
    [adjustment] = current.adjustments
    assert adjustment.what == (
        f"职能工作第 1 项（政治协商）目标：由“{old_target}”改为“实现全年协商10次”"
    )
    # a second field in the same adjustment: both lines, each against the signed plan
    current = with_adjustment(current, replace(current, head_opinion="同意。"), DAY, "区委新部署")
    [adjustment] = current.adjustments
    assert adjustment.what.split("\n") == [
        "单位负责人意见：由“同意”改为“同意。”",
        f"职能工作第 1 项（政治协商）目标：由“{old_target}”改为“实现全年协商10次”",
    ]


def test_another_day_or_reason_is_another_adjustment(book: Book) -> None:
    first = with_adjustment(
        _signed(book), _functional(_signed(book), 0, target="甲"), DAY, "理由一"
    )
    same_day_other_reason = with_adjustment(
        first, _functional(first, 1, target="乙"), DAY, "理由二"
    )
    assert [a.why for a in same_day_other_reason.adjustments] == ["理由一", "理由二"]
    assert same_day_other_reason.adjustments[1].what.startswith("职能工作第 2 项")
    next_day = with_adjustment(
        first, _functional(first, 1, target="乙"), DAY + dt.timedelta(days=1), "理由一"
    )
    assert [a.on for a in next_day.adjustments] == [DAY, DAY + dt.timedelta(days=1)]


def test_an_adjustment_read_back_from_a_file_is_not_typed_into(book: Book) -> None:
    first = with_adjustment(
        _signed(book), _functional(_signed(book), 0, target="甲"), DAY, "理由一"
    )
    read = loads(dumps(first))
    assert read == first
    assert read.adjustments[0].plan_before is None  # the plan before it is not in the file
    again = with_adjustment(read, _functional(read, 1, target="乙"), DAY, "理由一")
    assert len(again.adjustments) == 2  # a new one, not a wrong description of the old


def test_typing_back_what_was_signed_leaves_no_adjustment(book: Book) -> None:
    plan = _signed(book)
    changed = with_adjustment(plan, replace(plan, head_opinion="同意。"), DAY, "笔误")
    assert len(changed.adjustments) == 1
    back = with_adjustment(changed, replace(changed, head_opinion="同意"), DAY, "笔误")
    assert back.adjustments == ()
    assert back == plan


def test_no_change_of_the_plan_no_adjustment(book: Book) -> None:
    plan = _signed(book)
    year = _functional(plan, 0, progress=(Progress(1, BEHIND),))
    assert with_adjustment(plan, year, DAY, "x") == year


def test_the_plan_before_an_adjustment_is_neither_compared_nor_written(book: Book) -> None:
    a = Adjustment(DAY, "改了", "因为", plan_before=book)
    b = Adjustment(DAY, "改了", "因为")
    assert a == b
    assert "plan_before" not in repr(a)
    assert dumps(replace(book, adjustments=(a,))) == dumps(replace(book, adjustments=(b,)))
