"""The portable file (*.bluebook.json, format "bluebook" version 1 or 2): book in, file out.

Version 2 (bluebook-v2.schema.json) adds the year after the signature: per task its
quarterly progress reports and year-end review, and stable task and step ids; per book its
uid, the 定稿 date, the plan adjustments and the self-review. A book with none of these is
written as version 1, exactly as before; both versions are read.

Reading checks everything the schema says, and a little more (real dates), and reports the
first problem with its place in the file, e.g.
``functional_tasks[2].schedule[0].quarters: 5 不是季度（应为 1–4）``. Nothing is returned
unless the whole file is good, so a bad file never half-imports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from bluebook_desktop.domain import (
    COVER_DATE_FIELDS,
    COVER_FIELDS,
    COVER_LINE_FIELDS,
    DEFAULT_TEXTS,
    EXTRA_NAME,
    LINE_MAX,
    MAX_BOOK_CHARS,
    MAX_LEADERS,
    MAX_STEPS,
    MAX_TASKS,
    QT_TRANSLATE_NOOP,
    ROLES,
    SECTION_TEXT_FIELDS,
    TEXT_MAX,
    UID,
    Book,
    Cover,
    ScheduleEntry,
    Task,
    new_id,
    parse_date,
    parse_month,
)
from bluebook_desktop.domain import has_year_data as domain_has_year_data
from bluebook_desktop.domain.form import FORM, Section
from bluebook_desktop.domain.year import (
    EVIDENCE_MAX_BYTES,
    RESULTS,
    STATUSES,
    Adjustment,
    Evidence,
    Progress,
    Review,
    SelfReview,
)
from bluebook_desktop.errors import UserError

FORMAT = "bluebook"
VERSION = 1  # written when a book has nothing version 2 adds
VERSION_2 = 2
LATEST = VERSION_2
MAX_ADJUSTMENTS = 1000
MAX_EVIDENCE = 100  # per report or review
MAX_SCORE = 1000
_SHA256 = re.compile(r"[0-9a-f]{64}")
SUFFIX = ".bluebook.json"
# The limits of a book (domain.MAX_*) are lower than the shared schema's (100 steps, 50
# leaders, no total): at them the largest book accepted still prints in about 25 s and
# 300 MB (benchmarks/largest.py); tests/fixtures/bluebook-v1.schema.json is the schema with
# them. A real book is 10–300 KB.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_CONTAINERS = 100_000  # objects and lists: 2,000 tasks of 12 steps need 54,004
_SURROGATE = re.compile("[\ud800-\udfff]")

_LINE_FIELDS = (*COVER_LINE_FIELDS, "key_tasks_title", "functional_tasks_title")
_TEXT_FIELDS = ("key_tasks_note", "functional_tasks_note", "head_opinion")
# The order of the book's keys in a written file, as the format's own example has them.
# A section's tasks are under its name (the Book field): key_tasks, functional_tasks.
_SECTION_KEYS = tuple(section.name for section in FORM.sections)
_BOOK_KEYS = (*COVER_FIELDS, *SECTION_TEXT_FIELDS, *_SECTION_KEYS)


class FileProblem(UserError):
    """The file is not a good portable book; `where` names the place (key_tasks[0]…)."""

    def __init__(self, where: str, template: str, **params: object) -> None:
        super().__init__(template, **params)
        self.where = where

    def render(self, template: str) -> str:
        text = super().render(template)
        return f"{self.where}：{text}" if self.where else text


# --- writing ---


def book_to_dict(book: Book, keep_everything: bool = False) -> dict[str, Any]:
    """The file's content; a schedule step with no quarter is refused (the format needs one).

    `keep_everything` is for a copy that must never fail (a version the database refused):
    steps without quarters and key tasks kept behind 本单位未承担 are written as they are,
    even though such a file is refused on import until they are put right.
    """
    for section in () if keep_everything else FORM.sections:
        for i, task in enumerate(section.tasks(book)):
            for j, entry in enumerate(task.schedule):
                if not entry.quarters:
                    raise FileProblem(
                        f"{section.name}[{i}].schedule[{j}].quarters",
                        "第 {number} 项任务的第 {step} 条进度安排没有勾选季度，请先勾选再导出。",
                        number=i + 1,
                        step=j + 1,
                    )
    cover = book.cover
    values: dict[str, Any] = {name: getattr(cover, name) for name in COVER_FIELDS}
    values["filled_on"] = cover.filled_on.isoformat() if cover.filled_on else ""
    values["issued_on"] = cover.issued_on.iso() if cover.issued_on else ""
    values.update({name: getattr(book, name) for name in SECTION_TEXT_FIELDS})
    v2 = has_year_data(book)
    for section in FORM.sections:
        # Tasks kept behind 本单位未承担 are not the book's: the file holds none.
        kept_back = section.has_none(book) and not keep_everything
        tasks = () if kept_back else section.tasks(book)
        values[section.name] = [_task_dict(t, section, v2) for t in tasks]
    data = {name: values[name] for name in _BOOK_KEYS}
    # Empty dates are left out: the schema's date patterns do not admit "".
    for name in COVER_DATE_FIELDS:
        if not data[name]:
            del data[name]
    if not v2:
        return {"format": FORMAT, "version": VERSION, "book": data}
    if book.uid:
        data["uid"] = book.uid
    if book.finalized_on:
        data["finalized_on"] = book.finalized_on.isoformat()
    if book.adjustments:
        data["adjustments"] = [_adjustment_dict(a) for a in book.adjustments]
    if book.self_review is not None:
        data["self_review"] = _self_review_dict(book.self_review)
    if book.signed_copy is not None:
        data["signed_copy"] = _evidence_dicts((book.signed_copy,))[0]
    return {"format": FORMAT, "version": VERSION_2, "book": data}


def has_year_data(book: Book) -> bool:
    """Whether the book holds anything only version 2 can carry: the year's data, or just
    its uid (a book given one keeps it through files)."""
    return bool(book.uid) or domain_has_year_data(book)


def _optional(data: dict[str, Any], **values: Any) -> dict[str, Any]:
    """`data` with each value that is set: empty texts, None and empty lists are left out."""
    for name, value in values.items():
        if value is None or value == "" or value == []:
            continue
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    return data


def _evidence_dicts(records: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [
        _optional(
            {"name": e.name, "sha256": e.sha256, "size": e.size},
            media_type=e.media_type,
            added_on=e.added_on,
        )
        for e in records
    ]


def _progress_dict(report: Progress) -> dict[str, Any]:
    return _optional(
        {"quarter": report.quarter, "status": report.status},
        done=report.done,
        value=report.value,
        problems=report.problems,
        next_steps=report.next_steps,
        reported_on=report.reported_on,
        evidence=_evidence_dicts(report.evidence),
    )


def _review_dict(review: Review) -> dict[str, Any]:
    return _optional(
        {"result": review.result},
        done=review.done,
        reason=review.reason,
        score=review.score,
        evidence=_evidence_dicts(review.evidence),
    )


def _adjustment_dict(adjustment: Adjustment) -> dict[str, Any]:
    return _optional({"on": adjustment.on.isoformat(), "what": adjustment.what}, why=adjustment.why)


def _self_review_dict(review: SelfReview) -> dict[str, Any]:
    return _optional({}, summary=review.summary, reviewed_on=review.reviewed_on, score=review.score)


def _task_dict(task: Task, section: Section, v2: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "task": task.task,
        "objective": task.objective,
        "target": task.target,
        "schedule": [step_dict(entry, with_id=v2) for entry in task.schedule],
        "leaders": list(task.leaders),
    }
    if section.has_role and task.role is not None:
        data["role"] = task.role
    if task.extra:  # only then: a book of this district's form is written as before
        data["fields"] = dict(task.extra)
    if v2:
        if task.progress:
            data["progress"] = [_progress_dict(report) for report in task.progress]
        if task.review is not None:
            data["review"] = _review_dict(task.review)
        data["id"] = task.id
    return data


def step_dict(entry: ScheduleEntry, with_id: bool = False) -> dict[str, Any]:
    """A step as a file holds it: version 1 has no step ids, version 2 may add it (32 hex)."""
    data: dict[str, Any] = {"quarters": list(entry.quarters), "text": entry.text}
    return {**data, "id": entry.id} if with_id else data


def dumps(book: Book, keep_everything: bool = False) -> str:
    return json.dumps(book_to_dict(book, keep_everything), ensure_ascii=False, indent=2)


def write_portable(book: Book, path: Path, keep_everything: bool = False) -> None:
    from bluebook_desktop.formats.files import write_atomically

    write_atomically(path, dumps(book, keep_everything).encode("utf-8"))


# --- reading ---


def read_portable(path: Path) -> Book:
    """A file to import as a new book: its tasks and steps get new ids, since they become
    new rows (the same file may be imported twice, or into the database it came from);
    `loads` keeps the ids a version 2 file has."""
    from bluebook_desktop.formats.reading import read_limited

    raw = read_limited(Path(path), MAX_FILE_BYTES)
    if raw is None:
        raise UserError(
            "文件过大（超过 {limit} MB），不是蓝皮书文件。", limit=MAX_FILE_BYTES // 2**20
        )
    return with_new_ids(loads(raw))


def with_new_ids(book: Book) -> Book:
    """The book with new task and step ids; everything else as it is."""

    def renewed(task: Task) -> Task:
        schedule = tuple(dataclasses.replace(e, id=new_id()) for e in task.schedule)
        return dataclasses.replace(task, id=new_id(), schedule=schedule)

    return dataclasses.replace(
        book,
        key_tasks=tuple(map(renewed, book.key_tasks)),
        functional_tasks=tuple(map(renewed, book.functional_tasks)),
    )


def loads(raw: bytes | str) -> Book:
    if isinstance(raw, bytes):
        if raw.startswith(b"PK\x03\x04"):
            raise UserError(
                "这是一个 Word 文档（.docx）或压缩文件，不是蓝皮书文件。"
                "Word 文件请以 .docx 为扩展名，用“导入”读取。"
            )
        if len(raw) > MAX_FILE_BYTES:
            raise UserError("文件过大，不是蓝皮书文件。")
        try:
            # utf-8-sig also reads files Windows Notepad saved with a byte-order mark.
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError("文件不是 UTF-8 编码的文本（第 {pos} 字节）。", pos=exc.start) from exc
    else:
        raw = raw.removeprefix("\ufeff")
    if not raw.strip():
        raise UserError("文件是空的。")
    _check_depth(raw)
    try:
        data = json.loads(
            raw,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_integer,
        )
    except json.JSONDecodeError as exc:
        raise UserError(
            "文件不是有效的 JSON（第 {line} 行第 {col} 列：{reason}）。",
            line=exc.lineno,
            col=exc.colno,
            reason=_json_reason(exc.msg),
        ) from exc
    except RecursionError as exc:
        raise UserError(TOO_DEEP) from exc
    return book_from_dict(data)


TOO_DEEP = QT_TRANSLATE_NOOP("messages", "文件嵌套层数过深，不是蓝皮书文件。")
# The format's deepest value is book.key_tasks[i].schedule[j].quarters[k]: 5 levels.
MAX_DEPTH = 32
# A whole string (its brackets are text), or one bracket.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_MAX_DIGITS = 18  # far more than any year, quarter or version needs


def _check_depth(raw: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, and more than MAX_CONTAINERS objects and lists,
    before the parser sees the file.

    The parser recurses on the C stack, which is smaller on Windows than elsewhere: a file
    nested 100,000 deep must be refused without recursion. Millions of empty objects would
    take gigabytes once parsed. One pass over the strings and brackets, keeping nothing,
    stopping at the first limit passed; a bracket that does not match is left to the parser.
    """
    depth = containers = 0
    for token in _TOKEN.finditer(raw):
        char = token.group()
        if char in "[{":
            depth += 1
            containers += 1
            if depth > MAX_DEPTH:
                raise UserError(TOO_DEEP)
            if containers > MAX_CONTAINERS:
                raise UserError(
                    "文件中的对象和列表过多（超过 {limit} 个），不是蓝皮书文件。",
                    limit=MAX_CONTAINERS,
                )
        elif char in "]}":
            depth -= 1


class _HugeNumber:
    """An integer written with more digits than any field can take: kept as its text.

    Python refuses to convert more than 4,300 digits; the field it stands in is then refused
    by name, like any other number out of range.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"{self.text[:10]}…（{len(self.text)} 位数字）"


def _integer(text: str) -> int | _HugeNumber:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        return _HugeNumber(text)
    return int(text)


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise UserError(
                    "文件中同一处出现了两次 {key}（重复的键），无法确定以哪个为准。",
                    key=_show(key),
                )
            seen.add(key)
    return data


def _refuse_constant(name: str) -> Any:
    raise UserError("文件中有 {name}，这不是 JSON 允许的数值。", name=name)


_JSON_REASONS = {
    "Expecting value": "此处应有一个值",
    "Expecting property name enclosed in double quotes": "此处应有用双引号括起的键名",
    "Expecting ',' delimiter": "此处缺少逗号",
    "Expecting ':' delimiter": "此处缺少冒号",
    "Unterminated string starting at": "文字没有结束的引号",
    "Invalid control character at": "文字中有控制字符",
    "Invalid \\escape": "无效的转义符",
    "Invalid \\uXXXX escape": "无效的 \\u 转义符",
    "Extra data": "内容结束后还有多余的字符",
}


def _json_reason(message: str) -> str:
    """The parser's English message in plain words."""
    return _JSON_REASONS.get(message, "格式错误")


def book_from_dict(data: Any) -> Book:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError('这不是蓝皮书文件（缺少 "format": "bluebook"）。')
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > LATEST:
        raise UserError(
            "文件来自更新版本的程序（格式版本 {version}），请先升级本程序。", version=version
        )
    # `true` and `1.0` equal 1 in Python but are not the schema's integer 1.
    if (
        version not in (VERSION, VERSION_2)
        or not isinstance(version, int)
        or isinstance(version, bool)
    ):
        raise FileProblem("version", "不支持的格式版本 {value}。", value=_show(version))
    book = _object(data.get("book"), "book")
    return _book(book, version == VERSION_2)


def _book(data: dict[str, Any], v2: bool = False) -> Book:
    for name in ("year", "unit_name", *_SECTION_KEYS):
        if name not in data:
            raise FileProblem(name, "缺少必填项。")
    year = data["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise FileProblem("year", "{value} 不是 2000–2100 之间的年份。", value=_show(year))
    # A field the file leaves out takes the template's text (附件 3, the section titles…).
    lines = {name: _string(data, name, LINE_MAX, default=_default(name)) for name in _LINE_FIELDS}
    texts = {name: _string(data, name, TEXT_MAX, default=_default(name)) for name in _TEXT_FIELDS}
    filled_on = issued_on = None
    if "filled_on" in data:
        text = _string(data, "filled_on", 10)
        try:
            filled_on = parse_date(text)
        except ValueError:
            raise FileProblem(
                "filled_on", "{value} 不是有效日期（应为 YYYY-MM-DD）。", value=text
            ) from None
    if "issued_on" in data:
        text = _string(data, "issued_on", 7)
        try:
            issued_on = parse_month(text)
        except ValueError:
            raise FileProblem(
                "issued_on", "{value} 不是有效月份（应为 YYYY-MM）。", value=text
            ) from None
    tasks = {
        section.name: tuple(
            _task(item, f"{section.name}[{i}]", section, v2)
            for i, item in enumerate(_array(data[section.name], section.name, MAX_TASKS))
        )
        for section in FORM.sections
    }
    if v2:
        _check_unique_ids(tasks)
    year_data = _year_data(data) if v2 else {}
    total = (
        sum(map(len, (*lines.values(), *texts.values())))
        + sum(_task_chars(t) for section_tasks in tasks.values() for t in section_tasks)
        + sum(len(a.what) + len(a.why) for a in year_data.get("adjustments", ()))
        + (len(year_data["self_review"].summary) if "self_review" in year_data else 0)
    )
    if total > MAX_BOOK_CHARS:
        raise FileProblem(
            "book",
            "内容过多（共 {count} 字，一本蓝皮书最多 {limit} 字）。请把内容分成几本蓝皮书。",
            count=total,
            limit=MAX_BOOK_CHARS,
        )
    cover = Cover(
        year=year,
        filled_on=filled_on,
        issued_on=issued_on,
        **{name: lines[name] for name in COVER_LINE_FIELDS},
    )
    return Book(
        **year_data,
        cover=cover,
        key_tasks_title=lines["key_tasks_title"],
        key_tasks_note=texts["key_tasks_note"],
        functional_tasks_title=lines["functional_tasks_title"],
        functional_tasks_note=texts["functional_tasks_note"],
        head_opinion=texts["head_opinion"],
        no_key_tasks=not tasks["key_tasks"],
        **tasks,
    )


def _check_unique_ids(tasks: dict[str, tuple[Task, ...]]) -> None:
    """Each task and each step is one row: two with the same id are a damaged file."""
    seen: set[str] = set()
    for section, section_tasks in tasks.items():
        for i, task in enumerate(section_tasks):
            places = [(f"{section}[{i}].id", task.id)]
            places += [
                (f"{section}[{i}].schedule[{j}].id", e.id) for j, e in enumerate(task.schedule)
            ]
            for where, value in places:
                if value in seen:
                    raise FileProblem(
                        where, "编号 {value} 在文件中出现了两次，文件可能已损坏。", value=value
                    )
                seen.add(value)


def _year_data(data: dict[str, Any]) -> dict[str, Any]:
    """A version 2 book's own record of its year: uid, 定稿, adjustments, self-review."""
    values: dict[str, Any] = {}
    if "uid" in data:
        values["uid"] = _uid(data["uid"], "uid")
    if "no_key_tasks" in data:
        flag = data["no_key_tasks"]
        if not isinstance(flag, bool):
            raise FileProblem("no_key_tasks", "应为真假值，实际是 {value}。", value=_kind(flag))
        if flag:
            values["no_key_tasks"] = True
    values["finalized_on"] = _date(data, "finalized_on")
    values["adjustments"] = tuple(
        _adjustment(item, f"adjustments[{i}]")
        for i, item in enumerate(
            _array(data.get("adjustments", []), "adjustments", MAX_ADJUSTMENTS)
        )
    )
    if "self_review" in data:
        review = _object(data["self_review"], "self_review")
        values["self_review"] = SelfReview(
            summary=_string(review, "summary", TEXT_MAX, "self_review"),
            reviewed_on=_date(review, "reviewed_on", "self_review"),
            score=_score(review, "self_review"),
        )
    if "signed_copy" in data:
        # An optional field beyond the schema's names: the PDF signed at 定稿.
        values["signed_copy"] = _evidence(data["signed_copy"], "signed_copy")
    return values


def _adjustment(item: Any, where: str) -> Adjustment:
    data = _object(item, where)
    for name in ("on", "what"):
        if name not in data:
            raise FileProblem(f"{where}.{name}", "缺少必填项。")
    on = _date(data, "on", where)
    assert on is not None
    return Adjustment(
        on=on,
        what=_string(data, "what", TEXT_MAX, where),
        why=_string(data, "why", TEXT_MAX, where),
    )


def _date(data: dict[str, Any], name: str, parent: str = "") -> dt.date | None:
    if name not in data:
        return None
    where = f"{parent}.{name}" if parent else name
    text = _string(data, name, 10, parent)
    try:
        return parse_date(text)
    except ValueError:
        raise FileProblem(where, "{value} 不是有效日期（应为 YYYY-MM-DD）。", value=text) from None


def _uid(value: Any, where: str) -> str:
    if not isinstance(value, str) or not UID.fullmatch(value):
        raise FileProblem(
            where, "{value} 不是编号（应为 32 位小写十六进制数字）。", value=_show(value)
        )
    return value


def _score(data: dict[str, Any], parent: str) -> float | None:
    if "score" not in data:
        return None
    value = data["score"]
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not 0 <= value <= MAX_SCORE
    ):
        raise FileProblem(
            f"{parent}.score",
            "{value} 不是 0–{limit} 之间的得分。",
            value=_show(value),
            limit=MAX_SCORE,
        )
    return value


def _progress(item: Any, where: str) -> Progress:
    data = _object(item, where)
    for name in ("quarter", "status"):
        if name not in data:
            raise FileProblem(f"{where}.{name}", "缺少必填项。")
    quarter = data["quarter"]
    if not isinstance(quarter, int) or isinstance(quarter, bool) or not 1 <= quarter <= 4:
        raise FileProblem(
            f"{where}.quarter", "{value} 不是季度（应为 1–4）。", value=_show(quarter)
        )
    status = _one_of(
        data,
        "status",
        STATUSES,
        QT_TRANSLATE_NOOP("messages", "{value} 不是进度（应为 {choices} 之一）。"),
        where,
    )
    return Progress(
        quarter=quarter,
        status=status,
        done=_string(data, "done", TEXT_MAX, where),
        value=_string(data, "value", LINE_MAX, where),
        problems=_string(data, "problems", TEXT_MAX, where),
        next_steps=_string(data, "next_steps", TEXT_MAX, where),
        reported_on=_date(data, "reported_on", where),
        evidence=_evidence_list(data, where),
    )


def _one_of(
    data: dict[str, Any], name: str, choices: tuple[str, ...], message: str, where: str
) -> str:
    """One of the schema's enum words, or the file is refused naming the place and the choices."""
    value = data[name]
    if value not in choices:
        raise FileProblem(
            f"{where}.{name}", message, value=_show(value), choices="、".join(choices)
        )
    return value  # type: ignore[no-any-return]


def _review(item: Any, where: str) -> Review:
    data = _object(item, where)
    if "result" not in data:
        raise FileProblem(f"{where}.result", "缺少必填项。")
    result = _one_of(
        data,
        "result",
        RESULTS,
        QT_TRANSLATE_NOOP("messages", "{value} 不是自评结果（应为 {choices} 之一）。"),
        where,
    )
    return Review(
        result=result,
        done=_string(data, "done", TEXT_MAX, where),
        reason=_string(data, "reason", TEXT_MAX, where),
        score=_score(data, where),
        evidence=_evidence_list(data, where),
    )


def _evidence_list(data: dict[str, Any], parent: str) -> tuple[Evidence, ...]:
    where = f"{parent}.evidence"
    items = _array(data.get("evidence", []), where, MAX_EVIDENCE)
    return tuple(_evidence(item, f"{where}[{i}]") for i, item in enumerate(items))


def _evidence(item: Any, where: str) -> Evidence:
    data = _object(item, where)
    for name in ("name", "sha256", "size"):
        if name not in data:
            raise FileProblem(f"{where}.{name}", "缺少必填项。")
    sha256 = data["sha256"]
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise FileProblem(
            f"{where}.sha256",
            "{value} 不是文件的 SHA-256 校验值（应为 64 位小写十六进制数字）。",
            value=_show(sha256),
        )
    size = data["size"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise FileProblem(f"{where}.size", "{value} 不是文件大小（字节数）。", value=_show(size))
    if size > EVIDENCE_MAX_BYTES:
        raise FileProblem(
            f"{where}.size",
            "佐证材料过大（{size} 字节，每个文件最多 {limit} MB）。",
            size=size,
            limit=EVIDENCE_MAX_BYTES // 2**20,
        )
    return Evidence(
        name=_string(data, "name", LINE_MAX, where),
        sha256=sha256,
        size=size,
        media_type=_string(data, "media_type", LINE_MAX, where),
        added_on=_date(data, "added_on", where),
    )


def _task(item: Any, where: str, section: Section, v2: bool = False) -> Task:
    data = _object(item, where)
    for name in ("task", "objective"):
        if name not in data:
            raise FileProblem(f"{where}.{name}", "缺少必填项。")
    role = None
    if section.has_role and "role" in data:
        role = data["role"]
        if role not in ROLES:
            raise FileProblem(f"{where}.role", "{value} 应为“牵头”或“协办”。", value=_show(role))
    schedule = tuple(
        _entry(entry, f"{where}.schedule[{i}]", v2)
        for i, entry in enumerate(_array(data.get("schedule", []), f"{where}.schedule", MAX_STEPS))
    )
    year: dict[str, Any] = {}
    if v2:
        if "id" in data:
            year["id"] = _uid(data["id"], f"{where}.id")
        reports = _array(data.get("progress", []), f"{where}.progress", 4)
        progress = []
        for i, report in enumerate(reports):
            here = f"{where}.progress[{i}]"
            progress.append(_progress(report, here))
            if any(p.quarter == progress[-1].quarter for p in progress[:-1]):
                raise FileProblem(
                    f"{here}.quarter",
                    "第 {quarter} 季度已有一份进展报告，每个季度只能有一份。",
                    quarter=progress[-1].quarter,
                )
        year["progress"] = tuple(progress)
        if "review" in data:
            year["review"] = _review(data["review"], f"{where}.review")
    leaders = _array(data.get("leaders", []), f"{where}.leaders", MAX_LEADERS)
    for i, name in enumerate(leaders):
        _check_string(name, f"{where}.leaders[{i}]", LINE_MAX)
    return Task(
        task=_string(data, "task", LINE_MAX, where),
        objective=_string(data, "objective", TEXT_MAX, where),
        target=_string(data, "target", TEXT_MAX, where),
        schedule=schedule,
        leaders=tuple(leaders),
        role=role,
        extra=_fields(data, where),
        **year,
    )


_TASK_FIELDS = frozenset(f.name for f in dataclasses.fields(Task))


def _fields(data: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    """The texts of a form's columns beyond the task's own fields: {"score": "10"}."""
    if "fields" not in data:
        return ()
    where = f"{where}.fields"
    fields = _object(data["fields"], where)
    for name, value in fields.items():
        if not EXTRA_NAME.fullmatch(name) or name in _TASK_FIELDS:
            raise FileProblem(
                where,
                "{name} 不是栏目名（应为英文字母开头的字母、数字或下划线，最多 100 个，"
                "且不是任务本身的栏目）。",
                name=_show(name),
            )
        _check_string(value, f"{where}.{name}", TEXT_MAX)
    return tuple(fields.items())


def _task_chars(task: Task) -> int:
    return (
        len(task.task)
        + len(task.objective)
        + len(task.target)
        + sum(len(e.text) for e in task.schedule)
        + sum(map(len, task.leaders))
        + sum(len(value) for _name, value in task.extra)
        + sum(
            len(p.done) + len(p.value) + len(p.problems) + len(p.next_steps) for p in task.progress
        )
        + (len(task.review.done) + len(task.review.reason) if task.review else 0)
    )


def _entry(item: Any, where: str, v2: bool = False) -> ScheduleEntry:
    data = _object(item, where)
    if "quarters" not in data:
        raise FileProblem(f"{where}.quarters", "缺少必填项。")
    if "text" not in data:
        raise FileProblem(f"{where}.text", "缺少必填项。")
    quarters = _array(data["quarters"], f"{where}.quarters", 4)
    if not quarters:
        raise FileProblem(f"{where}.quarters", "至少要有一个季度。")
    for q in quarters:
        if not isinstance(q, int) or isinstance(q, bool) or not 1 <= q <= 4:
            raise FileProblem(f"{where}.quarters", "{value} 不是季度（应为 1–4）。", value=_show(q))
    if len(set(quarters)) != len(quarters):
        raise FileProblem(f"{where}.quarters", "季度重复。")
    step_id = _uid(data["id"], f"{where}.id") if v2 and "id" in data else new_id()
    return ScheduleEntry(tuple(quarters), _string(data, "text", TEXT_MAX, where), step_id)


def _default(name: str) -> str:
    return DEFAULT_TEXTS.get(name, "")


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FileProblem(where, "应为一个对象（{{…}}），实际是 {value}。", value=_kind(value))
    return value


def _array(value: Any, where: str, max_items: int) -> list[Any]:
    if not isinstance(value, list):
        raise FileProblem(where, "应为一个列表（[…]），实际是 {value}。", value=_kind(value))
    if len(value) > max_items:
        raise FileProblem(
            where, "项目过多（{count} 项，最多 {limit} 项）。", count=len(value), limit=max_items
        )
    return value


def _string(
    data: dict[str, Any], name: str, max_len: int, parent: str = "", default: str = ""
) -> str:
    where = f"{parent}.{name}" if parent else name
    value = data.get(name, default)
    _check_string(value, where, max_len)
    return value


def _check_string(value: Any, where: str, max_len: int) -> None:
    if not isinstance(value, str):
        raise FileProblem(where, "应为文字，实际是 {value}。", value=_kind(value))
    if len(value) > max_len:
        raise FileProblem(
            where, "文字过长（{count} 字，最多 {limit} 字）。", count=len(value), limit=max_len
        )
    if "\x00" in value:
        raise FileProblem(where, "含有空字符（NUL），文件可能已损坏。")
    # JSON admits a lone surrogate (\ud800), which neither UTF-8 nor the database can hold.
    if _SURROGATE.search(value):
        raise FileProblem(where, "含有无效字符（单独的代理码位），文件可能已损坏。")


def _kind(value: Any) -> str:
    if isinstance(value, _HugeNumber):
        return f"数字 {value!r}"
    if value is None:
        return "空值 null"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    return "对象"


def _show(value: Any) -> str:
    if isinstance(value, _HugeNumber):
        return repr(value)
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= 40 else text[:37] + "…"
