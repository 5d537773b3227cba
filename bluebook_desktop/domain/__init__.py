"""The book (绩效目标责任书) as plain immutable values, and the form's own rules.

Nothing here knows about Qt or SQLAlchemy. Values are frozen dataclasses holding tuples, so
an edit makes a new book that shares every untouched task with the old one: undo keeps
references instead of copies, and storing compares by identity before comparing by value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from bluebook_desktop.domain.year import Adjustment, Evidence, Progress, Review, SelfReview

LEAD = "牵头"
ASSIST = "协办"
ROLES = (LEAD, ASSIST)

NONE_MARK = "无"  # what the key-task table prints when the unit has none
TARGET_PREFIX = "目标："
ALL_YEAR = "全年"
QUARTER_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四"}
QUARTERS = (1, 2, 3, 4)
_QUARTER_SET = frozenset(QUARTERS)
# Every set of quarters as a sorted tuple: (), (1,), (1, 2) … (1, 2, 3, 4).
_SORTED_QUARTERS = frozenset(
    tuple(q for q in QUARTERS if bits >> (q - 1) & 1) for bits in range(2 ** len(QUARTERS))
)

# "key + functional tasks should in principle total at most 3" (the form's note)
TASK_GUIDELINE = 3

# Limits of the portable file (bluebook-v1.schema.json); the editors keep to them too.
LINE_MAX = 500
TEXT_MAX = 20000
# A book's size, sized to real books (10–300 tasks of 2–6 steps and 1–3 leaders), so the
# largest accepted still prints within a minute (benchmarks/largest.py).
MAX_TASKS = 1000  # per section
MAX_STEPS = 12  # per task: one a month
MAX_LEADERS = 10  # per task
MAX_BOOK_CHARS = 600_000  # every text of the book together (a real book: under 100,000)


# The name of a column kept in Task.extra (task_field.name, a key of the file's "fields").
EXTRA_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's own marker name
    """Marks a message for Qt's translation tools; the window translates it when shown."""
    return text


# --- the year's template text, copied into each new book so an old book prints as it was ---

DEFAULT_TEXTS = {
    "attachment": "附件 3",
    "edition": "蓝皮书",
    "key_tasks_title": "重点工作、改革重点项目任务目标",
    "key_tasks_note": (
        "请根据《区落实省委省政府“1+1+9”工作部署的重点项目暨区委区政府重点工作》、"
        "《区委改革重点项目》，如实填写有关情况。如本单位未承担以上工作的，请在表中填“无”。"
    ),
    "functional_tasks_title": "职能工作任务目标",
    "functional_tasks_note": (
        "要求从单位自身承担的职能出发、结合上级部门对本单位的工作部署和任务要求，"
        "制定的不同目标任务，原则上与重点工作、改革重点项目合计不超过3项。"
    ),
    "head_opinion": "",
}


class Month(NamedTuple):
    """A calendar month, as in the cover's issue date (2021 年 9 月)."""

    year: int
    month: int

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


UID = re.compile(r"[0-9a-f]{32}")  # new_id()'s form: task, step and book identities


def new_id() -> str:
    import uuid  # here: it imports `platform`, which the window's start does not need

    return uuid.uuid4().hex


@dataclass(frozen=True)
class ScheduleEntry:
    """One line of 全年进度安排: the quarters it falls in and what happens then.

    `id` stays the same through edits, moves, undo and storing, so what a later stage
    attaches to a step (a quarter's progress) stays with it.
    """

    quarters: tuple[int, ...] = ()
    text: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if type(self.quarters) is tuple and self.quarters in _SORTED_QUARTERS:
            return  # as stored and as the editors make them: a year's books make 10,000s
        # Quarters are a set; keep them sorted and unique so equal entries compare equal.
        quarters = tuple(sorted(set(self.quarters)))
        if not _QUARTER_SET.issuperset(quarters):
            raise ValueError(f"quarters must be 1–4, not {quarters}")
        object.__setattr__(self, "quarters", quarters)

    @property
    def label(self) -> str:
        return _label_of(self.quarters)

    def printed(self) -> str:
        """The line as the form prints it, e.g. 第二、三季度：召开提案办理协调会。"""
        label = self.label
        return f"{label}：{self.text}" if label else self.text


@dataclass(frozen=True)
class Task:
    """A row of either table. `role` (牵头/协办) belongs to key tasks only."""

    id: str = field(default_factory=new_id)
    task: str = ""
    objective: str = ""
    target: str = ""
    schedule: tuple[ScheduleEntry, ...] = ()
    leaders: tuple[str, ...] = ()
    role: str | None = None
    # The text of every column a form describes beyond the fields above (分值 …), as
    # (column name, text) pairs sorted by name; a column without text has no pair. The
    # names are EXTRA_NAME words: the database and the portable file keep them as they are.
    extra: tuple[tuple[str, str], ...] = ()
    # The year after the signature: at most one report per quarter, sorted by quarter,
    # and the year-end review.
    progress: tuple[Progress, ...] = ()
    review: Review | None = None

    def __post_init__(self) -> None:
        if self.progress:
            reports = tuple(sorted(self.progress, key=lambda report: report.quarter))
            quarters = [report.quarter for report in reports]
            if len(set(quarters)) != len(quarters):
                raise ValueError(f"at most one progress report per quarter, not {quarters}")
            object.__setattr__(self, "progress", reports)
        if self.extra:
            pairs = tuple(
                sorted((name, value) for name, value in dict(self.extra).items() if value)
            )
            object.__setattr__(self, "extra", pairs)

    def extra_value(self, name: str) -> str:
        """The text of the column `name` that is not a field of its own; "" when none."""
        return next((value for key, value in self.extra if key == name), "")

    def with_extra(self, name: str, value: str) -> Task:
        """This task with the column `name` holding `value` (an empty text removes it)."""
        values = dict(self.extra)
        values[name] = value
        return replace(self, extra=tuple(values.items()))

    def objective_lines(self) -> list[str]:
        """The 年度目标 cell: the objective, then 目标：… on its own line when there is one."""
        lines = [self.objective] if self.objective else []
        if self.target:
            lines.append(TARGET_PREFIX + self.target)
        return lines

    def schedule_lines(self) -> list[str]:
        return [entry.printed() for entry in self.schedule]


@dataclass(frozen=True)
class Cover:
    """Every field of the cover page (封面)."""

    year: int = field(default_factory=lambda: dt.date.today().year)
    serial: str = ""
    attachment: str = DEFAULT_TEXTS["attachment"]
    title: str = ""
    edition: str = DEFAULT_TEXTS["edition"]
    unit_name: str = ""
    filler_name: str = ""
    filler_position: str = ""
    phone: str = ""
    filled_on: dt.date | None = None
    issuer: str = ""
    issued_on: Month | None = None


# Field names shared by the file format, the database and the editors.
COVER_FIELDS = tuple(f.name for f in dataclasses.fields(Cover))
COVER_DATE_FIELDS = ("filled_on", "issued_on")
# One-line cover fields (the year and the dates have their own editors).
COVER_LINE_FIELDS = tuple(n for n in COVER_FIELDS if n not in ("year", *COVER_DATE_FIELDS))
# The section titles and notes and the head's opinion, in the order the file writes them.
SECTION_TEXT_FIELDS = (
    "key_tasks_title",
    "key_tasks_note",
    "functional_tasks_title",
    "functional_tasks_note",
    "head_opinion",
)


@dataclass(frozen=True)
class Book:
    cover: Cover = field(default_factory=Cover)
    key_tasks_title: str = DEFAULT_TEXTS["key_tasks_title"]
    key_tasks_note: str = DEFAULT_TEXTS["key_tasks_note"]
    functional_tasks_title: str = DEFAULT_TEXTS["functional_tasks_title"]
    functional_tasks_note: str = DEFAULT_TEXTS["functional_tasks_note"]
    head_opinion: str = DEFAULT_TEXTS["head_opinion"]
    # The clerk's explicit statement that the unit has no key task: the table prints 无.
    no_key_tasks: bool = False
    key_tasks: tuple[Task, ...] = ()
    functional_tasks: tuple[Task, ...] = ()
    id: int | None = None  # the database's id; None until stored
    # The book's identity across files and machines (32 hex), "" until given one.
    uid: str = ""
    finalized_on: dt.date | None = None  # 定稿: the day the plan was signed
    adjustments: tuple[Adjustment, ...] = ()  # changes to the signed plan
    self_review: SelfReview | None = None  # the year-end self-review as a whole
    # The PDF printed for signature at 定稿, kept byte for byte (its bytes are stored as a
    # supporting file's are): the signed plan stays printable exactly as it was signed.
    signed_copy: Evidence | None = None

    def __post_init__(self) -> None:
        if self.uid and not UID.fullmatch(self.uid):
            raise ValueError(f"uid must be 32 hex digits, not {self.uid!r}")

    @property
    def prints_no_key_tasks(self) -> bool:
        return self.no_key_tasks or not self.key_tasks


# --- the form's rules ---


def quarter_label(quarters: Iterable[int]) -> str:
    """第一季度, 第二、三季度, 第一、三季度 … and 全年 for all four quarters."""
    qs = sorted(set(quarters))
    if not qs:
        return ""
    if qs == list(QUARTERS):
        return ALL_YEAR
    return "第" + "、".join(QUARTER_NUMERALS[q] for q in qs) + "季度"


@functools.cache
def _label_of(quarters: tuple[int, ...]) -> str:
    # An entry's quarters are sorted and unique: 15 labels serve a year's 10,000s of steps.
    return quarter_label(quarters)


def serial_numbers(tasks: Sequence[Task]) -> list[str]:
    """序号 as printed: 1, 2, 3 … in table order."""
    return [str(i) for i in range(1, len(tasks) + 1)]


def leaders_text(leaders: Iterable[str], pad_two_character_names: bool = False) -> str:
    """责任领导 as printed: names separated by a space, optionally 陈晓 → 陈 晓.

    Padding lines a two-character name up with three-character ones, as typists do;
    the stored name never contains the space.
    """
    names = [name.strip() for name in leaders if name.strip()]
    if pad_two_character_names:
        names = [f"{n[0]} {n[1]}" if len(n) == 2 else n for n in names]
    return " ".join(names)


def parse_leaders(text: str) -> tuple[str, ...]:
    """Names from a typed list: separated by spaces, commas or 、; 陈 晓 joins back to 陈晓.

    Two single characters in a row are one two-character name typed with a space inside,
    because a Chinese name is never a single character.
    """
    parts = [p for p in re.split(r"[\s,，、;；/]+", text) if p]
    names: list[str] = []
    i = 0
    while i < len(parts):
        if len(parts[i]) == 1 and i + 1 < len(parts) and len(parts[i + 1]) == 1:
            names.append(parts[i] + parts[i + 1])
            i += 2
        else:
            names.append(parts[i])
            i += 1
    return tuple(names)


class Warning_(NamedTuple):
    """A rule the clerk should know about; it never blocks anything."""

    where: str  # the field or table, in the file's vocabulary
    message: str  # a message template, translated by the window
    params: dict[str, object]

    def text(self) -> str:
        return self.message.format(**self.params)


def guideline_warning(book: Book) -> Warning_ | None:
    """Key + functional tasks should in principle total at most 3: warn, never block."""
    count = len(book.functional_tasks) + (0 if book.no_key_tasks else len(book.key_tasks))
    if count <= TASK_GUIDELINE:
        return None
    return Warning_(
        "functional_tasks",
        QT_TRANSLATE_NOOP(
            "rules",
            "重点工作与职能工作合计 {count} 项，表格说明原则上不超过 {limit} 项。",
        ),
        {"count": count, "limit": TASK_GUIDELINE},
    )


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3}[-－ ]?)?[2-9]\d{6,7}")


_AREA_IN_BRACKETS = re.compile(r"\((0\d{2,3})\)[-\s]*(\d{7,8})")
_AREA_THEN_NUMBER = re.compile(r"(0\d{2,3})[-\s]+(\d{7,8})")


def normalize_phone(phone: str) -> str:
    """A phone number as it is usually written, from how it was typed: full-width digits
    become ASCII, (0757)87771621 and 0757 87771621 become 0757-87771621, and the spaces or
    hyphens inside a mobile number (138 0013 8000) go. Anything else is left as typed."""
    value = unicodedata.normalize("NFKC", phone).strip()
    compact = re.sub(r"[\s-]", "", value)
    if _MOBILE.fullmatch(compact):
        return compact
    for pattern in (_AREA_IN_BRACKETS, _AREA_THEN_NUMBER):
        match = pattern.fullmatch(value)
        if match:
            return f"{match.group(1)}-{match.group(2)}"
    if compact.isdigit() and _LANDLINE.fullmatch(compact):
        return compact
    return value


def phone_problem(phone: str) -> str | None:
    """A landline (7–8 digits, optional area code such as 0757-) or an 11-digit mobile,
    once normalized (normalize_phone): only what is really wrong is named."""
    value = normalize_phone(phone)
    if not value:
        return None
    if _MOBILE.fullmatch(value) or _LANDLINE.fullmatch(value):
        return None
    return QT_TRANSLATE_NOOP(
        "rules", "联系电话应为固定电话（7–8 位，可加区号，如 0757-87771621）或 11 位手机号码。"
    )


def cover_problems(cover: Cover) -> dict[str, str]:
    """Messages for cover fields a clerk should correct, keyed by field name."""
    problems: dict[str, str] = {}
    if not 2000 <= cover.year <= 2100:
        problems["year"] = QT_TRANSLATE_NOOP("rules", "年度应在 2000 至 2100 之间。")
    if not cover.unit_name.strip():
        problems["unit_name"] = QT_TRANSLATE_NOOP("rules", "请填写单位名称。")
    phone = phone_problem(cover.phone)
    if phone:
        problems["phone"] = phone
    if cover.filled_on and abs(cover.filled_on.year - cover.year) > 1:
        problems["filled_on"] = QT_TRANSLATE_NOOP("rules", "填表日期与年度相差较大，请核对。")
    return problems


def parse_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; an impossible day (2021-02-30) raises ValueError."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def parse_month(text: str) -> Month:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(text)
    return Month(int(match.group(1)), int(match.group(2)))


def chinese_date(day: dt.date | None) -> str:
    """2021年10月12日: how the form writes a date, without zero padding."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def chinese_month(month: Month | None) -> str:
    return f"{month.year}年{month.month}月" if month else ""


# --- making books ---


def has_year_data(book: Book) -> bool:
    """The book holds what the year after the signature adds: 定稿, adjustments, the
    self-review, or a task's progress report or review (a book's uid alone is not that)."""
    if book.finalized_on or book.adjustments or book.self_review or book.signed_copy:
        return True
    return any(t.progress or t.review for t in (*book.key_tasks, *book.functional_tasks))


def next_year_book(previous: Book) -> Book:
    """以上一年度为基础新建: the same cover and tasks for the following year.

    The serial is given by the performance office, the fill date and the head's opinion
    belong to the new year, so those start empty. Tasks and their steps get new ids: they
    are new rows. The year's own record (progress, reviews, 定稿, adjustments, the
    self-review) stays with the old book, and the new one is a new book: no uid yet.
    """
    cover = replace(
        previous.cover,
        year=previous.cover.year + 1,
        serial="",
        filled_on=None,
        issued_on=_next_year_month(previous.cover.issued_on),
        title=_bump_years(previous.cover.title, previous.cover.year),
    )
    return replace(
        previous,
        id=None,
        cover=cover,
        head_opinion="",
        uid="",
        finalized_on=None,
        adjustments=(),
        self_review=None,
        signed_copy=None,
        key_tasks=tuple(_copied_task(t) for t in previous.key_tasks),
        functional_tasks=tuple(_copied_task(t) for t in previous.functional_tasks),
    )


def _copied_task(task: Task) -> Task:
    schedule = tuple(replace(entry, id=new_id()) for entry in task.schedule)
    return replace(task, id=new_id(), schedule=schedule, progress=(), review=None)


def _next_year_month(month: Month | None) -> Month | None:
    return Month(month.year + 1, month.month) if month else None


def _bump_years(text: str, year: int) -> str:
    return text.replace(str(year), str(year + 1)) if str(year) in text else text


def book_label(book: Book) -> str:
    """How a book is named in the window's title and lists."""
    cover = book.cover
    name = cover.title or cover.unit_name or "（未命名）"
    return f"{cover.year} {name}"


def changed_fields(old: object, new: object) -> list[str]:
    """Names of the dataclass fields whose values differ (identity first: it is cheap)."""
    return [
        f.name
        for f in dataclasses.fields(old)  # type: ignore[arg-type]
        if getattr(old, f.name) is not getattr(new, f.name)
        and getattr(old, f.name) != getattr(new, f.name)
    ]


def lacks_task_text(task: Task) -> bool:
    """The row names no 工作任务."""
    return not task.task.strip()


def lacks_role(task: Task) -> bool:
    """A key task that says neither 牵头 nor 协办."""
    return task.role not in ROLES


def unquartered_steps(task: Task) -> list[int]:
    """The numbers (from 1) of the task's 进度安排 lines with no quarter ticked."""
    return [step for step, entry in enumerate(task.schedule, start=1) if not entry.quarters]


def print_problems(book: Book) -> list[Warning_]:
    """What is not filled in yet and would print oddly: told before printing, never a block."""
    problems: list[Warning_] = []
    if not book.cover.unit_name.strip():
        problems.append(
            Warning_("unit_name", QT_TRANSLATE_NOOP("rules", "封面：未填写单位名称。"), {})
        )
    if book.cover.filled_on is None:
        problems.append(
            Warning_("filled_on", QT_TRANSLATE_NOOP("rules", "封面：未填写填表日期。"), {})
        )
    if not book.functional_tasks:
        problems.append(
            Warning_(
                "functional_tasks",
                QT_TRANSLATE_NOOP("rules", "职能工作：一项任务也没有填写。"),
                {},
            )
        )
    sections = [("functional_tasks", QT_TRANSLATE_NOOP("rules", "职能工作"), book.functional_tasks)]
    if not book.no_key_tasks:
        sections.insert(0, ("key_tasks", QT_TRANSLATE_NOOP("rules", "重点工作"), book.key_tasks))
    for where, section, tasks in sections:
        for number, task in enumerate(tasks, start=1):
            place = {"section": section, "number": number}
            if lacks_task_text(task):
                problems.append(
                    Warning_(
                        where,
                        QT_TRANSLATE_NOOP("rules", "{section}第 {number} 项：未填写工作任务。"),
                        place,
                    )
                )
            if where == "key_tasks" and lacks_role(task):
                problems.append(
                    Warning_(
                        where,
                        QT_TRANSLATE_NOOP("rules", "{section}第 {number} 项：未选择牵头或协办。"),
                        place,
                    )
                )
            for step in unquartered_steps(task):
                problems.append(
                    Warning_(
                        where,
                        QT_TRANSLATE_NOOP(
                            "rules", "{section}第 {number} 项：第 {step} 条进度安排未勾选季度。"
                        ),
                        {**place, "step": step},
                    )
                )
    if not book.head_opinion.strip():
        problems.append(
            Warning_("head_opinion", QT_TRANSLATE_NOOP("rules", "未填写单位负责人意见。"), {})
        )
    return problems


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable_text(text: str) -> str:
    """Text as Word and PDF can hold it: line breaks as \\n, other control characters gone.

    The database keeps what was typed or imported; only output strips. Tabs and line breaks
    stay; \\r\\n and a lone \\r (old Mac, some pastes) become \\n; every other C0 control and
    DEL (a form feed pasted from a web page, a stray \\x01) is dropped, since Word refuses
    such a file and a PDF shows a box; so are U+FFFE, U+FFFF and lone surrogates, which XML
    cannot hold either.
    """
    if text.isprintable():  # the common case: no work at all
        return text
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
