"""A book read from a filled Word file, with the notes on what did not fit: the summary
the clerk checks before the book is made, in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from bluebook_desktop.domain import QT_TRANSLATE_NOOP, Book, chinese_date, chinese_month
from bluebook_desktop.domain.form import Section
from bluebook_desktop.formats.notes import Note, Translate, as_is

# Where a line stood that fits no field.
BEFORE_TABLES = Note(QT_TRANSLATE_NOOP("import", "表格之前"))
BETWEEN_TABLES = Note(QT_TRANSLATE_NOOP("import", "表格之间"))
AFTER_TABLES = Note(QT_TRANSLATE_NOOP("import", "表格之后"))
EMPTY = QT_TRANSLATE_NOOP("import", "（空）")


@dataclass(frozen=True)
class DocxReading:
    """The book read from a Word file, and notes on what could not be placed in it."""

    book: Book
    unplaced: list[Note] = field(default_factory=list)

    def summary(self, translate: Translate = as_is) -> str:
        """What was read, field by field, then every note: shown before the book is made,
        in the language `translate` gives (QCoreApplication.translate in the window)."""

        def say(text: str) -> str:
            return translate("import", text)

        book, cover = self.book, self.book.cover
        tasks = (*book.key_tasks, *book.functional_tasks)
        steps = sum(len(t.schedule) for t in tasks)
        leaders = sorted({name for t in tasks for name in t.leaders})
        count = say(QT_TRANSLATE_NOOP("import", "{count} 项"))
        key = (
            count.format(count=len(book.key_tasks))
            if book.key_tasks
            else say(QT_TRANSLATE_NOOP("import", "无"))
        )
        filler = f"{cover.filler_name} {cover.filler_position}".strip()
        title = f"{cover.title}（{cover.edition}）" if cover.edition else cover.title
        issuer = "，".join(t for t in (cover.issuer, chinese_month(cover.issued_on)) if t)
        fields = (
            (QT_TRANSLATE_NOOP("import", "附件标注"), cover.attachment),
            (QT_TRANSLATE_NOOP("import", "年度"), str(cover.year)),
            (QT_TRANSLATE_NOOP("import", "编号"), cover.serial),
            (QT_TRANSLATE_NOOP("import", "标题"), title),
            (QT_TRANSLATE_NOOP("import", "单位名称"), cover.unit_name),
            (QT_TRANSLATE_NOOP("import", "填表人姓名及职务"), filler),
            (QT_TRANSLATE_NOOP("import", "联系电话"), cover.phone),
            (QT_TRANSLATE_NOOP("import", "填表日期"), chinese_date(cover.filled_on)),
            (QT_TRANSLATE_NOOP("import", "编制"), issuer),
        )
        field_line = say(QT_TRANSLATE_NOOP("import", "  {label}：{value}"))
        lines = [say(QT_TRANSLATE_NOOP("import", "从 Word 文档读取到："))]
        lines += [field_line.format(label=say(k), value=v or say(EMPTY)) for k, v in fields]
        lines += [
            say(
                QT_TRANSLATE_NOOP("import", "  重点工作、改革重点项目：{key}；职能工作：{count} 项")
            ).format(key=key, count=len(book.functional_tasks)),
            say(
                QT_TRANSLATE_NOOP("import", "  进度安排共 {steps} 步；责任领导 {count} 人：{names}")
            ).format(
                steps=steps,
                count=len(leaders),
                names=" ".join(leaders) or say(QT_TRANSLATE_NOOP("import", "（无）")),
            ),
            say(QT_TRANSLATE_NOOP("import", "  单位负责人意见：{opinion}")).format(
                opinion=book.head_opinion or say(EMPTY)
            ),
        ]
        if self.unplaced:
            lines.append(
                say(
                    QT_TRANSLATE_NOOP(
                        "import", "以下 {count} 处内容未能归入或需要核对，请在新建后查看："
                    )
                ).format(count=len(self.unplaced))
            )
            lines += [f"  · {note.text(translate)}" for note in self.unplaced]
        else:
            lines.append(say(QT_TRANSLATE_NOOP("import", "所有内容均已归入相应栏目。")))
        return "\n".join(lines)


def section_label(section: Section) -> Note:
    """A section's label as a note's parameter: translated with the form's words."""
    return Note(section.label, "form")


def task_place(section: Section, number: int) -> Note:
    """重点工作第 2 项: where a note's task is."""
    return Note(
        QT_TRANSLATE_NOOP("import", "{section}第 {number} 项"),
        section=section_label(section),
        number=number,
    )
