"""What a checker at the collecting office finds wrong in a unit's book, in the form's words.

Each finding is one short sentence a checker can read out on the phone (未填写联系电话,
重点工作第 2 项未填写责任领导), with the place it is about (a cover field, or a section, a
task and a step of its 全年进度安排) so a view can sort and filter by it. The rules are the
ones the clerk is told before printing (print_problems, cover_problems, guideline_warning);
the words come from the form, so another district's labels follow. Which characters no font
prints is the caller's to say: the domain knows no fonts.

Messages are Chinese templates marked for translation (context "findings"); the words of
the form they name (section labels, column headers, cover labels) are in context "form".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bluebook_desktop.domain import (
    QT_TRANSLATE_NOOP,
    Book,
    cover_problems,
    guideline_warning,
    lacks_role,
    lacks_task_text,
    unquartered_steps,
)
from bluebook_desktop.domain.form import FORM, Form, Section

CONTEXT = "findings"
FORM_CONTEXT = "form"

MISSING_COVER_FIELD = QT_TRANSLATE_NOOP("findings", "未填写{label}")
MISSING_TASK_CELL = QT_TRANSLATE_NOOP("findings", "{section}第 {number} 项未填写{column}")
MISSING_QUARTER = QT_TRANSLATE_NOOP(
    "findings", "{section}第 {number} 项第 {step} 条进度安排未勾选季度"
)
MISSING_ROLE = QT_TRANSLATE_NOOP("findings", "{section}第 {number} 项未选择牵头或协办")
OVER_GUIDELINE = QT_TRANSLATE_NOOP(
    "findings", "{key}与{functional}合计 {count} 项（原则上不超过 {limit} 项）"
)
UNPRINTABLE = QT_TRANSLATE_NOOP("findings", "有 {count} 个字符无法打印：{chars}")

# The cover's fields a checker asks for, in case the form leaves one out.
_COVER_CHECKS = ("unit_name", "filler", "phone", "filled_on")
# How a finding names the filler: the shortest of the cover field's labels.
FILLER = QT_TRANSLATE_NOOP("form", "填表人")


@dataclass(frozen=True)
class Finding:
    """One thing a checker finds: a message template, its parameters, and where it is.

    `where` is a cover field's name ("unit_name", "filler", "phone", "filled_on"), a
    section's name ("key_tasks", "functional_tasks": `task` and `step` count from 1 there,
    0 for the section as a whole) or "text" for characters no font prints. `form_words`
    names the parameters that are words of the form, translated in its own context.
    """

    where: str
    message: str
    params: dict[str, object] = field(default_factory=dict)
    task: int = 0
    step: int = 0
    form_words: tuple[str, ...] = ()

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The sentence; in Chinese, or through `translate(context, text)` (Qt's translate)."""
        if translate is None:
            return self.message.format(**self.params)
        params = {
            name: translate(FORM_CONTEXT, str(value)) if name in self.form_words else value
            for name, value in self.params.items()
        }
        return translate(CONTEXT, self.message).format(**params)

    @property
    def place(self) -> tuple[str, int, int]:
        """What the finding is about, to sort or filter by."""
        return (self.where, self.task, self.step)


def _cover_label(form: Form, name: str) -> str:
    """The form's shortest way of naming the field (填表人 for 填表人姓名及职务); this
    district's form's, where the form has no such field."""
    cover_field = next((f for f in form.cover_fields if f.name == name), None)
    if cover_field is None:
        return _cover_label(FORM, name)
    short = [label for label in cover_field.labels if cover_field.label.startswith(label)]
    return min(short, key=len)


def _cover_findings(book: Book, form: Form) -> list[Finding]:
    cover = book.cover
    missing = {
        "unit_name": "unit_name" in cover_problems(cover),
        "filler": not cover.filler_name.strip(),
        "phone": not cover.phone.strip(),
        "filled_on": cover.filled_on is None,
    }
    order = [f.name for f in form.cover_fields if f.name in missing]
    order += [name for name in _COVER_CHECKS if name not in order]
    return [
        Finding(
            name,
            MISSING_COVER_FIELD,
            {"label": _cover_label(form, name)},
            form_words=("label",),
        )
        for name in order
        if missing[name]
    ]


def _header(section: Section, name: str) -> str | None:
    """The header of the section's column `name`; None when the form has no such column,
    and so asks nothing about it."""
    column = section.column(name)
    return column.header if column is not None else None


def _section_findings(book: Book, section: Section) -> list[Finding]:
    if section.has_none(book):
        return []
    found: list[Finding] = []
    words = ("section", "column")
    for number, task in enumerate(section.tasks(book), start=1):
        place = {"section": section.label, "number": number}
        task_header = _header(section, "task")
        if task_header is not None and lacks_task_text(task):
            column = {"column": task_header}
            found.append(
                Finding(section.name, MISSING_TASK_CELL, {**place, **column}, number, 0, words)
            )
        for step in unquartered_steps(task):
            found.append(
                Finding(section.name, MISSING_QUARTER, {**place, "step": step}, number, step, words)
            )
        leaders_header = _header(section, "leaders")
        if leaders_header is not None and not any(name.strip() for name in task.leaders):
            column = {"column": leaders_header}
            found.append(
                Finding(section.name, MISSING_TASK_CELL, {**place, **column}, number, 0, words)
            )
        if section.has_role and lacks_role(task):
            found.append(Finding(section.name, MISSING_ROLE, place, number, 0, words))
    return found


def _guideline_finding(book: Book, form: Form) -> list[Finding]:
    warning = guideline_warning(book)
    if warning is None:
        return []
    return [
        Finding(
            warning.where,
            OVER_GUIDELINE,
            {
                "key": form.key_tasks.label,
                "functional": form.functional_tasks.label,
                **warning.params,
            },
            form_words=("key", "functional"),
        )
    ]


def _unprintable_finding(missing_chars: Iterable[str]) -> list[Finding]:
    chars = list(dict.fromkeys(missing_chars))
    if not chars:
        return []
    return [Finding("text", UNPRINTABLE, {"count": len(chars), "chars": "、".join(chars)})]


def findings(book: Book, form: Form = FORM, missing_chars: Iterable[str] = ()) -> list[Finding]:
    """Everything a checker should ask the unit about, in the order of the printed form:
    the cover, each section's tasks, the guideline, then characters no font prints
    (`missing_chars`, each counted once)."""
    found = _cover_findings(book, form)
    for section in form.sections:
        found += _section_findings(book, section)
    found += _guideline_finding(book, form)
    found += _unprintable_finding(missing_chars)
    return found
