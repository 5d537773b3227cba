"""A collecting office's in-tray, made from the real book: many units' files, each with its
own name, tasks and defects, in every format a unit sends, plus files that are no book."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from bluebook_desktop.domain import Book, Task, new_id
from bluebook_desktop.domain.year import Evidence, Progress, Review
from bluebook_desktop.formats.docx import write_docx
from bluebook_desktop.formats.package import package_book
from bluebook_desktop.formats.portable import dumps, read_portable, write_portable
from helpers.files import FIXTURE_BOOK

OFFICES = (
    "财政局", "教育局", "公安分局", "民政局", "司法局", "人力资源和社会保障局", "自然资源局",
    "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广电旅游体育局",
    "卫生健康局", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
    "医疗保障局", "城市管理和综合执法局", "政务服务数据管理局", "信访局", "档案馆",
    "西南街道办事处", "云东海街道办事处", "白坭镇人民政府", "乐平镇人民政府",
    "芦苞镇人民政府", "大塘镇人民政府", "南山镇人民政府", "发展和改革局", "科学技术局",
    "工业和信息化局", "生态环境分局", "林业局", "供销合作联社", "总工会", "团区委", "妇联",
)  # fmt: skip

# Files that are no book: not JSON, a program renamed, a damaged package, a version 2
# file with a status the format does not know.
BAD_FILES = (
    "不是JSON.bluebook.json",
    "改名的程序.bluebook.json",
    "损坏的包.bluebook.zip",
    "状态有误.bluebook.json",
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def unit_name(i: int) -> str:
    return f"佛山市三水区{OFFICES[i % len(OFFICES)]}" + (
        f"（{i // len(OFFICES) + 1}）" if i >= len(OFFICES) else ""
    )


@dataclass(frozen=True)
class UnitFile:
    name: str  # the file's name in the folder
    unit: str
    book: Book  # as written (the one the database must hold)
    defects: tuple[str, ...]  # what a checker finds: the findings' words


def unit_book(base: Book, i: int, year: int = 2021) -> tuple[Book, tuple[str, ...]]:
    """Unit `i`'s book: its own name and 1–3 of the real book's tasks, renamed; every
    sixth has one defect of its own, and one in six has more than three tasks."""
    unit = unit_name(i)
    count = 1 + i % 3
    tasks = [
        replace(task, id=new_id(), task=f"{task.task}（{unit[6:]}）")
        for task in base.functional_tasks[i % 5 : i % 5 + count]
    ]
    cover = replace(base.cover, unit_name=unit, year=year, filler_name=f"填表人{i + 1}")
    defects: list[str] = []
    key_tasks: tuple[Task, ...] = ()
    match i % 6:
        case 1:
            cover = replace(cover, phone="")
            defects.append("未填写联系电话")
        case 2:
            tasks[0] = replace(tasks[0], leaders=())
            defects.append("职能工作第 1 项未填写责任领导")
        case 3:
            key_tasks = (Task(task="改革任务", objective="深化改革。", leaders=("张三",)),)
            tasks = tasks[:1]
            defects.append("重点工作第 1 项未选择牵头或协办")
        case 4:
            key_tasks = tuple(
                Task(task=f"改革任务{n}", objective="深化改革。", leaders=("张三",), role="牵头")
                for n in (1, 2, 3)
            )
            defects.append("合计")
    book = replace(
        base,
        cover=cover,
        functional_tasks=tuple(tasks),
        key_tasks=key_tasks,
        no_key_tasks=not key_tasks,
    )
    return book, tuple(defects)


def with_progress(book: Book, quarters: int) -> Book:
    """Every task reported for its first `quarters` quarters, the last one 滞后; after
    the fourth, each task reviewed 基本完成."""
    tasks = []
    for task in book.functional_tasks:
        reports = tuple(
            Progress(q, "滞后" if q == quarters else "按进度", done=f"第{q}季度已推进。")
            for q in range(1, quarters + 1)
        )
        review = Review("基本完成", done="全年基本完成。") if quarters == 4 else None
        tasks.append(replace(task, progress=reports, review=review))
    return replace(book, functional_tasks=tuple(tasks), uid=book.uid or new_id())


def make_in_tray(folder: Path, count: int = 30, bad: bool = True) -> list[UnitFile]:
    """`count` units' files in `folder` (some in a subfolder): book files of version 1 and
    2, a package with a supporting file, a Word file; then the bad files of BAD_FILES."""
    base = read_portable(FIXTURE_BOOK)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "第二批").mkdir(exist_ok=True)
    made: list[UnitFile] = []
    for i in range(count):
        book, defects = unit_book(base, i)
        where = folder / "第二批" if i % 4 == 3 else folder
        stem = f"{i + 1:03d}-{book.cover.unit_name}"
        if i % 7 == 5:
            book = with_progress(book, 1 + i % 4)
        if i % 10 == 6:
            record = Evidence(f"会议纪要{i}.pdf", hashlib.sha256(PDF).hexdigest(), len(PDF),
                              "application/pdf", dt.date(2021, 3, 30))  # fmt: skip
            first = book.functional_tasks[0]
            report = Progress(1, "已完成", done="已完成。", evidence=(record,))
            first = replace(first, progress=(report,))
            book = replace(book, uid=new_id(), functional_tasks=(first, *book.functional_tasks[1:]))
            name = f"{stem}.bluebook.zip"
            package_book(where / name, book, lambda _sha: PDF)
        elif i % 10 == 8:
            name = f"{stem}.docx"
            write_docx(book, where / name)
        else:
            if i % 5 == 0:
                book = replace(book, uid=new_id())
            name = f"{stem}.bluebook.json"
            write_portable(book, where / name)
        made.append(
            UnitFile(str((where / name).relative_to(folder)), book.cover.unit_name, book, defects)
        )
    if bad:
        write_bad_files(folder, base)
    return made


def write_bad_files(folder: Path, base: Book) -> None:
    (folder / "不是JSON.bluebook.json").write_text("这是一封邮件的正文。", encoding="utf-8")
    (folder / "改名的程序.bluebook.json").write_bytes(b"MZ\x90\x00\x03" + bytes(2000))
    (folder / "损坏的包.bluebook.zip").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    data = json.loads(dumps(with_progress(base, 1)))
    data["book"]["functional_tasks"][0]["progress"][0]["status"] = "差不多"
    (folder / "状态有误.bluebook.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
