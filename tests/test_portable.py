"""The portable file (*.bluebook.json): exact round trips, and every bad file refused plainly."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers.files import SCHEMA_V1

from bluebook_desktop.db.repository import Repository
from bluebook_desktop.domain import ASSIST, LEAD, Book, ScheduleEntry, Task
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.portable import (
    dumps,
    loads,
    read_portable,
    step_dict,
    write_portable,
)

# --- round trips ---


def test_fixture_round_trips_byte_for_byte(fixture_bytes: bytes) -> None:
    assert dumps(loads(fixture_bytes)).encode("utf-8") == fixture_bytes


def test_fixture_round_trips_through_the_database(
    fixture_bytes: bytes, repository: Repository
) -> None:
    stored = repository.add(loads(fixture_bytes))
    assert stored.id is not None
    assert dumps(repository.load(stored.id)).encode("utf-8") == fixture_bytes


def test_write_portable_writes_the_same_bytes(fixture_bytes: bytes, tmp_path: Path) -> None:
    target = tmp_path / "出口" / "book.bluebook.json"
    target.parent.mkdir()
    write_portable(loads(fixture_bytes), target)
    assert target.read_bytes() == fixture_bytes
    assert dumps(read_portable(target)).encode("utf-8") == fixture_bytes
    assert [p.name for p in target.parent.iterdir()] == ["book.bluebook.json"]


def test_utf8_with_bom_reads_the_same(fixture_bytes: bytes) -> None:
    with_bom = b"\xef\xbb\xbf" + fixture_bytes
    assert dumps(loads(with_bom)).encode("utf-8") == fixture_bytes
    assert dumps(loads(with_bom.decode("utf-8"))).encode("utf-8") == fixture_bytes


def test_key_tasks_and_roles_round_trip(fixture_book: Book) -> None:
    key_tasks = (
        Task(
            task="改革重点项目",
            objective="推进改革。",
            target="完成改革任务。",
            schedule=(ScheduleEntry((1, 2), "启动。"), ScheduleEntry((1, 2, 3, 4), "推进。")),
            leaders=("陈晓",),
            role=LEAD,
        ),
        Task(task="重点工作", objective="配合。", role=ASSIST),
    )
    book = replace(fixture_book, key_tasks=key_tasks, no_key_tasks=False)
    text = dumps(book)
    data = json.loads(text)
    assert [t["role"] for t in data["book"]["key_tasks"]] == [LEAD, ASSIST]
    again = loads(text)
    assert not again.no_key_tasks
    assert [t.role for t in again.key_tasks] == [LEAD, ASSIST]
    assert [(e.quarters, e.text) for e in again.key_tasks[0].schedule] == [
        (e.quarters, e.text) for e in key_tasks[0].schedule
    ]
    assert dumps(again) == text


def test_version_1_has_no_step_ids(fixture_book: Book) -> None:
    """A version 1 file is written without step ids, and read back with new ones."""
    text = dumps(fixture_book)
    steps = [s for t in json.loads(text)["book"]["functional_tasks"] for s in t["schedule"]]
    assert len(steps) == 21 and all(set(step) == {"quarters", "text"} for step in steps)
    again = loads(text)
    ids = [e.id for t in again.functional_tasks for e in t.schedule]
    before = {e.id for t in fixture_book.functional_tasks for e in t.schedule}
    assert len(set(ids)) == 21 and not before & set(ids)
    # Version 2 (bluebook-v2.schema.json) may carry the id: 32 lowercase hex digits.
    entry = fixture_book.functional_tasks[0].schedule[0]
    assert step_dict(entry, with_id=True) == {
        "quarters": list(entry.quarters),
        "text": entry.text,
        "id": entry.id,
    }
    assert re.fullmatch("[0-9a-f]{32}", entry.id)


def test_an_empty_key_table_reads_as_none(fixture_book: Book) -> None:
    assert fixture_book.no_key_tasks
    assert fixture_book.prints_no_key_tasks


def test_empty_dates_are_left_out(fixture_book: Book) -> None:
    book = replace(fixture_book, cover=replace(fixture_book.cover, filled_on=None, issued_on=None))
    data = json.loads(dumps(book))["book"]
    assert "filled_on" not in data and "issued_on" not in data
    again = loads(dumps(book))
    assert again.cover.filled_on is None and again.cover.issued_on is None


# --- bad files ---


def _edited(fixture_bytes: bytes, edit: Callable[[dict[str, Any]], None]) -> bytes:
    data = json.loads(fixture_bytes)
    edit(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _refused(raw: bytes | str, repository: Repository) -> str:
    """Import `raw` as the window would; returns the message and checks nothing was stored."""
    with pytest.raises(UserError) as caught:
        repository.add(loads(raw))
    assert repository.list_books() == []
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert len(message) < 300
    return message


def _set_book(name: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["book"][name] = value

    return edit


def _set_task(index: int, name: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["book"]["functional_tasks"][index][name] = value

    return edit


def _set_quarters(value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["book"]["functional_tasks"][0]["schedule"][0]["quarters"] = value

    return edit


def test_not_json(repository: Repository) -> None:
    message = _refused(b'{"format": "bluebook", ', repository)
    assert "JSON" in message
    assert "第 1 行" in message


@pytest.mark.parametrize("raw", [b"", b"   \r\n\t", b"\xef\xbb\xbf"])
def test_empty_file(raw: bytes, repository: Repository) -> None:
    assert _refused(raw, repository) == "文件是空的。"


def test_not_utf8(fixture_bytes: bytes, repository: Repository) -> None:
    gbk = fixture_bytes.decode("utf-8").encode("gbk")
    assert "UTF-8" in _refused(gbk, repository)


@pytest.mark.parametrize(
    "raw",
    [
        b"[]",
        b'"bluebook"',
        b"42",
        b'{"format": "docx", "version": 1, "book": {}}',
        b'{"version": 1, "book": {}}',
    ],
)
def test_wrong_format(raw: bytes, repository: Repository) -> None:
    assert "不是蓝皮书文件" in _refused(raw, repository)


def test_future_version(fixture_bytes: bytes, repository: Repository) -> None:
    raw = _edited(fixture_bytes, lambda data: data.update(version=3))
    message = _refused(raw, repository)
    assert "更新版本" in message
    assert "3" in message


@pytest.mark.parametrize("version", [0, "1", True, 1.0, None, [1]])
def test_unsupported_version(version: object, fixture_bytes: bytes, repository: Repository) -> None:
    raw = _edited(fixture_bytes, lambda data: data.update(version=version))
    assert _refused(raw, repository).startswith("version：")


def test_missing_version(fixture_bytes: bytes, repository: Repository) -> None:
    raw = _edited(fixture_bytes, lambda data: data.pop("version"))
    assert _refused(raw, repository).startswith("version：")


@pytest.mark.parametrize(
    ("edit", "place", "detail"),
    [
        (_set_book("year", "2021"), "year", '"2021"'),
        (_set_book("year", 1999), "year", "1999"),
        (_set_book("year", True), "year", "true"),
        (_set_book("unit_name", 3), "unit_name", "数字 3"),
        (_set_book("filled_on", "2021-02-30"), "filled_on", "2021-02-30"),
        (_set_book("filled_on", "2021/10/12"), "filled_on", "2021/10/12"),
        (_set_book("issued_on", "2021-13"), "issued_on", "2021-13"),
        (_set_book("key_tasks", {}), "key_tasks", "对象"),
        (_set_book("functional_tasks", None), "functional_tasks", "null"),
        (_set_task(0, "leaders", "何兰芳 李飞跃"), "functional_tasks[0].leaders", "文字"),
        (_set_task(1, "leaders", ["陈晓", 7]), "functional_tasks[1].leaders[1]", "数字 7"),
        (_set_task(2, "schedule", {}), "functional_tasks[2].schedule", "对象"),
        (_set_task(3, "target", None), "functional_tasks[3].target", "null"),
        (_set_quarters([5]), "functional_tasks[0].schedule[0].quarters", "5"),
        (_set_quarters([0]), "functional_tasks[0].schedule[0].quarters", "0"),
        (_set_quarters([]), "functional_tasks[0].schedule[0].quarters", "至少"),
        (_set_quarters([2, 2]), "functional_tasks[0].schedule[0].quarters", "重复"),
        (_set_quarters([1, 2, 3, 4, 1]), "functional_tasks[0].schedule[0].quarters", "过多"),
        (_set_quarters(["1"]), "functional_tasks[0].schedule[0].quarters", '"1"'),
        (_set_quarters([1.5]), "functional_tasks[0].schedule[0].quarters", "1.5"),
        (_set_quarters(1), "functional_tasks[0].schedule[0].quarters", "数字 1"),
    ],
)
def test_wrong_values(
    edit: Callable[[dict[str, Any]], None],
    place: str,
    detail: str,
    fixture_bytes: bytes,
    repository: Repository,
) -> None:
    message = _refused(_edited(fixture_bytes, edit), repository)
    assert message.startswith(place + "："), message
    assert detail in message


def test_quarter_five_message(fixture_bytes: bytes, repository: Repository) -> None:
    message = _refused(_edited(fixture_bytes, _set_quarters([5])), repository)
    assert message == "functional_tasks[0].schedule[0].quarters：5 不是季度（应为 1–4）。"


@pytest.mark.parametrize(
    ("path", "place"),
    [
        (("book", "unit_name"), "unit_name"),
        (("book", "year"), "year"),
        (("book", "functional_tasks"), "functional_tasks"),
        (("book", "key_tasks"), "key_tasks"),
        (("book", "functional_tasks", 4, "objective"), "functional_tasks[4].objective"),
        (("book", "functional_tasks", 0, "task"), "functional_tasks[0].task"),
        (
            ("book", "functional_tasks", 8, "schedule", 1, "text"),
            "functional_tasks[8].schedule[1].text",
        ),
    ],
)
def test_missing_required_field(
    path: tuple[str | int, ...], place: str, fixture_bytes: bytes, repository: Repository
) -> None:
    def edit(data: dict[str, Any]) -> None:
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        del parent[path[-1]]

    message = _refused(_edited(fixture_bytes, edit), repository)
    assert message == place + "：缺少必填项。"


def test_missing_book(fixture_bytes: bytes, repository: Repository) -> None:
    message = _refused(_edited(fixture_bytes, lambda data: data.pop("book")), repository)
    assert message.startswith("book：")


def test_two_million_character_string(fixture_bytes: bytes, repository: Repository) -> None:
    raw = _edited(fixture_bytes, _set_task(0, "objective", "字" * 2_000_000))
    message = _refused(raw, repository)
    assert message.startswith("functional_tasks[0].objective：")
    assert "过长" in message
    assert "2000000" in message


def test_ten_million_characters_are_a_file_too_big(
    fixture_bytes: bytes, repository: Repository
) -> None:
    raw = _edited(fixture_bytes, _set_task(0, "objective", "字" * 10_000_000))
    assert "过大" in _refused(raw, repository)


def test_line_longer_than_500(fixture_bytes: bytes, repository: Repository) -> None:
    message = _refused(_edited(fixture_bytes, _set_book("title", "题" * 501)), repository)
    assert message.startswith("title：") and "过长" in message


def test_deeply_nested_json(repository: Repository) -> None:
    depth = 100_000
    raw = b'{"format": "bluebook", "version": 1, "book": ' + b"[" * depth + b"]" * depth + b"}"
    assert "嵌套" in _refused(raw, repository)
    assert "嵌套" in _refused(b"{" + b'"a":{' * depth + b"}" * depth, repository)


def test_nul_in_text(fixture_bytes: bytes, repository: Repository) -> None:
    message = _refused(_edited(fixture_bytes, _set_book("unit_name", "政协\x00委员会")), repository)
    assert message.startswith("unit_name：")
    assert "NUL" in message
    leader = _edited(fixture_bytes, _set_task(0, "leaders", ["何兰芳", "李\x00"]))
    assert _refused(leader, repository).startswith("functional_tasks[0].leaders[1]：")


def test_raw_nul_byte_is_not_json(fixture_bytes: bytes, repository: Repository) -> None:
    raw = fixture_bytes.replace("同意".encode(), "同\x00意".encode())
    assert "JSON" in _refused(raw, repository)


def test_lone_surrogate(fixture_bytes: bytes, repository: Repository) -> None:
    # The escape \ud800 is valid JSON, but no UTF-8 text or database column can hold it.
    raw = fixture_bytes.replace(b'"phone": "87771621"', b'"phone": "\\ud800"')
    assert b"\\ud800" in raw
    assert _refused(raw, repository).startswith("phone：")


@pytest.mark.parametrize("role", ["主办", "", None, 1])
def test_role_must_be_lead_or_assist(
    role: object, fixture_bytes: bytes, repository: Repository
) -> None:
    def edit(data: dict[str, Any]) -> None:
        task = copy.deepcopy(data["book"]["functional_tasks"][0])
        task["role"] = role
        data["book"]["key_tasks"] = [task]

    message = _refused(_edited(fixture_bytes, edit), repository)
    assert message.startswith("key_tasks[0].role：")
    assert "牵头" in message and "协办" in message


def test_read_portable_of_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "无此文件.bluebook.json"
    with pytest.raises(UserError) as caught:
        read_portable(missing)
    assert str(missing) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_word_file_given_as_a_portable_file_is_named_as_such(tmp_path) -> None:
    import zipfile

    path = tmp_path / "renamed.bluebook.json"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UserError, match="Word 文档"):
        read_portable(path)


# --- hostile files ---


def test_nesting_is_refused_before_the_parser_recurses(
    repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' smaller C stack overflows in the parser: deep files never reach it."""
    from bluebook_desktop.formats import portable

    def parser_reached(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the JSON parser was given a 100,000-deep file")

    monkeypatch.setattr(portable.json, "loads", parser_reached)
    depth = 100_000
    raw = b'{"format": "bluebook", "version": 1, "book": ' + b"[" * depth + b"]" * depth + b"}"
    assert "嵌套" in _refused(raw, repository)
    assert "嵌套" in _refused(b'{"a": "[[[[", "b":' + b"{" * 40 + b"}" * 40 + b"}", repository)


def test_brackets_inside_texts_are_no_nesting(fixture_bytes: bytes) -> None:
    text = '[[[[{{{{"\\' * 20  # quotes and backslashes too: escaped in the file
    book = loads(_edited(fixture_bytes, _set_book("head_opinion", text)))
    assert book.head_opinion == text


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (b'"functional_tasks": [], "functional_tasks"', "functional_tasks"),
        (b'"year": "x", "year"', "year"),
    ],
)
def test_duplicate_keys_are_refused(
    edit: bytes, words: str, fixture_bytes: bytes, repository: Repository
) -> None:
    name = edit.split(b'"')[1]
    raw = fixture_bytes.replace(b'"' + name + b'"', edit, 1)
    assert raw != fixture_bytes
    message = _refused(raw, repository)
    assert "重复" in message and words in message


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"-Infinity"])
def test_non_json_numbers_are_refused(
    literal: bytes, fixture_bytes: bytes, repository: Repository
) -> None:
    raw = fixture_bytes.replace(b'"year": 2021', b'"year": ' + literal, 1)
    message = _refused(raw, repository)
    assert literal.decode().lstrip("-") in message and "JSON" in message


@pytest.mark.parametrize(
    ("old", "new", "place"),
    [
        (b'"year": 2021', b'"year": 2021' + b"0" * 5000, "year"),
        (b'"version": 1', b'"version": 1' + b"0" * 5000, "version"),
        (b'"quarters": [\n', b'"quarters": [\n' + b"9" * 5000 + b",", "quarters"),
    ],
)
def test_huge_integers_are_refused_by_place(
    old: bytes, new: bytes, place: str, fixture_bytes: bytes, repository: Repository
) -> None:
    raw = fixture_bytes.replace(old, new, 1)
    assert raw != fixture_bytes
    message = _refused(raw, repository)
    assert place in message and "ValueError" not in message


def test_huge_integer_in_an_unknown_field_is_ignored(fixture_bytes: bytes) -> None:
    raw = fixture_bytes.replace(b'"year": 2021', b'"extra": ' + b"7" * 5000 + b', "year": 2021')
    assert loads(raw).cover.year == 2021


def test_json_errors_are_in_plain_words(repository: Repository) -> None:
    message = _refused(b'{"format": "bluebook",}', repository)
    assert "Expecting" not in message and "第 1 行" in message


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_is_refused_unread(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.bluebook.json"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), Path("/dev/urandom")):
        with pytest.raises(UserError, match="不是普通文件"):
            read_portable(path)


def test_a_folder_is_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        read_portable(tmp_path)
    assert "文件夹" in str(caught.value) and "directory" not in str(caught.value)
    with pytest.raises(UserError) as caught:
        read_portable(tmp_path / "none.bluebook.json")
    assert "不存在" in str(caught.value) and "No such" not in str(caught.value)


# --- the limits of a book ---


def test_the_limits_are_those_of_the_schema_copy() -> None:
    from bluebook_desktop.domain import LINE_MAX, TEXT_MAX
    from bluebook_desktop.formats import portable

    schema = json.loads(SCHEMA_V1.read_text("utf-8"))
    defs = schema["$defs"]
    task = defs["task"]["properties"]
    assert task["schedule"]["maxItems"] == portable.MAX_STEPS == 12
    assert task["leaders"]["maxItems"] == portable.MAX_LEADERS == 10
    book = defs["book"]["properties"]
    assert book["functional_tasks"]["maxItems"] == portable.MAX_TASKS
    assert book["key_tasks"]["maxItems"] == portable.MAX_TASKS
    assert defs["text"]["maxLength"] == TEXT_MAX and defs["line"]["maxLength"] == LINE_MAX
    assert "600,000 characters" in schema["$comment"] and "8 MB" in schema["$comment"]


def test_more_steps_or_leaders_than_a_book_has_are_refused(
    fixture_bytes: bytes, repository: Repository
) -> None:
    steps = [{"quarters": [1], "text": "步骤"}] * 13
    message = _refused(_edited(fixture_bytes, _set_task(0, "schedule", steps)), repository)
    assert message.startswith("functional_tasks[0].schedule：") and "最多 12 项" in message
    leaders = [f"领导{i}" for i in range(11)]
    message = _refused(_edited(fixture_bytes, _set_task(0, "leaders", leaders)), repository)
    assert message.startswith("functional_tasks[0].leaders：") and "最多 10 项" in message


def test_a_book_with_more_text_than_a_book_holds_is_refused(
    fixture_bytes: bytes, repository: Repository
) -> None:
    def edit(data: dict[str, Any]) -> None:
        task = dict(data["book"]["functional_tasks"][0], objective="字" * 19_000)
        data["book"]["functional_tasks"] = [task] * 60

    message = _refused(_edited(fixture_bytes, edit), repository)
    assert message.startswith("book：") and "最多 600000 字" in message


def test_millions_of_empty_objects_are_refused_before_parsing(
    repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluebook_desktop.formats import portable

    def parser_reached(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the parser was given two million objects")

    monkeypatch.setattr(portable.json, "loads", parser_reached)
    raw = b'{"format": "bluebook", "version": 1, "book": {"x": [' + b"{}," * 2_000_000 + b"{}]}}"
    assert len(raw) < portable.MAX_FILE_BYTES
    assert "过多" in _refused(raw, repository)


def test_a_huge_year_is_shown_by_its_first_digits(
    fixture_bytes: bytes, repository: Repository
) -> None:
    raw = fixture_bytes.replace(b'"year": 2021', b'"year": 2' + b"0" * 5000, 1)
    assert (
        _refused(raw, repository) == "year：2000000000…（5001 位数字） 不是 2000–2100 之间的年份。"
    )
