"""A task table's header row read by meaning, and a row's cells given to the task fields
they hold: the columns, their words and their headers are the form's (domain.form)."""

from __future__ import annotations

import re

from bluebook_desktop.domain import QT_TRANSLATE_NOOP
from bluebook_desktop.domain.form import FORM, Form
from bluebook_desktop.formats.docx_tables import Cell, Grid
from bluebook_desktop.formats.notes import Note


class Headers:
    """A form's column words and headers, as the reader of a filled copy of that form
    needs them: which header cell names which column, and how a note names a column."""

    def __init__(self, form: Form = FORM) -> None:
        functional = form.functional_tasks
        # Each column's header as the form prints it (the functional table's where the key
        # table words it longer), to name a column in a note.
        self.names = {c.name: c.header for s in form.sections for c in s.columns}
        self.names.update({c.name: c.header for c in functional.columns})
        # The columns every task table of the form has (序号 aside, which the program
        # numbers); a table without them is another form's.
        self.required = tuple(
            c.name
            for c in functional.columns
            if c.name != "serial" and all(s.has(c.name) for s in form.sections)
        )
        order = form.header_order

        def by_specificity(item: tuple[str, tuple[str, ...]]) -> int:
            return order.index(item[0]) if item[0] in order else -1

        # The words a header cell names each column by, tried most specific first.
        self._words = sorted(
            {c.name: c.header_words for s in form.sections for c in s.columns}.items(),
            key=by_specificity,
        )

    def column_of(self, text: str) -> str | None:
        """The column a header cell names, by the words clerks use for it."""
        t = re.sub(r"\s+", "", text)
        if not t:
            return None
        for field_name, words in self._words:
            if any(word in t for word in words):
                return field_name
        return None


# This district's form, as the reader takes it unless given another.
OURS = Headers(FORM)
COLUMN_NAMES = OURS.names
FORM_COLUMNS = OURS.required
column_of = OURS.column_of


# A header cell is a short label (年度目标/改革要点 is the longest the form has); a cell of a
# task row can hold the same words (完成区委交办任务, 项目建设) but then says more.
_HEADER_CELL_MAX = 16


def header_row(grid: Grid, headers: Headers = OURS) -> tuple[int, list[str | None]] | None:
    """The header row among the first rows of a table, with the field of each column.

    Every cell with text must be a short column label: a task row (序号 1, 工作任务 项目建设,
    年度目标 …) has a serial or a long text that is no label, so it is never taken for one.
    """
    for index, row in enumerate(grid[:3]):
        columns: list[str | None] = []
        seen: set[str] = set()
        previous: Cell | None = None
        labels_only = True
        for cell in row:
            name = None if cell is previous else headers.column_of(cell.text)
            if cell is not previous and cell.text.strip():
                short = len(re.sub(r"\s+", "", cell.text)) <= _HEADER_CELL_MAX
                labels_only = labels_only and name is not None and short
            if name in seen:
                name = None
            if name:
                seen.add(name)
            columns.append(name)
            previous = cell
        if labels_only and "task" in seen and ({"objective", "schedule"} & seen):
            return index, columns
    return None


def same_texts(row: list[Cell], headers: list[str]) -> bool:
    """The row repeats the table's header row, cell for cell (the header repeated on a page)."""
    texts = [re.sub(r"\s+", "", cell.text) for cell in row]
    return texts == [re.sub(r"\s+", "", text) for text in headers]


def assign(
    row: list[Cell],
    columns: list[str | None],
    headers: list[str],
    seen: set[int],
    names_of: dict[str, str] | None = None,
) -> tuple[dict[str, Cell], list[Note]]:
    """The cell of each field in a row, and what did not fit: unknown columns, wide cells.

    A cell spanning several columns belongs to the first field it covers. Cells already
    reported in the row above (vertically merged) are not reported again. `names_of` names
    the columns in the notes (the form's headers; this district's by default).
    """
    names_of = COLUMN_NAMES if names_of is None else names_of
    positions: dict[int, list[int]] = {}
    order: list[Cell] = []
    for index, cell in enumerate(row):
        if id(cell) not in positions:
            positions[id(cell)] = []
            order.append(cell)
        positions[id(cell)].append(index)
    cells: dict[str, Cell] = {}
    problems: list[Note] = []
    for cell in order:
        indices = positions[id(cell)]
        found = [columns[i] for i in indices if i < len(columns)]
        found = [n for n in dict.fromkeys(found) if n and n not in cells]
        if found:
            cells[found[0]] = cell
        if not cell.text or id(cell) in seen:
            continue
        labels = "”“".join(names_of[n] for n in found)
        if len(found) > 1:
            problems.append(
                Note(
                    QT_TRANSLATE_NOOP(
                        "import", "合并单元格横跨“{columns}”栏，内容已归入“{column}”。"
                    ),
                    columns=labels,
                    column=names_of[found[0]],
                )
            )
        elif not found:
            i = indices[0]
            header = headers[i].strip() if i < len(headers) else ""
            problems.append(
                Note(
                    QT_TRANSLATE_NOOP("import", "无法识别的栏目“{header}”：{text}"),
                    header=header,
                    text=cell.text,
                )
            )
    return cells, problems
