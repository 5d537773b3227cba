"""A filled Word copy of the form (.docx) read into a new book, with what could not be placed.

Clerks type these files by hand, so the reader goes by meaning rather than position: the
task tables are found by their header row, tables split across pages are joined again,
merged cells are read as Word shows them, and every line that fits no field is reported
to the user instead of being dropped. The file itself is checked first
(`formats.docx_file`): a .doc, a damaged archive or a zip bomb is refused, nothing created.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bluebook_desktop.domain import (
    ASSIST,
    DEFAULT_TEXTS,
    LEAD,
    NONE_MARK,
    QT_TRANSLATE_NOOP,
    Book,
    Cover,
    Task,
    chinese_date,
    chinese_month,
    parse_leaders,
)
from bluebook_desktop.domain.form import FORM, Form, Section
from bluebook_desktop.errors import UserError
from bluebook_desktop.formats.cover_text import read_cover
from bluebook_desktop.formats.docx_file import open_document
from bluebook_desktop.formats.docx_headers import Headers, assign, header_row, same_texts
from bluebook_desktop.formats.docx_reading import (
    AFTER_TABLES,
    BEFORE_TABLES,
    BETWEEN_TABLES,
    DocxReading,
    section_label,
    task_place,
)
from bluebook_desktop.formats.docx_tables import Cell, Grid, blocks
from bluebook_desktop.formats.notes import Note
from bluebook_desktop.formats.schedule_text import objective_from_lines, schedule_from_lines

TOO_MUCH = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”中有内容超出了蓝皮书的限制（{problem}），没有导入。"
    "请在 Word 中把过长的内容分成几项后再导入。",
)
NOT_FORM = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”不是绩效目标责任书：没有找到“职能工作任务目标”表格（表头应有 {headers}）。",
)

NOTFORM_COLUMNS = QT_TRANSLATE_NOOP(
    "messages",
    "“{name}”不是绩效目标责任书：{section}表格缺少“{missing}”栏（表头应有 {headers}），没有导入。",
)

_NOTE = re.compile(r"^注\s*[:：]\s*")
_OPINION = re.compile(r"^单\s*位\s*负\s*责\s*人\s*意\s*见\s*[:：]?\s*")
_SIGNATURE = re.compile(
    r"^(?:单\s*位\s*负\s*责\s*人\s*[（(]?\s*签\s*[名字章]\s*[)）]?|单\s*位\s*盖\s*章|盖\s*章|签\s*名)"
    r"\s*[:：]?\s*"
)
_BLANK_DATE = re.compile(r"^(?:日\s*期\s*[:：]?)?\s*年\s*月\s*日$")


def read_docx(path: Path, form: Form = FORM) -> DocxReading:
    """The book a filled copy of `form` holds (this district's form unless told)."""
    path = Path(path)
    name = path.name
    body = open_document(path).element.body
    if body is None:
        raise UserError(NOT_FORM, name=name, headers=_headers_of(form))
    reading = _Reader(name, form).read(list(blocks(body)))
    _check_limits(reading.book, name)
    return reading


def _check_limits(book: Book, name: str) -> None:
    """A book read from Word keeps to the limits of the portable file (text lengths, numbers
    of tasks, steps and leaders), so whatever is imported can be exported and read back."""
    from bluebook_desktop.formats.portable import FileProblem, book_from_dict, book_to_dict

    try:
        book_from_dict(book_to_dict(book))
    except FileProblem as exc:
        raise UserError(TOO_MUCH, name=name, problem=str(exc)) from exc


def _headers_of(form: Form) -> str:
    """The headers named when a file is not the form: those of its functional table."""
    return "、".join(form.functional_tasks.headers)


@dataclass
class _TaskTable:
    section: Section
    columns: list[str | None]
    headers: list[str]
    rows: list[list[Cell]]
    before: list[str]  # the lines between the previous table (or the start) and this one


class _Reader:
    def __init__(self, name: str, form: Form) -> None:
        self.name = name
        self.notes: list[Note] = []
        self.key = form.key_tasks
        self.functional = form.functional_tasks
        self.headers = Headers(form)
        self.column_names = self.headers.names
        self.header_text = _headers_of(form)

    def read(self, items: list[str | Grid]) -> DocxReading:
        tables, closing = self._tables(items)
        key = [t for t in tables if t.section is self.key]
        functional = [t for t in tables if t.section is self.functional]
        if not functional:
            raise UserError(NOT_FORM, name=self.name, headers=self.header_text)
        for table in (*key[:1], functional[0]):
            names = self.column_names
            missing = [names[n] for n in self.headers.required if n not in table.columns]
            if missing:
                # another form's table (项目名称 | 年度绩效目标 | 责任人) looks alike at first
                raise UserError(
                    NOTFORM_COLUMNS,
                    name=self.name,
                    section=table.section.label,
                    missing="、".join(missing),
                    headers=self.header_text,
                )
        first = tables[0]
        cover_lines: list[str] = []
        texts: dict[str, str] = {}
        for section, group in ((self.key, key), (self.functional, functional)):
            if not group:
                continue
            title, note, rest = _heading(group[0].before)
            if title:
                texts[section.title_field] = title
            if note:
                texts[section.note_field] = note
            if group[0] is first:
                cover_lines = rest
            else:
                self._unplaced(BEFORE_TABLES, rest)
            for table in group[1:]:
                self._unplaced(BETWEEN_TABLES, table.before)
        if first.section is self.functional and key:
            self.notes.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import", "重点工作表格出现在职能工作表格之后，已按表头归类。"
                    )
                )
            )
        if not key:
            cover_lines = self._key_without_table(cover_lines, texts)
        cover = self._cover(cover_lines)
        key_tasks = self._tasks(self.key, key)
        functional_tasks = self._tasks(self.functional, functional)
        book = Book(
            cover=cover,
            key_tasks_title=texts.get("key_tasks_title", DEFAULT_TEXTS["key_tasks_title"]),
            key_tasks_note=texts.get("key_tasks_note", DEFAULT_TEXTS["key_tasks_note"]),
            functional_tasks_title=texts.get(
                "functional_tasks_title", DEFAULT_TEXTS["functional_tasks_title"]
            ),
            functional_tasks_note=texts.get(
                "functional_tasks_note", DEFAULT_TEXTS["functional_tasks_note"]
            ),
            head_opinion=self._closing(closing),
            no_key_tasks=not key_tasks,
            key_tasks=tuple(key_tasks),
            functional_tasks=tuple(functional_tasks),
        )
        return DocxReading(book, self.notes)

    def _key_without_table(self, lines: list[str], texts: dict[str, str]) -> list[str]:
        """Section 1 typed as text (title, 注：…, 无) with no table: take it off the cover."""
        end = len(lines)
        while end and re.sub(r"\s+", "", lines[end - 1]) == NONE_MARK:
            end -= 1
        title, note, before = _heading(lines[:end])
        if note is None and not (title and "重点" in title):
            self.notes.append(
                Note(QT_TRANSLATE_NOOP("import", "没有找到重点工作表格：按没有重点工作处理。"))
            )
            return lines
        if title:
            texts["key_tasks_title"] = title
        if note:
            texts["key_tasks_note"] = note
        if end == len(lines):
            self.notes.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import", "没有找到重点工作表格，也没有写“无”：按没有重点工作处理。"
                    )
                )
            )
        return before

    def _tables(self, items: list[str | Grid]) -> tuple[list[_TaskTable], list[str]]:
        """Task tables in order, continuations joined, and the lines after the last one."""
        tables: list[_TaskTable] = []
        pending: list[str] = []
        for item in items:
            if isinstance(item, str):
                pending.append(item)
                continue
            found = header_row(item, self.headers)
            last = tables[-1] if tables else None
            if found:
                index, columns = found
                above = [line for row in item[:index] for line in _row_lines(row)]
                headers = [cell.text for cell in item[index]]
                section = self._section(columns, headers, pending + above, last)
                rows, after = _cut_closing(item[index + 1 :])
                if last and last.section is section and not _has_heading(pending + above):
                    # the header row repeated on the next page: the same table goes on
                    self._unplaced(BETWEEN_TABLES, pending + above)
                    last.rows.extend(rows)
                else:
                    tables.append(_TaskTable(section, columns, headers, rows, pending + above))
            elif last and _width(item) == len(last.columns) and not _has_heading(pending):
                self._unplaced(BETWEEN_TABLES, pending)  # e.g. 续表 between the two halves
                rows, after = _cut_closing(item)
                last.rows.extend(rows)
            else:
                pending.extend(line for row in item for line in _row_lines(row))
                continue
            pending = after  # a closing block typed into the table's last rows
        return tables, pending

    # --- cover and closing ---

    def _cover(self, lines: list[str]) -> Cover:
        reading = read_cover(lines)
        self.notes.extend(reading.unplaced)
        values: dict[str, Any] = dict(reading.values)
        values.setdefault("attachment", "")
        values.setdefault("edition", "")
        if "year" not in values:
            values["year"], source = _guess_year(values)
            self.notes.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import", "封面：没有找到年度，已按{source}定为 {year} 年，请核对。"
                    ),
                    source=source,
                    year=values["year"],
                )
            )
        return Cover(**values)

    def _closing(self, lines: list[str]) -> str:
        """单位负责人意见: the lines after its label, up to the signature line."""
        opinion: list[str] = []
        state = "before"
        for line in lines:
            label = _OPINION.match(line)
            signature = _SIGNATURE.match(line)
            if label and state == "before":
                state = "opinion"
                rest = line[label.end() :].strip()
                if rest:
                    opinion.append(rest)
            elif signature:
                state = "after"
                rest = line[signature.end() :].strip()
                if rest and not _BLANK_DATE.match(rest):
                    self.notes.append(
                        Note(QT_TRANSLATE_NOOP("import", "签名、盖章处：{line}"), line=rest)
                    )
            elif _BLANK_DATE.match(line):
                continue  # the template's 年 月 日 under the seal
            elif state == "opinion":
                opinion.append(line)
            else:
                self._unplaced(AFTER_TABLES, [line])
        return "\n".join(opinion)

    # --- tasks ---

    def _tasks(self, section: Section, tables: list[_TaskTable]) -> list[Task]:
        tasks: list[Task] = []
        for table in tables:
            for number, fields in enumerate(self._rows(section, table), len(tasks) + 1):
                tasks.append(self._task(section, number, fields))
        return tasks

    def _rows(self, section: Section, table: _TaskTable) -> list[dict[str, list[str]]]:
        """Each task's lines per field; rows continued on the next row or page are joined."""
        result: list[dict[str, list[str]]] = []
        previous: dict[str, Cell] = {}
        for row in table.rows:
            texts = [cell.text for cell in dict.fromkeys(row) if cell.text]
            if not texts:
                continue
            if same_texts(row, table.headers):
                self.notes.append(
                    Note(
                        QT_TRANSLATE_NOOP(
                            "import", "{section}表中重复的表头行（换页时重复）已略过。"
                        ),
                        section=section_label(section),
                    )
                )
                previous = {}
                continue
            if all(re.sub(r"\s+", "", t) == NONE_MARK for t in texts):
                if section.none_field is None:  # a 无 row is how a key table says none
                    self.notes.append(
                        Note(
                            QT_TRANSLATE_NOOP("import", "{section}表中有一行“无”，已忽略。"),
                            section=section_label(section),
                        )
                    )
                previous = {}
                continue
            cells, problems = assign(
                row,
                table.columns,
                table.headers,
                set(map(id, previous.values())),
                self.column_names,
            )
            if not problems and not any(c.text for n, c in cells.items() if n != "serial"):
                continue  # a numbered row the template left for another task
            if result and _continues(cells, previous):
                fields = result[-1]
                for name, cell in cells.items():
                    if cell is not previous.get(name):
                        fields.setdefault(name, []).extend(cell.lines)
                self.notes.append(
                    Note(
                        QT_TRANSLATE_NOOP(
                            "import", "{item}：下一行（或下一页）续写的内容已并入该项。"
                        ),
                        item=task_place(section, len(result)),
                    )
                )
            else:
                result.append({name: list(cell.lines) for name, cell in cells.items()})
                for name in ("objective", "schedule"):
                    cell = cells.get(name)
                    if cell is not None and cell is previous.get(name):
                        self.notes.append(
                            Note(
                                QT_TRANSLATE_NOOP(
                                    "import",
                                    "{item}：“{column}”与上一项是合并的单元格，已照抄上一项的内容。",
                                ),
                                item=task_place(section, len(result)),
                                column=self.column_names[name],
                            )
                        )
            self.notes.extend(
                Note(
                    QT_TRANSLATE_NOOP("import", "{item}：{problem}"),
                    item=task_place(section, len(result)),
                    problem=problem,
                )
                for problem in problems
            )
            previous = cells
        return result

    def _task(self, section: Section, number: int, fields: dict[str, list[str]]) -> Task:
        where = task_place(section, number)
        objective, target = objective_from_lines(fields.get("objective", []))
        schedule, loose = schedule_from_lines(fields.get("schedule", []))
        for line in loose:
            self.notes.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import",
                        "{item}：进度安排“{line}”没有写明季度（如“第一季度：”），未能归入。",
                    ),
                    item=where,
                    line=line,
                )
            )
        role = None
        role_text = re.sub(r"\s+", "", "".join(fields.get("role", [])))
        if section.has_role and role_text:
            if LEAD in role_text and ASSIST not in role_text:
                role = LEAD
            elif ASSIST in role_text and LEAD not in role_text:
                role = ASSIST
            elif role_text != NONE_MARK:
                self.notes.append(
                    Note(
                        QT_TRANSLATE_NOOP(
                            "import", "{item}：{column}“{text}”应为“牵头”或“协办”，未能归入。"
                        ),
                        item=where,
                        column=self.column_names["role"],
                        text=role_text,
                    )
                )
        elif role_text:
            self.notes.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import", "{item}：{section}没有{column}栏，“{text}”未能归入。"
                    ),
                    item=where,
                    section=section_label(section),
                    column=self.column_names["role"],
                    text=role_text,
                )
            )
        # A column of the form that is no field of Task (分值 …): its lines as typed.
        extra = tuple(
            (column.name, "\n".join(line.strip() for line in fields[column.name]).strip())
            for column in section.extra_columns
            if column.name in fields
        )
        return Task(
            task="".join(line.strip() for line in fields.get("task", [])),
            objective=objective,
            target=target,
            schedule=schedule,
            leaders=parse_leaders(" ".join(fields.get("leaders", []))),
            role=role,
            extra=extra,
        )

    def _section(
        self,
        columns: list[str | None],
        headers: list[str],
        before: list[str],
        last: _TaskTable | None,
    ) -> Section:
        """重点工作 by its own columns (牵头/协办, 改革要点), else by the heading above it."""
        if "role" in columns or any("改革" in h for h in headers):
            return self.key
        for line in reversed(before):
            if "职能" in line:
                return self.functional
            if "重点" in line and "注" not in line[:2]:
                return self.key
        return last.section if last else self.functional

    def _unplaced(self, where: Note, lines: list[str]) -> None:
        template = QT_TRANSLATE_NOOP("import", "{where}：{line}")
        self.notes.extend(Note(template, where=where, line=line) for line in lines)


def _continues(cells: dict[str, Cell], previous: dict[str, Cell]) -> bool:
    """A row with no serial and no task of its own (or merged with the row above) goes on."""

    def own_empty(name: str) -> bool:
        cell = cells.get(name)
        return cell is None or not cell.text.strip() or cell is previous.get(name)

    if not previous:
        return False
    return own_empty("serial") and own_empty("task")


def _has_heading(lines: list[str]) -> bool:
    return any(_NOTE.match(line) or "任务目标" in line for line in lines)


def _heading(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(title, note, lines before them) from the lines above a table: title, then 注：…"""
    note_at = next((i for i in range(len(lines) - 1, -1, -1) if _NOTE.match(lines[i])), None)
    if note_at is not None and any(_is_heading_line(line) for line in lines[note_at + 1 :]):
        note_at = None  # that note belongs to an earlier section (typed with no table)
    note = None
    end = len(lines)
    if note_at is not None:
        first = _NOTE.sub("", lines[note_at])
        note = "\n".join([first, *lines[note_at + 1 :]])
        end = note_at
    title = None
    if end and _looks_like_title(lines[end - 1]):
        title = lines[end - 1]
        end -= 1
    return title, note, lines[:end]


def _is_heading_line(line: str) -> bool:
    """Stricter than _looks_like_title: headings end in 任务目标 and the like."""
    return len(line) <= 40 and bool(re.search(r"(任务|目标|项目|要点)$", line))


def _looks_like_title(line: str) -> bool:
    """A section heading, not the cover's last line (…工作领导小组办公室编制) or a label."""
    if len(line) > 80 or re.search(r"[:：]|编\s*制$", line):
        return False
    return bool(re.search(r"任务|目标|工作|项目", line))


def _cut_closing(rows: Grid) -> tuple[Grid, list[str]]:
    """Task rows, and the closing block when the template put it in the table's last rows."""
    for index, row in enumerate(rows):
        first = next((cell.text for cell in row if cell.text), "")
        if _OPINION.match(first) or _SIGNATURE.match(first):
            return rows[:index], [
                line for r in rows[index:] for cell in dict.fromkeys(r) for line in cell.lines
            ]
    return rows, []


def _row_lines(row: list[Cell]) -> list[str]:
    """A table row outside the task tables as one line: 年度 | 2021 → 年度：2021."""
    texts = [" ".join(cell.lines) for cell in dict.fromkeys(row)]
    texts = [t for t in texts if t]
    if len(texts) >= 2 and len(texts[0]) <= 10:
        return [f"{texts[0]}：{''.join(texts[1:])}"]
    return texts


def _width(grid: Grid) -> int:
    return max((len(row) for row in grid), default=0)


def _guess_year(values: dict[str, Any]) -> tuple[int, Note]:
    import datetime as dt

    if values.get("filled_on"):
        source = QT_TRANSLATE_NOOP("import", "填表日期（{date}）")
        return values["filled_on"].year, Note(source, date=chinese_date(values["filled_on"]))
    if values.get("issued_on"):
        source = QT_TRANSLATE_NOOP("import", "编制年月（{month}）")
        return values["issued_on"].year, Note(source, month=chinese_month(values["issued_on"]))
    match = re.search(r"20\d\d", str(values.get("title", "")))
    if match:
        return int(match.group()), Note(QT_TRANSLATE_NOOP("import", "标题"))
    return dt.date.today().year, Note(QT_TRANSLATE_NOOP("import", "今年"))
