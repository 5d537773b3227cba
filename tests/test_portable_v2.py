"""Version 2 of the portable file: the year after the signature, read and written.

A book with nothing version 2 adds is still written as version 1, byte for byte; a book
with progress, a review, 定稿, adjustments, a self-review or a uid is written as version 2,
with its task and step ids, and reads back equal.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers.books import without_ids
from helpers.files import EXAMPLE_YEAR, FIXTURE_BOOK, SCHEMA_V2

from bluebook_desktop.domain import Book, Task, next_year_book
from bluebook_desktop.domain.year import (
    BEHIND,
    COMPLETED,
    DONE,
    Adjustment,
    Evidence,
    Progress,
    Review,
    SelfReview,
)
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import book_to_dict, dumps, loads, read_portable

SHA = "ab" * 32


def _example() -> dict[str, Any]:
    return json.loads(EXAMPLE_YEAR.read_bytes())


def test_example_year_reads_everything_version_2_has() -> None:
    book = loads(EXAMPLE_YEAR.read_bytes())
    assert book.uid == "0c1d2e3f0c1d2e3f0c1d2e3f0c1d2e3f"
    assert book.finalized_on == dt.date(2021, 10, 15)
    assert book.adjustments == (
        Adjustment(
            dt.date(2022, 6, 30),
            "第2项提案办理协调会由第二季度调整至第三季度召开。",
            "承办单位机构调整。",
        ),
    )
    assert book.self_review == SelfReview("示例：全年目标任务总体完成。", dt.date(2022, 12, 20))
    first, second, third = book.functional_tasks
    assert first.progress == (
        Progress(
            1, DONE, done="已与区委协商确定2021年区政协工作要点。", reported_on=dt.date(2022, 4, 6)
        ),
    )
    assert [p.quarter for p in second.progress] == [1, 2]
    assert second.progress[0].value == "交办率100%"
    assert second.progress[1].status == BEHIND
    assert second.progress[1].problems == "承办单位调整。"
    assert second.progress[1].next_steps == "7月上旬召开提案办理协调会。"
    assert third.review == Review(COMPLETED, done="座谈会如期召开，形成调研报告1份。")
    assert third.progress == () and first.review is None


def test_example_year_round_trips() -> None:
    book = loads(EXAMPLE_YEAR.read_bytes())
    written = json.loads(dumps(book))
    assert written["version"] == 2
    # The same data as the file, plus the ids that keep tasks and steps the same rows.
    assert without_ids(written) == _example()
    for task, data in zip(book.functional_tasks, written["book"]["functional_tasks"], strict=True):
        assert data["id"] == task.id
        assert [s["id"] for s in data["schedule"]] == [e.id for e in task.schedule]
    again = loads(dumps(book))
    assert again == book
    assert dumps(again) == dumps(book)


def test_written_version_2_uses_only_the_schema_names() -> None:
    schema = json.loads(SCHEMA_V2.read_bytes())["$defs"]
    book = loads(EXAMPLE_YEAR.read_bytes())
    evidence = Evidence("纪要.pdf", SHA, 1024, "application/pdf", dt.date(2022, 4, 6))
    task = book.functional_tasks[0]
    task = replace(
        task,
        progress=(replace(task.progress[0], evidence=(evidence,)),),
        review=Review("未完成", reason="因故推迟", score=8.5, evidence=(evidence,)),
    )
    book = replace(book, functional_tasks=(task, *book.functional_tasks[1:]))
    data = book_to_dict(book)["book"]
    assert set(data) <= set(schema["book"]["properties"])
    written = data["functional_tasks"][0]
    assert set(written) <= set(schema["task"]["properties"])
    assert set(written["schedule"][0]) <= set(schema["schedule_entry"]["properties"])
    assert set(written["progress"][0]) == {"quarter", "status", "done", "reported_on", "evidence"}
    assert set(written["progress"][0]) <= set(schema["progress"]["properties"])
    assert set(written["review"]) <= set(schema["review"]["properties"])
    assert set(written["progress"][0]["evidence"][0]) == set(schema["evidence"]["properties"])
    assert loads(dumps(book)) == book


def test_version_1_stays_version_1() -> None:
    raw = FIXTURE_BOOK.read_text(encoding="utf-8")
    book = loads(raw)
    assert book.uid == "" and book.finalized_on is None
    assert all(t.progress == () and t.review is None for t in book.functional_tasks)
    assert dumps(book) == raw.rstrip("\n")
    assert json.loads(dumps(book))["version"] == 1


@pytest.mark.parametrize(
    "year_data",
    [
        {"uid": "0c1d2e3f" * 4},
        {"finalized_on": dt.date(2021, 10, 15)},
        {"adjustments": (Adjustment(dt.date(2022, 6, 30), "调整"),)},
        {"self_review": SelfReview()},
    ],
)
def test_any_year_data_makes_version_2(year_data: dict[str, Any]) -> None:
    book = replace(loads(FIXTURE_BOOK.read_bytes()), **year_data)
    written = json.loads(dumps(book))
    assert written["version"] == 2
    assert "id" in written["book"]["functional_tasks"][0]
    assert loads(dumps(book)) == book


def test_a_report_on_one_task_makes_version_2() -> None:
    book = loads(FIXTURE_BOOK.read_bytes())
    task = replace(book.functional_tasks[1], progress=(Progress(2, BEHIND),))
    book = replace(book, functional_tasks=(book.functional_tasks[0], task))
    written = json.loads(dumps(book))
    assert written["version"] == 2
    assert written["book"]["functional_tasks"][1]["progress"] == [{"quarter": 2, "status": "滞后"}]
    assert loads(dumps(book)) == book


def test_progress_is_kept_sorted_by_quarter_and_one_per_quarter() -> None:
    task = Task(progress=(Progress(3, DONE), Progress(1, BEHIND)))
    assert [p.quarter for p in task.progress] == [1, 3]
    with pytest.raises(ValueError):
        Task(progress=(Progress(2, DONE), Progress(2, BEHIND)))


def test_book_uid_is_32_hex_when_set() -> None:
    assert Book(uid="0c1d2e3f" * 4).uid == "0c1d2e3f" * 4
    with pytest.raises(ValueError):
        Book(uid="not-a-uid")


# --- refusals: one message that says where, nothing returned ---


def _refused(edit: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(_example())
    edit(data)
    with pytest.raises(UserError) as caught:
        loads(json.dumps(data, ensure_ascii=False))
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def _second(data: dict[str, Any]) -> dict[str, Any]:
    return data["book"]["functional_tasks"][1]


def _with_evidence(**record: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        _second(data)["progress"][0]["evidence"] = [
            {"name": "纪要.pdf", "sha256": SHA, "size": 10, **record}
        ]

    return edit


REFUSALS: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "bad status": (
        lambda d: _second(d)["progress"][1].update(status="差不多"),
        "functional_tasks[1].progress[1].status：",
        "不是进度（应为 已完成、超进度、按进度、滞后 之一）",
    ),
    "quarter 5": (
        lambda d: _second(d)["progress"][0].update(quarter=5),
        "functional_tasks[1].progress[0].quarter：",
        "5 不是季度（应为 1–4）",
    ),
    "two reports for one quarter": (
        lambda d: _second(d)["progress"][1].update(quarter=1),
        "functional_tasks[1].progress[1].quarter：",
        "第 1 季度已有一份进展报告",
    ),
    "bad sha256": (
        _with_evidence(sha256="AB" * 32),
        "functional_tasks[1].progress[0].evidence[0].sha256：",
        "不是文件的 SHA-256 校验值",
    ),
    "size over 50 MB": (
        _with_evidence(size=50 * 1024 * 1024 + 1),
        "functional_tasks[1].progress[0].evidence[0].size：",
        "每个文件最多 50 MB",
    ),
    "bad date": (
        lambda d: _second(d)["progress"][0].update(reported_on="2022-02-30"),
        "functional_tasks[1].progress[0].reported_on：",
        "2022-02-30 不是有效日期（应为 YYYY-MM-DD）",
    ),
    "bad result": (
        lambda d: d["book"]["functional_tasks"][2]["review"].update(result="优秀"),
        "functional_tasks[2].review.result：",
        "不是自评结果（应为 完成、基本完成、未完成 之一）",
    ),
    "score out of range": (
        lambda d: d["book"]["self_review"].update(score=1001),
        "self_review.score：",
        "1001 不是 0–1000 之间的得分",
    ),
    "bad adjustment date": (
        lambda d: d["book"]["adjustments"][0].update(on="2022/06/30"),
        "adjustments[0].on：",
        "不是有效日期",
    ),
    "adjustment without what": (
        lambda d: d["book"]["adjustments"][0].pop("what"),
        "adjustments[0].what：",
        "缺少必填项",
    ),
    "bad uid": (
        lambda d: d["book"].update(uid="0C1D"),
        "uid：",
        "不是编号（应为 32 位小写十六进制数字）",
    ),
    "bad step id": (
        lambda d: _second(d)["schedule"][0].update(id="x"),
        "functional_tasks[1].schedule[0].id：",
        "不是编号",
    ),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_refusal_says_where_in_plain_words(case: str) -> None:
    edit, where, words = REFUSALS[case]
    message = _refused(edit)
    assert message.startswith(where), message
    assert words in message, message


def test_version_1_file_cannot_carry_version_2_data_by_accident() -> None:
    """A version 1 file is read as before: version 2 names in it are not the year's data."""
    data = json.loads(FIXTURE_BOOK.read_bytes())
    data["book"]["functional_tasks"][0]["progress"] = [{"quarter": 9, "status": "?"}]
    book = loads(json.dumps(data, ensure_ascii=False))
    assert book.functional_tasks[0].progress == ()


# --- carry-over ---


def test_next_year_book_drops_the_years_data() -> None:
    book = loads(EXAMPLE_YEAR.read_bytes())
    new = next_year_book(book)
    assert new.cover.year == 2022
    assert new.uid == ""
    assert new.finalized_on is None
    assert new.adjustments == ()
    assert new.self_review is None
    assert all(t.progress == () and t.review is None for t in new.functional_tasks)
    assert [t.task for t in new.functional_tasks] == [t.task for t in book.functional_tasks]
    # Nothing of the old year is left to write: the new book is a plain version 1 book.
    assert json.loads(dumps(new))["version"] == 1


def test_duplicate_ids_are_refused() -> None:
    def edit(data: dict[str, Any]) -> None:
        tasks = data["book"]["functional_tasks"]
        tasks[0]["id"] = tasks[2]["id"] = "0c1d2e3f" * 4

    message = _refused(edit)
    assert message.startswith("functional_tasks[2].id："), message
    assert "出现了两次" in message


def test_a_version_2_file_imports_twice_as_two_books(tmp_path: Path, repository: Any) -> None:
    """Importing makes new rows: the ids a file carries never collide with stored ones."""
    path = EXAMPLE_YEAR
    first = repository.add(read_portable(path))
    second = repository.add(read_portable(path))
    assert len(repository.list_books()) == 2
    stored = [repository.load(b.id) for b in (first, second)]
    ids = [t.id for book in stored for t in book.functional_tasks]
    assert len(set(ids)) == 6
    assert [t.task for t in stored[1].functional_tasks] == [
        t.task for t in stored[0].functional_tasks
    ]
    # Everything else reads as the file has it.
    assert read_portable(path).uid == loads(path.read_bytes()).uid


def test_the_years_texts_count_towards_the_books_size() -> None:
    """A book's texts, its reports included, are limited together, so it still prints."""

    def edit(data: dict[str, Any]) -> None:
        long = "长" * 20000
        for task in data["book"]["functional_tasks"]:
            task["progress"] = [
                {
                    "quarter": q,
                    "status": "按进度",
                    "done": long,
                    "problems": long,
                    "next_steps": long,
                }
                for q in (1, 2, 3, 4)
            ]

    message = _refused(edit)
    assert message.startswith("book："), message
    assert "内容过多" in message


def test_a_year_imported_on_the_command_line_is_kept_whole(tmp_path, capsys) -> None:
    """Importing the example year keeps its reports, reviews, 定稿 and adjustments: exported
    again, it is the file it was (apart from the new ids importing gives)."""
    from bluebook_desktop.cli import main

    database = tmp_path / "year.sqlite3"
    assert main(["--db", str(database), "import", str(EXAMPLE_YEAR)]) == 0
    book_id = capsys.readouterr().out.strip()
    out = tmp_path / "again.bluebook.json"
    assert main(["--db", str(database), "export", book_id, "--json", str(out)]) == 0
    assert without_ids(json.loads(out.read_text("utf-8"))) == without_ids(_example())
