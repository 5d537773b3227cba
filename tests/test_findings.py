"""The checker's findings: each defect of a book gives one sentence in the form's own words,
in the order of the printed form, with the place it is about."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from helpers.files import FIXTURE_BOOK

from bluebook_desktop.domain import Book, Cover, ScheduleEntry, Task, print_problems
from bluebook_desktop.domain.findings import FILLER, Finding, findings
from bluebook_desktop.domain.form import FORM
from bluebook_desktop.formats.portable import read_portable


@pytest.fixture(scope="module")
def real_book() -> Book:
    return read_portable(FIXTURE_BOOK)


def _texts(found: list[Finding]) -> list[str]:
    return [f.text() for f in found]


def _one_good_task(**changes: object) -> Task:
    task = Task(
        task="提案办理",
        objective="提高办理质量",
        schedule=(ScheduleEntry((1,), "召开协调会"),),
        leaders=("陈晓",),
        role="牵头",
    )
    return dataclasses.replace(task, **changes)


def _good_book(**changes: object) -> Book:
    cover = Cover(
        year=2021,
        unit_name="区政协",
        filler_name="傅冰",
        filler_position="副主任",
        phone="87771621",
        filled_on=dt.date(2021, 10, 12),
    )
    book = Book(
        cover=cover,
        key_tasks=(_one_good_task(),),
        functional_tasks=(_one_good_task(role=None),),
    )
    return dataclasses.replace(book, **changes)


def test_the_real_book_has_only_the_guideline_finding(real_book: Book):
    found = findings(real_book)
    assert _texts(found) == ["重点工作与职能工作合计 9 项（原则上不超过 3 项）"]
    assert found[0].place == ("functional_tasks", 0, 0)


def test_a_good_book_has_no_finding():
    assert findings(_good_book()) == []


def test_each_missing_cover_field_is_named_by_its_label_in_the_form_order():
    cover = dataclasses.replace(
        _good_book().cover, unit_name="  ", filler_name="", phone="", filled_on=None
    )
    found = findings(_good_book(cover=cover))
    assert _texts(found) == ["未填写单位名称", "未填写填表人", "未填写联系电话", "未填写填表日期"]
    assert [f.where for f in found] == ["unit_name", "filler", "phone", "filled_on"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"unit_name": ""}, "未填写单位名称"),
        ({"filler_name": " "}, "未填写填表人"),
        ({"phone": ""}, "未填写联系电话"),
        ({"filled_on": None}, "未填写填表日期"),
    ],
)
def test_one_missing_cover_field_gives_exactly_its_finding(changes, expected):
    cover = dataclasses.replace(_good_book().cover, **changes)
    assert _texts(findings(_good_book(cover=cover))) == [expected]


def test_task_defects_are_named_by_section_task_and_step():
    key = (
        _one_good_task(),
        _one_good_task(
            task=" ",
            leaders=(),
            role=None,
            schedule=(ScheduleEntry((2,), "调研"), ScheduleEntry((), "总结")),
        ),
    )
    functional = (_one_good_task(role=None, leaders=("",)),)
    found = findings(_good_book(key_tasks=key, functional_tasks=functional))
    assert _texts(found) == [
        "重点工作第 2 项未填写工作任务",
        "重点工作第 2 项第 2 条进度安排未勾选季度",
        "重点工作第 2 项未填写责任领导",
        "重点工作第 2 项未选择牵头或协办",
        "职能工作第 1 项未填写责任领导",
    ]
    assert [f.place for f in found] == [
        ("key_tasks", 2, 0),
        ("key_tasks", 2, 2),
        ("key_tasks", 2, 0),
        ("key_tasks", 2, 0),
        ("functional_tasks", 1, 0),
    ]


def test_a_key_section_marked_none_is_not_checked():
    bad = (_one_good_task(task="", leaders=(), role=None),)
    book = _good_book(no_key_tasks=True, key_tasks=bad)
    assert findings(book) == []


def test_role_is_asked_only_where_the_form_has_the_role_column():
    without_role = tuple(c for c in FORM.key_tasks.columns if c.name != "role")
    key = dataclasses.replace(FORM.key_tasks, columns=without_role)
    form = dataclasses.replace(FORM, sections=(key, FORM.functional_tasks))
    book = _good_book(key_tasks=(_one_good_task(role=None),))
    assert _texts(findings(book)) == ["重点工作第 1 项未选择牵头或协办"]
    assert findings(book, form) == []


def test_the_guideline_counts_both_tables():
    tasks = tuple(_one_good_task(role=None) for _ in range(3))
    assert _texts(findings(_good_book(functional_tasks=tasks))) == [
        "重点工作与职能工作合计 4 项（原则上不超过 3 项）"
    ]


def test_characters_no_font_prints_are_counted_once():
    found = findings(_good_book(), missing_chars=["𠀀", "䶮", "𠀀"])
    assert _texts(found) == ["有 2 个字符无法打印：𠀀、䶮"]
    assert found[0].where == "text"


def test_another_forms_phone_label_words_its_finding():
    fields = tuple(
        dataclasses.replace(f, label="办公电话") if f.name == "phone" else f
        for f in FORM.cover_fields
    )
    form = dataclasses.replace(FORM, cover_fields=fields)
    cover = dataclasses.replace(_good_book().cover, phone="")
    assert _texts(findings(_good_book(cover=cover), form)) == ["未填写办公电话"]


def test_findings_translate_their_template_and_the_forms_words():
    template = "{section}第 {number} 项未填写{column}"
    english = {
        ("findings", template): "{section} item {number}: no {column}",
        ("form", "重点工作"): "Key tasks",
        ("form", "责任领导"): "leaders",
    }
    book = _good_book(key_tasks=(_one_good_task(leaders=()),))
    (found,) = findings(book)
    assert found.text(lambda context, text: english.get((context, text), text)) == (
        "Key tasks item 1: no leaders"
    )


def test_print_problems_still_name_the_same_task_defects():
    key = (_one_good_task(task="", role=None, schedule=(ScheduleEntry((), "总结"),)),)
    texts = [w.text() for w in print_problems(_good_book(key_tasks=key, head_opinion="同意"))]
    assert texts == [
        "重点工作第 1 项：未填写工作任务。",
        "重点工作第 1 项：未选择牵头或协办。",
        "重点工作第 1 项：第 1 条进度安排未勾选季度。",
    ]


def test_the_filler_is_named_by_the_shortest_of_its_labels():
    assert FILLER == "填表人"
    cover = dataclasses.replace(_good_book().cover, filler_name="")
    assert _texts(findings(_good_book(cover=cover))) == [f"未填写{FILLER}"]


def test_a_form_without_a_phone_line_still_asks_for_the_phone_in_this_forms_words():
    fields = tuple(f for f in FORM.cover_fields if f.name != "phone")
    form = dataclasses.replace(FORM, cover_fields=fields)
    cover = dataclasses.replace(_good_book().cover, phone="", filled_on=None)
    assert _texts(findings(_good_book(cover=cover), form)) == ["未填写填表日期", "未填写联系电话"]


def test_a_column_the_form_lacks_is_not_asked_for():
    columns = tuple(c for c in FORM.functional_tasks.columns if c.name != "leaders")
    functional = dataclasses.replace(FORM.functional_tasks, columns=columns)
    form = dataclasses.replace(FORM, sections=(FORM.key_tasks, functional))
    book = _good_book(functional_tasks=(_one_good_task(role=None, leaders=()),))
    assert _texts(findings(book)) == ["职能工作第 1 项未填写责任领导"]
    assert findings(book, form) == []
