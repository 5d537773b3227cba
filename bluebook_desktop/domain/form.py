"""The form's shape as data: its sections, their columns, the cover's fields, the page.

Every writer, the Word reader and the editors loop over one `Form` instead of spelling the
headers, widths, margins and labels out themselves, so another district's form (one more
column such as 分值, other widths) is another `Form` value, not more code. `FORM` is this
district's 2021 form. Texts are Chinese, marked for translation (context "form"): the
printed form is always Chinese, the window shows them translated.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, fields

from bluebook_desktop.domain import EXTRA_NAME, QT_TRANSLATE_NOOP, Book, Task

_TASK_FIELDS = frozenset(f.name for f in fields(Task))


class Align(enum.Enum):
    """How a column's cells sit: short texts centred, long ones from the left."""

    LEFT = "left"
    CENTRE = "centre"


class Kind(enum.Enum):
    """How a column's cells are made, for the cells that are more than lines of text."""

    TEXT = "text"  # the lines `reads` gives
    SERIAL = "serial"  # 序号: the row's number in table order
    LEADERS = "leaders"  # names, packed into lines of the column's width, never split


def _no_lines(task: Task) -> list[str]:
    return []


class _ExtraLines:
    """A stored-as-extra column's cell: the lines of the task's text for it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, task: Task) -> list[str]:
        value = task.extra_value(self.name)
        return value.split("\n") if value else []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _ExtraLines) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


@dataclass(frozen=True)
class Column:
    """A column of a task table.

    `reads` gives a task's cell as lines (one paragraph each in print). `pdf_mm` is the
    column's width on the PDF's portrait page; None shares what the fixed columns leave
    equally (on a landscape page too). `word_mm` is the width in the Word file, where every
    column is fixed. `edits` names the Task field the table's cell edits in place, None for
    a cell the table does not edit.

    A column `stored_as_extra` holds text that is no field of Task (分值 on another
    district's form): the task keeps it in `Task.extra` under the column's name, the
    database, the portable file and the Word reader carry it, the table edits it and the
    task editor gives it a field of its own. Its `reads` and `edits` follow by default.
    """

    name: str
    header: str
    pdf_mm: float | None
    word_mm: float
    align: Align = Align.LEFT
    reads: Callable[[Task], list[str]] = _no_lines
    kind: Kind = Kind.TEXT
    edits: str | None = None
    # The window's table centres only the narrowest cells (序号, 牵头/协办): a centred
    # name or task there would wander as the column is resized.
    window_align: Align = Align.LEFT
    # The label of the task editor's field for it, where the editor names it by the
    # section's header (年度目标/改革要点：).
    editor_label: str = ""
    # Words by which a filled Word file's header cell names the column (序号 or 编号, …):
    # clerks retype and reword headers.
    header_words: tuple[str, ...] = ()
    stored_as_extra: bool = False

    def __post_init__(self) -> None:
        if self.stored_as_extra:
            if self.name in _TASK_FIELDS or not EXTRA_NAME.fullmatch(self.name):
                raise ValueError(f"{self.name!r} cannot name a column kept in Task.extra")
            if self.reads is _no_lines:
                object.__setattr__(self, "reads", _ExtraLines(self.name))
            if self.edits is None:
                object.__setattr__(self, "edits", self.name)

    @property
    def centred(self) -> bool:
        return self.align is Align.CENTRE


@dataclass(frozen=True)
class Section:
    """A table of the form: which Book field holds its tasks (`name`), what it is called
    (`label`), the value the database stores for it (`stored`), its columns, and the Book
    fields of its heading and note."""

    name: str
    label: str
    stored: str
    columns: tuple[Column, ...]
    title_field: str
    note_field: str
    # The Book field (a flag) by which the clerk says the unit has no such task, or None.
    # With it set, or with no task, the table prints a row of 无 and then `blank_rows`
    # rows to write in; without such a field an empty table prints only the blank rows.
    none_field: str | None = None
    blank_rows: int = 1

    def tasks(self, book: Book) -> tuple[Task, ...]:
        return getattr(book, self.name)  # type: ignore[no-any-return]

    def title(self, book: Book) -> str:
        return getattr(book, self.title_field)  # type: ignore[no-any-return]

    def note(self, book: Book) -> str:
        return getattr(book, self.note_field)  # type: ignore[no-any-return]

    def prints_none(self, book: Book) -> bool:
        """The table prints one row of 无 instead of tasks."""
        if self.none_field is None:
            return False
        return bool(getattr(book, self.none_field)) or not self.tasks(book)

    def has_none(self, book: Book) -> bool:
        """The clerk said the unit has no task of this section."""
        return self.none_field is not None and bool(getattr(book, self.none_field))

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def index(self, name: str) -> int:
        """The position of the column named `name`, or -1 when the section has none."""
        return next((i for i, c in enumerate(self.columns) if c.name == name), -1)

    def column(self, name: str) -> Column | None:
        i = self.index(name)
        return self.columns[i] if i >= 0 else None

    def has(self, name: str) -> bool:
        return self.index(name) >= 0

    @property
    def extra_columns(self) -> tuple[Column, ...]:
        """The columns whose text the task keeps in `Task.extra`, in the table's order."""
        return tuple(c for c in self.columns if c.stored_as_extra)

    @property
    def has_role(self) -> bool:
        """Its tasks say whether the unit leads or assists (牵头/协办)."""
        return self.has("role")


@dataclass(frozen=True)
class CoverField:
    """A labelled value of the printed cover: its name (a Cover field, or "filler" for the
    filler's name and position together), its label, what kind of value it holds ("line",
    "year", "person", "phone", "date"), what prints after the value, and other labels a
    typed cover may use for it, most specific first."""

    name: str
    label: str
    kind: str = "line"
    suffix: str = ""
    also_labelled: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.also_labelled)


@dataclass(frozen=True)
class Closing:
    """The words of the closing block: the head's opinion, the signature and the seal."""

    opinion_heading: str = "单位负责人意见"
    signature_label: str = "单位负责人（签名）："
    seal_label: str = "单位盖章："


@dataclass(frozen=True)
class PageGeometry:
    """The sheet and its margins (top, bottom, left, right), in millimetres."""

    size_mm: tuple[float, float] = (210, 297)  # A4 portrait
    margins_mm: tuple[float, float, float, float] = (37, 35, 28, 26)  # GB/T 9704's 版心
    blank_row_mm: float = 12  # a row left to write in by hand

    @property
    def text_width_mm(self) -> float:
        return self.size_mm[0] - self.margins_mm[2] - self.margins_mm[3]

    @property
    def text_height_mm(self) -> float:
        return self.size_mm[1] - self.margins_mm[0] - self.margins_mm[1]


@dataclass(frozen=True)
class Form:
    sections: tuple[Section, ...]
    # The small boxes at the top right of the cover (年度, 编号), then its labelled lines.
    cover_boxes: tuple[CoverField, ...]
    cover_fields: tuple[CoverField, ...]
    page: PageGeometry = PageGeometry()
    closing: Closing = Closing()
    # The order in which a header cell's words are tried against the columns' words, most
    # specific first (年度目标任务 is a target, not a task); columns not named come first.
    header_order: tuple[str, ...] = ()

    def section(self, spelling: str) -> Section:
        """The section by any of its spellings: the Book field ("key_tasks"), the stored
        value ("key") or the label (重点工作)."""
        for section in self.sections:
            if spelling in (section.name, section.stored, section.label):
                return section
        raise KeyError(spelling)

    @property
    def key_tasks(self) -> Section:
        return self.section("key_tasks")

    @property
    def functional_tasks(self) -> Section:
        return self.section("functional_tasks")


# --- this district's 2021 form ---


def _task_lines(task: Task) -> list[str]:
    return [task.task]


def _objective_lines(task: Task) -> list[str]:
    return task.objective_lines()


def _schedule_lines(task: Task) -> list[str]:
    return task.schedule_lines()


def _leader_names(task: Task) -> list[str]:
    return list(task.leaders)


def _role_lines(task: Task) -> list[str]:
    return [task.role or ""]


SERIAL = Column(
    "serial",
    QT_TRANSLATE_NOOP("form", "序号"),
    11,
    11,
    Align.CENTRE,
    kind=Kind.SERIAL,
    header_words=("序号", "编号"),
    window_align=Align.CENTRE,
)
TASK = Column(
    "task",
    QT_TRANSLATE_NOOP("form", "工作任务"),
    20,
    20,
    Align.CENTRE,
    _task_lines,
    edits="task",
    header_words=("任务", "项目"),
)
SCHEDULE_HEADER = QT_TRANSLATE_NOOP("form", "全年进度安排")
SCHEDULE_WORDS = ("进度", "安排")
OBJECTIVE_WORDS = ("目标", "要点")
LEADERS = Column(
    "leaders",
    QT_TRANSLATE_NOOP("form", "责任领导"),
    28,
    28,
    Align.CENTRE,
    _leader_names,
    Kind.LEADERS,
    edits="leaders",
    header_words=("领导", "责任人"),
)
ROLE = Column(
    "role",
    QT_TRANSLATE_NOOP("form", "牵头/协办"),
    15,
    15,
    Align.CENTRE,
    _role_lines,
    edits="role",
    header_words=("牵头", "协办"),
    window_align=Align.CENTRE,
)

FORM = Form(
    sections=(
        Section(
            name="key_tasks",
            label=QT_TRANSLATE_NOOP("form", "重点工作"),
            stored="key",
            columns=(
                SERIAL,
                TASK,
                Column(
                    "objective",
                    QT_TRANSLATE_NOOP("form", "年度目标/改革要点"),
                    None,
                    41,
                    reads=_objective_lines,
                    edits="objective",
                    header_words=OBJECTIVE_WORDS,
                    editor_label=QT_TRANSLATE_NOOP("form", "年度目标/改革要点："),
                ),
                Column(
                    "schedule",
                    SCHEDULE_HEADER,
                    None,
                    41,
                    reads=_schedule_lines,
                    header_words=SCHEDULE_WORDS,
                ),
                LEADERS,
                ROLE,
            ),
            title_field="key_tasks_title",
            note_field="key_tasks_note",
            none_field="no_key_tasks",
            blank_rows=3,  # under the 无 row, as on the office's own form
        ),
        Section(
            name="functional_tasks",
            label=QT_TRANSLATE_NOOP("form", "职能工作"),
            stored="functional",
            columns=(
                SERIAL,
                TASK,
                Column(
                    "objective",
                    QT_TRANSLATE_NOOP("form", "年度目标"),
                    None,
                    48.5,
                    reads=_objective_lines,
                    edits="objective",
                    header_words=OBJECTIVE_WORDS,
                    editor_label=QT_TRANSLATE_NOOP("form", "年度目标："),
                ),
                Column(
                    "schedule",
                    SCHEDULE_HEADER,
                    None,
                    48.5,
                    reads=_schedule_lines,
                    header_words=SCHEDULE_WORDS,
                ),
                LEADERS,
            ),
            title_field="functional_tasks_title",
            note_field="functional_tasks_note",
        ),
    ),
    cover_boxes=(
        CoverField("year", QT_TRANSLATE_NOOP("form", "年度"), "year"),
        CoverField("serial", QT_TRANSLATE_NOOP("form", "编号")),
    ),
    cover_fields=(
        CoverField("unit_name", QT_TRANSLATE_NOOP("form", "单位名称"), suffix="（公章）"),
        CoverField(
            "filler",
            QT_TRANSLATE_NOOP("form", "填表人姓名及职务"),
            "person",
            also_labelled=("填表人姓名和职务", "填表人姓名、职务", "填表人", "填报人"),
        ),
        CoverField(
            "phone", QT_TRANSLATE_NOOP("form", "联系电话"), "phone", also_labelled=("电话",)
        ),
        CoverField(
            "filled_on", QT_TRANSLATE_NOOP("form", "填表日期"), "date", also_labelled=("填报日期",)
        ),
    ),
    header_order=("serial", "role", "schedule", "leaders", "objective", "task"),
)
